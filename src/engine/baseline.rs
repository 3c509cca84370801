//! Last year beside this year: a baseline is a previous result — the pemda's score and
//! each unit's score and dimension scores, as that year's method rounded them — kept
//! with the work, and the change from it. Results, not entries: last year may have
//! been assessed under another method (2024's Penilaian Kepatuhan beside 2025's Opini),
//! and an official report prints only the scores.

use super::error::{Expected, InputError, Problem};
use super::limits;
use super::number::{parse_decimal, parse_json_number};
use crate::engine::map::SmallMap;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Baseline {
    /// Where it came from, as the user knows it (the file's name).
    pub label: String,
    /// The pemda's score, rounded as its method rounds.
    pub score: Option<Decimal>,
    pub units: Vec<BaselineUnit>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BaselineUnit {
    pub name: String,
    pub score: Option<Decimal>,
    /// Dimension id → score (0–100), where the unit was entered below its total.
    pub dimensions: SmallMap<String, Decimal>,
}

/// The baseline in a scenario file or link: `{"label": …, "score": "80.00", "units":
/// [{"name": …, "score": "82.10", "dimensions": {"input": "80.00"}}]}`. Written and read
/// by hand on `serde_json::Value`, as the rest of the scenario is: a derived reader over
/// `Value` would add its own decoder to the files worker.
pub fn to_json(b: &Baseline) -> Value {
    let mut top = Map::new();
    if !b.label.is_empty() {
        top.insert("label".into(), b.label.clone().into());
    }
    if let Some(x) = b.score {
        top.insert("score".into(), x.to_string().into());
    }
    let units = b.units.iter().map(|u| {
        let mut m = Map::new();
        m.insert("name".into(), u.name.clone().into());
        if let Some(x) = u.score {
            m.insert("score".into(), x.to_string().into());
        }
        if !u.dimensions.is_empty() {
            // Inserted one by one (collecting into a map sorts: more code in the worker).
            let mut d = Map::new();
            for (k, v) in &u.dimensions {
                d.insert(k.clone(), v.to_string().into());
            }
            m.insert("dimensions".into(), d.into());
        }
        Value::Object(m)
    });
    top.insert("units".into(), Value::Array(units.collect()));
    Value::Object(top)
}

/// Reads what `to_json` writes (numbers as text or JSON numbers), each problem named
/// at its place under `at`, and checks it.
pub fn from_json(v: &Value, at: &str) -> Result<Baseline, InputError> {
    let object = |v: &'_ Value, at: &str| v.as_object().cloned().ok_or_else(|| InputError::new(at, Problem::Expected(Expected::Object)));
    let text = |v: Option<&Value>, at: String| match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(InputError::new(at, Problem::Expected(Expected::Text))),
    };
    let number = |v: Option<&Value>, at: String| -> Result<Option<Decimal>, InputError> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => parse_decimal(s).map(Some).map_err(|e| InputError::number(at, s, e)),
            Some(Value::Number(n)) => {
                let t = n.to_string();
                parse_json_number(&t).map(Some).map_err(|e| InputError::number(at, &t, e))
            }
            Some(_) => Err(InputError::new(at, Problem::Expected(Expected::Number))),
        }
    };
    let o = object(v, at)?;
    let mut b = Baseline {
        label: text(o.get("label"), format!("{at}.label"))?,
        score: number(o.get("score"), format!("{at}.score"))?,
        units: Vec::new(),
    };
    match o.get("units") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            limits::count(&format!("{at}.units"), limits::Counted::Units, items.len())?;
            for (i, u) in items.iter().enumerate() {
                let here = format!("{at}.units[{i}]");
                let u = object(u, &here)?;
                let mut unit = BaselineUnit {
                    name: text(u.get("name"), format!("{here}.name"))?,
                    score: number(u.get("score"), format!("{here}.score"))?,
                    dimensions: SmallMap::new(),
                };
                if let Some(d) = u.get("dimensions") {
                    for (k, x) in object(d, &format!("{here}.dimensions"))? {
                        if let Some(x) = number(Some(&x), format!("{here}.dimensions.{k}"))? {
                            unit.dimensions.insert(k, x);
                        }
                    }
                }
                b.units.push(unit);
            }
        }
        Some(_) => return Err(InputError::new(format!("{at}.units"), Problem::Expected(Expected::List))),
    }
    b.check(at)?;
    Ok(b)
}

/// Scores a baseline may hold: 0 up to this (every scheme's scale is at most 100).
const MAX_SCORE: u32 = 100;

impl Baseline {
    /// The unit of this name (names as typed, compared trimmed).
    pub fn unit(&self, name: &str) -> Option<&BaselineUnit> {
        self.units.iter().find(|u| u.name.trim() == name.trim())
    }

    /// Checks a baseline read from a file or link against Rapor's limits; `at` is
    /// where it sits ("baseline").
    pub fn check(&self, at: &str) -> Result<(), InputError> {
        limits::name(&format!("{at}.label"), &self.label)?;
        limits::count(&format!("{at}.units"), limits::Counted::Units, self.units.len())?;
        let score = |x: &Decimal, path: String| check_score(*x, &path);
        if let Some(x) = &self.score {
            score(x, format!("{at}.score"))?;
        }
        for (i, u) in self.units.iter().enumerate() {
            limits::name(&format!("{at}.units[{i}].name"), &u.name)?;
            if let Some(x) = &u.score {
                score(x, format!("{at}.units[{i}].score"))?;
            }
            limits::count(&format!("{at}.units[{i}].dimensions"), limits::Counted::Dimensions, u.dimensions.len())?;
            for (k, x) in &u.dimensions {
                score(x, format!("{at}.units[{i}].dimensions.{k}"))?;
            }
        }
        Ok(())
    }
}

/// A baseline score: 0 to 100, named at `at` when it is not.
pub fn check_score(x: Decimal, at: &str) -> Result<(), InputError> {
    if x < Decimal::ZERO {
        Err(InputError::new(at, Problem::BelowMin { value: x, min: Decimal::ZERO }))
    } else if x > Decimal::from(MAX_SCORE) {
        Err(InputError::new(at, Problem::AboveMax { value: x, max: Decimal::from(MAX_SCORE) }))
    } else {
        Ok(())
    }
}

/// The baseline as the autosave stores it: rows of text in the map type the form's
/// other fields already use (`{"pemda": [label, score], "0000": [name, score,
/// "input=80.00", …]}`), so the widget's first load carries no second set of decoders
/// for it. Unreadable numbers are dropped; `Baseline::check` guards the ranges.
pub mod as_rows {
    use super::{Baseline, BaselineUnit};
    use crate::engine::map::SmallMap;
    use crate::engine::number::{format_decimal, parse_decimal};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Rows = SmallMap<String, Vec<String>>;

    pub fn serialize<S: Serializer>(b: &Option<Baseline>, s: S) -> Result<S::Ok, S::Error> {
        let mut rows = Rows::new();
        if let Some(b) = b {
            // The crate's own writer: the page then needs no `Display` for decimals.
            let text = |x: Option<rust_decimal::Decimal>| x.map(|x| format_decimal(x, false)).unwrap_or_default();
            rows.insert("pemda".into(), vec![b.label.clone(), text(b.score)]);
            for (i, u) in b.units.iter().enumerate() {
                let mut row = vec![u.name.clone(), text(u.score)];
                row.extend(u.dimensions.iter().map(|(k, v)| format!("{k}={}", format_decimal(*v, false))));
                rows.insert(format!("{i:04}"), row);
            }
        }
        rows.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Baseline>, D::Error> {
        let rows = Rows::deserialize(d)?;
        let Some(pemda) = rows.get("pemda") else { return Ok(None) };
        let number = |t: Option<&String>| t.and_then(|t| parse_decimal(t).ok());
        let mut units = Vec::new();
        for (_, row) in rows.iter().filter(|(k, _)| k.as_str() != "pemda") {
            // Inserted one by one: collecting into a map would add a sort to the page.
            let mut dimensions = SmallMap::new();
            for (k, v) in row.iter().skip(2).filter_map(|c| c.split_once('=')) {
                if let Ok(x) = parse_decimal(v) {
                    dimensions.insert(k.to_string(), x);
                }
            }
            units.push(BaselineUnit { name: row.first().cloned().unwrap_or_default(), score: number(row.get(1)), dimensions });
        }
        Ok(Some(Baseline { label: pemda.first().cloned().unwrap_or_default(), score: number(pemda.get(1)), units }))
    }
}

//! A scenario: the user's entries for one pemda under one ruleset, at whichever level
//! each unit is known (total, dimension scores, or indicators).
//!
//! Parsed by hand from `serde_json::Value` rather than derived, so every problem is
//! reported at its exact place (`units[2].indicators.proses.biaya`) and no input,
//! however odd, can panic. Checks that need the ruleset happen in `score::evaluate`.

use crate::engine::error::{Expected, InputError, Problem, Says};
use crate::engine::limits::{self, Counted};
use crate::engine::map::SmallMap;
use crate::engine::number::parse_decimal;
use crate::engine::overrides::{Overrides, MAX_CRITERIA};
use crate::engine::ruleset::Ruleset;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    pub ruleset: String,
    /// The pemda's name, for reports.
    pub pemda: String,
    pub units: Vec<Unit>,
    pub deduction: Decimal,
    pub followed_up: Option<bool>,
    /// A pemda-level Kepercayaan Masyarakat from a file or link written before it moved
    /// to the units: read once, given to every unit (not entered as a total) that had
    /// none, and kept here only so the user can be told. Never written back.
    pub trust_spread: Option<Decimal>,
    /// Effort per level step of an indicator ("proses.maklumat" → 1), for the planner.
    pub effort: SmallMap<String, u32>,
    /// What one indicator level step weighs in a plan that also raises totals or
    /// dimension scores, in points (of a total or a dimension, before `effort`);
    /// `None` is `DEFAULT_STEP_POINTS`. On the 0,01 grid, from 0,01 to 100.
    pub step_points: Option<Decimal>,
    /// A safety margin the plan aims above the target's threshold (0,01 when a plan
    /// would end where rounded entries leave the category uncertain, §2b); 0 to 10.
    pub margin: Decimal,
    /// Assumptions the user changed (weights, scale); apply with `overrides::apply`.
    pub assumptions: Overrides,
    /// The user's own ruleset (e.g. next year's method), carried with the scenario so a
    /// file or link scores the same anywhere; its id is `ruleset`.
    pub custom_ruleset: Option<Box<Ruleset>>,
    /// Sector → how many of its units the Ombudsman draws (`{"puskesmas": 2}`). Units of
    /// other sectors, and units without one, are always in the sample.
    pub sampling: SmallMap<String, u32>,
    /// Last year's result, shown beside this year's (`engine::baseline`); not scored.
    pub baseline: Option<crate::engine::baseline::Baseline>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub name: String,
    pub entry: Entry,
    /// Indicator keys the planner must not change.
    pub locked: Vec<String>,
    /// The kind of unit ("puskesmas"), when the sample draws only some units of a kind.
    pub sector: Option<String>,
    /// Kepercayaan Masyarakat (2025): this unit's own survey score, 0–100; a unit
    /// entered as a total already holds it.
    pub trust: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// Nothing entered yet: left out of the aggregate.
    Empty,
    Score(Decimal),
    /// Dimension id → score; dimensions not listed count as not yet entered.
    Dimensions(SmallMap<String, Decimal>),
    /// Dimension id → weighted points, as Ombudsman's unit reports print them (Input out
    /// of 21,85): the dimension's score × its weight share.
    Points(SmallMap<String, Decimal>),
    /// "dimension.indicator" → value(s); indicators not listed count as not yet entered.
    Indicators(SmallMap<String, Values>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    One(Option<Decimal>),
    /// One value per service product; `None` where a product is not yet entered.
    PerProduct(Vec<Option<Decimal>>),
    /// How many respondents gave each answer, lowest answer first (IKM: answers 1–4);
    /// the value is their mean, kept as an exact fraction.
    Responses(Vec<u32>),
}

impl Values {
    pub fn any_entered(&self) -> bool {
        match self {
            Values::One(v) => v.is_some(),
            Values::PerProduct(vs) => vs.iter().any(Option::is_some),
            Values::Responses(n) => n.iter().any(|&k| k > 0),
        }
    }
}

impl Unit {
    pub fn new(name: impl Into<String>, entry: Entry) -> Unit {
        Unit { name: name.into(), entry, locked: Vec::new(), sector: None, trust: None }
    }

    pub fn has_data(&self) -> bool {
        match &self.entry {
            Entry::Empty => false,
            Entry::Score(_) => true,
            Entry::Dimensions(m) | Entry::Points(m) => !m.is_empty(),
            Entry::Indicators(m) => m.values().any(Values::any_entered),
        }
    }
}

/// `locked` and `effort` may name "total" (a unit entered as a total) or a dimension's
/// id (a unit entered by dimension), besides indicators.
pub fn names_total_or_dimension(rs: &Ruleset, key: &str) -> bool {
    key == TOTAL || rs.dimension(key).is_some()
}

/// The name of a unit's total in `locked` and `effort`.
pub const TOTAL: &str = "total";

/// A level step weighs as one point unless the user says otherwise. In the 2024 method
/// a step adds 0,49 to 1,62 to its unit's score (0,90 on average over the 37
/// indicators), so one point keeps the levels about even there; in 2025, with nine
/// indicators, a step adds more (1,27 to 5,66 before products), so steps are favoured.
pub const DEFAULT_STEP_POINTS: Decimal = Decimal::ONE;

/// A planner setting as a file or the widget's field gives it, checked at `at`:
/// `step_points` (0,01 to 100) or `margin` (0 to 10), both on the grid of 0,01.
pub fn planner_setting(v: Decimal, at: &str, which: Expected) -> Result<Decimal, InputError> {
    let (low, high) = match which {
        Expected::StepPoints => (Decimal::new(1, 2), Decimal::ONE_HUNDRED),
        _ => (Decimal::ZERO, Decimal::TEN),
    };
    if v < low || v > high || v.normalize().scale() > 2 {
        return Err(InputError::new(at, Problem::Expected(which)));
    }
    Ok(v)
}

impl Scenario {
    /// The scenario with every indicator named one way, "dimension.indicator", wherever
    /// it is named (`indicators`, `responses`, `locked`, `effort`): a bare id is
    /// accepted when one dimension has it, an ambiguous one names its candidates. Every
    /// command starts here, so each accepts what any other accepts.
    pub fn canonical(&self, rs: &Ruleset) -> Result<std::borrow::Cow<'_, Scenario>, InputError> {
        // "total" and a dimension's id name what a unit entered as a total or by
        // dimension raises; they are not indicators and stay as they are.
        let bare = |k: &String| !k.contains('.') && !names_total_or_dimension(rs, k);
        let needed = self.effort.keys().any(bare)
            || self.units.iter().any(|u| u.locked.iter().any(bare) || matches!(&u.entry, Entry::Indicators(m) if m.keys().any(bare)));
        if !needed {
            return Ok(std::borrow::Cow::Borrowed(self));
        }
        let full = |k: &str, at: String| -> Result<String, InputError> {
            if k.contains('.') || names_total_or_dimension(rs, k) {
                Ok(k.to_string())
            } else {
                rs.lookup(k).map(|r| r.key()).map_err(|p| InputError::new(at, p))
            }
        };
        let mut sc = self.clone();
        sc.effort.clear();
        for (k, v) in &self.effort {
            let key = full(k, format!("effort.{k}"))?;
            if sc.effort.insert(key.clone(), *v).is_some() {
                return Err(InputError::new(format!("effort.{k}"), Problem::GivenTwice(key)));
            }
        }
        for (i, u) in sc.units.iter_mut().enumerate() {
            let mut locked: Vec<String> = Vec::with_capacity(u.locked.len());
            for (j, k) in u.locked.iter().enumerate() {
                let key = full(k, format!("units[{i}].locked[{j}]"))?;
                // Locking twice is harmless: keep one.
                if !locked.contains(&key) {
                    locked.push(key);
                }
            }
            u.locked = locked;
            if let Entry::Indicators(m) = &mut u.entry {
                let mut out = SmallMap::new();
                // Full key → the place it was written, to name the bare one of a pair.
                let mut written: SmallMap<String, String> = SmallMap::new();
                for (k, v) in std::mem::take(m) {
                    let field = if matches!(v, Values::Responses(_)) { "responses" } else { "indicators" };
                    let at = format!("units[{i}].{field}.{k}");
                    let key = full(&k, at.clone())?;
                    if let Some(before) = written.insert(key.clone(), at.clone()) {
                        let place = if k.contains('.') { before } else { at };
                        return Err(InputError::new(place, Problem::GivenTwice(key)));
                    }
                    out.insert(key, v);
                }
                *m = out;
            }
        }
        Ok(std::borrow::Cow::Owned(sc))
    }
}

/// The current version of the scenario file format (issue 6 adds migrations).
pub const FORMAT: u32 = 1;

impl Scenario {
    pub fn from_json_str(text: &str) -> Result<Scenario, InputError> {
        crate::engine::duplicates::refuse_duplicate_keys(text)?;
        let value: Value = serde_json::from_str(text).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.rfind(" at line ").map_or(msg.clone(), |i| msg[..i].to_string());
            InputError::new(format!("line {} column {}", e.line(), e.column()), Problem::Says(Says::NotJson(msg)))
        })?;
        Scenario::from_json(&value)
    }

    pub fn from_json(value: &Value) -> Result<Scenario, InputError> {
        let top = object(value, "")?;
        known_fields(
            top,
            "",
            &[
                "format",
                "ruleset",
                "pemda",
                "units",
                "deduction",
                "followed_up",
                "trust",
                "effort",
                "step_points",
                "margin",
                "assumptions",
                "custom_ruleset",
                "sampling",
                "baseline",
            ],
        )?;
        if let Some(f) = top.get("format") {
            match f.as_u64() {
                Some(n) if n >= 1 && n <= FORMAT as u64 => {}
                _ => {
                    return Err(InputError::new(
                        "format",
                        Problem::Says(Says::UnsupportedFormat { got: f.to_string(), newest: FORMAT as u64 }),
                    ))
                }
            }
        }
        let ruleset = match top.get("ruleset") {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(InputError::new("ruleset", Problem::Expected(Expected::Text))),
            None => return Err(InputError::new("ruleset", Problem::Says(Says::MissingRuleset))),
        };
        let pemda = match top.get("pemda") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(InputError::new("pemda", Problem::Expected(Expected::Text))),
        };
        limits::name("pemda", &pemda)?;
        let mut units = match top.get("units") {
            Some(Value::Array(items)) => {
                limits::count("units", Counted::Units, items.len())?;
                items.iter().enumerate().map(|(i, u)| parse_unit(u, &format!("units[{i}]"))).collect::<Result<Vec<_>, _>>()?
            }
            Some(_) => return Err(InputError::new("units", Problem::Expected(Expected::List))),
            None => return Err(InputError::new("units", Problem::Says(Says::MissingUnits))),
        };
        let deduction = top.get("deduction").map(|v| number(v, "deduction")).transpose()?.flatten().unwrap_or_default();
        let followed_up = match top.get("followed_up") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => return Err(InputError::new("followed_up", Problem::Expected(Expected::TrueOrFalse))),
        };
        // Before 2025 scores were read per unit, trust was one pemda-level value.
        let trust_spread = top.get("trust").map(|v| number(v, "trust")).transpose()?.flatten();
        let mut effort = SmallMap::new();
        if let Some(e) = top.get("effort") {
            for (k, v) in object(e, "effort")? {
                let at = format!("effort.{k}");
                match v.as_u64() {
                    Some(n) if n >= 1 && n <= limits::MAX_EFFORT as u64 => {
                        effort.insert(k.clone(), n as u32);
                    }
                    Some(n) if n > 1 => return Err(above(at, n, limits::MAX_EFFORT as u64)),
                    _ => return Err(InputError::new(at, Problem::Expected(Expected::PositiveWhole))),
                }
            }
        }
        let setting = |key: &str, which| {
            top.get(key).map(|v| number(v, key)).transpose()?.flatten().map(|v| planner_setting(v, key, which)).transpose()
        };
        let step_points = setting("step_points", Expected::StepPoints)?;
        let margin = setting("margin", Expected::Margin)?.unwrap_or_default();
        let assumptions = match top.get("assumptions") {
            None | Some(Value::Null) => Overrides::default(),
            Some(a) => parse_overrides(a)?,
        };
        let custom_ruleset = match top.get("custom_ruleset") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let rs = Ruleset::from_value(v).map_err(|e| e.within("custom_ruleset"))?;
                crate::engine::catalog::check_own_id(&rs).map_err(|e| e.within("custom_ruleset"))?;
                if rs.id != ruleset {
                    return Err(InputError::new(
                        "ruleset",
                        Problem::Says(Says::NotTheCustomId { ruleset: ruleset.clone(), custom: rs.id.clone() }),
                    ));
                }
                Some(Box::new(rs))
            }
        };
        let mut sampling = SmallMap::new();
        if let Some(v) = top.get("sampling") {
            for (k, v) in object(v, "sampling")? {
                match v.as_u64() {
                    Some(n) if n >= 1 && n <= limits::MAX_UNITS as u64 => {
                        sampling.insert(k.clone(), n as u32);
                    }
                    Some(n) if n > 1 => return Err(above(format!("sampling.{k}"), n, limits::MAX_UNITS as u64)),
                    _ => return Err(InputError::new(format!("sampling.{k}"), Problem::Expected(Expected::UnitsDrawn))),
                }
            }
        }
        let baseline = match top.get("baseline") {
            None | Some(Value::Null) => None,
            Some(v) => Some(crate::engine::baseline::from_json(v, "baseline")?),
        };
        if let Some(t) = trust_spread {
            for u in units.iter_mut().filter(|u| u.trust.is_none() && !matches!(u.entry, Entry::Score(_))) {
                u.trust = Some(t);
            }
        }
        Ok(Scenario {
            ruleset,
            pemda,
            units,
            deduction,
            followed_up,
            trust_spread,
            effort,
            step_points,
            margin,
            assumptions,
            custom_ruleset,
            sampling,
            baseline,
        })
    }

    /// Writes the scenario in the same schema it is read from; decimals as strings so
    /// they keep their exact digits.
    pub fn to_json(&self) -> Value {
        let mut top = Map::new();
        top.insert("format".into(), FORMAT.into());
        top.insert("ruleset".into(), self.ruleset.clone().into());
        if !self.pemda.is_empty() {
            top.insert("pemda".into(), self.pemda.clone().into());
        }
        top.insert("units".into(), Value::Array(self.units.iter().map(unit_json).collect()));
        top.insert("deduction".into(), self.deduction.to_string().into());
        if let Some(f) = self.followed_up {
            top.insert("followed_up".into(), f.into());
        }
        if !self.effort.is_empty() {
            let e: Map<String, Value> = self.effort.iter().map(|(k, v)| (k.clone(), (*v).into())).collect();
            top.insert("effort".into(), e.into());
        }
        if !self.margin.is_zero() {
            top.insert("margin".into(), self.margin.normalize().to_string().into());
        }
        if let Some(p) = self.step_points {
            top.insert("step_points".into(), p.normalize().to_string().into());
        }
        if !self.assumptions.is_empty() {
            let mut a = Map::new();
            if !self.assumptions.weights.is_empty() {
                let w: Map<String, Value> = self.assumptions.weights.iter().map(|(k, v)| (k.clone(), v.to_string().into())).collect();
                a.insert("weights".into(), w.into());
            }
            if let Some(m) = self.assumptions.scale_max {
                a.insert("scale".into(), m.into());
            }
            if !self.assumptions.criteria.is_empty() {
                let c: Map<String, Value> = self.assumptions.criteria.iter().map(|(k, v)| (k.clone(), (*v).into())).collect();
                a.insert("criteria".into(), c.into());
            }
            top.insert("assumptions".into(), a.into());
        }
        if let Some(rs) = &self.custom_ruleset {
            top.insert("custom_ruleset".into(), serde_json::to_value(rs.as_ref()).unwrap_or(Value::Null));
        }
        if !self.sampling.is_empty() {
            let m: Map<String, Value> = self.sampling.iter().map(|(k, v)| (k.clone(), (*v).into())).collect();
            top.insert("sampling".into(), m.into());
        }
        if let Some(b) = &self.baseline {
            top.insert("baseline".into(), crate::engine::baseline::to_json(b));
        }
        Value::Object(top)
    }
}

fn parse_overrides(v: &Value) -> Result<Overrides, InputError> {
    let o = object(v, "assumptions")?;
    known_fields(o, "assumptions", &["weights", "scale", "criteria"])?;
    let mut out = Overrides::default();
    if let Some(w) = o.get("weights") {
        for (k, v) in object(w, "assumptions.weights")? {
            let at = format!("assumptions.weights.{k}");
            if let Some(d) = number(v, &at)? {
                out.weights.insert(k.clone(), d);
            }
        }
    }
    match o.get("scale") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64() {
            Some(n) if (1..=10).contains(&n) => out.scale_max = Some(n as u16),
            _ => return Err(InputError::new("assumptions.scale", Problem::Expected(Expected::ScaleTop))),
        },
    }
    if let Some(c) = o.get("criteria") {
        for (k, v) in object(c, "assumptions.criteria")? {
            match v.as_u64() {
                Some(n) if (1..=MAX_CRITERIA as u64).contains(&n) => {
                    out.criteria.insert(k.clone(), n as u16);
                }
                _ => return Err(InputError::new(format!("assumptions.criteria.{k}"), Problem::Expected(Expected::CriteriaCount))),
            }
        }
    }
    Ok(out)
}

fn unit_json(u: &Unit) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), u.name.clone().into());
    match &u.entry {
        Entry::Empty => {}
        Entry::Score(s) => {
            m.insert("score".into(), s.to_string().into());
        }
        Entry::Dimensions(d) => {
            let d: Map<String, Value> = d.iter().map(|(k, v)| (k.clone(), v.to_string().into())).collect();
            m.insert("dimensions".into(), d.into());
        }
        Entry::Points(d) => {
            let d: Map<String, Value> = d.iter().map(|(k, v)| (k.clone(), v.to_string().into())).collect();
            m.insert("dimension_points".into(), d.into());
        }
        Entry::Indicators(i) => {
            let (counts, levels): (Vec<_>, Vec<_>) = i.iter().partition(|(_, v)| matches!(v, Values::Responses(_)));
            if !levels.is_empty() {
                let l: Map<String, Value> = levels.into_iter().map(|(k, v)| (k.clone(), values_json(v))).collect();
                m.insert("indicators".into(), l.into());
            }
            if !counts.is_empty() {
                let c: Map<String, Value> = counts.into_iter().map(|(k, v)| (k.clone(), values_json(v))).collect();
                m.insert("responses".into(), c.into());
            }
        }
    }
    if !u.locked.is_empty() {
        m.insert("locked".into(), u.locked.clone().into());
    }
    if let Some(s) = &u.sector {
        m.insert("sector".into(), s.clone().into());
    }
    if let Some(t) = u.trust {
        m.insert("trust".into(), t.to_string().into());
    }
    Value::Object(m)
}

fn values_json(v: &Values) -> Value {
    let one = |x: &Option<Decimal>| x.map_or(Value::Null, decimal_json);
    match v {
        Values::One(x) => one(x),
        Values::PerProduct(xs) => Value::Array(xs.iter().map(one).collect()),
        Values::Responses(n) => Value::Array(n.iter().map(|&k| k.into()).collect()),
    }
}

/// Whole levels as JSON numbers (what people write by hand), anything else as a string.
fn decimal_json(d: Decimal) -> Value {
    if d.fract().is_zero() {
        if let Some(n) = rust_decimal::prelude::ToPrimitive::to_i64(&d) {
            return n.into();
        }
    }
    d.to_string().into()
}

fn parse_unit(v: &Value, at: &str) -> Result<Unit, InputError> {
    let o = object(v, at)?;
    known_fields(o, at, &["name", "score", "dimensions", "dimension_points", "indicators", "responses", "locked", "sector", "trust"])?;
    let name = match o.get("name") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => String::new(),
        Some(_) => return Err(InputError::new(format!("{at}.name"), Problem::Expected(Expected::Text))),
    };
    limits::name(&format!("{at}.name"), &name)?;
    let mut entries = Vec::new();
    if let Some(s) = o.get("score") {
        if let Some(d) = number(s, &format!("{at}.score"))? {
            entries.push(Entry::Score(d));
        }
    }
    if let Some(m) = numbers_by_id(o, "dimensions", at)? {
        entries.push(Entry::Dimensions(m));
    }
    if let Some(m) = numbers_by_id(o, "dimension_points", at)? {
        entries.push(Entry::Points(m));
    }
    // Levels and answer counts are both indicator-level entries: one unit may give
    // some unsur as means and others as counts.
    let mut m = SmallMap::new();
    if let Some(inds) = o.get("indicators") {
        read_indicators(object(inds, &format!("{at}.indicators"))?, &format!("{at}.indicators"), "", &mut m)?;
    }
    if let Some(r) = o.get("responses") {
        read_responses(object(r, &format!("{at}.responses"))?, &format!("{at}.responses"), &mut m)?;
    }
    limits::count(&format!("{at}.indicators"), Counted::Entries, m.len())?;
    if m.values().any(Values::any_entered) {
        entries.push(Entry::Indicators(m));
    }
    if entries.len() > 1 {
        return Err(InputError::new(at, Problem::MixedLevels));
    }
    let entry = entries.pop().unwrap_or(Entry::Empty);
    let locked = match o.get("locked") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            limits::count(&format!("{at}.locked"), Counted::Entries, items.len())?;
            items
                .iter()
                .enumerate()
                .map(|(j, x)| {
                    x.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| InputError::new(format!("{at}.locked[{j}]"), Problem::Expected(Expected::Text)))
                })
                .collect::<Result<_, _>>()?
        }
        Some(_) => return Err(InputError::new(format!("{at}.locked"), Problem::Expected(Expected::List))),
    };
    let sector = match o.get("sector") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(_) => return Err(InputError::new(format!("{at}.sector"), Problem::Expected(Expected::SectorName))),
    };
    let trust = o.get("trust").map(|v| number(v, &format!("{at}.trust"))).transpose()?.flatten();
    Ok(Unit { name, entry, locked, sector, trust })
}

/// `{"input": "80", …}` under `field` of a unit: the numbers entered, by dimension id
/// (`None` when the field is absent or holds nothing entered).
fn numbers_by_id(o: &Map<String, Value>, field: &str, at: &str) -> Result<Option<SmallMap<String, Decimal>>, InputError> {
    let Some(v) = o.get(field) else { return Ok(None) };
    let mut m = SmallMap::new();
    for (k, v) in object(v, &format!("{at}.{field}"))? {
        if let Some(d) = number(v, &format!("{at}.{field}.{k}"))? {
            m.insert(k.clone(), d);
        }
    }
    Ok((!m.is_empty()).then_some(m))
}

/// Accepts both `{"proses.biaya": [3, 2]}` and the nested `{"proses": {"biaya": [3, 2]}}`;
/// both give the key "proses.biaya" and the same error path.
fn read_indicators(o: &Map<String, Value>, at: &str, prefix: &str, out: &mut SmallMap<String, Values>) -> Result<(), InputError> {
    for (k, v) in o {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        let path = format!("{at}.{k}");
        match v {
            Value::Object(inner) if prefix.is_empty() => read_indicators(inner, &path, &key, out)?,
            Value::Array(items) => {
                let vals = items.iter().enumerate().map(|(p, x)| number(x, &format!("{path}[{p}]"))).collect::<Result<Vec<_>, _>>()?;
                out.insert(key, Values::PerProduct(vals));
            }
            other => {
                out.insert(key, Values::One(number(other, &path)?));
            }
        }
    }
    Ok(())
}

/// `{"waktu": [0, 2, 20, 8]}`: respondents per answer, lowest answer first.
fn read_responses(o: &Map<String, Value>, at: &str, out: &mut SmallMap<String, Values>) -> Result<(), InputError> {
    for (k, v) in o {
        let path = format!("{at}.{k}");
        let Value::Array(items) = v else {
            return Err(InputError::new(path, Problem::Expected(Expected::CountsPerAnswer)));
        };
        let counts = items
            .iter()
            .enumerate()
            .map(|(j, x)| match x.as_u64() {
                Some(n) if n <= MAX_RESPONDENTS as u64 => Ok(n as u32),
                _ => Err(InputError::new(format!("{path}[{j}]"), Problem::NotACount { text: x.to_string(), max: MAX_RESPONDENTS })),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if out.insert(k.clone(), Values::Responses(counts)).is_some() {
            return Err(InputError::new(path, Problem::Says(Says::ValueAndCounts(k.clone()))));
        }
    }
    Ok(())
}

/// More respondents than any survey has; it also keeps the exact sums small.
pub const MAX_RESPONDENTS: u32 = 1_000_000;

fn object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>, InputError> {
    v.as_object().ok_or_else(|| InputError::new(at, Problem::Expected(Expected::Object)))
}

fn known_fields(o: &Map<String, Value>, at: &str, allowed: &[&str]) -> Result<(), InputError> {
    match o.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(InputError::new(if at.is_empty() { k.clone() } else { format!("{at}.{k}") }, Problem::UnknownField)),
        None => Ok(()),
    }
}

/// A JSON number or a string with either decimal separator; `null` and "" mean
/// "not entered yet".
/// A whole number above its limit, said with the limit.
fn above(at: impl Into<String>, n: u64, max: u64) -> InputError {
    InputError::new(at, Problem::AboveMax { value: Decimal::from(n), max: Decimal::from(max) })
}

fn number(v: &Value, at: &str) -> Result<Option<Decimal>, InputError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => parse_decimal(s).map(Some).map_err(|e| InputError::number(at, s, e)),
        // Large floats come as "1.8446744073709552e+19": read as plain digits.
        Value::Number(n) => {
            let text = n.to_string();
            crate::engine::number::parse_json_number(&text).map(Some).map_err(|e| InputError::number(at, &text, e))
        }
        _ => Err(InputError::new(at, Problem::Expected(Expected::Number))),
    }
}

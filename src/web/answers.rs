//! The worker's answers (plans, sampling risk) read from the JSON it sends, parsed by
//! the browser (`JSON.parse`) and picked field by field. Deriving serde for them would
//! add the parsing code for every type to the widget's first load.

use crate::engine::exact::Ratio;
use crate::engine::plan::{Alternative, Objective, Plan, ResponseChange, Status, Step};
use js_sys::{Array, Reflect};
use rust_decimal::Decimal;
use wasm_bindgen::JsValue;

/// The browser's parse of a JSON text.
pub fn parse(json: &str) -> Option<JsValue> {
    js_sys::JSON::parse(json).ok()
}

pub fn field(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn text(o: &JsValue, key: &str) -> Option<String> {
    field(o, key).as_string()
}

/// A decimal written as a string (how the engine writes scores).
pub fn decimal(o: &JsValue, key: &str) -> Option<Decimal> {
    crate::engine::number::parse_decimal(&text(o, key)?).ok()
}

pub fn number(o: &JsValue, key: &str) -> Option<f64> {
    field(o, key).as_f64()
}

pub fn whole(o: &JsValue, key: &str) -> Option<u64> {
    number(o, key).filter(|n| *n >= 0.0).map(|n| n as u64)
}

pub fn flag(o: &JsValue, key: &str) -> bool {
    field(o, key).as_bool().unwrap_or(false)
}

pub fn list(o: &JsValue, key: &str) -> Vec<JsValue> {
    let v = field(o, key);
    if Array::is_array(&v) {
        Array::from(&v).to_vec()
    } else {
        Vec::new()
    }
}

fn counts(o: &JsValue, key: &str) -> Vec<u32> {
    list(o, key).iter().filter_map(|v| v.as_f64()).map(|n| n as u32).collect()
}

fn step(s: &JsValue) -> Option<Step> {
    let r = field(s, "responses");
    let responses = (!r.is_null() && !r.is_undefined()).then(|| ResponseChange {
        respondents: whole(&r, "respondents").unwrap_or(0) as u32,
        before: counts(&r, "before"),
        after: counts(&r, "after"),
        min: whole(&r, "min").unwrap_or(0) as u16,
    });
    Some(Step {
        unit_index: whole(s, "unit_index")? as usize,
        unit: text(s, "unit")?,
        indicator: text(s, "indicator")?,
        product: whole(s, "product").map(|p| p as usize),
        from: decimal(s, "from")?,
        to: decimal(s, "to")?,
        gain: Ratio::parse(&text(s, "gain")?)?,
        entered: flag(s, "entered"),
        responses,
    })
}

fn alternative(a: &JsValue) -> Option<Alternative> {
    Some(Alternative {
        unit_index: whole(a, "unit_index")? as usize,
        unit: text(a, "unit")?,
        dimension: text(a, "dimension"),
        indicator: text(a, "indicator"),
        to: decimal(a, "to"),
        points: decimal(a, "points")?,
        possible: flag(a, "possible"),
    })
}

/// A plan as `serde_json` writes it; `None` if any part does not read.
pub fn plan(o: &JsValue) -> Option<Plan> {
    let status = match text(o, "status")?.as_str() {
        "Planned" => Status::Planned,
        "AlreadyThere" => Status::AlreadyThere,
        "AtTop" => Status::AtTop,
        _ => Status::Unreachable,
    };
    Some(Plan {
        status,
        objective: if text(o, "objective")? == "Indicators" { Objective::Indicators } else { Objective::Steps },
        target: text(o, "target"),
        threshold: decimal(o, "threshold"),
        score_before: decimal(o, "score_before")?,
        category_before: text(o, "category_before")?,
        score_after: decimal(o, "score_after")?,
        category_after: text(o, "category_after")?,
        points_needed: decimal(o, "points_needed"),
        cost: whole(o, "cost")?,
        steps: list(o, "steps").iter().map(step).collect::<Option<_>>()?,
        best_reachable: decimal(o, "best_reachable"),
        alternatives: list(o, "alternatives").iter().map(alternative).collect::<Option<_>>()?,
    })
}

pub use crate::session::RiskView;

fn lines(o: &JsValue, key: &str) -> Vec<String> {
    list(o, key).iter().filter_map(|v| v.as_string()).collect()
}

pub fn risk(o: &JsValue) -> Option<RiskView> {
    let t = field(o, "text");
    let bar = |b: &JsValue| Some((text(b, "category")?, text(b, "zone")?, whole(b, "width")? as u32, text(b, "label")?));
    Some(RiskView {
        reach: text(&t, "reach")?,
        bars: list(&t, "bars").iter().map(bar).collect::<Option<_>>()?,
        worst: text(&t, "worst")?,
        best: text(&t, "best")?,
        weakest: lines(&t, "weakest"),
        robust: lines(&t, "robust"),
    })
}

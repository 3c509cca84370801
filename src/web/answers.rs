//! The worker's answers (plans, sampling risk) as the browser parses them
//! (`JSON.parse`), read by `protocol`'s readers: deriving serde for them would add the
//! parsing code for every type to the widget's first load.

use crate::protocol::{Fields, ProtocolError};
use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

/// The browser's parse of a JSON text.
pub fn parse(json: &str) -> Option<JsValue> {
    js_sys::JSON::parse(json).ok()
}

pub use crate::session::RiskView;

/// The worker's plan, read by the one reader both ends share.
pub fn plan(o: &JsValue) -> Result<crate::engine::plan::Plan, ProtocolError> {
    crate::protocol::read_plan(&Js(o.clone()))
}

/// The risk panel's lines, likewise.
pub fn risk(o: &JsValue) -> Result<RiskView, ProtocolError> {
    crate::protocol::read_risk(&Js(o.clone()))
}

/// The browser's parse of a JSON value, read through `protocol::Fields`.
struct Js(JsValue);

impl Fields for Js {
    fn field(&self, key: &str) -> Option<Self> {
        let v = Reflect::get(&self.0, &key.into()).ok()?;
        (!v.is_null() && !v.is_undefined()).then_some(Js(v))
    }
    fn as_text(&self) -> Option<String> {
        self.0.as_string()
    }
    fn as_number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn as_flag(&self) -> Option<bool> {
        self.0.as_bool()
    }
    fn as_items(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).to_vec().into_iter().map(Js).collect())
    }
}

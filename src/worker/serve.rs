//! The message loop of Rapor's web workers (`rapor-io`, `rapor-xlsx`): one request in,
//! one answer out, in the wire format of `protocol`; a worker first posts
//! `{ready: true}`, since messages that arrive before its handler exists are lost.

use super::IoError;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// What a worker does with a request: `(op, form, lang, text, bytes)` → answer; `bytes`
/// is a binary file (an .xlsx import), empty otherwise.
pub type Handler = fn(&str, &str, &str, &str, &[u8]) -> Result<JsValue, IoError>;

pub fn serve(handler: Handler) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let get = |k: &str| Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let out = Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = Reflect::set(&out, &k.into(), &v);
        };
        set("id", Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL));
        let bytes = Reflect::get(&data, &"bytes".into())
            .ok()
            .filter(|v| v.is_instance_of::<js_sys::Uint8Array>())
            .map(|v| js_sys::Uint8Array::new(&v).to_vec())
            .unwrap_or_default();
        match handler(&get("op"), &get("form"), &get("lang"), &get("text"), &bytes) {
            Ok(answer) => {
                set("ok", true.into());
                set("data", answer);
            }
            Err(err) => {
                set("ok", false.into());
                let (kind, path, id, en) = err.failure().to_parts();
                set("kind", kind.into());
                set("path", path.into());
                set("message_id", id.into());
                set("message_en", en.into());
            }
        }
        let _ = reply_to.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}

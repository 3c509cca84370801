//! The `rapor-io` web worker: export, import, share links and CSV, loaded by the widget
//! only when first needed (see `rapor::io`). Messages are plain objects:
//! in `{id, op, form, lang, text}`, out `{id, ok, data}` or
//! `{id, ok: false, kind, path, message_id, message_en}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Object, Reflect};
    use rapor::io::{handle, IoError, Request};
    use rapor::share::ShareError;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let get = |k: &str| Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let (op, form, lang, text) = (get("op"), get("form"), get("lang"), get("text"));
        let out = Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = Reflect::set(&out, &k.into(), &v);
        };
        set("id", Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL));
        match handle(&Request { op: &op, form: &form, lang: &lang, text: &text }) {
            Ok(answer) => {
                set("ok", true.into());
                set("data", answer.into());
            }
            Err(err) => {
                set("ok", false.into());
                let (kind, path, id, en) = match err {
                    IoError::FixFields => ("fix-fields", String::new(), String::new(), String::new()),
                    IoError::Input(i) => ("input", i.path.clone(), i.message(true), i.message(false)),
                    IoError::Link(ShareError::NotALink) => ("not-a-link", String::new(), String::new(), String::new()),
                    IoError::Link(ShareError::BadCharacters) => ("bad-characters", String::new(), String::new(), String::new()),
                    IoError::Link(ShareError::Damaged) => ("damaged", String::new(), String::new(), String::new()),
                    IoError::Request(m) => ("request", String::new(), m.clone(), m),
                };
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
    // Messages posted before this handler existed would be lost: the widget waits for this.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-io is the widget's web worker: built by `trunk build`");
}

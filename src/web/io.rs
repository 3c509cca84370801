//! The widget's side of the `rapor-io` worker: started on first use, one per page, and
//! answers routed back to whoever asked. Requests and answers are plain JS objects, so
//! the widget itself needs no JSON parser for them.

use js_sys::{Object, Reflect};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// What the worker answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Ok(String),
    Failed { kind: String, path: String, message_id: String, message_en: String },
}

type Reply = Box<dyn FnOnce(Answer)>;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// Requests made before the worker said it is ready (it drops earlier messages).
    static WAITING: RefCell<Option<Vec<Object>>> = const { RefCell::new(Some(Vec::new())) };
    static PENDING: RefCell<BTreeMap<u32, Reply>> = const { RefCell::new(BTreeMap::new()) };
    static NEXT: RefCell<u32> = const { RefCell::new(0) };
}

/// Where the worker's loader sits: beside the widget's own files.
const LOADER: &str = "./rapor-io_loader.js";

fn worker() -> Option<Worker> {
    WORKER.with(|w| {
        if w.borrow().is_none() {
            let worker = Worker::new(LOADER).ok()?;
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
                let data = e.data();
                if Reflect::get(&data, &"ready".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
                    let queued = WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
                    WORKER.with(|w| {
                        if let Some(worker) = w.borrow().as_ref() {
                            for msg in queued {
                                let _ = worker.post_message(&msg);
                            }
                        }
                    });
                    return;
                }
                let get = |k: &str| Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
                let ok = Reflect::get(&data, &"ok".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
                let answer = if ok {
                    Answer::Ok(get("data"))
                } else {
                    Answer::Failed { kind: get("kind"), path: get("path"), message_id: get("message_id"), message_en: get("message_en") }
                };
                if let Some(reply) = PENDING.with(|p| p.borrow_mut().remove(&id)) {
                    reply(answer);
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            *w.borrow_mut() = Some(worker);
        }
        w.borrow().clone()
    })
}

/// Sends one request; `reply` runs with the answer.
pub fn ask(op: &str, form: &str, lang: &str, text: &str, reply: impl FnOnce(Answer) + 'static) {
    let Some(worker) = worker() else {
        return reply(Answer::Failed { kind: "request".into(), path: String::new(), message_id: "Web Worker tidak tersedia".into(), message_en: "Web Workers are not available".into() });
    };
    let id = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n
    });
    PENDING.with(|p| p.borrow_mut().insert(id, Box::new(reply)));
    let msg = Object::new();
    for (k, v) in [("op", op), ("form", form), ("lang", lang), ("text", text)] {
        let _ = Reflect::set(&msg, &k.into(), &v.into());
    }
    let _ = Reflect::set(&msg, &"id".into(), &JsValue::from(id));
    let queued = WAITING.with(|w| match w.borrow_mut().as_mut() {
        Some(q) => {
            q.push(msg.clone());
            true
        }
        None => false,
    });
    if !queued {
        let _ = worker.post_message(&msg);
    }
}

use super::state::{LinkProblem, Notice, Problem};
use crate::share::ShareError;

/// The notice for a failed answer; `file` names the file for imports, `None` for links.
pub fn notice_for(kind: &str, path: String, message_id: String, message_en: String, file: Option<String>) -> Notice {
    let problem = Problem { path, message_id, message_en };
    match (kind, file) {
        ("fix-fields", _) => Notice::FixFieldsFirst,
        ("not-a-link", None) => Notice::LinkDamaged(LinkProblem::Code(ShareError::NotALink)),
        ("bad-characters", None) => Notice::LinkDamaged(LinkProblem::Code(ShareError::BadCharacters)),
        ("damaged", None) => Notice::LinkDamaged(LinkProblem::Code(ShareError::Damaged)),
        (_, None) => Notice::LinkDamaged(LinkProblem::Scenario(problem)),
        (_, Some(file)) => Notice::ImportFailed { file, problem },
    }
}

/// Asks the worker and hands a successful answer to `done`; a failure becomes a notice.
pub fn ask_then(
    op: &str,
    form: &str,
    lang: &str,
    text: &str,
    file: Option<String>,
    dispatch: yew::Callback<super::state::Action>,
    done: impl FnOnce(String) + 'static,
) {
    ask(op, form, lang, text, move |answer| match answer {
        Answer::Ok(data) => done(data),
        Answer::Failed { kind, path, message_id, message_en } => {
            dispatch.emit(super::state::Action::Notify(notice_for(&kind, path, message_id, message_en, file)))
        }
    });
}

//! The widget's side of its web workers: started on first use, one per page and lane,
//! and answers routed back to whoever asked. Requests and answers are plain JS objects,
//! so the widget itself needs no JSON parser for them. The engine's worker
//! (`ENGINE_WORKER`) runs this very module: it is handed the compiled
//! `WebAssembly.Module` and the glue's address, so the engine is downloaded once.

use crate::engine::map::SmallMap;
use js_sys::{Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    /// The glue's own `import.meta`: its `url` is where the engine's worker imports it from.
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// Starts the engine's worker and hands it this module, compiled, and the address of
/// its glue (the page's, or the one `embed.js` imported): nothing is downloaded again.
/// On Rapor's own page the early script started it already (`early::worker`).
fn engine_worker(script: &str) -> Option<Worker> {
    let worker = match super::early::worker() {
        Some(started) => started,
        None => {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Module);
            Worker::new_with_options(script, &options).ok()?
        }
    };
    let init = Object::new();
    let _ = Reflect::set(&init, &"module".into(), &wasm_bindgen::module());
    let _ = Reflect::set(&init, &"glue".into(), &IMPORT_META.with(ImportMeta::url).into());
    worker.post_message(&init).ok()?;
    Some(worker)
}

/// What the worker answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Ok(String),
    Bytes(Vec<u8>),
    Failed(Failure),
}

type Reply = Box<dyn FnOnce(Answer)>;

/// A started worker, and the requests made before it said it is ready (it would drop
/// them: messages that arrive before its handler exists are lost). The engine's worker
/// keeps them itself, so it has no queue here.
struct Slot {
    worker: Worker,
    waiting: Option<Vec<Object>>,
}

thread_local! {
    static WORKERS: RefCell<SmallMap<String, Slot>> = const { RefCell::new(SmallMap::new()) };
    /// Request id → the worker it went to (its slot) and who waits for the answer.
    static PENDING: RefCell<SmallMap<u32, (String, Reply)>> = const { RefCell::new(SmallMap::new()) };
    static NEXT: RefCell<u32> = const { RefCell::new(0) };
}

thread_local! {
    /// The build folder's address (the page's own folder, or where `embed.js` lives),
    /// and the query that names this build (`?v=…`, empty when the page has no id).
    static ASSETS: RefCell<(String, String)> = RefCell::new(("./".to_string(), String::new()));
}

/// Where the build's files are, and which build this page is (`<meta name="rapor-build">`,
/// or what `embed.js` passes).
pub fn set_assets(base: &str, build: &str) {
    let query = if build.is_empty() { String::new() } else { format!("?v={build}") };
    ASSETS.with(|a| *a.borrow_mut() = (base.to_string(), query));
}

/// A file of the build with a stable name (the methods, the workers), asked for as this
/// build's: after a deployment neither the browser's HTTP cache nor the service worker
/// hands this page another build's copy, and a worker of another build refuses to start.
pub fn asset(file: &str) -> String {
    ASSETS.with(|a| {
        let (base, query) = &*a.borrow();
        format!("{base}{file}{query}")
    })
}

/// Where a worker's loader sits, beside the widget's own files: Excel has its own
/// worker because its writer is large.
fn loader(op: Op) -> String {
    asset(op.worker())
}

/// The started worker that runs `op`: its loader, and its lane (`Op::lane`).
fn slot_key(op: Op) -> String {
    format!("{}#{}", loader(op), op.lane())
}

fn start(slot: &str, loader: &str) -> Option<()> {
    WORKERS.with(|ws| {
        if ws.borrow().contains_key(slot) {
            return Some(());
        }
        let engine = loader.split('?').next().is_some_and(|l| l.ends_with(ENGINE_WORKER));
        let worker = if engine { engine_worker(loader)? } else { Worker::new(loader).ok()? };
        let key = slot.to_string();
        {
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                if Reflect::get(&data, &"ready".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
                    WORKERS.with(|ws| {
                        if let Some(slot) = ws.borrow_mut().get_mut(&key) {
                            for msg in slot.waiting.take().unwrap_or_default() {
                                let _ = slot.worker.post_message(&msg);
                            }
                        }
                    });
                    return;
                }
                // The engine's worker could not start (no module workers, a failed
                // import): as if it had stopped, so whoever waits is told.
                if let Some(why) = Reflect::get(&data, &"failed".into()).ok().and_then(|v| v.as_string()) {
                    stopped(&key, Failure::stopped(why));
                    return;
                }
                let get = |k: &str| Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                let id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
                let ok = Reflect::get(&data, &"ok".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
                let bytes = Reflect::get(&data, &"data".into()).ok().filter(|v| v.is_instance_of::<js_sys::Uint8Array>());
                let answer = if let (true, Some(b)) = (ok, bytes) {
                    Answer::Bytes(js_sys::Uint8Array::new(&b).to_vec())
                } else if ok {
                    Answer::Ok(get("data"))
                } else {
                    Answer::Failed(Failure::from_parts(&get("kind"), get("path"), get("message_id"), get("message_en")))
                };
                if let Some((_, reply)) = PENDING.with(|p| p.borrow_mut().remove(&id)) {
                    reply(answer);
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            // A worker that stops (an error inside it, or a loader of another build that
            // refuses to start) answers nothing: every waiting request is told so, and the
            // next one starts the worker afresh.
            let key = slot.to_string();
            // A plain `Event`, not an `ErrorEvent`, when the script could not even load
            // (offline, a file not kept): its message is read only where there is one.
            // Offline, that is a part never used before, so never kept: said as such.
            let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                e.prevent_default();
                let message = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
                let why = match message {
                    Some(detail) => Failure::stopped(detail),
                    None if !gloo::utils::window().navigator().on_line() => Failure::Offline,
                    None => Failure::stopped("the worker's script did not load".to_string()),
                };
                stopped(&key, why);
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
        }
        // The engine's worker keeps what comes before its module is ready
        // (scripts/rapor-worker.js): requests go to it at once.
        let waiting = if engine { None } else { Some(Vec::new()) };
        ws.borrow_mut().insert(slot.to_string(), Slot { worker, waiting });
        Some(())
    })
}

/// A worker that stopped, or never started: it is dropped (the next request starts it
/// afresh) and each request waiting for it is told why. Only its own requests: another
/// lane's go on.
fn stopped(key: &str, why: Failure) {
    WORKERS.with(|ws| {
        if let Some(slot) = ws.borrow_mut().remove(key) {
            slot.worker.terminate();
        }
    });
    let pending: Vec<Reply> = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let ids: Vec<u32> = p.iter().filter(|(_, (s, _))| *s == key).map(|(id, _)| *id).collect();
        ids.into_iter().filter_map(|id| p.remove(&id)).map(|(_, r)| r).collect()
    });
    for reply in pending {
        reply(Answer::Failed(why.clone()));
    }
}

/// Starts the worker for `op` now, before anything is asked of it: on Rapor's own page
/// the engine's worker gets its script and instantiates the module while the method is
/// fetched and the widget first drawn, so the first plan does not wait for it.
pub fn warm(op: Op) {
    let _ = start(&slot_key(op), &loader(op));
}

/// Sends one request; `reply` runs with the answer.
pub fn ask(op: Op, form: &str, lang: &str, text: &str, reply: impl FnOnce(Answer) + 'static) {
    ask_with(op, form, lang, text, None, reply)
}

/// Like `ask`, with a binary file beside the text (an .xlsx import).
pub fn ask_with(op: Op, form: &str, lang: &str, text: &str, bytes: Option<&[u8]>, reply: impl FnOnce(Answer) + 'static) {
    let (slot, loader) = (slot_key(op), loader(op));
    let Some(()) = start(&slot, &loader) else {
        return reply(Answer::Failed(Failure::Request("Web Workers are not available".into())));
    };
    let id = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n
    });
    PENDING.with(|p| p.borrow_mut().insert(id, (slot.clone(), Box::new(reply))));
    let msg = Object::new();
    for (k, v) in [("op", op.as_str()), ("form", form), ("lang", lang), ("text", text)] {
        let _ = Reflect::set(&msg, &k.into(), &v.into());
    }
    let _ = Reflect::set(&msg, &"id".into(), &JsValue::from(id));
    if let Some(b) = bytes {
        let _ = Reflect::set(&msg, &"bytes".into(), &js_sys::Uint8Array::from(b).into());
    }
    WORKERS.with(|ws| {
        if let Some(slot) = ws.borrow_mut().get_mut(&slot) {
            match slot.waiting.as_mut() {
                Some(queue) => queue.push(msg),
                None => {
                    let _ = slot.worker.post_message(&msg);
                }
            }
        }
    });
}

use crate::protocol::{notice_for, Failure, Op, ENGINE_WORKER};

/// Asks the worker and hands a successful answer to `done`; a failure becomes a notice.
pub fn ask_then(
    op: Op,
    form: &str,
    lang: &str,
    text: &str,
    file: Option<String>,
    dispatch: yew::Callback<super::state::Action>,
    done: impl FnOnce(String) + 'static,
) {
    ask_file_then(op, form, lang, text, None, file, dispatch, Box::new(done))
}

/// Like `ask_then`, with the chosen file's bytes when it is binary (an .xlsx import).
/// (`done` boxed: one copy of this in the page, not one per caller.)
#[allow(clippy::too_many_arguments)]
pub fn ask_file_then(
    op: Op,
    form: &str,
    lang: &str,
    text: &str,
    bytes: Option<&[u8]>,
    file: Option<String>,
    dispatch: yew::Callback<super::state::Action>,
    done: Box<dyn FnOnce(String)>,
) {
    ask_with(op, form, lang, text, bytes, move |answer| match answer {
        Answer::Ok(data) => done(data),
        Answer::Bytes(_) => {}
        Answer::Failed(f) => dispatch.emit(super::state::Action::Notify(notice_for(op, f, file))),
    });
}

/// The answer to one request, awaited (startup checks, before the widget shows).
pub async fn answer(op: Op, text: &str) -> Answer {
    let slot: std::rc::Rc<std::cell::RefCell<Option<Answer>>> = Default::default();
    let (put, text) = (slot.clone(), text.to_string());
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let put = put.clone();
        ask(op, "", "id", &text, move |a| {
            *put.borrow_mut() = Some(a);
            let _ = resolve.call0(&JsValue::NULL);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let got = slot.borrow_mut().take();
    got.unwrap_or(Answer::Failed(Failure::Request("no answer".into())))
}

/// Like `ask_then`, for an answer of bytes (the Excel workbook).
pub fn ask_bytes_then(
    op: Op,
    form: &str,
    lang: &str,
    text: &str,
    dispatch: yew::Callback<super::state::Action>,
    done: impl FnOnce(Vec<u8>) + 'static,
) {
    ask(op, form, lang, text, move |answer| match answer {
        Answer::Bytes(b) => done(b),
        Answer::Ok(_) => {}
        Answer::Failed(f) => dispatch.emit(super::state::Action::Notify(notice_for(op, f, None))),
    });
}

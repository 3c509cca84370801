//! "Siapkan untuk dipakai luring": on the standalone page (and in an iframe), asks the
//! service worker to keep every file of the build — the other methods and the Excel
//! workers too — saying first how much that downloads. The page talks to its
//! `sw-register.js` through two window events (`rapor-offline`, `rapor-offline-done`),
//! so the widget needs no service-worker bindings of its own.

use crate::text::{offline_done, offline_size, t, Lang, Text};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OfflineProps {
    pub lang: Lang,
}

#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Offer,
    Working,
    Done(u32),
}

/// The build's size in gzip bytes, written into index.html by the build; absent where
/// there is no service worker (a page that embeds the widget with `embed.js`).
fn build_bytes() -> Option<u32> {
    let meta = gloo::utils::document().query_selector("meta[name=rapor-offline-bytes]").ok()??;
    meta.get_attribute("content")?.parse().ok()
}

#[component]
pub fn Offline(p: &OfflineProps) -> Html {
    let stage = use_state(|| Stage::Offer);
    {
        let stage = stage.clone();
        use_effect_with((), move |_| {
            let on_done = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let detail = js_sys::Reflect::get(&e, &"detail".into()).unwrap_or(JsValue::NULL);
                let kept = js_sys::Reflect::get(&detail, &"kept".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
                stage.set(Stage::Done(kept as u32));
            });
            let window = gloo::utils::window();
            let _ = window.add_event_listener_with_callback("rapor-offline-done", on_done.as_ref().unchecked_ref());
            move || {
                let _ = window.remove_event_listener_with_callback("rapor-offline-done", on_done.as_ref().unchecked_ref());
            }
        });
    }
    let Some(bytes) = build_bytes() else { return html! {} };
    let lang = p.lang;
    let onclick = {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| {
            stage.set(Stage::Working);
            if let Ok(event) = web_sys::Event::new("rapor-offline") {
                let _ = gloo::utils::window().dispatch_event(&event);
            }
        })
    };
    html! {
        <div class="rapor-offline" data-testid="offline">
            <button type="button" data-testid="offline-ready" disabled={*stage == Stage::Working} {onclick}>
                { t(lang, Text::OfflineReady) }
            </button>
            <span class="rapor-hint" role="status" data-testid="offline-status">{
                match *stage {
                    Stage::Offer => offline_size(lang, bytes.div_ceil(1024)),
                    Stage::Working => t(lang, Text::OfflineWorking).to_string(),
                    Stage::Done(n) => offline_done(lang, n),
                }
            }</span>
        </div>
    }
}

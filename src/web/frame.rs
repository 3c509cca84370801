//! Running inside an iframe: settings from the query string, and the widget's height
//! posted to the host page as `{"rapor": {"height": N}}` so its snippet can size the
//! frame without scroll bars.

use super::props::AppProps;
use crate::settings::Settings;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::{AttrValue, NodeRef};

const KEYS: [&str; 12] =
    ["ruleset", "lang", "units", "compact", "instance", "taken", "links", "lang_wins", "accent", "background", "text", "focus"];

pub fn props_from_query() -> AppProps {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return AppProps::default() };
    let values: Vec<(&str, String)> = KEYS.iter().filter_map(|k| params.get(k).map(|v| (*k, v))).collect();
    props_from(Settings::from_pairs(values.iter().map(|(k, v)| (*k, v.as_str()))))
}

/// Settings from `embed.js`: the element's `data-*` attributes as an object.
pub fn props_from_object(o: &js_sys::Object) -> AppProps {
    let values: Vec<(&str, String)> =
        KEYS.iter().filter_map(|k| js_sys::Reflect::get(o, &(*k).into()).ok().and_then(|v| v.as_string()).map(|v| (*k, v))).collect();
    props_from(Settings::from_pairs(values.iter().map(|(k, v)| (*k, v.as_str()))))
}

pub fn props_from(s: Settings) -> AppProps {
    let d = AppProps::default();
    AppProps {
        instance: s.instance.map(AttrValue::from).unwrap_or(d.instance),
        ruleset: s.ruleset.map(AttrValue::from).unwrap_or(d.ruleset),
        english: s.lang.as_deref() == Some("en"),
        units: s.units,
        compact: s.compact,
        style: AttrValue::from(s.style),
        taken: s.taken.map(AttrValue::from),
        no_links: s.no_links,
        lang_wins: s.lang_wins && s.lang.is_some(),
    }
}

/// The page around the frame the widget runs in, if it runs in one.
fn host_page() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Watches the widget's size and posts it to the parent page, when there is one.
pub fn report_height(root: &NodeRef) {
    let Some(parent) = host_page() else { return };
    let Some(el) = root.cast::<web_sys::Element>() else { return };
    let last = std::cell::Cell::new(0);
    let target = el.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let height = target.scroll_height();
        if height != last.get() {
            last.set(height);
            let inner = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&inner, &"height".into(), &height.into());
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"rapor".into(), &inner);
            // The height is not a secret; any host page may read it.
            let _ = parent.post_message(&msg, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&el);
    }
    on_resize.forget();
}

/// Inside a frame sized to the widget, the page that scrolls is the host's, so the
/// result strip cannot stick by itself. The host's snippet posts how far the frame's
/// top has scrolled above its window (`{"rapor": {"top": N}}`); the strip is moved down
/// by that much (`--rapor-frame-top`), staying in view. Only the parent page is heard,
/// and only a number within the widget's height is used.
pub fn follow_host_scroll(root: &NodeRef) {
    let Some(parent) = host_page() else { return };
    let window = gloo::utils::window();
    let Some(el) = root.cast::<web_sys::HtmlElement>() else { return };
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let from_parent = e.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
        let top = js_sys::Reflect::get(&e.data(), &"rapor".into())
            .and_then(|r| js_sys::Reflect::get(&r, &"top".into()))
            .ok()
            .and_then(|t| t.as_f64());
        if let (true, Some(top)) = (from_parent, top) {
            // Moved only once the strip's own place has scrolled out of view.
            let strip = el.query_selector(".rapor-strip").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
            let below = strip.map_or(0, |s| s.offset_top());
            // In whole pixels, and never `f64::clamp` or `{}` on an f64: their panic message
            // and printing would bring float formatting (about 10 KB) into the page.
            let by = (top as i64 - i64::from(below)).max(0).min(i64::from(el.scroll_height()));
            let _ = el.style().set_property("--rapor-frame-top", &format!("{by}px"));
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Sets the theme's custom properties (`--rapor-accent: #7a1f5c; …`) on the widget.
pub fn apply_theme(root: &NodeRef, style: &str) {
    let Some(el) = root.cast::<web_sys::HtmlElement>() else { return };
    for decl in style.split(';') {
        if let Some((name, value)) = decl.split_once(':') {
            let _ = el.style().set_property(name.trim(), value.trim());
        }
    }
}

/// Presentation mode's E: opens or closes the editing drawer of the widget the key was
/// pressed in, unless the key was typed into a field. `true` when it did.
pub fn toggle_drawer(e: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    if matches!(target.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
        return false;
    }
    let drawer =
        target.closest(".rapor").ok().flatten().and_then(|root| root.query_selector("[data-testid=\"edit-drawer\"]").ok().flatten());
    let Some(drawer) = drawer else { return false };
    if drawer.has_attribute("open") {
        let _ = drawer.remove_attribute("open");
    } else {
        let _ = drawer.set_attribute("open", "");
    }
    e.prevent_default();
    true
}

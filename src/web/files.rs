//! Files in and out of the browser, and the page's URL fragment.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Keeps a file read alive until it reports (dropping it would cancel the read).
pub type Reader = Rc<RefCell<Option<gloo::file::callbacks::FileReader>>>;

/// Reads the file chosen in a file input as text and hands `done` its name and text;
/// the input is cleared so the same file can be chosen again after fixing it. A file
/// above `engine::limits::MAX_FILE` is not read at all (a 2 GB file picked by mistake
/// would freeze the tab): `dispatch` is told, as the failure of `op`.
pub fn read_chosen(
    e: &web_sys::Event,
    reader: &Reader,
    op: crate::protocol::Op,
    dispatch: &yew::Callback<super::state::Action>,
    done: impl FnOnce(String, String) + 'static,
) {
    // Bytes, not the browser's text: a Windows-1252 file would read as replacement
    // characters, and the CLI reads files the same way (`form::encoding`).
    read_chosen_bytes(e, reader, op, dispatch, Box::new(move |name, bytes| done(name, crate::form::encoding::text_of(&bytes).0)))
}

/// Like `read_chosen`, the file's bytes as they are (an Excel workbook). (`done` boxed:
/// one copy of the reader's code in the page, not one per file input.)
pub fn read_chosen_bytes(
    e: &web_sys::Event,
    reader: &Reader,
    op: crate::protocol::Op,
    dispatch: &yew::Callback<super::state::Action>,
    done: Box<dyn FnOnce(String, Vec<u8>)>,
) {
    use crate::engine::limits::MAX_FILE;
    let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
    let name = file.name();
    if file.size() > MAX_FILE as f64 {
        input.set_value("");
        let mb = MAX_FILE / 1024 / 1024;
        let failure = crate::protocol::Failure::Input {
            path: String::new(),
            message_id: crate::text::notices::file_too_large(crate::text::Lang::Id, mb),
            message_en: crate::text::notices::file_too_large(crate::text::Lang::En, mb),
        };
        return dispatch.emit(super::state::Action::Notify(crate::protocol::notice_for(op, failure, Some(name))));
    }
    *reader.borrow_mut() =
        Some(gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |r| done(name, r.unwrap_or_default())));
    input.set_value("");
}

/// Whether a file is a zip archive, as every .xlsx workbook is ("PK\x03\x04").
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Offers `content` as a download named `name`.
pub fn download(name: &str, mime: &str, content: &[u8]) {
    let array = js_sys::Uint8Array::from(content);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let doc = gloo::utils::document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        let _ = a.set_attribute("hidden", "");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file name from the pemda's name and today's date: "rapor-kota-contoh-2026-11-22".
pub fn file_stem(pemda: &str) -> String {
    let slug = crate::report::file_slug(pemda);
    let date: String = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default().chars().take(10).collect();
    if slug.is_empty() {
        format!("rapor-{date}")
    } else {
        format!("rapor-{slug}-{date}")
    }
}

/// The page's fragment without `#`.
pub fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default().trim_start_matches('#').to_string()
}

/// Removes the fragment without reloading, so a reload does not re-open an old link
/// over newer work.
pub fn clear_fragment() {
    let w = gloo::utils::window();
    let loc = w.location();
    let url = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's address without its fragment, for share links. The query stays: an
/// embedded widget's host page is often addressed by it (WordPress `?page_id=12`), and a
/// link without it would open a page with no widget. Only the trackers a visitor arrived
/// with (`utm_*`, `fbclid`, `gclid`, `msclkid`) are left out: they are not the page, and
/// would travel on with every shared link.
pub fn page_address() -> String {
    let loc = gloo::utils::window().location();
    let search = loc.search().unwrap_or_default();
    let query = match web_sys::UrlSearchParams::new_with_str(&search) {
        Ok(params) => {
            let keys: Vec<String> = js_sys::Array::from(&params.keys().into()).iter().filter_map(|k| k.as_string()).collect();
            for k in keys.iter().filter(|k| k.starts_with("utm_") || ["fbclid", "gclid", "msclkid"].contains(&k.as_str())) {
                params.delete(k);
            }
            let q = String::from(params.to_string());
            if q.is_empty() {
                q
            } else {
                format!("?{q}")
            }
        }
        Err(_) => search,
    };
    format!("{}{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default(), query)
}

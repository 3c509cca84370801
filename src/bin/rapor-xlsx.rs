//! The `rapor-xlsx` web worker: the Excel workbook and the import template, and the
//! share link's QR code. Their writers are large, so they have a worker of their own,
//! fetched only when someone exports to Excel or makes a share link. (Reading a
//! workbook is `rapor-xlsx-in`'s.)

#[cfg(target_arch = "wasm32")]
fn main() {
    use rapor::protocol::Op;
    fn bytes(b: Vec<u8>) -> wasm_bindgen::JsValue {
        js_sys::Uint8Array::from(b.as_slice()).into()
    }
    rapor::worker::serve::serve(|op, form, lang, text, _| match op {
        // `text` carries the date to print in the workbook.
        op if op == Op::ExportXlsx.as_str() => rapor::worker::export_xlsx(form, lang, text).map(bytes),
        op if op == Op::TemplateXlsx.as_str() => rapor::worker::template_xlsx(form, lang).map(bytes),
        op if op == Op::ShareQr.as_str() => rapor::worker::share_qr(text).map(|svg| svg.into()),
        other => Err(rapor::worker::IoError::Request(format!("rapor-xlsx does not do {other:?}"))),
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-xlsx is the widget's Excel worker: built by `trunk build`");
}

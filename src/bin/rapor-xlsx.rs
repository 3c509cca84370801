//! The `rapor-xlsx` web worker: the Excel workbook, and the share link's QR code. Their
//! writers are large, so they have a worker of their own, fetched only when someone
//! exports to Excel or makes a share link.

#[cfg(target_arch = "wasm32")]
fn main() {
    rapor::worker::serve::serve(|op, form, lang, text| match op {
        // `text` carries the date to print in the workbook.
        op if op == rapor::protocol::Op::ExportXlsx.as_str() => {
            rapor::worker::export_xlsx(form, lang, text).map(|b| js_sys::Uint8Array::from(b.as_slice()).into())
        }
        op if op == rapor::protocol::Op::ShareQr.as_str() => rapor::worker::share_qr(text).map(|svg| svg.into()),
        other => Err(rapor::worker::IoError::Request(format!("rapor-xlsx does not do {other:?}"))),
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-xlsx is the widget's Excel worker: built by `trunk build`");
}

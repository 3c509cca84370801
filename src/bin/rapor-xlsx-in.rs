//! The `rapor-xlsx-in` web worker: an Excel workbook read in (`form::workbook`): to
//! import, to merge, or as last year's result. The
//! reader is large, and only someone importing a workbook needs it, so it has a worker
//! of its own: a share link or an Excel export never fetches it.

#[cfg(target_arch = "wasm32")]
fn main() {
    rapor::worker::serve::serve(|op, form, lang, _, file| match op {
        op if op == rapor::protocol::Op::ImportXlsx.as_str() => rapor::worker::import_xlsx(form, lang, file).map(|saved| saved.into()),
        op if op == rapor::protocol::Op::BaselineXlsx.as_str() => rapor::worker::baseline_xlsx(form, lang, file).map(|saved| saved.into()),
        op if op == rapor::protocol::Op::MergeXlsx.as_str() => rapor::worker::merge_xlsx(form, lang, file).map(|saved| saved.into()),
        other => Err(rapor::worker::IoError::Request(format!("rapor-xlsx-in does not do {other:?}"))),
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-xlsx-in is the widget's Excel reader worker: built by `trunk build`");
}

//! Keep and share: JSON export and import, a share link, CSV, the printable report.

use crate::protocol::Op;
use crate::text::{t, Text};
use crate::web::files::{download, file_stem, is_workbook, page_address, read_chosen, read_chosen_bytes};
use crate::web::state::{Action, Notice, Shared};
use crate::web::workers::{ask_bytes_then, ask_file_then, ask_then};
use web_sys::HtmlInputElement;
use yew::prelude::*;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[derive(Properties, PartialEq)]
pub struct KeepShareProps {
    pub instance: AttrValue,
    pub state: Shared,
    pub ondispatch: Callback<Action>,
}

/// The form as the worker reads it (the autosave format), made when a button is used:
/// never on a render, which every keystroke causes.
fn saved(s: &Shared) -> String {
    crate::form::saved::save(&s.form, s.lang.code())
}

/// A text file made by the worker from the form, offered as a download.
fn export_text(s: &Shared, d: &Callback<Action>, op: Op, ext: &'static str, mime: &'static str) -> Callback<MouseEvent> {
    let (lang, s, d) = (s.lang, s.clone(), d.clone());
    Callback::from(move |_: MouseEvent| {
        let pemda = s.form.pemda.clone();
        ask_then(op, &saved(&s), lang.code(), "", None, d.clone(), move |text| {
            download(&format!("{}.{ext}", file_stem(&pemda)), mime, text.as_bytes())
        });
    })
}

/// The work as a JSON file: the export button, and the notice when nothing is saved.
pub fn export_json(s: &Shared, d: &Callback<Action>) -> Callback<MouseEvent> {
    export_text(s, d, Op::ExportJson, "json", "application/json")
}

/// The share link's QR code at projector size, for presentation mode (once a link has
/// been made): forty phones in a room open the same scenario.
pub fn present_qr(s: &Shared) -> Html {
    let Some(Some(Ok(svg))) = s.share.as_ref().map(|l| l.qr.as_ref()) else { return html! {} };
    html! {
        <figure class="rapor-stage-qr" data-testid="present-qr">
            <div role="img" aria-label={t(s.lang, Text::ShareQr)}>{ Html::from_html_unchecked(AttrValue::from(svg.clone())) }</div>
            <figcaption>{ t(s.lang, Text::ShareQr) }</figcaption>
        </figure>
    }
}

/// A file input's handler: the chosen file goes to the worker as `text_op` (a JSON or
/// CSV file, as text, to the files worker) or `xlsx_op` (a workbook, as bytes, to the
/// Excel reader); its answer, a saved form, becomes the action `then` makes.
#[hook]
fn use_file_handler(s: &Shared, d: &Callback<Action>, text_op: Op, xlsx_op: Op, then: fn(String, String) -> Action) -> Callback<Event> {
    let (d, reader, s, lang) = (d.clone(), use_mut_ref(|| None), s.clone(), s.lang);
    Callback::from(move |e: Event| {
        let (d, form) = (d.clone(), saved(&s));
        read_chosen_bytes(
            &e,
            &reader,
            text_op,
            &d.clone(),
            Box::new(move |name, bytes| {
                let (d2, file) = (d.clone(), name.clone());
                let done: Box<dyn FnOnce(String)> = Box::new(move |saved| d2.emit(then(file, saved)));
                if is_workbook(&bytes) {
                    ask_file_then(xlsx_op, &form, lang.code(), "", Some(&bytes), Some(name), d, done);
                } else {
                    let text = crate::form::encoding::text_of(&bytes).0;
                    ask_file_then(text_op, &form, lang.code(), &text, None, Some(name), d, done);
                }
            }),
        );
    })
}

/// A file input styled as a button.
fn file_button(id: String, label: &str, testid: &'static str, onchange: Callback<Event>) -> Html {
    html! {
        <label class="rapor-file-button" for={id.clone()}>
            { label }
            <input id={id} type="file" accept={format!(".xlsx,{XLSX},.csv,.txt,text/csv,.json,application/json")} class="rapor-visually-hidden"
                data-testid={testid} {onchange} />
        </label>
    }
}

#[component]
pub fn KeepShare(p: &KeepShareProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let d = p.ondispatch.clone();
    let id = |x: &str| format!("{}-{x}", p.instance);
    // Exports and links carry a scenario only when every field reads cleanly.
    let ready = s.reading.errors.is_empty();

    let on_export_json = export_json(s, &d);
    let on_export_csv = export_text(s, &d, Op::ExportCsv, "csv", "text/csv;charset=utf-8");
    let on_export_xlsx = {
        let (d, s) = (d.clone(), s.clone());
        Callback::from(move |_: MouseEvent| {
            let (form, pemda) = (saved(&s), s.form.pemda.clone());
            let date = super::today(lang);
            ask_bytes_then(Op::ExportXlsx, &form, lang.code(), &date, d.clone(), move |bytes| {
                download(&format!("{}.xlsx", file_stem(&pemda)), XLSX, &bytes)
            });
        })
    };
    let on_import = {
        let d = d.clone();
        let reader = use_mut_ref(|| None);
        Callback::from(move |e: Event| {
            let d = d.clone();
            read_chosen(&e, &reader, Op::ImportJson, &d.clone(), move |name, text| {
                let (d2, file) = (d.clone(), name.clone());
                ask_then(Op::ImportJson, "", lang.code(), &text, Some(name), d, move |saved| d2.emit(Action::Imported { file, saved }));
            });
        })
    };
    // A table from a spreadsheet (an Excel workbook, CSV, or a JSON file): its units in
    // place of the page's, under the method and settings in force.
    let on_import_file = use_file_handler(s, &d, Op::ImportFile, Op::ImportXlsx, |file, saved| Action::Imported { file, saved });
    // Another OPD's file: its units added to the page's (asking when names clash).
    let on_merge_file = use_file_handler(s, &d, Op::MergeFile, Op::MergeXlsx, |file, saved| Action::MergeReady { file, saved });
    // Last year's result, beside this year's.
    let on_baseline_file = use_file_handler(s, &d, Op::BaselineFile, Op::BaselineXlsx, |file, saved| Action::BaselineReady { file, saved });
    let on_template = {
        let (d, s) = (d.clone(), s.clone());
        Callback::from(move |_: MouseEvent| {
            ask_bytes_then(Op::TemplateXlsx, &saved(&s), lang.code(), "", d.clone(), move |bytes| {
                let name = if lang.indonesian() { "templat-rapor.xlsx" } else { "rapor-template.xlsx" };
                download(name, XLSX, &bytes)
            });
        })
    };
    let on_share = {
        let (d, s) = (d.clone(), s.clone());
        Callback::from(move |_: MouseEvent| {
            if !ready {
                return d.emit(Action::Notify(Notice::FixFieldsFirst));
            }
            let d2 = d.clone();
            ask_then(Op::ShareLink, &saved(&s), lang.code(), "", None, d.clone(), move |fragment| {
                let url = format!("{}#{fragment}", page_address());
                d2.emit(Action::ShareReady(url.clone()));
                crate::web::workers::ask(Op::ShareQr, "", lang.code(), &url.clone(), move |a| {
                    let qr = match a {
                        crate::web::workers::Answer::Ok(svg) => Ok(svg),
                        // Too long to scan: said, with the file offered.
                        crate::web::workers::Answer::Failed(f @ crate::protocol::Failure::Input { .. }) => Err(f.text(lang)),
                        // The encoder's worker did not load (offline before it was kept):
                        // the link itself is there; no code, and no alarm.
                        _ => return,
                    };
                    d2.emit(Action::ShareQr { url, qr });
                });
            });
        })
    };
    let on_copy = {
        let url = s.share.as_ref().map(|l| l.url.clone()).unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let _ = clipboard.write_text(&url);
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });

    html! {
        <section class="rapor-keep" aria-labelledby={id("keep-h")}>
            <h2 id={id("keep-h")}>{ t(lang, Text::KeepAndShare) }</h2>
            <div class="rapor-keep-actions">
                <button type="button" data-testid="export-json" onclick={on_export_json}>{ t(lang, Text::ExportJson) }</button>
                <label class="rapor-file-button" for={id("import")}>
                    { t(lang, Text::ImportJson) }
                    <input id={id("import")} type="file" accept=".json,application/json" class="rapor-visually-hidden"
                        data-testid="import-json" onchange={on_import} />
                </label>
                { file_button(id("import-file"), t(lang, Text::ImportTable), "import-file", on_import_file) }
                { file_button(id("merge-file"), t(lang, Text::MergeFile), "merge-file", on_merge_file) }
                <button type="button" data-testid="download-template" onclick={on_template}>{ t(lang, Text::DownloadTemplate) }</button>
                { file_button(id("baseline-file"), t(lang, Text::BaselineFile), "baseline-file", on_baseline_file) }
                <button type="button" data-testid="share-link" onclick={on_share}>{ t(lang, Text::ShareLink) }</button>
                <button type="button" data-testid="export-xlsx" onclick={on_export_xlsx}>{ t(lang, Text::ExportXlsx) }</button>
                <button type="button" data-testid="export-csv" onclick={on_export_csv}>{ t(lang, Text::ExportCsv) }</button>
                <button type="button" data-testid="print-report" onclick={on_print}>{ t(lang, Text::PrintReport) }</button>
            </div>
            if let Some(b) = &s.form.baseline {
                <p class="rapor-baseline" data-testid="baseline">
                    { t(lang, Text::ComparedWith) }{ ": " }
                    { if b.label.is_empty() { String::new() } else { format!("{} ", b.label) } }
                    { b.score.map(|x| format!("({})", lang.num(x))).unwrap_or_default() }{ " " }
                    <button type="button" data-testid="baseline-clear" onclick={d.reform(|_: MouseEvent| Action::ClearBaseline)}>{ t(lang, Text::ClearBaseline) }</button>
                </p>
            }
            <super::offline::Offline lang={lang} />
            if let Some(link) = &s.share {
                <div class="rapor-field rapor-share">
                    <label for={id("share-url")}>{ t(lang, Text::ShareUrlLabel) }</label>
                    <div class="rapor-share-row">
                        <input id={id("share-url")} type="text" readonly=true value={link.url.clone()} data-testid="share-url"
                            onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                        <button type="button" onclick={on_copy}>{ t(lang, Text::CopyLink) }</button>
                    </div>
                    <span class="rapor-hint">{ format!("{} {}", link.url.len(), if lang.indonesian() { "karakter" } else { "characters" }) }</span>
                    if link.long { <p class="rapor-warning" data-testid="long-link">{ t(lang, Text::LongLink) }</p> }
                    {
                        match &link.qr {
                            // The worker's SVG (the encoder's rectangles, no text of ours).
                            Some(Ok(svg)) => html! {
                                <div class="rapor-share-qr" data-testid="share-qr" role="img" aria-label={t(lang, Text::ShareQr)}>
                                    { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
                                </div>
                            },
                            Some(Err(why)) => html! {
                                <p class="rapor-warning" data-testid="share-qr-none">
                                    { why.clone() }{ " " }
                                    <button type="button" data-testid="share-qr-json" onclick={export_json(s, &d)}>{ t(lang, Text::ExportJson) }</button>
                                </p>
                            },
                            None => html! {},
                        }
                    }
                </div>
            }
        </section>
    }
}

//! Keep and share: JSON export and import, a share link, CSV, the printable report.

use crate::report::{csv, summary_rows};
use crate::web::files::{download, file_stem, page_address};
use crate::web::i18n::{t, Text};
use crate::web::state::{Action, Notice, Shared};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeepShareProps {
    pub instance: AttrValue,
    pub state: Shared,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn KeepShare(p: &KeepShareProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let d = p.ondispatch.clone();
    let id = |x: &str| format!("{}-{x}", p.instance);
    // Exports and links carry a scenario only when every field reads cleanly.
    let ready = s.reading.errors.is_empty();

    let on_export_json = {
        let (s, d) = (p.state.clone(), d.clone());
        Callback::from(move |_: MouseEvent| {
            if !s.reading.errors.is_empty() {
                return d.emit(Action::Notify(Notice::FixFieldsFirst));
            }
            let json = serde_json::to_string_pretty(&s.reading.scenario.to_json()).unwrap_or_default();
            download(&format!("{}.json", file_stem(&s.form.pemda)), "application/json", json.as_bytes());
        })
    };
    let on_export_csv = {
        let (s, d) = (p.state.clone(), d.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(o) = s.outcome.as_ref().filter(|_| s.reading.errors.is_empty()) else {
                return d.emit(Action::Notify(Notice::FixFieldsFirst));
            };
            let text = csv(&summary_rows(o, s.lang.indonesian()), s.lang.indonesian());
            download(&format!("{}.csv", file_stem(&s.form.pemda)), "text/csv;charset=utf-8", text.as_bytes());
        })
    };
    let on_import = {
        let d = d.clone();
        let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            let name = file.name();
            let file = gloo::file::File::from(file);
            let d = d.clone();
            // Keep the reader alive until it reports; dropping it would cancel the read.
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |r| match r {
                Ok(text) => d.emit(Action::ImportText { file: name, text }),
                Err(_) => d.emit(Action::ImportText { file: name, text: String::new() }),
            }));
            // The same file can be chosen again after fixing it.
            input.set_value("");
        })
    };
    let on_share = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            if ready {
                d.emit(Action::MakeShareLink(page_address()));
            } else {
                d.emit(Action::Notify(Notice::FixFieldsFirst));
            }
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
                <button type="button" data-testid="share-link" onclick={on_share}>{ t(lang, Text::ShareLink) }</button>
                <button type="button" data-testid="export-csv" onclick={on_export_csv}>{ t(lang, Text::ExportCsv) }</button>
                <button type="button" data-testid="print-report" onclick={on_print}>{ t(lang, Text::PrintReport) }</button>
            </div>
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
                </div>
            }
        </section>
    }
}

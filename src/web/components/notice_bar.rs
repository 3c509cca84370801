//! Messages about the user's work (autosave, files, links), in an alert region that is
//! always present so screen readers announce what appears in it; and the report header
//! that only print shows.

use crate::text::{t, Text};
use crate::web::files::{download, file_stem};
use crate::web::state::{Action, Notice, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub state: Shared,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn NoticeBar(p: &NoticeBarProps) -> Html {
    let lang = p.state.lang;
    let d = &p.ondispatch;
    let downloaded = use_state(|| false);
    html! {
        <div role="alert" class="rapor-alert-region" data-testid="alert">
            if let Some(n) = &p.state.notice {
                <div class={classes!("rapor-alert", matches!(n, Notice::LinkOpened | Notice::LinkBeside | Notice::Imported(_) | Notice::OwnRuleset { .. } | Notice::Merged { .. } | Notice::BaselineLoaded(_)).then_some("rapor-alert-ok"))}>
                    <p>{ n.text(lang) }</p>
                    <div class="rapor-alert-actions">
                        if let Notice::KeptAside { kept_as, held, .. } = n {
                            <button type="button" data-testid="download-kept" onclick={{
                                let (key, held, pemda, got) = (kept_as.clone(), held.clone(), p.state.form.pemda.clone(), downloaded.clone());
                                Callback::from(move |_: MouseEvent| {
                                    if let Some(raw) = held.clone().or_else(|| crate::web::storage::kept_aside(&key)) {
                                        download(&format!("{}-lama.json", file_stem(&pemda)), "application/json", raw.as_bytes());
                                        got.set(true);
                                    }
                                })
                            }}>{ t(lang, Text::DownloadKept) }</button>
                            // Where the copy was refused, starting fresh would overwrite the only
                            // copy: it waits for the download.
                            <button type="button" data-testid="start-fresh" disabled={held.is_some() && !*downloaded}
                                onclick={d.reform(|_: MouseEvent| Action::StartFresh)}>{ t(lang, Text::StartFresh) }</button>
                        } else if matches!(n, Notice::MergeClash { .. }) {
                            <button type="button" data-testid="merge-replace" onclick={d.reform(|_: MouseEvent| Action::MergeChoose(true))}>{ t(lang, Text::MergeReplace) }</button>
                            <button type="button" data-testid="merge-keep-both" onclick={d.reform(|_: MouseEvent| Action::MergeChoose(false))}>{ t(lang, Text::MergeKeepBoth) }</button>
                            <button type="button" data-testid="dismiss" onclick={d.reform(|_: MouseEvent| Action::DismissNotice)}>{ t(lang, Text::Cancel) }</button>
                        } else if matches!(n, Notice::LinkBeside) {
                            <button type="button" data-testid="link-keep" onclick={d.reform(|_: MouseEvent| Action::KeepLink)}>{ t(lang, Text::KeepLink) }</button>
                            <button type="button" data-testid="link-back" onclick={d.reform(|_: MouseEvent| Action::BackToOwnWork)}>{ t(lang, Text::BackToOwnWork) }</button>
                        } else {
                            if matches!(n, Notice::StorageRefused | Notice::InstanceTaken(_)) {
                                // Nothing is saved in this browser: the file is the way to keep the work.
                                <button type="button" data-testid="notice-export-json" onclick={super::keep_share::export_json(&p.state, d)}>{ t(lang, Text::ExportJson) }</button>
                            }
                            if matches!(n, Notice::Removed(_) | Notice::Merged { .. }) {
                                <button type="button" data-testid="notice-undo" onclick={d.reform(|_: MouseEvent| Action::Undo)}>{ t(lang, Text::Undo) }</button>
                            }
                            <button type="button" data-testid="dismiss" onclick={d.reform(|_: MouseEvent| Action::DismissNotice)}>{ t(lang, Text::Dismiss) }</button>
                        }
                    </div>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportHeadProps {
    pub state: Shared,
}

/// Who, when and by which method: the top of the printed A4 report.
#[component]
pub fn ReportHead(p: &ReportHeadProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let rs = s.base();
    let date = super::today(lang);
    html! {
        <div class="rapor-report-head" data-testid="report-head">
            <p class="rapor-report-pemda">{ if s.form.pemda.is_empty() { "—".to_string() } else { s.form.pemda.clone() } }</p>
            <p>{ t(lang, Text::ReportDate) }{ ": " }{ date }</p>
            <p>{ t(lang, Text::Ruleset) }{ ": " }{ lang.pick(&rs.title, &rs.title_en) }</p>
            <p class="rapor-report-sources">{ t(lang, Text::Sources) }{ ": " }{ rs.sources.iter().map(|x| lang.pick(&x.text, &x.text_en)).collect::<Vec<_>>().join(" · ") }</p>
        </div>
    }
}

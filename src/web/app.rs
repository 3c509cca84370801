//! The top of the widget: toolbar, method, units on one side; result, plan, chart and
//! the per-unit table on the other.

use super::components::chart::Chart;
use super::components::keep_share::KeepShare;
use super::components::notice_bar::{NoticeBar, ReportHead};
use super::components::plan_panel::PlanPanel;
use super::components::result_panel::ResultPanel;
use super::components::result_strip::ResultStrip;
use super::components::risk_panel::RiskPanel;
use super::components::ruleset_panel::RulesetPanel;
use super::components::unit_table::UnitTable;
use super::components::units_grid::UnitsGrid;
pub use super::props::AppProps;
use super::rulesets;
use super::state::Notice;
use super::state::{Action, ByPtr, Shared, State, DEFAULT_RULESET};
use super::storage;
use crate::text::{t, Lang, Text};
use yew::prelude::*;

/// Where the widget's first ruleset comes from: the stored work's, else the one the
/// page asks for, else the default.
fn first_rulesets(props: &AppProps) -> Vec<String> {
    let mut ids = vec![props.ruleset.to_string()];
    if let Some((stored, _)) = storage::stored_ruleset(&props.instance) {
        ids.push(stored);
    }
    ids
}

/// Whether everything the widget needs to start is loaded.
fn can_start(props: &AppProps) -> bool {
    !rulesets::listed().is_empty()
        && (rulesets::get(&props.ruleset).is_some() || (!rulesets::is_listed(&props.ruleset) && rulesets::get(DEFAULT_RULESET).is_some()))
        // A stored method of the user's own waits for the worker's check.
        && storage::stored_ruleset(&props.instance)
            .is_none_or(|(id, own)| !own && (rulesets::get(&id).is_some() || !rulesets::is_listed(&id)))
}

/// Loads the list of rulesets and the first one, then starts the widget. Ruleset
/// files are data beside the widget's files, fetched rather than compiled in.
#[component]
pub fn App(props: &AppProps) -> Html {
    let status = use_state(|| {
        rulesets::take_early(&first_rulesets(props));
        if can_start(props) {
            Some(Ok(()))
        } else {
            None::<Result<(), String>>
        }
    });
    let attempt = use_state(|| 0u32);
    {
        let (status, props) = (status.clone(), props.clone());
        use_effect_with(*attempt, move |_| {
            if status.as_ref().is_none_or(Result::is_err) {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = async {
                        rulesets::load_index().await?;
                        for id in first_rulesets(&props) {
                            rulesets::load(rulesets::listed_or_default(&id)).await?;
                        }
                        // A stored method of the user's own is checked like a file first;
                        // refused, the stored form is kept aside as damaged. (Only a
                        // refusal counts: without workers the widget starts as before.)
                        if let Some(text) = storage::stored_own_ruleset(&props.instance) {
                            let answer = super::workers::answer(crate::protocol::Op::CheckRuleset, &text).await;
                            if let super::workers::Answer::Failed(crate::protocol::Failure::Input { .. }) = answer {
                                storage::refuse_stored(&props.instance);
                            }
                        }
                        Ok::<(), String>(())
                    }
                    .await;
                    status.set(Some(result));
                });
            }
        });
    }
    let lang = if props.english { Lang::En } else { Lang::Id };
    match &*status {
        Some(Ok(())) => html! { <Widget ..props.clone() /> },
        None => html! {
            <div class="rapor rapor-loading" role="status" data-testid="loading">{ t(lang, Text::Loading) }</div>
        },
        Some(Err(e)) => html! {
            <div class="rapor rapor-loading" role="alert" data-testid="load-failed">
                <p>{ t(lang, Text::LoadFailed) }</p>
                <p class="rapor-hint">{ e.clone() }</p>
                <button type="button" onclick={ let a = attempt.clone(); move |_| a.set(*a + 1) }>{ t(lang, Text::TryAgain) }</button>
            </div>
        },
    }
}

/// Requests to the worker for the plan or the sampling risk: one at a time, and of those
/// made meanwhile only the latest is sent.
struct Asking {
    op: crate::protocol::Op,
    /// Turns the worker's answer for a generation into the action that takes it.
    answer: fn(u64, Lang, super::workers::Answer) -> Action,
    asked: bool,
    next: Option<(u64, crate::form::Form, Lang)>,
}

type Queue = std::rc::Rc<std::cell::RefCell<Asking>>;

/// Sends the latest request unless one is on its way; each answer sends the next.
/// `now`: in this task rather than after the browser has painted.
fn ask_next(queue: Queue, dispatch: Callback<Action>, now: bool) {
    let mut q = queue.borrow_mut();
    if q.asked {
        return;
    }
    let Some((generation, form, lang)) = q.next.take() else { return };
    q.asked = true;
    let (op, answer) = (q.op, q.answer);
    drop(q);
    let send = move || {
        let saved = crate::form::saved::save(&form, lang.code());
        // The method's file travels with the form (the engine's worker has none compiled
        // in); with the user's own method in use it is the form's and this goes unread.
        let method = super::rulesets::source(&form.ruleset).unwrap_or_default();
        super::workers::ask(op, &saved, lang.code(), &method, move |a| {
            queue.borrow_mut().asked = false;
            dispatch.emit(answer(generation, lang, a));
            ask_next(queue, dispatch, false);
        });
    };
    if now {
        send();
    } else {
        // After this task, so the browser paints the score first.
        gloo::timers::callback::Timeout::new(0, send).forget();
    }
}

/// The worker's JSON read by `read`, or why there is none (in the user's language).
fn read_answer<T>(
    lang: Lang,
    a: super::workers::Answer,
    read: fn(&wasm_bindgen::JsValue) -> Result<T, crate::protocol::ProtocolError>,
) -> Result<std::rc::Rc<T>, String> {
    use crate::protocol::{Failure, ProtocolError};
    let unreadable = |what: String| Failure::Unreadable(what).text(lang);
    match a {
        super::workers::Answer::Ok(json) => match super::answers::parse(&json) {
            Some(v) => read(&v).map(std::rc::Rc::new).map_err(|ProtocolError(e)| unreadable(e)),
            None => Err(unreadable("JSON".into())),
        },
        super::workers::Answer::Failed(f) => Err(f.text(lang)),
        super::workers::Answer::Bytes(_) => Err(unreadable("bytes".into())),
    }
}

/// Whether the state waits for a plan the worker is to be asked for. Not for a form
/// without data: its "no unit has data" answer flashed in the plan panel when the first
/// data arrived (a file, a link).
fn plan_wanted(s: &State) -> bool {
    s.plan_due && s.reading.outcome.as_ref().is_some_and(|o| o.aggregate.is_some())
}

/// How long the widget waits for its first plan behind the early screen (`Widget`):
/// seven units take a few milliseconds in the worker; a worker still loading or a large
/// form shows the widget without its plan after this.
const FIRST_PLAN_WAIT_MS: u32 = 600;

fn plan_answer(generation: u64, lang: Lang, a: super::workers::Answer) -> Action {
    Action::PlanReady(generation, read_answer(lang, a, super::answers::plan))
}

fn risk_answer(generation: u64, lang: Lang, a: super::workers::Answer) -> Action {
    Action::RiskReady(generation, read_answer(lang, a, super::answers::risk))
}

#[component]
fn Widget(props: &AppProps) -> Html {
    let state = {
        let (ruleset, lang) = (props.ruleset.clone(), if props.english { Lang::En } else { Lang::Id });
        let (instance, units, taken, no_links) = (props.instance.clone(), props.units.clone(), props.taken.clone(), props.no_links);
        let lang_wins = props.lang_wins;
        use_reducer(move || {
            // What the page finds at start-up is read here, outside the reducer.
            let fragment = super::files::fragment();
            let link = (fragment.starts_with("s=") && !no_links).then(|| {
                // Cleared from the address now, so a reload never re-opens an old link
                // over newer work.
                super::files::clear_fragment();
                fragment
            });
            if taken.is_some() {
                storage::never_save(&instance);
            }
            // Rapor's own page may have shown its early screen: what was typed there
            // goes into the first render.
            let typed = super::early::read().map(|t| (t.ruleset, t.totals));
            let startup = crate::session::Startup { restored: storage::restore(&instance), link, typed };
            let mut s = State::start(rulesets::library(), &ruleset, lang, &units, startup);
            if lang_wins {
                s.lang = lang;
            }
            // With a plan to ask for what was typed, the screen stays until the plan is
            // here (or `FIRST_PLAN_WAIT_MS` has passed) and the widget then shows whole:
            // on a slow phone the browser otherwise lays the page out twice, once without
            // the plan, and the plan waits for that. Else it leaves now, in the same task
            // as the first render, so no keystroke falls between the two. (Totals typed
            // for another method are not taken: the fresh form has no result, and no plan
            // is wanted.)
            if !plan_wanted(&s) {
                super::early::release();
            }
            if let Some(name) = taken {
                s.notice = Some(Notice::InstanceTaken(name.to_string()));
            }
            s
        })
    };
    let s = &*state;
    let lang = s.lang;
    // One callback for the widget's lifetime: children compare it by identity, so a
    // fresh closure per render would re-render every unit card on every keystroke.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| dispatcher.dispatch(a)))).clone()
    };
    // Behind the early screen until the first plan is answered (see above), or until
    // `FIRST_PLAN_WAIT_MS` has passed. The screen leaves in the render that draws the
    // widget, so the page is never without both, and the answer costs one render, not a
    // hidden one and then the widget's; what was typed there meanwhile comes in as edits.
    let screen_up = use_mut_ref(super::early::reading);
    let waited = use_state(|| false);
    let behind = *screen_up.borrow() && s.plan_due && !*waited;
    if *screen_up.borrow() && !behind {
        *screen_up.borrow_mut() = false;
        // The screen's rows are the form's units, top to bottom.
        for (row, total) in super::early::release() {
            if let Some(unit) = s.form.units.get(row) {
                dispatch.emit(Action::SetScore(unit.key, total));
            }
        }
    }
    {
        let waited = waited.clone();
        use_effect_with(behind, move |&waiting| {
            let wait = waiting.then(|| gloo::timers::callback::Timeout::new(FIRST_PLAN_WAIT_MS, move || waited.set(true)));
            move || drop(wait)
        });
    }
    // The plan and the sampling risk come from the worker, after the result is
    // painted (the widget's first excepted, below): the score never waits for them, and
    // asking costs no extra render.
    {
        let plans = use_mut_ref(|| Asking { op: crate::protocol::Op::Plan, answer: plan_answer, asked: false, next: None });
        let risks = use_mut_ref(|| Asking { op: crate::protocol::Op::Risk, answer: risk_answer, asked: false, next: None });
        // The generation last asked for: the first render's, asked again by the effect
        // that follows it, is not sent twice.
        let asked_for = use_mut_ref(|| None::<u64>);
        let dispatch = dispatch.clone();
        let ask = move |s: &State, now: bool| {
            if !plan_wanted(s) {
                return;
            }
            if asked_for.replace(Some(s.generation)) == Some(s.generation) {
                return;
            }
            let next = Some((s.generation, s.form.clone(), s.lang));
            if !s.form.sectors().is_empty() {
                risks.borrow_mut().next = next.clone();
                ask_next(risks.clone(), dispatch.clone(), now);
            }
            plans.borrow_mut().next = next;
            ask_next(plans.clone(), dispatch.clone(), now);
        };
        // The first request leaves with the first render: Yew runs effects only after the
        // browser has laid out and painted the new widget (a quarter of a second on a
        // slow phone), and the worker can compute meanwhile.
        let first = use_mut_ref(|| true);
        if first.replace(false) {
            ask(s, true);
        }
        let state = state.clone();
        use_effect_with((s.plan_due, s.generation), move |_| ask(&state, false));
    }
    // Autosave right after each change is painted (never in the way of the score), and
    // not while stored data that could not be read waits for the user's decision. Nor
    // behind the early screen: the first save would hold up the first plan's answer
    // (about 10 ms on a slow phone); it follows as the widget shows.
    {
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let (instance, dispatch) = (props.instance.to_string(), dispatch.clone());
        // A widget whose storage name is taken said so at start; not again as a refusal.
        let refused = use_mut_ref(|| props.taken.is_some());
        use_effect_with((s.form.clone(), s.lang, s.autosave_paused, behind), move |(form, lang, paused, waiting)| {
            if !*paused && !*waiting {
                let (form, lang) = (form.clone(), lang.code());
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, move || {
                    if !storage::autosave(&instance, &form, lang) && !*refused.borrow() {
                        *refused.borrow_mut() = true;
                        dispatch.emit(Action::Notify(Notice::StorageRefused));
                    }
                }));
            }
        });
    }
    // Another tab of this widget saved: show its work here too, so two tabs never
    // overwrite each other's work unseen (last writer wins, silently, was the defect).
    {
        let (instance, dispatch) = (props.instance.to_string(), dispatch.clone());
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e) else { return };
                if e.key().as_deref() == Some(storage::key(&instance).as_str()) {
                    if let Some(saved) = e.new_value() {
                        dispatch.emit(Action::SavedElsewhere(saved));
                    }
                }
            });
            move || drop(listener)
        });
    }
    // A share link in the address: the worker opens it once the page is up.
    {
        let (dispatch, link, lang) = (dispatch.clone(), s.pending_link.clone(), lang);
        use_effect_with((), move |_| {
            if let Some(fragment) = link {
                let d2 = dispatch.clone();
                super::workers::ask_then(crate::protocol::Op::OpenLink, "", lang.code(), &fragment, None, dispatch, move |saved| {
                    d2.emit(Action::LinkOpened(saved))
                });
            }
        });
    }
    // A ruleset the state waits for (picked, or named by an opened link or file).
    {
        let dispatch = dispatch.clone();
        use_effect_with(s.wants.clone(), move |wants| {
            if let Some(id) = wants.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    match rulesets::load(&id).await {
                        Ok(rs) => dispatch.emit(Action::RulesetReady(rs)),
                        Err(_) => dispatch.emit(Action::RulesetFailed(id)),
                    }
                });
            }
        });
    }
    // Inside an iframe: tell the host page how tall the widget is, whenever that changes.
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            super::frame::report_height(&root);
            super::frame::follow_host_scroll(&root);
        });
    }
    // What lies below the plan (the chart, the per-unit table, keeping and sharing) is
    // drawn one task after the rest: on a slow phone drawing the whole widget at once
    // took about 0,2 s, and the fields, the result and the plan now show first.
    let below = use_state(|| false);
    {
        let below = below.clone();
        use_effect_with(behind, move |&waiting| {
            let mut later = None;
            if !waiting && !*below {
                later = Some(gloo::timers::callback::Timeout::new(0, move || below.set(true)));
            }
            move || drop(later)
        });
    }
    // The first plan (or why there is none) on screen: the offline cache may start now
    // (`web::settled`). Effects run once the browser has painted the render; told on
    // the plan's answer instead, the service worker started while the page was still
    // building the widget for it, and took the CPU the plan needed.
    {
        let answered = !behind && (s.plan.is_some() || s.plan_failed.is_some());
        use_effect_with(answered, |&answered| {
            if answered {
                super::settled();
            }
        });
    }
    // Rapor's own page: the focus and caret go where they were on the early screen.
    {
        let root = root.clone();
        use_effect_with(behind, move |&waiting| {
            if let (false, Some(el)) = (waiting, root.cast::<web_sys::Element>()) {
                super::early::refocus(&el);
            }
        });
    }
    // Theme colours through the CSSOM rather than a `style` attribute: a host page's
    // Content-Security-Policy may forbid inline style attributes, but not this.
    {
        let root = root.clone();
        use_effect_with(props.style.clone(), move |style| super::frame::apply_theme(&root, style));
    }
    let present = s.present;
    let on_keydown = dispatch.reform(move |e: KeyboardEvent| {
        let key = e.key().to_ascii_lowercase();
        if present && key == "e" && !e.ctrl_key() && !e.meta_key() && !e.alt_key() && super::frame::toggle_drawer(&e) {
            return Action::Noop;
        }
        let redo = (key == "z" && e.shift_key()) || key == "y";
        if (e.ctrl_key() || e.meta_key()) && (key == "z" || key == "y") {
            e.prevent_default();
            if redo {
                Action::Redo
            } else {
                Action::Undo
            }
        } else {
            Action::Noop
        }
    });
    if behind {
        return html! { <div ref={root} class="rapor" hidden=true></div> };
    }
    let snapshot: Shared = ByPtr(std::rc::Rc::new(s.clone()));

    html! {
        <div ref={root} class={classes!("rapor", s.present.then_some("rapor-present"), props.compact.then_some("rapor-compact"))}
            lang={lang.code()} onkeydown={on_keydown} onfocusout={dispatch.reform(|_: FocusEvent| Action::EndTyping)}>
            <header class="rapor-header">
                <div>
                    <h1 class="rapor-title">{ "Rapor" }</h1>
                    <p class="rapor-subtitle">{ t(lang, Text::AppSubtitle) }</p>
                </div>
                <div class="rapor-toolbar" role="toolbar" aria-label="Rapor">
                    <button type="button" data-testid="undo" disabled={!s.can_undo()} onclick={dispatch.reform(|_: MouseEvent| Action::Undo)}
                        aria-keyshortcuts="Control+Z">
                        <span aria-hidden="true">{ "↶ " }</span>{ t(lang, Text::Undo) }</button>
                    <button type="button" data-testid="redo" disabled={!s.can_redo()} onclick={dispatch.reform(|_: MouseEvent| Action::Redo)}
                        aria-keyshortcuts="Control+Shift+Z">
                        <span aria-hidden="true">{ "↷ " }</span>{ t(lang, Text::Redo) }</button>
                    <button type="button" data-testid="present-toggle" aria-pressed={if s.present { "true" } else { "false" }}
                        onclick={dispatch.reform(|_: MouseEvent| Action::TogglePresent)}>{ t(lang, Text::Presentation) }</button>
                    <button type="button" class="rapor-lang" data-testid="lang-toggle" lang={lang.other().code()}
                        onclick={dispatch.reform(|_: MouseEvent| Action::ToggleLang)}>{ t(lang, Text::SwitchLanguage) }</button>
                </div>
            </header>
            <ResultStrip state={snapshot.clone()} />
            <NoticeBar state={snapshot.clone()} ondispatch={dispatch.clone()} />
            <ReportHead state={snapshot.clone()} />
            if s.present {
                // A stage for a room: the result above (the strip), the plan and the
                // chart at reading size, editing in a drawer one key (E) away.
                <div class="rapor-stage">
                    <PlanPanel instance={props.instance.clone()} state={snapshot.clone()} ondispatch={dispatch.clone()} />
                    // The QR code under the chart: in view beside the plan, for the room's phones.
                    <div class="rapor-stage-side">
                        <Chart state={snapshot.clone()} />
                        { super::components::keep_share::present_qr(&snapshot) }
                    </div>
                </div>
                <details class="rapor-drawer" data-testid="edit-drawer">
                    <summary>{ t(lang, Text::EditData) }{ " " }<kbd aria-hidden="true">{ "E" }</kbd></summary>
                    <UnitsGrid instance={props.instance.clone()} state={snapshot.clone()} ondispatch={dispatch.clone()} />
                    <ResultPanel instance={props.instance.clone()} state={snapshot.clone()} />
                </details>
            } else {
                <RulesetPanel instance={props.instance.clone()} state={snapshot.clone()} ondispatch={dispatch.clone()} />
                <div class="rapor-body">
                    <UnitsGrid instance={props.instance.clone()} state={snapshot.clone()} ondispatch={dispatch.clone()} />
                    <div class="rapor-side">
                        <ResultPanel instance={props.instance.clone()} state={snapshot.clone()} />
                        <PlanPanel instance={props.instance.clone()} state={snapshot.clone()} ondispatch={dispatch.clone()} />
                        <RiskPanel instance={props.instance.clone()} state={snapshot.clone()} ondispatch={dispatch.clone()} />
                        if *below {
                            <Chart state={snapshot.clone()} />
                            <UnitTable state={snapshot.clone()} />
                            <KeepShare instance={props.instance.clone()} state={snapshot.clone()} ondispatch={dispatch.clone()} />
                        }
                    </div>
                </div>
            }
        </div>
    }
}

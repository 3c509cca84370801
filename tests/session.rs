//! The widget's state machine on the host: what only the browser tiers checked before
//! (undo and redo, stale worker answers, notice precedence, waiting for a method, the
//! language switch asking the worker again), driven through `State::reduce`.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::plan::Plan;
use rapor::engine::{Catalog, Ruleset};
use rapor::form::saved;
use rapor::session::{Action, Lang, Library, Listed, Notice, Restored, RiskView, Startup, State};
use std::rc::Rc;

/// Every shipped method listed; only those in `loaded` fetched so far.
fn library(loaded: &[&str]) -> Library {
    let cat = Catalog::built_in();
    let index = cat.all().iter().map(|r| Listed { id: r.id.clone(), title: r.title.clone(), title_en: r.title_en.clone() }).collect();
    Library::new(index, loaded.iter().map(|id| Rc::new(cat.get(id).unwrap().clone())).collect())
}

fn method(id: &str) -> Rc<Ruleset> {
    Rc::new(Catalog::built_in().get(id).unwrap().clone())
}

fn start(ruleset: &str, loaded: &[&str]) -> Rc<State> {
    Rc::new(State::start(library(loaded), ruleset, Lang::Id, &[], Startup::default()))
}

fn act(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, State::reduce)
}

fn key(s: &State, i: usize) -> u32 {
    s.form.units[i].key
}

fn score(s: &State) -> Option<String> {
    s.outcome.as_ref()?.aggregate.as_ref().map(|a| a.rounded.to_string())
}

#[test]
fn a_fresh_session_has_its_methods_sample_and_no_result() {
    let s = start("ombudsman-2025", &["ombudsman-2025"]);
    let names: Vec<&str> = s.form.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial"]);
    assert_eq!(score(&s), None);
    assert!(!s.can_undo() && !s.can_redo());
}

#[test]
fn totals_typed_on_the_early_screen_start_a_fresh_form_and_nothing_else() {
    let typed = |id: &str| Some((id.to_string(), vec!["80".to_string(), "90,5".to_string(), String::new()]));
    let fresh = |startup: Startup| Rc::new(State::start(library(&["ombudsman-2024"]), "ombudsman-2024", Lang::Id, &[], startup));
    let s = fresh(Startup { typed: typed("ombudsman-2024"), ..Default::default() });
    let totals: Vec<&str> = s.form.units.iter().map(|u| u.score.as_str()).collect();
    assert_eq!(totals, ["80", "90,5", "", "", "", "", ""]);
    // (80 + 90.5) / 2 = 85.25; the widget asks for its plan at once.
    assert_eq!(score(&s).as_deref(), Some("85.25"));
    assert!(s.plan_due);
    // Typed as it started, not as an edit: nothing to undo.
    assert!(!s.can_undo());
    // Typed for another method, or with a share link to open, they are left out.
    assert_eq!(score(&fresh(Startup { typed: typed("ombudsman-2023"), ..Default::default() })), None);
    assert_eq!(score(&fresh(Startup { typed: typed("ombudsman-2024"), link: Some("s=1abc".into()), ..Default::default() })), None);
}

#[test]
fn undo_and_redo_walk_the_history() {
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let (k0, k1) = (key(&s, 0), key(&s, 1));
    let s = act(s, [Action::SetScore(k0, "80".into()), Action::SetScore(k1, "90".into())]);
    // (80 + 90) / 2 = 85.00.
    assert_eq!(score(&s).as_deref(), Some("85.00"));
    let s = act(s, [Action::Undo]);
    assert_eq!(score(&s).as_deref(), Some("80.00"));
    assert!(s.can_redo());
    let s = act(s, [Action::Redo]);
    assert_eq!(score(&s).as_deref(), Some("85.00"));
    // A new edit after an undo drops the redo branch.
    let s = act(s, [Action::Undo, Action::SetScore(k1, "70".into())]);
    assert!(!s.can_redo());
    assert_eq!(score(&s).as_deref(), Some("75.00"));
    // Removing a unit is one step back.
    let s = act(s, [Action::RemoveUnit(k0)]);
    assert_eq!(s.form.units.len(), 6);
    let s = act(s, [Action::Undo]);
    assert_eq!((s.form.units.len(), s.form.units[0].score.as_str()), (7, "80"));
    // Duplicating takes the page's words for the copy.
    let s = act(s, [Action::Duplicate(k0, "(copy)".into())]);
    assert_eq!(s.form.units[1].name, "Disdukcapil (copy)");
}

#[test]
fn an_older_readings_plan_is_dropped_without_a_render() {
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let k0 = key(&s, 0);
    let s = act(s, [Action::SetScore(k0, "80".into())]);
    let first = s.generation;
    assert!(s.plan_due);
    let s = act(s, [Action::SetScore(k0, "81".into())]);
    assert!(s.generation > first);
    // The answer for the first reading arrives late: the very same state comes back.
    let before = s.clone();
    let s = act(s, [Action::PlanReady(first, Ok(a_plan()))]);
    assert!(Rc::ptr_eq(&before, &s));
    assert!(s.plan_due && s.plan.is_none());
    // The current reading's answer is taken.
    let s = act(s.clone(), [Action::PlanReady(s.generation, Ok(a_plan()))]);
    assert!(!s.plan_due && s.plan.is_some());
    // Equally for risk.
    let stale = s.generation - 1;
    let before = s.clone();
    assert!(Rc::ptr_eq(&before, &act(s, [Action::RiskReady(stale, Err("x".into()))])));
}

#[test]
fn a_kept_aside_notice_outranks_later_ones_until_the_user_chooses() {
    let startup = Startup {
        restored: Restored::KeptAside { kept_as: "rapor:t:kept-aside:1".into(), version: Some(9), held: None },
        ..Default::default()
    };
    let s = Rc::new(State::start(library(&["ombudsman-2024"]), "ombudsman-2024", Lang::Id, &[], startup));
    assert!(s.autosave_paused);
    let kept = Notice::KeptAside { kept_as: "rapor:t:kept-aside:1".into(), version: Some(9), held: None };
    assert_eq!(s.notice.as_ref(), Some(&kept));
    let s = act(s, [Action::Notify(Notice::LinkOpened), Action::Notify(Notice::StorageRefused)]);
    assert_eq!(s.notice.as_ref(), Some(&kept), "later notices wait");
    let s = act(s, [Action::StartFresh]);
    assert!(!s.autosave_paused && s.notice.is_none());
    let s = act(s, [Action::Notify(Notice::LinkOpened)]);
    assert_eq!(s.notice, Some(Notice::LinkOpened));
}

#[test]
fn a_method_not_yet_fetched_is_waited_for() {
    let s = start("ombudsman-2025", &["ombudsman-2025"]);
    let s = act(s, [Action::SetRuleset("ombudsman-2022".into())]);
    // Asked of the view; nothing changes until it arrives.
    assert_eq!(s.wants.as_deref(), Some("ombudsman-2022"));
    assert_eq!(s.form.ruleset, "ombudsman-2025");
    let s = act(s, [Action::RulesetReady(method("ombudsman-2022"))]);
    assert_eq!((s.form.ruleset.as_str(), s.wants.as_deref()), ("ombudsman-2022", None));
    // The page was untouched: it took 2022's seven units.
    assert_eq!(s.form.units.len(), 7);
    // A method that cannot be fetched: a notice, and the work stays.
    let k0 = key(&s, 0);
    let s = act(s, [Action::SetScore(k0, "80".into()), Action::SetRuleset("ikm-2017".into()), Action::RulesetFailed("ikm-2017".into())]);
    assert_eq!(s.notice, Some(Notice::RulesetUnavailable("ikm-2017".into())));
    assert_eq!((s.form.ruleset.as_str(), s.form.units[0].score.as_str()), ("ombudsman-2022", "80"));
    // Once entered, a method switch keeps the units.
    let s = act(s, [Action::SetRuleset("ombudsman-2025".into())]);
    assert_eq!((s.form.units.len(), s.form.units[0].score.as_str()), (7, "80"));
}

#[test]
fn the_language_switch_asks_the_worker_again_for_worded_answers() {
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let (k0, k1) = (key(&s, 0), key(&s, 1));
    let s =
        act(s, [Action::SetScore(k0, "80".into()), Action::SetSector(k0, "puskesmas".into()), Action::SetSector(k1, "puskesmas".into())]);
    let g = s.generation;
    let s = act(s, [Action::PlanReady(g, Ok(a_plan())), Action::RiskReady(g, Ok(Rc::new(risk_view())))]);
    assert!(!s.plan_due);
    // The risk panel is worded by the worker: switching language asks again.
    let s = act(s, [Action::ToggleLang]);
    assert_eq!(s.lang, Lang::En);
    assert!(s.plan_due && s.generation > g);
    // Without worded answers on screen, the switch costs no request.
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let s = act(s, [Action::SetScore(k0, "80".into())]);
    let s = act(s.clone(), [Action::PlanReady(s.generation, Ok(a_plan()))]);
    let g = s.generation;
    let s = act(s, [Action::ToggleLang]);
    assert!(!s.plan_due && s.generation == g);
}

#[test]
fn stored_work_and_an_old_link_are_told_once() {
    // Autosaved before trust moved to the units.
    let text = r#"{"rapor":"form","version":1,"lang":"en","form":{"ruleset":"ombudsman-2025","units":[
        {"key":0,"name":"Dinas Sosial","mode":"dimensions","dims":{"input":"80","proses":"80","output":"80","pengaduan":"80"}}],
        "deduction":"","trust":"60","followed_up":false,"weights":{},"scale_max":"","next_key":1}}"#;
    let (form, lang) = saved::load(text).unwrap();
    let startup = Startup { restored: Restored::Form(Box::new(form), lang), link: Some("s=1abc".into()), ..Default::default() };
    let s = Rc::new(State::start(library(&["ombudsman-2025"]), "ombudsman-2025", Lang::Id, &[], startup));
    assert_eq!((s.lang, s.trust_spread.as_deref(), s.pending_link.as_deref()), (Lang::En, Some("60"), Some("s=1abc")));
    // 0.7 · 80 + 0.3 · 60 = 74.00; the note goes with the next edit.
    assert_eq!(score(&s).as_deref(), Some("74.00"));
    let k0 = key(&s, 0);
    let s = act(s, [Action::SetTrust(k0, "70".into())]);
    assert_eq!(s.trust_spread, None);
    assert_eq!(score(&s).as_deref(), Some("77.00"));
}

/// Some plan, as the worker would answer (its content does not matter here).
fn a_plan() -> Rc<Plan> {
    let sc = rapor::engine::Scenario::from_json(&serde_json::json!({"ruleset": "ombudsman-2024", "units": [{"name": "A", "score": 80}]}))
        .unwrap();
    Rc::new(rapor::engine::plan::plan(&method("ombudsman-2024"), &sc, None, rapor::engine::plan::Objective::Steps).unwrap())
}

fn risk_view() -> RiskView {
    RiskView { reach: "r".into(), bars: vec![], worst: "w".into(), best: "b".into(), weakest: vec![], robust: vec![] }
}

/// Typing "85,4" into one field is one undo step; the next field starts another.
#[test]
fn typing_in_one_field_is_one_undo_step() {
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let (k0, k1) = (key(&s, 0), key(&s, 1));
    let typed = ["8", "85", "85,", "85,4"].map(|t| Action::SetScore(k0, t.into()));
    let s = act(s, typed);
    let s = act(s, [Action::SetScore(k1, "9".into()), Action::SetScore(k1, "90".into())]);
    // (85,4 + 90) / 2 = 87,70.
    assert_eq!(score(&s).as_deref(), Some("87.70"));
    let s = act(s, [Action::Undo]);
    assert_eq!(s.form.units[1].score, "");
    assert_eq!(s.form.units[0].score, "85,4");
    let s = act(s, [Action::Undo]);
    assert_eq!(s.form.units[0].score, "");
    assert!(!s.can_undo());
    // Leaving the field ends the step: typing there again is a step of its own.
    let s = act(s, [Action::Redo, Action::EndTyping, Action::SetScore(k0, "85,43".into())]);
    let s = act(s, [Action::Undo]);
    assert_eq!(s.form.units[0].score, "85,4");
    let s = act(s, [Action::Undo]);
    // After an undo, typing again in the same field is a step of its own.
    let s = act(s, [Action::Redo, Action::SetScore(k0, "85,45".into())]);
    let s = act(s, [Action::Undo]);
    assert_eq!(s.form.units[0].score, "85,4");
}

/// Removing a unit says so, and one Undo brings the unit back (and clears the notice).
#[test]
fn removing_a_unit_is_told_and_undone_in_one_step() {
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let k = key(&s, 2);
    let name = s.form.units[2].name.clone();
    let n = s.form.units.len();
    let s = act(s, [Action::SetScore(k, "80".into()), Action::RemoveUnit(k)]);
    assert_eq!(s.form.units.len(), n - 1);
    assert_eq!(s.notice, Some(Notice::Removed(name.clone())));
    assert!(s.notice.as_ref().unwrap().text(Lang::Id).contains(&name));
    let s = act(s, [Action::Undo]);
    assert_eq!(s.form.units.len(), n);
    assert_eq!((s.form.units[2].name.as_str(), s.form.units[2].score.as_str()), (name.as_str(), "80"));
    assert_eq!(s.notice, None);
}

/// The units grid's keys: Enter goes down the same column (past a unit whose entries
/// are in its indicator sheet, and to the last cell of a shorter row), ← and → leave a
/// cell only at the ends of its text.
#[test]
fn the_grid_moves_like_a_spreadsheet() {
    use rapor::session::grid::{next_cell, GridKey::*, GridTarget::*};
    // Unit 0 by total (1 cell), unit 1 by indicators (0), unit 2 by dimensions (4 + trust).
    let cells = [1, 0, 5];
    assert_eq!(next_cell(&cells, 0, 0, Enter, false, false), Some(Cell { row: 2, col: 0 }));
    assert_eq!(next_cell(&cells, 2, 3, ShiftEnter, false, false), Some(Cell { row: 0, col: 0 }));
    assert_eq!(next_cell(&cells, 2, 3, Down, false, false), Some(AddUnit));
    assert_eq!(next_cell(&cells, 0, 0, Up, false, false), None);
    assert_eq!(next_cell(&cells, 2, 2, Left, false, true), None, "the caret moves first");
    assert_eq!(next_cell(&cells, 2, 2, Left, true, false), Some(Cell { row: 2, col: 1 }));
    assert_eq!(next_cell(&cells, 2, 0, Left, true, true), Some(Name(2)));
    assert_eq!(next_cell(&cells, 2, 4, Right, false, true), Some(Menu(2)));
    assert_eq!(next_cell(&cells, 0, 0, Right, true, true), Some(Menu(0)));
    assert_eq!(rapor::session::grid::GridKey::parse("Tab", false), None);
}

/// A column of seven totals copied from Excel (decimal comma, a line break after the
/// last row) fills the seven units; by hand (85,4 + 78,2 + 91 + 88,5 + 72,3 + 80 + 84,1)
/// / 7 = 579,5 / 7 = 82,7857… → 82,79. One undo takes the whole paste back.
#[test]
fn a_column_pasted_from_a_spreadsheet_fills_the_units() {
    use rapor::form::cells::block;
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let k0 = key(&s, 0);
    let pasted = block("85,4\r\n78,2\r\n91\r\n88,5\r\n72,3\r\n80\r\n84,1\r\n");
    assert_eq!(pasted.len(), 7);
    let s = act(s, [Action::Paste { unit: k0, col: 0, block: pasted }]);
    assert_eq!(score(&s).as_deref(), Some("82.79"));
    let s = act(s, [Action::Undo]);
    assert_eq!(score(&s), None);
}

/// A longer block adds units entered like the first; a row of dimension scores goes
/// across; a bad cell is flagged in place and the rest still lands.
#[test]
fn a_pasted_block_adds_units_and_flags_bad_cells_in_place() {
    use rapor::form::cells::{block, is_block};
    use rapor::form::Mode;
    let s = start("ombudsman-2025", &["ombudsman-2025"]);
    assert_eq!(s.form.units.len(), 3);
    let k0 = key(&s, 0);
    assert!(is_block("80\n90") && is_block("80\t90") && !is_block("80,5\n"));
    let s = act(s, [Action::Paste { unit: k0, col: 0, block: block("80\n90\nabc\n1.000\n70") }]);
    assert_eq!(s.form.units.len(), 5);
    assert_eq!(s.form.units[4].name, "Unit 5");
    let bad: Vec<(usize, &str)> =
        s.reading.errors.iter().map(|e| (s.form.units.iter().position(|u| Some(u.key) == e.unit_key).unwrap(), e.field.as_str())).collect();
    assert_eq!(bad, [(2, "score"), (3, "score")]);
    assert!(s.reading.errors[1].error.message(Lang::Id).contains("1,000 untuk desimal atau 1000"));
    assert_eq!(s.form.units[4].score, "70");
    // Dimensions: 2025 has four dimensions and the unit's trust after them.
    let s = act(s, [Action::SetMode(k0, Mode::Dimensions)]);
    let s = act(s, [Action::Paste { unit: k0, col: 1, block: block("90\t70\t60\t85\t99") }]);
    let u = &s.form.units[0];
    let dims: Vec<&str> = ["input", "proses", "output", "pengaduan"].iter().map(|d| u.dims.get(*d).map_or("", String::as_str)).collect();
    assert_eq!(dims[1..], ["90", "70", "60"]);
    assert_eq!(u.trust, "85", "the fifth cell is the trust; the sixth value has no cell");
}

/// A unit's indicator column pasted from an Ombudsman recap: one level per line down
/// the sheet from the focused picker; a level off the scale is flagged at its picker.
#[test]
fn an_indicator_column_pasted_fills_the_sheet_down() {
    use rapor::form::cells::{block, level_cells};
    use rapor::form::Mode;
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let k = key(&s, 0);
    let s = act(s, [Action::SetMode(k, Mode::Indicators)]);
    let order = level_cells(&s.reading.ruleset, s.form.units[0].products);
    let column: Vec<String> = block("3\n2\n7\n1").into_iter().map(|r| r[0].clone()).collect();
    let s = act(s, [Action::PasteLevels { unit: k, from: 1, column }]);
    let level = |i: usize| s.form.units[0].levels.get(&order[i].0).and_then(|v| v.get(order[i].1)).cloned().unwrap_or_default();
    assert_eq!([level(0), level(1), level(2), level(3), level(4)], ["", "3", "2", "7", "1"]);
    let flagged: Vec<&str> = s.reading.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert!(flagged[0].starts_with(&format!("ind-{}", order[3].0)), "{flagged:?}");
}

#[test]
fn an_own_method_may_not_take_a_built_in_id() {
    // A method file under a shipped id took that method's place in the picker. It is
    // refused at its `id`, and the same file under an id of its own is taken.
    let mut v: serde_json::Value = serde_json::from_str(Catalog::built_in_source("ombudsman-2023").unwrap()).unwrap();
    let load = |v: &serde_json::Value| Action::LoadOwnRuleset { file: "metode.json".into(), text: v.to_string() };
    let s = act(start("ombudsman-2023", &["ombudsman-2023"]), [load(&v)]);
    assert!(s.form.custom_ruleset.is_none());
    assert_eq!(s.form.ruleset, "ombudsman-2023");
    match &s.notice {
        Some(Notice::ImportFailed { file, problem }) => {
            assert_eq!(file, "metode.json");
            assert_eq!(problem.path, "id");
            assert!(problem.message_id.contains("adalah id metode bawaan"), "{}", problem.message_id);
        }
        other => panic!("{other:?}"),
    }
    v["id"] = serde_json::json!("ombudsman-2023-pemda");
    let s = act(s, [load(&v)]);
    assert_eq!(s.form.ruleset, "ombudsman-2023-pemda");
    assert!(s.form.custom_ruleset.is_some());
}

#[test]
fn a_link_opens_beside_stored_work_and_saves_nothing_until_the_user_chooses() {
    // Opening a share link replaced the stored work at once (its autosave wrote over it).
    let mine = start("ombudsman-2024", &["ombudsman-2024"]);
    let k0 = key(&mine, 0);
    let mine = act(mine, [Action::SetScore(k0, "71,66".into())]);
    assert_eq!(score(&mine).as_deref(), Some("71.66"));
    let mut link = mine.form.clone();
    link.unit_at_mut(0).score = "90".into();
    let opened = act(mine.clone(), [Action::LinkOpened(saved::save(&link, "id"))]);
    assert_eq!(score(&opened).as_deref(), Some("90.00"));
    assert_eq!(opened.notice, Some(Notice::LinkBeside));
    assert!(opened.autosave_paused, "nothing is saved over the stored work");
    // Later messages do not take the choice away.
    let opened = act(opened, [Action::Notify(Notice::LinkOpened)]);
    assert_eq!(opened.notice, Some(Notice::LinkBeside));
    // Back to the work: it is there, and autosave resumes with it.
    let back = act(opened.clone(), [Action::BackToOwnWork]);
    assert_eq!(score(&back).as_deref(), Some("71.66"));
    assert!(!back.autosave_paused && back.notice.is_none());
    // Or keep the link's scenario: autosave resumes with that.
    let kept = act(opened, [Action::KeepLink]);
    assert_eq!(score(&kept).as_deref(), Some("90.00"));
    assert!(!kept.autosave_paused && kept.notice.is_none());
    // On a page with nothing entered the link simply opens, saved as usual.
    let fresh = act(start("ombudsman-2024", &["ombudsman-2024"]), [Action::LinkOpened(saved::save(&link, "id"))]);
    assert_eq!((fresh.notice.clone(), fresh.autosave_paused), (Some(Notice::LinkOpened), false));
}

#[test]
fn damaged_data_that_could_not_be_kept_aside_is_held_and_said_so() {
    // The browser refused the copy (storage full) while the notice said it was kept; the
    // text is now held in the page and the notice asks for its download first.
    let startup = Startup {
        restored: Restored::KeptAside { kept_as: "rapor:t:kept-aside:1".into(), version: None, held: Some("{\"rapor\":".into()) },
        ..Default::default()
    };
    let s = Rc::new(State::start(library(&["ombudsman-2024"]), "ombudsman-2024", Lang::Id, &[], startup));
    assert!(s.autosave_paused);
    let n = s.notice.clone().unwrap();
    assert!(matches!(&n, Notice::KeptAside { held: Some(t), .. } if t == "{\"rapor\":"));
    assert!(n.text(Lang::Id).contains("tidak dapat disalin terpisah"), "{}", n.text(Lang::Id));
    assert!(n.text(Lang::En).starts_with("The stored data is damaged, and it could not be kept aside"));
}

#[test]
fn a_change_saved_in_another_tab_shows_here_too() {
    // Two tabs on one widget overwrote each other's work silently (last writer wins).
    let here = start("ombudsman-2024", &["ombudsman-2024"]);
    let k0 = key(&here, 0);
    let mut there = here.form.clone();
    there.unit_at_mut(0).score = "90".into();
    let synced = act(here.clone(), [Action::SavedElsewhere(saved::save(&there, "id"))]);
    assert_eq!(synced.form.units[0].score, "90");
    assert_eq!(score(&synced).as_deref(), Some("90.00"));
    // One undo away, like any change.
    let undone = act(synced, [Action::Undo]);
    assert_eq!(undone.form.units[0].score, "");
    // A tab that waits for the user's choice about its own stored data is left alone.
    let waiting = act(here, [Action::SetScore(k0, "71,66".into())]);
    let mut link = waiting.form.clone();
    link.unit_at_mut(0).score = "80".into();
    let waiting = act(waiting, [Action::LinkOpened(saved::save(&link, "id"))]);
    let still = act(waiting, [Action::SavedElsewhere(saved::save(&there, "id"))]);
    assert_eq!(still.form.units[0].score, "80");
}

#[test]
fn forty_decimals_typed_are_too_long_not_not_a_number() {
    // The review typed 40 decimals and was told "bukan angka".
    let rs = method("ombudsman-2024");
    let mut f = rapor::form::Form::named("ombudsman-2024", 2, &rs.default_units);
    f.unit_at_mut(0).score = "0,1234567890123456789012345678901234567890".into();
    let r = f.read(&rs);
    assert_eq!(
        r.errors[0].error.message(Lang::Id),
        "0,1234567890123456789012345678901234567890 memiliki lebih banyak digit daripada yang dapat dihitung tepat (paling banyak 28)"
    );
}

/// Units of another OPD's file, as the worker reads them (a saved form of only them).
fn units_file(names_scores: &[(&str, &str)]) -> String {
    let mut f = rapor::form::Form::named("ombudsman-2024", 2, &names_scores.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>());
    for (i, (_, x)) in names_scores.iter().enumerate() {
        Rc::make_mut(&mut f.units[i]).score = x.to_string();
    }
    saved::save(&f, "id")
}

fn names(s: &State) -> Vec<String> {
    s.form.units.iter().map(|u| u.name.clone()).collect()
}

#[test]
fn a_merge_adds_units_asks_about_a_clash_and_undoes_in_one_step() {
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let (k0, k1) = (key(&s, 0), key(&s, 1));
    let s = act(s, [Action::SetScore(k0, "80".into()), Action::SetScore(k1, "90".into())]);
    let before = names(&s);
    // No clash: the file's two Puskesmas come in after the seven units.
    let file = units_file(&[("Puskesmas Kota", "70"), ("Puskesmas Desa", "60")]);
    let s = act(s, [Action::MergeReady { file: "pkm.json".into(), saved: file }]);
    assert_eq!(names(&s).len(), before.len() + 2);
    assert!(matches!(&s.notice, Some(Notice::Merged { added: 2, replaced: 0, .. })));
    // (80 + 90 + 70 + 60) / 4 = 75.00.
    assert_eq!(score(&s).as_deref(), Some("75.00"));
    // One undo takes the whole merge back.
    let s = act(s, [Action::Undo]);
    assert_eq!(names(&s), before);
    assert_eq!(score(&s).as_deref(), Some("85.00"));
    // A clash asks first and changes nothing until answered.
    let clash = units_file(&[("Disdukcapil", "100"), ("Puskesmas Baru", "90")]);
    let s = act(s, [Action::MergeReady { file: "opd.csv".into(), saved: clash.clone() }]);
    assert!(matches!(&s.notice, Some(Notice::MergeClash { names, .. }) if names == &["Disdukcapil".to_string()]));
    assert_eq!(names(&s), before);
    assert_eq!(
        s.notice.as_ref().unwrap().text(Lang::Id),
        "opd.csv memuat unit yang namanya sudah ada: Disdukcapil. Ganti unit itu dengan isi berkas, atau simpan keduanya?"
    );
    // Replace: Disdukcapil's 80 becomes 100, in place; (100 + 90 + 90) / 3 = 93.33.
    let replaced = act(s.clone(), [Action::MergeChoose(true)]);
    assert_eq!(replaced.form.units[0].score, "100");
    assert_eq!(replaced.form.units[0].key, k0, "the replaced unit keeps its row");
    assert_eq!(score(&replaced).as_deref(), Some("93.33"));
    assert!(matches!(&replaced.notice, Some(Notice::Merged { added: 1, replaced: 1, .. })));
    // Keep both: the file's comes in as "Disdukcapil (2)"; (80 + 90 + 100 + 90) / 4 = 90.00.
    let both = act(s, [Action::MergeChoose(false)]);
    assert_eq!(both.form.units[0].score, "80");
    assert!(names(&both).contains(&"Disdukcapil (2)".to_string()));
    assert_eq!(score(&both).as_deref(), Some("90.00"));
    let back = act(both, [Action::Undo]);
    assert_eq!(names(&back), before);
}

#[test]
fn a_baseline_is_kept_with_the_work_and_cleared() {
    let s = start("ombudsman-2024", &["ombudsman-2024"]);
    let mut read = rapor::form::Form::named("ombudsman-2024", 2, &[]);
    read.baseline = Some(rapor::engine::baseline::Baseline {
        score: Some("80.00".parse().unwrap()),
        units: vec![rapor::engine::baseline::BaselineUnit {
            name: "Disdukcapil".into(),
            score: Some("78.5".parse().unwrap()),
            ..Default::default()
        }],
        ..Default::default()
    });
    let s = act(s, [Action::BaselineReady { file: "hasil-2024.json".into(), saved: saved::save(&read, "id") }]);
    let b = s.form.baseline.as_ref().unwrap();
    assert_eq!((b.label.as_str(), b.score.map(|d| d.to_string())), ("hasil-2024.json", Some("80.00".into())));
    // Kept in the autosave format, and in the scenario a JSON file or a link carries.
    let (again, _) = saved::load(&saved::save(&s.form, "id")).unwrap();
    assert_eq!(again.baseline, s.form.baseline);
    let sc = s.form.read(&method("ombudsman-2024")).scenario;
    let back = rapor::engine::Scenario::from_json_str(&sc.to_json().to_string()).unwrap();
    assert_eq!(back.baseline, s.form.baseline);
    // Cleared, and the clearing undone.
    let cleared = act(s, [Action::ClearBaseline]);
    assert_eq!(cleared.form.baseline, None);
    let undone = act(cleared, [Action::Undo]);
    assert!(undone.form.baseline.is_some());
}

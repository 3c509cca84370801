//! The widget's one state and the edits it accepts.

use super::library::Library;
use crate::engine::plan::{Plan, Step};
use crate::engine::{evaluate, Outcome, Ruleset};
use crate::form::cells::Cell;
use crate::form::{FieldError, Form, Mode, Reading};
use crate::share::ShareError;
use std::rc::Rc;

pub use crate::text::Lang;

/// The sampling risk as the panel shows it: the lines the worker wrote in the user's
/// language (`report::risk`).
pub use crate::report::risk::{Bar, RiskText as RiskView};

/// What the view found when the page opened, read outside the reducer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Startup {
    /// The autosaved work.
    pub restored: Restored,
    /// A share link in the address (`s=1…`), already cleared from it by the view.
    pub link: Option<String>,
    /// Totals typed on Rapor's own page before the widget started (its early screen):
    /// the method they were typed for, and each unit's total top to bottom. They go into
    /// a fresh form of that method; anything else the page opened with wins.
    pub typed: Option<(String, Vec<String>)>,
}

/// What the page found in storage.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Restored {
    #[default]
    Nothing,
    Form(Box<Form>, String),
    /// Stored data that could not be used, now copied to `kept_as`; or, where the
    /// browser refused the copy (storage full), `held` in memory to be downloaded.
    KeptAside {
        kept_as: String,
        version: Option<u32>,
        held: Option<String>,
    },
}

/// The method of the cycle in progress (Opini Ombudsman 2025–2026).
pub const DEFAULT_RULESET: &str = "ombudsman-2025";
/// Edits that undo can take back.
const HISTORY: usize = 200;

/// A shared value compared by identity. Every edit makes a new state (and a new
/// effective ruleset only when the assumptions change), so comparing pointers says
/// "changed" exactly when it did, without walking the whole value on every render.
pub struct ByPtr<T>(pub Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for ByPtr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The state as components receive it.
pub type Shared = ByPtr<State>;
/// The effective ruleset as components receive it.
pub type RulesetRef = ByPtr<Ruleset>;

/// A planner step applied to the what-if scenario, tied to the unit's key so that
/// reordering or renaming units keeps it on the right unit.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedStep {
    pub unit_key: u32,
    pub step: Step,
}

/// A message for the user, shown in the widget's alert region until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Stored work could not be read; it was copied to `kept_as` and nothing overwrites it
    /// — or the copy was refused and the text is `held` here, to be downloaded first.
    KeptAside {
        kept_as: String,
        version: Option<u32>,
        held: Option<String>,
    },
    /// A method's data file could not be fetched (offline before it was ever used).
    RulesetUnavailable(String),
    LinkOpened,
    /// A link opened over work of the user's own: not saved over it until the user
    /// chooses to keep the link's scenario or go back to the work.
    LinkBeside,
    LinkDamaged(LinkProblem),
    /// The user's ruleset file (its name, the ruleset's title) is in use.
    OwnRuleset {
        file: String,
        title: String,
    },
    Imported(String),
    ImportFailed {
        file: String,
        problem: Problem,
    },
    /// A unit was removed (its name); Undo brings it back, and the notice says so.
    Removed(String),
    /// Export needs every field readable.
    FixFieldsFirst,
    StorageRefused,
    /// Another widget on the page has this one's storage name (`data-instance`): this
    /// one saves nothing.
    InstanceTaken(String),
    /// An export or a share link the worker could not make.
    Failed(Problem),
    /// Units of a file were merged: how many added, how many replaced.
    Merged {
        file: String,
        added: usize,
        replaced: usize,
    },
    /// Units of a file share names with the page's: replace them or keep both? The
    /// file's units wait here (a saved form) until the user chooses.
    MergeClash {
        file: String,
        names: Vec<String>,
        incoming: String,
    },
    /// Last year's result from a file is shown beside this year's.
    BaselineLoaded(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum LinkProblem {
    Code(ShareError),
    Scenario(Problem),
}

impl Notice {
    /// A notice that waits for the user's choice while autosave is paused: later
    /// messages do not replace it.
    pub fn awaits_choice(n: &Option<Notice>) -> bool {
        matches!(n, Some(Notice::KeptAside { .. } | Notice::LinkBeside))
    }

    /// The notice's sentence in `lang` (its words are in `text::notices`).
    pub fn text(&self, lang: Lang) -> String {
        use crate::text::notices as say;
        match self {
            Notice::KeptAside { version, held: None, .. } => say::kept_aside(lang, *version),
            Notice::KeptAside { version, held: Some(_), .. } => say::kept_aside_refused(lang, *version),
            Notice::RulesetUnavailable(r) => say::ruleset_unavailable(lang, r),
            Notice::LinkOpened => say::link_opened(lang),
            Notice::LinkBeside => say::link_beside(lang),
            Notice::LinkDamaged(LinkProblem::Code(e)) => say::link_damaged(lang, say::link_fault(lang, e.fault())),
            Notice::LinkDamaged(LinkProblem::Scenario(p)) => say::link_damaged(lang, &p.text(lang)),
            Notice::OwnRuleset { file, title } => say::own_ruleset(lang, file, title),
            Notice::Imported(f) => say::imported(lang, f),
            Notice::ImportFailed { file, problem } => say::import_failed(lang, file, &problem.text(lang)),
            Notice::Removed(name) => say::removed(lang, name),
            Notice::FixFieldsFirst => say::fix_fields_first(lang),
            Notice::StorageRefused => say::storage_refused(lang),
            Notice::InstanceTaken(name) => say::instance_taken(lang, name),
            Notice::Failed(p) => say::failed(lang, &p.text(lang)),
            Notice::Merged { file, added, replaced } => say::merged(lang, file, *added, *replaced),
            Notice::MergeClash { file, names, .. } => say::merge_clash(lang, file, names),
            Notice::BaselineLoaded(file) => say::baseline_loaded(lang, file),
        }
    }
}

/// A problem the `rapor-io` worker reported, already in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: String,
    pub message_id: String,
    pub message_en: String,
}

impl Problem {
    /// The message in `lang`, after its place: "units[0].score: …".
    pub fn text(&self, lang: Lang) -> String {
        crate::text::notices::at(&self.path, lang.pick(&self.message_id, &self.message_en))
    }
}

/// A share link made for the current scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareLink {
    pub url: String,
    /// Over `share::LONG_LINK` characters: some apps cut such links.
    pub long: bool,
    /// Its QR code (SVG from the worker), or why there is none (in the user's language);
    /// `None` while it is being made.
    pub qr: Option<Result<String, String>>,
}

/// What undo restores.
#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    form: Form,
    applied: Vec<AppliedStep>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub form: Form,
    pub applied: Vec<AppliedStep>,
    pub lang: Lang,
    pub present: bool,
    /// The form as read now (its errors, its effective ruleset).
    pub reading: Rc<Reading>,
    /// The last outcome computed from valid fields: a typo never blanks the result.
    pub outcome: Option<Rc<Outcome>>,
    pub plan: Option<Rc<Plan>>,
    /// The plan is older than the reading. The view then asks the `rapor-io` worker for
    /// one (the planner lives there, out of the first load, and never delays the score).
    pub plan_due: bool,
    /// Counts readings, so an answer for an older one is told apart and dropped.
    pub generation: u64,
    /// Why the last plan could not be made (the worker failed to start, say).
    pub plan_failed: Option<String>,
    /// The sampling risk for the reading `risk_for` (a `generation`), or why there is
    /// none; asked of the worker like the plan, only while some unit has a sector.
    pub risk: Option<Result<Rc<RiskView>, String>>,
    pub risk_for: u64,
    /// The baseline with the applied steps, scored.
    pub whatif: Option<Rc<Outcome>>,
    /// Behind `Rc`s: the state is cloned on every edit, and copying 200 whole forms
    /// each keystroke once cost more than everything else together.
    history: Vec<Rc<Snapshot>>,
    redo: Vec<Rc<Snapshot>>,
    /// The field the last edit typed into: further typing there joins that edit's undo
    /// step, so one Undo takes back "85,4" rather than its last character.
    typing: Option<String>,
    pub notice: Option<Notice>,
    /// While stored data that could not be read is unresolved, autosave waits, so the
    /// user's old work is never overwritten before they choose.
    pub autosave_paused: bool,
    pub share: Option<ShareLink>,
    /// A share link found in the address at start-up, handed to the worker to open.
    pub pending_link: Option<String>,
    /// A ruleset to fetch before `waiting` can happen (the view fetches it).
    pub wants: Option<String>,
    waiting: Option<Waiting>,
    /// Older work held one pemda-level Kepercayaan Masyarakat (this text), now given to
    /// the units: told once, until the next edit.
    pub trust_spread: Option<String>,
    /// The methods on offer and those loaded.
    pub library: Library,
}

/// What waits for a ruleset's file.
#[derive(Debug, Clone, PartialEq)]
enum Waiting {
    /// The stored work's method.
    Stored,
    Switch(String),
    Form {
        saved: String,
        notice: Notice,
    },
}

pub enum Action {
    SetRuleset(String),
    ToggleLang,
    TogglePresent,
    AddUnit,
    RemoveUnit(u32),
    Rename(u32, String),
    MoveUnit(u32, isize),
    /// A unit, and the suffix its copy's name gets ("(salinan)"), in the page's words.
    Duplicate(u32, String),
    SetMode(u32, Mode),
    SetScore(u32, String),
    SetDim(u32, String, String),
    SetLevel(u32, String, usize, String),
    AddProduct(u32),
    RemoveProduct(u32),
    ToggleLock(u32, String),
    SetDeduction(String),
    /// What a level step weighs in points, in a plan over several entry levels.
    SetStepPoints(String),
    /// The plan's safety margin above the threshold.
    SetMargin(String),
    /// A unit's Kepercayaan Masyarakat (2025).
    SetTrust(u32, String),
    /// A unit's weighted points of a dimension.
    SetPoints(u32, String, String),
    /// A column from a spreadsheet, pasted at level picker `from` of unit `unit`'s
    /// indicator sheet (`form::cells::level_cells`).
    PasteLevels {
        unit: u32,
        from: usize,
        column: Vec<String>,
    },
    /// A block from a spreadsheet, pasted at unit `unit`'s entry cell `col`.
    Paste {
        unit: u32,
        col: usize,
        block: Vec<Vec<String>>,
    },
    SetFollowedUp(bool),
    SetWeight(String, String),
    SetScale(String),
    /// Criteria in a dimension (SAKIP sub-components, IPP aspects).
    SetCriteria(String, String),
    /// Unit, indicator, number of answers, on: entry by answer counts or by the mean.
    SetByCounts(u32, String, usize, bool),
    /// Unit, indicator, answer (0 = lowest), text: respondents giving that answer.
    SetCount(u32, String, usize, String),
    ResetAssumptions,
    /// The worker's plan for a generation, or why there is none.
    PlanReady(u64, Result<Rc<Plan>, String>),
    /// The worker's sampling risk for a generation, or why there is none.
    RiskReady(u64, Result<Rc<RiskView>, String>),
    SetSector(u32, String),
    SetSampling(String, String),
    ApplyPlan,
    ApplyStep(usize),
    ClearWhatIf,
    Undo,
    Redo,
    SetPemda(String),
    /// The worker read a file (or a link) into a form, in the autosave format.
    Imported {
        file: String,
        saved: String,
    },
    /// The worker read another file's units (a saved form of only them) to merge.
    MergeReady {
        file: String,
        saved: String,
    },
    /// The answer to a merge's clash of names: replace the page's units (`true`) or
    /// keep both.
    MergeChoose(bool),
    /// The worker read last year's result into the form's baseline (a saved form).
    BaselineReady {
        file: String,
        saved: String,
    },
    ClearBaseline,
    LinkOpened(String),
    /// Another tab of this widget saved this form (the autosave format): this tab shows
    /// it too, unless it waits for the user's choice about its own stored data.
    SavedElsewhere(String),
    /// Keep the scenario a link opened over the user's work: autosave resumes with it.
    KeepLink,
    /// Back to the work a link opened over (still stored): the link's scenario is undone.
    BackToOwnWork,
    Notify(Notice),
    DismissNotice,
    /// Start fresh after stored data was kept aside: autosave resumes.
    StartFresh,
    ShareReady(String),
    /// The QR code of the share link `url` (or why there is none).
    ShareQr {
        url: String,
        qr: Result<String, String>,
    },
    /// The ruleset `wants` named is loaded (here it is), or could not be.
    RulesetReady(Rc<Ruleset>),
    RulesetFailed(String),
    /// A ruleset file the user chose, as the worker checked it: the file's name and the
    /// ruleset's JSON.
    LoadOwnRuleset {
        file: String,
        text: String,
    },
    /// Drops the user's ruleset (back to the default method).
    RemoveOwnRuleset,
    /// The focus left a field: the next typing there is a step of its own.
    EndTyping,
    /// A key press that is not a shortcut.
    Noop,
}

impl Action {
    /// For an edit typed into one text field, that field ("score 3", "dim 3 proses");
    /// `None` for every other action. Consecutive edits of one field share an undo step.
    fn typed_field(&self) -> Option<String> {
        Some(match self {
            Action::Rename(k, _) => format!("name {k}"),
            Action::SetScore(k, _) => format!("score {k}"),
            Action::SetDim(k, d, _) => format!("dim {k} {d}"),
            Action::SetPoints(k, d, _) => format!("pts {k} {d}"),
            Action::SetTrust(k, _) => format!("trust {k}"),
            Action::SetCount(k, i, a, _) => format!("count {k} {i} {a}"),
            Action::SetSector(k, _) => format!("sector {k}"),
            Action::SetDeduction(_) => "deduction".into(),
            Action::SetStepPoints(_) => "step_points".into(),
            Action::SetWeight(d, _) => format!("weight {d}"),
            Action::SetScale(_) => "scale".into(),
            Action::SetCriteria(d, _) => format!("criteria {d}"),
            Action::SetSampling(x, _) => format!("sampling {x}"),
            Action::SetPemda(_) => "pemda".into(),
            _ => return None,
        })
    }
}

impl State {
    /// A fresh state: `units` names the sample (the method's own when empty). The
    /// widget starts once this ruleset, or the default, or at least one, is loaded.
    fn new(library: Library, ruleset: &str, lang: Lang, units: &[String]) -> State {
        let base = library
            .get(ruleset)
            .or_else(|| library.get(DEFAULT_RULESET))
            .or_else(|| library.first_loaded())
            .unwrap_or_else(|| Rc::new(placeholder()));
        let form = Form::for_method(&base, units);
        let reading = Rc::new(form.read(&base));
        let mut s = State {
            form,
            applied: Vec::new(),
            lang,
            present: false,
            reading,
            outcome: None,
            plan: None,
            plan_due: false,
            generation: 0,
            plan_failed: None,
            risk: None,
            risk_for: 0,
            whatif: None,
            history: Vec::new(),
            typing: None,
            redo: Vec::new(),
            notice: None,
            autosave_paused: false,
            share: None,
            pending_link: None,
            wants: None,
            waiting: None,
            trust_spread: None,
            library,
        };
        s.recompute();
        s
    }

    /// The state a page opens with: a share link in the address wins (the autosaved
    /// work stays one undo away), then the autosaved form, then a fresh sample.
    pub fn start(library: Library, ruleset: &str, lang: Lang, units: &[String], startup: Startup) -> State {
        let mut s = State::new(library, ruleset, lang, units);
        match startup.restored {
            Restored::Form(form, saved_lang) => {
                // The view loads the stored work's method before it starts; should it
                // not be there yet, the work waits for it, and so does autosave.
                if usable(&s.library, &form).is_none() {
                    s.wants = Some(form.ruleset.clone());
                    s.waiting = Some(Waiting::Stored);
                    s.autosave_paused = true;
                }
                s.form = *form;
                s.lang = Lang::parse(&saved_lang);
                s.trust_spread = s.form.trust_spread.take();
            }
            Restored::Nothing => {
                let typed = startup.typed.filter(|(r, _)| *r == s.form.ruleset && startup.link.is_none());
                if let Some((_, totals)) = typed {
                    let rows: Vec<Vec<String>> = totals.into_iter().take(s.form.units.len()).map(|t| vec![t]).collect();
                    s.form.paste(&s.base(), 0, 0, &rows);
                }
            }
            Restored::KeptAside { kept_as, version, held } => {
                s.notice = Some(Notice::KeptAside { kept_as, version, held });
                s.autosave_paused = true;
            }
        }
        // Opened by the worker right after start-up (see `App`).
        s.pending_link = startup.link.filter(|f| f.starts_with("s="));
        // The outcome of the fresh sample `new` scored is not this form's.
        s.outcome = None;
        s.recompute();
        s
    }

    /// The published ruleset of the form (its assumptions not yet applied): the user's
    /// own while it is in use, else a loaded one.
    pub fn base(&self) -> Rc<Ruleset> {
        usable(&self.library, &self.form).unwrap_or_else(|| self.reading.ruleset.clone())
    }

    pub fn can_undo(&self) -> bool {
        !self.history.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Replaces the form with one the worker read (autosave format); the previous work
    /// stays one undo away.
    fn replace_form(&mut self, saved: &str, notice: Notice) {
        if let Ok((form, _)) = crate::form::saved::load(saved) {
            if usable(&self.library, &form).is_none() && self.library.is_listed(&form.ruleset) {
                self.wants = Some(form.ruleset.clone());
                self.waiting = Some(Waiting::Form { saved: saved.to_string(), notice });
                return;
            }
            if usable(&self.library, &form).is_some() {
                if !Notice::awaits_choice(&self.notice) {
                    self.notice = Some(notice);
                }
                self.take_form(form);
            }
        }
    }

    /// Puts `form` in place of the one shown, one undo away (a file, a link, another tab).
    fn take_form(&mut self, form: Form) {
        let before = self.snapshot();
        self.history.push(before);
        self.redo.clear();
        self.form = form;
        self.trust_spread = self.form.trust_spread.take();
        self.applied.clear();
        self.share = None;
        self.outcome = None;
        self.recompute();
    }

    fn snapshot(&self) -> Rc<Snapshot> {
        Rc::new(Snapshot { form: self.form.clone(), applied: self.applied.clone() })
    }

    pub fn error_for(&self, unit_key: Option<u32>, field: &str) -> Option<&FieldError> {
        self.reading.errors.iter().find(|e| e.unit_key == unit_key && e.field == field)
    }

    /// Reads the form, and when it reads cleanly, scores it and the what-if; the plan
    /// follows from the worker (`PlanReady`).
    fn recompute(&mut self) {
        let mut reading = self.form.read(&self.base());
        let same_ruleset = reading.ruleset == self.reading.ruleset;
        if same_ruleset {
            reading.ruleset = self.reading.ruleset.clone();
        }
        // Applying what-if steps leaves the scenario, and so its plan, as it was.
        let same_plan = same_ruleset && reading.scenario == self.reading.scenario && (self.plan.is_some() || self.plan_due);
        if let Some(o) = &reading.outcome {
            self.outcome = Some(Rc::new(o.clone()));
            self.whatif = self.score_whatif();
            if !same_plan {
                self.plan_due = true;
                self.generation += 1;
            }
        } else if self.outcome.is_none() {
            // No earlier result to keep (a reload with a field that does not read yet):
            // score what does read; the unreadable fields are left out, as they were
            // before the reload.
            self.outcome = evaluate(&reading.ruleset, &reading.scenario).ok().map(Rc::new);
        }
        self.reading = Rc::new(reading);
    }

    /// The plan, only while it is the current reading's: steps of an older plan are
    /// never applied.
    fn current_plan(&self) -> Option<Rc<Plan>> {
        self.plan.clone().filter(|_| !self.plan_due)
    }

    /// The baseline form with the applied steps, read against the same assumptions.
    fn score_whatif(&self) -> Option<Rc<Outcome>> {
        if self.applied.is_empty() {
            return None;
        }
        let mut f = self.form.clone();
        let steps: Vec<Step> = self
            .applied
            .iter()
            .filter_map(|a| f.units.iter().position(|u| u.key == a.unit_key).map(|i| Step { unit_index: i, ..a.step.clone() }))
            .collect();
        f.apply_steps(&steps);
        f.read(&self.base()).outcome.map(Rc::new)
    }

    /// Whether a plan step is already part of the what-if scenario.
    pub fn is_applied(&self, step: &Step) -> bool {
        let key = self.form.units.get(step.unit_index).map(|u| u.key);
        self.applied.iter().any(|a| {
            Some(a.unit_key) == key
                && a.step.kind == step.kind
                && a.step.indicator == step.indicator
                && a.step.dimension == step.dimension
                && a.step.product == step.product
        })
    }

    fn apply(&mut self, steps: Vec<Step>) {
        for s in steps {
            if self.is_applied(&s) {
                continue;
            }
            if let Some(u) = self.form.units.get(s.unit_index) {
                self.applied.push(AppliedStep { unit_key: u.key, step: s });
            }
        }
    }
}

/// The form's published ruleset, if the page has it: the user's own, or a loaded one.
pub fn usable(library: &Library, form: &Form) -> Option<Rc<Ruleset>> {
    form.own_ruleset().cloned().or_else(|| library.get(&form.ruleset))
}

/// A ruleset to hold the place when none is loaded at all (the view never starts a
/// state so; tests may): one dimension, one indicator, one band.
fn placeholder() -> Ruleset {
    use crate::engine::ruleset::{Band, Dimension, Indicator};
    Ruleset {
        id: String::new(),
        title: String::new(),
        title_en: String::new(),
        scheme: String::new(),
        years: vec![],
        sources: vec![],
        score_max: rust_decimal::Decimal::ONE_HUNDRED,
        products: 1,
        default_units: vec![],
        dimensions: vec![Dimension {
            id: "d".into(),
            name: String::new(),
            name_en: String::new(),
            weight: rust_decimal::Decimal::ONE,
            per_product: false,
            indicators: vec![Indicator {
                id: "i".into(),
                name: String::new(),
                name_en: String::new(),
                min: 0,
                max: 1,
                weight: rust_decimal::Decimal::ONE,
                levels: vec![],
                levels_only: false,
                fractional: false,
            }],
        }],
        aggregation: Default::default(),
        rounding: Default::default(),
        bands: vec![Band {
            category: "-".into(),
            opini: String::new(),
            opini_en: String::new(),
            quality: String::new(),
            quality_en: String::new(),
            zone: String::new(),
            min: rust_decimal::Decimal::ZERO,
            inclusive: true,
        }],
        deduction: false,
        trust: None,
        followed_up: None,
        assumptions: vec![],
    }
}

impl State {
    /// The state after `action`. Always a new `Rc` when something a view shows changed
    /// (since Yew 0.23 returning the same one skips the render); the same `Rc` when
    /// nothing did (a stale answer, a key that is no shortcut).
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::ToggleLang => {
                s.lang = s.lang.other();
                // The worker words the risk panel and its failures in the page's
                // language: ask again, in the new one.
                if s.outcome.is_some() && (s.risk.is_some() || s.plan_failed.is_some()) {
                    s.plan_due = true;
                    s.generation += 1;
                }
                return Rc::new(s);
            }
            Action::TogglePresent => {
                s.present = !s.present;
                return Rc::new(s);
            }
            Action::RiskReady(generation, answer) => {
                if generation != s.generation {
                    return self;
                }
                s.risk = Some(answer);
                s.risk_for = generation;
                return Rc::new(s);
            }
            Action::PlanReady(generation, answer) => {
                // An older reading's plan: dropped without a render; the latest
                // reading's request follows it (see `plan_queue`).
                if generation != s.generation {
                    return self;
                }
                s.plan_due = false;
                match answer {
                    Ok(plan) => {
                        s.plan = Some(plan);
                        s.plan_failed = None;
                    }
                    Err(why) => s.plan_failed = Some(why),
                }
                return Rc::new(s);
            }
            Action::Undo | Action::Redo => {
                s.typing = None;
                if matches!(s.notice, Some(Notice::Removed(_))) {
                    s.notice = None;
                }
                let redo = matches!(action, Action::Redo);
                let now = s.snapshot();
                let (from, to) = if redo { (&mut s.redo, &mut s.history) } else { (&mut s.history, &mut s.redo) };
                if let Some(snap) = from.pop() {
                    to.push(now);
                    s.form = snap.form.clone();
                    s.applied = snap.applied.clone();
                    s.share = None;
                    s.recompute();
                }
                return Rc::new(s);
            }
            Action::Noop => return self,
            Action::EndTyping => {
                if s.typing.is_none() {
                    return self;
                }
                s.typing = None;
                return Rc::new(s);
            }
            Action::Notify(n) => {
                if matches!(n, Notice::LinkDamaged(_)) {
                    s.pending_link = None;
                }
                // A stored form kept aside outranks later messages until the user chooses.
                if !Notice::awaits_choice(&s.notice) || matches!(n, Notice::KeptAside { .. }) {
                    s.notice = Some(n);
                }
                return Rc::new(s);
            }
            Action::DismissNotice => {
                s.notice = None;
                return Rc::new(s);
            }
            Action::StartFresh => {
                s.notice = None;
                s.autosave_paused = false;
                return Rc::new(s);
            }
            Action::ShareReady(url) => {
                s.share = Some(ShareLink { long: url.len() > crate::share::LONG_LINK, url, qr: None });
                return Rc::new(s);
            }
            Action::ShareQr { url, qr } => {
                // Only for the link on screen (a newer one may have been made meanwhile).
                match s.share.as_mut() {
                    Some(link) if link.url == url => link.qr = Some(qr),
                    _ => return self,
                }
                return Rc::new(s);
            }
            Action::Imported { file, saved } => {
                s.replace_form(&saved, Notice::Imported(file));
                return Rc::new(s);
            }
            Action::LinkOpened(saved) => {
                s.pending_link = None;
                // Over work of the user's own (the stored form), the link's scenario opens
                // beside it: nothing is saved over the work until the user chooses.
                if s.form.has_entries() && !Notice::awaits_choice(&s.notice) {
                    s.autosave_paused = true;
                    s.replace_form(&saved, Notice::LinkBeside);
                } else {
                    s.replace_form(&saved, Notice::LinkOpened);
                }
                return Rc::new(s);
            }
            Action::SavedElsewhere(saved) => {
                if !s.autosave_paused {
                    if let Ok((form, _)) = crate::form::saved::load(&saved) {
                        if form != s.form && usable(&s.library, &form).is_some() {
                            s.take_form(form);
                        }
                    }
                }
                return Rc::new(s);
            }
            Action::KeepLink => {
                s.notice = None;
                s.autosave_paused = false;
                return Rc::new(s);
            }
            Action::BackToOwnWork => {
                let mut back = (*Rc::new(s).reduce(Action::Undo)).clone();
                back.notice = None;
                back.autosave_paused = false;
                return Rc::new(back);
            }
            Action::RulesetReady(rs) => {
                let id = rs.id.clone();
                s.library = s.library.with(rs);
                s.wants = None;
                match s.waiting.take() {
                    Some(Waiting::Stored) => {
                        s.autosave_paused = matches!(s.notice, Some(Notice::KeptAside { .. }));
                        s.outcome = None;
                        s.recompute();
                    }
                    Some(Waiting::Form { saved, notice }) => s.replace_form(&saved, notice),
                    Some(Waiting::Switch(w)) if w == id => return Rc::new(s).reduce(Action::SetRuleset(id)),
                    _ => {}
                }
                return Rc::new(s);
            }
            Action::RulesetFailed(id) => {
                s.wants = None;
                s.waiting = None;
                return Rc::new(s).reduce(Action::Notify(Notice::RulesetUnavailable(id)));
            }
            _ => {}
        }
        let before = s.snapshot();
        let typing = action.typed_field();
        let products = s.base().products;
        let lang = s.lang;
        match action {
            Action::SetRuleset(id) => {
                if s.form.custom_ruleset.as_ref().is_some_and(|r| r.id == id) || s.library.get(&id).is_some() {
                    // A page still on its method's own sample, untouched, takes the new
                    // method's sample; units the user entered or changed are never touched.
                    let fresh = s.form.is_untouched_sample(&s.base());
                    s.form.ruleset = id;
                    if fresh {
                        let base = s.base();
                        let mut f = Form::for_method(&base, &[]);
                        f.pemda = std::mem::take(&mut s.form.pemda);
                        f.custom_ruleset = s.form.custom_ruleset.take();
                        f.followed_up = s.form.followed_up;
                        s.form = f;
                    }
                } else if s.library.is_listed(&id) {
                    s.wants = Some(id.clone());
                    s.waiting = Some(Waiting::Switch(id));
                }
            }
            // Not past `engine::limits::MAX_UNITS` (the button is disabled there too).
            Action::AddUnit if s.form.units.len() >= crate::engine::limits::MAX_UNITS => return self,
            Action::AddUnit => {
                let n = s.form.units.len() + 1;
                s.form.add_unit(&format!("Unit {n}"), products);
            }
            Action::RemoveUnit(k) => {
                if let Some(u) = s.form.units.iter().find(|u| u.key == k) {
                    // A stored form kept aside keeps its notice until the user chooses.
                    if !Notice::awaits_choice(&s.notice) {
                        s.notice = Some(Notice::Removed(u.name.clone()));
                    }
                }
                s.form.remove_unit(k);
                s.applied.retain(|a| a.unit_key != k);
            }
            Action::Rename(k, name) => {
                if let Some(u) = s.form.unit_mut(k) {
                    u.name = name;
                }
            }
            Action::MoveUnit(k, by) => s.form.move_unit(k, by),
            Action::Duplicate(k, suffix) => {
                s.form.duplicate_unit(k, &suffix);
            }
            Action::SetMode(k, m) => {
                let rs = s.reading.ruleset.clone();
                s.form.set_mode(k, m, &rs, lang.indonesian());
            }
            Action::SetScore(k, v) => s.form.set_cell(k, &Cell::Score, v),
            Action::SetDim(k, d, v) => s.form.set_cell(k, &Cell::Dimension(d), v),
            Action::SetLevel(k, key, p, v) => s.form.set_level(k, &key, p, v),
            Action::AddProduct(k) => s.form.add_product(k),
            Action::RemoveProduct(k) => {
                let rs = s.base();
                s.form.remove_product(k, &rs);
            }
            Action::ToggleLock(k, key) => s.form.toggle_lock(k, &key),
            Action::SetDeduction(v) => s.form.deduction = v,
            Action::SetStepPoints(v) => s.form.step_points = v,
            Action::SetMargin(v) => s.form.margin = v,
            Action::SetTrust(k, v) => s.form.set_cell(k, &Cell::Trust, v),
            Action::SetPoints(k, d, v) => s.form.set_cell(k, &Cell::Points(d), v),
            Action::PasteLevels { unit, from, column } => {
                let rs = s.base();
                s.form.paste_levels(&rs, unit, from, &column);
            }
            Action::Paste { unit, col, block } => {
                if let Some(row) = s.form.units.iter().position(|u| u.key == unit) {
                    let rs = s.base();
                    s.form.paste(&rs, row, col, &block);
                }
            }
            Action::SetFollowedUp(b) => s.form.followed_up = b,
            Action::SetWeight(d, v) => {
                s.form.weights.insert(d, v);
            }
            Action::SetScale(v) => s.form.scale_max = v,
            Action::SetCriteria(d, v) => {
                s.form.criteria.insert(d, v);
            }
            Action::SetByCounts(k, key, answers, on) => s.form.set_by_counts(k, &key, answers, on),
            Action::SetCount(k, key, j, v) => s.form.set_count(k, &key, j, v),
            Action::SetSector(k, v) => {
                if let Some(u) = s.form.unit_mut(k) {
                    u.sector = v;
                }
            }
            Action::SetSampling(sector, v) => {
                s.form.sampling.insert(sector, v);
            }
            Action::ResetAssumptions => s.form.reset_assumptions(),
            Action::ApplyPlan => {
                if let Some(p) = s.current_plan() {
                    s.apply(p.steps.clone());
                }
            }
            Action::ApplyStep(i) => {
                if let Some(step) = s.current_plan().and_then(|p| p.steps.get(i).cloned()) {
                    s.apply(vec![step]);
                }
            }
            Action::ClearWhatIf => s.applied.clear(),
            Action::LoadOwnRuleset { file, text } => {
                match Ruleset::from_checked_json(&text).and_then(|rs| crate::engine::catalog::check_own_id(&rs).map(|()| rs)) {
                    Ok(rs) => {
                        s.notice = Some(Notice::OwnRuleset { file, title: lang.pick(&rs.title, &rs.title_en).to_string() });
                        s.form.ruleset = rs.id.clone();
                        s.form.custom_ruleset = Some(Rc::new(rs));
                        s.applied.clear();
                    }
                    Err(e) => {
                        let problem =
                            Problem { path: e.path.clone(), message_id: e.field_message(Lang::Id), message_en: e.field_message(Lang::En) };
                        s.notice = Some(Notice::ImportFailed { file, problem });
                    }
                }
            }
            Action::RemoveOwnRuleset => {
                if s.form.own_ruleset().is_some() {
                    // Back to a method that is loaded: the page's default if it is, else
                    // whichever the page started with.
                    s.form.ruleset =
                        s.library.get(DEFAULT_RULESET).or_else(|| s.library.first_loaded()).map(|r| r.id.clone()).unwrap_or_default();
                    s.applied.clear();
                }
                s.form.custom_ruleset = None;
            }
            Action::SetPemda(name) => s.form.pemda = name,
            Action::MergeReady { file, saved } => {
                let Ok((incoming, _)) = crate::form::saved::load(&saved) else { return self };
                let names = s.form.clashes(&incoming);
                if names.is_empty() {
                    let (added, replaced) = s.form.merge(&incoming, false);
                    s.notice = Some(Notice::Merged { file, added, replaced });
                } else {
                    s.notice = Some(Notice::MergeClash { file, names, incoming: saved });
                    return Rc::new(s);
                }
            }
            Action::MergeChoose(replace) => {
                let Some(Notice::MergeClash { file, incoming, .. }) = s.notice.clone() else { return self };
                let Ok((incoming, _)) = crate::form::saved::load(&incoming) else { return self };
                let (added, replaced) = s.form.merge(&incoming, replace);
                s.notice = Some(Notice::Merged { file, added, replaced });
            }
            Action::BaselineReady { file, saved } => {
                let Ok((read, _)) = crate::form::saved::load(&saved) else { return self };
                s.form.baseline = read.baseline.map(|b| crate::engine::baseline::Baseline { label: file.clone(), ..b });
                s.notice = Some(Notice::BaselineLoaded(file));
            }
            Action::ClearBaseline => s.form.baseline = None,
            Action::ToggleLang
            | Action::TogglePresent
            | Action::Undo
            | Action::Redo
            | Action::PlanReady(..)
            | Action::RiskReady(..)
            | Action::Notify(_)
            | Action::DismissNotice
            | Action::StartFresh
            | Action::ShareReady(_)
            | Action::ShareQr { .. }
            | Action::Noop
            | Action::EndTyping
            | Action::Imported { .. }
            | Action::LinkOpened(_)
            | Action::KeepLink
            | Action::BackToOwnWork
            | Action::SavedElsewhere(_)
            | Action::RulesetReady(_)
            | Action::RulesetFailed(_) => unreachable!("handled above"),
        }
        if s.form != before.form || s.applied != before.applied {
            s.trust_spread = None;
            s.redo.clear();
            s.share = None;
            // More typing in the field of the last edit: its undo step already holds
            // the state before the typing began.
            if typing.is_none() || typing != s.typing {
                s.history.push(before);
                if s.history.len() > HISTORY {
                    s.history.remove(0);
                }
            }
            s.typing = typing;
        }
        s.recompute();
        Rc::new(s)
    }
}

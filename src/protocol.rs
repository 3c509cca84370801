//! The one wire format between the page and its web workers (`rapor-io`, `rapor-xlsx`):
//! the operations, the failures, and the readers of the answers. The worker writes
//! plans with `serde_json` and the page reads them with the browser's `JSON.parse`,
//! field by field through `Fields` (serde's readers for every type would weigh on the
//! page's first load); the host tests read what the worker writes through the same
//! readers, so the two ends cannot drift apart. A reply that does not read is an
//! error the user sees, never a silent default.
//!
//! Messages are plain objects: in `{id, op, form, lang, text}`, out `{id, ok: true,
//! data}` (text or bytes) or `{id, ok: false, kind, path, message_id, message_en}`; a
//! worker first posts `{ready: true}`.

use crate::engine::exact::Ratio;
use crate::engine::plan::{Alternative, CostUnit, Objective, Plan, ResponseChange, Status, Step, StepKind};
use crate::engine::InputError;
use crate::session::{LinkProblem, Notice, Problem, RiskView};
use crate::share::ShareError;
use crate::text::Lang;
use rust_decimal::Decimal;

/// What a worker is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    ExportJson,
    ShareLink,
    ExportCsv,
    ExportXlsx,
    /// The widget's plan (the planner lives in the worker).
    Plan,
    /// The sampling-risk panel: risk, robust plan and the panel's lines.
    Risk,
    /// A user's ruleset file, validated.
    CheckRuleset,
    ImportJson,
    OpenLink,
    /// A table (CSV from Excel) or a JSON scenario: a table's units replace the form's,
    /// under the method in force and its settings.
    ImportFile,
    /// The share link's QR code (SVG), or why a code would not scan reliably.
    ShareQr,
    /// An Excel workbook (the template, filled in): its units replace the form's, as a
    /// table's do. The file travels as bytes.
    ImportXlsx,
    /// The import template for the method in force.
    TemplateXlsx,
    /// Last year's result from a scenario file or a CSV table: the form with it as its
    /// baseline.
    BaselineFile,
    /// The same from an Excel workbook (bytes).
    BaselineXlsx,
    /// Another file's units (scenario, CSV), read under the form's method, to be merged
    /// into the page's: the answer is a saved form holding only them.
    MergeFile,
    /// The same from an Excel workbook (bytes).
    MergeXlsx,
}

const OPS: [(Op, &str); 17] = [
    (Op::ExportJson, "export-json"),
    (Op::ShareLink, "share-link"),
    (Op::ExportCsv, "export-csv"),
    (Op::ExportXlsx, "export-xlsx"),
    (Op::Plan, "plan"),
    (Op::Risk, "risk"),
    (Op::CheckRuleset, "check-ruleset"),
    (Op::ImportJson, "import-json"),
    (Op::OpenLink, "open-link"),
    (Op::ImportFile, "import-file"),
    (Op::ShareQr, "share-qr"),
    (Op::ImportXlsx, "import-xlsx"),
    (Op::TemplateXlsx, "download-template"),
    (Op::BaselineFile, "baseline-file"),
    (Op::BaselineXlsx, "baseline-xlsx"),
    (Op::MergeFile, "merge-file"),
    (Op::MergeXlsx, "merge-xlsx"),
];

impl Op {
    pub fn as_str(self) -> &'static str {
        OPS.iter().find(|(o, _)| *o == self).map_or("", |(_, s)| s)
    }

    pub fn parse(s: &str) -> Option<Op> {
        OPS.iter().find(|(_, name)| *name == s).map(|(o, _)| *o)
    }

    /// The Excel writer is large: it has a worker of its own.
    /// Which instance of its worker runs the op: the sampling risk and robust plan (up
    /// to seconds on a large pemda) in one of their own, so an export or a link never
    /// waits behind them.
    pub fn lane(self) -> &'static str {
        if self == Op::Risk {
            "risk"
        } else {
            "main"
        }
    }

    pub fn worker(self) -> &'static str {
        if self == Op::Plan {
            ENGINE_WORKER
        } else if matches!(self, Op::ImportXlsx | Op::BaselineXlsx | Op::MergeXlsx) {
            "rapor-xlsx-in_loader.js"
        } else if matches!(self, Op::ExportXlsx | Op::ShareQr | Op::TemplateXlsx) {
            "rapor-xlsx_loader.js"
        } else {
            "rapor-io_loader.js"
        }
    }
}

/// The engine's worker, for the plan: a module worker that runs the page's own wasm
/// module, handed over compiled (`scripts/rapor-worker.js`), so a visit downloads the
/// engine once. The sampling risk, files and links (`rapor-io`) and Excel have modules
/// of their own, fetched only when first used: the risk and its robust plan would add
/// 39 KB gzip to the page's module, a fifth of a second on a slow phone, for a panel
/// shown only once units have sectors.
pub const ENGINE_WORKER: &str = "rapor-worker.js";

/// Why a worker gave no result, as it travels.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The form has fields that do not read; nothing is exported from it.
    FixFields,
    /// A scenario (file, link, form) with a problem at a place, in both languages.
    Input { path: String, message_id: String, message_en: String },
    /// The link itself is not readable.
    Link(ShareError),
    /// The request was malformed, or the worker could not run (a bug, not a user error).
    Request(String),
    /// A reply this page cannot read (another version's worker, a damaged message).
    Unreadable(String),
    /// The worker stopped (an error inside it), or would not start beside a page of
    /// another build (`newer_build`: the site was updated since this page loaded).
    Stopped { newer_build: bool, detail: String },
    /// The worker's script could not load and the browser is offline: a part of the
    /// widget never used before, so not kept for offline use.
    Offline,
}

impl Failure {
    /// A worker that stopped with `detail`; a loader of another build says `rapor-build`.
    pub fn stopped(detail: String) -> Failure {
        Failure::Stopped { newer_build: detail.contains("rapor-build"), detail }
    }

    pub fn from_input(e: &InputError) -> Failure {
        Failure::Input { path: e.path.clone(), message_id: e.message(Lang::Id), message_en: e.message(Lang::En) }
    }

    /// Why the worker gave no answer, as the user reads it (`text::notices`).
    pub fn text(&self, lang: Lang) -> String {
        use crate::text::notices as say;
        match self {
            Failure::FixFields => say::failed_fix_fields(lang),
            Failure::Input { path, message_id, message_en } => say::at(path, if lang.indonesian() { message_id } else { message_en }),
            Failure::Link(_) => say::failed_link(lang),
            Failure::Request(m) => say::failed_request(lang, m),
            Failure::Unreadable(m) => say::failed_unreadable(lang, m),
            Failure::Stopped { newer_build, detail } => say::worker_stopped(lang, *newer_build, detail),
            Failure::Offline => say::worker_offline(lang),
        }
    }

    /// `(kind, path, message_id, message_en)`, the fields of a failed reply.
    pub fn to_parts(&self) -> (&'static str, String, String, String) {
        let none = String::new;
        match self {
            Failure::FixFields => ("fix-fields", none(), none(), none()),
            Failure::Input { path, message_id, message_en } => ("input", path.clone(), message_id.clone(), message_en.clone()),
            Failure::Link(ShareError::NotALink) => ("not-a-link", none(), none(), none()),
            Failure::Link(ShareError::BadCharacters) => ("bad-characters", none(), none(), none()),
            Failure::Link(ShareError::Damaged) => ("damaged", none(), none(), none()),
            Failure::Request(m) => ("request", none(), m.clone(), m.clone()),
            Failure::Unreadable(m) => ("unreadable", none(), m.clone(), m.clone()),
            Failure::Stopped { newer_build, .. } => {
                (if *newer_build { "stopped-newer-build" } else { "stopped" }, none(), self.text(Lang::Id), self.text(Lang::En))
            }
            Failure::Offline => ("offline", none(), self.text(Lang::Id), self.text(Lang::En)),
        }
    }

    /// Back from the fields of a failed reply; an unknown kind is itself a failure.
    pub fn from_parts(kind: &str, path: String, message_id: String, message_en: String) -> Failure {
        match kind {
            "fix-fields" => Failure::FixFields,
            "input" => Failure::Input { path, message_id, message_en },
            "not-a-link" => Failure::Link(ShareError::NotALink),
            "bad-characters" => Failure::Link(ShareError::BadCharacters),
            "damaged" => Failure::Link(ShareError::Damaged),
            "request" => Failure::Request(message_en),
            "unreadable" => Failure::Unreadable(message_en),
            "stopped" | "stopped-newer-build" => Failure::Stopped { newer_build: kind == "stopped-newer-build", detail: message_en },
            "offline" => Failure::Offline,
            other => Failure::Unreadable(format!("kind {other:?}")),
        }
    }
}

/// A part of a reply that does not read, named by its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolError(pub String);

/// A JSON value as either end holds it: `serde_json::Value` on the host and in the
/// worker, the browser's parse (`JsValue`) in the page.
pub trait Fields: Sized {
    fn field(&self, key: &str) -> Option<Self>;
    fn as_text(&self) -> Option<String>;
    fn as_number(&self) -> Option<f64>;
    fn as_flag(&self) -> Option<bool>;
    fn as_items(&self) -> Option<Vec<Self>>;
}

impl Fields for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn as_text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn as_number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn as_flag(&self) -> Option<bool> {
        self.as_bool()
    }
    fn as_items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
}

/// Reads one object's fields, naming the place of the first that does not read.
struct Reader<'a, F: Fields> {
    o: &'a F,
    at: String,
}

impl<'a, F: Fields> Reader<'a, F> {
    fn new(o: &'a F, at: impl Into<String>) -> Self {
        Reader { o, at: at.into() }
    }
    /// The place of a field that does not read ("plan.steps[2].gain"): a code for a bug
    /// report, the same in both languages (the sentence around it is `text::notices`).
    fn bad(&self, key: &str) -> ProtocolError {
        ProtocolError(format!("{}.{key}", self.at))
    }
    fn opt_text(&self, key: &str) -> Option<String> {
        self.o.field(key).and_then(|v| v.as_text())
    }
    fn text(&self, key: &str) -> Result<String, ProtocolError> {
        self.opt_text(key).ok_or_else(|| self.bad(key))
    }
    fn opt_decimal(&self, key: &str) -> Result<Option<Decimal>, ProtocolError> {
        match self.opt_text(key) {
            None => Ok(None),
            Some(t) => crate::engine::number::parse_decimal(&t).map(Some).map_err(|_| self.bad(key)),
        }
    }
    fn decimal(&self, key: &str) -> Result<Decimal, ProtocolError> {
        self.opt_decimal(key)?.ok_or_else(|| self.bad(key))
    }
    fn opt_whole(&self, key: &str) -> Result<Option<u64>, ProtocolError> {
        match self.o.field(key) {
            None => Ok(None),
            Some(v) => match v.as_number() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 9.0e15 => Ok(Some(n as u64)),
                _ => Err(self.bad(key)),
            },
        }
    }
    fn whole(&self, key: &str) -> Result<u64, ProtocolError> {
        self.opt_whole(key)?.ok_or_else(|| self.bad(key))
    }
    fn flag(&self, key: &str) -> Result<bool, ProtocolError> {
        self.o.field(key).map_or(Ok(false), |v| v.as_flag().ok_or_else(|| self.bad(key)))
    }
    fn items(&self, key: &str) -> Result<Vec<F>, ProtocolError> {
        match self.o.field(key) {
            None => Ok(Vec::new()),
            Some(v) => v.as_items().ok_or_else(|| self.bad(key)),
        }
    }
    /// Each item of the list `key` read by `read` (given the item and its index). A plain
    /// loop, not `collect::<Result<…>>`: the page carries this code, and the loop is the
    /// smaller of the two in wasm.
    fn each<T>(&self, key: &str, read: &dyn Fn(&F, usize) -> Result<T, ProtocolError>) -> Result<Vec<T>, ProtocolError> {
        let items = self.items(key)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            out.push(read(v, i)?);
        }
        Ok(out)
    }
    fn texts(&self, key: &str) -> Result<Vec<String>, ProtocolError> {
        self.each(key, &|v, _| v.as_text().ok_or_else(|| self.bad(key)))
    }
    fn counts(&self, key: &str) -> Result<Vec<u32>, ProtocolError> {
        self.each(key, &|v, _| match v.as_number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Ok(n as u32),
            _ => Err(self.bad(key)),
        })
    }
}

/// The worker's plan (`serde_json` of `Plan`).
pub fn read_plan<F: Fields>(o: &F) -> Result<Plan, ProtocolError> {
    let r = Reader::new(o, "plan");
    let status = match r.text("status")?.as_str() {
        "Planned" => Status::Planned,
        "AlreadyThere" => Status::AlreadyThere,
        "AtTop" => Status::AtTop,
        "Unreachable" => Status::Unreachable,
        _ => return Err(r.bad("status")),
    };
    let objective = match r.text("objective")?.as_str() {
        "Steps" => Objective::Steps,
        "Indicators" => Objective::Indicators,
        _ => return Err(r.bad("objective")),
    };
    let steps = r.each("steps", &read_step)?;
    let alternatives = r.each("alternatives", &read_alternative)?;
    Ok(Plan {
        status,
        objective,
        target: r.opt_text("target"),
        threshold: r.opt_decimal("threshold")?,
        score_before: r.decimal("score_before")?,
        category_before: r.text("category_before")?,
        score_after: r.decimal("score_after")?,
        category_after: r.text("category_after")?,
        points_needed: r.opt_decimal("points_needed")?,
        cost: r.whole("cost")?,
        // An older worker wrote none: its plans counted level steps.
        cost_unit: match r.opt_text("cost_unit") {
            None => CostUnit::Steps,
            Some(u) => CostUnit::parse(&u).ok_or_else(|| r.bad("cost_unit"))?,
        },
        uncertain_after: r.opt_decimal("uncertain_after")?,
        steps,
        best_reachable: r.opt_decimal("best_reachable")?,
        alternatives,
    })
}

fn read_step<F: Fields>(s: &F, i: usize) -> Result<Step, ProtocolError> {
    let r = Reader::new(s, format!("plan.steps[{i}]"));
    let responses = match s.field("responses") {
        None => None,
        Some(v) => {
            let c = Reader::new(&v, format!("plan.steps[{i}].responses"));
            Some(ResponseChange {
                respondents: u32::try_from(c.whole("respondents")?).map_err(|_| c.bad("respondents"))?,
                before: c.counts("before")?,
                after: c.counts("after")?,
                min: u16::try_from(c.whole("min")?).map_err(|_| c.bad("min"))?,
            })
        }
    };
    let gain = r.text("gain")?;
    // An older worker wrote no kind: its steps were indicators'.
    let kind = match r.opt_text("kind") {
        None => StepKind::Indicator,
        Some(k) => StepKind::parse(&k).ok_or_else(|| r.bad("kind"))?,
    };
    Ok(Step {
        kind,
        unit_index: r.whole("unit_index")? as usize,
        unit: r.text("unit")?,
        indicator: if kind == StepKind::Indicator { r.text("indicator")? } else { r.opt_text("indicator").unwrap_or_default() },
        dimension: r.opt_text("dimension"),
        product: r.opt_whole("product")?.map(|p| p as usize),
        from: r.decimal("from")?,
        to: r.decimal("to")?,
        gain: Ratio::parse(&gain).ok_or_else(|| r.bad("gain"))?,
        entered: r.flag("entered")?,
        responses,
    })
}

fn read_alternative<F: Fields>(a: &F, i: usize) -> Result<Alternative, ProtocolError> {
    let r = Reader::new(a, format!("plan.alternatives[{i}]"));
    Ok(Alternative {
        unit_index: r.whole("unit_index")? as usize,
        unit: r.text("unit")?,
        dimension: r.opt_text("dimension"),
        indicator: r.opt_text("indicator"),
        to: r.opt_decimal("to")?,
        points: r.decimal("points")?,
        possible: r.flag("possible")?,
    })
}

/// The risk panel's lines (`text` of the worker's risk answer, `report::risk`).
pub fn read_risk<F: Fields>(o: &F) -> Result<RiskView, ProtocolError> {
    let t = o.field("text").ok_or_else(|| ProtocolError("risk.text".into()))?;
    let r = Reader::new(&t, "risk.text");
    let bars = r.each("bars", &|b, i| {
        let b = Reader::new(b, format!("risk.text.bars[{i}]"));
        let width = u32::try_from(b.whole("width")?).map_err(|_| b.bad("width"))?;
        Ok(crate::session::Bar { category: b.text("category")?, zone: b.text("zone")?, width, label: b.text("label")? })
    })?;
    Ok(RiskView {
        reach: r.text("reach")?,
        bars,
        worst: r.text("worst")?,
        best: r.text("best")?,
        weakest: r.texts("weakest")?,
        robust: r.texts("robust")?,
    })
}

/// What the user is told when the worker fails `op`: the problem where the request came
/// from (a file's import names the file, a link says the link), and for anything else
/// (exports, a share link being made) that it could not be done. Links no longer stand in
/// for every failure: an Excel export that failed said "the link cannot be opened".
pub fn notice_for(op: Op, failure: Failure, file: Option<String>) -> Notice {
    let problem = match failure {
        Failure::FixFields => return Notice::FixFieldsFirst,
        Failure::Link(e) if op == Op::OpenLink && file.is_none() => return Notice::LinkDamaged(LinkProblem::Code(e)),
        Failure::Input { path, message_id, message_en } => Problem { path, message_id, message_en },
        other => {
            let (_, path, message_id, message_en) = other.to_parts();
            Problem { path, message_id, message_en }
        }
    };
    match (file, op) {
        (Some(file), _) => Notice::ImportFailed { file, problem },
        (None, Op::OpenLink) => Notice::LinkDamaged(LinkProblem::Scenario(problem)),
        (None, _) => Notice::Failed(problem),
    }
}

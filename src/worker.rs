//! Everything that turns the form into files and links, or back, and the sampling risk:
//! the work of the `rapor-io` web worker, which the widget loads only when the user first
//! exports, imports or shares (or opens a share link), or gives units a sector; and the
//! plan (`compute`), which the engine's worker answers in the page's own module. Pure
//! functions on strings, so they are tested on the host.

#[cfg(target_arch = "wasm32")]
pub mod serve;

use crate::engine::overrides::apply;
use crate::engine::{evaluate, Catalog, InputError, Ruleset, Scenario};
use crate::form::saved;
use crate::form::Form;
use crate::protocol::Op;
use crate::report::{csv, summary_rows};
use crate::share::{self, ShareError};
use crate::text::Lang;

/// Why an operation gave no result.
#[derive(Debug, Clone, PartialEq)]
pub enum IoError {
    /// The form has fields that do not read; nothing is exported from it.
    FixFields,
    /// The file or link holds a scenario with a problem at a place.
    Input(InputError),
    /// The link itself is not readable.
    Link(ShareError),
    /// The request itself was malformed (a bug, not a user error).
    Request(String),
}

impl IoError {
    /// As it travels back to the page.
    pub fn failure(&self) -> crate::protocol::Failure {
        use crate::protocol::Failure;
        match self {
            IoError::FixFields => Failure::FixFields,
            IoError::Input(e) => Failure::from_input(e),
            IoError::Link(e) => Failure::Link(e.clone()),
            IoError::Request(m) => Failure::Request(m.clone()),
        }
    }
}

/// One request: `op` and its arguments, as the worker receives them.
pub struct Request<'a> {
    pub op: &'a str,
    /// The form in the autosave format.
    pub form: &'a str,
    pub lang: &'a str,
    /// A file's text, or a link fragment.
    pub text: &'a str,
}

/// Runs one request; the answer is text (a file's content, a fragment, a saved form).
pub fn handle(req: &Request) -> Result<String, IoError> {
    let lang = Lang::parse(req.lang);
    let op = Op::parse(req.op).ok_or_else(|| IoError::Request(format!("unknown operation {:?}", req.op)))?;
    // Read on first use: the risk, asked again on every keystroke, never reads it.
    let catalog = std::cell::LazyCell::new(Catalog::built_in);
    match op {
        Op::ExportJson => {
            let sc = readable_scenario(req.form, &catalog)?;
            serde_json::to_string_pretty(&sc.to_json()).map_err(|e| IoError::Request(e.to_string()))
        }
        Op::ShareLink => Ok(share::encode(&readable_scenario(req.form, &catalog)?.to_json().to_string())),
        Op::ExportCsv => {
            let (form, _) = load_form(req.form)?;
            let base = base_of(&form, &catalog)?;
            let reading = form.read(base);
            let outcome = reading.outcome.filter(|_| reading.errors.is_empty()).ok_or(IoError::FixFields)?;
            Ok(csv(&summary_rows(&outcome, lang), lang))
        }
        Op::Plan => {
            let (form, _) = load_form(req.form)?;
            plan_of(&form, base_of(&form, &catalog)?)
        }
        // Under the method file the page sent with it, as the plan is.
        Op::Risk => with_method(req, |form, base| risk_of(form, base, lang)),
        // A user's ruleset file, validated here; the answer is the ruleset as the
        // widget reads it.
        Op::CheckRuleset => {
            let rs = Ruleset::from_json(req.text).map_err(IoError::Input)?;
            crate::engine::catalog::check_own_id(&rs).map_err(IoError::Input)?;
            serde_json::to_string(&rs).map_err(|e| IoError::Request(e.to_string()))
        }
        Op::BaselineFile => {
            let (scenario, text) = scenario_or_table(req.text);
            baseline_to_form(req.form, lang, &catalog, scenario, |rs| csv_units(text, rs))
        }
        Op::MergeFile => {
            let (scenario, text) = scenario_or_table(req.text);
            merge_to_form(req.form, lang, &catalog, scenario, |rs| csv_units(text, rs))
        }
        Op::ImportJson => scenario_to_form(req.text, &catalog, lang.indonesian()).map(|f| saved::save(&f, req.lang)),
        Op::ImportFile => match scenario_or_table(req.text) {
            (Some(text), _) => scenario_to_form(text, &catalog, lang.indonesian()).map(|f| saved::save(&f, req.lang)),
            (None, text) => table_to_form(req.form, text, &catalog, lang.indonesian()).map(|f| saved::save(&f, req.lang)),
        },
        // Its own worker, with the Excel writer: the encoder stays out of the first visit.
        Op::ShareQr => Err(IoError::Request("share-qr is the rapor-xlsx worker's".into())),
        Op::OpenLink => {
            let json = share::decode(req.text).map_err(IoError::Link)?;
            scenario_to_form(&json, &catalog, lang.indonesian()).map(|f| saved::save(&f, req.lang))
        }
        // Their own worker: the writer and the reader are large.
        Op::ExportXlsx | Op::ImportXlsx | Op::TemplateXlsx | Op::BaselineXlsx | Op::MergeXlsx => {
            Err(IoError::Request(format!("{} is for {}", op.as_str(), op.worker())))
        }
    }
}

/// The engine worker's part (`protocol::ENGINE_WORKER`): the plan, answered in the
/// page's own module. No method is compiled in: the method file the page fetched comes
/// with the request (`text`), unless the form carries the user's own. (Nothing else is
/// reached from here, so the page's module carries no more of the engine than the plan's.)
pub fn compute(req: &Request) -> Result<String, IoError> {
    Op::parse(req.op).filter(|&op| op == Op::Plan).ok_or_else(|| IoError::Request(format!("{:?} is not the engine worker's", req.op)))?;
    with_method(req, plan_of)
}

/// Run once in the engine's worker as it starts on Rapor's own page, with the method file
/// the early screen fetched, before the page asks for anything: the page reads that file
/// and starts its session as the widget starts, and this does the same here, for a form
/// of the method's units with a total each (thrown away). Page and worker run one
/// compiled module, and V8 compiles each function at its first call, once for both: the
/// worker, idle then, compiles the reading and the scoring while the page is still
/// starting, and the page finds them compiled (on the phone profile the first plan then
/// came about 0,05 s sooner). The method read stays for the first plan's request.
pub fn warm(text: &str) {
    use crate::session::{Library, Restored, Startup, State};
    let Ok(rs) = method(text) else { return };
    let totals = vec!["80".to_string(); rs.default_units.len().max(1)];
    let typed = Some((rs.id.clone(), totals));
    let s = State::start(
        Library::new(vec![], vec![rs.clone()]),
        &rs.id,
        Lang::Id,
        &[],
        Startup { restored: Restored::Nothing, link: None, typed },
    );
    // The page writes the form out for each plan request.
    let _ = saved::save(&s.form, Lang::Id.code());
}

/// `work` on the request's form and the method it is read under: the user's own when the
/// form carries it, else the method file the page sent with it (`text`).
fn with_method(req: &Request, work: impl FnOnce(&Form, &Ruleset) -> Result<String, IoError>) -> Result<String, IoError> {
    let (form, _) = load_form(req.form)?;
    if let Some(own) = form.own_ruleset() {
        return work(&form, own);
    }
    let published = method(req.text)?;
    if published.id != form.ruleset {
        return Err(IoError::Request(format!("the method {:?} came with a form of {:?}", published.id, form.ruleset)));
    }
    work(&form, &published)
}

thread_local! {
    /// The last method file the page sent, read. Every keystroke's plan comes with the
    /// same file: it is read once, not once per keystroke.
    static METHOD: std::cell::RefCell<Option<(String, std::rc::Rc<Ruleset>)>> = const { std::cell::RefCell::new(None) };
}

/// The method in `text`, read (or the one read last time, when the file is the same).
fn method(text: &str) -> Result<std::rc::Rc<Ruleset>, IoError> {
    let kept = METHOD.with(|m| m.borrow().as_ref().filter(|(t, _)| t == text).map(|(_, rs)| rs.clone()));
    if let Some(rs) = kept {
        return Ok(rs);
    }
    let rs = std::rc::Rc::new(Ruleset::from_checked_json(text).map_err(IoError::Input)?);
    METHOD.with(|m| *m.borrow_mut() = Some((text.to_string(), rs.clone())));
    Ok(rs)
}

/// The form read under its method, only when every field reads.
fn readable(form: &Form, base: &Ruleset) -> Result<crate::form::Reading, IoError> {
    let reading = form.read(base);
    if !reading.errors.is_empty() {
        return Err(IoError::FixFields);
    }
    Ok(reading)
}

/// The widget's plan: off the page's thread, since a large pemda's can take seconds.
fn plan_of(form: &Form, base: &Ruleset) -> Result<String, IoError> {
    let reading = readable(form, base)?;
    let plan = crate::engine::plan::plan(&reading.ruleset, &reading.scenario, None, crate::engine::plan::Objective::Steps)
        .map_err(IoError::Input)?;
    serde_json::to_string(&plan).map_err(|e| IoError::Request(e.to_string()))
}

/// The sampling risk panel: the risk and the robust plan, as `rapor risk` and `rapor plan
/// --robust` print them, and in `text` the panel's lines.
fn risk_of(form: &Form, base: &Ruleset, lang: Lang) -> Result<String, IoError> {
    let reading = readable(form, base)?;
    let (rs, sc) = (&reading.ruleset, &reading.scenario);
    let r = crate::engine::risk::risk(rs, sc, None).map_err(IoError::Input)?;
    let mut v = crate::report::json::risk_json(rs, sc, &r);
    let robust = crate::engine::robust::robust_plan(rs, sc, None, crate::engine::plan::Objective::Steps)
        .map_err(|e| format!("{}: {}", e.path, e.message(lang)));
    if let Ok(p) = &robust {
        v["robust"] = crate::report::json::robust_json(rs, sc, p);
    }
    let text = crate::report::risk::risk_text(rs, sc, &r, robust.as_ref().map_err(Clone::clone), lang);
    v["text"] = serde_json::to_value(text).unwrap_or_default();
    Ok(v.to_string())
}

/// The Excel workbook for the form.
pub fn export_xlsx(form: &str, lang: &str, date: &str) -> Result<Vec<u8>, IoError> {
    let catalog = Catalog::built_in();
    let (form, _) = load_form(form)?;
    let base = base_of(&form, &catalog)?;
    let reading = form.read(base);
    let outcome = reading.outcome.clone().filter(|_| reading.errors.is_empty()).ok_or(IoError::FixFields)?;
    let plan = crate::engine::plan::plan(&reading.ruleset, &reading.scenario, None, crate::engine::plan::Objective::Steps).ok();
    crate::report::xlsx::workbook(&form, &reading, &outcome, plan.as_ref(), base, Lang::parse(lang), date)
        .map_err(|e| IoError::Request(e.to_string()))
}

/// The share link's QR code as SVG, or why a code would not scan (`share::qr_svg`).
pub fn share_qr(url: &str) -> Result<String, IoError> {
    crate::share::qr_svg(url).map_err(|len| {
        IoError::Input(InputError::new("", crate::engine::error::Problem::Says(crate::engine::error::Says::LinkTooLongForQr(len as u64))))
    })
}

/// The form's published ruleset: the user's own while it is in use, else the catalog's.
fn base_of<'a>(form: &'a Form, catalog: &'a Catalog) -> Result<&'a Ruleset, IoError> {
    match form.own_ruleset() {
        Some(rs) => Ok(rs),
        None => catalog.require(&form.ruleset).map_err(IoError::Input),
    }
}

/// The saved form, with a user's ruleset in it validated again (the widget stores it
/// without running the validator, which it does not carry).
fn load_form(text: &str) -> Result<(Form, String), IoError> {
    let (form, lang) = saved::load(text).map_err(|e| IoError::Request(format!("{e:?}")))?;
    if let Some(rs) = &form.custom_ruleset {
        rs.validate().and_then(|()| crate::engine::catalog::check_own_id(rs)).map_err(|e| IoError::Input(e.within("custom_ruleset")))?;
    }
    Ok((form, lang))
}

/// The form's scenario, only when every field reads.
fn readable_scenario(form: &str, catalog: &Catalog) -> Result<Scenario, IoError> {
    let (form, _) = load_form(form)?;
    let mut sc = readable(&form, base_of(&form, catalog)?)?.scenario;
    sc.custom_ruleset = form.own_ruleset().map(|rs| Box::new((**rs).clone()));
    Ok(sc)
}

/// A table's units in place of the form's, under the form's method and settings (a
/// table holds units only): checked like a scenario file, each problem named by its cell.
fn table_to_form(form: &str, text: &str, catalog: &Catalog, comma: bool) -> Result<Form, IoError> {
    units_to_form(form, catalog, comma, |rs| csv_units(text, rs))
}

/// A text file as a scenario (JSON, `Some`) or a table (CSV); the text without its
/// byte-order mark either way.
fn scenario_or_table(text: &str) -> (Option<&str>, &str) {
    let text = text.trim_start_matches('\u{feff}');
    (text.trim_start().starts_with('{').then_some(text), text)
}

/// A CSV table's units under `rs`.
fn csv_units(text: &str, rs: &Ruleset) -> Result<Scenario, InputError> {
    crate::form::table::scenario_from_rows(&crate::form::table::csv_rows(text), rs)
}

/// The published method a scenario file names: its own, else the catalog's.
fn scenario_method<'a>(sc: &'a Scenario, catalog: &'a Catalog) -> Result<&'a Ruleset, IoError> {
    match &sc.custom_ruleset {
        Some(rs) => Ok(rs),
        None => catalog.require(&sc.ruleset).map_err(IoError::Input),
    }
}

/// The units `read` finds under the form's published method, in place of the form's.
fn units_to_form(
    form: &str,
    catalog: &Catalog,
    comma: bool,
    read: impl FnOnce(&Ruleset) -> Result<Scenario, InputError>,
) -> Result<Form, IoError> {
    let (form, _) = load_form(form)?;
    let base = base_of(&form, catalog)?;
    let table = read(base).map_err(IoError::Input)?;
    let mut sc = form.read(base).scenario;
    // Last year's scores typed beside this year's: the pemda's then, under this method.
    if let Some(mut b) = table.baseline {
        let then = Scenario {
            ruleset: base.id.clone(),
            units: b
                .units
                .iter()
                .filter_map(|u| Some(crate::engine::Unit::new(u.name.clone(), crate::engine::Entry::Score(u.score?))))
                .collect(),
            ..Scenario::default()
        };
        b.score = evaluate(base, &then).map_err(IoError::Input)?.aggregate.map(|a| a.rounded);
        sc.baseline = Some(b);
    }
    sc.units = table.units;
    sc.custom_ruleset = form.own_ruleset().map(|rs| Box::new((**rs).clone()));
    scenario_to_form(&sc.to_json().to_string(), catalog, comma)
}

/// Last year's result from a file — a scenario (scored under its own method), a table
/// or a workbook (under the form's) — as the form's baseline; the answer is the saved
/// form. `read` gives the table's units when the file is not a scenario.
fn baseline_to_form(
    form: &str,
    lang: Lang,
    catalog: &Catalog,
    scenario: Option<&str>,
    read: impl FnOnce(&Ruleset) -> Result<Scenario, InputError>,
) -> Result<String, IoError> {
    let (mut form, _) = load_form(form)?;
    let outcome = match scenario {
        Some(text) => {
            let sc = Scenario::from_json_str(text).map_err(IoError::Input)?;
            let base = scenario_method(&sc, catalog)?;
            evaluate(&apply(base, &sc.assumptions).map_err(IoError::Input)?, &sc).map_err(IoError::Input)?
        }
        None => {
            let base = base_of(&form, catalog)?;
            evaluate(base, &read(base).map_err(IoError::Input)?).map_err(IoError::Input)?
        }
    };
    if outcome.aggregate.is_none() {
        return Err(IoError::Input(InputError::new("", crate::engine::error::Problem::Says(crate::engine::error::Says::NoScoresYet))));
    }
    form.baseline = Some(outcome.as_baseline(""));
    Ok(saved::save(&form, lang.code()))
}

/// Another file's units, read under the page's method and settings and checked, as a
/// saved form holding only them; the page merges them (`Form::merge`), asking first
/// when names clash. A scenario file under another method is refused, naming it.
fn merge_to_form(
    form: &str,
    lang: Lang,
    catalog: &Catalog,
    scenario: Option<&str>,
    read: impl FnOnce(&Ruleset) -> Result<Scenario, InputError>,
) -> Result<String, IoError> {
    use crate::engine::error::{Problem, Says};
    let (form, _) = load_form(form)?;
    let base = base_of(&form, catalog)?;
    let units = match scenario {
        Some(text) => {
            let sc = Scenario::from_json_str(text).map_err(IoError::Input)?;
            if sc.ruleset != form.ruleset {
                let theirs = sc.custom_ruleset.as_deref().or_else(|| catalog.get(&sc.ruleset));
                let other = Says::OtherMethod {
                    file: sc.ruleset.clone(),
                    title: theirs.map(|r| r.title.clone()).unwrap_or_default(),
                    title_en: theirs.map(|r| r.title_en.clone()).unwrap_or_default(),
                    page: form.ruleset.clone(),
                };
                return Err(IoError::Input(InputError::new("ruleset", Problem::Says(other))));
            }
            sc.units
        }
        None => read(base).map_err(IoError::Input)?.units,
    };
    crate::engine::limits::count("units", crate::engine::limits::Counted::Units, form.units.len() + units.len()).map_err(IoError::Input)?;
    let mut sc = form.read(base).scenario;
    sc.units = units;
    sc.baseline = None;
    sc.custom_ruleset = form.own_ruleset().map(|rs| Box::new((**rs).clone()));
    scenario_to_form(&sc.to_json().to_string(), catalog, lang.indonesian()).map(|f| saved::save(&f, lang.code()))
}

/// Units to merge from an Excel workbook (the `rapor-xlsx-in` worker).
pub fn merge_xlsx(form: &str, lang: &str, bytes: &[u8]) -> Result<String, IoError> {
    let sheets = crate::form::workbook::sheets(bytes).map_err(IoError::Input)?;
    merge_to_form(form, Lang::parse(lang), &Catalog::built_in(), None, |rs| crate::form::book::scenario_from_sheets(&sheets, rs))
}

/// Last year's result from an Excel workbook (the `rapor-xlsx-in` worker).
pub fn baseline_xlsx(form: &str, lang: &str, bytes: &[u8]) -> Result<String, IoError> {
    let sheets = crate::form::workbook::sheets(bytes).map_err(IoError::Input)?;
    baseline_to_form(form, Lang::parse(lang), &Catalog::built_in(), None, |rs| crate::form::book::scenario_from_sheets(&sheets, rs))
}

/// An Excel workbook's units (the template's sheets, or any sheet with a header row)
/// in place of the form's: the answer is the saved form, as for a CSV table.
pub fn import_xlsx(form: &str, lang: &str, bytes: &[u8]) -> Result<String, IoError> {
    let catalog = Catalog::built_in();
    let sheets = crate::form::workbook::sheets(bytes).map_err(IoError::Input)?;
    let lang = Lang::parse(lang);
    units_to_form(form, &catalog, lang.indonesian(), |rs| crate::form::book::scenario_from_sheets(&sheets, rs))
        .map(|f| saved::save(&f, lang.code()))
}

/// The import template for the form's method: its default sample, nothing entered.
pub fn template_xlsx(form: &str, lang: &str) -> Result<Vec<u8>, IoError> {
    let catalog = Catalog::built_in();
    let (form, _) = load_form(form)?;
    let base = base_of(&form, &catalog)?;
    let units: Vec<_> =
        base.starting_units().into_iter().map(|n| crate::engine::scenario::Unit::new(n, crate::engine::scenario::Entry::Empty)).collect();
    crate::report::template::template(base, &units, Lang::parse(lang)).map_err(|e| IoError::Request(e.to_string()))
}

/// Reads a scenario file or link text into form fields, checking it fully first so a
/// bad file never replaces the current work. `comma`: write its numbers with a decimal
/// comma (the page in Indonesian).
pub fn scenario_to_form(text: &str, catalog: &Catalog, comma: bool) -> Result<Form, IoError> {
    let sc = Scenario::from_json_str(text).map_err(IoError::Input)?;
    let base = scenario_method(&sc, catalog)?;
    let rs = apply(base, &sc.assumptions).map_err(IoError::Input)?;
    evaluate(&rs, &sc).map_err(IoError::Input)?;
    let form = Form::from_scenario(&sc, base, comma);
    // What the page can build in a few seconds (`limits::MAX_WIDGET_FIELDS`).
    let shown = form.shown_fields(base);
    crate::engine::limits::count("units", crate::engine::limits::Counted::WidgetFields, shown).map_err(IoError::Input)?;
    Ok(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req<'a>(op: &'a str, form: &'a str, text: &'a str) -> Request<'a> {
        Request { op, form, lang: "id", text }
    }

    /// Two units of 2022 at 80,19 and 92,92: (80,19 + 92,92) / 2 = 86,555 → 86,56 B.
    fn two_units() -> Form {
        let mut f = Form::typical("ombudsman-2022", 2);
        f.unit_at_mut(0).score = "80,19".into();
        f.unit_at_mut(1).score = "92,92".into();
        f
    }

    #[test]
    fn warm_reads_the_method_once_for_the_first_plan_and_shrugs_off_a_bad_file() {
        let text = include_str!("rulesets/ombudsman-2024.json");
        METHOD.with(|m| *m.borrow_mut() = None);
        warm("{not a method");
        assert!(METHOD.with(|m| m.borrow().is_none()), "a file that does not read leaves nothing behind");
        warm(text);
        let kept = METHOD.with(|m| m.borrow().as_ref().map(|(t, rs)| (t.len(), rs.id.clone())));
        assert_eq!(kept, Some((text.len(), "ombudsman-2024".to_string())));
    }

    #[test]
    fn export_import_and_links_round_trip() {
        let f = two_units();
        let saved_form = saved::save(&f, "id");
        let json = handle(&req("export-json", &saved_form, "")).unwrap();
        let back = handle(&req("import-json", "", &json)).unwrap();
        let (g, _) = saved::load(&back).unwrap();
        assert_eq!(g.units[0].score, "80,19");
        let fragment = handle(&req("share-link", &saved_form, "")).unwrap();
        let opened = handle(&req("open-link", "", &fragment)).unwrap();
        assert_eq!(saved::load(&opened).unwrap().0.units[1].score, "92,92");
        let csv = handle(&req("export-csv", &saved_form, "")).unwrap();
        // (80.19 + 92.92) / 2 = 86.555 → 86.56.
        assert!(csv.contains("Pemda (agregat);86,56;B;Kualitas Tinggi;hijau"), "{csv}");
    }

    #[test]
    fn plans_travel_as_json_unchanged() {
        let mut f = two_units();
        let text = handle(&req("plan", &saved::save(&f, "id"), "")).unwrap();
        let plan: crate::engine::plan::Plan = serde_json::from_str(&text).unwrap();
        // 86,56 is B; A starts at 88, and the gap is told from the score shown:
        // 88 − 86,56 = 1,44 points.
        assert_eq!(plan.target.as_deref(), Some("A"));
        assert_eq!(plan.points_needed, Some(rust_decimal::Decimal::new(144, 2)));
        let base = Catalog::built_in();
        let reading = f.read(base.require("ombudsman-2022").unwrap());
        let direct = crate::engine::plan::plan(&reading.ruleset, &reading.scenario, None, crate::engine::plan::Objective::Steps).unwrap();
        assert_eq!(plan, direct);
        f.unit_at_mut(0).score = "8x".into();
        assert_eq!(handle(&req("plan", &saved::save(&f, "id"), "")), Err(IoError::FixFields));
    }

    #[test]
    fn the_engine_worker_plans_with_the_method_the_page_sends() {
        let f = two_units();
        let form = saved::save(&f, "id");
        let method = Catalog::built_in_source("ombudsman-2022").unwrap();
        let plan: crate::engine::plan::Plan = serde_json::from_str(&compute(&req("plan", &form, method)).unwrap()).unwrap();
        // As above: 86,56 is B, and A starts at 88: 1,44 points.
        assert_eq!(plan.target.as_deref(), Some("A"));
        assert_eq!(plan.points_needed, Some(rust_decimal::Decimal::new(144, 2)));
        // The risk is rapor-io's (`handle`), with the same method file.
        assert!(handle(&req("risk", &form, method)).unwrap().contains("\"text\""));
        // Another method than the form's, none at all, or an operation of another worker.
        assert!(matches!(compute(&req("risk", &form, method)), Err(IoError::Request(m)) if m.contains("not the engine worker's")));
        let other = Catalog::built_in_source("ombudsman-2024").unwrap();
        assert!(matches!(compute(&req("plan", &form, other)), Err(IoError::Request(m)) if m.contains("ombudsman-2024")));
        assert!(matches!(compute(&req("plan", &form, "")), Err(IoError::Input(_))));
        assert!(matches!(compute(&req("export-json", &form, method)), Err(IoError::Request(_))));
        // The method read last time is not kept past a different file.
        assert_eq!(compute(&req("plan", &form, method)).map(|t| t.contains("\"A\"")), Ok(true));
    }

    #[test]
    fn problems_are_told_apart() {
        let mut f = Form::typical("ombudsman-2022", 2);
        f.unit_at_mut(0).score = "8x".into();
        assert_eq!(handle(&req("export-json", &saved::save(&f, "id"), "")), Err(IoError::FixFields));
        let e = handle(&req("import-json", "", r#"{"ruleset": "ombudsman-2022", "units": [{"name": "A", "score": 101}]}"#)).unwrap_err();
        assert!(matches!(e, IoError::Input(ref i) if i.path == "units[0].score"), "{e:?}");
        assert_eq!(handle(&req("open-link", "", "s=1$$")), Err(IoError::Link(ShareError::BadCharacters)));
        assert!(matches!(handle(&req("nonsense", "", "")), Err(IoError::Request(_))));
    }

    #[test]
    fn a_users_ruleset_goes_out_with_the_work_and_comes_back() {
        // Next year's method, say: the 2024 rules with A from 90 instead of 88.
        let mut rs = Catalog::built_in().get("ombudsman-2024").unwrap().clone();
        rs.id = "contoh-2026".into();
        rs.bands[0].min = rust_decimal::Decimal::from(90);
        let mut f = Form::typical("contoh-2026", 2);
        f.custom_ruleset = Some(std::rc::Rc::new(rs));
        f.unit_at_mut(0).score = "89".into();
        let saved_form = saved::save(&f, "id");
        // 89 is A under 2024 but B here.
        let csv = handle(&req("export-csv", &saved_form, "")).unwrap();
        assert!(csv.contains("Pemda (agregat);89,00;B;"), "{csv}");
        let plan: crate::engine::plan::Plan = serde_json::from_str(&handle(&req("plan", &saved_form, "")).unwrap()).unwrap();
        assert_eq!(plan.target.as_deref(), Some("A"));
        let json = handle(&req("export-json", &saved_form, "")).unwrap();
        assert!(json.contains("\"custom_ruleset\""));
        for back in [handle(&req("import-json", "", &json)).unwrap(), {
            let fragment = handle(&req("share-link", &saved_form, "")).unwrap();
            handle(&req("open-link", "", &fragment)).unwrap()
        }] {
            let (g, _) = saved::load(&back).unwrap();
            assert_eq!(g.own_ruleset(), f.own_ruleset());
            assert_eq!(g.units[0].score, "89");
        }
    }

    #[test]
    fn a_users_ruleset_file_is_checked_here_and_again_when_stored() {
        let rs = Catalog::built_in().get("ombudsman-2024").unwrap().clone();
        let good = serde_json::to_string(&rs).unwrap().replace("ombudsman-2024", "contoh-2026");
        let checked = handle(&req("check-ruleset", "", &good)).unwrap();
        assert_eq!(Ruleset::from_checked_json(&checked).unwrap().id, "contoh-2026");
        // A band edge finer than the rounding: named with its place.
        let bad = good.replacen("\"min\":\"78\"", "\"min\":\"78.125\"", 1);
        assert_ne!(bad, good);
        let e = handle(&req("check-ruleset", "", &bad)).unwrap_err();
        assert!(matches!(&e, IoError::Input(i) if i.path == "bands[1].min"), "{e:?}");
        // Stored with the work, then edited in storage so its first band no longer reads:
        // refused, not trusted.
        let mut f = Form::typical("contoh-2026", 2);
        f.custom_ruleset = Some(std::rc::Rc::new(Ruleset::from_checked_json(&checked).unwrap()));
        f.unit_at_mut(0).score = "89".into();
        let stored = saved::save(&f, "id").replacen("\"min\":\"88\"", "\"min\":\"-5\"", 1);
        let e = handle(&req("plan", &stored, "")).unwrap_err();
        assert!(matches!(&e, IoError::Input(i) if i.path.starts_with("custom_ruleset.bands")), "{e:?}");
    }

    #[test]
    fn the_risk_panel_gets_the_risk_and_the_robust_plan() {
        // Two OPD always drawn, two of three Puskesmas (90, 70, 50): 1 sample in 3 is B
        // (hand-computed in tests/risk.rs). "Puskesmas " and "puskesmas" are one sector.
        let mut f = Form::typical("ombudsman-2024", 2);
        f.units.truncate(5);
        for (i, (score, sector)) in
            [("90", ""), ("80", ""), ("90", "Puskesmas "), ("70", "puskesmas"), ("50", "puskesmas")].into_iter().enumerate()
        {
            f.unit_at_mut(i).score = score.into();
            f.unit_at_mut(i).sector = sector.into();
        }
        f.sampling.insert("puskesmas".into(), "2".into());
        let method = Catalog::built_in_source("ombudsman-2024").unwrap();
        let v: serde_json::Value = serde_json::from_str(&handle(&req("risk", &saved::save(&f, "id"), method)).unwrap()).unwrap();
        assert_eq!((v["method"].as_str(), v["samples"].as_u64()), (Some("exact"), Some(3)));
        assert_eq!(v["probabilities"]["B"], 0.3333);
        // Totals are planned in points. The worst sample {90, 80, 70, 50} must reach B:
        // 90 + 80 + x + y ≥ 4 × 77,995, so the two weakest Puskesmas need x + y ≥ 141,98,
        // 21,98 points from 70 + 50; raised weakest first to one level: both to 70,99.
        // Then every sample holds: {90, 80, 90, 70,99} is higher still.
        assert_eq!(v["robust"]["status"], "planned");
        assert_eq!(v["text"]["reach"], "Peluang mencapai B: 33,3 % (3 kemungkinan sampel, dihitung semua).");
        assert_eq!(
            v["text"]["robust"][0].as_str().unwrap(),
            "2 perubahan (21,98 poin) → sampel terburuk 78,00, kategori B.",
            "{}",
            v["text"]
        );
        assert_eq!(v["text"]["robust"][2].as_str().unwrap(), "Dinas Pendidikan, Nilai total: 70 → 70,99", "{}", v["text"]);
        assert_eq!(v["text"]["robust"][3].as_str().unwrap(), "Dinas Sosial, Nilai total: 50 → 70,99", "{}", v["text"]);
        // Drawing more than there are is named at the field.
        f.sampling.insert("puskesmas".into(), "4".into());
        let e = handle(&req("risk", &saved::save(&f, "id"), method)).unwrap_err();
        assert_eq!(e, IoError::FixFields);
        let r = f.read(Catalog::built_in().get("ombudsman-2024").unwrap());
        assert_eq!(r.errors[0].field, "sampling-puskesmas");
        assert_eq!(r.errors[0].error.message(Lang::Id), "4 melebihi nilai maksimum 3");
    }

    #[test]
    fn a_file_too_large_for_the_page_is_refused_before_it_reaches_it() {
        // 200 units of the 2024 method by indicator with three products: 15 + 11 × 3 + 5
        // + 6 = 59 fields each, 11 800 in all, past the page's 10 000 (a 200-unit file
        // of the largest method would have shown 400 000 fields and frozen the tab).
        let rs = Catalog::built_in().get("ombudsman-2024").unwrap().clone();
        let one: serde_json::Map<String, serde_json::Value> = rs
            .indicators()
            .map(|r| (r.key(), if r.dimension.per_product { serde_json::json!([1, 2, 3]) } else { serde_json::json!(2) }))
            .collect();
        let units: Vec<_> = (0..200).map(|i| serde_json::json!({"name": format!("P{i}"), "indicators": one})).collect();
        let text = serde_json::json!({"ruleset": "ombudsman-2024", "units": units}).to_string();
        let Err(IoError::Input(e)) = scenario_to_form(&text, &Catalog::built_in(), true) else { panic!("refused") };
        assert_eq!(e.path, "units");
        assert_eq!(e.message(Lang::Id), "paling banyak 10000 isian di widget (tertulis 11800); perintah rapor membaca berkas sebesar ini");
        // Two products (48 fields each, 9 600) still open.
        let two = text.replace("[1,2,3]", "[1,2]");
        assert!(scenario_to_form(&two, &Catalog::built_in(), true).is_ok());
    }

    #[test]
    fn a_csv_table_replaces_the_units_and_keeps_the_settings() {
        // Kota Magelang 2022 from Indonesian Excel (`;`, decimal comma): 93,28 A; the
        // pemda's name and the deduction typed before stay.
        let mut f = Form::named("ombudsman-2022", 2, &["Lama".to_string()]);
        f.pemda = "Kota Magelang".into();
        let saved_form = saved::save(&f, "id");
        let csv = "Nama unit;Nilai total\r\nDisdukcapil;100\r\nDPMPTSP;100\r\nDinas Kesehatan;80,19\r\nPuskesmas;92,92\r\n";
        let out = handle(&req("import-file", &saved_form, csv)).unwrap();
        let (g, _) = saved::load(&out).unwrap();
        assert_eq!(g.pemda, "Kota Magelang");
        assert_eq!(g.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Disdukcapil", "DPMPTSP", "Dinas Kesehatan", "Puskesmas"]);
        let r = g.read(Catalog::built_in().get("ombudsman-2022").unwrap());
        assert_eq!(r.outcome.unwrap().aggregate.unwrap().rounded.to_string(), "93.28");
        // A bad cell is named; JSON through the same input reads as a scenario file.
        let Err(IoError::Input(e)) = handle(&req("import-file", &saved_form, "Nama unit;Nilai total\nA;101\n")) else { panic!() };
        assert_eq!((e.path.as_str(), e.message(Lang::Id)), ("B2", "101 melebihi nilai maksimum 100".to_string()));
        let json = r#"{"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90}]}"#;
        let (g, _) = saved::load(&handle(&req("import-file", &saved_form, json)).unwrap()).unwrap();
        assert_eq!(g.ruleset, "ombudsman-2023");
    }
}

#[cfg(test)]
mod excel_tests {
    use super::*;
    use crate::form::{Mode, TYPICAL_UNITS};
    use rust_decimal::Decimal;
    use std::rc::Rc;

    fn rs25() -> Ruleset {
        Catalog::built_in().get("ombudsman-2025").unwrap().clone()
    }

    /// Three units of the 2025 method, at three entry levels.
    fn entered() -> Form {
        let rs = rs25();
        let mut f = Form::for_method(&rs, &[]);
        f.pemda = "Kota Contoh".into();
        let u = Rc::make_mut(&mut f.units[0]);
        u.mode = Mode::Indicators;
        u.trust = "80".into();
        for r in rs.indicators() {
            u.levels.insert(r.key(), vec![r.indicator.max.to_string()]);
        }
        let u = Rc::make_mut(&mut f.units[1]);
        u.mode = Mode::Dimensions;
        u.trust = "75".into();
        for (id, x) in [("input", "80"), ("proses", "90"), ("output", "85"), ("pengaduan", "70")] {
            u.dims.insert(id.into(), x.into());
        }
        Rc::make_mut(&mut f.units[2]).score = "82,5".into();
        f
    }

    fn aggregate(f: &Form) -> String {
        let a = f.read(&rs25()).outcome.unwrap().aggregate.unwrap();
        format!("{} {}", a.rounded, a.grade.category)
    }

    #[test]
    fn an_exported_workbook_imports_back_to_the_same_results() {
        // By hand: Dinas Kesehatan, every indicator at its top: 100 × 0,7 + 80 × 0,3 = 94;
        // Dinas Pendidikan: (21,85·80 + 32,37·90 + 24,24·85 + 21,54·70) / 100 = 82,295,
        // × 0,7 = 57,6065, + 75 × 0,3 = 80,1065; Dinas Sosial's total 82,5 holds its trust.
        // Mean (94 + 80,1065 + 82,5) / 3 = 85,5355 → 85,54, B (Baik).
        let mut f = entered();
        assert_eq!(aggregate(&f), "85.54 B");
        // Last year's scores travel in the units sheet's last column.
        f.baseline = Some(crate::engine::baseline::Baseline {
            score: Some(Decimal::new(8000, 2)),
            units: vec![crate::engine::baseline::BaselineUnit {
                name: "Dinas Sosial".into(),
                score: Some(Decimal::new(7850, 2)),
                ..Default::default()
            }],
            ..Default::default()
        });
        let book = export_xlsx(&saved::save(&f, "id"), "id", "29/11/2026").unwrap();
        let blank = saved::save(&Form::for_method(&rs25(), &["Lama".to_string()]), "id");
        let (g, _) = saved::load(&import_xlsx(&blank, "id", &book).unwrap()).unwrap();
        assert_eq!(g.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial"]);
        assert_eq!(aggregate(&g), "85.54 B");
        assert_eq!(g.units.iter().map(|u| u.mode).collect::<Vec<_>>(), [Mode::Indicators, Mode::Dimensions, Mode::Score]);
        let b = g.baseline.unwrap();
        assert_eq!(b.unit("Dinas Sosial").unwrap().score, Some(Decimal::new(7850, 2)));
        // Its pemda score is then that one unit's, under this method: 78,50.
        assert_eq!(b.score, Some(Decimal::new(7850, 2)));
        // An English workbook reads the same.
        let book = export_xlsx(&saved::save(&f, "en"), "en", "29/11/2026").unwrap();
        let (g, _) = saved::load(&import_xlsx(&blank, "en", &book).unwrap()).unwrap();
        assert_eq!(aggregate(&g), "85.54 B");
    }

    #[test]
    fn the_template_has_the_methods_columns_and_sample() {
        let blank = saved::save(&Form::for_method(&rs25(), &[]), "id");
        let sheets = crate::form::workbook::sheets(&template_xlsx(&blank, "id").unwrap()).unwrap();
        assert_eq!(sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Unit", "Indikator"]);
        let units = &sheets[0].rows;
        assert_eq!(
            units[3],
            ["Nama unit", "Nilai total", "Input", "Proses", "Output", "Pengaduan", "Kepercayaan masyarakat", "Sektor", "Nilai tahun lalu"]
        );
        assert_eq!(units[4..].iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial"]);
        let levels = &sheets[1].rows;
        assert_eq!(
            levels[3],
            ["Kode", "Dimensi", "Indikator", "Produk", "Nilai yang boleh", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial"]
        );
        assert_eq!(levels[4][..3], ["input.pengetahuan-pelaksana", "Input", "Pengetahuan pelaksana"]);
        assert_eq!(levels[4][4], "0, 1, 2, 3");
        // The 2024 method: its per-product dimension has a row per product.
        let f = Form::typical("ombudsman-2024", 2);
        let sheets = crate::form::workbook::sheets(&template_xlsx(&saved::save(&f, "en"), "en").unwrap()).unwrap();
        assert_eq!(sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Units", "Indicators"]);
        let products: Vec<&str> =
            sheets[1].rows.iter().filter(|r| r.get(3).is_some_and(|p| !p.is_empty())).map(|r| r[3].as_str()).collect();
        assert_eq!(&products[..3], ["Product", "1", "2"]);
        assert_eq!(TYPICAL_UNITS.len(), 7);
        // A method that publishes its level descriptions (2021) has them as notes: the
        // workbook holds a comments part (names in a zip's directory are plain text).
        let with_levels = template_xlsx(&saved::save(&Form::typical("ombudsman-2021", 1), "id"), "id").unwrap();
        assert!(String::from_utf8_lossy(&with_levels).contains("xl/comments1.xml"));
        assert!(!String::from_utf8_lossy(&template_xlsx(&blank, "id").unwrap()).contains("xl/comments"), "2025 publishes none");
        assert_eq!(sheets[0].rows.len(), 4 + 7, "the 2024 sample: five OPD and two Puskesmas");
    }

    /// A workbook as a person makes one: a title above the header, numbers as numbers
    /// and as text with a decimal comma, an indicator sheet of their own.
    fn handmade(levels: &[(&str, &str)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let s = book.add_worksheet();
        s.set_name("Rekap").unwrap();
        s.write_string(0, 0, "Rekap penilaian 2025").unwrap();
        for (c, h) in ["Nama unit", "Nilai total", "Kepercayaan masyarakat"].iter().enumerate() {
            s.write_string(2, c as u16, *h).unwrap();
        }
        s.write_string(3, 0, "Dinas Sosial").unwrap();
        s.write_string(3, 1, "82,5").unwrap();
        s.write_string(4, 0, "Dinas Kesehatan").unwrap();
        s.write_number(4, 2, 80.0).unwrap();
        let s = book.add_worksheet();
        s.set_name("Tingkat").unwrap();
        for (c, h) in ["Kode", "Dinas Kesehatan"].iter().enumerate() {
            s.write_string(1, c as u16, *h).unwrap();
        }
        for (r, (k, v)) in levels.iter().enumerate() {
            s.write_string(2 + r as u32, 0, *k).unwrap();
            match v.parse::<f64>() {
                Ok(x) => s.write_number(2 + r as u32, 1, x).unwrap(),
                Err(_) => s.write_string(2 + r as u32, 1, *v).unwrap(),
            };
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_handmade_workbook_reads_and_a_bad_cell_is_named_by_sheet_and_cell() {
        let blank = saved::save(&Form::for_method(&rs25(), &[]), "id");
        let all: Vec<(String, String)> = rs25().indicators().map(|r| (r.key(), r.indicator.max.to_string())).collect();
        let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let (g, _) = saved::load(&import_xlsx(&blank, "id", &handmade(&all)).unwrap()).unwrap();
        // 82,5 and 94 (every indicator at the top, trust 80): (82,5 + 94) / 2 = 88,25.
        assert_eq!(aggregate(&g), "88.25 A");
        // A level above the scale: named "Tingkat!B3", and nothing taken.
        let mut bad = all.clone();
        bad[0].1 = "4";
        let Err(IoError::Input(e)) = import_xlsx(&blank, "id", &handmade(&bad)) else { panic!("refused") };
        assert_eq!(format!("{}: {}", e.path, e.message(Lang::Id)), "Tingkat!B3: 4 melebihi nilai maksimum 3");
        bad[0].1 = "dua";
        let Err(IoError::Input(e)) = import_xlsx(&blank, "en", &handmade(&bad)) else { panic!("refused") };
        assert_eq!(format!("{}: {}", e.path, e.message(Lang::En)), "Tingkat!B3: \"dua\" is not a number");
        // A damaged workbook (cut short) says so.
        let whole = handmade(&all);
        let Err(IoError::Input(e)) = import_xlsx(&blank, "id", &whole[..whole.len() / 2]) else { panic!("refused") };
        assert!(e.message(Lang::Id).starts_with("bukan buku kerja Excel (.xlsx) yang utuh"), "{}", e.message(Lang::Id));
    }
}

#[cfg(test)]
mod merge_and_baseline_tests {
    use super::*;

    fn req<'a>(op: &'a str, form: &'a str, text: &'a str) -> Request<'a> {
        Request { op, form, lang: "id", text }
    }

    /// Kota Magelang 2022 (pre-evaluation): 100, 100, 80,19, 92,92 → 93,28 A.
    const MAGELANG: &str = r#"{"ruleset": "ombudsman-2022", "units": [
        {"name": "Disdukcapil", "score": 100}, {"name": "DPMPTSP", "score": 100},
        {"name": "Dinas Kesehatan", "score": "80.19"}, {"name": "Puskesmas", "score": "92.92"}]}"#;

    #[test]
    fn last_years_result_from_a_scenario_of_another_method_or_a_table() {
        let page = saved::save(&Form::for_method(Catalog::built_in().get("ombudsman-2025").unwrap(), &[]), "id");
        let csv = "Nama unit;Nilai total\nDisdukcapil;100\nDPMPTSP;100\nDinas Kesehatan;80,19\nPuskesmas;92,92\n";
        for text in [MAGELANG, csv] {
            let (f, _) = saved::load(&handle(&req("baseline-file", &page, text)).unwrap()).unwrap();
            assert_eq!(f.ruleset, "ombudsman-2025", "the page keeps its method");
            let b = f.baseline.unwrap();
            // A JSON file is scored under its own method (2022), a table under the page's
            // (2025, whose totals average the same way): 93,28 either way.
            assert_eq!(b.score.unwrap().to_string(), "93.28");
            assert_eq!(b.unit("Dinas Kesehatan").unwrap().score.unwrap().to_string(), "80.19");
        }
        // A file with no scores is no baseline.
        let Err(IoError::Input(e)) = handle(&req("baseline-file", &page, "Nama unit;Nilai total\nA;\n")) else { panic!() };
        assert_eq!(e.message(Lang::Id), "belum ada unit yang bernilai");
    }

    #[test]
    fn last_years_scores_typed_beside_this_years() {
        let page = saved::save(&Form::for_method(Catalog::built_in().get("ombudsman-2024").unwrap(), &[]), "id");
        // This year 90 and 70, last year 80 and 60: then (80 + 60) / 2 = 70,00.
        let csv = "Nama unit;Nilai total;Nilai tahun lalu\nDisdukcapil;90;80\nDinsos;70;60\n";
        let (f, _) = saved::load(&handle(&req("import-file", &page, csv)).unwrap()).unwrap();
        let b = f.baseline.unwrap();
        assert_eq!(b.score.unwrap().to_string(), "70.00");
        assert_eq!(b.unit("Dinsos").unwrap().score.unwrap().to_string(), "60");
        let Err(IoError::Input(e)) = handle(&req("import-file", &page, "Nama unit;Nilai total;Tahun lalu\nA;90;180\n")) else { panic!() };
        assert_eq!((e.path.as_str(), e.message(Lang::Id)), ("C2", "180 melebihi nilai maksimum 100".to_string()));
    }

    #[test]
    fn a_merge_reads_units_under_the_pages_method_and_refuses_another() {
        let mut f = Form::named("ombudsman-2024", 2, &["Disdukcapil".to_string()]);
        f.pemda = "Kota Contoh".into();
        let page = saved::save(&f, "id");
        let (g, _) = saved::load(&handle(&req("merge-file", &page, "Nama unit;Nilai total\nPuskesmas Kota;70,5\n")).unwrap()).unwrap();
        assert_eq!(g.units.iter().map(|u| (u.name.as_str(), u.score.as_str())).collect::<Vec<_>>(), [("Puskesmas Kota", "70,5")]);
        let Err(IoError::Input(e)) = handle(&req("merge-file", &page, MAGELANG)) else { panic!("another method") };
        assert_eq!(
            e.message(Lang::Id),
            "berkas ini memakai metode \"Ombudsman RI — Penilaian Kepatuhan 2022\" (ombudsman-2022), halaman ini ombudsman-2024; pilih metode itu dulu, atau minta berkas dengan metode yang sama"
        );
    }
}

//! The wire between the page and its workers: what the `rapor-io` worker writes is read
//! back by the very readers the page uses (`protocol::read_plan`, `read_risk`), so a
//! field renamed on one side fails here; a reply that does not read is an error, never
//! a silent default.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::plan::{plan, Objective, Plan, Status, StepKind};
use rapor::engine::{Catalog, Scenario};
use rapor::protocol::{read_plan, read_risk, Failure, Op};
use rapor::share::ShareError;
use rapor::worker::{handle, Request};
use serde_json::{json, Value};

fn plan_of(v: Value, target: Option<&str>) -> Plan {
    let sc = Scenario::from_json(&v).unwrap();
    plan(Catalog::built_in().get(&sc.ruleset).unwrap(), &sc, target, Objective::Steps).unwrap()
}

/// As the worker sends it (`serde_json::to_string(&plan)`), read as the page reads it.
fn over_the_wire(p: &Plan) -> Plan {
    let text = serde_json::to_string(p).unwrap();
    read_plan(&serde_json::from_str::<Value>(&text).unwrap()).unwrap()
}

#[test]
fn every_kind_of_plan_reads_back_as_written() {
    let ind = json!({"proses.biaya": [1, 2], "input.keamanan": 1, "proses.maklumat": [0, 3]});
    let plans = [
        // Steps per product, alternatives for a total.
        plan_of(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": ind}, {"name": "B", "score": 80}]}), Some("A")),
        // Answer counts (IKM): steps carry respondents before and after.
        plan_of(
            json!({"ruleset": "ikm-2017", "units": [{"name": "A", "responses": {"waktu": [0, 2, 20, 8]}, "indicators": {"biaya": "3"}}]}),
            Some("A"),
        ),
        // Unreachable (a locked total), with the best reachable score; already there; at the top.
        plan_of(json!({"ruleset": "ombudsman-2024", "units": [{"name": "A", "score": 50, "locked": ["total"]}]}), Some("A")),
        plan_of(json!({"ruleset": "ombudsman-2024", "units": [{"name": "A", "score": 90}]}), Some("B")),
        plan_of(json!({"ruleset": "ombudsman-2024", "units": [{"name": "A", "score": 90}]}), None),
        // In points: a unit's total, and dimension scores.
        plan_of(json!({"ruleset": "ombudsman-2024", "units": [{"name": "A", "score": 50}]}), Some("A")),
        plan_of(
            json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "dimensions": {"input": 80, "proses": 80}, "trust": 70}]}),
            Some("A"),
        ),
    ];
    assert_eq!(plans[5].steps[0].kind, StepKind::Unit);
    assert!(plans[6].steps.iter().all(|s| s.kind == StepKind::Dimension && s.dimension.is_some()));
    assert!(plans[0].steps.iter().any(|s| s.product.is_some()) && !plans[0].alternatives.is_empty());
    assert!(plans[1].steps.iter().any(|s| s.responses.is_some()));
    assert_eq!(
        plans.iter().map(|p| p.status).collect::<Vec<_>>(),
        [Status::Planned, Status::Planned, Status::Unreachable, Status::AlreadyThere, Status::AtTop, Status::Planned, Status::Planned]
    );
    for p in &plans {
        assert_eq!(&over_the_wire(p), p);
    }
}

#[test]
fn a_reply_that_does_not_read_is_an_error_with_its_place() {
    let p = plan_of(json!({"ruleset": "ombudsman-2024", "units": [{"name": "A", "score": 80}]}), None);
    let mut v = serde_json::to_value(&p).unwrap();
    v["status"] = "Maybe".into();
    assert_eq!(read_plan(&v).unwrap_err().0, "plan.status");
    let mut v = serde_json::to_value(&p).unwrap();
    v.as_object_mut().unwrap().remove("score_before");
    assert_eq!(read_plan(&v).unwrap_err().0, "plan.score_before");
    let mut v = serde_json::to_value(&p).unwrap();
    v["alternatives"][0]["points"] = json!("lots");
    assert_eq!(read_plan(&v).unwrap_err().0, "plan.alternatives[0].points");
    assert_eq!(read_risk(&json!({"method": "exact"})).unwrap_err().0, "risk.text");
}

#[test]
fn the_risk_panel_reads_what_the_worker_writes() {
    let mut f = rapor::form::Form::named("ombudsman-2024", 2, &["A".into(), "PKM 1".into(), "PKM 2".into()]);
    for (i, (score, sector)) in [("90", ""), ("80", "puskesmas"), ("60", "puskesmas")].into_iter().enumerate() {
        f.unit_at_mut(i).score = score.into();
        f.unit_at_mut(i).sector = sector.into();
    }
    f.sampling.insert("puskesmas".into(), "1".into());
    let form = rapor::form::saved::save(&f, "id");
    // The page sends the method's file with the form, as for the plan.
    let method = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/rulesets/ombudsman-2024.json")).unwrap();
    let answer = handle(&Request { op: Op::Risk.as_str(), form: &form, lang: "id", text: &method }).unwrap();
    let view = read_risk(&serde_json::from_str::<Value>(&answer).unwrap()).unwrap();
    // Two samples: {A, PKM 1} = 85,00 B and {A, PKM 2} = 75,00 C; B has one chance in two.
    assert!(view.reach.contains("50,0 %"), "{}", view.reach);
    assert_eq!(view.bars.len(), 5);
    assert!(view.worst.contains("75,00"), "{}", view.worst);
}

#[test]
fn the_engine_worker_answers_the_plan_and_nothing_else() {
    let mut f = rapor::form::Form::named("ombudsman-2024", 2, &["A".into(), "B".into()]);
    f.unit_at_mut(0).score = "90".into();
    f.unit_at_mut(1).score = "70".into();
    let form = rapor::form::saved::save(&f, "id");
    let method = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/rulesets/ombudsman-2024.json")).unwrap();
    let ask = |op: Op| rapor::worker::compute(&Request { op: op.as_str(), form: &form, lang: "id", text: &method });
    // (90 + 70) / 2 = 80,00 B: a plan to A comes back.
    let plan = read_plan(&serde_json::from_str::<Value>(&ask(Op::Plan).unwrap()).unwrap()).unwrap();
    assert_eq!(plan.status, Status::Planned);
    // The risk is the files-and-links worker's: the page's module does not carry it.
    assert!(matches!(ask(Op::Risk), Err(rapor::worker::IoError::Request(m)) if m.contains("not the engine worker's")));
}

#[test]
fn operations_and_failures_have_one_name_each() {
    for op in
        [Op::ExportJson, Op::ShareLink, Op::ExportCsv, Op::ExportXlsx, Op::Plan, Op::Risk, Op::CheckRuleset, Op::ImportJson, Op::OpenLink]
    {
        assert_eq!(Op::parse(op.as_str()), Some(op));
    }
    assert_eq!(Op::ExportXlsx.worker(), "rapor-xlsx_loader.js");
    assert_eq!(Op::Plan.worker(), "rapor-worker.js");
    // The sampling risk has the on-demand worker's module, not the page's (39 KB gzip).
    assert_eq!(Op::Risk.worker(), "rapor-io_loader.js");
    assert_eq!(Op::ExportJson.worker(), "rapor-io_loader.js");
    let failures = [
        Failure::FixFields,
        Failure::Input { path: "units[0].score".into(), message_id: "bukan angka".into(), message_en: "not a number".into() },
        Failure::Link(ShareError::NotALink),
        Failure::Link(ShareError::BadCharacters),
        Failure::Link(ShareError::Damaged),
        Failure::Request("x".into()),
        Failure::Unreadable("y".into()),
        Failure::Offline,
    ];
    for f in failures {
        let (kind, path, id, en) = f.to_parts();
        assert_eq!(Failure::from_parts(kind, path, id, en), f);
    }
    // An unknown kind is not mistaken for any other.
    assert_eq!(
        Failure::from_parts("new-kind", String::new(), String::new(), String::new()),
        Failure::Unreadable("kind \"new-kind\"".into())
    );
    // The worker refuses what it does not know, by name.
    let e = handle(&Request { op: "shred", form: "", lang: "id", text: "" }).unwrap_err();
    assert_eq!(e.failure(), Failure::Request("unknown operation \"shred\"".into()));
}

/// The place of a field deep in a reply names the list item it sits in.
#[test]
fn a_nested_field_that_does_not_read_is_named_with_its_item() {
    let p = json!({"status": "Planned", "objective": "Steps", "score_before": "80", "category_before": "B",
        "score_after": "90", "category_after": "A", "cost": 1, "steps": [
            {"unit_index": 0, "unit": "A", "indicator": "proses.biaya", "from": "1", "to": "2", "gain": "1/2",
             "responses": {"respondents": 3, "before": [1, 2], "after": [0, 3], "min": -1}}]});
    assert_eq!(read_plan(&p).unwrap_err().0, "plan.steps[0].responses.min");
    let r = json!({"text": {"reach": "x", "worst": "w", "best": "b", "bars": [{"category": "A", "zone": "hijau", "width": 1.5, "label": "l"}]}});
    assert_eq!(read_risk(&r).unwrap_err().0, "risk.text.bars[0].width");
}

#[test]
fn a_failed_export_is_not_told_as_a_damaged_link() {
    use rapor::protocol::notice_for;
    use rapor::session::{Lang, LinkProblem, Notice};
    // An Excel export that failed said "Tautan tidak dapat dibuka": every failure without
    // a file was taken for a link's.
    let failed = Failure::Request("sheet name".into());
    let n = notice_for(Op::ExportXlsx, failed.clone(), None);
    assert!(matches!(n, Notice::Failed(_)), "{n:?}");
    assert_eq!(n.text(Lang::Id), "Tidak dapat dikerjakan (sheet name). Pekerjaan Anda tidak berubah.");
    assert!(matches!(notice_for(Op::ShareLink, failed.clone(), None), Notice::Failed(_)));
    // A link's and a file's failures are still told as such.
    assert_eq!(
        notice_for(Op::OpenLink, Failure::Link(ShareError::Damaged), None),
        Notice::LinkDamaged(LinkProblem::Code(ShareError::Damaged))
    );
    assert!(matches!(notice_for(Op::OpenLink, failed.clone(), None), Notice::LinkDamaged(LinkProblem::Scenario(_))));
    assert!(matches!(notice_for(Op::ImportJson, failed, Some("a.json".into())), Notice::ImportFailed { .. }));
    assert_eq!(notice_for(Op::ExportJson, Failure::FixFields, None), Notice::FixFieldsFirst);
}

//! Every message in one language: the engine's problems and the workers' failures, as
//! the widget shows them, carry no words of the other language (the Indonesian widget
//! once said "seharusnya a positive whole number of units drawn").
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::{Expected, InputError, Problem};
use rapor::protocol::Failure;
use rapor::text::Lang;
use rust_decimal::Decimal;

/// Words that only one of the two languages has.
const ENGLISH: [&str; 12] =
    [" is ", " the ", "expected", "must", "given", "whole number", "units drawn", "above", "below", "ambiguous", "write ", "not a"];
const INDONESIAN: [&str; 10] = ["seharusnya", "bukan", "melebihi", " di bawah ", "tidak", "diisi", "tulis", "isian", "angka", "nilai"];

fn problems() -> Vec<Problem> {
    let d = Decimal::new(1234, 2);
    let mut out = vec![
        Problem::NotANumber("x".into()),
        Problem::TwoSeparators("1.234,5".into()),
        Problem::ThousandsDot("1.000".into()),
        Problem::AboveMax { value: d, max: Decimal::ONE_HUNDRED },
        Problem::BelowMin { value: d, min: Decimal::ONE_HUNDRED },
        Problem::NotALevel { value: d, min: 0, max: 3 },
        Problem::NotACount { text: "x".into(), max: 10 },
        Problem::NotListed { value: d, levels: "AA = 100".into() },
        Problem::UnknownField,
        Problem::UnknownRuleset("r".into()),
        Problem::UnknownDimension("d".into()),
        Problem::UnknownIndicator("i".into()),
        Problem::AmbiguousIndicator { id: "biaya".into(), candidates: vec!["proses.biaya".into(), "output.biaya".into()] },
        Problem::TrustInTotal,
        Problem::GivenTwice("proses.biaya".into()),
        Problem::ProductCount { expected: 2, got: 1 },
        Problem::MixedLevels,
        Problem::NoData,
        Problem::TooManyDecimals { max: 6 },
        Problem::NotPositive,
        Problem::TooPrecise,
        Problem::NotInRuleset("deduction"),
        Problem::NotInRuleset("Kepercayaan Masyarakat (trust)"),
    ];
    use rapor::engine::error::{Listing, Rule};
    for r in [
        Rule::NotAnId("X".into()),
        Rule::NoneListed(Listing::Band),
        Rule::NotPositive(Some(Decimal::ZERO)),
        Rule::Products(11),
        Rule::TooManyUnits(101),
        Rule::UnitName,
        Rule::RoundingPlaces,
        Rule::UsedTwice("a".into()),
        Rule::UsedTwiceIn("a".into(), "d".into()),
        Rule::MaxNotAboveMin { min: 3, max: 1 },
        Rule::LevelOutside { value: 5, min: 0, max: 3 },
        Rule::DescribedTwice(2),
        Rule::LevelsOnlyFractional,
        Rule::LevelsOnlyEnd { end: 0, min: 0, max: 100 },
        Rule::TrustWeight(Decimal::ONE_HUNDRED),
        Rule::EmptyCategory,
        Rule::FinerThanRounding { min: Decimal::new(78125, 3), places: 2 },
        Rule::BandOutside { min: Decimal::ONE_HUNDRED, max: Decimal::TEN },
        Rule::NotTopDown { min: Decimal::TEN, above: Decimal::ONE },
        Rule::BottomBand,
    ] {
        out.push(Problem::Rule(r));
    }
    use rapor::engine::error::Says;
    for x in [
        Says::NoRobustPlan(50),
        Says::UnknownTarget { given: "Z".into(), known: "A, B".into() },
        Says::NotACategoryOf { given: "Z".into(), ruleset: "r".into(), known: "A, B".into() },
        Says::NotJson("EOF while parsing".into()),
        Says::FixedScale,
        Says::NoScoresYet,
        Says::NoSuchSector("pkm".into()),
        Says::TooFewScored { draw: 3, sector: "pkm".into(), scored: 1, listed: 4 },
        Says::UnsupportedFormat { got: "9".into(), newest: 1 },
        Says::MissingRuleset,
        Says::MissingUnits,
        Says::NotTheCustomId { ruleset: "a".into(), custom: "b".into() },
        Says::ValueAndCounts("waktu".into()),
        Says::NotFromAnswers,
        Says::CountsPerAnswer { answers: 4, min: 1, max: 4, got: 3 },
        Says::ProductsPerList(11),
        Says::BuiltInId("ombudsman-2023".into()),
    ] {
        out.push(Problem::Says(x));
    }
    use Expected::*;
    for e in [
        Object,
        List,
        Number,
        Text,
        TrueOrFalse,
        PositiveWhole,
        UnitsDrawn,
        SingleValue,
        CountsPerAnswer,
        ScaleTop,
        CriteriaCount,
        SectorName,
        StepPoints,
        Margin,
    ] {
        out.push(Problem::Expected(e));
    }
    out
}

fn clean(text: &str, foreign: &[&str]) -> Result<(), String> {
    match foreign.iter().find(|w| text.to_lowercase().contains(*w)) {
        Some(w) => Err(format!("{text:?} has {w:?}")),
        None => Ok(()),
    }
}

#[test]
fn every_problem_reads_in_one_language() {
    for p in problems() {
        let e = InputError::new("units[0].score", p.clone());
        clean(&e.message(Lang::Id), &ENGLISH).unwrap_or_else(|m| panic!("Indonesian {p:?}: {m}"));
        clean(&e.message(Lang::En), &INDONESIAN).unwrap_or_else(|m| panic!("English {p:?}: {m}"));
    }
}

#[test]
fn the_workers_failures_read_in_the_pages_language() {
    let input = Failure::from_input(&InputError::new("sampling.puskesmas", Problem::Expected(Expected::UnitsDrawn)));
    for f in [input, Failure::FixFields, Failure::Request("x".into()), Failure::Unreadable("y".into())] {
        clean(&f.text(Lang::Id), &ENGLISH).unwrap();
        clean(&f.text(Lang::En), &INDONESIAN).unwrap();
    }
    let f = Failure::from_input(&InputError::new("units", Problem::NoData));
    assert_eq!(f.text(Lang::En), "units: no unit has any data yet");
    assert_eq!(f.text(Lang::Id), "units: belum ada unit yang berisi data");
}

/// The plan panel's sentences for plans in points and at mixed levels.
#[test]
fn plans_in_points_read_in_one_language() {
    use rapor::engine::plan::CostUnit;
    use rapor::text::{plan_margin, plan_summary_mixed, plan_uncertain, raise_to, report::cost_words, step_points_note};
    use rust_decimal::Decimal;
    let units = ["Dinas Sosial".to_string(), "Puskesmas 2".into(), "Dinas Kesehatan".into()];
    assert_eq!(
        raise_to(Lang::Id, "Nilai total", &units, "84,20"),
        "Naikkan nilai total Dinas Sosial, Puskesmas 2 dan Dinas Kesehatan ke 84,20."
    );
    assert_eq!(raise_to(Lang::En, "Total score", &units[..1], "84.20"), "Raise the total score of Dinas Sosial to 84.20.");
    assert_eq!(cost_words(Lang::Id, 2706, CostUnit::Hundredths), "27,06 poin");
    assert_eq!(cost_words(Lang::En, 1, CostUnit::Steps), "1 step");
    let (d, low) = (Decimal::new(403, 2), Decimal::new(8799, 2));
    for (id, en) in [
        (plan_summary_mixed(Lang::Id, 6, 5, d, low, "A"), plan_summary_mixed(Lang::En, 6, 5, d, low, "A")),
        (step_points_note(Lang::Id).into(), step_points_note(Lang::En).into()),
        (plan_uncertain(Lang::Id, low, "B", "A"), plan_uncertain(Lang::En, low, "B", "A")),
        (plan_margin(Lang::Id, "0,01"), plan_margin(Lang::En, "0.01")),
    ] {
        clean(&id, &[" the ", " is ", " are ", "points", "steps"]).unwrap();
        clean(&en, &[" yang ", " dan ", " untuk ", "perubahan", " ke ", "nilai"]).unwrap();
    }
}

/// Every label and sentence of the widget (`text::ALL`) in each language, read for words
/// of the other. The language switch names the other language on purpose.
#[test]
fn every_widget_text_reads_in_one_language() {
    use rapor::text::{t, Text, ALL};
    for x in ALL {
        if matches!(x, Text::SwitchLanguage) {
            continue;
        }
        let (id, en) = (t(Lang::Id, x), t(Lang::En, x));
        assert!(!id.is_empty() && !en.is_empty(), "{x:?}");
        clean(id, &[" the ", " is ", " are ", "enter ", "click", "which"]).unwrap_or_else(|m| panic!("Indonesian {x:?}: {m}"));
        clean(en, &[" yang ", " dan ", " untuk ", " tidak ", " belum ", "isi "]).unwrap_or_else(|m| panic!("English {x:?}: {m}"));
    }
}

/// The page words the problems of its own fields as `message` does; a method file's or
/// a scenario file's problems, which the worker words in full, get a general sentence
/// there, so the page does not carry their words.
#[test]
fn the_page_words_its_fields_and_leaves_files_to_the_worker() {
    use rapor::engine::error::{Listing, Rule, Says};
    for p in problems().into_iter().filter(|p| !matches!(p, Problem::Rule(_) | Problem::Says(_))) {
        let e = InputError::new("x", p);
        assert_eq!((e.field_message(Lang::Id), e.field_message(Lang::En)), (e.message(Lang::Id), e.message(Lang::En)));
    }
    let rule = InputError::new("bands", Problem::Rule(Rule::NoneListed(Listing::Band)));
    assert_eq!(rule.message(Lang::En), "must list at least one band");
    assert_eq!(rule.field_message(Lang::Id), "isian ini tidak dapat dipakai; periksa berkas atau tautannya");
    let unreadable = InputError::new("line 1 column 2", Problem::Says(Says::Unreadable("EOF while parsing".into())));
    assert_eq!(unreadable.field_message(Lang::En), "EOF while parsing");
}

/// The reports' headers and sentences and the notice bar, each in both languages.
#[test]
fn every_report_and_notice_text_reads_in_one_language() {
    use rapor::text::{notices as n, report as r};
    const EN: [&str; 8] = [" the ", " is ", "samples", "chance", "every", "changes", "imported", "link"];
    const ID: [&str; 9] = [" yang ", " dan ", "sampel", "peluang", "setiap", "perubahan", "tautan", "nilai", "berkas"];
    let mut both: Vec<(String, String)> = r::SHEETS.iter().map(|&s| (r::sheet(Lang::Id, s).into(), r::sheet(Lang::En, s).into())).collect();
    let each = |f: &dyn Fn(Lang) -> String| (f(Lang::Id), f(Lang::En));
    both.extend([
        each(&|l| r::answers_change(l, 12, 4, "0/5", "0/0")),
        each(&|l| r::risk_exact(l, 3)),
        each(&|l| r::risk_random(l, 20000, "1000000", "0,3")),
        each(&|l| r::risk_reach(l, "B", "33,3", "x")),
        each(&|l| r::risk_sample(l, true, "72,50", "C", "Disdukcapil")),
        each(&|l| r::risk_sample(l, false, "80,00", "B", "Disdukcapil")),
        each(&|l| r::risk_weakest(l, "Puskesmas C", "−33,3")),
        each(&|l| r::robust_unreachable(l, "A", "80")),
        each(&|l| r::robust_already(l, "A")),
        each(&|l| r::robust_summary(l, 2, "3 langkah", "88", "A")),
        each(&|l| r::robust_cost(l, None, "3")),
        each(&|l| r::robust_cost(l, Some("1"), "3")),
        each(&|l| n::kept_aside(l, Some(9))),
        each(&|l| n::kept_aside(l, None)),
        each(&|l| n::kept_aside_refused(l, Some(9))),
        each(&|l| n::kept_aside_refused(l, None)),
        each(&|l| n::ruleset_unavailable(l, "ombudsman-2025")),
        each(&n::link_opened),
        each(&n::link_beside),
        each(&|l| n::link_damaged(l, n::link_fault(l, n::LinkFault::BadCharacters))),
        each(&|l| n::link_fault(l, n::LinkFault::NotALink).into()),
        each(&|l| n::link_fault(l, n::LinkFault::Damaged).into()),
        each(&|l| n::own_ruleset(l, "a.json", "A")),
        each(&|l| n::imported(l, "a.json")),
        each(&|l| n::import_failed(l, "a.json", "x")),
        each(&|l| n::removed(l, "Dinas Sosial")),
        each(&n::fix_fields_first),
        each(&n::storage_refused),
        each(&|l| n::failed(l, "x")),
        each(&n::failed_fix_fields),
        each(&n::failed_link),
        each(&|l| n::failed_request(l, "x")),
        each(&|l| n::failed_unreadable(l, "x")),
        each(&|l| n::worker_stopped(l, true, "x")),
        each(&|l| n::worker_stopped(l, false, "x")),
    ]);
    for (id, en) in both {
        assert!(!id.is_empty() && !en.is_empty());
        clean(&id, &EN).unwrap_or_else(|m| panic!("Indonesian: {m}"));
        clean(&en, &ID).unwrap_or_else(|m| panic!("English: {m}"));
    }
}

#[test]
fn the_change_from_last_year_reads_as_a_report_prints_it() {
    use rapor::text::{change_from, Lang};
    let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    // 84,13 − 80,00 = +4,13; 78,8 − 80 = −1,20; the same figure: ±0,00.
    assert_eq!(change_from(Lang::Id, d("84.13"), d("80.00")), "+4,13 dari 80,00");
    assert_eq!(change_from(Lang::En, d("78.8"), d("80")), "−1.20 from 80.00");
    assert_eq!(change_from(Lang::Id, d("80.00"), d("80")), "±0,00 dari 80,00");
}

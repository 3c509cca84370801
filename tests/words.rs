//! Every message in one language: the engine's problems and the workers' failures, as
//! the widget shows them, carry no words of the other language (the Indonesian widget
//! once said "seharusnya a positive whole number of units drawn").
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::{Expected, InputError, Problem};
use rapor::protocol::Failure;
use rapor::session::Lang;
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
        clean(&e.message(true), &ENGLISH).unwrap_or_else(|m| panic!("Indonesian {p:?}: {m}"));
        clean(&e.message(false), &INDONESIAN).unwrap_or_else(|m| panic!("English {p:?}: {m}"));
    }
}

#[test]
fn the_workers_failures_read_in_the_pages_language() {
    let input = Failure::from_input(&InputError::new("sampling.puskesmas", Problem::Expected(Expected::UnitsDrawn)));
    for f in [input, Failure::FixFields, Failure::Request("x".into()), Failure::Unreadable("y".into())] {
        clean(&rapor::text::failure_text(Lang::Id, &f), &ENGLISH).unwrap();
        clean(&rapor::text::failure_text(Lang::En, &f), &INDONESIAN).unwrap();
    }
    let f = Failure::from_input(&InputError::new("units", Problem::NoData));
    assert_eq!(rapor::text::failure_text(Lang::En, &f), "units: no unit has any data yet");
    assert_eq!(rapor::text::failure_text(Lang::Id, &f), "units: belum ada unit yang berisi data");
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
        assert_eq!((e.field_message(true), e.field_message(false)), (e.message(true), e.message(false)));
    }
    let rule = InputError::new("bands", Problem::Rule(Rule::NoneListed(Listing::Band)));
    assert_eq!(rule.message(false), "must list at least one band");
    assert_eq!(rule.field_message(true), "isian ini tidak dapat dipakai; periksa berkas atau tautannya");
    let unreadable = InputError::new("line 1 column 2", Problem::Says(Says::Unreadable("EOF while parsing".into())));
    assert_eq!(unreadable.field_message(false), "EOF while parsing");
}

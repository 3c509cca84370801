//! `scripts/rapor-early.js`, the screen Rapor's own page shows before the widget's module
//! arrives, repeats a few of the widget's words and its default method (it runs before
//! any of the widget's code): they must stay the widget's.

use rapor::session::DEFAULT_RULESET;
use rapor::text::{t, Lang, Text};

const EARLY: &str = include_str!("../scripts/rapor-early.js");

#[test]
fn the_early_screen_says_what_the_widget_says() {
    for lang in [Lang::Id, Lang::En] {
        for text in [Text::Units, Text::UnitScore, Text::AppSubtitle] {
            let words = format!("'{}'", t(lang, text));
            assert!(EARLY.contains(&words), "rapor-early.js lacks {words}");
        }
    }
}

#[test]
fn the_early_screen_opens_the_widgets_default_method() {
    assert!(EARLY.contains(&format!("var DEFAULT_RULESET = '{DEFAULT_RULESET}';")));
}

//! Every word a user reads, in Bahasa Indonesia (the default) and English, keyed by one
//! `Lang`. The rest of the crate carries data — a problem's limit, a plan's numbers, a
//! notice's file name — and asks here for the sentence, so a message never mixes the two
//! languages and a translator has one folder to read. Words sit just above the engine,
//! below everything that shows them:
//!
//! - `ui`: the widget's labels and its own sentences;
//! - `problems`: what was wrong with an entry, a file or a link (the engine's `Problem`);
//! - `report`: CSV and Excel headers, plan steps and the sampling-risk sentences;
//! - `notices`: the notice bar and the workers' failures.
//!
//! Functions, not one table, on purpose: the page links only the words it shows, so the
//! words of Excel sheets and of method files stay in the `rapor-io` worker.

pub mod notices;
pub mod problems;
pub mod report;
pub mod ui;

pub use ui::*;

/// The page's language: Bahasa Indonesia by default, English one click away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
    pub fn parse(s: &str) -> Lang {
        if s.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Id
        }
    }
    pub fn indonesian(self) -> bool {
        self == Lang::Id
    }
    /// A number as this language writes it: "93,28" or "93.28".
    pub fn num(self, d: rust_decimal::Decimal) -> String {
        crate::engine::number::format_decimal(d, self.indonesian())
    }
    /// Picks the Indonesian or the English text, falling back to Indonesian.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        if self == Lang::En && !en.is_empty() {
            en
        } else {
            id
        }
    }
    /// One of two sentences made for this language.
    pub(crate) fn either<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

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
    /// A calendar date as this language writes it in a report: "30 November 2026" /
    /// "30 November 2026", "1 Agustus 2025" / "1 August 2025". Written here rather than
    /// through the browser's `toLocaleDateString`: its first call loads the locale data
    /// (over 100 ms on a slow phone) and the report head asks on every render.
    pub fn date(self, year: i32, month: u32, day: u32) -> String {
        const ID: [&str; 12] =
            ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
        const EN: [&str; 12] =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        let names = self.either(ID, EN);
        let name = names.get(month.saturating_sub(1) as usize).copied().unwrap_or("?");
        format!("{day} {name} {year}")
    }
    /// One of two sentences made for this language.
    pub(crate) fn either<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn a_date_in_each_language() {
        assert_eq!(Lang::Id.date(2026, 11, 30), "30 November 2026");
        assert_eq!(Lang::Id.date(2025, 8, 1), "1 Agustus 2025");
        assert_eq!(Lang::En.date(2025, 8, 1), "1 August 2025");
        assert_eq!(Lang::Id.date(2024, 2, 29), "29 Februari 2024");
        assert_eq!(Lang::En.date(2024, 12, 31), "31 December 2024");
    }
}

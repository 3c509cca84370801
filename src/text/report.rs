//! The words of the reports: CSV and Excel headers, a plan step's answer counts, the
//! sampling-risk sentences, and the command line's notes. `report` lays them out.

use super::Lang;
use crate::engine::plan::CostUnit;
use rust_decimal::Decimal;

/// Each header or label of the CSV summary and the Excel workbook is named once here,
/// with its words: the macro makes the `Sheet` enum, the list `SHEETS` (for the test that
/// reads each in both languages) and `sheet`, so the three never disagree.
macro_rules! sheet_words {
    ($($name:ident => ($id:literal, $en:literal),)*) => {
        /// A header or label of the CSV summary or the Excel workbook.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Sheet {
            $($name,)*
        }

        /// Every `Sheet`.
        pub const SHEETS: &[Sheet] = &[$(Sheet::$name,)*];

        pub fn sheet(lang: Lang, s: Sheet) -> &'static str {
            let (id, en) = match s {
                $(Sheet::$name => ($id, $en),)*
            };
            lang.either(id, en)
        }
    };
}

sheet_words! {
    Summary => ("Ringkasan", "Summary"),
    Pemda => ("Pemda", "Pemda"),
    PemdaAggregate => ("Pemda (agregat)", "Pemda (aggregate)"),
    Date => ("Tanggal", "Date"),
    Method => ("Metode penilaian", "Assessment method"),
    Unit => ("Unit", "Unit"),
    Score => ("Nilai", "Score"),
    Category => ("Kategori", "Category"),
    Opinion => ("Opini", "Opinion"),
    Quality => ("Kualitas pelayanan", "Service quality"),
    Zone => ("Zona", "Zone"),
    ChangedAssumptions => ("Asumsi yang diubah", "Changed assumptions"),
    LeftOut => ("Tidak dihitung (tanpa data)", "Left out (no data)"),
    Dimension => ("Dimensi", "Dimension"),
    DimensionScore => ("Nilai dimensi", "Dimension score"),
    Contribution => ("Sumbangan", "Contribution"),
    Indicator => ("Indikator", "Indicator"),
    Product => ("Produk", "Product"),
    Level => ("Tingkat", "Level"),
    Max => ("Maks", "Max"),
    Plan => ("Rencana", "Plan"),
    Planned => ("direncanakan", "planned"),
    AtTop => ("sudah di kategori tertinggi", "already in the top category"),
    Unreachable => ("tidak tercapai", "not reachable"),
    Status => ("Status", "Status"),
    Target => ("Target", "Target"),
    ScoreNow => ("Nilai sekarang", "Score now"),
    Threshold => ("Batas kategori", "Threshold"),
    PointsNeeded => ("Poin dibutuhkan", "Points needed"),
    ScoreAfter => ("Nilai sesudah", "Score after"),
    From => ("Dari", "From"),
    To => ("Ke", "To"),
    Gain => ("Tambahan nilai", "Gain"),
    // The import template (`report::template`); `form::book` reads these names back.
    TemplateUnits => ("Unit", "Units"),
    TemplateIndicators => ("Indikator", "Indicators"),
    UnitName => ("Nama unit", "Unit name"),
    TotalScore => ("Nilai total", "Total score"),
    Trust => ("Kepercayaan masyarakat", "Public trust"),
    Sector => ("Sektor", "Sector"),
    LastYear => ("Nilai tahun lalu", "Last year's score"),
    Key => ("Kode", "Key"),
    Allowed => ("Nilai yang boleh", "Allowed values"),
    UnitsHowTo => (
        "Isi per unit nilai total ATAU nilai per dimensi (0–100), atau kosongkan keduanya dan isi tingkat indikator di lembar Indikator. Baris judul boleh diubah; baris kepala kolom jangan.",
        "Per unit, fill in the total score OR the dimension scores (0–100), or leave both empty and fill in indicator levels on the Indicators sheet. The title rows may change; the header row may not."
    ),
    IndicatorsHowTo => (
        "Satu kolom per unit: isi tingkat tiap indikator (lihat catatan pada nama indikator). Unit yang diisi di sini tidak diberi nilai total atau dimensi di lembar Unit.",
        "One column per unit: fill in each indicator's level (see the note on the indicator's name). A unit filled in here has no total or dimension scores on the Units sheet."
    ),
}

/// A step on answer counts: "12 responden menjawab 4 (0/5/20/3 → 0/0/13/15)".
pub fn answers_change(lang: Lang, respondents: u32, answer: usize, before: &str, after: &str) -> String {
    match lang {
        Lang::Id => format!("{respondents} responden menjawab {answer} ({before} → {after})"),
        Lang::En => format!("{respondents} respondents answering {answer} ({before} → {after})"),
    }
}

/// How the chance was found: every sample, or a random draw with its standard error.
pub fn risk_exact(lang: Lang, samples: u64) -> String {
    match lang {
        Lang::Id => format!("{samples} kemungkinan sampel, dihitung semua"),
        Lang::En => format!("all {samples} possible samples counted"),
    }
}

pub fn risk_random(lang: Lang, samples: u64, possible: &str, error: &str) -> String {
    match lang {
        Lang::Id => format!("{samples} sampel acak dari {possible} kemungkinan, galat baku ±{error} %"),
        Lang::En => format!("{samples} random samples of {possible} possible, standard error ±{error} %"),
    }
}

/// "Peluang mencapai B: 33,3 % (…)".
pub fn risk_reach(lang: Lang, target: &str, percent: &str, how: &str) -> String {
    match lang {
        Lang::Id => format!("Peluang mencapai {target}: {percent} % ({how})."),
        Lang::En => format!("Chance of reaching {target}: {percent} % ({how})."),
    }
}

/// "Sampel terburuk: 72,50 C — Disdukcapil, DPMPTSP".
pub fn risk_sample(lang: Lang, worst: bool, score: &str, category: &str, units: &str) -> String {
    let label = match (lang, worst) {
        (Lang::Id, true) => "Sampel terburuk",
        (Lang::Id, false) => "Sampel terbaik",
        (Lang::En, true) => "Worst sample",
        (Lang::En, false) => "Best sample",
    };
    format!("{label}: {score} {category} — {units}")
}

/// "Puskesmas C: −33,3 poin persen".
pub fn risk_weakest(lang: Lang, unit: &str, percent: &str) -> String {
    format!("{unit}: {percent} {}", lang.either("poin persen", "percentage points"))
}

pub fn robust_unreachable(lang: Lang, target: &str, worst: &str) -> String {
    match lang {
        Lang::Id => {
            format!("Tidak ada perubahan indikator yang membuat setiap sampel mencapai {target}; sampel terburuk paling tinggi {worst}.")
        }
        Lang::En => format!("No indicator changes make every sample reach {target}; the worst sample gets at most {worst}."),
    }
}

pub fn robust_already(lang: Lang, target: &str) -> String {
    match lang {
        Lang::Id => format!("Setiap sampel sudah mencapai {target}."),
        Lang::En => format!("Every sample already reaches {target}."),
    }
}

/// A plan's cost in its unit: "3 langkah", "21,98 poin", "2 indikator".
pub fn cost_words(lang: Lang, cost: u64, unit: CostUnit) -> String {
    match (lang, unit) {
        (Lang::Id, CostUnit::Steps) => format!("{cost} langkah"),
        (Lang::En, CostUnit::Steps) if cost == 1 => "1 step".into(),
        (Lang::En, CostUnit::Steps) => format!("{cost} steps"),
        (Lang::Id, CostUnit::Indicators) => format!("{cost} indikator"),
        (Lang::En, CostUnit::Indicators) if cost == 1 => "1 entry".into(),
        (Lang::En, CostUnit::Indicators) => format!("{cost} entries"),
        (_, CostUnit::Hundredths) => {
            let points = lang.num(Decimal::from(cost) / Decimal::ONE_HUNDRED);
            format!("{points} {}", lang.either("poin", "points"))
        }
    }
}

/// The robust plan in one line; `cost` from `cost_words`.
pub fn robust_summary(lang: Lang, changes: usize, cost: &str, after: &str, category: &str) -> String {
    match lang {
        Lang::Id => format!("{changes} perubahan ({cost}) → sampel terburuk {after}, kategori {category}."),
        Lang::En => format!("{changes} changes ({cost}) → worst sample {after}, category {category}."),
    }
}

/// How sure the robust plan's cost is: the cheapest, or at most `dearer` above it
/// (both from `cost_words`).
pub fn robust_cost(lang: Lang, dearer: Option<&str>, lower_bound: &str) -> String {
    match (lang, dearer) {
        (Lang::Id, None) => "Tidak ada rencana tangguh yang lebih murah.".into(),
        (Lang::En, None) => "No robust plan costs less.".into(),
        (Lang::Id, Some(d)) => format!("Paling banyak {d} lebih mahal daripada yang termurah (batas bawah {lower_bound})."),
        (Lang::En, Some(d)) => format!("At most {d} dearer than the cheapest (lower bound {lower_bound})."),
    }
}

/// The command line's note (in English, as all its output) when an older file held one
/// pemda-level Kepercayaan Masyarakat.
pub fn cli_trust_note(value: &str, used: bool) -> String {
    if used {
        format!("trust: the pemda-level Kepercayaan Masyarakat {value} was given to every unit without one that is not entered as a total; the 2025 method scores it per unit (units[].trust)")
    } else {
        format!("trust: the pemda-level Kepercayaan Masyarakat {value} was not used: every unit is entered as a total, which already holds its own (the 2025 method scores trust per unit, units[].trust)")
    }
}

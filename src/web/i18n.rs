//! Every word the widget shows, in Bahasa Indonesia (the default) and English.

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
    pub fn decimal_comma(self) -> bool {
        self == Lang::Id
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Text {
    AppTitle,
    AppSubtitle,
    SwitchLanguage,
    Ruleset,
    Units,
    UnitName,
    UnitScore,
    AddUnit,
    Remove,
    Result,
    Score,
    Category,
    Opini,
    Zone,
    NoData,
    LeftOut,
    ScoreHint,
    FieldErrorsKeepResult,
}

pub fn t(lang: Lang, text: Text) -> &'static str {
    use Text::*;
    match (lang, text) {
        (Lang::Id, AppTitle) => "Rapor",
        (Lang::En, AppTitle) => "Rapor",
        (Lang::Id, AppSubtitle) => "Kalkulator Penilaian Kepatuhan Pelayanan Publik",
        (Lang::En, AppSubtitle) => "Public Service Compliance Calculator",
        (Lang::Id, SwitchLanguage) => "English",
        (Lang::En, SwitchLanguage) => "Bahasa Indonesia",
        (Lang::Id, Ruleset) => "Metode penilaian",
        (Lang::En, Ruleset) => "Assessment method",
        (Lang::Id, Units) => "Unit layanan yang dinilai",
        (Lang::En, Units) => "Sampled service units",
        (Lang::Id, UnitName) => "Nama unit",
        (Lang::En, UnitName) => "Unit name",
        (Lang::Id, UnitScore) => "Nilai total",
        (Lang::En, UnitScore) => "Total score",
        (Lang::Id, AddUnit) => "Tambah unit",
        (Lang::En, AddUnit) => "Add unit",
        (Lang::Id, Remove) => "Hapus",
        (Lang::En, Remove) => "Remove",
        (Lang::Id, Result) => "Hasil",
        (Lang::En, Result) => "Result",
        (Lang::Id, Score) => "Nilai",
        (Lang::En, Score) => "Score",
        (Lang::Id, Category) => "Kategori",
        (Lang::En, Category) => "Category",
        (Lang::Id, Opini) => "Opini",
        (Lang::En, Opini) => "Opinion",
        (Lang::Id, Zone) => "Zona",
        (Lang::En, Zone) => "Zone",
        (Lang::Id, NoData) => "Isi nilai minimal satu unit untuk melihat hasil.",
        (Lang::En, NoData) => "Enter at least one unit's score to see the result.",
        (Lang::Id, LeftOut) => "Tidak dihitung karena belum ada data:",
        (Lang::En, LeftOut) => "Left out for lack of data:",
        (Lang::Id, ScoreHint) => "0–100, mis. 82,84",
        (Lang::En, ScoreHint) => "0–100, e.g. 82.84",
        (Lang::Id, FieldErrorsKeepResult) => "Ada isian yang belum benar; hasil terakhir yang sah tetap ditampilkan.",
        (Lang::En, FieldErrorsKeepResult) => "Some fields need fixing; the last valid result stays on screen.",
    }
}

/// The zone's name and an icon, so a zone never relies on colour alone.
pub fn zone_label(lang: Lang, zone: &str) -> (&'static str, String) {
    let icon = match zone {
        "hijau" => "✔",
        "kuning" => "▲",
        "merah" => "✖",
        "hitam" => "■",
        _ => "●",
    };
    let name = match (lang, zone) {
        (Lang::Id, z) => format!("Zona {z}"),
        (Lang::En, "hijau") => "Green zone".into(),
        (Lang::En, "kuning") => "Yellow zone".into(),
        (Lang::En, "merah") => "Red zone".into(),
        (Lang::En, "hitam") => "Black zone".into(),
        (Lang::En, z) => format!("Zone {z}"),
    };
    (icon, name)
}

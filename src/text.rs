//! Every word the widget shows, in Bahasa Indonesia (the default) and English.

use rust_decimal::Decimal;

pub use crate::session::Lang;

#[derive(Debug, Clone, Copy)]
pub enum Text {
    AppSubtitle,
    Loading,
    LoadFailed,
    TryAgain,
    SwitchLanguage,
    Presentation,
    Undo,
    Ruleset,
    Sources,
    Assumptions,
    AssumptionsHelp,
    ChangedFromPublished,
    Published,
    ResetAssumptions,
    DimensionWeight,
    IndicatorScale,
    Deduction,
    DeductionHelp,
    Trust,
    TrustHelp,
    FollowedUp,
    TrustNotIncluded,
    ModePoints,
    PointsMax,
    Quality,
    ZoneAssumed,
    Range,
    RangeNote,
    RangeUncertain,
    Units,
    UnitName,
    UnitMode,
    ModeScore,
    ModeDimensions,
    ModeIndicators,
    UnitScore,
    AddUnit,
    Remove,
    MoveUp,
    MoveDown,
    Duplicate,
    CopySuffix,
    Product,
    AddProduct,
    RemoveProduct,
    Lock,
    NotEntered,
    Result,
    Score,
    Category,
    Opini,
    Zone,
    NoData,
    ScoreHint,
    FieldErrorsKeepResult,
    UnitResults,
    Unit,
    Contributions,
    Chart,
    Aggregate,
    Plan,
    ApplyPlan,
    ApplyStep,
    Applied,
    ClearWhatIf,
    Now,
    WhatIf,
    AtTop,
    PlanPending,
    Sector,
    SectorHint,
    SampleRisk,
    SampleRiskHelp,
    Drawn,
    WeakestLinks,
    RobustPlan,
    OwnRulesetFile,
    OwnRulesetHelp,
    OwnRulesetMark,
    RemoveOwnRuleset,
    Criteria,
    ByCounts,
    Answered,
    Respondents,
    Mean,
    MeanNeeded,
    PlanFailed,
    NoIndicatorUnits,
    AlternativesIntro,
    NoSingleFix,
    Changes,
    Redo,
    KeepAndShare,
    ExportJson,
    ImportJson,
    ShareLink,
    ShareUrlLabel,
    CopyLink,
    ExportCsv,
    ExportXlsx,
    PrintReport,
    PemdaName,
    Dismiss,
    StartFresh,
    DownloadKept,
    LongLink,
    ReportDate,
    MissingCounted,
}

/// Every text, so a test can read each in both languages.
pub const ALL: [Text; 108] = [
    Text::AppSubtitle,
    Text::Loading,
    Text::LoadFailed,
    Text::TryAgain,
    Text::SwitchLanguage,
    Text::Presentation,
    Text::Undo,
    Text::Ruleset,
    Text::Sources,
    Text::Assumptions,
    Text::AssumptionsHelp,
    Text::ChangedFromPublished,
    Text::Published,
    Text::ResetAssumptions,
    Text::DimensionWeight,
    Text::IndicatorScale,
    Text::Deduction,
    Text::DeductionHelp,
    Text::Trust,
    Text::TrustHelp,
    Text::FollowedUp,
    Text::TrustNotIncluded,
    Text::ModePoints,
    Text::PointsMax,
    Text::Quality,
    Text::ZoneAssumed,
    Text::Range,
    Text::RangeNote,
    Text::RangeUncertain,
    Text::Units,
    Text::UnitName,
    Text::UnitMode,
    Text::ModeScore,
    Text::ModeDimensions,
    Text::ModeIndicators,
    Text::UnitScore,
    Text::AddUnit,
    Text::Remove,
    Text::MoveUp,
    Text::MoveDown,
    Text::Duplicate,
    Text::CopySuffix,
    Text::Product,
    Text::AddProduct,
    Text::RemoveProduct,
    Text::Lock,
    Text::NotEntered,
    Text::Result,
    Text::Score,
    Text::Category,
    Text::Opini,
    Text::Zone,
    Text::NoData,
    Text::ScoreHint,
    Text::FieldErrorsKeepResult,
    Text::UnitResults,
    Text::Unit,
    Text::Contributions,
    Text::Chart,
    Text::Aggregate,
    Text::Plan,
    Text::ApplyPlan,
    Text::ApplyStep,
    Text::Applied,
    Text::ClearWhatIf,
    Text::Now,
    Text::WhatIf,
    Text::AtTop,
    Text::PlanPending,
    Text::Sector,
    Text::SectorHint,
    Text::SampleRisk,
    Text::SampleRiskHelp,
    Text::Drawn,
    Text::WeakestLinks,
    Text::RobustPlan,
    Text::OwnRulesetFile,
    Text::OwnRulesetHelp,
    Text::OwnRulesetMark,
    Text::RemoveOwnRuleset,
    Text::Criteria,
    Text::ByCounts,
    Text::Answered,
    Text::Respondents,
    Text::Mean,
    Text::MeanNeeded,
    Text::PlanFailed,
    Text::NoIndicatorUnits,
    Text::AlternativesIntro,
    Text::NoSingleFix,
    Text::Changes,
    Text::Redo,
    Text::KeepAndShare,
    Text::ExportJson,
    Text::ImportJson,
    Text::ShareLink,
    Text::ShareUrlLabel,
    Text::CopyLink,
    Text::ExportCsv,
    Text::ExportXlsx,
    Text::PrintReport,
    Text::PemdaName,
    Text::Dismiss,
    Text::StartFresh,
    Text::DownloadKept,
    Text::LongLink,
    Text::ReportDate,
    Text::MissingCounted,
];

pub fn t(lang: Lang, text: Text) -> &'static str {
    use Text::*;
    let (id, en) = match text {
        Loading => ("Memuat metode penilaian…", "Loading the assessment method…"),
        LoadFailed => ("Metode penilaian tidak dapat dimuat. Periksa koneksi, lalu coba lagi.", "The assessment method could not be loaded. Check the connection, then try again."),
        TryAgain => ("Coba lagi", "Try again"),
        AppSubtitle => ("Kalkulator Penilaian Kepatuhan Pelayanan Publik", "Public Service Compliance Calculator"),
        SwitchLanguage => ("English", "Bahasa Indonesia"),
        Presentation => ("Mode presentasi", "Presentation mode"),
        Undo => ("Urungkan", "Undo"),
        Ruleset => ("Metode penilaian", "Assessment method"),
        Sources => ("Sumber", "Sources"),
        Assumptions => ("Asumsi", "Assumptions"),
        AssumptionsHelp => (
            "Hal yang tidak dipublikasikan sumber. Angka di bawah dapat diubah; hasil langsung menyesuaikan.",
            "What the sources leave open. The numbers below can be changed; the result follows at once.",
        ),
        ChangedFromPublished => ("diubah dari nilai terbitan", "changed from the published value"),
        Published => ("terbitan", "published"),
        ResetAssumptions => ("Kembalikan ke nilai terbitan", "Reset to published values"),
        DimensionWeight => ("Bobot dimensi", "Dimension weight"),
        IndicatorScale => ("Nilai tertinggi skala indikator", "Top of the indicator scale"),
        Deduction => ("Pengurangan nilai (produk Ombudsman tidak ditindaklanjuti)", "Deduction (Ombudsman products not followed up)"),
        DeductionHelp => ("Besarnya tidak dipublikasikan; isi sendiri, mis. 2,5", "The amount is not published; enter it, e.g. 2.5"),
        Trust => ("Kepercayaan Masyarakat (0–100)", "Public trust (0–100)"),
        TrustHelp => ("30 % dari nilai unit ini", "30 % of this unit's score"),
        FollowedUp => ("Produk Ombudsman sudah ditindaklanjuti", "Ombudsman products were followed up"),
        TrustNotIncluded => (
            "Ada unit tanpa nilai Kepercayaan Masyarakat (30 % nilai unit); untuk unit itu komponen ini dihitung 0.",
            "Some units have no public trust score (30 % of a unit's score); for them it counts as 0.",
        ),
        ModePoints => ("Dimensi (poin tertimbang)", "Dimensions (weighted points)"),
        PointsMax => ("maks.", "max."),
        Quality => ("Kategori kualitas pelayanan", "Service quality category"),
        ZoneAssumed => ("Zona (asumsi: warna informal 2022–2024)", "Zone (assumed: the informal 2022–2024 colour)"),
        Range => ("Rentang dari angka terbitan yang dibulatkan", "Range allowed by rounded published figures"),
        RangeNote => (
            "Angka terbitan Ombudsman dibulatkan ke 2 desimal, jadi nilai sebenarnya bisa sedikit berbeda.",
            "Ombudsman publishes figures rounded to 2 decimals, so the true score may differ slightly.",
        ),
        RangeUncertain => (
            "Batas kategori ada di dalam rentang ini: kategori bergantung pada angka yang tidak dibulatkan. Tambahkan sedikit margin atau gunakan angka yang lebih rinci.",
            "A category edge lies inside this range: the grade depends on the unrounded figures. Add a small margin or use more precise figures.",
        ),
        Units => ("Unit layanan yang dinilai", "Sampled service units"),
        UnitName => ("Nama unit", "Unit name"),
        UnitMode => ("Isian", "Entry"),
        ModeScore => ("Nilai total", "Total"),
        ModeDimensions => ("Dimensi (skor 0–100)", "Dimensions (0–100)"),
        ModeIndicators => ("Per indikator", "By indicator"),
        UnitScore => ("Nilai total", "Total score"),
        AddUnit => ("Tambah unit", "Add unit"),
        Remove => ("Hapus", "Remove"),
        MoveUp => ("Naikkan", "Move up"),
        MoveDown => ("Turunkan", "Move down"),
        Duplicate => ("Gandakan", "Duplicate"),
        CopySuffix => ("(salinan)", "(copy)"),
        Product => ("Produk", "Product"),
        AddProduct => ("Tambah produk", "Add product"),
        RemoveProduct => ("Kurangi produk", "Remove product"),
        Lock => ("Kunci", "Lock"),
        NotEntered => ("— belum diisi", "— not entered"),
        Result => ("Hasil", "Result"),
        Score => ("Nilai", "Score"),
        Category => ("Kategori", "Category"),
        Opini => ("Opini", "Opinion"),
        Zone => ("Zona", "Zone"),
        NoData => ("Isi nilai minimal satu unit untuk melihat hasil.", "Enter at least one unit's score to see the result."),
        ScoreHint => ("0–100, mis. 82,84", "0–100, e.g. 82.84"),
        FieldErrorsKeepResult => (
            "Ada isian yang belum benar; hasil terakhir yang sah tetap ditampilkan.",
            "Some fields need fixing; the last valid result stays on screen.",
        ),
        UnitResults => ("Nilai per unit", "Scores per unit"),
        Unit => ("Unit", "Unit"),
        Contributions => ("Sumbangan dimensi (poin)", "Dimension contributions (points)"),
        Chart => ("Grafik nilai unit terhadap batas kategori", "Unit scores against the category thresholds"),
        Aggregate => ("Pemda (agregat)", "Pemda (aggregate)"),
        Plan => ("Rencana perbaikan termurah", "Cheapest improvement plan"),
        ApplyPlan => ("Terapkan seluruh rencana (what-if)", "Apply the whole plan (what-if)"),
        ApplyStep => ("Terapkan", "Apply"),
        Applied => ("diterapkan", "applied"),
        ClearWhatIf => ("Hapus skenario what-if", "Clear the what-if scenario"),
        Now => ("Sekarang", "Now"),
        WhatIf => ("Bila diterapkan", "If applied"),
        Criteria => ("Jumlah kriteria", "Number of criteria in"),
        ByCounts => ("Isi jumlah jawaban", "Enter answer counts"),
        Answered => ("menjawab", "answering"),
        Respondents => ("responden", "respondents"),
        Mean => ("rata-rata", "mean"),
        MeanNeeded => ("rata-rata yang diperlukan", "mean needed"),
        OwnRulesetFile => ("Muat metode dari berkas (JSON)", "Load a method from a file (JSON)"),
        OwnRulesetHelp => ("Berkas dengan format yang sama seperti keluaran `rapor ruleset ID`, mis. metode tahun depan. Diperiksa dulu; bila ada masalah, letaknya disebut dan pekerjaan tidak berubah.",
            "A file in the format `rapor ruleset ID` prints, e.g. next year's method. It is checked first; a problem is named with its place, and your work is unchanged."),
        OwnRulesetMark => ("berkas sendiri", "your file"),
        RemoveOwnRuleset => ("Hapus metode dari berkas", "Remove the method from the file"),
        Sector => ("Sektor (bila diundi)", "Sector (if drawn)"),
        SectorHint => ("mis. puskesmas; kosong = selalu masuk sampel", "e.g. puskesmas; empty = always in the sample"),
        SampleRisk => ("Risiko sampel", "Sampling risk"),
        SampleRiskHelp => ("Ombudsman menilai sampel unit: isi berapa unit tiap sektor yang diundi. Setiap sampel dianggap sama peluangnya.",
            "The Ombudsman scores a sample: enter how many units of each sector are drawn. Every sample is taken as equally likely."),
        Drawn => ("Jumlah unit diundi:", "Units drawn:"),
        WeakestLinks => ("Titik terlemah (menurunkan peluang bila terambil)", "Weakest links (lower the chance when drawn)"),
        RobustPlan => ("Rencana tangguh: berlaku untuk sampel mana pun", "Robust plan: holds whatever the sample"),
        PlanPending => ("Menghitung rencana…", "Working out the plan…"),
        PlanFailed => ("Rencana belum dapat dihitung:", "The plan could not be worked out:"),
        AtTop => ("Nilai sudah berada di kategori tertinggi; tidak ada kategori di atasnya.", "The score is already in the top category; there is nothing above it."),
        NoIndicatorUnits => (
            "Rencana per indikator butuh unit yang diisi per indikator. Untuk unit lain, berikut poin yang dibutuhkan:",
            "A plan by indicator needs units entered by indicator. For the other units, the points needed:",
        ),
        AlternativesIntro => ("Atau, bila hanya satu unit/dimensi dinaikkan:", "Or, raising only one unit or dimension:"),
        Changes => ("perubahan", "changes"),
        Redo => ("Ulangi", "Redo"),
        KeepAndShare => ("Simpan dan bagikan", "Keep and share"),
        ExportJson => ("Ekspor JSON", "Export JSON"),
        ImportJson => ("Impor JSON", "Import JSON"),
        ShareLink => ("Buat tautan berbagi", "Make a share link"),
        ShareUrlLabel => ("Tautan berbagi (salin dan kirim)", "Share link (copy and send)"),
        CopyLink => ("Salin", "Copy"),
        ExportCsv => ("Ekspor CSV", "Export CSV"),
        ExportXlsx => ("Ekspor Excel", "Export Excel"),
        PrintReport => ("Cetak laporan", "Print report"),
        PemdaName => ("Nama pemda", "Pemda name"),
        Dismiss => ("Tutup", "Dismiss"),
        StartFresh => ("Mulai baru", "Start fresh"),
        DownloadKept => ("Unduh data lama", "Download the old data"),
        LongLink => (
            "Tautan ini lebih dari 2.000 karakter; sebagian aplikasi memotongnya. Untuk skenario sebesar ini, kirim berkas JSON (Ekspor JSON).",
            "This link is over 2,000 characters; some apps cut such links. For a scenario this large, send the JSON file (Export JSON).",
        ),
        ReportDate => ("Tanggal", "Date"),
        NoSingleFix => (
            "Tidak ada satu unit atau dimensi yang cukup untuk menutup selisih ini sendirian.",
            "No single unit or dimension can close this gap on its own.",
        ),
        MissingCounted => ("isian belum diisi dihitung 0", "entries not filled in count as 0"),
    };
    if lang == Lang::En {
        en
    } else {
        id
    }
}

/// The zone's name and an icon, so a zone never relies on colour alone.
pub fn zone_label(lang: Lang, zone: &str) -> (&'static str, String) {
    let icon = match zone {
        "hijau" => "✔",
        "kuning" => "▲",
        "merah" => "✖",
        _ => "●",
    };
    let name = match (lang, zone) {
        (Lang::Id, z) => format!("Zona {z}"),
        (Lang::En, "hijau") => "Green zone".into(),
        (Lang::En, "kuning") => "Yellow zone".into(),
        (Lang::En, "merah") => "Red zone".into(),
        (Lang::En, z) => format!("Zone {z}"),
    };
    (icon, name)
}

/// Why a worker gave no answer, as the user reads it.
pub fn failure_text(lang: Lang, f: &crate::protocol::Failure) -> String {
    use crate::protocol::Failure;
    let id = lang.indonesian();
    match f {
        Failure::FixFields => {
            if id {
                "Ada isian yang belum benar; perbaiki dulu.".into()
            } else {
                "Some fields need fixing first.".into()
            }
        }
        Failure::Input { path, message_id, message_en } => {
            let at = if path.is_empty() { String::new() } else { format!("{path}: ") };
            format!("{at}{}", if id { message_id } else { message_en })
        }
        Failure::Link(_) => {
            if id {
                "tautan tidak dapat dibaca".into()
            } else {
                "the link cannot be read".into()
            }
        }
        Failure::Request(m) => {
            if id {
                format!("permintaan tidak dapat dijalankan ({m})")
            } else {
                format!("the request could not run ({m})")
            }
        }
        Failure::Unreadable(m) => {
            if id {
                format!("jawaban penghitung tidak dapat dibaca ({m}); muat ulang halaman")
            } else {
                format!("the calculator's answer could not be read ({m}); reload the page")
            }
        }
    }
}

/// Told once when older work held one pemda-level Kepercayaan Masyarakat.
pub fn trust_spread_note(lang: Lang, value: &str, used: bool) -> String {
    if !used {
        return match lang {
            Lang::Id => format!("Data lama ini memuat satu nilai Kepercayaan Masyarakat ({value}) untuk seluruh pemda. Metode 2025 menilainya per unit; semua unit di sini diisi nilai total, yang sudah memuatnya, jadi nilai itu tidak dipakai."),
            Lang::En => format!("This older work held one public trust score ({value}) for the whole pemda. The 2025 method scores it per unit; every unit here is entered as a total, which already holds it, so the value is not used."),
        };
    }
    match lang {
        Lang::Id => format!(
            "Data lama ini memuat satu nilai Kepercayaan Masyarakat ({value}) untuk seluruh pemda. Metode 2025 menilainya per unit, jadi nilai itu kini diisikan ke setiap unit yang belum punya (kecuali unit yang diisi nilai total, yang sudah memuatnya). Periksa dan ubah bila perlu."
        ),
        Lang::En => format!(
            "This older work held one public trust score ({value}) for the whole pemda. The 2025 method scores it per unit, so it now fills every unit that had none (except units entered as a total, which already hold it). Check and change it where needed."
        ),
    }
}

/// "To reach A you need +2,41 points".
pub fn need_sentence(lang: Lang, category: &str, points: Decimal) -> String {
    match lang {
        Lang::Id => format!("Untuk mencapai kategori {category} diperlukan +{} poin.", lang.num(points)),
        Lang::En => format!("To reach category {category} you need +{} points.", lang.num(points)),
    }
}

pub fn unreachable_sentence(lang: Lang, category: &str, best: Decimal) -> String {
    match lang {
        Lang::Id => format!(
            "Kategori {category} tidak tercapai walau semua indikator yang tidak dikunci dinaikkan ke nilai tertinggi; nilai tertinggi yang mungkin: {}.",
            lang.num(best)
        ),
        Lang::En => format!(
            "Category {category} cannot be reached even with every unlocked indicator at its maximum; the best reachable score is {}.",
            lang.num(best)
        ),
    }
}

pub fn plan_summary(lang: Lang, steps: usize, cost: u64, after: Decimal, category: &str) -> String {
    match lang {
        Lang::Id => format!("{steps} perubahan ({cost} langkah) → nilai {}, kategori {category}.", lang.num(after)),
        Lang::En => format!("{steps} changes ({cost} steps) → score {}, category {category}.", lang.num(after)),
    }
}

pub fn left_out_units(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} unit tidak dihitung karena belum ada data:"),
        Lang::En if n == 1 => "1 unit left out for lack of data:".to_string(),
        Lang::En => format!("{n} units left out for lack of data:"),
    }
}

use crate::session::{LinkProblem, Notice};
use crate::share::ShareError;

/// The text of a notice.
pub fn notice_text(lang: Lang, n: &Notice) -> String {
    let id = lang.indonesian();
    match n {
        Notice::KeptAside { version: Some(v), .. } => {
            if id {
                format!("Data tersimpan berasal dari versi Rapor lain (format {v}) dan tidak dapat dibaca di sini. Data itu disimpan terpisah dan tidak akan ditimpa.")
            } else {
                format!("The stored data comes from another version of Rapor (format {v}) and cannot be read here. It has been kept aside and will not be overwritten.")
            }
        }
        Notice::KeptAside { version: None, .. } => {
            if id {
                "Data tersimpan rusak dan tidak dapat dibaca. Data itu disimpan terpisah dan tidak akan ditimpa.".into()
            } else {
                "The stored data is damaged and cannot be read. It has been kept aside and will not be overwritten.".into()
            }
        }
        Notice::RulesetUnavailable(r) => {
            if id {
                format!(
                    "Metode \"{r}\" belum dapat dimuat (tidak ada koneksi?). Pekerjaan Anda tetap seperti semula; coba lagi saat daring."
                )
            } else {
                format!("The method \"{r}\" could not be loaded (no connection?). Your work is unchanged; try again when online.")
            }
        }
        Notice::LinkOpened => {
            if id {
                "Skenario dari tautan dibuka. Pekerjaan sebelumnya dapat dikembalikan dengan Urungkan.".into()
            } else {
                "The scenario from the link is open. Your previous work is one Undo away.".into()
            }
        }
        Notice::LinkDamaged(p) => {
            let why = match p {
                LinkProblem::Code(ShareError::NotALink) => {
                    if id {
                        "bukan tautan Rapor yang dikenal".to_string()
                    } else {
                        "not a Rapor link this version knows".to_string()
                    }
                }
                LinkProblem::Code(ShareError::BadCharacters) => {
                    if id {
                        "tautan terpotong atau memuat karakter asing".to_string()
                    } else {
                        "the link is cut off or has stray characters".to_string()
                    }
                }
                LinkProblem::Code(ShareError::Damaged) => {
                    if id {
                        "isi tautan rusak".to_string()
                    } else {
                        "the link's content is damaged".to_string()
                    }
                }
                LinkProblem::Scenario(p) => format!("{}: {}", p.path, if id { &p.message_id } else { &p.message_en }),
            };
            if id {
                format!("Tautan tidak dapat dibuka ({why}). Pekerjaan Anda tidak berubah.")
            } else {
                format!("The link cannot be opened ({why}). Your work is unchanged.")
            }
        }
        Notice::OwnRuleset { file, title } => {
            if id {
                format!(
                    "Metode \u{201c}{title}\u{201d} dari berkas {file} dipakai. Metode ini disimpan bersama pekerjaan, ekspor dan tautan."
                )
            } else {
                format!("The method \u{201c}{title}\u{201d} from {file} is in use. It is saved with the work, exports and links.")
            }
        }
        Notice::Imported(f) => {
            if id {
                format!("Berkas {f} diimpor. Urungkan mengembalikan pekerjaan sebelumnya.")
            } else {
                format!("{f} imported. Undo brings back your previous work.")
            }
        }
        Notice::ImportFailed { file, problem } => {
            let at = if problem.path.is_empty() { String::new() } else { format!("{}: ", problem.path) };
            if id {
                format!("Berkas {file} tidak dapat diimpor — {at}{}. Pekerjaan Anda tidak berubah.", problem.message_id)
            } else {
                format!("{file} cannot be imported — {at}{}. Your work is unchanged.", problem.message_en)
            }
        }
        Notice::FixFieldsFirst => {
            if id {
                "Perbaiki isian yang ditandai merah sebelum mengekspor atau berbagi.".into()
            } else {
                "Fix the fields marked in red before exporting or sharing.".into()
            }
        }
        Notice::StorageRefused => {
            if id {
                "Peramban menolak menyimpan otomatis (mode privat atau penyimpanan penuh). Ekspor JSON untuk menyimpan pekerjaan.".into()
            } else {
                "The browser refused to autosave (private mode or storage full). Export JSON to keep your work.".into()
            }
        }
    }
}

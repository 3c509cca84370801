//! The widget's own labels and sentences.

use rust_decimal::Decimal;

use super::Lang;

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
    OfflineReady,
    PlanNeedsData,
    OfflineWorking,
    StepPoints,
    StepPointsUnit,
    AddMargin,
    RemoveMargin,
    LockUnit,
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
    AlternativesIntro,
    NoSingleFix,
    Changes,
    Redo,
    TopGrade,
    StripLabel,
    ZoneAssumedShort,
    UnitMenu,
    TrustShort,
    GridKeys,
    MethodAndAssumptions,
    CheckSettings,
    EditData,
    SheetKeys,
    KeepAndShare,
    ExportJson,
    ImportJson,
    ImportTable,
    ComparedWith,
    DownloadTemplate,
    MergeFile,
    BaselineFile,
    ClearBaseline,
    MergeReplace,
    MergeKeepBoth,
    Cancel,
    ShareQr,
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
    KeepLink,
    BackToOwnWork,
    LongLink,
    ReportDate,
    MissingCounted,
}

/// Every text, so a test can read each in both languages.
pub const ALL: [Text; 137] = [
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
    Text::OfflineReady,
    Text::PlanNeedsData,
    Text::OfflineWorking,
    Text::StepPoints,
    Text::StepPointsUnit,
    Text::AddMargin,
    Text::RemoveMargin,
    Text::LockUnit,
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
    Text::AlternativesIntro,
    Text::NoSingleFix,
    Text::Changes,
    Text::Redo,
    Text::TopGrade,
    Text::StripLabel,
    Text::ZoneAssumedShort,
    Text::UnitMenu,
    Text::TrustShort,
    Text::GridKeys,
    Text::MethodAndAssumptions,
    Text::CheckSettings,
    Text::EditData,
    Text::SheetKeys,
    Text::KeepAndShare,
    Text::ExportJson,
    Text::ImportJson,
    Text::ImportTable,
    Text::ComparedWith,
    Text::DownloadTemplate,
    Text::MergeFile,
    Text::BaselineFile,
    Text::ClearBaseline,
    Text::MergeReplace,
    Text::MergeKeepBoth,
    Text::Cancel,
    Text::ShareQr,
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
    Text::KeepLink,
    Text::BackToOwnWork,
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
        OfflineReady => ("Siapkan untuk dipakai luring", "Make ready for offline use"),
        PlanNeedsData => ("Isi nilai minimal satu unit untuk melihat rencana.", "Enter at least one unit's score to see the plan."),
        OfflineWorking => ("Menyiapkan…", "Preparing…"),
        StepPoints => ("1 langkah level indikator setara", "1 indicator level step counts as"),
        StepPointsUnit => ("poin", "points"),
        AddMargin => ("Rencanakan dengan margin +0,01", "Plan with a +0.01 margin"),
        RemoveMargin => ("Tanpa margin", "No margin"),
        LockUnit => ("Kunci nilai unit ini (rencana tidak menaikkannya)", "Lock this unit's scores (the plan leaves them)"),
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
        OwnRulesetHelp => ("Berkas metode penilaian (JSON) dalam format metode bawaan Rapor, mis. metode tahun depan yang disiapkan tim Anda. Diperiksa dulu; bila ada masalah, letaknya disebut dan pekerjaan tidak berubah.",
            "A method file (JSON) in the format of Rapor's own methods, e.g. next year's method prepared by your team. It is checked first; a problem is named with its place, and your work is unchanged."),
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
        AlternativesIntro => ("Atau, bila hanya satu unit/dimensi dinaikkan:", "Or, raising only one unit or dimension:"),
        Changes => ("perubahan", "changes"),
        Redo => ("Ulangi", "Redo"),
        TopGrade => ("kategori tertinggi", "top category"),
        StripLabel => ("Hasil pemda", "The pemda's result"),
        ZoneAssumedShort => ("Zona (asumsi)", "Zone (assumed)"),
        UnitMenu => ("Menu unit", "Unit menu"),
        MethodAndAssumptions => ("Metode & asumsi", "Method & assumptions"),
        EditData => ("Ubah data unit", "Edit the units"),
        SheetKeys => (
            "Ketik angka tingkat: terisi dan lanjut ke indikator berikutnya · Delete: kosongkan · L: kunci",
            "Type a level's number: it is set and the next indicator is next · Delete: clear · L: lock",
        ),
        CheckSettings => ("ada isian yang perlu diperbaiki", "a field here needs fixing"),
        TrustShort => ("Kepercayaan", "Trust"),
        GridKeys => (
            "Enter/↓: unit berikutnya · Tab: kolom berikutnya · ← di awal baris: isian dan nama unit · → di akhir baris: menu unit",
            "Enter/↓: next unit · Tab: next column · ← at the start of a row: entry level and name · → at the end of a row: unit menu",
        ),
        KeepAndShare => ("Simpan dan bagikan", "Keep and share"),
        ExportJson => ("Ekspor JSON", "Export JSON"),
        ImportJson => ("Impor JSON", "Import JSON"),
        ImportTable => ("Impor tabel (Excel, CSV)", "Import a table (Excel, CSV)"),
        ComparedWith => ("Dibanding tahun lalu", "Against last year"),
        DownloadTemplate => ("Unduh templat Excel", "Download the Excel template"),
        MergeFile => ("Gabungkan unit dari berkas", "Merge units from a file"),
        BaselineFile => ("Muat hasil tahun lalu", "Load last year's result"),
        ClearBaseline => ("Hapus pembanding", "Clear the comparison"),
        MergeReplace => ("Ganti unit yang sama nama", "Replace the units of the same name"),
        MergeKeepBoth => ("Simpan keduanya", "Keep both"),
        Cancel => ("Batal", "Cancel"),
        ShareQr => ("Kode QR tautan berbagi: pindai dengan kamera ponsel", "QR code of the share link: scan it with a phone's camera"),
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
        KeepLink => ("Simpan skenario tautan", "Keep the link's scenario"),
        BackToOwnWork => ("Kembali ke pekerjaan saya", "Back to my work"),
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

/// The result strip's distance to the next grade: "+3,87 lagi ke A".
pub fn to_next(lang: Lang, points: Decimal, category: &str) -> String {
    match lang {
        Lang::Id => format!("+{} lagi ke {category}", lang.num(points)),
        Lang::En => format!("+{} more to {category}", lang.num(points)),
    }
}

/// The change from last year: "+4,13 dari 80,00", "−1.20 from 80.00", "±0,00 dari 80,00"
/// (both figures as their methods rounded them).
pub fn change_from(lang: Lang, now: Decimal, then: Decimal) -> String {
    let d = now - then;
    let sign = if d > Decimal::ZERO {
        "+"
    } else if d < Decimal::ZERO {
        "−"
    } else {
        "±"
    };
    // Two decimals, as the scores beside it show.
    let two = |x: Decimal| {
        let mut x = x.round_dp(2);
        x.rescale(2);
        lang.num(x)
    };
    let (amount, then) = (two(d.abs()), two(then));
    match lang {
        Lang::Id => format!("{sign}{amount} dari {then}"),
        Lang::En => format!("{sign}{amount} from {then}"),
    }
}

/// "3 perubahan", "1 change", "3 changes".
pub fn changes_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} perubahan"),
        Lang::En if n == 1 => "1 change".into(),
        Lang::En => format!("{n} changes"),
    }
}

/// A plan that raises totals or dimension scores: "3 perubahan (+36,47 poin) → …".
pub fn plan_summary_points(lang: Lang, steps: usize, points: Decimal, after: Decimal, category: &str) -> String {
    match lang {
        Lang::Id => format!("{steps} perubahan (+{} poin) → nilai {}, kategori {category}.", lang.num(points), lang.num(after)),
        Lang::En => format!("{steps} changes (+{} points) → score {}, category {category}.", lang.num(points), lang.num(after)),
    }
}

/// A plan that raises indicators beside totals or dimensions: "4 perubahan (2 indikator,
/// +5,20 poin) → …".
pub fn plan_summary_mixed(lang: Lang, changes: usize, indicators: usize, points: Decimal, after: Decimal, category: &str) -> String {
    let (p, a) = (lang.num(points), lang.num(after));
    match lang {
        Lang::Id => format!("{changes} perubahan ({indicators} indikator, +{p} poin) → nilai {a}, kategori {category}."),
        Lang::En => format!("{changes} changes ({indicators} indicators, +{p} points) → score {a}, category {category}."),
    }
}

/// A plan in points that raises one thing in several units to one level: "Naikkan
/// nilai total Dinas Sosial, Puskesmas 2 dan Dinas Kesehatan ke 84,20." (`what` names
/// the total or the dimension; `level` may be a range, "87,49–87,50").
pub fn raise_to(lang: Lang, what: &str, units: &[String], level: &str) -> String {
    let (and, verb) = match lang {
        Lang::Id => (" dan ", "Naikkan"),
        Lang::En => (" and ", "Raise"),
    };
    let names = match units.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
        None => String::new(),
    };
    // The names are a method's own ("Proses", "Nilai total"): lower-case their first
    // letter only, in ASCII (Unicode's case tables would weigh on the page's first load).
    let mut what = what.to_string();
    if let Some(first) = what.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    match lang {
        Lang::Id => format!("{verb} {what} {names} ke {level}."),
        Lang::En => format!("{verb} the {what} of {names} to {level}."),
    }
}

/// What "Siapkan untuk dipakai luring" downloads.
pub fn offline_size(lang: Lang, kb: u32) -> String {
    match lang {
        Lang::Id => {
            format!(
                "Menyimpan semua metode, berkas dan tautan (JSON, CSV, tautan berbagi) dan alat Excel (ekspor, templat, impor) di peramban ini: mengunduh paling banyak ± {kb} KB."
            )
        }
        Lang::En => {
            format!(
                "Keeps every method, files and links (JSON, CSV, share links) and the Excel tools (export, template, import) in this browser: downloads at most about {kb} KB."
            )
        }
    }
}

/// The offline cache is ready.
pub fn offline_done(lang: Lang, files: u32) -> String {
    match lang {
        Lang::Id => format!("Siap dipakai luring: {files} berkas tersimpan di peramban ini."),
        Lang::En => format!("Ready for offline use: {files} files kept in this browser."),
    }
}

/// How the plan weighs the two kinds of change against each other.
pub fn step_points_note(lang: Lang) -> &'static str {
    lang.either(
        "Rencana ini memilih antara menaikkan level indikator dan menaikkan nilai total atau dimensi unit; biaya keduanya dibandingkan dengan kurs ini (kosong: 1 poin).",
        "This plan chooses between raising indicator levels and raising unit totals or dimension scores; their costs are compared at this rate (empty: 1 point).",
    )
}

/// A plan whose result rounded entries may put below the target (§2b).
pub fn plan_uncertain(lang: Lang, low: Decimal, category: &str, target: &str) -> String {
    match lang {
        Lang::Id => format!(
            "Hasil rencana ini tepat di batas: bila angka yang dimasukkan adalah hasil pembulatan, nilainya bisa serendah {} ({category}), di bawah {target}.",
            lang.num(low)
        ),
        Lang::En => format!(
            "This plan ends right at the threshold: if the figures entered are rounded, the score may be as low as {} ({category}), below {target}.",
            lang.num(low)
        ),
    }
}

/// The plan aims `margin` above the threshold.
pub fn plan_margin(lang: Lang, margin: &str) -> String {
    match lang {
        Lang::Id => format!("Rencana dengan margin aman +{margin} di atas batas."),
        Lang::En => format!("Planned with a safety margin of +{margin} above the threshold."),
    }
}

pub fn left_out_units(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Id => format!("{n} unit tidak dihitung karena belum ada data:"),
        Lang::En if n == 1 => "1 unit left out for lack of data:".to_string(),
        Lang::En => format!("{n} units left out for lack of data:"),
    }
}

//! The words of everything a user can get wrong (the engine's `InputError`): an entry on
//! the page, a scenario or method file, a share link or a command. `message` words any
//! problem; `field_message` is the page's, which meets only its own fields' problems.

use super::Lang;
use crate::engine::error::{Expected, InputError, Listing, Problem, Rule, Says};
use rust_decimal::Decimal;
use std::fmt;

impl InputError {
    /// The message in the given language, without the path.
    pub fn message(&self, lang: Lang) -> String {
        let indonesian = lang.indonesian();
        match &self.problem {
            Problem::Rule(r) => rule_text(r, indonesian),
            Problem::Says(s) => says_text(s, indonesian),
            p => problem_text(p, indonesian),
        }
    }

    /// The message as the page words it. The page meets only the problems of its own
    /// fields: method files, scenario files and links are checked by the `rapor-io`
    /// worker, which words them in full (`message`), so the page does not carry those
    /// words; should one reach it anyway, it gets a general sentence.
    pub fn field_message(&self, lang: Lang) -> String {
        let indonesian = lang.indonesian();
        match &self.problem {
            Problem::Says(Says::Unreadable(m)) => {
                if indonesian {
                    format!("tidak terbaca ({m})")
                } else {
                    m.clone()
                }
            }
            // Checked again as the page takes a method the worker passed (session).
            Problem::Says(Says::BuiltInId(id)) => built_in_id(id, indonesian),
            Problem::Rule(_) | Problem::Says(_) => {
                if indonesian {
                    "isian ini tidak dapat dipakai; periksa berkas atau tautannya".into()
                } else {
                    "this cannot be used; check the file or link".into()
                }
            }
            p => problem_text(p, indonesian),
        }
    }
}

/// A user's method under a shipped id: the worker's words and the page's.
fn built_in_id(id: &str, indonesian: bool) -> String {
    if indonesian {
        format!("\"{id}\" adalah id metode bawaan; beri metode Anda id sendiri, mis. \"{id}-pemda\"")
    } else {
        format!("{id:?} is the id of a built-in method; give your method an id of its own, e.g. \"{id}-pemda\"")
    }
}

/// The words of every problem but a ruleset's (`Rule`) and a file's (`Says`).
fn problem_text(p: &Problem, id: bool) -> String {
    let n = |v: &Decimal| {
        let s = v.normalize().to_string();
        if id {
            s.replace('.', ",")
        } else {
            s
        }
    };
    match (p, id) {
        (Problem::NotANumber(t), false) => format!("{t:?} is not a number"),
        (Problem::NotANumber(t), true) => format!("\"{t}\" bukan angka"),
        (Problem::TooLong(t), false) => format!("{t} has more digits than Rapor computes exactly (28 at most)"),
        (Problem::TooLong(t), true) => format!("{t} memiliki lebih banyak digit daripada yang dapat dihitung tepat (paling banyak 28)"),
        (Problem::ThousandsDot(t), false) => {
            let (comma, whole) = (t.replacen('.', ",", 1), t.replacen('.', "", 1));
            format!("{t:?} could be read as thousands: write {comma} for a decimal (comma) or {whole} for the whole number")
        }
        (Problem::ThousandsDot(t), true) => {
            let (comma, whole) = (t.replacen('.', ",", 1), t.replacen('.', "", 1));
            format!("\"{t}\" bisa terbaca ribuan: tulis {comma} untuk desimal atau {whole} untuk bilangan bulat")
        }
        (Problem::TwoSeparators(t), false) => {
            format!("{t:?} has more than one decimal separator; write e.g. 82,84 or 82.84")
        }
        (Problem::TwoSeparators(t), true) => {
            format!("\"{t}\" memuat lebih dari satu pemisah desimal; tulis mis. 82,84")
        }
        (Problem::Expected(what), false) => format!("expected {}", expected(*what).1),
        (Problem::Expected(what), true) => format!("seharusnya {}", expected(*what).0),
        (Problem::AboveMax { value, max }, false) => {
            format!("{} is above the maximum {}", n(value), n(max))
        }
        (Problem::AboveMax { value, max }, true) => {
            format!("{} melebihi nilai maksimum {}", n(value), n(max))
        }
        (Problem::BelowMin { value, min }, false) => {
            format!("{} is below the minimum {}", n(value), n(min))
        }
        (Problem::BelowMin { value, min }, true) => {
            format!("{} di bawah nilai minimum {}", n(value), n(min))
        }
        (Problem::NotALevel { value, min, max }, false) => {
            format!("{} is not a level of the scale {min}–{max} (whole numbers)", n(value))
        }
        (Problem::NotALevel { value, min, max }, true) => {
            format!("{} bukan tingkat pada skala {min}–{max} (bilangan bulat)", n(value))
        }
        (Problem::NotListed { value, levels }, false) => format!("{} is not one of the levels {levels}", n(value)),
        (Problem::NotListed { value, levels }, true) => format!("{} bukan salah satu tingkat {levels}", n(value)),
        (Problem::NotACount { text, max }, false) => format!("{text:?} is not a number of respondents (a whole number 0–{max})"),
        (Problem::NotACount { text, max }, true) => format!("\"{text}\" bukan jumlah responden (bilangan bulat 0–{max})"),
        (Problem::UnknownField, false) => "unknown field".into(),
        (Problem::UnknownField, true) => "isian tidak dikenal".into(),
        (Problem::UnknownRuleset(r), false) => format!("unknown ruleset {r:?}"),
        (Problem::UnknownRuleset(r), true) => format!("aturan penilaian \"{r}\" tidak dikenal"),
        (Problem::UnknownDimension(d), false) => format!("this ruleset has no dimension {d:?}"),
        (Problem::UnknownDimension(d), true) => format!("aturan ini tidak punya dimensi \"{d}\""),
        (Problem::UnknownIndicator(i), false) => format!("this ruleset has no indicator {i:?}"),
        (Problem::UnknownIndicator(i), true) => format!("aturan ini tidak punya indikator \"{i}\""),
        (Problem::AmbiguousIndicator { id, candidates }, false) => {
            format!("{id:?} is ambiguous: write {}", candidates.join(" or "))
        }
        (Problem::AmbiguousIndicator { id, candidates }, true) => {
            format!("\"{id}\" tidak jelas: tulis {}", candidates.join(" atau "))
        }
        (Problem::GivenTwice(k), false) => format!("{k} is given twice"),
        (Problem::GivenTwice(k), true) => format!("{k} diisi dua kali"),
        (Problem::TrustInTotal, false) => {
            "a unit entered as a total already includes its Kepercayaan Masyarakat; enter it with dimensions or indicators".into()
        }
        (Problem::TrustInTotal, true) => {
            "nilai total unit sudah memuat Kepercayaan Masyarakat; isi per dimensi atau indikator untuk memasukkannya".into()
        }
        (Problem::ProductCount { expected, got }, false) => {
            format!("expected one value per product ({expected}), got {got}")
        }
        (Problem::ProductCount { expected, got }, true) => {
            format!("seharusnya satu nilai per produk ({expected}), ada {got}")
        }
        (Problem::MixedLevels, false) => "give only one of score, dimensions, dimension_points or indicators".into(),
        (Problem::MixedLevels, true) => "isi hanya salah satu: nilai, dimensi, poin dimensi, atau indikator".into(),
        (Problem::NoData, false) => "no unit has any data yet".into(),
        (Problem::NoData, true) => "belum ada unit yang berisi data".into(),
        (Problem::TooManyDecimals { max }, false) => format!("use at most {max} decimals"),
        (Problem::TooManyDecimals { max }, true) => format!("gunakan paling banyak {max} angka desimal"),
        (Problem::NotPositive, false) => "must be above 0".into(),
        (Problem::NotPositive, true) => "harus lebih dari 0".into(),
        (Problem::TooPrecise, false) => "these numbers are too precise to compute exactly".into(),
        (Problem::TooPrecise, true) => "angka-angka ini terlalu rinci untuk dihitung tepat".into(),
        (Problem::TooMany { what, got }, indonesian) => {
            use crate::engine::limits::Counted;
            let max = crate::engine::limits::max_of(*what);
            let (id, en) = match what {
                Counted::Units => ("unit", "units"),
                Counted::Dimensions => ("dimensi", "dimensions"),
                Counted::Indicators => ("indikator dalam satu dimensi", "indicators in one dimension"),
                Counted::MethodIndicators => ("indikator dalam satu metode", "indicators in one method"),
                Counted::Entries => ("isian dalam satu unit", "entries in one unit"),
                Counted::NameChars => ("karakter", "characters"),
                Counted::WidgetFields => ("isian di widget", "fields in the widget"),
            };
            let (more_id, more_en) = match what {
                Counted::WidgetFields => ("; perintah rapor membaca berkas sebesar ini", "; the rapor command reads files this large"),
                _ => ("", ""),
            };
            if indonesian {
                format!("paling banyak {max} {id} (tertulis {got}){more_id}")
            } else {
                format!("at most {max} {en} (got {got}){more_en}")
            }
        }
        (Problem::NotInRuleset(what), false) => format!("this ruleset has no {what}"),
        (Problem::NotInRuleset(what), true) => format!(
            "aturan ini tidak memakai {}",
            match *what {
                "deduction" => "pengurangan nilai",
                "Kepercayaan Masyarakat (trust)" => "Kepercayaan Masyarakat",
                other => other,
            }
        ),
        (Problem::Rule(_) | Problem::Says(_), _) => String::new(),
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message(Lang::En))
        } else {
            write!(f, "{}: {}", self.path, self.message(Lang::En))
        }
    }
}

fn says_text(s: &Says, id: bool) -> String {
    let pick = |i: String, e: String| if id { i } else { e };
    match s {
        Says::NoRobustPlan(n) => {
            pick(format!("tidak ada rencana tangguh yang ditemukan dalam {n} putaran"), format!("no robust plan found in {n} rounds"))
        }
        Says::UnknownTarget { given, known } => pick(
            format!("kategori \"{given}\" tidak dikenal; aturan ini memakai {known}"),
            format!("unknown category {given:?}; this ruleset has {known}"),
        ),
        Says::NotACategoryOf { given, ruleset, known } => {
            pick(format!("\"{given}\" bukan kategori {ruleset} ({known})"), format!("{given:?} is not a category of {ruleset} ({known})"))
        }
        Says::Unreadable(m) => pick(format!("tidak terbaca ({m})"), m.clone()),
        Says::NotJson(m) => pick(format!("bukan JSON yang sah ({m})"), format!("not valid JSON: {m}")),
        Says::FixedScale => pick(
            "skala aturan ini tetap (huruf atau jawaban), tidak dapat diubah".into(),
            "this ruleset's scale is fixed (letters or answers), it cannot be changed".into(),
        ),
        Says::NoScoresYet => pick("belum ada unit yang bernilai".into(), "no unit has a score yet".into()),
        Says::NoSuchSector(n) => pick(format!("tidak ada unit dengan sektor \"{n}\""), format!("no unit has the sector {n:?}")),
        Says::TooFewScored { draw, sector, scored, listed } => pick(
            format!("{draw} unit \"{sector}\" diundi, tetapi baru {scored} dari {listed} unitnya yang bernilai"),
            format!("{draw} of {sector:?} are drawn but only {scored} of its {listed} units have scores"),
        ),
        Says::UnsupportedFormat { got, newest } => pick(
            format!("format {got} belum dikenal; versi ini membaca 1 sampai {newest}"),
            format!("unsupported format {got}; this version reads 1 to {newest}"),
        ),
        Says::MissingRuleset => pick(
            "belum ada: sebutkan aturan penilaian, mis. \"ombudsman-2025\"".into(),
            "missing: name the ruleset, e.g. \"ombudsman-2023\"".into(),
        ),
        Says::MissingUnits => pick("belum ada: daftar unit yang disampel".into(), "missing: list the sampled units".into()),
        Says::NotTheCustomId { ruleset, custom } => pick(
            format!("\"{ruleset}\" bukan id custom_ruleset (\"{custom}\")"),
            format!("{ruleset:?} is not the id of the custom_ruleset ({custom:?})"),
        ),
        Says::BuiltInId(x) => built_in_id(x, id),
        Says::LinkTooLongForQr(n) => pick(
            format!(
                "tautan ini {n} karakter, terlalu panjang untuk kode QR yang terbaca dari layar (paling banyak 1000); bagikan file JSON"
            ),
            format!("this link is {n} characters, too long for a QR code that scans from a screen (1000 at most); share the JSON file"),
        ),
        Says::OtherMethod { file, title, title_en, page } => pick(
            format!("berkas ini memakai metode \"{title}\" ({file}), halaman ini {page}; pilih metode itu dulu, atau minta berkas dengan metode yang sama"),
            format!(
                "this file uses the method \"{}\" ({file}), this page {page}; choose that method first, or ask for a file under the same method",
                if title_en.is_empty() { title } else { title_en }
            ),
        ),
        Says::NotAWorkbook(why) => {
            pick(format!("bukan buku kerja Excel (.xlsx) yang utuh ({why})"), format!("not a whole Excel workbook (.xlsx) ({why})"))
        }
        Says::NoHeaderRow => pick(
            "tidak ada baris judul kolom; baris pertama tabel harus memuat \"Nama unit\" dan \"Nilai total\" atau nama dimensi".into(),
            "no header row; the table's first row must hold \"Nama unit\" (or \"Unit name\") and \"Nilai total\" or the dimensions' names"
                .into(),
        ),
        Says::ValueAndCounts(k) => pick(
            format!("\"{k}\" diisi sebagai nilai sekaligus jumlah jawaban"),
            format!("{k:?} is given both as a value and as answer counts"),
        ),
        Says::NotFromAnswers => pick(
            "indikator ini tidak dinilai dari jawaban responden".into(),
            "this indicator is not scored from respondents' answers".into(),
        ),
        Says::CountsPerAnswer { answers, min, max, got } => pick(
            format!("isi {answers} jumlah, berapa responden menjawab {min} sampai {max} (tertulis {got})"),
            format!("give {answers} counts, how many respondents answered {min} to {max} (got {got})"),
        ),
        Says::ProductsPerList(n) => pick(format!("isi 1 sampai 10 produk (tertulis {n})"), format!("give 1 to 10 products (got {n})")),
    }
}

fn rule_text(r: &Rule, id: bool) -> String {
    // Numbers as the language writes them (a decimal comma in Indonesian).
    let n = |v: &Decimal| if id { v.to_string().replace('.', ",") } else { v.to_string() };
    let pick = |i: String, e: String| if id { i } else { e };
    match r {
        Rule::NotAnId(x) => pick(
            format!("\"{x}\" harus huruf kecil, angka dan tanda hubung"),
            format!("{x:?} must be lowercase letters, digits and hyphens"),
        ),
        Rule::NoneListed(l) => {
            let (i, e) = match l {
                Listing::Year => ("tahun", "year"),
                Listing::Dimension => ("dimensi", "dimension"),
                Listing::Indicator => ("indikator", "indicator"),
                Listing::Band => ("kategori", "band"),
            };
            pick(format!("sebutkan paling sedikit satu {i}"), format!("must list at least one {e}"))
        }
        Rule::NotPositive(None) => pick("harus lebih dari 0".into(), "must be positive".into()),
        Rule::NotPositive(Some(v)) => pick(format!("harus lebih dari 0 (tertulis {})", n(v)), format!("must be positive (got {v})")),
        Rule::Products(p) => pick(format!("harus 1 sampai 10 (tertulis {p})"), format!("must be 1 to 10 (got {p})")),
        Rule::TooManyUnits(k) => pick(format!("paling banyak 100 unit (tertulis {k})"), format!("list at most 100 units (got {k})")),
        Rule::UnitName => pick("harus nama unit (1 sampai 200 karakter)".into(), "must be a unit's name (1 to 200 characters)".into()),
        Rule::RoundingPlaces => pick("paling banyak 10".into(), "must be 10 or fewer".into()),
        Rule::UsedTwice(x) => pick(format!("\"{x}\" dipakai dua kali"), format!("{x:?} is used twice")),
        Rule::UsedTwiceIn(x, d) => pick(format!("\"{x}\" dipakai dua kali di {d}"), format!("{x:?} is used twice in {d}")),
        Rule::MaxNotAboveMin { min, max } => {
            pick(format!("harus di atas min {min} (tertulis {max})"), format!("must be above min {min} (got {max})"))
        }
        Rule::LevelOutside { value, min, max } => {
            pick(format!("{value} di luar skala {min}–{max}"), format!("{value} is outside the scale {min}–{max}"))
        }
        Rule::DescribedTwice(v) => pick(format!("{v} diuraikan dua kali"), format!("{v} is described twice")),
        Rule::LevelsOnlyFractional => pick(
            "tidak boleh true bersama levels_only (nilainya adalah tingkat yang didaftar)".into(),
            "cannot be true with levels_only (values are the listed levels)".into(),
        ),
        Rule::LevelsOnlyEnd { end, min, max } => pick(
            format!("levels_only memerlukan tingkat {end}, ujung skala {min}–{max}"),
            format!("levels_only needs a level at {end}, the end of the scale {min}–{max}"),
        ),
        Rule::TrustWeight(w) => {
            pick(format!("harus di antara 0 dan 100 persen (tertulis {})", n(w)), format!("must be between 0 and 100 percent (got {w})"))
        }
        Rule::EmptyCategory => pick("tidak boleh kosong".into(), "must not be empty".into()),
        Rule::FinerThanRounding { min, places } => pick(
            format!("{} memiliki lebih banyak desimal daripada pembulatan ({places} desimal), sehingga ada celah", n(min)),
            format!("{min} has more decimals than the rounding precision ({places} places), leaving a gap"),
        ),
        Rule::BandOutside { min, max } => pick(format!("{} di luar 0–{}", n(min), n(max)), format!("{min} is outside 0–{max}")),
        Rule::NotTopDown { min, above } => pick(
            format!("kategori harus diurutkan dari atas ke bawah: {} tidak di bawah {}", n(min), n(above)),
            format!("bands must be listed from the top down: {min} is not below {above}"),
        ),
        Rule::BottomBand => pick(
            "kategori terbawah harus mulai dari 0, termasuk 0, agar setiap nilai berkategori".into(),
            "the lowest band must start at 0, inclusive, so every score has a category".into(),
        ),
    }
}

/// What a field should have held: (Bahasa Indonesia, English).
fn expected(what: Expected) -> (&'static str, &'static str) {
    match what {
        Expected::Object => ("objek", "an object"),
        Expected::List => ("daftar", "a list"),
        Expected::Number => ("angka", "a number"),
        Expected::Text => ("teks", "a string"),
        Expected::TrueOrFalse => ("true atau false", "true or false"),
        Expected::PositiveWhole => ("bilangan bulat positif", "a positive whole number"),
        Expected::UnitsDrawn => ("jumlah unit diundi, bilangan bulat positif", "a positive whole number of units drawn"),
        Expected::SingleValue => ("satu nilai (indikator ini tidak per produk)", "a single value (this indicator is not per product)"),
        Expected::CountsPerAnswer => ("daftar jumlah responden, satu per jawaban", "a list of respondent counts, one per answer"),
        Expected::ScaleTop => ("bilangan bulat 1 sampai 10", "a whole number from 1 to 10"),
        Expected::CriteriaCount => ("jumlah kriteria, bilangan bulat 1 sampai 50", "a whole number of criteria from 1 to 50"),
        Expected::SectorName => ("nama sektor, mis. \"puskesmas\"", "a sector name, e.g. \"puskesmas\""),
        Expected::StepPoints => ("poin per langkah level, 0,01 sampai 100", "points per level step, from 0.01 to 100"),
        Expected::Margin => ("margin 0 sampai 10, paling banyak dua desimal", "a margin from 0 to 10, at most two decimals"),
    }
}

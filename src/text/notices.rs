//! The notice bar's sentences and why a worker gave no answer, each from the data the
//! notice carries. `session::Notice::text` and `protocol::Failure::text` pick one.

use super::Lang;

/// Stored work that could not be read, from another format `version` or damaged.
pub fn kept_aside(lang: Lang, version: Option<u32>) -> String {
    match (lang, version) {
        (Lang::Id, Some(v)) => format!("Data tersimpan berasal dari versi Rapor lain (format {v}) dan tidak dapat dibaca di sini. Data itu disimpan terpisah dan tidak akan ditimpa."),
        (Lang::En, Some(v)) => format!("The stored data comes from another version of Rapor (format {v}) and cannot be read here. It has been kept aside and will not be overwritten."),
        (Lang::Id, None) => "Data tersimpan rusak dan tidak dapat dibaca. Data itu disimpan terpisah dan tidak akan ditimpa.".into(),
        (Lang::En, None) => "The stored data is damaged and cannot be read. It has been kept aside and will not be overwritten.".into(),
    }
}

/// Stored data that could not be read, and could not be copied aside either (storage
/// full): it is only in this page now.
pub fn kept_aside_refused(lang: Lang, version: Option<u32>) -> String {
    let what = match (lang, version) {
        (Lang::Id, Some(v)) => format!("Data tersimpan berasal dari versi Rapor lain (format {v})"),
        (Lang::En, Some(v)) => format!("The stored data comes from another version of Rapor (format {v})"),
        (Lang::Id, None) => "Data tersimpan rusak".into(),
        (Lang::En, None) => "The stored data is damaged".into(),
    };
    match lang {
        Lang::Id => format!("{what} dan tidak dapat disalin terpisah karena penyimpanan peramban penuh. Unduh data itu dulu: setelah Mulai baru, data itu akan ditimpa."),
        Lang::En => format!("{what}, and it could not be kept aside because the browser's storage is full. Download it first: after Start fresh it will be overwritten."),
    }
}

pub fn ruleset_unavailable(lang: Lang, method: &str) -> String {
    match lang {
        Lang::Id => format!(
            "Metode \"{method}\" belum dapat dimuat (tidak ada koneksi?). Pekerjaan Anda tetap seperti semula; coba lagi saat daring."
        ),
        Lang::En => format!("The method \"{method}\" could not be loaded (no connection?). Your work is unchanged; try again when online."),
    }
}

pub fn link_beside(lang: Lang) -> String {
    lang.either(
        "Skenario dari tautan dibuka, tetapi belum disimpan: pekerjaan Anda sebelumnya tetap tersimpan di peramban ini. Pilih yang disimpan.",
        "The scenario from the link is open but not saved: your previous work is still stored in this browser. Choose which to keep.",
    )
    .into()
}

pub fn link_opened(lang: Lang) -> String {
    lang.either(
        "Skenario dari tautan dibuka. Pekerjaan sebelumnya dapat dikembalikan dengan Urungkan.",
        "The scenario from the link is open. Your previous work is one Undo away.",
    )
    .into()
}

/// What is wrong with a link's code (`share::ShareError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkFault {
    NotALink,
    BadCharacters,
    Damaged,
}

pub fn link_fault(lang: Lang, f: LinkFault) -> &'static str {
    match (lang, f) {
        (Lang::Id, LinkFault::NotALink) => "bukan tautan Rapor yang dikenal",
        (Lang::En, LinkFault::NotALink) => "not a Rapor link this version knows",
        (Lang::Id, LinkFault::BadCharacters) => "tautan terpotong atau memuat karakter asing",
        (Lang::En, LinkFault::BadCharacters) => "the link is cut off or has stray characters",
        (Lang::Id, LinkFault::Damaged) => "isi tautan rusak",
        (Lang::En, LinkFault::Damaged) => "the link's content is damaged",
    }
}

/// A problem at a place ("units[0].score: …"), already worded by the worker.
pub fn at(path: &str, message: &str) -> String {
    if path.is_empty() {
        message.to_string()
    } else {
        format!("{path}: {message}")
    }
}

/// An export or a link the worker could not make, and `why`.
pub fn failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Id => format!("Tidak dapat dikerjakan ({why}). Pekerjaan Anda tidak berubah."),
        Lang::En => format!("This could not be done ({why}). Your work is unchanged."),
    }
}

/// The link could not be opened, and `why`.
pub fn link_damaged(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Id => format!("Tautan tidak dapat dibuka ({why}). Pekerjaan Anda tidak berubah."),
        Lang::En => format!("The link cannot be opened ({why}). Your work is unchanged."),
    }
}

pub fn own_ruleset(lang: Lang, file: &str, title: &str) -> String {
    match lang {
        Lang::Id => {
            format!("Metode \u{201c}{title}\u{201d} dari berkas {file} dipakai. Metode ini disimpan bersama pekerjaan, ekspor dan tautan.")
        }
        Lang::En => format!("The method \u{201c}{title}\u{201d} from {file} is in use. It is saved with the work, exports and links."),
    }
}

pub fn imported(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Id => format!("Berkas {file} diimpor. Urungkan mengembalikan pekerjaan sebelumnya."),
        Lang::En => format!("{file} imported. Undo brings back your previous work."),
    }
}

/// Units of a file merged into the page's.
pub fn merged(lang: Lang, file: &str, added: usize, replaced: usize) -> String {
    match lang {
        Lang::Id => format!("Unit dari {file} digabungkan: {added} ditambahkan, {replaced} diganti. Urungkan membatalkan penggabungan."),
        Lang::En => format!("Units from {file} merged: {added} added, {replaced} replaced. Undo takes the merge back."),
    }
}

/// A merge whose units share names with the page's: the user chooses.
pub fn merge_clash(lang: Lang, file: &str, names: &[String]) -> String {
    let list = names.join(", ");
    match lang {
        Lang::Id => format!("{file} memuat unit yang namanya sudah ada: {list}. Ganti unit itu dengan isi berkas, atau simpan keduanya?"),
        Lang::En => format!("{file} has units whose names are already here: {list}. Replace them with the file's, or keep both?"),
    }
}

/// Last year's result is shown beside this year's.
pub fn baseline_loaded(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Id => format!("Hasil dari {file} dipakai sebagai pembanding: perubahan tampil di ringkasan dan di setiap unit."),
        Lang::En => format!("The result in {file} is the comparison: the change shows in the summary and on every unit."),
    }
}

/// `problem` is the worker's message with its place (`at`).
pub fn import_failed(lang: Lang, file: &str, problem: &str) -> String {
    match lang {
        Lang::Id => format!("Berkas {file} tidak dapat diimpor — {problem}. Pekerjaan Anda tidak berubah."),
        Lang::En => format!("{file} cannot be imported — {problem}. Your work is unchanged."),
    }
}

/// A unit was removed; one Undo brings it back.
pub fn removed(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Unit \u{201c}{name}\u{201d} dihapus. Urungkan untuk mengembalikannya."),
        Lang::En => format!("Unit \u{201c}{name}\u{201d} removed. Undo brings it back."),
    }
}

pub fn fix_fields_first(lang: Lang) -> String {
    lang.either(
        "Perbaiki isian yang ditandai merah sebelum mengekspor atau berbagi.",
        "Fix the fields marked in red before exporting or sharing.",
    )
    .into()
}

pub fn storage_refused(lang: Lang) -> String {
    lang.either(
        "Pekerjaan ini tidak tersimpan otomatis: peramban menolak penyimpanan lokal (mode privat, cookie diblokir atau penyimpanan penuh). Simpan sebagai file JSON.",
        "This work is not being saved: the browser refuses local storage (private mode, blocked cookies or full storage). Keep it as a JSON file.",
    )
    .into()
}

/// Two widgets on one page asked for the same storage name (`data-instance`).
pub fn instance_taken(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Widget lain di halaman ini sudah memakai nama penyimpanan \"{name}\", jadi pekerjaan di widget ini tidak tersimpan otomatis. Simpan sebagai file JSON. (Pengelola situs: beri tiap widget data-instance sendiri.)"),
        Lang::En => format!("Another widget on this page already uses the storage name \"{name}\", so this widget's work is not being saved. Keep it as a JSON file. (Site owner: give each widget its own data-instance.)"),
    }
}

/// A worker's failure: the form has fields that do not read.
pub fn failed_fix_fields(lang: Lang) -> String {
    lang.either("Ada isian yang belum benar; perbaiki dulu.", "Some fields need fixing first.").into()
}

/// A picked file above the limit (`engine::limits::MAX_FILE`), which is not read.
pub fn file_too_large(lang: Lang, mb: u64) -> String {
    match lang {
        Lang::Id => format!("berkas lebih dari {mb} MB; ini bukan berkas Rapor"),
        Lang::En => format!("the file is larger than {mb} MB; not a Rapor file"),
    }
}

pub fn failed_link(lang: Lang) -> String {
    lang.either("tautan tidak dapat dibaca", "the link cannot be read").into()
}

/// The request was malformed or the worker could not run (`detail` is for a bug report).
pub fn failed_request(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Id => format!("permintaan tidak dapat dijalankan ({detail})"),
        Lang::En => format!("the request could not run ({detail})"),
    }
}

/// The worker stopped: the site was updated since the page loaded (`newer_build`), or
/// an error inside it (`detail`, for a bug report).
pub fn worker_stopped(lang: Lang, newer_build: bool, detail: &str) -> String {
    match (lang, newer_build) {
        (Lang::Id, true) => "Rapor di situs ini baru saja diperbarui; muat ulang halaman untuk memakai versi barunya".into(),
        (Lang::En, true) => "Rapor was just updated on this site; reload the page to use the new version".into(),
        (Lang::Id, false) => format!("penghitung berhenti karena galat ({detail}); muat ulang halaman"),
        (Lang::En, false) => format!("the calculator stopped on an error ({detail}); reload the page"),
    }
}

/// A worker whose script could not load while the browser is offline.
pub fn worker_offline(lang: Lang) -> String {
    match lang {
        Lang::Id => "bagian ini perlu diunduh sekali, dan peramban sedang luring; sambungkan ke internet lalu coba lagi".into(),
        Lang::En => "this part has to be downloaded once, and the browser is offline; connect to the internet and try again".into(),
    }
}

/// A reply this page cannot read.
pub fn failed_unreadable(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Id => format!("jawaban penghitung tidak dapat dibaca ({detail}); muat ulang halaman"),
        Lang::En => format!("the calculator's answer could not be read ({detail}); reload the page"),
    }
}

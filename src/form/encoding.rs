//! The text of a file a user picks (scenario, method, later a CSV): UTF-8, with or
//! without a byte-order mark, or else Windows-1252, the code page Excel and Notepad on an
//! Indonesian Windows write. The widget and the command-line tool read files alike: a
//! mark at the start is dropped (the CLI refused it), and "Péngkep" saved as Latin-1
//! reads as "Péngkep", not as replacement characters.
//!
//! Hand-written rather than `encoding_rs`: one 32-entry table, where that crate would
//! add its many encodings to the worker.

/// Windows-1252's characters for the bytes 0x80–0x9F (0 where it has none, kept as the
/// C1 control of the same number, as browsers do). 0xA0–0xFF are Latin-1 itself.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, //
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

/// The file's text and how it was read.
pub fn text_of(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Encoding::Windows1252),
    }
}

fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9F => match CP1252_HIGH[usize::from(b - 0x80)] {
            0 => char::from(b),
            c => char::from_u32(u32::from(c)).unwrap_or(char::REPLACEMENT_CHARACTER),
        },
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_and_utf8_kept() {
        assert_eq!(text_of(b"\xEF\xBB\xBF{\"units\":[]}"), ("{\"units\":[]}".to_string(), Encoding::Utf8));
        assert_eq!(text_of("Péngkep".as_bytes()), ("Péngkep".to_string(), Encoding::Utf8));
    }

    #[test]
    fn latin1_and_windows_1252_read_as_their_characters() {
        // "Kab. Péngkep" as Latin-1: é is 0xE9; Windows-1252's curly quotes 0x93/0x94
        // and the euro sign 0x80.
        assert_eq!(text_of(b"Kab. P\xE9ngkep").0, "Kab. Péngkep");
        assert_eq!(text_of(b"\x93Puskesmas\x94 \x80").0, "\u{201C}Puskesmas\u{201D} \u{20AC}");
        assert_eq!(text_of(b"\x81").0, "\u{81}");
        assert_eq!(text_of(b"\xFF").1, Encoding::Windows1252);
    }
}

//! Share links: the whole scenario in the URL fragment, so nothing goes to a server.
//! Scenario JSON → DEFLATE → base64url (RFC 4648 §5, no padding), behind a one-letter
//! version so later formats can still read old links.
//!
//! Version 2 (`#s=2…`, written since links could be tampered with unnoticed) wraps the
//! DEFLATE stream in zlib (RFC 1950), whose Adler-32 of the scenario's text is checked on
//! opening: a changed character is a damaged link, never a different scenario. (Adler-32
//! catches every change of one byte, and one base64url character changes at most two.)
//! Version 1 (`#s=1…`, raw DEFLATE, no checksum) links still open.

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, decompress_to_vec_zlib_with_limit};

/// The fragment prefix of the links this build writes: `#s=2…`.
pub const PREFIX: &str = "s=2";
/// Links of the first version, without a checksum: read, never written.
const PREFIX_V1: &str = "s=1";
/// Links longer than this are flagged: some chat apps and browsers cut them.
pub const LONG_LINK: usize = 2000;
/// A decoded scenario larger than this is refused (a crafted link cannot exhaust memory).
const MAX_JSON: usize = 2 * 1024 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Not a Rapor link fragment, or a version this build does not know.
    NotALink,
    /// Characters outside base64url, or a cut-off code.
    BadCharacters,
    /// The compressed data is damaged.
    Damaged,
}

impl ShareError {
    /// What the user is told (`text::notices::link_fault`).
    pub fn fault(&self) -> crate::text::notices::LinkFault {
        use crate::text::notices::LinkFault;
        match self {
            ShareError::NotALink => LinkFault::NotALink,
            ShareError::BadCharacters => LinkFault::BadCharacters,
            ShareError::Damaged => LinkFault::Damaged,
        }
    }
}

/// Links up to this many characters get a QR code: a longer one needs a code too dense
/// to scan from a projector across a room (version 25 and up).
pub const QR_LINK: usize = 1000;

/// The QR code of a link, as SVG: error correction M (a smudged or angled screen still
/// scans), at least 320 px with the quiet zone. `Err(length)` above `QR_LINK`.
pub fn qr_svg(url: &str) -> Result<String, usize> {
    use qrcode::render::svg;
    if url.len() > QR_LINK {
        return Err(url.len());
    }
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M).map_err(|_| url.len())?;
    Ok(code.render::<svg::Color>().min_dimensions(320, 320).dark_color(svg::Color("#000000")).light_color(svg::Color("#ffffff")).build())
}

/// The fragment (without `#`) for a scenario's JSON text.
pub fn encode(json: &str) -> String {
    format!("{PREFIX}{}", base64url(&compress_to_vec_zlib(json.as_bytes(), 9)))
}

/// The scenario JSON text from a fragment (with or without its `#`).
pub fn decode(fragment: &str) -> Result<String, ShareError> {
    let fragment = fragment.trim_start_matches('#');
    let (code, checked) = match (fragment.strip_prefix(PREFIX), fragment.strip_prefix(PREFIX_V1)) {
        (Some(code), _) => (code, true),
        (None, Some(code)) => (code, false),
        (None, None) => return Err(ShareError::NotALink),
    };
    let bytes = unbase64url(code.trim()).ok_or(ShareError::BadCharacters)?;
    let json = if checked {
        // Fails on a wrong Adler-32 as on a broken stream.
        decompress_to_vec_zlib_with_limit(&bytes, MAX_JSON)
    } else {
        decompress_to_vec_with_limit(&bytes, MAX_JSON)
    };
    String::from_utf8(json.map_err(|_| ShareError::Damaged)?).map_err(|_| ShareError::Damaged)
}

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    // A length of 1 mod 4 can never come from `base64url`: the code was cut.
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 §10, in the URL alphabet without padding.
        for (plain, code) in
            [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64url(plain.as_bytes()), code);
            assert_eq!(unbase64url(code).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn damaged_links_are_told_apart() {
        let good = encode(r#"{"ruleset":"ombudsman-2023","units":[]}"#);
        assert_eq!(decode(&good).unwrap(), r#"{"ruleset":"ombudsman-2023","units":[]}"#);
        assert_eq!(decode(&format!("#{good}")).unwrap(), r#"{"ruleset":"ombudsman-2023","units":[]}"#);
        assert!(good.starts_with("s=2"));
        assert_eq!(decode("x=1abc"), Err(ShareError::NotALink));
        assert_eq!(decode("s=3abc"), Err(ShareError::NotALink));
        assert_eq!(decode("s=1ab$d"), Err(ShareError::BadCharacters));
        assert!(decode(&good[..good.len() - 9]).is_err());
        assert_eq!(decode("s=1AAAAAAAA"), Err(ShareError::Damaged));
        assert_eq!(decode("s=2AAAAAAAA"), Err(ShareError::Damaged));
    }

    #[test]
    fn a_link_changed_in_one_character_is_refused_as_damaged() {
        // The review's case: one character of a link turned a unit's 90 into 10 and the
        // link opened as if nothing had happened. Every single-character change of the
        // code part is now either refused or decodes to the very same scenario (a change
        // in the last character's unused bits).
        let json =
            r#"{"format":1,"ruleset":"ombudsman-2024","units":[{"name":"Disdukcapil","score":"90"},{"name":"DPMPTSP","score":"85"}]}"#;
        let link = encode(json);
        let mut changed = 0;
        for i in PREFIX.len()..link.len() {
            for &c in ALPHABET.iter() {
                if link.as_bytes()[i] == c {
                    continue;
                }
                let mut bytes = link.clone().into_bytes();
                bytes[i] = c;
                let other = String::from_utf8(bytes).unwrap();
                match decode(&other) {
                    Ok(text) => assert_eq!(text, json, "position {i}, {}", c as char),
                    Err(e) => {
                        assert!(matches!(e, ShareError::Damaged | ShareError::BadCharacters), "{e:?}");
                        changed += 1;
                    }
                }
            }
        }
        assert!(changed > 63 * (link.len() - PREFIX.len() - 1), "{changed} refused");
    }

    #[test]
    fn a_version_1_link_still_opens() {
        // Written by earlier builds: raw DEFLATE, no checksum.
        let json = r#"{"ruleset":"ombudsman-2023","units":[]}"#;
        let v1 = format!("s=1{}", base64url(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9)));
        assert_eq!(decode(&v1).unwrap(), json);
    }

    #[test]
    fn a_link_gets_a_qr_code_up_to_the_length_that_scans() {
        let url =
            format!("https://pemda.example/kalkulator/#{}", encode(r#"{"ruleset":"ombudsman-2024","units":[{"name":"A","score":90}]}"#));
        let svg = qr_svg(&url).unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
        // The modules only: no text of the link in the markup.
        assert!(!svg.contains("pemda.example"));
        assert_eq!(qr_svg(&"x".repeat(QR_LINK + 1)), Err(QR_LINK + 1));
        assert!(qr_svg(&"x".repeat(QR_LINK)).is_ok());
    }
}

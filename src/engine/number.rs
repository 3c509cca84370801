//! Reading and writing scores the way Indonesian users type them ("82,84") as well as
//! the way JSON and English users do ("82.84"), always as exact decimals.

use rust_decimal::Decimal;

/// Why a piece of text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    TwoSeparators,
    /// Written as a number, with more digits than an exact decimal holds (28).
    TooLong,
}

/// Parses "82,84", "82.84", " 100 " or "-3" exactly. Exactly one decimal separator is
/// allowed, comma or point; thousands separators are refused because a score never
/// needs them and "1.234" would otherwise be ambiguous between the two conventions.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    let separators = t.chars().filter(|c| *c == ',' || *c == '.').count();
    if separators > 1 {
        return Err(NumberError::TwoSeparators);
    }
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    let digits_ok = !unsigned.is_empty()
        && unsigned.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && unsigned.chars().any(|c| c.is_ascii_digit());
    if !digits_ok {
        return Err(NumberError::NotANumber);
    }
    // Exact parsing: the text is plain digits by now, so the scientific notation that
    // `from_str` also reads (and carries into the widget's first load) is not needed.
    Decimal::from_str_exact(&t.replace(',', ".")).map_err(|_| NumberError::TooLong)
}

/// A JSON number's text as serde_json gives it: plain decimals as `parse_decimal` reads
/// them, and the exponent form it prints for large floats ("7.9e+27",
/// "1.8446744073709552e+19"), which typed fields never take, read as plain digits so a
/// message quotes 18446744073709552000, not the float. (serde_json's
/// `arbitrary_precision`, which would keep the exact text, adds 29 KB to the downloads.)
pub fn parse_json_number(text: &str) -> Result<Decimal, NumberError> {
    match parse_decimal(text) {
        Err(NumberError::NotANumber) if text.contains(['e', 'E']) => Decimal::from_scientific(text).map_err(|_| NumberError::TooLong),
        other => other,
    }
}

/// The rounding rules a ruleset may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// 93.2775 → 93.28; the rule that reproduces published Ombudsman totals.
    #[default]
    HalfUp,
    HalfEven,
    /// Truncation, as some spreadsheets do.
    Down,
    Up,
}

/// Writes a decimal with a comma ("93,28") for Indonesian or a point for English.
pub fn format_decimal(value: Decimal, comma: bool) -> String {
    let s = value.to_string();
    if comma {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Drops trailing zeros so exact values read naturally ("93.2775", not "93.27750000").
pub fn exact_string(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Serde helpers: decimals are written as strings (they keep their scale in files and
/// links) and read from either strings or JSON numbers.
pub mod serde_str {
    use super::parse_decimal;
    use rust_decimal::Decimal;
    use serde::{de, Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&value.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }

    /// The same for an optional decimal (`null` when absent).
    pub mod opt {
        use rust_decimal::Decimal;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        #[derive(Serialize, Deserialize)]
        struct Text(#[serde(with = "super")] Decimal);

        pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            value.map(Text).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            Ok(Option::<Text>::deserialize(d)?.map(|t| t.0))
        }
    }

    struct DecimalVisitor;

    impl de::Visitor<'_> for DecimalVisitor {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a number or a string holding a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            parse_decimal(v).map_err(|_| E::custom(format!("{v:?} is not a number")))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        // serde_json prints an f64 as its shortest round-trip text, so 21.85 reads back
        // as exactly 21.85 and never as 21.8499999…. (Its printer, not `f64::to_string`,
        // which would add core's float formatting to the widget.)
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
            match serde_json::Number::from_f64(v) {
                Some(n) => self.visit_str(&n.to_string()),
                None => Err(E::custom("not a finite number")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_both_separators() {
        assert_eq!(parse_decimal("82,84"), Ok(d("82.84")));
        assert_eq!(parse_decimal("82.84"), Ok(d("82.84")));
        assert_eq!(parse_decimal(" 100 "), Ok(d("100")));
        assert_eq!(parse_decimal("-3"), Ok(d("-3")));
        assert_eq!(parse_decimal(",5"), Ok(d("0.5")));
    }

    #[test]
    fn refuses_what_is_not_a_score() {
        assert_eq!(parse_decimal(""), Err(NumberError::Empty));
        assert_eq!(parse_decimal("  "), Err(NumberError::Empty));
        assert_eq!(parse_decimal("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1e5"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("9 3"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("-"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1.234,5"), Err(NumberError::TwoSeparators));
        assert_eq!(parse_decimal("NaN"), Err(NumberError::NotANumber));
    }

    #[test]
    fn writes_the_decimal_comma() {
        assert_eq!(format_decimal(d("93.28"), true), "93,28");
        assert_eq!(format_decimal(d("93.28"), false), "93.28");
        assert_eq!(exact_string(d("93.277500")), "93.2775");
    }
}

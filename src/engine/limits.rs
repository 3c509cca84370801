//! What Rapor accepts, in one place, checked before any work starts: a file, a link or
//! a stored form beyond these is refused at the place that breaks the limit, so no
//! input can make the scorer, the planner or the risk count run for minutes, allocate
//! gigabytes, or overflow its arithmetic.
//!
//! The limits sit far above any real assessment (a pemda's sample is 4 to 40 units; the
//! largest shipped method has 60 indicators, on a 0–100 scale) and low enough that the
//! largest allowed input is scored, planned and counted in the times `benches/limits.rs`
//! measures. Magnitudes are bounded so that every product the engine forms fits its
//! 128-bit fractions and `Decimal`'s 28 digits with room to spare.

use crate::engine::error::{InputError, Problem};
use rust_decimal::Decimal;

/// Units in one scenario (file, link, stored form or the widget's grid): every OPD and
/// Puskesmas of the largest kabupaten (Bogor: about 100 Puskesmas and 40 OPD).
pub const MAX_UNITS: usize = 200;
/// Dimensions in one method.
pub const MAX_DIMENSIONS: usize = 20;
/// Indicators in one dimension, and in the whole method.
pub const MAX_INDICATORS: usize = 100;
pub const MAX_METHOD_INDICATORS: usize = 200;
/// The top of an indicator's scale (its bottom is at least 0): 100 level steps at most.
pub const MAX_SCALE: u16 = 100;
/// A dimension's or an indicator's weight, and a method's `score_max`.
pub const MAX_WEIGHT: u32 = 1000;
/// Decimals in a weight or a method's `score_max`.
pub const MAX_WEIGHT_DECIMALS: u32 = 6;
/// The effort of one step (`effort`): a relative cost, 1 to 100.
pub const MAX_EFFORT: u32 = 100;
/// Characters in a unit's or the pemda's name.
pub const MAX_NAME: usize = 200;
/// Fields the widget shows at once (a unit by indicator shows every indicator of every
/// product): each costs the page about half a millisecond to build, so 10 000 open in
/// about four seconds (200 units of the 2024 method by indicator: 9 600). The command
/// line reads larger scenarios.
pub const MAX_WIDGET_FIELDS: usize = 10_000;
/// Bytes of a file the CLI or the widget reads: far above a 500-unit scenario by
/// indicator (about 2 MB), so a larger file is not a Rapor file.
pub const MAX_FILE: u64 = 16 * 1024 * 1024;

pub use crate::engine::error::Counted;

/// The limit on what `what` counts.
pub fn max_of(what: Counted) -> usize {
    match what {
        Counted::Units => MAX_UNITS,
        Counted::Dimensions => MAX_DIMENSIONS,
        Counted::Indicators => MAX_INDICATORS,
        Counted::MethodIndicators => MAX_METHOD_INDICATORS,
        Counted::Entries => MAX_METHOD_INDICATORS + MAX_DIMENSIONS + 1,
        Counted::NameChars => MAX_NAME,
        Counted::WidgetFields => MAX_WIDGET_FIELDS,
    }
}

/// `got` items of `what` at `at`, refused when above the limit.
pub fn count(at: &str, what: Counted, got: usize) -> Result<(), InputError> {
    if got > max_of(what) {
        return Err(InputError::new(at, Problem::TooMany { what, got }));
    }
    Ok(())
}

/// A name (unit or pemda) of at most `MAX_NAME` characters.
pub fn name(at: &str, text: &str) -> Result<(), InputError> {
    count(at, Counted::NameChars, text.chars().count())
}

/// A weight or `score_max`: above 0 is the caller's rule; here at most `MAX_WEIGHT`
/// with at most `MAX_WEIGHT_DECIMALS` decimals.
pub fn weight(at: &str, w: Decimal) -> Result<(), InputError> {
    if w > Decimal::from(MAX_WEIGHT) {
        return Err(InputError::new(at, Problem::AboveMax { value: w, max: Decimal::from(MAX_WEIGHT) }));
    }
    if w.normalize().scale() > MAX_WEIGHT_DECIMALS {
        return Err(InputError::new(at, Problem::TooManyDecimals { max: MAX_WEIGHT_DECIMALS }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_is_inclusive_and_names_its_place() {
        assert!(count("units", Counted::Units, 200).is_ok());
        let e = count("units", Counted::Units, 201).unwrap_err();
        assert_eq!(e.path, "units");
        assert_eq!(e.problem, Problem::TooMany { what: Counted::Units, got: 201 });
        assert!(name("pemda", &"x".repeat(200)).is_ok());
        assert!(name("pemda", &"x".repeat(201)).is_err());
    }

    #[test]
    fn weights_near_the_decimal_maximum_are_refused() {
        let huge: Decimal = "79228162514264337593543950".parse().unwrap();
        assert!(matches!(weight("w", huge).unwrap_err().problem, Problem::AboveMax { .. }));
        assert!(weight("w", Decimal::new(1000, 0)).is_ok());
        assert!(matches!(weight("w", Decimal::new(1, 7)).unwrap_err().problem, Problem::TooManyDecimals { .. }));
    }
}

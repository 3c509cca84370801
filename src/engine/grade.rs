//! From a rounded score to its category, opini and zone.

use crate::engine::ruleset::Ruleset;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Position in `ruleset.bands` (0 = top).
    pub band: usize,
    pub category: String,
    pub opini: String,
    pub opini_en: String,
    /// The second published label, where the method has one (2025: "Baik").
    pub quality: String,
    pub quality_en: String,
    pub zone: String,
}

/// Classifies a score that has already been rounded by the ruleset's rule, so the
/// category can never disagree with the number shown beside it.
pub fn grade(rs: &Ruleset, rounded: Decimal, followed_up: Option<bool>) -> Grade {
    let band = band_of(rs, rounded);
    let b = &rs.bands[band];
    let (mut opini, mut opini_en) = (b.opini.clone(), b.opini_en.clone());
    if let (Some(true), Some(f)) = (followed_up, &rs.followed_up) {
        opini.push_str(&f.suffix);
        opini_en.push_str(&f.suffix_en);
    }
    Grade {
        band,
        category: b.category.clone(),
        opini,
        opini_en,
        quality: b.quality.clone(),
        quality_en: b.quality_en.clone(),
        zone: b.zone.clone(),
    }
}

/// The band (0 = top) of a rounded score, without building its labels.
pub fn band_of(rs: &Ruleset, rounded: Decimal) -> usize {
    rs.bands
        .iter()
        .position(|b| if b.inclusive { rounded >= b.min } else { rounded > b.min })
        // Validation guarantees a bottom band at 0 inclusive; a negative score can only
        // come from a caller that skipped clamping, and still lands in the bottom band.
        .unwrap_or(rs.bands.len() - 1)
}

/// The lowest rounded score that earns band `band` (for exclusive bounds, one step of
/// the rounding precision above `min`).
pub fn threshold(rs: &Ruleset, band: usize) -> Decimal {
    let b = &rs.bands[band];
    if b.inclusive {
        b.min
    } else {
        b.min + Decimal::new(1, rs.rounding.places)
    }
}

/// The band just above a rounded score's and the points still missing to reach it, or
/// `None` at the top band ("+3,87 to A"). Exact: both figures are in the method's
/// rounding, so the gap is a difference of two decimals.
pub fn to_next_band(rs: &Ruleset, rounded: Decimal) -> Option<(usize, Decimal)> {
    let band = band_of(rs, rounded);
    let above = band.checked_sub(1)?;
    Some((above, threshold(rs, above) - rounded))
}

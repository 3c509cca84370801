//! The assumptions a user may change — dimension weights and the top of the indicator
//! scale — applied to a published ruleset. Shared by the widget and the scenario files,
//! so a scenario exported with changed weights scores the same everywhere.

use crate::engine::error::{InputError, Problem, Says};
use crate::engine::map::SmallMap;
use crate::engine::ruleset::{Dimension, Indicator, Ruleset};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    /// Dimension id → weight.
    pub weights: SmallMap<String, Decimal>,
    /// The top of every indicator's scale.
    pub scale_max: Option<u16>,
    /// Dimension id → how many equally weighted criteria it has (SAKIP's sub-components,
    /// IPP's aspects, whose published lists our sources do not carry).
    pub criteria: SmallMap<String, u16>,
}

/// At most this many criteria in one dimension.
pub const MAX_CRITERIA: u16 = 50;

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty() && self.scale_max.is_none() && self.criteria.is_empty()
    }
}

/// The published ruleset with `o` applied; errors name the scenario field.
pub fn apply(rs: &Ruleset, o: &Overrides) -> Result<Ruleset, InputError> {
    let mut out = rs.clone();
    for (dim, w) in &o.weights {
        let at = format!("assumptions.weights.{dim}");
        let d =
            out.dimensions.iter_mut().find(|d| &d.id == dim).ok_or_else(|| InputError::new(&at, Problem::UnknownDimension(dim.clone())))?;
        if *w <= Decimal::ZERO {
            return Err(InputError::new(at, Problem::NotPositive));
        }
        if *w > Decimal::ONE_HUNDRED {
            return Err(InputError::new(at, Problem::AboveMax { value: *w, max: Decimal::ONE_HUNDRED }));
        }
        d.weight = *w;
    }
    for (dim, &n) in &o.criteria {
        let at = format!("assumptions.criteria.{dim}");
        let d =
            out.dimensions.iter_mut().find(|d| &d.id == dim).ok_or_else(|| InputError::new(&at, Problem::UnknownDimension(dim.clone())))?;
        if !(1..=MAX_CRITERIA).contains(&n) {
            return Err(InputError::new(at, Problem::NotALevel { value: Decimal::from(n), min: 1, max: MAX_CRITERIA }));
        }
        resize_criteria(d, n as usize);
    }
    if let Some(max) = o.scale_max {
        if out.indicators().any(|r| r.indicator.levels_only || r.indicator.fractional) {
            return Err(InputError::new("assumptions.scale", Problem::Says(Says::FixedScale)));
        }
        if !(1..=10).contains(&max) {
            return Err(InputError::new("assumptions.scale", Problem::NotALevel { value: Decimal::from(max), min: 1, max: 10 }));
        }
        for d in &mut out.dimensions {
            for i in &mut d.indicators {
                i.max = max;
                i.levels.retain(|l| l.value <= max);
            }
        }
    }
    Ok(out)
}

/// Cuts a dimension's criteria to `n`, or adds criteria like its last one, numbered on
/// from it ("k5" "Kriteria 5" → "k6" "Kriteria 6"; IPP's "i1" "Indikator 1" → "i2"
/// "Indikator 2"), with the same scale and weight.
fn resize_criteria(d: &mut Dimension, n: usize) {
    d.indicators.truncate(n);
    let Some(model) = d.indicators.last().cloned() else { return };
    // "Indikator 1" numbers on as "Indikator 2"; a name without a number ("Persyaratan")
    // gives "Kriteria 2".
    let numbered = |s: &str, fallback: &str, j: usize| match s.strip_suffix(|c: char| c.is_ascii_digit()) {
        Some(_) => format!("{}{j}", s.trim_end_matches(|c: char| c.is_ascii_digit())),
        None => format!("{fallback}{j}"),
    };
    let mut j = d.indicators.len();
    while d.indicators.len() < n {
        j += 1;
        let new_id = numbered(&model.id, "k", j);
        if d.indicators.iter().any(|i| i.id == new_id) {
            continue;
        }
        let (name, name_en) = (numbered(&model.name, "Kriteria ", j), numbered(&model.name_en, "Criterion ", j));
        d.indicators.push(Indicator { id: new_id, name, name_en, ..model.clone() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Catalog;

    #[test]
    fn added_criteria_are_numbered_on_from_the_last() {
        let cat = Catalog::built_in();
        let o = |dim: &str, n: u16| Overrides { criteria: [(dim.to_string(), n)].into_iter().collect(), ..Overrides::default() };
        let sakip = apply(cat.get("sakip-2021").unwrap(), &o("perencanaan-keberadaan", 6)).unwrap();
        let last = sakip.dimensions[0].indicators.last().unwrap();
        assert_eq!((last.id.as_str(), last.name.as_str(), last.name_en.as_str()), ("k6", "Kriteria 6", "Criterion 6"));
        let ipp = apply(cat.get("ipp-2022").unwrap(), &o("inovasi", 2)).unwrap();
        let last = ipp.dimension("inovasi").unwrap().indicators.last().unwrap();
        assert_eq!((last.id.as_str(), last.name.as_str()), ("i2", "Indikator 2"));
        let ikm = apply(cat.get("ikm-2017").unwrap(), &o("unsur", 10)).unwrap();
        let last = ikm.dimensions[0].indicators.last().unwrap();
        assert_eq!((last.id.as_str(), last.name.as_str(), last.name_en.as_str()), ("k10", "Kriteria 10", "Criterion 10"));
        let fewer = apply(cat.get("ipp-2022").unwrap(), &o("kebijakan", 1)).unwrap();
        assert_eq!(fewer.dimension("kebijakan").unwrap().indicators.len(), 1);
    }
}

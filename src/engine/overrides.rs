//! The assumptions a user may change — dimension weights and the top of the indicator
//! scale — applied to a published ruleset. Shared by the widget and the scenario files,
//! so a scenario exported with changed weights scores the same everywhere.

use crate::engine::error::{InputError, Problem};
use crate::engine::ruleset::{Dimension, Indicator, Ruleset};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    /// Dimension id → weight.
    pub weights: BTreeMap<String, Decimal>,
    /// The top of every indicator's scale.
    pub scale_max: Option<u16>,
    /// Dimension id → how many equally weighted criteria it has (SAKIP's sub-components,
    /// IPP's aspects, whose published lists our sources do not carry).
    pub criteria: BTreeMap<String, u16>,
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
        let d = out.dimensions.iter_mut().find(|d| &d.id == dim).ok_or_else(|| InputError::new(&at, Problem::UnknownDimension(dim.clone())))?;
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
        let d = out.dimensions.iter_mut().find(|d| &d.id == dim).ok_or_else(|| InputError::new(&at, Problem::UnknownDimension(dim.clone())))?;
        if !(1..=MAX_CRITERIA).contains(&n) {
            return Err(InputError::new(at, Problem::NotALevel { value: Decimal::from(n), min: 1, max: MAX_CRITERIA }));
        }
        resize_criteria(d, n as usize);
    }
    if let Some(max) = o.scale_max {
        if out.indicators().any(|r| r.indicator.levels_only || r.indicator.fractional) {
            return Err(InputError::new("assumptions.scale", Problem::Invalid("this ruleset's scale is fixed (letters or answers), it cannot be changed".into())));
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

/// Cuts a dimension's criteria to `n`, or adds criteria like its last one ("Kriteria 6",
/// same scale and weight) up to `n`.
fn resize_criteria(d: &mut Dimension, n: usize) {
    d.indicators.truncate(n);
    let Some(model) = d.indicators.last().cloned() else { return };
    let mut j = d.indicators.len();
    while d.indicators.len() < n {
        j += 1;
        let id = format!("k{j}");
        if d.indicators.iter().any(|i| i.id == id) {
            continue;
        }
        d.indicators.push(Indicator { id, name: format!("Kriteria {j}"), name_en: format!("Criterion {j}"), ..model.clone() });
    }
}

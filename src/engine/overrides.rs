//! The assumptions a user may change — dimension weights and the top of the indicator
//! scale — applied to a published ruleset. Shared by the widget and the scenario files,
//! so a scenario exported with changed weights scores the same everywhere.

use crate::engine::error::{InputError, Problem};
use crate::engine::ruleset::Ruleset;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    /// Dimension id → weight.
    pub weights: BTreeMap<String, Decimal>,
    /// The top of every indicator's scale.
    pub scale_max: Option<u16>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty() && self.scale_max.is_none()
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
    if let Some(max) = o.scale_max {
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

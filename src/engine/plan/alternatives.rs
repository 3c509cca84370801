//! What one unit, dimension or mean would need on its own.

use super::*;

/// Points a unit entered as a total (or one dimension of a unit entered by dimension,
/// in its entry scale: a 0–100 score or weighted points) would need on its own,
/// rounded up to the ruleset's precision. `share` is what one point of a unit's
/// dimension score adds to the pemda score; a total adds 1 / n.
pub(super) fn alternatives(
    rs: &Ruleset,
    outcome: &Outcome,
    need: Ratio,
    share: Ratio,
    inclusive: bool,
) -> Result<Vec<Alternative>, InputError> {
    let dim_need = need.checked_div(share).ok_or_else(too_precise)?;
    let total_need = need.checked_mul(Ratio::int(outcome.units.len() as i64)).ok_or_else(too_precise)?;
    let up = |r: Ratio| {
        let d = r.round(rs.rounding.places, RoundingMode::Up).ok_or_else(too_precise)?;
        // For an exclusive bound, landing exactly on it is not enough.
        Ok::<_, InputError>(if !inclusive && Ratio::from_decimal(d) == r { d + Decimal::new(1, rs.rounding.places) } else { d })
    };
    let total_w = Ratio::from_decimal(rs.dimension_weight_total());
    let max = Ratio::from_decimal(rs.score_max);
    let mut out = Vec::new();
    for u in &outcome.units {
        match u.level {
            Level::Score => {
                let points = up(total_need)?;
                let possible = max.checked_sub(u.exact).is_some_and(|room| room >= total_need);
                out.push(Alternative {
                    unit_index: u.index,
                    unit: u.name.clone(),
                    dimension: None,
                    indicator: None,
                    to: None,
                    points,
                    possible,
                });
            }
            Level::Dimensions | Level::Points => {
                for (d, dim) in rs.dimensions.iter().zip(&u.dimensions) {
                    let weight_share = Ratio::from_decimal(d.weight).checked_div(total_w).ok_or_else(too_precise)?;
                    // A dimension point adds one point to the unit's dimension score; a
                    // point of a 0–100 dimension score adds its weight share of one.
                    let (dn, room) = if u.level == Level::Points {
                        (dim_need, max.checked_mul(weight_share).and_then(|top| top.checked_sub(dim.contribution)))
                    } else {
                        (dim_need.checked_div(weight_share).ok_or_else(too_precise)?, max.checked_sub(dim.exact))
                    };
                    let points = up(dn)?;
                    let possible = room.is_some_and(|room| room >= dn);
                    out.push(Alternative {
                        unit_index: u.index,
                        unit: u.name.clone(),
                        dimension: Some(d.id.clone()),
                        indicator: None,
                        to: None,
                        points,
                        possible,
                    });
                }
            }
            Level::Indicators => {}
        }
    }
    Ok(out)
}

/// For indicators entered as a mean (IKM's per-unsur averages): the mean each would
/// need on its own to reach the target, rounded up to 2 decimals, and whether it fits
/// under the top answer.
pub(super) fn mean_alternatives(
    rs: &Ruleset,
    sc: &Scenario,
    outcome: &Outcome,
    need: Ratio,
    share: Ratio,
    inclusive: bool,
) -> Result<Vec<Alternative>, InputError> {
    let mut out = Vec::new();
    for u in outcome.units.iter().filter(|u| u.level == Level::Indicators) {
        let Entry::Indicators(values) = &sc.units[u.index].entry else { continue };
        let locked: HashSet<&str> = sc.units[u.index].locked.iter().map(String::as_str).collect();
        for d in rs.dimensions.iter().filter(|d| !d.per_product) {
            for i in d.indicators.iter().filter(|i| i.fractional) {
                let key = format!("{}.{}", d.id, i.id);
                if locked.contains(key.as_str()) {
                    continue;
                }
                let current = match values.get(&key).or_else(|| values.get(&i.id)) {
                    Some(Values::One(Some(x))) => Ratio::from_decimal(*x),
                    Some(Values::Responses(_)) => continue,
                    _ => Ratio::ZERO,
                };
                let per_point = point_gain(rs, d, 1, share)?.checked_mul(Ratio::from_decimal(i.weight)).ok_or_else(too_precise)?;
                let rise = need.checked_div(per_point).ok_or_else(too_precise)?;
                let to_exact = current.checked_add(rise).ok_or_else(too_precise)?;
                let mut to = to_exact.round(2, RoundingMode::Up).ok_or_else(too_precise)?;
                if !inclusive && Ratio::from_decimal(to) == to_exact {
                    to += Decimal::new(1, 2);
                }
                let points = to - current.round(2, RoundingMode::Down).ok_or_else(too_precise)?;
                let possible = to <= Decimal::from(i.max);
                out.push(Alternative {
                    unit_index: u.index,
                    unit: u.name.clone(),
                    dimension: None,
                    indicator: Some(key),
                    to: Some(to),
                    points,
                    possible,
                });
            }
        }
    }
    Ok(out)
}

//! A plan applied to the scenario: to score what it reaches, and for the what-if.

use super::*;

/// The scenario with `taken[e]` ladder steps applied to each entry, scored: the
/// planner's result always comes from the same `evaluate` the user sees.
pub(super) fn apply(rs: &Ruleset, sc: &Scenario, entries: &[Changeable], taken: &[u32]) -> Result<(Decimal, String), InputError> {
    let mut changed = sc.clone();
    for (e, &k) in entries.iter().zip(taken).filter(|(_, k)| **k > 0) {
        match &e.kind {
            Kind::Level { ladder, .. } => set_level(&mut changed, e.unit_index, &e.key, e.product, ladder.at(k as usize - 1), rs.products),
            Kind::Responses { counts, .. } => set_responses(&mut changed, e.unit_index, &e.key, moved_to_top(counts, k)),
        }
    }
    let o = evaluate(rs, &changed)?;
    let a = o.aggregate.ok_or_else(|| InputError::new("units", Problem::NoData))?;
    Ok((a.rounded, a.grade.category))
}

/// A copy of the scenario with the plan applied.
pub fn applied_plan(sc: &Scenario, plan: &Plan, rs: &Ruleset) -> Scenario {
    // Totals and dimension scores first (`points::raised` leaves indicator steps).
    let mut out = points::raised(sc, &plan.steps);
    for s in plan.steps.iter().filter(|s| s.kind == StepKind::Indicator) {
        match &s.responses {
            Some(r) => set_responses(&mut out, s.unit_index, &s.indicator, r.after.clone()),
            None => set_level(&mut out, s.unit_index, &s.indicator, s.product.map(|p| p - 1), s.to, rs.products),
        }
    }
    out
}

pub(super) fn set_level(sc: &mut Scenario, unit: usize, key: &str, product: Option<usize>, level: Decimal, default_products: usize) {
    let Entry::Indicators(values) = &mut sc.units[unit].entry else { return };
    let products =
        values.values().find_map(|v| if let Values::PerProduct(xs) = v { Some(xs.len()) } else { None }).unwrap_or(default_products);
    let v = Some(level);
    match product {
        None => {
            values.insert(key.to_string(), Values::One(v));
        }
        Some(p) => {
            let e = values.entry(key.to_string()).or_insert_with(|| Values::PerProduct(vec![None; products]));
            if let Values::PerProduct(xs) = e {
                if p < xs.len() {
                    xs[p] = v;
                }
            }
        }
    }
}

/// Replaces an unsur's answer counts, under whichever key (full or bare) it was given.
pub(super) fn set_responses(sc: &mut Scenario, unit: usize, key: &str, counts: Vec<u32>) {
    let Entry::Indicators(values) = &mut sc.units[unit].entry else { return };
    let bare = key.split_once('.').map_or(key, |(_, i)| i);
    let k = if values.contains_key(key) { key } else { bare };
    values.insert(k.to_string(), Values::Responses(counts));
}

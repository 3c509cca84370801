//! What the planner may raise: every unlocked entry, its ladder of levels and the runs
//! of equal gain they make; the `Lifts` the robust plan shares.

use super::*;
use rust_decimal::prelude::ToPrimitive;

/// What the planner could raise in a scenario, for plans on part of it (the robust
/// plan): every changeable entry with its runs of equal gain, gains in pemda points
/// for a sample of the given size.
pub struct Lifts {
    entries: Vec<Changeable>,
    slots: Vec<Slot>,
    /// Pemda points per point of one unit's score in such a sample: f / size.
    pub share: Ratio,
}

/// One run of steps of a unit: its gain per step (pemda points), how many steps, and
/// the effort of each.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Run {
    pub gain: Ratio,
    pub room: u32,
    pub effort: u32,
}

impl Lifts {
    pub fn new(rs: &Ruleset, sc: &Scenario, size: usize) -> Result<Lifts, InputError> {
        let outcome = evaluate(rs, sc)?;
        outcome.aggregate.as_ref().ok_or_else(|| InputError::new("units", Problem::NoData))?;
        let all = units_share(rs, &outcome)?;
        // The share is f / n for the n units scored here; a sample has `size`.
        let share = all
            .checked_mul(Ratio::int(outcome.units.len() as i64))
            .and_then(|f| f.checked_div(Ratio::int(size as i64)))
            .ok_or_else(too_precise)?;
        let (entries, slots) = changeables(rs, sc, &outcome, share)?;
        Ok(Lifts { entries, slots, share })
    }

    /// The runs of the units in `units`.
    pub fn runs(&self, units: &[usize]) -> Vec<Run> {
        self.slots.iter().filter(|s| units.contains(&s.unit_index)).map(|s| Run { gain: s.gain, room: s.room, effort: s.effort }).collect()
    }

    /// The cheapest steps on `units` adding at least `need` pemda points, and their
    /// cost in effort; `None` when those units cannot add that much.
    pub fn cheapest(&self, sc: &Scenario, units: &[usize], need: Ratio) -> Result<Option<(Vec<Step>, u64)>, InputError> {
        if need <= Ratio::ZERO {
            return Ok(Some((Vec::new(), 0)));
        }
        let idx: Vec<usize> = (0..self.slots.len()).filter(|&i| units.contains(&self.slots[i].unit_index)).collect();
        let sub: Vec<Slot> = idx.iter().map(|&i| self.slots[i].clone()).collect();
        let (gains, n) = integer_scale(&sub, need, true)?;
        let Some(raise) = by_steps(&sub, &gains, n) else { return Ok(None) };
        // In ladder order, and topped up where merged runs fell short (as `plan` does).
        let raise = top_up(&sub, &gains, n, prefix_form(&sub, &raise));
        let mut full = vec![0u32; self.slots.len()];
        for (k, &i) in idx.iter().enumerate() {
            full[i] = raise[k];
        }
        let taken = ladder_steps(&self.entries, &self.slots, &full);
        Ok(Some((steps_taken(sc, &self.entries, &self.slots, &taken)?, plan_cost(&self.slots, &full, Objective::Steps))))
    }
}

/// Per unit (scenario index), the most pemda points one unit of effort can add to the
/// score of a sample of `size` units that contains it.
pub fn unit_rates(rs: &Ruleset, sc: &Scenario, size: usize) -> Result<SmallMap<usize, Ratio>, InputError> {
    let lifts = Lifts::new(rs, sc, size)?;
    let mut best: SmallMap<usize, Ratio> = SmallMap::new();
    for s in &lifts.slots {
        let rate = s.gain.checked_div(Ratio::int(s.effort.max(1) as i64)).ok_or_else(too_precise)?;
        let b = best.entry(s.unit_index).or_insert(rate);
        *b = (*b).max(rate);
    }
    Ok(best)
}

/// What one point of a weight-1 indicator of dimension `d` adds to the pemda score:
/// (W_d / ΣW) · max / den · share, where den = Σ max · weight over the dimension, times
/// `copies` (the unit's products, for per-product dimensions).
pub(super) fn point_gain(rs: &Ruleset, d: &crate::engine::ruleset::Dimension, copies: usize, share: Ratio) -> Result<Ratio, InputError> {
    let den: Decimal = d.indicators.iter().map(|i| Decimal::from(i.max) * i.weight * Decimal::from(copies)).sum();
    Ratio::from_decimal(d.weight)
        .checked_div(Ratio::from_decimal(rs.dimension_weight_total()))
        .and_then(|x| x.checked_mul(Ratio::from_decimal(rs.score_max)))
        .and_then(|x| x.checked_div(Ratio::from_decimal(den)))
        .and_then(|x| x.checked_mul(share))
        .ok_or_else(too_precise)
}

/// Every entry the planner may raise, and its ladder cut into runs of equal gain.
pub(super) fn changeables(
    rs: &Ruleset,
    sc: &Scenario,
    outcome: &Outcome,
    share: Ratio,
) -> Result<(Vec<Changeable>, Vec<Slot>), InputError> {
    let mut entries = Vec::new();
    let mut slots = Vec::new();
    for u in outcome.units.iter().filter(|u| u.level == Level::Indicators) {
        let unit = &sc.units[u.index];
        let Entry::Indicators(values) = &unit.entry else { continue };
        let locked: HashSet<&str> = unit.locked.iter().map(String::as_str).collect();
        for d in &rs.dimensions {
            let copies = if d.per_product { u.products } else { 1 };
            let per_weight = point_gain(rs, d, copies, share)?;
            for i in &d.indicators {
                let key = format!("{}.{}", d.id, i.id);
                if locked.contains(key.as_str()) {
                    continue;
                }
                let per_point = per_weight.checked_mul(Ratio::from_decimal(i.weight)).ok_or_else(too_precise)?;
                let effort = sc.effort.get(&key).copied().unwrap_or(1);
                let value = values.get(&key).or_else(|| values.get(&i.id).filter(|_| rs.resolve(&i.id).is_some()));
                for p in 0..copies {
                    let (kind, entered, point_gains) = match value {
                        Some(Values::Responses(counts)) => {
                            let Some(ladder) = response_ladder(counts, i.min, i.max) else { continue };
                            (Kind::Responses { counts: counts.clone(), min: i.min }, true, Gains::Each(ladder))
                        }
                        other => {
                            let current = match other {
                                Some(Values::One(x)) => *x,
                                Some(Values::PerProduct(xs)) => xs.get(p).copied().flatten(),
                                _ => None,
                            };
                            // Not entered counts as 0 (the first step then reaches min).
                            let from = current.unwrap_or(Decimal::ZERO);
                            let ladder = ladder(i, from);
                            let gains = ladder.gains(from);
                            (Kind::Level { from, ladder }, current.is_some(), gains)
                        }
                    };
                    if point_gains.is_empty() {
                        continue;
                    }
                    let entry = entries.len();
                    for (steps, points) in point_gains.runs() {
                        let (gain, count) = points;
                        slots.push(Slot {
                            entry,
                            unit_index: u.index,
                            gain: gain.checked_mul(per_point).ok_or_else(too_precise)?,
                            room: count,
                            effort: effort.saturating_mul(steps),
                            steps,
                        });
                    }
                    entries.push(Changeable { unit_index: u.index, key: key.clone(), product: d.per_product.then_some(p), entered, kind });
                }
            }
        }
    }
    Ok((entries, slots))
}

/// The values above a level an indicator can be raised through, in order: its listed
/// levels (`levels_only`), or a grid from `first` by `step` (whole levels, or a mean's
/// every 0,01), kept as a formula: a 500-unit plan over 0–100 scales once held 150
/// million decimals (3 GB).
#[derive(Debug, Clone, PartialEq)]
pub enum Ladder {
    Listed(Vec<Decimal>),
    Grid { first: Decimal, step: Decimal, count: u32 },
}

impl Ladder {
    /// The `k`-th value (from 0).
    pub fn at(&self, k: usize) -> Decimal {
        match self {
            Ladder::Listed(v) => v[k],
            Ladder::Grid { first, step, .. } => *first + *step * Decimal::from(k as u64),
        }
    }

    fn len(&self) -> usize {
        match self {
            Ladder::Listed(v) => v.len(),
            Ladder::Grid { count, .. } => *count as usize,
        }
    }

    /// What each value adds over the one before (the first over `from`).
    fn gains(&self, from: Decimal) -> Gains {
        match *self {
            // A grid whose first gain is no smaller than the rest never rises: its runs
            // are known without listing its steps.
            Ladder::Grid { first, step, count } if first - from >= step => {
                Gains::Grid { first: Ratio::from_decimal(first - from), step: Ratio::from_decimal(step), count }
            }
            _ => {
                let mut prev = from;
                Gains::Each(
                    (0..self.len())
                        .map(|k| {
                            let v = self.at(k);
                            let g = Ratio::from_decimal(v - prev);
                            prev = v;
                            g
                        })
                        .collect(),
                )
            }
        }
    }
}

/// The gains along a ladder: listed, or a first gain then `count − 1` equal ones.
pub(super) enum Gains {
    Each(Vec<Ratio>),
    Grid { first: Ratio, step: Ratio, count: u32 },
}

impl Gains {
    fn is_empty(&self) -> bool {
        match self {
            Gains::Each(v) => v.is_empty(),
            Gains::Grid { count, .. } => *count == 0,
        }
    }

    /// `concave_runs` of the gains; a non-rising grid directly.
    fn runs(self) -> Vec<(u32, (Ratio, u32))> {
        match self {
            Gains::Each(v) => concave_runs(v),
            Gains::Grid { first, step, count } if first == step => vec![(1, (step, count))],
            Gains::Grid { first, step, count } if count > 1 => vec![(1, (first, 1)), (1, (step, count - 1))],
            Gains::Grid { first, .. } => vec![(1, (first, 1))],
        }
    }
}

/// The values above `from` an indicator can be raised through, in order: its listed
/// levels (`levels_only`), its whole levels, or for a mean every 0,01 up to the top.
pub(super) fn ladder(i: &Indicator, from: Decimal) -> Ladder {
    let min = Decimal::from(i.min);
    if i.levels_only {
        let mut v: Vec<Decimal> = i.levels.iter().map(|l| Decimal::from(l.value)).filter(|&v| v > from).collect();
        crate::engine::order::sort(&mut v);
        v.dedup();
        return Ladder::Listed(v);
    }
    let step = if i.fractional { Decimal::new(1, 2) } else { Decimal::ONE };
    // The first value above `from` on the step grid, and never below the scale.
    let mut first = ((from / step).floor() + Decimal::ONE) * step;
    if first < min {
        first = min;
    }
    let max = Decimal::from(i.max);
    let count = if first > max { 0 } else { ((max - first) / step).floor().to_u32().unwrap_or(0) + 1 };
    Ladder::Grid { first, step, count }
}

/// Points each successive answer moved to the top adds to an unsur's mean: the lowest
/// answers first, (top − answer) / respondents each. `None` when nobody answered.
pub(super) fn response_ladder(counts: &[u32], min: u16, max: u16) -> Option<Vec<Ratio>> {
    let total: i64 = counts.iter().map(|&n| n as i64).sum();
    if total == 0 {
        return None;
    }
    let mut out = Vec::new();
    for (j, &n) in counts.iter().enumerate() {
        let answer = min as i64 + j as i64;
        if answer < max as i64 {
            let g = Ratio::new((max as i64 - answer) as i128, total as i128)?;
            out.extend(std::iter::repeat_n(g, n as usize));
        }
    }
    Some(out)
}

/// `k` answers moved from the lowest to the top answer.
pub(super) fn moved_to_top(counts: &[u32], k: u32) -> Vec<u32> {
    let mut out = counts.to_vec();
    let top = out.len() - 1;
    let mut left = k;
    for n in out.iter_mut().take(top) {
        let m = (*n).min(left);
        *n -= m;
        left -= m;
    }
    out[top] += k - left;
    out
}

/// Cuts a ladder's step gains into runs `(steps per unit, (gain per unit, units))` whose
/// gains never rise, merging a rising step into the one before (pool adjacent
/// violators), so taking units in order is also taking the best units first.
pub(super) fn concave_runs(gains: Vec<Ratio>) -> Vec<(u32, (Ratio, u32))> {
    // Segments as (total gain, steps), averages non-increasing.
    let mut segs: Vec<(Ratio, u32)> = Vec::new();
    for g in gains {
        let mut cur = (g, 1u32);
        while let Some(&(tg, ts)) = segs.last() {
            // cur average > top average ⇔ cur.g · ts > tg · cur.s
            let rises = cur.0.checked_mul(Ratio::int(ts as i64)).zip(tg.checked_mul(Ratio::int(cur.1 as i64))).is_some_and(|(a, b)| a > b);
            if !rises {
                break;
            }
            // Too large to add exactly: left unmerged, `top_up` still reaches the need.
            let Some(sum) = cur.0.checked_add(tg) else { break };
            segs.pop();
            cur = (sum, cur.1 + ts);
        }
        segs.push(cur);
    }
    let mut runs: Vec<(u32, (Ratio, u32))> = Vec::new();
    for (g, steps) in segs {
        match runs.last_mut() {
            Some((s, (rg, n))) if *s == steps && *rg == g => *n += 1,
            _ => runs.push((steps, (g, 1))),
        }
    }
    runs
}

/// Ladder steps per entry from units of room per slot, taken in ladder order: the
/// cover's units become the entry's first steps (same count and cost, gain at least).
pub(super) fn ladder_steps(entries: &[Changeable], slots: &[Slot], raise: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; entries.len()];
    for (s, &k) in slots.iter().zip(raise) {
        out[s.entry] += k * s.steps;
    }
    out
}

/// The exact gain of entry `idx`'s first `taken` ladder steps.
pub(super) fn entry_gain(slots: &[&Slot], taken: u32) -> Option<Ratio> {
    let mut left = taken;
    let mut total = Ratio::ZERO;
    for s in slots {
        let units = (left / s.steps).min(s.room);
        total = total.checked_add(s.gain.checked_mul(Ratio::int(units as i64))?)?;
        left -= units * s.steps;
        if left == 0 {
            break;
        }
    }
    Some(total)
}

//! Sampling risk: the Ombudsman scores a pemda on a sample of its units (two of its
//! Puskesmas, a handful of OPD), so the grade depends on which units are drawn. Over
//! every possible sample, each equally likely, this gives the chance of each category,
//! the worst and the best sample, and the units whose presence in the sample most
//! lowers the chance of reaching a target.
//!
//! Every sample of a pemda has the same number of units, so its score depends only on
//! the sum of their exact scores. Those are brought to one denominator once; a sample
//! is then an integer sum, and the category of a sum is read from thresholds found by
//! bisection over the very `aggregate_of_mean` the scorer uses. Up to `EXACT_LIMIT`
//! samples are enumerated; beyond, `DRAWS` samples are drawn with a fixed seed.

use crate::engine::error::{InputError, Problem, Says};
use crate::engine::exact::{gcd, Ratio};
use crate::engine::number::RoundingMode;
use crate::engine::ruleset::Ruleset;
use crate::engine::scenario::Scenario;
use crate::engine::score::{aggregate_of_mean, evaluate};
use rust_decimal::Decimal;

/// Enumerate every sample up to this many.
pub const EXACT_LIMIT: u128 = 1_000_000;
/// Beyond it, draw this many samples…
pub const DRAWS: u64 = 200_000;
/// …from this seed, so the same scenario always gives the same figures.
pub const SEED: u64 = 0x5241_504f_5231;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Exact,
    MonteCarlo,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::MonteCarlo => "monte-carlo",
        }
    }
}

/// One sample: its rounded score, its category and its units (indices in the scenario).
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub score: Decimal,
    pub band: usize,
    pub units: Vec<usize>,
}

/// How much a candidate's presence in the sample moves the chance of reaching the
/// target: P(reach | drawn) − P(reach), as `hits / drawn − reach / samples`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub unit_index: usize,
    pub unit: String,
    pub sector: String,
    /// Samples containing the unit, and those of them that reach the target.
    pub drawn: u64,
    pub hits: u64,
    pub delta: Ratio,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub method: Method,
    /// How many different samples the Ombudsman could draw.
    pub possible: u128,
    /// Samples counted: all of them, or the draws.
    pub samples: u64,
    /// Samples per band of the ruleset (top band first).
    pub counts: Vec<u64>,
    /// The target band and how many samples reach it (or better).
    pub target: usize,
    pub reach: u64,
    pub worst: Sample,
    pub best: Sample,
    /// The 10th, 50th and 90th percentile of the sample scores.
    pub quantiles: [Decimal; 3],
    /// Every candidate, the one that lowers the chance most first.
    pub weakest: Vec<Link>,
}

impl Risk {
    /// P(band), to four decimals.
    pub fn probability(&self, band: usize) -> Decimal {
        share(self.counts[band], self.samples)
    }

    pub fn reach_probability(&self) -> Decimal {
        share(self.reach, self.samples)
    }

    /// For draws: the largest standard error among the probabilities shown,
    /// √(p(1 − p) / draws). `None` when every sample was counted.
    pub fn standard_error(&self) -> Option<f64> {
        if self.method == Method::Exact {
            return None;
        }
        let n = self.samples as f64;
        let se = |k: u64| {
            let p = k as f64 / n;
            (p * (1.0 - p) / n).sqrt()
        };
        Some(self.counts.iter().map(|&k| se(k)).chain([se(self.reach)]).fold(0.0, f64::max))
    }
}

fn share(k: u64, n: u64) -> Decimal {
    Ratio::new(k as i128, n.max(1) as i128).and_then(|r| r.round(4, RoundingMode::HalfUp)).unwrap_or_default()
}

fn too_precise() -> InputError {
    InputError::new("", Problem::TooPrecise)
}

/// The units a sector draws from: each with its score as a numerator over the common
/// denominator.
struct Sector {
    name: String,
    draw: usize,
    candidates: Vec<(usize, i128)>,
}

/// The pemda's sample space: units always in it, and sectors drawn from.
struct Space {
    fixed: i128,
    fixed_units: Vec<usize>,
    sectors: Vec<Sector>,
    /// Units in every sample, and the common denominator of unit scores.
    size: i128,
    den: i128,
}

/// The sampling analysis of `sc`; `target` names a category (default: the one above
/// the worst sample's, or the top one).
pub fn risk(rs: &Ruleset, sc: &Scenario, target: Option<&str>) -> Result<Risk, InputError> {
    let sc = &*crate::engine::score::canonical(rs, sc)?;
    let space = space(rs, sc)?;
    let score = |sum: i128| sum_score(rs, sc, &space, sum);
    let worst = extreme(&space, false);
    let best = extreme(&space, true);
    let (worst_score, worst_band) = score(worst.0)?;
    let (best_score, best_band) = score(best.0)?;
    let target = target_band(rs, target, worst_band)?;
    // The least sum that earns each band (or better), found on the scorer itself.
    let mut least: Vec<Option<i128>> = Vec::with_capacity(rs.bands.len());
    for band in 0..rs.bands.len() {
        least.push(if best_band > band {
            None
        } else if worst_band <= band {
            Some(worst.0)
        } else {
            let (mut lo, mut hi) = (worst.0, best.0);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if score(mid)?.1 <= band {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Some(hi)
        });
    }
    let band_of = |sum: i128| least.iter().position(|l| l.is_some_and(|m| sum >= m)).unwrap_or(rs.bands.len() - 1);
    let possible = possible_samples(&space);
    let bands = rs.bands.len();
    let tally = if possible <= EXACT_LIMIT { enumerate(&space, bands, target, &band_of) } else { draw(&space, bands, target, &band_of) };
    let mut sums = tally.sums;
    let mut quantiles = [Decimal::ZERO; 3];
    for (q, pct) in quantiles.iter_mut().zip([10usize, 50, 90]) {
        let i = ((sums.len() - 1) * pct) / 100;
        *q = score(*sums.select_nth_unstable(i).1)?.0;
    }
    let samples = tally.counts.iter().sum::<u64>();
    let reach: u64 = tally.counts[..=target].iter().sum();
    let mut weakest = Vec::new();
    for (s, sector) in space.sectors.iter().enumerate() {
        for (c, &(unit_index, _)) in sector.candidates.iter().enumerate() {
            let (drawn, hits) = (tally.drawn[s][c], tally.hits[s][c]);
            let with = Ratio::new(hits as i128, drawn.max(1) as i128).ok_or_else(too_precise)?;
            let all = Ratio::new(reach as i128, samples.max(1) as i128).ok_or_else(too_precise)?;
            let delta = with.checked_sub(all).ok_or_else(too_precise)?;
            weakest.push(Link { unit_index, unit: sc.units[unit_index].name.clone(), sector: sector.name.clone(), drawn, hits, delta });
        }
    }
    crate::engine::order::sort_by(&mut weakest, |a, b| a.delta.cmp(&b.delta).then(a.unit_index.cmp(&b.unit_index)));
    Ok(Risk {
        method: if possible <= EXACT_LIMIT { Method::Exact } else { Method::MonteCarlo },
        possible,
        samples,
        counts: tally.counts,
        target,
        reach,
        worst: Sample { score: worst_score, band: worst_band, units: worst.1 },
        best: Sample { score: best_score, band: best_band, units: best.1 },
        quantiles,
        weakest,
    })
}

/// The rounded score and band of a sample with this sum.
fn sum_score(rs: &Ruleset, sc: &Scenario, space: &Space, sum: i128) -> Result<(Decimal, usize), InputError> {
    let mean = Ratio::new(sum, space.size.checked_mul(space.den).ok_or_else(too_precise)?).ok_or_else(too_precise)?;
    let a = aggregate_of_mean(rs, sc, mean)?;
    Ok((a.rounded, a.grade.band))
}

/// The band of the category named `target`; by default the one above `worst`'s (or the
/// top one): what lifts the floor of every sample by one grade.
pub fn target_band(rs: &Ruleset, target: Option<&str>, worst: usize) -> Result<usize, InputError> {
    match target {
        Some(t) => rs.bands.iter().position(|b| b.category == t).ok_or_else(|| {
            let known: Vec<&str> = rs.bands.iter().map(|b| b.category.as_str()).collect();
            InputError::new(
                "target",
                Problem::Says(Says::NotACategoryOf { given: t.to_string(), ruleset: rs.id.clone(), known: known.join(", ") }),
            )
        }),
        None => Ok(worst.saturating_sub(1)),
    }
}

/// The sample with the lowest score: every unit always drawn, and the weakest
/// candidates of every sector.
pub fn worst_sample(rs: &Ruleset, sc: &Scenario) -> Result<Sample, InputError> {
    let space = space(rs, sc)?;
    let (sum, units) = extreme(&space, false);
    let (score, band) = sum_score(rs, sc, &space, sum)?;
    Ok(Sample { score, band, units })
}

/// Who is drawn how: the units in every sample (scenario indices), and per sampled
/// sector how many of which candidates.
pub struct Layout {
    pub fixed: Vec<usize>,
    pub sectors: Vec<Draw>,
}

pub struct Draw {
    pub draw: usize,
    pub candidates: Vec<usize>,
}

pub fn layout(rs: &Ruleset, sc: &Scenario) -> Result<Layout, InputError> {
    let space = space(rs, sc)?;
    let sectors =
        space.sectors.into_iter().map(|s| Draw { draw: s.draw, candidates: s.candidates.into_iter().map(|c| c.0).collect() }).collect();
    Ok(Layout { fixed: space.fixed_units, sectors })
}

/// Every possible sample (its units, in scenario order), when there are at most
/// `limit` of them.
pub fn all_samples(rs: &Ruleset, sc: &Scenario, limit: u128) -> Result<Option<Vec<Vec<usize>>>, InputError> {
    let space = space(rs, sc)?;
    if possible_samples(&space) > limit {
        return Ok(None);
    }
    let mut out: Vec<Vec<usize>> = vec![space.fixed_units.clone()];
    for s in &space.sectors {
        let picks = combinations(s.candidates.len(), s.draw);
        out = out
            .iter()
            .flat_map(|base| picks.iter().map(move |p| base.iter().copied().chain(p.iter().map(|&c| s.candidates[c].0)).collect()))
            .collect();
    }
    for units in &mut out {
        crate::engine::order::sort(units);
    }
    Ok(Some(out))
}

/// Scores every unit, checks `sampling` against the units, and brings the scores to
/// one denominator.
fn space(rs: &Ruleset, sc: &Scenario) -> Result<Space, InputError> {
    let outcome = evaluate(rs, sc)?;
    if outcome.units.is_empty() {
        return Err(InputError::new("units", Problem::Says(Says::NoScoresYet)));
    }
    let mut den: i128 = 1;
    for u in &outcome.units {
        let d = u.exact.denom();
        den = (den / gcd(den, d)).checked_mul(d).ok_or_else(too_precise)?;
    }
    let numerator = |r: Ratio| r.numer().checked_mul(den / r.denom()).ok_or_else(too_precise);
    let mut sectors: Vec<Sector> = Vec::new();
    for (name, &draw) in &sc.sampling {
        let at = format!("sampling.{name}");
        let listed = sc.units.iter().filter(|u| u.sector.as_deref() == Some(name)).count();
        if listed == 0 {
            return Err(InputError::new(at, Problem::Says(Says::NoSuchSector(name.clone()))));
        }
        let candidates = outcome
            .units
            .iter()
            .filter(|u| sc.units[u.index].sector.as_deref() == Some(name))
            .map(|u| Ok((u.index, numerator(u.exact)?)))
            .collect::<Result<Vec<_>, InputError>>()?;
        if draw as usize > candidates.len() {
            let why =
                Says::TooFewScored { draw: draw as u64, sector: name.clone(), scored: candidates.len() as u64, listed: listed as u64 };
            return Err(InputError::new(at, Problem::Says(why)));
        }
        sectors.push(Sector { name: name.clone(), draw: draw as usize, candidates });
    }
    let mut fixed = 0i128;
    let mut fixed_units = Vec::new();
    for u in &outcome.units {
        let drawn = sc.units[u.index].sector.as_ref().is_some_and(|s| sc.sampling.contains_key(s));
        if !drawn {
            fixed = fixed.checked_add(numerator(u.exact)?).ok_or_else(too_precise)?;
            fixed_units.push(u.index);
        }
    }
    let size = (fixed_units.len() + sectors.iter().map(|s| s.draw).sum::<usize>()) as i128;
    Ok(Space { fixed, fixed_units, sectors, size, den })
}

/// The lowest (or highest) sum a sample can have, and its units: the `draw` weakest
/// (strongest) candidates of every sector.
fn extreme(space: &Space, highest: bool) -> (i128, Vec<usize>) {
    let mut sum = space.fixed;
    let mut units = space.fixed_units.clone();
    for s in &space.sectors {
        let mut c = s.candidates.clone();
        // Ties go to the unit listed first, so the answer does not depend on sorting.
        crate::engine::order::sort_by(&mut c, |a, b| if highest { b.1.cmp(&a.1) } else { a.1.cmp(&b.1) }.then(a.0.cmp(&b.0)));
        for &(i, x) in &c[..s.draw] {
            sum += x;
            units.push(i);
        }
    }
    crate::engine::order::sort(&mut units);
    (sum, units)
}

fn binomial(n: usize, k: usize) -> u128 {
    (0..k).fold(1u128, |acc, i| acc.saturating_mul((n - i) as u128) / (i as u128 + 1))
}

fn possible_samples(space: &Space) -> u128 {
    space.sectors.iter().fold(1u128, |acc, s| acc.saturating_mul(binomial(s.candidates.len(), s.draw)))
}

/// What the samples gave: per band, per candidate, and every sample's sum.
struct Tally {
    counts: Vec<u64>,
    drawn: Vec<Vec<u64>>,
    hits: Vec<Vec<u64>>,
    sums: Vec<i128>,
}

impl Tally {
    fn new(space: &Space, bands: usize) -> Tally {
        let zeros = || space.sectors.iter().map(|s| vec![0u64; s.candidates.len()]).collect::<Vec<_>>();
        Tally { counts: vec![0; bands], drawn: zeros(), hits: zeros(), sums: Vec::new() }
    }
}

/// Every combination of `k` of `0..n`, in lexicographic order.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut pick: Vec<usize> = (0..k).collect();
    loop {
        out.push(pick.clone());
        let Some(i) = (0..k).rev().find(|&i| pick[i] < n - k + i) else { return out };
        pick[i] += 1;
        for j in i + 1..k {
            pick[j] = pick[j - 1] + 1;
        }
    }
}

/// Counts every sample once.
fn enumerate(space: &Space, bands: usize, target: usize, band_of: &impl Fn(i128) -> usize) -> Tally {
    let mut t = Tally::new(space, bands);
    // Per sector, its combinations and their sums; then every pick of one per sector.
    let combos: Vec<Vec<(i128, Vec<usize>)>> = space
        .sectors
        .iter()
        .map(|s| combinations(s.candidates.len(), s.draw).into_iter().map(|c| (c.iter().map(|&i| s.candidates[i].1).sum(), c)).collect())
        .collect();
    let mut hits_per_combo: Vec<Vec<u64>> = combos.iter().map(|c| vec![0; c.len()]).collect();
    let mut at = vec![0usize; combos.len()];
    loop {
        let sum = space.fixed + at.iter().enumerate().map(|(s, &j)| combos[s][j].0).sum::<i128>();
        let band = band_of(sum);
        t.counts[band] += 1;
        if band <= target {
            for (s, &j) in at.iter().enumerate() {
                hits_per_combo[s][j] += 1;
            }
        }
        t.sums.push(sum);
        // The next pick, like an odometer.
        let mut s = combos.len();
        loop {
            if s == 0 {
                let total: u64 = t.counts.iter().sum();
                for (s, sector) in space.sectors.iter().enumerate() {
                    let n = sector.candidates.len() as u128;
                    for (j, (_, members)) in combos[s].iter().enumerate() {
                        for &c in members {
                            t.hits[s][c] += hits_per_combo[s][j];
                        }
                    }
                    // Each candidate is in k/n of the samples (a whole number of them).
                    t.drawn[s].iter_mut().for_each(|d| *d = (total as u128 * sector.draw as u128 / n) as u64);
                }
                return t;
            }
            s -= 1;
            at[s] += 1;
            if at[s] < combos[s].len() {
                break;
            }
            at[s] = 0;
        }
    }
}

/// Counts `DRAWS` samples drawn with a fixed seed.
fn draw(space: &Space, bands: usize, target: usize, band_of: &impl Fn(i128) -> usize) -> Tally {
    let mut t = Tally::new(space, bands);
    let mut rng = SplitMix(SEED);
    let mut order: Vec<Vec<usize>> = space.sectors.iter().map(|s| (0..s.candidates.len()).collect()).collect();
    for _ in 0..DRAWS {
        let mut sum = space.fixed;
        // A partial Fisher–Yates shuffle: the first `draw` places are the sample.
        for (s, sector) in space.sectors.iter().enumerate() {
            let o = &mut order[s];
            for i in 0..sector.draw {
                let j = i + (rng.next() % (o.len() - i) as u64) as usize;
                o.swap(i, j);
                sum += sector.candidates[o[i]].1;
            }
        }
        let band = band_of(sum);
        t.counts[band] += 1;
        for (s, sector) in space.sectors.iter().enumerate() {
            for &c in &order[s][..sector.draw] {
                t.drawn[s][c] += 1;
                if band <= target {
                    t.hits[s][c] += 1;
                }
            }
        }
        t.sums.push(sum);
    }
    t
}

/// SplitMix64: small, fast, and the same on every platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

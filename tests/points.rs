//! The points planner (`engine::plan::points`), for units entered as totals or by
//! dimension: hand-worked cases, and agreement with brute force on small grids.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::exact::Ratio;
use rapor::engine::plan::points::{cover_points, PointSlot};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn slot(unit: usize, from: &str, max: &str, gain: Ratio, effort: u32) -> PointSlot {
    PointSlot { unit_index: unit, unit: format!("U{unit}"), dimension: None, from: d(from), max: d(max), gain, effort }
}

/// Seven totals of 2024 (85,4 78,2 91 88,5 72,3 80 84,1: mean 579,5 / 7 = 82,79, B). A
/// starts at 88, reached (half-up, two places) from an exact 87,995: the totals must
/// gain 7 × 87,995 − 579,5 = 36,465 points, so 36,47 on the grid of 0,01. The five
/// lowest (400 in all) rise to one level: 5 × 87,29 = 436,45 gives 36,45, two hundredths
/// short, which go to the two lowest (72,3 and 78,2 end at 87,30): 36,47 in all.
#[test]
fn seven_totals_are_raised_to_one_level_weakest_first() {
    let totals = ["85.4", "78.2", "91", "88.5", "72.3", "80", "84.1"];
    let seventh = Ratio::new(1, 7).unwrap();
    let slots: Vec<PointSlot> = totals.iter().enumerate().map(|(i, t)| slot(i, t, "100", seventh, 1)).collect();
    // Exactly: 87,995 − 579,5 / 7.
    let need_exact = Ratio::from_decimal(d("87.995")).checked_sub(Ratio::new(5795, 70).unwrap()).unwrap();
    let steps = cover_points(&slots, need_exact, true, 2).unwrap();
    let to: Vec<(usize, Decimal)> = steps.iter().map(|s| (s.slot, s.to)).collect();
    assert_eq!(to, [(0, d("87.29")), (1, d("87.30")), (4, d("87.30")), (5, d("87.29")), (6, d("87.29"))]);
    let points: Decimal = steps.iter().map(|s| s.to - s.from).sum();
    assert_eq!(points, d("36.47"));
    // The mean after: (579,5 + 36,47) / 7 = 87,9957… → 88,00, A.
    let gained = steps.iter().fold(Ratio::ZERO, |a, s| a.checked_add(s.gain).unwrap());
    assert!(gained >= need_exact);
}

/// Dimensions by gain per effort: Proses gives 0,2 a point at effort 1, Output 0,3 at
/// effort 2 (0,15 per effort): Proses first, 1,0 / 0,2 = 5 points, 90 → 95.
#[test]
fn the_heaviest_dimension_per_effort_goes_first() {
    let mut proses = slot(0, "90", "100", Ratio::new(1, 5).unwrap(), 1);
    proses.dimension = Some("proses".into());
    let mut output = slot(0, "60", "100", Ratio::new(3, 10).unwrap(), 2);
    output.dimension = Some("output".into());
    let steps = cover_points(&[proses, output], Ratio::int(1), true, 2).unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!((steps[0].slot, steps[0].to), (0, d("95")));
    // More than Proses can give (2,0 at 100): Proses to the top, then Output by
    // (2,5 − 2,0) / 0,3 = 1,666… → 1,67 points.
    let mut proses = slot(0, "90", "100", Ratio::new(1, 5).unwrap(), 1);
    proses.dimension = Some("proses".into());
    let output = slot(0, "60", "100", Ratio::new(3, 10).unwrap(), 2);
    let steps = cover_points(&[proses, output], Ratio::new(5, 2).unwrap(), true, 2).unwrap();
    let to: Vec<Decimal> = steps.iter().map(|s| s.to).collect();
    assert_eq!(to, [d("100"), d("61.67")]);
}

/// Unreachable only when every slot at its maximum falls short; an exclusive bound
/// (SAKIP's "more than 90") is not met by landing on it.
#[test]
fn unreachable_only_when_it_is_and_exclusive_bounds_are_passed() {
    let half = Ratio::new(1, 2).unwrap();
    let slots = [slot(0, "99", "100", half, 1), slot(1, "98", "100", half, 1)];
    // At most (1 + 2) / 2 = 1,5.
    assert!(cover_points(&slots, Ratio::new(3, 2).unwrap(), true, 2).is_some());
    assert!(cover_points(&slots, Ratio::new(3, 2).unwrap(), false, 2).is_none());
    assert!(cover_points(&slots, Ratio::new(16, 10).unwrap(), true, 2).is_none());
    // Exclusive: 0,5 needed, more than it: 1,01 points, not 1,00.
    let steps = cover_points(&slots, half, false, 2).unwrap();
    let points: Decimal = steps.iter().map(|s| s.to - s.from).sum();
    assert_eq!(points, d("1.01"));
    // Nothing needed: no steps.
    assert_eq!(cover_points(&slots, Ratio::ZERO, true, 2).unwrap(), []);
}

/// On small grids (one decimal, up to three slots), the cost never exceeds the
/// cheapest cover found by trying every raise.
#[test]
fn agrees_with_brute_force_on_small_grids() {
    let mut seed: u64 = 0x5eed_2026;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let gains = [Ratio::new(1, 2).unwrap(), Ratio::new(1, 3).unwrap(), Ratio::new(2, 7).unwrap(), Ratio::new(1, 10).unwrap()];
    for _ in 0..300 {
        let n = 1 + next(3) as usize;
        let slots: Vec<PointSlot> = (0..n)
            .map(|i| {
                let from = next(20) as i64;
                let room = 1 + next(15) as i64;
                let mut s = slot(i, "0", "0", gains[next(4) as usize], 1 + next(2) as u32);
                s.from = Decimal::new(from, 1);
                s.max = Decimal::new(from + room, 1);
                s
            })
            .collect();
        let need = Ratio::new(1 + next(40) as i128, 20).unwrap();
        let inclusive = next(2) == 0;
        let reached = |g: Ratio| if inclusive { g >= need } else { g > need };
        // Every raise in tenths: the cheapest cost in tenths × effort.
        let rooms: Vec<i64> = slots.iter().map(|s| ((s.max - s.from) * Decimal::TEN).round().try_into().unwrap()).collect();
        let mut best: Option<i64> = None;
        let mut raise = vec![0i64; n];
        loop {
            let gain = (0..n).fold(Ratio::ZERO, |a, i| {
                a.checked_add(slots[i].gain.checked_mul(Ratio::new(raise[i] as i128, 10).unwrap()).unwrap()).unwrap()
            });
            if reached(gain) {
                let cost: i64 = (0..n).map(|i| raise[i] * i64::from(slots[i].effort)).sum();
                best = Some(best.map_or(cost, |b: i64| b.min(cost)));
            }
            let mut k = 0;
            while k < n && raise[k] == rooms[k] {
                raise[k] = 0;
                k += 1;
            }
            if k == n {
                break;
            }
            raise[k] += 1;
        }
        let ours = cover_points(&slots, need, inclusive, 1);
        match (best, ours) {
            (None, None) => {}
            (Some(b), Some(steps)) => {
                let cost: i64 = steps
                    .iter()
                    .map(|s| ((s.to - s.from) * Decimal::TEN).round().try_into().unwrap_or(0i64) * i64::from(slots[s.slot].effort))
                    .sum();
                let gain = steps.iter().fold(Ratio::ZERO, |a, s| a.checked_add(s.gain).unwrap());
                assert!(reached(gain), "{slots:?} need {need:?}");
                assert_eq!(cost, b, "{slots:?} need {need:?} inclusive {inclusive}: {steps:?}");
            }
            (b, o) => panic!("brute force {b:?}, ours {o:?} for {slots:?} need {need:?}"),
        }
    }
}

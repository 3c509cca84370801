//! Exact fractions for the arithmetic between input and the one final rounding.
//!
//! Decimals alone are not enough: a Proses score of 55/66 = 83.333… stored in 28 digits
//! makes 32.37 × 83.333… / 100 come out as 26.97499999… instead of 26.975, and a unit
//! whose true score is 72.165 would then round to 72.16. Every value enters as a
//! decimal (never a float) and becomes a fraction; only the final rounding leaves them.

use crate::engine::number::RoundingMode;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// `num / den` in lowest terms with `den > 0`. Operations are checked: `None` means the
/// fraction no longer fits, which the scorer reports instead of guessing.
/// In JSON (plans the worker sends the widget) the text `"num/den"`: JavaScript numbers
/// would lose digits of large fractions. Read back through `new`, so a fraction from
/// outside is in lowest terms too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Ratio {
    num: i128,
    den: i128,
}

/// Greatest common divisor (at least 1). Stein's binary algorithm: shifts and
/// subtractions only, because wasm has no 128-bit division instruction and emulates
/// `%` in software, which made Euclid's version the widget's hot spot.
pub fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    if a == 0 || b == 0 {
        return (a | b).max(1) as i128;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return (a << shift) as i128;
        }
    }
}

impl From<Ratio> for String {
    fn from(r: Ratio) -> Self {
        format!("{}/{}", r.num, r.den)
    }
}

impl TryFrom<String> for Ratio {
    type Error = &'static str;
    fn try_from(text: String) -> Result<Ratio, Self::Error> {
        Ratio::parse(&text).ok_or("not a fraction \"num/den\"")
    }
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    pub fn new(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den);
        let s = if den < 0 { -1 } else { 1 };
        Some(Ratio { num: s * num / g, den: s * den / g })
    }

    /// `"num/den"`, as written by `String::from`.
    pub fn parse(text: &str) -> Option<Ratio> {
        let (n, d) = text.split_once('/')?;
        Ratio::new(n.parse().ok()?, d.parse().ok()?)
    }

    pub fn int(n: i64) -> Ratio {
        Ratio { num: n as i128, den: 1 }
    }

    pub fn from_decimal(d: Decimal) -> Ratio {
        // scale ≤ 28 and 10^28 < 2^127, so this always fits.
        Ratio::new(d.mantissa(), 10i128.pow(d.scale())).expect("10^scale is never zero")
    }

    pub fn numer(self) -> i128 {
        self.num
    }

    pub fn denom(self) -> i128 {
        self.den
    }

    pub fn checked_add(self, o: Ratio) -> Option<Ratio> {
        let g = gcd(self.den, o.den);
        let l = (self.den / g).checked_mul(o.den)?;
        let a = self.num.checked_mul(l / self.den)?;
        let b = o.num.checked_mul(l / o.den)?;
        Ratio::new(a.checked_add(b)?, l)
    }

    pub fn checked_sub(self, o: Ratio) -> Option<Ratio> {
        self.checked_add(Ratio { num: -o.num, den: o.den })
    }

    pub fn checked_mul(self, o: Ratio) -> Option<Ratio> {
        // Cross-reduce first so intermediate products stay small.
        let g1 = gcd(self.num, o.den);
        let g2 = gcd(o.num, self.den);
        Ratio::new((self.num / g1).checked_mul(o.num / g2)?, (self.den / g2).checked_mul(o.den / g1)?)
    }

    pub fn checked_div(self, o: Ratio) -> Option<Ratio> {
        if o.num == 0 {
            return None;
        }
        self.checked_mul(Ratio { num: o.den, den: o.num }.normalised())
    }

    fn normalised(self) -> Ratio {
        if self.den < 0 {
            Ratio { num: -self.num, den: -self.den }
        } else {
            self
        }
    }

    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    /// Rounds exactly to `places` decimals by `mode`, keeping that many decimals.
    pub fn round(self, places: u32, mode: RoundingMode) -> Option<Decimal> {
        let scaled = self.num.checked_mul(10i128.checked_pow(places)?)?;
        let (q, r) = (scaled.div_euclid(self.den), scaled.rem_euclid(self.den));
        // q is the floor; r/den in [0, 1) is what is left.
        let up = match mode {
            _ if r == 0 => false,
            RoundingMode::HalfUp => {
                let twice = r.checked_mul(2)?;
                // Away from zero at the midpoint, for negatives too.
                twice > self.den || (twice == self.den && q >= 0)
            }
            RoundingMode::HalfEven => {
                let twice = r.checked_mul(2)?;
                twice > self.den || (twice == self.den && q.rem_euclid(2) == 1)
            }
            RoundingMode::Down => q < 0,
            RoundingMode::Up => q >= 0,
        };
        let q = if up { q + 1 } else { q };
        Decimal::try_from_i128_with_scale(q, places).ok()
    }

    /// A decimal close to the fraction (28 significant digits) for display only.
    pub fn to_decimal(self) -> Decimal {
        match (Decimal::try_from_i128_with_scale(self.num, 0), Decimal::try_from_i128_with_scale(self.den, 0)) {
            (Ok(n), Ok(d)) => n.checked_div(d).unwrap_or_default(),
            _ => self.round(20, RoundingMode::HalfEven).unwrap_or_default(),
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Ratio {
    fn cmp(&self, o: &Ratio) -> Ordering {
        match (self.num.checked_mul(o.den), o.num.checked_mul(self.den)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Beyond i128, compare by the difference's sign instead.
            _ => match self.checked_sub(*o) {
                Some(d) => d.num.cmp(&0),
                None => self.to_decimal().cmp(&o.to_decimal()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn r(s: &str) -> Ratio {
        Ratio::from_decimal(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn thirds_stay_exact_through_weighting() {
        // 32.37 × (55/66 × 100) / 100 = 32.37 × 5/6 = 26.975 exactly.
        let proses = Ratio::new(5500, 66).unwrap();
        let c = r("32.37").checked_mul(proses).unwrap().checked_div(Ratio::int(100)).unwrap();
        assert_eq!(c, r("26.975"));
        assert_eq!(c.round(2, RoundingMode::HalfUp).unwrap().to_string(), "26.98");
    }

    #[test]
    fn rounding_modes_at_the_midpoint() {
        let m = r("93.2775");
        assert_eq!(m.round(2, RoundingMode::HalfUp).unwrap().to_string(), "93.28");
        assert_eq!(m.round(2, RoundingMode::HalfEven).unwrap().to_string(), "93.28");
        assert_eq!(r("0.125").round(2, RoundingMode::HalfEven).unwrap().to_string(), "0.12");
        assert_eq!(r("93.2775").round(2, RoundingMode::Down).unwrap().to_string(), "93.27");
        assert_eq!(r("93.271").round(2, RoundingMode::Up).unwrap().to_string(), "93.28");
        assert_eq!(r("-1.005").round(2, RoundingMode::HalfUp).unwrap().to_string(), "-1.01");
        assert_eq!(Ratio::int(100).round(2, RoundingMode::HalfUp).unwrap().to_string(), "100.00");
        // 1/3 never reaches a midpoint: 33.333… → 33.33 whatever the mode (but Up).
        assert_eq!(Ratio::new(100, 3).unwrap().round(2, RoundingMode::HalfUp).unwrap().to_string(), "33.33");
    }

    #[test]
    fn gcd_agrees_with_euclid() {
        fn euclid(mut a: i128, mut b: i128) -> i128 {
            (a, b) = (a.abs(), b.abs());
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a.max(1)
        }
        let samples = [0i128, 1, 2, 3, 6, 9, 12, 45, 66, 100, 2185, 10_000, -18, 1 << 40, 3 * (1 << 70), 10i128.pow(28)];
        for &a in &samples {
            for &b in &samples {
                assert_eq!(gcd(a, b), euclid(a, b), "gcd({a}, {b})");
            }
        }
    }

    #[test]
    fn ordering_is_exact() {
        assert!(Ratio::new(1, 3).unwrap() < r("0.3333333333333333333333333334"));
        assert!(Ratio::new(1, 3).unwrap() > r("0.3333333333333333333333333333"));
    }
}

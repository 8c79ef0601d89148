//! The statistics an experiment's results rest on, written out rather than taken from a crate
//! so that each figure can be checked against a known case: Wilson intervals for a rate, the
//! two-proportion z-test and an unpooled interval for a difference, and Pearson's chi-square
//! for a sample ratio mismatch.

/// The two-sided 95% normal quantile.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The standard normal distribution's cumulative probability.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// The complementary error function, to about 1e-15 relative: Chebyshev fit from Numerical
/// Recipes (3rd ed., 6.2.2), good on the whole line.
pub fn erfc(x: f64) -> f64 {
    if x >= 0.0 {
        erfccheb(x)
    } else {
        2.0 - erfccheb(-x)
    }
}

// The coefficients as published, digits and all.
#[allow(clippy::excessive_precision)]
fn erfccheb(z: f64) -> f64 {
    const COF: [f64; 28] = [
        -1.3026537197817094,
        6.419_697_923_564_902_6e-1,
        1.9476473204185836e-2,
        -9.561_514_786_808_631e-3,
        -9.46595344482036e-4,
        3.66839497852761e-4,
        4.2523324806907e-5,
        -2.0278578112534e-5,
        -1.624290004647e-6,
        1.303655835580e-6,
        1.5626441722e-8,
        -8.5238095915e-8,
        6.529054439e-9,
        5.059343495e-9,
        -9.91364156e-10,
        -2.27365122e-10,
        9.6467911e-11,
        2.394038e-12,
        -6.886027e-12,
        8.94487e-13,
        3.13092e-13,
        -1.12708e-13,
        3.81e-16,
        7.106e-15,
        -1.523e-15,
        -9.4e-17,
        1.21e-16,
        -2.8e-17,
    ];
    let t = 2.0 / (2.0 + z);
    let ty = 4.0 * t - 2.0;
    let (mut d, mut dd) = (0.0, 0.0);
    for c in COF[1..].iter().rev() {
        let tmp = d;
        d = ty * d - dd + c;
        dd = tmp;
    }
    t * (-z * z + 0.5 * (COF[0] + ty * d) - dd).exp()
}

/// A 95% Wilson score interval for `successes` out of `n`: unlike the plain normal interval
/// it stays within 0..1 and is honest for small counts and rates near zero.
pub fn wilson(successes: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n) = (successes as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// A variant's rate against control's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// Variant's rate minus control's.
    pub diff: f64,
    /// Its 95% interval (unpooled standard error).
    pub low: f64,
    pub high: f64,
    /// Two-sided p-value of the pooled two-proportion z-test.
    pub p_value: f64,
}

/// Compares `c1` of `n1` (a variant) with `c0` of `n0` (control).
pub fn two_proportions(c0: u64, n0: u64, c1: u64, n1: u64) -> Option<Difference> {
    if n0 == 0 || n1 == 0 {
        return None;
    }
    let (c0, n0, c1, n1) = (c0 as f64, n0 as f64, c1 as f64, n1 as f64);
    let (p0, p1) = (c0 / n0, c1 / n1);
    let diff = p1 - p0;
    let se = (p0 * (1.0 - p0) / n0 + p1 * (1.0 - p1) / n1).sqrt();
    let pooled = (c0 + c1) / (n0 + n1);
    let se_pooled = (pooled * (1.0 - pooled) * (1.0 / n0 + 1.0 / n1)).sqrt();
    let p_value = if se_pooled == 0.0 {
        1.0
    } else {
        let z = diff / se_pooled;
        erfc(z.abs() / std::f64::consts::SQRT_2)
    };
    Some(Difference {
        diff,
        low: diff - Z95 * se,
        high: diff + Z95 * se,
        p_value,
    })
}

/// Pearson's chi-square of `observed` counts against the `shares` they were meant to split
/// in (any positive weights), and its p-value with one degree of freedom fewer than groups.
pub fn chi_square(observed: &[u64], shares: &[f64]) -> Option<(f64, f64)> {
    let total: f64 = observed.iter().map(|&n| n as f64).sum();
    let weight: f64 = shares.iter().sum();
    if observed.len() < 2 || observed.len() != shares.len() || total == 0.0 || weight <= 0.0 {
        return None;
    }
    let statistic: f64 = observed
        .iter()
        .zip(shares)
        .map(|(&o, &s)| {
            let expected = total * s / weight;
            (o as f64 - expected).powi(2) / expected
        })
        .sum();
    let df = (observed.len() - 1) as f64;
    Some((statistic, chi_square_survival(statistic, df)))
}

/// P(X > x) for chi-square with `df` degrees of freedom: the regularised upper incomplete
/// gamma function Q(df/2, x/2).
pub fn chi_square_survival(x: f64, df: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    gamma_q(df / 2.0, x / 2.0)
}

/// Q(a, x), by its series below a + 1 and its continued fraction above (Numerical Recipes
/// 6.2).
fn gamma_q(a: f64, x: f64) -> f64 {
    if x < a + 1.0 {
        1.0 - gamma_p_series(a, x)
    } else {
        gamma_q_fraction(a, x)
    }
}

fn gamma_p_series(a: f64, x: f64) -> f64 {
    let (mut ap, mut del) = (a, 1.0 / a);
    let mut sum = del;
    for _ in 0..1000 {
        ap += 1.0;
        del *= x / ap;
        sum += del;
        if del.abs() < sum.abs() * 1e-15 {
            break;
        }
    }
    sum * (-x + a * x.ln() - ln_gamma(a)).exp()
}

fn gamma_q_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..1000 {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < 1e-15 {
            break;
        }
    }
    (-x + a * x.ln() - ln_gamma(a)).exp() * h
}

/// ln Γ(x) for x > 0 (Lanczos, as in Numerical Recipes 6.1).
fn ln_gamma(x: f64) -> f64 {
    const COF: [f64; 14] = [
        57.156_235_665_862_92,
        -59.597_960_355_475_49,
        14.136_097_974_741_746,
        -0.491_913_816_097_620_2,
        0.339_946_499_848_118_9e-4,
        0.465_236_289_270_485_7e-4,
        -0.983_744_753_048_795_4e-4,
        0.158_088_703_224_912_5e-3,
        -0.210_264_441_724_104_9e-3,
        0.217_439_618_115_212_6e-3,
        -0.164_318_106_536_763_9e-3,
        0.844_182_239_838_527_4e-4,
        -0.261_908_384_015_814_1e-4,
        0.368_991_826_595_316_2e-5,
    ];
    let mut y = x;
    let tmp = x + 5.242_187_5;
    let tmp = (x + 0.5) * tmp.ln() - tmp;
    let mut ser = 0.999_999_999_999_997_1;
    for c in COF {
        y += 1.0;
        ser += c / y;
    }
    tmp + (2.506_628_274_631_000_5 * ser / x).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The expected figures come from SciPy 1.17, not from these functions:
    // binomtest(k, n).proportion_ci(method='wilson'), norm.cdf, chi2_contingency(...,
    // correction=False) for the z-test's p-value, chisquare and chi2.sf.
    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn the_normal_distribution_matches_its_tables() {
        assert!(close(normal_cdf(0.0), 0.5, 1e-15));
        assert!(close(normal_cdf(1.959_963_984_540_054), 0.975, 1e-12));
        assert!(close(normal_cdf(-1.0), 0.158_655_253_931_457_05, 1e-12));
        assert!(close(normal_cdf(3.0), 0.998_650_101_968_369_9, 1e-12));
    }

    #[test]
    fn a_wilson_interval_matches_the_textbook_case() {
        let (lo, hi) = wilson(50, 100);
        assert!(
            close(lo, 0.403_831_530, 1e-8) && close(hi, 0.596_168_470, 1e-8),
            "{lo} {hi}"
        );
        // No conversions yet: the interval still says how high the rate could be.
        let (lo, hi) = wilson(0, 20);
        assert_eq!(lo, 0.0);
        assert!(close(hi, 0.161_125_158, 1e-8), "{hi}");
        assert_eq!(wilson(0, 0), (0.0, 1.0));
    }

    #[test]
    fn two_proportions_match_an_independent_z_test() {
        // 200 of 2,000 in control, 260 of 2,000 in the variant.
        let d = two_proportions(200, 2000, 260, 2000).unwrap();
        assert!(close(d.diff, 0.03, 1e-12));
        assert!(close(d.p_value, 0.002_942_093, 1e-8), "{}", d.p_value);
        assert!(close(d.low, 0.010_249_047, 1e-8), "{}", d.low);
        assert!(close(d.high, 0.049_750_953, 1e-8), "{}", d.high);
        // The same rates: nothing to tell apart.
        let same = two_proportions(30, 300, 30, 300).unwrap();
        assert!(close(same.p_value, 1.0, 1e-12) && close(same.diff, 0.0, 1e-15));
        assert_eq!(two_proportions(0, 0, 1, 10), None);
    }

    #[test]
    fn chi_square_flags_a_broken_split_and_passes_a_fair_one() {
        let (x, p) = chi_square(&[5_000, 5_300], &[1.0, 1.0]).unwrap();
        assert!(close(x, 8.737_864_078, 1e-8), "{x}");
        assert!(close(p, 0.003_116_694, 1e-8), "{p}");
        let (_, fair) = chi_square(&[5_010, 4_990], &[50.0, 50.0]).unwrap();
        assert!(fair > 0.8, "{fair}");
        // Three groups meant 50/25/25.
        let (x, p) = chi_square(&[520, 230, 250], &[2.0, 1.0, 1.0]).unwrap();
        assert!(close(x, 2.4, 1e-9), "{x}");
        assert!(close(p, 0.301_194_212, 1e-8), "{p}");
        assert_eq!(chi_square(&[10], &[1.0]), None);
    }

    #[test]
    fn chi_square_tails_match_their_tables() {
        assert!(close(
            chi_square_survival(3.841_458_820_694_124, 1.0),
            0.05,
            1e-9
        ));
        assert!(close(
            chi_square_survival(16.918_977_604_620_45, 9.0),
            0.05,
            1e-9
        ));
        assert!(close(
            chi_square_survival(100.0, 3.0),
            1.554_159_4e-21,
            1e-26
        ));
    }
}

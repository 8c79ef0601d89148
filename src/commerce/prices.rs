//! Prices in more than one currency. Every price is set in the store's base currency; the
//! other price lists are derived from it once, when they are made, at a fixed rate written as
//! a ratio of integers and rounded to the steps shops price in (half euros, whole yuan): no
//! float anywhere, and what a list says is what an order in that currency charges.

use super::{Currency, Money};

/// The currency prices are set in.
pub const BASE: Currency = Currency::USD;

/// The currencies a shopper can choose, in the order the switcher lists them.
pub const OFFERED: [Currency; 3] = [Currency::USD, Currency::EUR, Currency::CNY];

/// How one base unit converts: `numerator / denominator` of the other currency's minor units
/// per base minor unit, and the step prices are rounded to (in minor units).
struct Rate {
    numerator: i64,
    denominator: i64,
    step: i64,
}

fn rate(to: Currency) -> Option<Rate> {
    match to {
        Currency::USD => Some(Rate {
            numerator: 1,
            denominator: 1,
            step: 1,
        }),
        // 0.92 € per dollar, to the half euro.
        Currency::EUR => Some(Rate {
            numerator: 92,
            denominator: 100,
            step: 50,
        }),
        // 7.20 ¥ per dollar, to the yuan.
        Currency::CNY => Some(Rate {
            numerator: 720,
            denominator: 100,
            step: 100,
        }),
        _ => None,
    }
}

/// `base` (in the base currency) in `to`, rounded half up to `to`'s price step and never
/// below one step for a positive price; `None` for a currency the store does not price in,
/// or an amount too large to hold.
pub fn convert(base: Money, to: Currency) -> Option<Money> {
    if base.currency != BASE {
        return None;
    }
    let r = rate(to)?;
    let scaled = base.minor.checked_mul(r.numerator)?;
    let unit = r.denominator.checked_mul(r.step)?;
    let steps = (scaled.checked_add(unit / 2)?).div_euclid(unit);
    let mut minor = steps.checked_mul(r.step)?;
    if base.minor > 0 && minor == 0 {
        minor = r.step;
    }
    Some(Money::new(minor, to))
}

/// `minor` units of the base currency, in `to` (for the store's own amounts: delivery,
/// thresholds, coupons); the base amount itself when `to` is not offered.
pub fn house(minor: i64, to: Currency) -> Money {
    let base = Money::new(minor, BASE);
    convert(base, to).unwrap_or(base)
}

/// The currency a shopper reading `language` sees until they choose one.
pub fn usual_for(language: &str) -> Currency {
    match language {
        "zh" => Currency::CNY,
        "ru" => Currency::EUR,
        _ => Currency::USD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::USD)
    }

    #[test]
    fn prices_convert_by_whole_numbers_and_round_to_the_currencys_steps() {
        // $29.50 × 0.92 = €27.14 → €27.00; × 7.20 = ¥212.40 → ¥212.
        assert_eq!(
            convert(usd(29_50), Currency::EUR),
            Some(Money::new(27_00, Currency::EUR))
        );
        assert_eq!(
            convert(usd(29_50), Currency::CNY),
            Some(Money::new(21_200, Currency::CNY))
        );
        // Half a step rounds up: $4.95 × 0.92 = €4.554 → €4.50; $75 → €69.00, ¥540.
        assert_eq!(
            convert(usd(4_95), Currency::EUR),
            Some(Money::new(4_50, Currency::EUR))
        );
        assert_eq!(
            convert(usd(75_00), Currency::EUR),
            Some(Money::new(69_00, Currency::EUR))
        );
        assert_eq!(
            convert(usd(75_00), Currency::CNY),
            Some(Money::new(54_000, Currency::CNY))
        );
        assert_eq!(
            convert(usd(12_95), Currency::CNY),
            Some(Money::new(93_00, Currency::CNY))
        );
        assert_eq!(
            convert(usd(1), Currency::EUR),
            Some(Money::new(50, Currency::EUR))
        );
        assert_eq!(
            convert(usd(0), Currency::CNY),
            Some(Money::new(0, Currency::CNY))
        );
        assert_eq!(convert(usd(29_50), Currency::USD), Some(usd(29_50)));
    }

    #[test]
    fn only_offered_currencies_from_the_base_and_no_overflow() {
        assert_eq!(convert(usd(100), Currency::JPY), None);
        assert_eq!(convert(Money::new(100, Currency::EUR), Currency::CNY), None);
        assert_eq!(convert(usd(i64::MAX / 2), Currency::CNY), None);
        assert_eq!(house(4_95, Currency::JPY), usd(4_95));
    }
}

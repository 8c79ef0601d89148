//! Coupon codes: what each takes off, and why one does not apply. Pure, so the checkout page
//! shows exactly the discount the backend will charge.

use super::checkout::Day;
use super::money::{Money, MoneyError};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Discount {
    /// Whole percent off the goods, 1–100.
    PercentOff(u32),
    /// A fixed amount off the goods, never more than the goods cost.
    AmountOff(Money),
    /// The standard delivery option costs nothing.
    FreeShipping,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coupon {
    pub code: String,
    pub discount: Discount,
    /// Goods must cost at least this much.
    pub min_spend: Option<Money>,
    /// The last day the code works.
    pub last_day: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CouponProblem {
    Unknown,
    /// `last_day` when the backend says which it was.
    Expired {
        last_day: Option<Day>,
    },
    BelowMinimum {
        min_spend: Money,
        short_by: Money,
    },
}

impl Coupon {
    /// Whether the coupon applies to goods worth `subtotal` on `today`.
    pub fn check(&self, subtotal: Money, today: Day) -> Result<(), CouponProblem> {
        if let Some(last_day) = self.last_day.filter(|d| today > *d) {
            return Err(CouponProblem::Expired {
                last_day: Some(last_day),
            });
        }
        if let Some(min_spend) = self.min_spend.filter(|m| subtotal.minor < m.minor) {
            return Err(CouponProblem::BelowMinimum {
                min_spend,
                short_by: Money::new(min_spend.minor - subtotal.minor, subtotal.currency),
            });
        }
        Ok(())
    }

    /// What comes off the goods. Percentages round half up to the minor unit.
    pub fn goods_off(&self, subtotal: Money) -> Result<Money, MoneyError> {
        let minor = match self.discount {
            Discount::PercentOff(p) => {
                let off = (i128::from(subtotal.minor) * i128::from(p.min(100)) + 50) / 100;
                i64::try_from(off).map_err(|_| MoneyError::Overflow)?
            }
            Discount::AmountOff(amount) => {
                if amount.currency != subtotal.currency {
                    return Err(MoneyError::CurrencyMismatch(
                        amount.currency.code(),
                        subtotal.currency.code(),
                    ));
                }
                amount.minor.clamp(0, subtotal.minor)
            }
            Discount::FreeShipping => 0,
        };
        Ok(Money::new(minor, subtotal.currency))
    }

    pub fn frees_shipping(&self) -> bool {
        self.discount == Discount::FreeShipping
    }
}

/// Codes are typed by people: case and surrounding spaces do not matter.
pub fn normalise_code(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::Currency;

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::USD)
    }

    fn coupon(discount: Discount) -> Coupon {
        Coupon {
            code: "X".into(),
            discount,
            min_spend: None,
            last_day: None,
        }
    }

    #[test]
    fn percent_off_rounds_half_up_and_amount_off_never_exceeds_the_goods() {
        assert_eq!(
            coupon(Discount::PercentOff(10))
                .goods_off(usd(19_95))
                .unwrap(),
            usd(2_00)
        );
        assert_eq!(
            coupon(Discount::PercentOff(10))
                .goods_off(usd(19_94))
                .unwrap(),
            usd(1_99)
        );
        assert_eq!(
            coupon(Discount::AmountOff(usd(15_00)))
                .goods_off(usd(9_00))
                .unwrap(),
            usd(9_00)
        );
        assert_eq!(
            coupon(Discount::FreeShipping)
                .goods_off(usd(50_00))
                .unwrap(),
            usd(0)
        );
        let euros = coupon(Discount::AmountOff(Money::new(5_00, Currency::EUR)));
        assert!(euros.goods_off(usd(50_00)).is_err());
    }

    #[test]
    fn a_coupon_says_why_it_does_not_apply() {
        let mut c = coupon(Discount::PercentOff(25));
        c.last_day = Some(Day(100));
        assert_eq!(
            c.check(usd(1), Day(100)),
            Ok(()),
            "the last day still counts"
        );
        assert_eq!(
            c.check(usd(1), Day(101)),
            Err(CouponProblem::Expired {
                last_day: Some(Day(100))
            })
        );
        let mut m = coupon(Discount::AmountOff(usd(15_00)));
        m.min_spend = Some(usd(10_000));
        assert_eq!(
            m.check(usd(88_00), Day(1)),
            Err(CouponProblem::BelowMinimum {
                min_spend: usd(10_000),
                short_by: usd(12_00)
            })
        );
        assert_eq!(m.check(usd(10_000), Day(1)), Ok(()));
    }

    #[test]
    fn codes_ignore_case_and_spaces() {
        assert_eq!(normalise_code("  welcome10 "), "WELCOME10");
    }
}

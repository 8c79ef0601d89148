//! Checkout arithmetic and rules, pure so every backend and the browser agree: shipping
//! options with delivery windows, tax, totals, and the test card gateway.

use super::money::{Money, MoneyError};
use super::promotions::{Coupon, CouponProblem};
use serde::{Deserialize, Serialize};

/// Goods at or above this ship free with the standard option (minor units of the base
/// currency; `prices::house` converts it).
pub const FREE_SHIPPING_FROM: i64 = 75_00;
/// The countries the store ships to (ISO 3166-1 alpha-2), in the order the form lists them.
pub const SHIPS_TO: &[&str] = &["US", "CA", "GB", "IE", "DE", "FR", "NL", "ES", "IT", "AU"];
/// Sales tax in basis points, applied to goods and shipping.
pub const TAX_BASIS_POINTS: i64 = 800;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingOption {
    pub code: String,
    pub label: String,
    pub price: Money,
    /// Business days from the order to the earliest and latest delivery.
    pub min_days: u32,
    pub max_days: u32,
}

/// The storefront's own delivery options for goods worth `subtotal`, priced in its currency
/// (`prices::house`: the base amounts, converted).
pub fn shipping_options(subtotal: Money) -> Vec<ShippingOption> {
    let money = |minor| super::prices::house(minor, subtotal.currency);
    let standard = if subtotal.minor >= money(FREE_SHIPPING_FROM).minor {
        0
    } else {
        4_95
    };
    vec![
        ShippingOption {
            code: "standard".into(),
            label: "Standard".into(),
            price: if standard == 0 {
                Money::new(0, subtotal.currency)
            } else {
                money(standard)
            },
            min_days: 3,
            max_days: 5,
        },
        ShippingOption {
            code: "express".into(),
            label: "Express".into(),
            price: money(12_95),
            min_days: 1,
            max_days: 2,
        },
    ]
}

/// How tax reaches the total: added on top (the embedded store's rule), or already in every
/// price (a backend that prices with tax, such as Vendure's `priceWithTax`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tax {
    Added { basis_points: i64 },
    Included,
}

/// What a backend offers at checkout for one cart: its delivery options, priced for that
/// cart, and how tax applies. The page and the charge both quote from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    pub options: Vec<ShippingOption>,
    pub tax: Tax,
}

impl Terms {
    /// The embedded store's rules: standard free from 75, express, sales tax on top.
    pub fn house(subtotal: Money) -> Terms {
        Terms {
            options: shipping_options(subtotal),
            tax: Tax::Added {
                basis_points: TAX_BASIS_POINTS,
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub subtotal: Money,
    /// Off the goods, from a coupon; zero without one.
    pub discount: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    /// The prices already hold `tax` (zero when the backend tells it only once the order is
    /// placed), so it is shown but not added.
    #[serde(default)]
    pub tax_included: bool,
}

/// Tax is on what is paid (goods after discount, plus shipping) and rounds half up to the
/// minor unit, so the shopper is never charged a fraction.
pub fn totals(
    subtotal: Money,
    discount: Money,
    shipping: Money,
    tax: Tax,
) -> Result<Totals, MoneyError> {
    let goods = Money::new(
        subtotal.minor - discount.minor.clamp(0, subtotal.minor),
        subtotal.currency,
    );
    let taxable = goods.checked_add(shipping)?;
    let basis_points = match tax {
        Tax::Added { basis_points } => basis_points,
        Tax::Included => {
            return Ok(Totals {
                subtotal,
                discount: Money::new(subtotal.minor - goods.minor, subtotal.currency),
                shipping,
                tax: Money::zero(subtotal.currency),
                total: taxable,
                tax_included: true,
            })
        }
    };
    let tax_minor = (i128::from(taxable.minor) * i128::from(basis_points) + 5_000) / 10_000;
    let tax = Money::new(
        i64::try_from(tax_minor).map_err(|_| MoneyError::Overflow)?,
        subtotal.currency,
    );
    Ok(Totals {
        subtotal,
        discount: Money::new(subtotal.minor - goods.minor, subtotal.currency),
        shipping,
        tax,
        total: taxable.checked_add(tax)?,
        tax_included: false,
    })
}

/// Everything the checkout shows and the backend charges for a cart: the delivery options
/// as priced with the coupon, and the totals for the chosen one. Bundle `savings` come off
/// first, and a code applies to what is left (its minimum spend too). A coupon that does not
/// apply takes nothing off and says why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub options: Vec<ShippingOption>,
    pub chosen: Option<ShippingOption>,
    pub totals: Totals,
    pub coupon_problem: Option<CouponProblem>,
}

pub fn quote(
    subtotal: Money,
    savings: Money,
    coupon: Option<&Coupon>,
    shipping_code: &str,
    today: Day,
    terms: &Terms,
) -> Result<Quote, MoneyError> {
    let savings = Money::new(savings.minor.clamp(0, subtotal.minor), subtotal.currency);
    let after_savings = Money::new(subtotal.minor - savings.minor, subtotal.currency);
    let problem = coupon.and_then(|c| c.check(after_savings, today).err());
    let applied = coupon.filter(|_| problem.is_none());
    let mut options = terms.options.clone();
    if applied.is_some_and(Coupon::frees_shipping) {
        for o in options.iter_mut().filter(|o| o.code == "standard") {
            o.price = Money::zero(subtotal.currency);
        }
    }
    let chosen = options.iter().find(|o| o.code == shipping_code).cloned();
    let discount = match applied {
        Some(c) => savings.checked_add(c.goods_off(after_savings)?)?,
        None => savings,
    };
    let shipping = chosen
        .as_ref()
        .map_or(Money::zero(subtotal.currency), |o| o.price);
    Ok(Quote {
        totals: totals(subtotal, discount, shipping, terms.tax)?,
        options,
        chosen,
        coupon_problem: problem,
    })
}

/// A calendar day, counted from 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Day(pub i64);

impl Day {
    pub fn from_unix(seconds: i64) -> Day {
        Day(seconds.div_euclid(86_400))
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }

    /// The day `n` business days later; weekends are skipped.
    pub fn add_business_days(self, n: u32) -> Day {
        let mut day = self;
        let mut left = n;
        while left > 0 {
            day = Day(day.0 + 1);
            if day.weekday() < 5 {
                left -= 1;
            }
        }
        day
    }

    /// (year, month 1-12, day 1-31), by Howard Hinnant's civil-from-days algorithm.
    pub fn civil(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    /// The day of (year, month 1-12, day 1-31): `civil` backwards (Hinnant's
    /// days-from-civil).
    pub fn from_civil(year: i64, month: u32, day: u32) -> Day {
        let (m, d) = (i64::from(month), i64::from(day));
        let y = if m <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }
}

/// The promised delivery window for an order placed at `placed_at` (Unix seconds).
pub fn delivery_window(placed_at: i64, option: &ShippingOption) -> (Day, Day) {
    let day = Day::from_unix(placed_at);
    (
        day.add_business_days(option.min_days),
        day.add_business_days(option.max_days),
    )
}

/// Paying on delivery means shipping before any money is seen: a parcel refused at the door
/// is the store's loss. It is offered for ordinary baskets only: at most this many units…
pub const PAY_ON_DELIVERY_MAX_UNITS: u32 = 10;
/// …and at most this much before shipping, in the base currency's minor units ($2,500.00: a
/// laptop on pay on delivery, not a van load); other currencies convert it
/// (`pay_on_delivery_max`).
pub const PAY_ON_DELIVERY_MAX_MINOR: i64 = 250_000;

/// The most goods paid for on delivery, in `currency`.
pub fn pay_on_delivery_max(currency: super::Currency) -> Money {
    super::prices::house(PAY_ON_DELIVERY_MAX_MINOR, currency)
}

/// Whether a cart may be paid for on delivery (see the limits above).
pub fn pay_on_delivery_allowed(cart: &super::model::Cart) -> bool {
    cart.item_count <= PAY_ON_DELIVERY_MAX_UNITS
        && cart.subtotal.minor <= pay_on_delivery_max(cart.subtotal.currency).minor
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentMethod {
    Card { brand: String, last4: String },
    PayOnDelivery,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardProblem {
    Number,
    Expiry,
    Expired,
    Cvc,
}

/// Why a payment was refused; nothing was charged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decline {
    Declined,
    InsufficientFunds,
}

/// A card as the test gateway hands it to the backend. A real gateway's script hands over a
/// token, never the number, and the bank answers when the backend's payment handler charges
/// it; here the token says what the answer will be, so the refusal still comes from the
/// backend, on every backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestCard {
    pub method: PaymentMethod,
    pub declines: Option<Decline>,
}

/// The test gateway's documented declines: these numbers pass every check and are refused.
pub const DECLINED_CARD: &str = "4000000000000002";
pub const INSUFFICIENT_FUNDS_CARD: &str = "4000000000009995";

/// The card number's digits if it could be a card (length and checksum); spaces and dashes
/// as people type them are fine. The browser runs this as the shopper types.
pub fn check_card_number(number: &str) -> Result<String, CardProblem> {
    let digits: String = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if !(12..=19).contains(&digits.len())
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || !luhn(&digits)
    {
        return Err(CardProblem::Number);
    }
    Ok(digits)
}

/// An expiry as MM/YY (or MM/YYYY) that has not passed; `today` is (year, month).
pub fn check_expiry(expiry: &str, today: (i64, u32)) -> Result<(), CardProblem> {
    let (month, year) = parse_expiry(expiry).ok_or(CardProblem::Expiry)?;
    if (year, month) < today {
        return Err(CardProblem::Expired);
    }
    Ok(())
}

pub fn check_cvc(cvc: &str) -> Result<(), CardProblem> {
    let cvc = cvc.trim();
    if !(3..=4).contains(&cvc.len()) || !cvc.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CardProblem::Cvc);
    }
    Ok(())
}

/// Checks a card the way the test gateway does. `today` is (year, month). Only the brand,
/// the last four digits and the gateway's answer leave this function: the number and CVC are
/// never stored or logged.
pub fn read_test_card(
    number: &str,
    expiry: &str,
    cvc: &str,
    today: (i64, u32),
) -> Result<TestCard, CardProblem> {
    let digits = check_card_number(number)?;
    check_expiry(expiry, today)?;
    check_cvc(cvc)?;
    let declines = match digits.as_str() {
        DECLINED_CARD => Some(Decline::Declined),
        INSUFFICIENT_FUNDS_CARD => Some(Decline::InsufficientFunds),
        _ => None,
    };
    let brand = match digits.as_bytes()[0] {
        b'4' => "Visa",
        b'5' | b'2' => "Mastercard",
        b'3' => "American Express",
        _ => "Card",
    };
    Ok(TestCard {
        method: PaymentMethod::Card {
            brand: brand.into(),
            last4: digits[digits.len() - 4..].to_string(),
        },
        declines,
    })
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 {
                    dd - 9
                } else {
                    dd
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// "MM/YY", "MM / YY" or "MM/YYYY" → (month, four-digit year).
fn parse_expiry(s: &str) -> Option<(u32, i64)> {
    let (m, y) = s.split_once('/')?;
    let month: u32 = m.trim().parse().ok().filter(|m| (1..=12).contains(m))?;
    let y = y.trim();
    let year: i64 = match y.len() {
        2 => 2000 + y.parse::<i64>().ok()?,
        4 => y.parse().ok()?,
        _ => return None,
    };
    Some((month, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUSE_TAX: Tax = Tax::Added {
        basis_points: TAX_BASIS_POINTS,
    };

    #[test]
    fn included_tax_is_not_added_again() {
        let t = totals(usd(10_00), usd(1_00), usd(5_00), Tax::Included).unwrap();
        assert_eq!(t.total, usd(14_00));
        assert!(t.tax_included);
        assert_eq!(t.tax, usd(0));
    }
    use crate::commerce::promotions::Discount;
    use crate::commerce::Currency;

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::USD)
    }

    #[test]
    fn standard_shipping_is_free_from_the_threshold() {
        assert_eq!(shipping_options(usd(74_99))[0].price, usd(4_95));
        assert_eq!(shipping_options(usd(75_00))[0].price, usd(0));
        assert_eq!(shipping_options(usd(75_00))[1].price, usd(12_95));
        // In yuan: ¥36 under ¥540 of goods, then free; express ¥93.
        let cny = |minor| Money::new(minor, Currency::CNY);
        assert_eq!(shipping_options(cny(53_900))[0].price, cny(36_00));
        assert_eq!(shipping_options(cny(54_000))[0].price, cny(0));
        assert_eq!(shipping_options(cny(54_000))[1].price, cny(93_00));
    }

    #[test]
    fn totals_add_tax_on_goods_and_shipping_rounded_half_up() {
        let t = totals(usd(10_00), usd(0), usd(4_95), HOUSE_TAX).unwrap();
        // 8% of 14.95 = 1.196 → 1.20
        assert_eq!(t.tax, usd(1_20));
        assert_eq!(t.total, usd(16_15));
        let t = totals(usd(6_25), usd(0), usd(0), HOUSE_TAX).unwrap();
        // 8% of 6.25 = 0.50 exactly
        assert_eq!(t.tax, usd(50));
    }

    #[test]
    fn a_quote_takes_the_coupon_off_before_tax_and_explains_one_that_does_not_apply() {
        let ten = Coupon {
            code: "TEN".into(),
            discount: Discount::PercentOff(10),
            min_spend: None,
            last_day: Some(Day(50)),
        };
        let q = quote(
            usd(40_00),
            usd(0),
            Some(&ten),
            "standard",
            Day(50),
            &Terms::house(usd(40_00)),
        )
        .unwrap();
        assert_eq!(q.totals.discount, usd(4_00));
        // 8% of (36.00 + 4.95) = 3.276 → 3.28
        assert_eq!(q.totals.tax, usd(3_28));
        assert_eq!(q.totals.total, usd(36_00 + 4_95 + 3_28));
        let late = quote(
            usd(40_00),
            usd(0),
            Some(&ten),
            "standard",
            Day(51),
            &Terms::house(usd(40_00)),
        )
        .unwrap();
        assert_eq!(late.totals.discount, usd(0));
        assert_eq!(
            late.coupon_problem,
            Some(CouponProblem::Expired {
                last_day: Some(Day(50))
            })
        );

        let ship = Coupon {
            discount: Discount::FreeShipping,
            ..ten.clone()
        };
        let q = quote(
            usd(20_00),
            usd(0),
            Some(&ship),
            "express",
            Day(1),
            &Terms::house(usd(20_00)),
        )
        .unwrap();
        assert_eq!(q.options[0].price, usd(0), "standard is free");
        assert_eq!(q.totals.shipping, usd(12_95), "express still costs");
        assert_eq!(
            quote(
                usd(20_00),
                usd(0),
                None,
                "nope",
                Day(1),
                &Terms::house(usd(20_00))
            )
            .unwrap()
            .chosen,
            None
        );
    }

    #[test]
    fn bundle_savings_come_off_first_and_a_code_applies_to_what_is_left() {
        let ten = Coupon {
            code: "TEN".into(),
            discount: Discount::PercentOff(10),
            min_spend: Some(usd(50_00)),
            last_day: None,
        };
        let terms = Terms::house(usd(60_00));
        let q = quote(
            usd(60_00),
            usd(6_00),
            Some(&ten),
            "standard",
            Day(1),
            &terms,
        )
        .unwrap();
        // 6.00 off the set, then 10 % of the 54.00 left.
        assert_eq!(q.totals.discount, usd(6_00 + 5_40));
        assert_eq!(q.totals.tax, usd(((48_60 + 4_95) * 8 + 50) / 100));
        // The code's minimum spend is met by what is paid for the goods, not their list price.
        let q = quote(
            usd(54_00),
            usd(5_40),
            Some(&ten),
            "standard",
            Day(1),
            &terms,
        )
        .unwrap();
        assert_eq!(q.totals.discount, usd(5_40));
        assert!(matches!(
            q.coupon_problem,
            Some(CouponProblem::BelowMinimum { .. })
        ));
        // A saving never exceeds the goods.
        let q = quote(usd(10_00), usd(99_00), None, "standard", Day(1), &terms).unwrap();
        assert_eq!(q.totals.discount, usd(10_00));
    }

    #[test]
    fn business_days_skip_weekends() {
        let friday = Day(20_777);
        assert_eq!(friday.civil(), (2026, 11, 20));
        assert_eq!(friday.weekday(), 4);
        assert_eq!(
            friday.add_business_days(1),
            Day(20_780),
            "Friday + 1 is Monday"
        );
        assert_eq!(
            friday.add_business_days(3),
            Day(20_782),
            "Friday + 3 is Wednesday"
        );
        assert_eq!(Day::from_unix(20_777 * 86_400 + 86_399), friday);
    }

    #[test]
    fn civil_dates_are_right_across_leap_years() {
        assert_eq!(Day(0).civil(), (1970, 1, 1));
        assert_eq!(Day(11_016).civil(), (2000, 2, 29));
        assert_eq!(Day(20_780).civil(), (2026, 11, 23));
        for day in [Day(0), Day(11_016), Day(20_780), Day(-1)] {
            let (y, m, d) = day.civil();
            assert_eq!(Day::from_civil(y, m, d), day);
        }
    }

    #[test]
    fn the_test_gateway_validates_and_marks_its_declines_as_documented() {
        let today = (2026, 11);
        assert_eq!(
            read_test_card("4242 4242 4242 4242", "12/30", "123", today),
            Ok(TestCard {
                method: PaymentMethod::Card {
                    brand: "Visa".into(),
                    last4: "4242".into()
                },
                declines: None
            })
        );
        assert_eq!(
            read_test_card("4242 4242 4242 4241", "12/30", "123", today),
            Err(CardProblem::Number)
        );
        assert_eq!(
            read_test_card("4242424242424242", "13/30", "123", today),
            Err(CardProblem::Expiry)
        );
        assert_eq!(
            read_test_card("4242424242424242", "10/26", "123", today),
            Err(CardProblem::Expired)
        );
        assert!(
            read_test_card("4242424242424242", "11/26", "123", today).is_ok(),
            "valid through its month"
        );
        assert_eq!(
            read_test_card("4242424242424242", "12/30", "12", today),
            Err(CardProblem::Cvc)
        );
        let declines = |number| read_test_card(number, "12/30", "123", today).map(|c| c.declines);
        assert_eq!(declines(DECLINED_CARD), Ok(Some(Decline::Declined)));
        assert_eq!(
            declines(INSUFFICIENT_FUNDS_CARD),
            Ok(Some(Decline::InsufficientFunds))
        );
    }
}

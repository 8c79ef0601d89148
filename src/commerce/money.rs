//! Money as integer minor units plus an ISO 4217 currency: never floats, so totals are exact.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    USD,
    EUR,
    GBP,
    JPY,
    CNY,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::USD => "USD",
            Currency::EUR => "EUR",
            Currency::GBP => "GBP",
            Currency::JPY => "JPY",
            Currency::CNY => "CNY",
        }
    }

    pub fn parse(code: &str) -> Option<Currency> {
        match code.to_ascii_uppercase().as_str() {
            "USD" => Some(Currency::USD),
            "EUR" => Some(Currency::EUR),
            "GBP" => Some(Currency::GBP),
            "JPY" => Some(Currency::JPY),
            "CNY" => Some(Currency::CNY),
            _ => None,
        }
    }

    /// Digits after the decimal point in the currency's minor unit (ISO 4217 exponent).
    pub fn exponent(self) -> u32 {
        match self {
            Currency::JPY => 0,
            _ => 2,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::USD => "$",
            Currency::EUR => "€",
            Currency::GBP => "£",
            Currency::JPY => "¥",
            // CLDR's symbol outside Chinese, where the yen's "¥" would be ambiguous.
            Currency::CNY => "CN¥",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// Amount in the currency's minor unit (cents for USD).
    pub minor: i64,
    pub currency: Currency,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("cannot combine {0} with {1}")]
    CurrencyMismatch(&'static str, &'static str),
    #[error("amount out of range")]
    Overflow,
}

impl Money {
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(
                self.currency.code(),
                other.currency.code(),
            ));
        }
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, self.currency))
    }

    pub fn checked_mul(self, quantity: u32) -> Result<Money, MoneyError> {
        let minor = self
            .minor
            .checked_mul(i64::from(quantity))
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(minor, self.currency))
    }

    /// Sums amounts that must share `currency`; an empty list is zero.
    pub fn sum<I: IntoIterator<Item = Money>>(
        currency: Currency,
        amounts: I,
    ) -> Result<Money, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }

    /// Whole percent saved against a higher reference price, rounded down so we never overstate.
    pub fn percent_off(self, compare_at: Money) -> Option<u32> {
        if compare_at.currency != self.currency || compare_at.minor <= self.minor || self.minor < 0
        {
            return None;
        }
        let saved = (compare_at.minor - self.minor) as i128 * 100 / compare_at.minor as i128;
        u32::try_from(saved).ok().filter(|p| *p > 0)
    }
}

impl Money {
    /// The amount as machines read it (structured data, feeds): `1234.50`, `-3.00`, `1200`.
    pub fn decimal(self) -> String {
        let (sign, major, minor, width) = self.parts();
        match width {
            0 => format!("{sign}{major}"),
            _ => format!("{sign}{major}.{minor:0width$}"),
        }
    }

    /// Sign, whole units, minor units and how many digits those take.
    fn parts(self) -> (&'static str, u64, u64, usize) {
        let exp = self.currency.exponent();
        let scale = 10u64.pow(exp);
        let abs = self.minor.unsigned_abs();
        let sign = if self.minor < 0 { "-" } else { "" };
        (sign, abs / scale, abs % scale, exp as usize)
    }
}

/// How the store writes money for a shopper, set once by the app (which knows the shopper's
/// language: `words::money`); until then, and in the widget, the English form below.
static WRITER: std::sync::OnceLock<fn(Money) -> String> = std::sync::OnceLock::new();

/// Has every shopper-facing `Money` written by `writer` from now on.
pub fn write_money_with(writer: fn(Money) -> String) {
    let _ = WRITER.set(writer);
}

/// Shopper-facing format, e.g. `$1,234.50`, `-€3.00`, `¥1,200`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(write) = WRITER.get() {
            return f.write_str(&write(*self));
        }
        let (sign, major, minor, width) = self.parts();
        let digits = major.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let symbol = self.currency.symbol();
        match width {
            0 => write!(f, "{sign}{symbol}{grouped}"),
            _ => write!(f, "{sign}{symbol}{grouped}.{minor:0width$}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_minor_units_with_grouping_and_sign() {
        assert_eq!(Money::new(123_450, Currency::USD).to_string(), "$1,234.50");
        assert_eq!(Money::new(5, Currency::EUR).to_string(), "€0.05");
        assert_eq!(Money::new(-300, Currency::GBP).to_string(), "-£3.00");
        assert_eq!(Money::new(1200, Currency::JPY).to_string(), "¥1,200");
        assert_eq!(
            Money::new(100_000_000, Currency::USD).to_string(),
            "$1,000,000.00"
        );
    }

    #[test]
    fn machines_read_plain_decimals() {
        assert_eq!(Money::new(123_450, Currency::USD).decimal(), "1234.50");
        assert_eq!(Money::new(5, Currency::EUR).decimal(), "0.05");
        assert_eq!(Money::new(-300, Currency::GBP).decimal(), "-3.00");
        assert_eq!(Money::new(1200, Currency::JPY).decimal(), "1200");
    }

    #[test]
    fn adding_different_currencies_is_refused() {
        let err = Money::new(1, Currency::USD)
            .checked_add(Money::new(1, Currency::EUR))
            .unwrap_err();
        assert_eq!(err, MoneyError::CurrencyMismatch("USD", "EUR"));
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        assert_eq!(
            Money::new(i64::MAX, Currency::USD).checked_mul(2),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::new(i64::MAX, Currency::USD).checked_add(Money::new(1, Currency::USD)),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn percent_off_rounds_down_and_ignores_non_discounts() {
        let price = Money::new(6_700, Currency::USD);
        assert_eq!(
            price.percent_off(Money::new(10_000, Currency::USD)),
            Some(33)
        );
        assert_eq!(price.percent_off(Money::new(6_700, Currency::USD)), None);
        assert_eq!(price.percent_off(Money::new(5_000, Currency::USD)), None);
        assert_eq!(price.percent_off(Money::new(10_000, Currency::EUR)), None);
    }
}

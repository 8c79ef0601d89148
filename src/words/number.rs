//! Numbers as each language writes them, by CLDR: digits, grouping and the decimal mark
//! (Persian: ۱٬۲۳۴٫۵۰; Russian: 1 234,50). ICU4X on the server; in the browser the browser's
//! own `Intl.NumberFormat`, fed a decimal string (no float anywhere), so the bundle carries no
//! data.

use super::Locale;

/// `units` with `fraction_digits` of them after the decimal mark: `(123450, 2)` is 1,234.50 in
/// English. Every fraction digit is written, zeros too.
#[cfg(not(target_arch = "wasm32"))]
pub fn decimal(locale: Locale, units: i64, fraction_digits: u8) -> String {
    use icu_decimal::{input::Decimal, DecimalFormatter};
    use std::cell::OnceCell;
    thread_local! {
        static FORMATTERS: [OnceCell<Option<DecimalFormatter>>; 4] =
            const { [const { OnceCell::new() }; 4] };
    }
    let mut value = Decimal::from(units);
    let places = i16::from(fraction_digits);
    value.multiply_pow10(-places);
    value.pad_end(-places);
    FORMATTERS.with(|f| {
        f[locale as usize]
            .get_or_init(|| {
                let tag: icu_locale_core::Locale = locale.code().parse().ok()?;
                DecimalFormatter::try_new(tag.into(), Default::default()).ok()
            })
            .as_ref()
            .map_or_else(|| value.to_string(), |f| f.format(&value).to_string())
    })
}

#[cfg(target_arch = "wasm32")]
pub fn decimal(locale: Locale, units: i64, fraction_digits: u8) -> String {
    use js_sys::{Array, Intl::NumberFormat, Object, Reflect};
    let options = Object::new();
    let places = wasm_bindgen::JsValue::from(fraction_digits);
    let _ = Reflect::set(&options, &"minimumFractionDigits".into(), &places);
    let _ = Reflect::set(&options, &"maximumFractionDigits".into(), &places);
    let format = NumberFormat::new(&Array::of1(&locale.code().into()), &options).format();
    let plain = plain_decimal(units, fraction_digits);
    format
        .call1(&wasm_bindgen::JsValue::NULL, &plain.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A price's sign and its figure without sign or symbol, as `locale` writes it: each language
/// places the symbol itself.
pub fn money_parts(locale: Locale, m: crate::commerce::Money) -> (&'static str, String) {
    let places = m.currency.exponent() as u8;
    let sign = if m.minor < 0 { "-" } else { "" };
    (sign, decimal(locale, m.minor.saturating_abs(), places))
}

/// "1234.50" for `(123450, 2)`: what Intl reads exactly (a string, not a float).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn plain_decimal(units: i64, fraction_digits: u8) -> String {
    let digits = units.unsigned_abs().to_string();
    let places = usize::from(fraction_digits);
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (whole, fraction) = padded.split_at(padded.len() - places);
    let sign = if units < 0 { "-" } else { "" };
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_numbers_its_own_way() {
        assert_eq!(decimal(Locale::En, 123_450, 2), "1,234.50");
        assert_eq!(decimal(Locale::Zh, 500, 2), "5.00");
        assert_eq!(decimal(Locale::Ru, 123_450, 2), "1\u{a0}234,50");
        assert_eq!(decimal(Locale::Fa, 123_450, 2), "۱٬۲۳۴٫۵۰");
        assert_eq!(decimal(Locale::Fa, 30, 0), "۳۰");
        assert_eq!(decimal(Locale::En, -5, 2), "-0.05");
    }

    #[test]
    fn prices_place_the_symbol_as_the_language_does() {
        use crate::commerce::{Currency, Money};
        let m = Money::new(123_450, Currency::USD);
        assert_eq!(crate::words::en::money(m), "$1,234.50");
        assert_eq!(crate::words::zh::money(m), "$1,234.50");
        assert_eq!(crate::words::ru::money(m), "1\u{a0}234,50\u{a0}$");
        assert_eq!(crate::words::fa::money(m), "\u{200e}$۱٬۲۳۴٫۵۰");
        let back = Money::new(-300, Currency::EUR);
        assert_eq!(crate::words::en::money(back), "-€3.00");
        assert_eq!(crate::words::ru::money(back), "-3,00\u{a0}€");
        assert_eq!(
            crate::words::en::money(Money::new(1200, Currency::JPY)),
            "¥1,200"
        );
    }

    #[test]
    fn price_filters_are_said_in_each_language() {
        use crate::commerce::Currency::USD;
        assert_eq!(
            crate::words::en::price_band(None, Some(25), USD),
            "Under $25"
        );
        assert_eq!(
            crate::words::en::price_band(Some(25), Some(50), USD),
            "$25 to $50"
        );
        assert_eq!(
            crate::words::en::price_band(Some(200), None, USD),
            "$200 and up"
        );
        assert_eq!(
            crate::words::ru::price_band(None, Some(25), USD),
            "до 25\u{a0}$"
        );
        assert_eq!(
            crate::words::fa::price_band(Some(200), None, USD),
            "\u{200e}$۲۰۰ و بیشتر"
        );
        assert_eq!(
            crate::words::zh::price_band(Some(25), Some(50), USD),
            "$25–$50"
        );
    }

    #[test]
    fn the_browser_is_given_an_exact_decimal() {
        assert_eq!(plain_decimal(123_450, 2), "1234.50");
        assert_eq!(plain_decimal(5, 2), "0.05");
        assert_eq!(plain_decimal(-300, 2), "-3.00");
        assert_eq!(plain_decimal(1200, 0), "1200");
    }
}

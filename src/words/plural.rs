//! Which plural form a count takes in a language, by CLDR's rules (Russian: 1 товар,
//! 2 товара, 5 товаров, 21 товар). Not written by hand: ICU4X on the server, and in the browser
//! the browser's own CLDR data (`Intl.PluralRules`), so the bundle carries no rules.

use super::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

#[cfg(not(target_arch = "wasm32"))]
pub fn form(locale: Locale, n: u64) -> Form {
    use icu_plurals::{PluralCategory as C, PluralRules};
    use std::cell::OnceCell;
    // Per thread: the rules hold their (compiled-in) data without locks.
    thread_local! {
        static RULES: [OnceCell<Option<PluralRules>>; 4] = const { [const { OnceCell::new() }; 4] };
    }
    let category = RULES.with(|rules| {
        let rules = rules[locale as usize].get_or_init(|| {
            let tag: icu_locale_core::Locale = locale.code().parse().ok()?;
            PluralRules::try_new(tag.into(), Default::default()).ok()
        });
        rules.as_ref().map(|r| r.category_for(n))
    });
    match category {
        Some(C::Zero) => Form::Zero,
        Some(C::One) => Form::One,
        Some(C::Two) => Form::Two,
        Some(C::Few) => Form::Few,
        Some(C::Many) => Form::Many,
        _ => Form::Other,
    }
}

#[cfg(target_arch = "wasm32")]
pub fn form(locale: Locale, n: u64) -> Form {
    use js_sys::{Array, Intl::PluralRules, Object};
    let rules = PluralRules::new(&Array::of1(&locale.code().into()), &Object::new());
    match rules.select(n as f64).as_string().as_deref() {
        Some("zero") => Form::Zero,
        Some("one") => Form::One,
        Some("two") => Form::Two,
        Some("few") => Form::Few,
        Some("many") => Form::Many,
        _ => Form::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_cldr_forms() {
        let ru: Vec<Form> = [1, 2, 5, 11, 21, 22, 25, 101]
            .iter()
            .map(|n| form(Locale::Ru, *n))
            .collect();
        use Form::*;
        assert_eq!(ru, [One, Few, Many, Many, One, Few, Many, One]);
        assert_eq!(form(Locale::En, 1), One);
        assert_eq!(form(Locale::En, 0), Other);
        assert_eq!(form(Locale::Zh, 1), Other);
        // Persian counts 0 and 1 alike (CLDR: i = 0 or n = 1).
        assert_eq!(form(Locale::Fa, 0), One);
        assert_eq!(form(Locale::Fa, 2), Other);
    }
}

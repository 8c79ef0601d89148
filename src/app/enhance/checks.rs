//! The checkout's inline checks: the server's own rules (`api::rules`, the card checks), run
//! on a field marked `data-check` when the shopper leaves it with something typed, then on
//! every keystroke until it is right. Leaving an empty field says nothing: tabbing through is
//! not a mistake.

use crate::api::rules;
use crate::commerce::checkout;
use crate::words::Label;
use wasm_bindgen::JsCast;

pub fn run(target: Option<web_sys::EventTarget>, leaving: bool) {
    let Some(input) = target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return;
    };
    if !input.has_attribute("data-check") {
        return;
    }
    let value = input.value();
    let started = input.has_attribute("data-checked");
    if !(started || (leaving && !value.trim().is_empty())) {
        return;
    }
    let today = input
        .form()
        .and_then(|f| f.get_attribute("data-today"))
        .and_then(|t| {
            let (year, month) = t.split_once('-')?;
            Some((year.parse().ok()?, month.parse().ok()?))
        })
        .unwrap_or((0, 0));
    let message = rule(&input.name(), &value, today);
    let _ = input.set_attribute("data-checked", "");
    super::said::about(&input, message.as_deref());
}

/// The message for `value` in the field `name`, or `None` when it is fine so far.
fn rule(name: &str, value: &str, today: (i64, u32)) -> Option<String> {
    let text = |label| rules::message(rules::text(name, label, value, 200, true));
    let card = |result: Result<(), checkout::CardProblem>| {
        result.err().map(|p| crate::w!(card_problem)(p).to_string())
    };
    match name {
        "email" => rules::message(rules::email(value)),
        "name" => text(Label::FullName),
        "line1" => text(Label::Address),
        "city" => text(Label::City),
        "postcode" => rules::message(rules::postcode(name, value)),
        "card_number" => card(checkout::check_card_number(value).map(|_| ())),
        "card_expiry" => card(checkout::check_expiry(value, today)),
        "card_cvc" => card(checkout::check_cvc(value)),
        _ => None,
    }
}

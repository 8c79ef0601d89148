//! The one checkout page: contact, address (with autofill hints), delivery, payment and every
//! cost, then one "Place order". A plain form, so it works before the wasm has loaded.

use super::checkout_address::AddressFields;
use super::checkout_summary::CheckoutSummary;
use super::or_problem;
use crate::api::checkout::{get_checkout, CheckoutData, PlaceOrder};
use crate::api::checkout::{OWN, RECIPIENT};
use crate::api::details::ForgetDetails;
use crate::api::rules;
use crate::app::components::field::{Field, FormErrors};
use crate::app::components::server_form::ServerForm;
use crate::app::local;
use crate::app::sender::{nothing, Sender};
use crate::commerce::checkout::{self, PaymentMethod};
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_checkout());
    view! {
        <Title text=w!(CHECKOUT_TITLE)/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
            {move || data.get().map(|r| or_problem(r, |d| {
                if d.cart.is_empty() {
                    view! {
                        <div class="empty-state">
                            <h1 class="empty-state__title">{w!(CART_EMPTY)}</h1>
                            <a class="button button--primary" href=local("/")>{w!(CONTINUE_SHOPPING)}</a>
                        </div>
                    }.into_any()
                } else {
                    view! { <CheckoutForm data=d/> }.into_any()
                }
            }))}
        </Suspense>
    }
}

/// The form, the summary and the code box: one island, since the delivery choice and the code
/// change the totals both show.
#[island]
fn CheckoutForm(data: CheckoutData) -> impl IntoView {
    let place = Sender::new(PlaceOrder::url(), nothing);
    let currency = data.cart.subtotal.currency;
    let errors = FormErrors::new(move || place.refused());
    let field_error = move |name: &'static str| errors.field(name);
    let general_error = move || errors.general();
    let today = data.today;
    let subtotal = data.cart.subtotal;
    // The options' names and windows never change on this page; their prices may (a coupon).
    let terms = data.terms.clone();
    let options = terms.options.clone();
    let remembered = data.prefill.clone();
    let on_device = data.remembered;
    let signed_in = data.signed_in;
    let shipping = RwSignal::new(
        remembered
            .as_ref()
            .map(|r| r.shipping.clone())
            .filter(|code| options.iter().any(|o| &o.code == code))
            .or_else(|| options.first().map(|o| o.code.clone()))
            .unwrap_or_default(),
    );
    let paying_by_card = RwSignal::new(!remembered.as_ref().is_some_and(|r| r.pay_on_delivery));
    let forget = Sender::new(ForgetDetails::url(), nothing);
    Effect::new(move |_| {
        if let Some(Ok(())) = forget.answer() {
            // The page's prefilled values came from the cookie just cleared: start clean.
            let _ = window().location().reload();
        }
    });
    let coupon = RwSignal::new(data.cart.coupon.clone());
    let savings = RwSignal::new(data.cart.savings.clone());
    // The same pure function the backend charges with, so the page shows what will be paid.
    let quote = Memo::new(move |_| {
        let saved = savings.with(|s| crate::commerce::bundles::total(s, currency));
        coupon.with(|c| {
            checkout::quote(subtotal, saved, c.as_ref(), &shipping.get(), today, &terms).ok()
        })
    });
    let totals = move || quote.get().map(|q| q.totals);
    let option_price = move |i: usize| {
        quote
            .get()
            .and_then(|q| q.options.get(i).map(|o| o.price))
            .map(|p| {
                if p.minor == 0 {
                    w!(FREE).to_string()
                } else {
                    p.to_string()
                }
            })
    };
    let (year, month, _) = today.civil();
    let card_check = move |rule: fn(&str, (i64, u32)) -> Result<(), checkout::CardProblem>| {
        Some(Callback::new(move |v: String| {
            rule(&v, (year, month))
                .err()
                .map(|p| w!(card_problem)(p).to_string())
        }))
    };

    view! {
        <h1>{w!(CHECKOUT_TITLE)}</h1>
        <div class="checkout">
            <ServerForm sender=place attr:class="checkout__form">
                <input type="hidden" name="attempt" value=data.attempt/>
                // What the total is shown in is what the order charges (`Refusal::CurrencyChanged`).
                <input type="hidden" name="currency" value=subtotal.currency.code()/>
                {move || general_error().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                <fieldset class="form-section">
                    <legend>{w!(CONTACT)}</legend>
                    <Field name="email" label=w!(EMAIL) kind="email" autocomplete="email" hint=w!(EMAIL_HINT)
                        value=remembered.as_ref().map(|r| r.email.clone()).unwrap_or_default()
                        check=Some(Callback::new(|v: String| rules::message(rules::email(&v)))) error=field_error("email")/>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{w!(SHIPPING_ADDRESS)}</legend>
                    <AddressFields names=OWN value=remembered.as_ref().map(|r| r.address.clone()) errors=errors/>
                </fieldset>
                <fieldset class="form-section gift">
                    <legend>{w!(GIFT)}</legend>
                    // Revealed by CSS (:has), so it works before the wasm has loaded.
                    <label class="check">
                        <input type="checkbox" name="gift" value="on" data-testid="gift"/>
                        <span>{w!(GIFT_TOGGLE)}</span>
                    </label>
                    <div class="gift__details">
                        <p class="field__hint">{w!(RECIPIENT_HINT)}</p>
                        <h3 class="gift__title">{w!(RECIPIENT_ADDRESS)}</h3>
                        <AddressFields names=RECIPIENT value=None errors=errors/>
                        <label class="field">
                            <span class="field__label">{w!(GIFT_MESSAGE)}</span>
                            <textarea class="field__input" name="gift_message" rows="3" maxlength="300"></textarea>
                            {move || field_error("gift_message").get().map(|m| view! { <span class="field__error">{m}</span> })}
                        </label>
                        <label class="check">
                            <input type="checkbox" name="gift_hide_prices" value="on"/>
                            <span>{w!(GIFT_HIDE_PRICES)}</span>
                        </label>
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{w!(DELIVERY)}</legend>
                    {options.iter().enumerate().map(|(i, o)| {
                        let (from, to) = (today.add_business_days(o.min_days), today.add_business_days(o.max_days));
                        let code = o.code.clone();
                        view! {
                            <label class="choice">
                                <input type="radio" name="shipping" value=o.code.clone() checked=o.code == shipping.get_untracked() on:change=move |_| shipping.set(code.clone())/>
                                <span class="choice__text">
                                    <span class="choice__title">{w!(shipping_label)(&o.code, &o.label, o.min_days, o.max_days)}</span>
                                    <span class="choice__hint">{w!(ARRIVES)} " " {w!(delivery_window)(from, to)}</span>
                                </span>
                                <span class="choice__price">{move || option_price(i)}</span>
                            </label>
                        }
                    }).collect_view()}
                    {move || field_error("shipping").get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
                </fieldset>
                <fieldset class="form-section">
                    <legend>{w!(PAYMENT)}</legend>
                    <label class="choice">
                        <input type="radio" name="payment" value="card" checked=paying_by_card.get_untracked() on:change=move |_| paying_by_card.set(true)/>
                        <span class="choice__text"><span class="choice__title">{w!(PAY_BY_CARD)}</span></span>
                    </label>
                    <div class="card-fields" hidden=move || !paying_by_card.get()>
                        <p class="field__hint">{w!(CARD_TEST_HINT)}</p>
                        <Field name="card_number" label=w!(CARD_NUMBER) autocomplete="cc-number" inputmode="numeric" optional=true
                            check=card_check(|v, _| checkout::check_card_number(v).map(|_| ())) error=field_error("card_number")/>
                        <div class="form-row">
                            <Field name="card_expiry" label=w!(CARD_EXPIRY) autocomplete="cc-exp" optional=true
                                check=card_check(checkout::check_expiry) error=field_error("card_expiry")/>
                            <Field name="card_cvc" label=w!(CARD_CVC) autocomplete="cc-csc" inputmode="numeric" optional=true
                                check=card_check(|v, _| checkout::check_cvc(v)) error=field_error("card_cvc")/>
                        </div>
                    </div>
                    <label class="choice">
                        <input type="radio" name="payment" value="delivery" checked=!paying_by_card.get_untracked() on:change=move |_| paying_by_card.set(false)/>
                        <span class="choice__text">
                            <span class="choice__title">{w!(PAY_ON_DELIVERY)}</span>
                            <span class="choice__hint">{w!(PAY_ON_DELIVERY_HINT)}</span>
                        </span>
                    </label>
                    {move || field_error("payment").get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
                </fieldset>
                {if signed_in {
                    view! { <p class="remembered">{w!(SIGNED_IN_AS)} " " {remembered.as_ref().map(|r| r.email.clone())}</p> }.into_any()
                } else if on_device {
                    view! {
                        <p class="remembered">{w!(REMEMBERED)} " "
                            <button class="link-button" type="submit" form="forget-details">{w!(FORGET_ME)}</button>
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <label class="check">
                            <input type="checkbox" name="remember" value="on" data-testid="remember"/>
                            <span>{w!(REMEMBER_ME)} <small class="field__hint">{w!(REMEMBER_ME_HINT)}</small></span>
                        </label>
                    }.into_any()
                }}
                <button class="button button--primary button--block checkout__place" type="submit" disabled=move || place.pending() data-testid="place-order">
                    {move || if place.pending() { w!(PLACING_ORDER) } else { w!(PLACE_ORDER) }}
                    {move || totals().map(|t| format!(" · {}", t.total))}
                </button>
            </ServerForm>
            <CheckoutSummary lines=data.cart.lines.clone() quote=quote coupon=coupon savings=savings/>
            // Outside the checkout form (forms do not nest); its button above points here.
            <ServerForm sender=forget attr:id="forget-details" attr:hidden=true><span></span></ServerForm>
        </div>
    }
}

/// "Visa ending 4242" or "Pay on delivery".
pub fn payment_label(p: &PaymentMethod) -> String {
    match p {
        PaymentMethod::Card { brand, last4 } => w!(card_ending)(brand, last4),
        PaymentMethod::PayOnDelivery => w!(PAY_ON_DELIVERY).to_string(),
    }
}

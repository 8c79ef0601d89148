//! The one checkout page: contact, address (with autofill hints), delivery, payment and every
//! cost, then one "Place order". A plain form, so it works before the wasm has loaded.

use super::checkout_address::AddressFields;
use super::checkout_summary::{price_or_free, CheckoutSummary};
use super::or_problem;
use crate::api::checkout::{get_checkout, CheckoutData, PlaceOrder};
use crate::api::checkout::{OWN, RECIPIENT};
use crate::api::details::ForgetDetails;
use crate::app::components::field::{Field, FormErrors};
use crate::app::enhance::EnhancedForms;
use crate::app::local;
use crate::commerce::checkout::{self, Day, PaymentMethod, ShippingOption, Terms};
use crate::commerce::Cart;
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

/// The form, the summary and the code box, drawn here. Once the wasm runs, the page's forms
/// are sent in place (`enhance`): a delivery choice or a code asks the server for the costs as
/// it draws them (`checkout/shown`), so the browser carries no pricing and no form views.
#[component]
fn CheckoutForm(data: CheckoutData) -> impl IntoView {
    let errors = FormErrors::posted(PlaceOrder::url());
    let today = data.today;
    let subtotal = data.cart.subtotal;
    let remembered = data.prefill.clone();
    let (on_device, signed_in) = (data.remembered, data.signed_in);
    let options = data.terms.options.clone();
    let shipping = remembered
        .as_ref()
        .map(|r| r.shipping.clone())
        .filter(|code| options.iter().any(|o| &o.code == code))
        .or_else(|| options.first().map(|o| o.code.clone()))
        .unwrap_or_default();
    let paying_by_card = !remembered.as_ref().is_some_and(|r| r.pay_on_delivery);
    let shown = shown_checkout(&data.cart, &data.terms, today, &shipping);
    let (year, month, _) = today.civil();
    view! {
        <h1>{w!(CHECKOUT_TITLE)}</h1>
        <div class="checkout">
            <form action=PlaceOrder::url() method="post" class="checkout__form" data-enhance=""
                data-today=format!("{year}-{month}")>
                <input type="hidden" name="attempt" value=data.attempt/>
                // What the total is shown in is what the order charges (`Refusal::CurrencyChanged`).
                <input type="hidden" name="currency" value=subtotal.currency.code()/>
                {errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                <fieldset class="form-section">
                    <legend>{w!(CONTACT)}</legend>
                    <Field name="email" label=w!(EMAIL) kind="email" autocomplete="email" hint=w!(EMAIL_HINT)
                        value=remembered.as_ref().map(|r| r.email.clone()).unwrap_or_default()
                        checked=true error=errors.field("email")/>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{w!(SHIPPING_ADDRESS)}</legend>
                    <AddressFields names=OWN value=remembered.as_ref().map(|r| r.address.clone()) errors=errors/>
                </fieldset>
                {view! { <GiftFields errors/> }.into_any()}
                {view! { <DeliveryChoice options today shipping prices=shown.prices errors/> }.into_any()}
                {view! { <PaymentChoice paying_by_card errors/> }.into_any()}
                {view! { <Remembered signed_in on_device email=remembered.as_ref().map(|r| r.email.clone())/> }.into_any()}
                <button class="button button--primary button--block checkout__place" type="submit"
                    data-testid="place-order" data-pending=w!(PLACING_ORDER)>
                    <span data-label="">{w!(PLACE_ORDER)}</span>
                    <span class="checkout__place-total">{shown.total}</span>
                </button>
            </form>
            <aside class="checkout__summary" aria-labelledby="summary-title" inner_html=shown.summary></aside>
            // Outside the checkout form (forms do not nest); its button above points here.
            <form action=ForgetDetails::url() method="post" id="forget-details" hidden data-enhance="" data-then="reload"></form>
            <EnhancedForms/>
        </div>
    }
}

/// A gift: the recipient's address and a message. Revealed by CSS (:has), so it works before
/// the wasm has loaded.
#[component]
fn GiftFields(errors: FormErrors) -> impl IntoView {
    view! {
        <fieldset class="form-section gift">
            <legend>{w!(GIFT)}</legend>
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
                    <textarea class="field__input" id="f-gift_message" name="gift_message" rows="3" maxlength="300"></textarea>
                    {errors.field("gift_message").get().map(|m| view! { <span class="field__error" id="f-gift_message-error">{m}</span> })}
                </label>
                <label class="check">
                    <input type="checkbox" name="gift_hide_prices" value="on"/>
                    <span>{w!(GIFT_HIDE_PRICES)}</span>
                </label>
            </div>
        </fieldset>
    }
}

/// The delivery options, each with its window and price (`prices`, as `checkout/shown`
/// draws them again when another is picked).
#[component]
fn DeliveryChoice(
    options: Vec<ShippingOption>,
    today: Day,
    shipping: String,
    prices: Vec<String>,
    errors: FormErrors,
) -> impl IntoView {
    view! {
        <fieldset class="form-section">
            <legend>{w!(DELIVERY)}</legend>
            {options.into_iter().zip(prices).map(|(o, price)| {
                let (from, to) = (today.add_business_days(o.min_days), today.add_business_days(o.max_days));
                view! {
                    <label class="choice">
                        <input type="radio" name="shipping" value=o.code.clone() checked=o.code == shipping/>
                        <span class="choice__text">
                            <span class="choice__title">{w!(shipping_label)(&o.code, &o.label, o.min_days, o.max_days)}</span>
                            <span class="choice__hint">{w!(ARRIVES)} " " {w!(delivery_window)(from, to)}</span>
                        </span>
                        <span class="choice__price">{price}</span>
                    </label>
                }
            }).collect_view()}
            {errors.field("shipping").get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
        </fieldset>
    }
}

/// Card or pay on delivery; the card's fields are hidden by CSS (:has) while paying on
/// delivery, so it works before the wasm.
#[component]
fn PaymentChoice(paying_by_card: bool, errors: FormErrors) -> impl IntoView {
    view! {
        <fieldset class="form-section payment">
            <legend>{w!(PAYMENT)}</legend>
            <label class="choice">
                <input type="radio" name="payment" value="card" checked=paying_by_card/>
                <span class="choice__text"><span class="choice__title">{w!(PAY_BY_CARD)}</span></span>
            </label>
            <div class="card-fields">
                <p class="field__hint">{w!(CARD_TEST_HINT)}</p>
                <Field name="card_number" label=w!(CARD_NUMBER) autocomplete="cc-number" inputmode="numeric" optional=true
                    checked=true error=errors.field("card_number")/>
                <div class="form-row">
                    <Field name="card_expiry" label=w!(CARD_EXPIRY) autocomplete="cc-exp" optional=true
                        checked=true error=errors.field("card_expiry")/>
                    <Field name="card_cvc" label=w!(CARD_CVC) autocomplete="cc-csc" inputmode="numeric" optional=true
                        checked=true error=errors.field("card_cvc")/>
                </div>
            </div>
            <label class="choice">
                <input type="radio" name="payment" value="delivery" checked=!paying_by_card/>
                <span class="choice__text">
                    <span class="choice__title">{w!(PAY_ON_DELIVERY)}</span>
                    <span class="choice__hint">{w!(PAY_ON_DELIVERY_HINT)}</span>
                </span>
            </label>
            {errors.field("payment").get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
        </fieldset>
    }
}

/// Who the details are for: the signed-in customer, a device that remembers them (with a way
/// to forget), or the choice to be remembered.
#[component]
fn Remembered(signed_in: bool, on_device: bool, email: Option<String>) -> impl IntoView {
    if signed_in {
        view! { <p class="remembered">{w!(SIGNED_IN_AS)} " " {email}</p> }.into_any()
    } else if on_device {
        view! {
            <p class="remembered">{w!(REMEMBERED)} " "
                <button class="link-button" type="submit" form="forget-details">{w!(FORGET_ME)}</button>
            </p>
        }
        .into_any()
    } else {
        view! {
            <label class="check">
                <input type="checkbox" name="remember" value="on" data-testid="remember"/>
                <span>{w!(REMEMBER_ME)} <small class="field__hint">{w!(REMEMBER_ME_HINT)}</small></span>
            </label>
        }
        .into_any()
    }
}

/// The checkout's costs with `shipping` chosen, drawn: the summary, the Place order button's
/// total and each option's price. The same pure function the backend charges with, so the
/// page shows what will be paid.
pub fn shown_checkout(
    cart: &Cart,
    terms: &Terms,
    today: Day,
    shipping: &str,
) -> crate::api::checkout_shown::ShownCheckout {
    let currency = cart.subtotal.currency;
    let saved = crate::commerce::bundles::total(&cart.savings, currency);
    let quote = checkout::quote(
        cart.subtotal,
        saved,
        cart.coupon.as_ref(),
        shipping,
        today,
        terms,
    )
    .ok();
    let prices = match &quote {
        Some(q) => q.options.iter().map(|o| price_or_free(o.price)).collect(),
        None => vec![String::new(); terms.options.len()],
    };
    let total = quote
        .as_ref()
        .map(|q| format!(" · {}", q.totals.total))
        .unwrap_or_default();
    let summary = view! {
        <CheckoutSummary lines=cart.lines.clone() quote coupon=cart.coupon.clone() savings=cart.savings.clone()/>
    }
    .to_html();
    crate::api::checkout_shown::ShownCheckout {
        summary,
        total,
        prices,
    }
}

/// "Visa ending 4242" or "Pay on delivery".
pub fn payment_label(p: &PaymentMethod) -> String {
    match p {
        PaymentMethod::Card { brand, last4 } => w!(card_ending)(brand, last4),
        PaymentMethod::PayOnDelivery => w!(PAY_ON_DELIVERY).to_string(),
    }
}

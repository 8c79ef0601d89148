//! The checkout's order summary: items, the discount code, and every cost before the last
//! click. The code has its own small form, so applying one never disturbs the checkout form.

use crate::api::checkout::{ApplyCoupon, RemoveCoupon};
use crate::app::components::cart_lines::savings_named;
use crate::app::components::field::{Field, FormErrors};
use crate::app::components::server_form::ServerForm;
use crate::app::sender::{json, Sender};
use crate::commerce::bundles::Saving;
use crate::commerce::checkout::Quote;
use crate::commerce::promotions::Coupon;
use crate::commerce::CartLine;
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn CheckoutSummary(
    lines: Vec<CartLine>,
    quote: Memo<Option<Quote>>,
    coupon: RwSignal<Option<Coupon>>,
    /// Bundle discounts: each shown on its own line, the code's discount after them.
    savings: RwSignal<Vec<Saving>>,
) -> impl IntoView {
    let totals = move || quote.get().map(|q| q.totals);
    view! {
        <aside class="checkout__summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{w!(ORDER_SUMMARY)}</h2>
            <ul class="summary-lines">
                {lines.into_iter().map(|l| view! {
                    <li class="summary-line">
                        <img src=l.image.url alt="" width="56" height="56"/>
                        <span class="summary-line__name">{l.product_name} <small>{l.variant_title} " × " {l.quantity}</small></span>
                        <span class="summary-line__total">{l.line_total.to_string()}</span>
                    </li>
                }).collect_view()}
            </ul>
            <CouponBox quote=quote coupon=coupon savings=savings/>
            {move || totals().map(|t| {
                let shown = savings.get();
                let saved = crate::commerce::bundles::total(&shown, t.discount.currency);
                let code_off = crate::commerce::Money::new(t.discount.minor - saved.minor, t.discount.currency);
                view! {
                <dl class="totals" data-testid="checkout-totals">
                    <div><dt>{w!(SUBTOTAL)}</dt><dd>{t.subtotal.to_string()}</dd></div>
                    // One line for every bundle, hidden without one (each extra row is wasm).
                    <div class="totals__discount" data-testid="saving" hidden=saved.minor == 0>
                        <dt>{savings_named(&shown)}</dt><dd>"−" {saved.to_string()}</dd>
                    </div>
                    {(code_off.minor > 0).then(|| view! {
                        <div class="totals__discount"><dt>{w!(DISCOUNT)}</dt><dd data-testid="checkout-discount">"−" {code_off.to_string()}</dd></div>
                    })}
                    <div><dt>{w!(SHIPPING)}</dt><dd>{if t.shipping.minor == 0 { w!(FREE).to_string() } else { t.shipping.to_string() }}</dd></div>
                    {let (label, amount) = w!(tax_line)(&t); view! { <div><dt>{label}</dt><dd>{amount}</dd></div> }}
                    <div class="totals__grand"><dt>{w!(TOTAL)}</dt><dd data-testid="checkout-total">{t.total.to_string()}</dd></div>
                </dl>
            }})}
        </aside>
    }
}

/// Enter a code, or see the applied one (and why it does not apply, if it no longer does).
#[component]
fn CouponBox(
    quote: Memo<Option<Quote>>,
    coupon: RwSignal<Option<Coupon>>,
    savings: RwSignal<Vec<Saving>>,
) -> impl IntoView {
    let currency = quote
        .with_untracked(|q| q.as_ref().map(|q| q.totals.subtotal.currency))
        .unwrap_or(crate::commerce::prices::BASE);
    // SAVE15's minimum spend, in the currency the page shows.
    let save15_from = crate::commerce::prices::house(10_000, currency);
    let apply = Sender::new(ApplyCoupon::url(), json::<crate::commerce::Cart>);
    let remove = Sender::new(RemoveCoupon::url(), json::<crate::commerce::Cart>);
    Effect::new(move |_| {
        if let Some(Ok(cart)) = apply.answer() {
            // A backend's own promotions may change with the code.
            savings.set(cart.savings);
            coupon.set(cart.coupon);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(cart)) = remove.answer() {
            savings.set(cart.savings);
            coupon.set(cart.coupon);
        }
    });
    let errors = FormErrors::new(move || apply.refused());
    let problem = move || {
        quote
            .get()
            .and_then(|q| q.coupon_problem)
            .map(|p| w!(coupon_problem)(&p))
    };
    view! {
        <div class="coupon">
            {move || match coupon.get() {
                Some(c) => view! {
                    <ServerForm sender=remove attr:class="coupon__applied">
                        <span class="coupon__label" data-testid="coupon-applied">{w!(coupon_label)(&c)}</span>
                        <button class="button button--ghost" type="submit">{w!(COUPON_REMOVE)}</button>
                    </ServerForm>
                    {problem().map(|m| view! { <p class="field__error" role="alert" data-testid="coupon-problem">{m}</p> })}
                }.into_any(),
                None => view! {
                    <ServerForm sender=apply attr:class="coupon__form">
                        <Field name="code" label=w!(COUPON) autocomplete="off" optional=true maxlength=32
                            hint=w!(coupon_hint)(save15_from) error=errors.field("coupon")/>
                        <button class="button button--ghost" type="submit" disabled=move || apply.pending()>
                            {w!(COUPON_APPLY)}
                        </button>
                    </ServerForm>
                    {move || errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                }.into_any(),
            }}
        </div>
    }
}

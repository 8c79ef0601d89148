//! The checkout's order summary: items, the discount code, and every cost before the last
//! click. The code has its own small form, so applying one never disturbs the checkout form.
//! Drawn on the server, for the page and for `checkout/shown` alike.

use crate::api::checkout::{ApplyCoupon, RemoveCoupon};
use crate::app::components::cart_lines::savings_named;
use crate::app::components::field::{Field, FormErrors};
use crate::app::components::picture::{Loading, Picture};
use crate::commerce::bundles::Saving;
use crate::commerce::checkout::Quote;
use crate::commerce::promotions::Coupon;
use crate::commerce::{CartLine, Money};
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn CheckoutSummary(
    lines: Vec<CartLine>,
    quote: Option<Quote>,
    coupon: Option<Coupon>,
    /// Bundle discounts: each shown on its own line, the code's discount after them.
    savings: Vec<Saving>,
) -> impl IntoView {
    let problem = quote.as_ref().and_then(|q| q.coupon_problem.clone());
    let currency = quote.as_ref().map(|q| q.totals.subtotal.currency);
    let totals = quote.map(|q| q.totals).map(|t| {
        let saved = crate::commerce::bundles::total(&savings, t.discount.currency);
        let code_off = Money::new(t.discount.minor - saved.minor, t.discount.currency);
        view! {
            <dl class="totals" data-testid="checkout-totals">
                <div><dt>{w!(SUBTOTAL)}</dt><dd>{t.subtotal.to_string()}</dd></div>
                {(saved.minor > 0).then(|| view! {
                    <div class="totals__discount" data-testid="saving">
                        <dt>{savings_named(&savings)}</dt><dd>"−" {saved.to_string()}</dd>
                    </div>
                })}
                {(code_off.minor > 0).then(|| view! {
                    <div class="totals__discount"><dt>{w!(DISCOUNT)}</dt><dd data-testid="checkout-discount">"−" {code_off.to_string()}</dd></div>
                })}
                <div><dt>{w!(SHIPPING)}</dt><dd>{price_or_free(t.shipping)}</dd></div>
                {let (label, amount) = w!(tax_line)(&t); view! { <div><dt>{label}</dt><dd>{amount}</dd></div> }}
                <div class="totals__grand"><dt>{w!(TOTAL)}</dt><dd data-testid="checkout-total">{t.total.to_string()}</dd></div>
            </dl>
        }
    });
    view! {
        <h2 id="summary-title">{w!(ORDER_SUMMARY)}</h2>
        <ul class="summary-lines">
            {lines.into_iter().map(|l| view! {
                <li class="summary-line">
                    <Picture image=l.image sizes="56px" size=56 loading=Loading::Eager/>
                    <span class="summary-line__name">{l.product_name} <small>{l.variant_title} " × " {l.quantity}</small></span>
                    <span class="summary-line__total">{l.line_total.to_string()}</span>
                </li>
            }).collect_view()}
        </ul>
        <CouponBox coupon problem currency=currency.unwrap_or(crate::commerce::prices::BASE)/>
        {totals}
    }
}

/// A delivery price as the summary and the options say it: "Free" rather than $0.00.
pub fn price_or_free(price: Money) -> String {
    if price.minor == 0 {
        w!(FREE).to_string()
    } else {
        price.to_string()
    }
}

/// Enter a code, or see the applied one (and why it does not apply, if it no longer does).
/// Either form, once sent, has the page ask for the summary again (`data-then`).
#[component]
fn CouponBox(
    coupon: Option<Coupon>,
    problem: Option<crate::commerce::promotions::CouponProblem>,
    currency: crate::commerce::Currency,
) -> impl IntoView {
    // SAVE15's minimum spend, in the currency the page shows.
    let save15_from = crate::commerce::prices::house(10_000, currency);
    let errors = FormErrors::posted(ApplyCoupon::url());
    view! {
        <div class="coupon">
            {match coupon {
                Some(c) => view! {
                    <form action=RemoveCoupon::url() method="post" class="coupon__applied" data-enhance="" data-then="summary">
                        <span class="coupon__label" data-testid="coupon-applied">{w!(coupon_label)(&c)}</span>
                        <button class="button button--ghost" type="submit">{w!(COUPON_REMOVE)}</button>
                    </form>
                    {problem.map(|p| view! { <p class="field__error" role="alert" data-testid="coupon-problem">{w!(coupon_problem)(&p)}</p> })}
                }.into_any(),
                None => view! {
                    <form action=ApplyCoupon::url() method="post" class="coupon__form" data-enhance="" data-then="summary">
                        {errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                        <Field name="code" said_as="coupon" label=w!(COUPON) autocomplete="off" optional=true maxlength=32
                            hint=w!(coupon_hint)(save15_from) error=errors.field("coupon")/>
                        <button class="button button--ghost" type="submit">{w!(COUPON_APPLY)}</button>
                    </form>
                }.into_any(),
            }}
        </div>
    }
}

//! An order as its owner sees it from the signed link: the confirmation right after checkout.

use super::checkout::payment_label;
use super::or_problem;
use crate::api::checkout::get_order;
use crate::app::strings;
use crate::commerce::Order;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        (
            params.read().get("code").unwrap_or_default(),
            query.read().get("t").unwrap_or_default(),
        )
    };
    let order = Resource::new(key, |(code, token)| get_order(code, token));
    view! {
        <Meta name="robots" content="noindex"/>
        <Meta name="referrer" content="no-referrer"/>
        <Suspense fallback=|| view! { <p class="loading">{strings::LOADING}</p> }>
            {move || order.get().map(|r| or_problem(r, |o| view! { <OrderView order=o/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn OrderView(order: Order) -> impl IntoView {
    let a = &order.address;
    let ship_to = [
        a.name.as_str(),
        a.line1.as_str(),
        a.line2.as_str(),
        a.city.as_str(),
        a.postcode.as_str(),
        strings::country_name(&a.country),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .map(|s| view! { <span>{s.to_string()}</span> })
    .collect_view();
    view! {
        <Title text=format!("{} {}", strings::ORDER_NUMBER, order.code)/>
        <section class="order">
            <header class="order__header">
                <h1>{strings::ORDER_CONFIRMED}</h1>
                <p>{strings::ORDER_NUMBER} ": " <strong data-testid="order-code">{order.code.clone()}</strong></p>
                <p class="order__eta">{strings::ARRIVES} " " <strong>{strings::delivery_window(order.delivery.0, order.delivery.1)}</strong>
                    " · " {strings::shipping_label(&order.shipping.label, order.shipping.min_days, order.shipping.max_days)}</p>
                <p class="field__hint">{strings::TRACK_HINT}</p>
            </header>
            <div class="order__grid">
                <div>
                    <h2>{strings::SHIPS_TO}</h2>
                    <address class="order__address">{ship_to}</address>
                    <h2>{strings::PAID_WITH}</h2>
                    <p>{payment_label(&order.payment)}</p>
                </div>
                <div>
                    <h2>{strings::ORDER_SUMMARY}</h2>
                    <ul class="summary-lines">
                        {order.lines.iter().map(|l| view! {
                            <li class="summary-line">
                                <span class="summary-line__name">{l.product_name.clone()} <small>{l.variant_title.clone()} " × " {l.quantity}</small></span>
                                <span class="summary-line__total">{l.line_total.to_string()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    <dl class="totals">
                        <div><dt>{strings::SUBTOTAL}</dt><dd>{order.totals.subtotal.to_string()}</dd></div>
                        <div><dt>{strings::SHIPPING}</dt><dd>{order.totals.shipping.to_string()}</dd></div>
                        <div><dt>{strings::TAX}</dt><dd>{order.totals.tax.to_string()}</dd></div>
                        <div class="totals__grand"><dt>{strings::TOTAL}</dt><dd data-testid="order-total">{order.totals.total.to_string()}</dd></div>
                    </dl>
                </div>
            </div>
        </section>
    }
}

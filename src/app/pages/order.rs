//! An order as its owner sees it from the signed link: the confirmation right after checkout,
//! and the tracking page afterwards, which follows the order live while it is open.

use super::checkout::payment_label;
use super::or_problem;
use crate::api::orders::{get_order, TrackedOrder};
use crate::app::components::address::AddressLines;
use crate::commerce::tracking::{self, StepState};
use crate::commerce::Order;
use crate::w;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// How often an open tracking page asks for news while the order can still change.
#[cfg(feature = "hydrate")]
const POLL_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

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
        <Meta name="referrer" content="same-origin"/>
        <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
            {move || order.get().map(|r| or_problem(r, |t| {
                let (code, token) = key();
                let review = ToReview::of(&t.order, &token);
                view! {
                    <Title text=format!("{} {}", w!(ORDER_NUMBER), t.order.code)/>
                    <LiveOrderView tracked=t code token/>
                    {review}
                }.into_any()
            }))}
        </Suspense>
    }
}

/// Once delivered, a link to review each product the order bought (drawn on the server: the
/// live order above does not need it in the wasm).
struct ToReview;

impl ToReview {
    fn of(order: &Order, token: &str) -> Option<impl IntoView> {
        if order.status != crate::commerce::OrderStatus::Delivered {
            return None;
        }
        let mut lines: Vec<&crate::commerce::OrderLine> = Vec::new();
        for l in &order.lines {
            if !l.product_handle.is_empty()
                && !lines.iter().any(|k| k.product_handle == l.product_handle)
            {
                lines.push(l);
            }
        }
        let items = lines
            .into_iter()
            .map(|l| {
                let href = crate::app::local(&format!(
                    "/orders/{}/review/{}?t={token}",
                    order.code, l.product_handle
                ));
                view! {
                    <li>
                        <span>{l.product_name.clone()}</span>
                        <a class="button button--ghost button--small" href=href data-testid="review-link"
                            aria-label=w!(review_of)(&l.product_name)>{w!(REVIEW_PRODUCT)}</a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="order__reviews" aria-labelledby="review-title">
                <h2 id="review-title">{w!(REVIEW_YOUR_PURCHASES)}</h2>
                <ul class="order__review-list">{items}</ul>
            </section>
        })
    }
}

/// The order, drawn on the server, and what an open tracking page needs to ask for news.
#[component]
fn LiveOrderView(tracked: TrackedOrder, code: String, token: String) -> impl IntoView {
    let shown = shown_order(tracked);
    view! {
        <div class="order-live" data-code=code data-token=token data-stamp=shown.stamp
            data-open=if shown.open { "true" } else { "false" }>
            <LiveOrder>
                <div class="order-live__contents" inner_html=shown.html></div>
            </LiveOrder>
        </div>
    }
}

/// The order as its page draws it, stamped. The stamp only tells one drawing from another
/// for the page that asks, so std's hasher does.
pub fn shown_order(tracked: TrackedOrder) -> crate::api::orders::ShownOrder {
    use std::hash::{Hash, Hasher};
    let open = tracking::may_change(tracked.order.status);
    let html = view! { <OrderView tracked/> }.to_html();
    let mut hasher = std::hash::DefaultHasher::new();
    html.hash(&mut hasher);
    crate::api::orders::ShownOrder {
        open,
        stamp: format!("{:016x}", hasher.finish()),
        html,
    }
}

/// The order's island, with nothing of its own to draw: while the order can still change and
/// the tab is visible, it asks for news every few seconds (`orders/shown`) and puts the
/// server's new drawing in place when it differs. (What it needs is read from the drawing
/// around it: a prop would make the browser carry a JSON reader.)
#[island]
fn LiveOrder(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    poll_while_open();
    children()
}

#[cfg(feature = "hydrate")]
fn poll_while_open() {
    use crate::api::orders::{OrderShown, ShownOrder};
    use crate::app::sender::{ask, fields};
    use leptos::server_fn::ServerFn;
    let Some(live) = document().query_selector(".order-live").ok().flatten() else {
        return;
    };
    let read = |name: &str| live.get_attribute(name).unwrap_or_default();
    let (code, token) = (read("data-code"), read("data-token"));
    let stamp = StoredValue::new(read("data-stamp"));
    let open = StoredValue::new(read("data-open") == "true");
    // One question at a time: a slow answer is not asked again on top of.
    let asking = StoredValue::new(false);
    let Ok(handle) = set_interval_with_handle(
        move || {
            if !open.get_value() || asking.get_value() || document().hidden() {
                return;
            }
            asking.set_value(true);
            let asked = fields(&[("code", &code), ("token", &token)]);
            leptos::task::spawn_local(async move {
                let answer = ask(
                    OrderShown::url(),
                    &asked,
                    crate::api::read_parts::<ShownOrder>,
                )
                .await;
                asking.set_value(false);
                let Some(Ok(news)) = answer else {
                    return;
                };
                open.set_value(news.open);
                if news.stamp == stamp.get_value() {
                    return;
                }
                if let Ok(Some(contents)) = document().query_selector(".order-live__contents") {
                    contents.set_inner_html(&news.html);
                    stamp.set_value(news.stamp);
                }
            });
        },
        POLL_EVERY,
    ) else {
        return;
    };
    on_cleanup(move || handle.clear());
}

#[component]
fn OrderView(tracked: TrackedOrder) -> impl IntoView {
    let TrackedOrder { order, today } = tracked;
    let just_placed = order.events.len() <= 2
        && matches!(
            order.status,
            crate::commerce::OrderStatus::Placed | crate::commerce::OrderStatus::Paid
        );
    let heading = if just_placed {
        w!(ORDER_CONFIRMED)
    } else {
        w!(ORDER_TITLE)
    };
    let on_time = w!(punctuality)(tracking::punctuality(
        order.status,
        &order.events,
        order.delivery,
        today,
    ));
    view! {
        <section class="order">
            <header class="order__header">
                <h1>{heading}</h1>
                <p>{w!(ORDER_NUMBER)} ": " <strong data-testid="order-code">{order.code.clone()}</strong></p>
                <p class="order__eta">{w!(ARRIVES)} " " <strong>{w!(delivery_window)(order.delivery.0, order.delivery.1)}</strong>
                    " · " {w!(shipping_label)(&order.shipping.code, &order.shipping.label, order.shipping.min_days, order.shipping.max_days)}</p>
                {on_time.map(|m| view! { <p class="order__punctuality" data-testid="punctuality">{m}</p> })}
                <p class="field__hint">{w!(TRACK_HINT)}</p>
            </header>
            <div class="order__grid">
                <div>
                    <Timeline order=order.clone()/>
                    <h2>{w!(SHIPS_TO)}</h2>
                    <AddressLines address=order.address.clone() class="order__address"/>
                    {order.gift.clone().map(|g| view! {
                        <h2>{w!(GIFT_SUMMARY)}</h2>
                        <div data-testid="gift-summary">
                            {(!g.message.is_empty()).then(|| view! { <blockquote class="gift__message">{g.message}</blockquote> })}
                            {g.hide_prices.then_some(view! { <p>{w!(PRICES_HIDDEN)}</p> })}
                        </div>
                    })}
                    {order.billing.clone().map(|b| view! {
                        <h2>{w!(BILLED_TO)}</h2>
                        <AddressLines address=b class="order__address"/>
                    })}
                    <h2>{w!(PAID_WITH)}</h2>
                    <p>{payment_label(&order.payment)}</p>
                </div>
                <div>
                    <Summary order=order/>
                </div>
            </div>
        </section>
    }
}

#[component]
fn Timeline(order: Order) -> impl IntoView {
    let steps = tracking::timeline(order.status, &order.events);
    let pay_on_delivery = order.payment == crate::commerce::checkout::PaymentMethod::PayOnDelivery;
    view! {
        <h2 id="progress">{w!(PROGRESS)}</h2>
        <ol class="timeline" aria-labelledby="progress" data-testid="timeline" data-status=order.status.as_str()>
            {steps.into_iter().map(|s| {
                let state = match s.state {
                    StepState::Done => "done",
                    StepState::Current => "current",
                    StepState::Upcoming => "upcoming",
                };
                view! {
                    <li class=format!("timeline__step timeline__step--{state}")
                        aria-current=(s.state == StepState::Current).then_some("step")>
                        <span class="timeline__label">{w!(timeline_step)(s.status, pay_on_delivery)}</span>
                        {s.at.map(|at| view! { <time class="timeline__time">{w!(moment)(at)}</time> })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <p class="field__hint" aria-live="polite">{tracking::may_change(order.status).then_some(w!(LIVE_HINT))}</p>
        {order.shipment.map(|s| view! {
            <dl class="shipment">
                <div><dt>{w!(CARRIER)}</dt><dd>{s.carrier}</dd></div>
                <div><dt>{w!(TRACKING_NUMBER)}</dt><dd data-testid="tracking-number">{s.tracking_number}</dd></div>
            </dl>
        })}
    }
}

#[component]
fn Summary(order: Order) -> impl IntoView {
    view! {
        <h2>{w!(ORDER_SUMMARY)}</h2>
        <ul class="summary-lines">
            {order.lines.iter().map(|l| view! {
                <li class="summary-line">
                    <span class="summary-line__name">{l.product_name.clone()} <small>{l.variant_title.clone()} " × " {l.quantity}</small></span>
                    <span class="summary-line__total">{l.line_total.to_string()}</span>
                </li>
            }).collect_view()}
        </ul>
        <dl class="totals">
            <div><dt>{w!(SUBTOTAL)}</dt><dd>{order.totals.subtotal.to_string()}</dd></div>
            {(order.totals.discount.minor > 0).then(|| view! {
                <div class="totals__discount">
                    <dt>{w!(DISCOUNT)} {order.coupon.as_ref().map(|c| format!(" ({})", c.code))}</dt>
                    <dd data-testid="order-discount">"−" {order.totals.discount.to_string()}</dd>
                </div>
            })}
            <div><dt>{w!(SHIPPING)}</dt><dd>{order.totals.shipping.to_string()}</dd></div>
            {let (label, amount) = w!(tax_line)(&order.totals); view! { <div><dt>{label}</dt><dd>{amount}</dd></div> }}
            <div class="totals__grand"><dt>{w!(TOTAL)}</dt><dd data-testid="order-total">{order.totals.total.to_string()}</dd></div>
        </dl>
    }
}

//! Vendure orders in the storefront's terms: the active order is the cart, a placed order is
//! an order with a timeline. Amounts are Vendure's own (tax included), never recomputed. Then
//! the adapter's orders section: reading a placed order, with the proof Vendure's access rule
//! checks.

use super::catalogue::{no_picture, picture, stock, CARD};
use super::plain::{VAddress, VFulfillment, VOrder};
use super::*;
use crate::commerce::backend::{CommerceError, CommerceResult};
use crate::commerce::bundles::Saving;
use crate::commerce::checkout::{self, PaymentMethod, ShippingOption, Totals};
use crate::commerce::model::*;
use crate::commerce::promotions::{Coupon, Discount};
use crate::commerce::tracking::{OrderEvent, Shipment};
use crate::commerce::{Currency, Money};

pub fn currency(order: &VOrder) -> CommerceResult<Currency> {
    Currency::parse(&order.currency).ok_or_else(|| {
        CommerceError::Unavailable(format!("Vendure order in unsupported {}", order.currency))
    })
}

/// The goods before discounts: Vendure's subtotal already has order discounts taken off.
fn goods(order: &VOrder) -> i64 {
    order.lines.iter().map(|l| l.line_price).sum()
}

fn discount(order: &VOrder) -> i64 {
    -order.discounts.iter().map(|d| d.amount).sum::<i64>()
}

/// Which of Vendure's discounts are the code's and which are promotions of their own (a
/// bundle's): with a code applied, the order-wide ones are its (Vendure does not say which
/// promotion a code is); without one, all are promotions. A code whose promotion is
/// per-product shows under its promotion's name rather than beside the code.
fn split(order: &VOrder, currency: Currency) -> (i64, Vec<Saving>) {
    let has_code = !order.coupon_codes.is_empty();
    let code_wide = has_code && order.discounts.iter().any(|d| d.order_wide);
    let mut code = 0;
    let mut savings = Vec::new();
    for d in &order.discounts {
        if has_code && (d.order_wide || !code_wide) {
            code -= d.amount;
        } else if d.amount < 0 {
            savings.push(Saving {
                label: d.description.clone(),
                percent: None,
                off: Money::new(-d.amount, currency),
            });
        }
    }
    (code, savings)
}

pub fn cart(order: &VOrder) -> CommerceResult<Cart> {
    let currency = currency(order)?;
    let lines = order
        .lines
        .iter()
        .map(|l| CartLineInput {
            variant_id: l.variant_id.clone(),
            product_handle: l.product_slug.clone(),
            product_name: l.product_name.clone(),
            variant_title: l.options.join(" / "),
            image: l
                .image
                .as_ref()
                .map_or_else(|| no_picture(""), |u| picture(u, "", CARD)),
            unit_price: Money::new(l.unit_price, currency),
            quantity: l.quantity.max(0) as u32,
            available: stock(&l.stock_level),
        })
        .collect();
    let totals = |e| CommerceError::Unavailable(format!("Vendure cart totals: {e:?}"));
    let mut cart = Cart::from_lines(currency, lines).map_err(totals)?;
    // Vendure taxes a line's net total, so two of a 226.24 item come to 452.47, not 452.48:
    // the cart shows (and the checkout quotes) what Vendure will charge.
    for (line, theirs) in cart.lines.iter_mut().zip(&order.lines) {
        line.line_total = Money::new(theirs.line_price, currency);
    }
    cart.subtotal =
        Money::sum(currency, cart.lines.iter().map(|l| l.line_total)).map_err(totals)?;
    let (_, savings) = split(order, currency);
    cart.savings = savings;
    cart.coupon = coupon(order, currency);
    Ok(cart)
}

/// A Vendure promotion is whatever its rules say; the storefront shows its code and what it
/// took off.
fn coupon(order: &VOrder, currency: Currency) -> Option<Coupon> {
    let (code_off, _) = split(order, currency);
    order.coupon_codes.first().map(|code| Coupon {
        code: code.clone(),
        discount: Discount::AmountOff(Money::new(code_off, currency)),
        min_spend: None,
        last_day: None,
    })
}

/// Vendure's order states on the storefront's timeline.
pub fn status(state: &str) -> OrderStatus {
    match state {
        "PaymentSettled" => OrderStatus::Paid,
        "PartiallyShipped" | "Shipped" => OrderStatus::Shipped,
        "PartiallyDelivered" | "Delivered" => OrderStatus::Delivered,
        "Cancelled" => OrderStatus::Cancelled,
        _ => OrderStatus::Placed,
    }
}

/// Delivery windows are the storefront's promise; Vendure's shipping methods carry none, so
/// an express method (by code) promises 1–2 business days and any other 3–5.
pub fn shipping_option(code: &str, name: &str, price: Money) -> ShippingOption {
    let express = code.contains("express");
    ShippingOption {
        code: code.to_string(),
        label: name.to_string(),
        price,
        min_days: if express { 1 } else { 3 },
        max_days: if express { 2 } else { 5 },
    }
}

fn address(a: Option<&VAddress>) -> Address {
    let empty = VAddress::default();
    let a = a.unwrap_or(&empty);
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    Address {
        name: text(&a.full_name),
        line1: text(&a.street_line1),
        line2: text(&a.street_line2),
        city: text(&a.city),
        postcode: text(&a.postal_code),
        country: text(&a.country_code),
    }
}

/// What the storefront wrote into the payment's metadata when it placed the order.
fn payment(order: &VOrder) -> PaymentMethod {
    // Declined attempts stay on the order; the payment that counts is the one that went through.
    let paid = order
        .payments
        .iter()
        .rev()
        .find(|(_, state, _)| !matches!(state.as_str(), "Declined" | "Error" | "Cancelled"));
    // The Shop API shows only the `public` part of a payment's metadata.
    let meta = paid.and_then(|(_, _, m)| m.get("public"));
    let field = |k: &str| {
        meta.and_then(|m| m.get(k))
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    match field("kind").as_str() {
        "pay_on_delivery" => PaymentMethod::PayOnDelivery,
        _ => PaymentMethod::Card {
            brand: field("brand"),
            last4: field("last4"),
        },
    }
}

/// The parcel handed to a carrier: the first fulfilment with a tracking code that was not
/// cancelled, its method naming the carrier.
fn shipment(order: &VOrder) -> Option<Shipment> {
    order
        .fulfillments
        .iter()
        .filter(|f| f.state != "Cancelled")
        .find_map(|f| {
            let code = f.tracking_code.as_deref()?.trim();
            (!code.is_empty()).then(|| Shipment {
                carrier: f.method.clone(),
                tracking_number: code.to_string(),
            })
        })
}

/// The steps the order went through, with the times Vendure records: placed when placed
/// (card payments settle then too); shipped and delivered when the parcel moved (a parcel's
/// last change is when it reached its state; shipped before that is when it was made); any
/// other state when the order last changed. Steps in between show as done, without a time.
fn events(order: &VOrder, status: OrderStatus, placed_at: i64) -> Vec<OrderEvent> {
    use super::catalogue::epoch_seconds;
    let at = |status, at| OrderEvent { status, at };
    let mut events = vec![at(OrderStatus::Placed, placed_at)];
    let moved = |f: &&VFulfillment| matches!(f.state.as_str(), "Shipped" | "Delivered");
    let parcel = order.fulfillments.iter().find(moved);
    match (status, parcel) {
        (OrderStatus::Placed, _) => {}
        (OrderStatus::Shipped, Some(f)) => {
            events.push(at(OrderStatus::Paid, placed_at));
            events.push(at(OrderStatus::Shipped, epoch_seconds(&f.updated_at)));
        }
        (OrderStatus::Delivered, Some(f)) => {
            events.push(at(OrderStatus::Paid, placed_at));
            events.push(at(OrderStatus::Shipped, epoch_seconds(&f.created_at)));
            events.push(at(OrderStatus::Delivered, epoch_seconds(&f.updated_at)));
        }
        (OrderStatus::Paid, _) => events.push(at(OrderStatus::Paid, placed_at)),
        (status, _) => events.push(at(status, epoch_seconds(&order.updated_at))),
    }
    events
}

pub fn placed(order: &VOrder) -> CommerceResult<Order> {
    let currency = currency(order)?;
    let money = |minor| Money::new(minor, currency);
    let placed_at = order
        .placed_at
        .as_deref()
        .map(super::catalogue::epoch_seconds)
        .unwrap_or_else(|| super::catalogue::epoch_seconds(&order.created_at));
    let shipping = order
        .shipping_lines
        .first()
        .map(|(code, name, price)| shipping_option(code, name, money(*price)))
        .unwrap_or_else(|| shipping_option("", "Delivery", money(order.shipping)));
    let subtotal = goods(order);
    let totals = Totals {
        subtotal: money(subtotal),
        discount: money(discount(order)),
        shipping: money(order.shipping),
        // Vendure's prices already include tax; the total is what was charged.
        tax: money(order.total - order.net_total),
        total: money(order.total),
        tax_included: true,
    };
    let status = status(&order.state);
    let events = events(order, status, placed_at);
    let lines = order
        .lines
        .iter()
        .map(|l| OrderLine {
            variant_id: l.variant_id.clone(),
            product_handle: l.product_slug.clone(),
            product_name: l.product_name.clone(),
            variant_title: l.options.join(" / "),
            unit_price: money(l.unit_price),
            quantity: l.quantity.max(0) as u32,
            line_total: money(l.line_price),
        })
        .collect();
    let billing = order.billing_address.as_ref().map(|b| address(Some(b)));
    let address = address(order.shipping_address.as_ref());
    Ok(Order {
        code: order.code.clone(),
        email: order.email.clone().unwrap_or_default(),
        lines,
        totals,
        delivery: checkout::delivery_window(placed_at, &shipping),
        shipping,
        billing: billing.filter(|b| !b.line1.is_empty() && *b != address),
        address,
        payment: payment(order),
        status,
        placed_at,
        events,
        shipment: shipment(order),
        coupon: coupon(order, currency),
        gift: None,
    })
}

pub(super) async fn order(store: &VendureStore, code: &str) -> CommerceResult<Order> {
    Ok(read(store, code, Kind::Read).await?.0)
}

/// Order `code` if it was placed (paid or payment authorised), `None` while it is still a
/// cart: what a payment whose answer never came did. Asked once, even while cooling down.
pub(super) async fn settled(store: &VendureStore, code: &str) -> CommerceResult<Option<Order>> {
    match read(store, code, Kind::Check).await {
        Ok((order, state)) => {
            Ok((!matches!(state.as_str(), "AddingItems" | "ArrangingPayment")).then_some(order))
        }
        Err(CommerceError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Order `code` and Vendure's name for its state.
async fn read(store: &VendureStore, code: &str, kind: Kind) -> CommerceResult<(Order, String)> {
    let not_found = |e| match e {
        CommerceError::NotFound(_) => CommerceError::NotFound(Thing::Order),
        other => other,
    };
    let missing = || CommerceError::NotFound(Thing::Order);
    let code = code.to_string();
    let proof = store.order_proof(&code);
    if !store.gifts {
        let reply = store
            .client
            .call_proved::<OrderByCode>(order_by_code::Variables { code }, proof.as_deref(), kind)
            .await
            .map_err(not_found)?;
        let o = plain_order!(reply.data.order_by_code.ok_or_else(missing)?);
        return Ok((orders::placed(&o)?, o.state));
    }
    let reply = store
        .client
        .call_proved::<OrderWithGift>(order_with_gift::Variables { code }, proof.as_deref(), kind)
        .await
        .map_err(not_found)?;
    let o = reply.data.order_by_code.ok_or_else(missing)?;
    let fields = plain_order!(o.order_fields);
    let mut placed = orders::placed(&fields)?;
    placed.gift = o.custom_fields.and_then(|f| {
        f.gift_message.map(|message| Gift {
            message,
            hide_prices: f.gift_hide_prices.unwrap_or(false),
        })
    });
    Ok((placed, fields.state))
}

impl VendureStore {
    /// The proof that the storefront checked the shopper may read order `code`.
    pub(super) fn order_proof(&self, code: &str) -> Option<String> {
        use hmac::{Hmac, Mac};
        let key = self.proof_key.as_ref()?;
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).ok()?;
        mac.update(code.as_bytes());
        Some(crate::hex::encode(&mac.finalize().into_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::vendure::plain::{VDiscount, VLine};

    fn order() -> VOrder {
        let line = |id: &str, qty, unit| VLine {
            id: id.into(),
            quantity: qty,
            unit_price: unit,
            line_price: unit * qty,
            image: None,
            variant_id: id.into(),
            stock_level: "5".into(),
            options: vec!["13 inch".into(), "8GB".into()],
            product_slug: "laptop".into(),
            product_name: "Laptop".into(),
        };
        VOrder {
            code: "ABC123".into(),
            state: "PaymentAuthorized".into(),
            created_at: "2026-11-23T10:00:00Z".into(),
            placed_at: Some("2026-11-23T10:05:00Z".into()),
            coupon_codes: vec!["SAVE10".into()],
            currency: "USD".into(),
            net_total: 8_000,
            shipping: 600,
            total: 9_600,
            discounts: vec![VDiscount {
                amount: -1_000,
                description: "10% off".into(),
                order_wide: true,
            }],
            email: Some("ada@example.com".into()),
            shipping_address: Some(VAddress {
                full_name: Some("Ada".into()),
                street_line1: Some("1 Square".into()),
                street_line2: None,
                city: Some("London".into()),
                postal_code: Some("SW1".into()),
                country_code: Some("GB".into()),
            }),
            billing_address: None,
            shipping_lines: vec![("express-shipping".into(), "Express".into(), 600)],
            fulfillments: Vec::new(),
            updated_at: "2026-11-20T10:00:00.000Z".into(),
            payments: vec![(
                "standard-payment".into(),
                "Authorized".into(),
                serde_json::json!({"public": {"kind": "card", "brand": "Visa", "last4": "4242"}}),
            )],
            lines: vec![line("1", 2, 4_000), line("2", 1, 2_000)],
        }
    }

    #[test]
    fn a_cart_shows_goods_before_the_promotion_and_the_promotion_as_its_coupon() {
        let cart = cart(&order()).unwrap();
        assert_eq!(cart.subtotal, Money::new(10_000, Currency::USD));
        assert_eq!(cart.item_count, 3);
        assert_eq!(cart.lines[0].variant_title, "13 inch / 8GB");
        let coupon = cart.coupon.unwrap();
        assert_eq!(coupon.code, "SAVE10");
        assert_eq!(
            coupon.goods_off(cart.subtotal).unwrap(),
            Money::new(1_000, Currency::USD)
        );
    }

    #[test]
    fn a_line_costs_what_vendure_charges_for_it_not_unit_times_quantity() {
        // Vendure's own figures for two guardian lion statues: 2 × 188.53 net, taxed 20%.
        let mut o = order();
        o.lines.truncate(1);
        o.lines[0].unit_price = 22_624;
        o.lines[0].line_price = 45_247;
        let cart = cart(&o).unwrap();
        assert_eq!(cart.lines[0].line_total, Money::new(45_247, Currency::USD));
        assert_eq!(cart.subtotal, Money::new(45_247, Currency::USD));
    }

    #[test]
    fn a_bundle_promotion_shows_by_its_name_and_the_code_keeps_the_order_wide_discount() {
        let mut o = order();
        o.discounts.push(VDiscount {
            amount: -600,
            description: "Laptop + sleeve: 10% off".into(),
            order_wide: false,
        });
        let cart = cart(&o).unwrap();
        assert_eq!(cart.savings.len(), 1);
        assert_eq!(cart.savings[0].label, "Laptop + sleeve: 10% off");
        assert_eq!(cart.savings[0].off, Money::new(600, Currency::USD));
        let code = cart.coupon.as_ref().unwrap();
        assert_eq!(
            code.goods_off(cart.subtotal).unwrap(),
            Money::new(1_000, Currency::USD)
        );
        // Without a code every discount is a promotion of its own.
        o.coupon_codes.clear();
        let cart = super::cart(&o).unwrap();
        assert_eq!(cart.coupon, None);
        assert_eq!(cart.savings_total(), Money::new(1_600, Currency::USD));
    }

    #[test]
    fn a_placed_order_keeps_vendures_amounts_and_the_payment_it_was_given() {
        let mut order = order();
        // A declined first try stays on the order, without the card's details.
        order.payments.insert(
            0,
            (
                "standard-payment".into(),
                "Declined".into(),
                serde_json::json!({"errorMessage": "Simulated decline"}),
            ),
        );
        let o = placed(&order).unwrap();
        assert_eq!(o.totals.subtotal.minor, 10_000);
        assert_eq!(o.totals.discount.minor, 1_000);
        assert_eq!(o.totals.total.minor, 9_600);
        assert_eq!(o.totals.tax.minor, 1_600);
        assert!(o.totals.tax_included);
        assert_eq!(o.status, OrderStatus::Placed);
        assert_eq!(o.shipping.min_days, 1);
        assert_eq!(o.address.city, "London");
        assert_eq!(o.billing, None);
        assert_eq!(
            o.payment,
            PaymentMethod::Card {
                brand: "Visa".into(),
                last4: "4242".into()
            }
        );
    }

    #[test]
    fn the_shipment_is_the_first_parcel_with_a_tracking_code_that_was_not_cancelled() {
        let mut o = order();
        assert_eq!(placed(&o).unwrap().shipment, None);
        let parcel = |state: &str, method: &str, code: &str| VFulfillment {
            state: state.into(),
            method: method.into(),
            tracking_code: Some(code.into()),
            created_at: "2026-11-21T09:00:00.000Z".into(),
            updated_at: "2026-11-22T09:00:00.000Z".into(),
        };
        o.fulfillments = vec![
            parcel("Cancelled", "Parcelwise", "PW000"),
            parcel("Pending", "Courier", " "),
            parcel("Shipped", "Parcelwise", "PW123"),
        ];
        assert_eq!(
            placed(&o).unwrap().shipment,
            Some(Shipment {
                carrier: "Parcelwise".into(),
                tracking_number: "PW123".into()
            })
        );
    }

    #[test]
    fn each_step_has_the_time_vendure_recorded_for_it() {
        use super::super::catalogue::epoch_seconds;
        let mut o = order();
        o.state = "Delivered".into();
        o.fulfillments = vec![VFulfillment {
            state: "Delivered".into(),
            method: "Parcelwise".into(),
            tracking_code: Some("PW1".into()),
            created_at: "2026-11-24T09:00:00Z".into(),
            updated_at: "2026-11-26T15:30:00Z".into(),
        }];
        let placed_at = epoch_seconds("2026-11-23T10:05:00Z");
        let steps: Vec<(OrderStatus, i64)> = placed(&o)
            .unwrap()
            .events
            .iter()
            .map(|e| (e.status, e.at))
            .collect();
        assert_eq!(
            steps,
            vec![
                (OrderStatus::Placed, placed_at),
                (OrderStatus::Paid, placed_at),
                (OrderStatus::Shipped, epoch_seconds("2026-11-24T09:00:00Z")),
                (
                    OrderStatus::Delivered,
                    epoch_seconds("2026-11-26T15:30:00Z")
                ),
            ]
        );
        o.state = "Cancelled".into();
        o.fulfillments.clear();
        let last = *placed(&o).unwrap().events.last().unwrap();
        assert_eq!(last.status, OrderStatus::Cancelled);
        assert_eq!(last.at, epoch_seconds("2026-11-20T10:00:00.000Z"));
    }

    #[test]
    fn vendure_states_land_on_the_timeline() {
        assert_eq!(status("ArrangingPayment"), OrderStatus::Placed);
        assert_eq!(status("PaymentSettled"), OrderStatus::Paid);
        assert_eq!(status("PartiallyShipped"), OrderStatus::Shipped);
        assert_eq!(status("Delivered"), OrderStatus::Delivered);
        assert_eq!(status("Cancelled"), OrderStatus::Cancelled);
    }
}

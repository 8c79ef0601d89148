//! Placing an order in the embedded store: one transaction that checks stock and the coupon,
//! charges what the quote says, and records the order's first event.

use super::*;

pub(super) async fn place_order(
    store: &EmbeddedStore,
    token: &str,
    order: &PlaceOrder,
) -> CommerceResult<Order> {
    check_token(token)?;
    if store.injected_failure() {
        return Err(CommerceError::Unavailable("injected failure".into()));
    }
    let token = token.to_string();
    let order = order.clone();
    let (words, currency) = (store.words.clone(), store.currency);
    let shown = store.shown.clone();
    store.run(move |c| {
        let tx = c
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        let existing: Option<String> = super::rows::one(&tx,
                "SELECT code FROM orders WHERE idempotency_key = ?1",
                [&order.idempotency_key],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        if let Some(code) = existing {
            return load_order(&tx, &code);
        }
        let cart = load_cart(&tx, &token, &words, currency)?;
        if cart.is_empty() {
            return Err(CommerceError::EmptyCart);
        }
        if order.currency != currency {
            return Err(CommerceError::Refused(Refusal::CurrencyChanged {
                shown: order.currency,
                now: currency,
            }));
        }
        // The bundles the storefront showed this cart with, charged as shown.
        let savings = crate::commerce::bundles::savings(&order.bundles, &cart.lines)
            .map_err(money_refused)?;
        let saved = Money::new(
            savings.iter().map(|(_, m)| m.minor).sum(),
            cart.subtotal.currency,
        );
        let quote = rules::quote(
            cart.subtotal,
            saved,
            cart.coupon.as_ref(),
            &order.shipping_code,
            rules::Day::from_unix(now()),
            &rules::Terms::house(cart.subtotal),
        )
        .map_err(money_refused)?;
        // The page showed this problem and no discount; placing anyway would surprise
        // nobody, but a coupon the shopper thinks applies must not silently vanish.
        if let Some(problem) = quote.coupon_problem {
            return Err(CommerceError::Coupon(problem));
        }
        let shipping = quote.chosen.ok_or(CommerceError::UnknownShipping)?;
        let totals = quote.totals;
        // The payment is charged before anything is taken, so a decline changes nothing.
        if let Some(why) = order.declines {
            return Err(CommerceError::PaymentDeclined(why));
        }
        // Stock is checked and taken inside the same transaction, so two shoppers can never
        // both buy the last one.
        for line in &cart.lines {
            let left: Option<u32> = super::rows::one(&tx,
                    "UPDATE variants SET stock = stock - ?2 WHERE id = ?1 AND stock >= ?2
                     RETURNING stock",
                    params![line.variant_id.parse::<i64>().unwrap_or(0), line.quantity],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db)?;
            let Some(left) = left else {
                return Err(CommerceError::OutOfStock {
                    product: line.product_name.clone(),
                    available: line.available,
                });
            };
            // Told before the order commits: a page drawn again for nothing is the worst
            // a rollback can cost.
            if StockShown::of(left) != StockShown::of(left + line.quantity) {
                shown.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        }
        let code = new_order_code();
        let a = &order.address;
        let placed_at = now();
        // A card is charged when the order is placed; pay-on-delivery is paid at the door.
        let status = match order.payment {
            PaymentMethod::Card { .. } => OrderStatus::Paid,
            PaymentMethod::PayOnDelivery => OrderStatus::Placed,
        };
        super::rows::exec(&tx,
            "INSERT INTO orders (code, idempotency_key, email, ship_name, ship_line1, ship_line2,
               ship_city, ship_postcode, ship_country, shipping, payment, subtotal,
               shipping_cost, tax, total, status, placed_at, discount, coupon, billing, gift,
               currency)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
               ?18, ?19, ?20, ?21, ?22)",
            params![
                code,
                order.idempotency_key,
                order.email,
                a.name,
                a.line1,
                a.line2,
                a.city,
                a.postcode,
                a.country,
                to_json(&shipping),
                to_json(&order.payment),
                totals.subtotal.minor,
                totals.shipping.minor,
                totals.tax.minor,
                totals.total.minor,
                status.as_str(),
                placed_at,
                totals.discount.minor,
                cart.coupon.as_ref().map(to_json),
                order.billing.as_ref().map(to_json),
                order.gift.as_ref().map(to_json),
                currency.code()
            ],
        )
        .map_err(db)?;
        record_event(&tx, &code, OrderStatus::Placed, placed_at)?;
        if let Some(session) = order.customer_id.as_deref() {
            let customer = accounts::session_customer(&tx, session)?;
            super::rows::exec(&tx,
                "UPDATE orders SET customer_id = ?2 WHERE code = ?1",
                params![code, customer],
            )
            .map_err(db)?;
            accounts::remember_address(&tx, customer, order.billing.as_ref().unwrap_or(&order.address))?;
        }
        if status == OrderStatus::Paid {
            record_event(&tx, &code, OrderStatus::Paid, placed_at)?;
        }
        for line in &cart.lines {
            super::rows::exec(&tx,
                "INSERT INTO order_lines (order_code, variant_id, product_name, variant_title, unit_price, quantity)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    code,
                    line.variant_id.parse::<i64>().unwrap_or(0),
                    line.product_name,
                    line.variant_title,
                    line.unit_price.minor,
                    line.quantity
                ],
            )
            .map_err(db)?;
        }
        super::rows::exec(&tx,"DELETE FROM cart_lines WHERE cart_token = ?1", [&token])
            .map_err(db)?;
        super::rows::exec(&tx,"UPDATE carts SET coupon = NULL WHERE token = ?1", [&token])
            .map_err(db)?;
        let placed = load_order(&tx, &code)?;
        // Stock and sales changed: no listing, in any process, may show a sold-out product
        // as in stock.
        let sold: Vec<i64> = tx
            .prepare_cached(
                "SELECT DISTINCT v.product_id FROM order_lines l
                 JOIN variants v ON v.id = l.variant_id WHERE l.order_code = ?1",
            )
            .and_then(|mut s| {
                s.query_map([&code], |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<i64>>>()
            })
            .map_err(db)?;
        super::listing::catalogue_changed(&tx, Some(&sold)).map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(placed)
    })
    .await
}

impl EmbeddedStore {
    /// Makes the next `n` order placements fail with `Unavailable`, before anything is written.
    pub fn fail_next_placements(&self, n: u32) {
        self.failures.store(n, Ordering::SeqCst);
    }
}

impl EmbeddedStore {
    pub(super) fn injected_failure(&self) -> bool {
        self.failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
    }
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

pub(super) fn new_order_code() -> String {
    // Crockford base32 without I, L, O, U: readable over the phone.
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let bytes: [u8; 8] = rand::random();
    let body: String = bytes
        .iter()
        .map(|b| ALPHABET[(*b as usize) % 32] as char)
        .collect();
    format!("VT-{body}")
}

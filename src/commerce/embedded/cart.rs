//! The embedded store's carts and coupons: a cart is rows keyed by a random token, checked
//! against stock on every change; abandoned carts are swept away.

use super::*;

pub(super) async fn cart(store: &EmbeddedStore, token: &str) -> CommerceResult<Cart> {
    check_token(token)?;
    let token = token.to_string();
    let (words, currency) = (store.words.clone(), store.currency);
    store
        .read(move |c| load_cart(c, &token, &words, currency))
        .await
}

pub(super) async fn add_to_cart(
    store: &EmbeddedStore,
    token: Option<&str>,
    variant_id: &str,
    quantity: u32,
) -> CommerceResult<TokenCart> {
    if let Some(t) = token {
        check_token(t)?;
    }
    check_quantity(quantity, false)?;
    let variant = parse_variant_id(variant_id)?;
    let token = token.map(str::to_string);
    let sweep = token.is_none() && store.sweep_due();
    let (words, currency) = (store.words.clone(), store.currency);
    store
        .run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            if sweep {
                sweep_abandoned_carts(&tx)?;
            }
            let (name, stock) = variant_stock(&tx, variant, &words)?;
            let token = match token {
                Some(t) => {
                    let known =
                        super::rows::one(&tx, "SELECT 1 FROM carts WHERE token = ?1", [&t], |_| {
                            Ok(())
                        })
                        .optional()
                        .map_err(db)?;
                    known.ok_or(CommerceError::InvalidCartToken)?;
                    t
                }
                None => {
                    let t = new_token();
                    super::rows::exec(
                        &tx,
                        "INSERT INTO carts (token, created_at, updated_at) VALUES (?1, ?2, ?2)",
                        params![t, now()],
                    )
                    .map_err(db)?;
                    t
                }
            };
            let (held, lines): (u32, usize) = super::rows::one(
                &tx,
                "SELECT COALESCE(SUM(CASE WHEN variant_id = ?2 THEN quantity END), 0), COUNT(*)
                 FROM cart_lines WHERE cart_token = ?1",
                params![token, variant],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(db)?;
            let wanted = held + quantity;
            if wanted > MAX_LINE_QUANTITY {
                return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
                    max: MAX_LINE_QUANTITY,
                }));
            }
            if wanted > stock {
                return Err(CommerceError::OutOfStock {
                    product: name,
                    available: stock,
                });
            }
            if held == 0 && lines >= MAX_CART_LINES {
                return Err(CommerceError::Refused(Refusal::CartFull {
                    lines: MAX_CART_LINES as u32,
                }));
            }
            super::rows::exec(
                &tx,
                "INSERT INTO cart_lines (cart_token, variant_id, quantity, added_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (cart_token, variant_id) DO UPDATE SET quantity = excluded.quantity",
                params![token, variant, wanted, now()],
            )
            .map_err(db)?;
            super::rows::exec(
                &tx,
                "UPDATE carts SET updated_at = ?2 WHERE token = ?1",
                params![token, now()],
            )
            .map_err(db)?;
            let cart = load_cart(&tx, &token, &words, currency)?;
            tx.commit().map_err(db)?;
            Ok(TokenCart { token, cart })
        })
        .await
}

pub(super) async fn set_line_quantity(
    store: &EmbeddedStore,
    token: &str,
    variant_id: &str,
    quantity: u32,
) -> CommerceResult<Cart> {
    check_token(token)?;
    check_quantity(quantity, true)?;
    let variant = parse_variant_id(variant_id)?;
    let token = token.to_string();
    let (words, currency) = (store.words.clone(), store.currency);
    store
        .run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            load_cart(&tx, &token, &words, currency)?;
            if quantity == 0 {
                super::rows::exec(
                    &tx,
                    "DELETE FROM cart_lines WHERE cart_token = ?1 AND variant_id = ?2",
                    params![token, variant],
                )
                .map_err(db)?;
            } else {
                let (name, stock) = variant_stock(&tx, variant, &words)?;
                if quantity > stock {
                    return Err(CommerceError::OutOfStock {
                        product: name,
                        available: stock,
                    });
                }
                let changed = super::rows::exec(
                    &tx,
                    "UPDATE cart_lines SET quantity = ?3 WHERE cart_token = ?1 AND variant_id = ?2",
                    params![token, variant, quantity],
                )
                .map_err(db)?;
                if changed == 0 {
                    return Err(CommerceError::NotFound(Thing::CartLine));
                }
            }
            let cart = load_cart(&tx, &token, &words, currency)?;
            tx.commit().map_err(db)?;
            Ok(cart)
        })
        .await
}

pub(super) async fn apply_coupon(
    store: &EmbeddedStore,
    token: &str,
    code: &str,
) -> CommerceResult<Cart> {
    check_token(token)?;
    let token = token.to_string();
    let code = promotions::normalise_code(code);
    let (words, currency) = (store.words.clone(), store.currency);
    store
        .run(move |c| {
            let tx = c
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(db)?;
            let cart = load_cart(&tx, &token, &words, currency)?;
            let coupon = load_coupon(&tx, &code, currency)?
                .ok_or(CommerceError::Coupon(CouponProblem::Unknown))?;
            coupon
                .check(cart.subtotal, rules::Day::from_unix(now()))
                .map_err(CommerceError::Coupon)?;
            super::rows::exec(
                &tx,
                "UPDATE carts SET coupon = ?2, updated_at = ?3 WHERE token = ?1",
                params![token, coupon.code, now()],
            )
            .map_err(db)?;
            let cart = load_cart(&tx, &token, &words, currency)?;
            tx.commit().map_err(db)?;
            Ok(cart)
        })
        .await
}

pub(super) async fn remove_coupon(store: &EmbeddedStore, token: &str) -> CommerceResult<Cart> {
    check_token(token)?;
    let token = token.to_string();
    let (words, currency) = (store.words.clone(), store.currency);
    store
        .run(move |c| {
            super::rows::exec(
                c,
                "UPDATE carts SET coupon = NULL, updated_at = ?2 WHERE token = ?1",
                params![token, now()],
            )
            .map_err(db)?;
            load_cart(c, &token, &words, currency)
        })
        .await
}

impl EmbeddedStore {
    /// Whether abandoned carts are due a sweep (and claims it, so one caller sweeps).
    pub(super) fn sweep_due(&self) -> bool {
        let now = now();
        let last = self.last_sweep.load(Ordering::Relaxed);
        now - last >= SWEEP_EVERY_SECONDS
            && self
                .last_sweep
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
    }
}

/// Deletes carts nobody has touched for `CART_DAYS`, and empty ones after a day: every
/// cookie-less add makes a cart, and without this they would pile up for ever.
pub(super) fn sweep_abandoned_carts(c: &Connection) -> CommerceResult<()> {
    let now = now();
    super::rows::exec(c,
        "DELETE FROM carts WHERE updated_at < ?1
            OR (updated_at < ?2 AND NOT EXISTS (SELECT 1 FROM cart_lines WHERE cart_token = token))",
        params![now - CART_DAYS * 86_400, now - EMPTY_CART_SECONDS],
    )
    .map(|_| ())
    .map_err(db)
}

pub(super) fn new_token() -> String {
    crate::hex::random::<16>()
}

pub(super) fn check_quantity(quantity: u32, allow_zero: bool) -> CommerceResult<()> {
    if quantity == 0 && !allow_zero {
        return Err(CommerceError::Refused(Refusal::QuantityTooSmall { min: 1 }));
    }
    if quantity > MAX_LINE_QUANTITY {
        return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
            max: MAX_LINE_QUANTITY,
        }));
    }
    Ok(())
}

pub(super) fn parse_variant_id(id: &str) -> CommerceResult<i64> {
    id.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or(CommerceError::NotFound(Thing::Product))
}

/// A coupon, its amounts (kept in the base currency) in `currency`.
pub(super) fn load_coupon(
    c: &Connection,
    code: &str,
    currency: Currency,
) -> CommerceResult<Option<Coupon>> {
    let money = |minor| crate::commerce::prices::house(minor, currency);
    super::rows::one(
        c,
        "SELECT code, kind, value, min_spend, last_day FROM coupons WHERE code = ?1",
        [code],
        |r| {
            let value: i64 = r.get(2)?;
            let discount = match r.get::<_, String>(1)?.as_str() {
                "percent_off" => Discount::PercentOff(value.clamp(0, 100) as u32),
                "amount_off" => Discount::AmountOff(money(value)),
                _ => Discount::FreeShipping,
            };
            Ok(Coupon {
                code: r.get(0)?,
                discount,
                min_spend: r.get::<_, Option<i64>>(3)?.map(money),
                last_day: r.get::<_, Option<i64>>(4)?.map(rules::Day),
            })
        },
    )
    .optional()
    .map_err(db)
}

pub(super) fn variant_stock(
    c: &Connection,
    variant: i64,
    words: &texts::Language,
) -> CommerceResult<(String, u32)> {
    super::rows::one(c,
        "SELECT p.handle, p.name, v.stock FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?1",
        [variant],
        |r| {
            let handle: String = r.get(0)?;
            let name: String = r.get(1)?;
            Ok((words.product_name(&handle, &name).to_string(), r.get(2)?))
        },
    )
    .optional()
    .map_err(db)?
    .ok_or(CommerceError::NotFound(Thing::Product))
}

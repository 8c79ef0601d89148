//! Vendure's active order as the storefront's cart: adding and changing lines (holding the
//! variants' locks so two tabs cannot oversell), coupons, and a bundle's promotion tried on a
//! scratch cart.

use super::*;

/// Vendure's promotions cannot be read through the Shop API, so the bundle is tried: one
/// of each product in a scratch cart, which Vendure prices with its promotions. What it
/// takes off those products (not the order as a whole) must be the declared percentage,
/// give or take a cent a line for Vendure's per-line rounding. The scratch cart is emptied.
pub(super) async fn check_bundle(
    store: &VendureStore,
    bundle: &crate::commerce::bundles::Bundle,
) -> CommerceResult<()> {
    let mut token: Option<String> = None;
    for handle in &bundle.products {
        let p = store.product(handle).await?;
        let v = p
            .variants
            .iter()
            .find(|v| v.in_stock())
            .ok_or(CommerceError::NotFound(crate::commerce::Thing::Product))?;
        let added = store.add_to_cart(token.as_deref(), &v.id, 1).await?;
        token = Some(added.token);
    }
    let token = token.ok_or(CommerceError::EmptyCart)?;
    let order = store
        .active_order(&token)
        .await?
        .ok_or(CommerceError::EmptyCart)?;
    for l in &order.lines {
        let _ = store.set_line_quantity(&token, &l.variant_id, 0).await;
    }
    let goods: i64 = order.lines.iter().map(|l| l.line_price).sum();
    let off: i64 = -order
        .discounts
        .iter()
        .filter(|d| !d.order_wide)
        .map(|d| d.amount)
        .sum::<i64>();
    let expected = (goods * i64::from(bundle.percent) + 50) / 100;
    if (off - expected).abs() <= order.lines.len() as i64 {
        Ok(())
    } else {
        Err(CommerceError::Refused(Refusal::BundleNotPromoted {
            percent: bundle.percent,
        }))
    }
}

pub(super) async fn cart(store: &VendureStore, token: &str) -> CommerceResult<Cart> {
    match store.active_order(token).await? {
        Some(o) => orders::cart(&o),
        None => Ok(store.empty_cart()),
    }
}

pub(super) async fn add_to_cart(
    store: &VendureStore,
    token: Option<&str>,
    variant_id: &str,
    quantity: u32,
) -> CommerceResult<TokenCart> {
    if quantity == 0 || quantity > MAX_LINE_QUANTITY {
        return Err(CommerceError::Refused(if quantity == 0 {
            Refusal::QuantityTooSmall { min: 1 }
        } else {
            Refusal::QuantityTooLarge {
                max: MAX_LINE_QUANTITY,
            }
        }));
    }
    // What the cart held of this variant before: how a lost answer is told from a lost add.
    let mut held = 0;
    if let Some(t) = token {
        // Vendure would quietly start a new session for an unknown token.
        let active = store.active_order(t).await?;
        if let Some(o) = &active {
            store.reopen(t, o).await?;
        }
        held = active.as_ref().map_or(0, |o| quantity_of(o, variant_id));
        if held + i64::from(quantity) > i64::from(MAX_LINE_QUANTITY) {
            return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
                max: MAX_LINE_QUANTITY,
            }));
        }
    }
    let sent = store
        .client
        .call::<AddItem>(
            add_item::Variables {
                variant: variant_id.to_string(),
                quantity: i64::from(quantity),
            },
            token,
            Kind::Write,
        )
        .await;
    let reply = match (sent, token) {
        (Ok(reply), _) => reply,
        (Err(CommerceError::Unavailable(why)), Some(t)) => {
            // No answer: the add may have reached Vendure. Told "nothing changed", the
            // shopper would add again and get two; so look before saying which.
            return match store.active_order_as(t, Kind::Check).await {
                Ok(Some(o)) if quantity_of(&o, variant_id) == held + i64::from(quantity) => {
                    Ok(TokenCart {
                        token: t.to_string(),
                        cart: orders::cart(&o)?,
                    })
                }
                Ok(_) => Err(CommerceError::Unavailable(why)),
                Err(_) => Err(CommerceError::Unconfirmed),
            };
        }
        (Err(e), _) => return Err(e),
    };
    let token = reply
        .token
        .or(token.map(str::to_string))
        .ok_or_else(|| CommerceError::Unavailable("Vendure issued no session".into()))?;
    use add_item::AddItemAddItemToOrder as R;
    let cart = match reply.data.add_item_to_order {
        R::Order(o) => orders::cart(&plain_order!(o))?,
        R::InsufficientStockError(e) => {
            return Err(CommerceError::OutOfStock {
                product: store.product_name(variant_id).await,
                available: e.quantity_available.max(0) as u32,
            });
        }
        R::OrderLimitError(e) => return Err(refused(e.message)),
        R::NegativeQuantityError(e) => return Err(refused(e.message)),
        R::OrderInterceptorError(e) => return Err(refused(e.message)),
        R::OrderModificationError(e) => return Err(refused(e.message)),
    };
    Ok(TokenCart { token, cart })
}

fn quantity_of(order: &VOrder, variant_id: &str) -> i64 {
    order
        .lines
        .iter()
        .filter(|l| l.variant_id == variant_id)
        .map(|l| l.quantity)
        .sum()
}

pub(super) async fn set_line_quantity(
    store: &VendureStore,
    token: &str,
    variant_id: &str,
    quantity: u32,
) -> CommerceResult<Cart> {
    if quantity > MAX_LINE_QUANTITY {
        return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
            max: MAX_LINE_QUANTITY,
        }));
    }
    let active = store.active_order(token).await?;
    if let Some(o) = &active {
        store.reopen(token, o).await?;
    }
    let found = active
        .as_ref()
        .and_then(|o| o.lines.iter().find(|l| l.variant_id == variant_id))
        .map(|l| (l.id.clone(), l.product_name.clone()));
    let Some((line, product)) = found else {
        // Removing what is not there already holds; changing it cannot.
        if quantity == 0 {
            return active.map_or_else(|| Ok(store.empty_cart()), |o| orders::cart(&o));
        }
        return Err(CommerceError::NotFound(Thing::CartLine));
    };
    let refuse = |message: String| Err(refused(message));
    if quantity == 0 {
        let r = store
            .client
            .call::<RemoveLine>(remove_line::Variables { line }, Some(token), Kind::Write)
            .await?;
        use remove_line::RemoveLineRemoveOrderLine as R;
        return match r.data.remove_order_line {
            R::Order(o) => orders::cart(&plain_order!(o)),
            R::OrderModificationError(e) => refuse(e.message),
            R::OrderInterceptorError(e) => refuse(e.message),
        };
    }
    let r = store
        .client
        .call::<AdjustLine>(
            adjust_line::Variables {
                line,
                quantity: i64::from(quantity),
            },
            Some(token),
            Kind::Write,
        )
        .await?;
    use adjust_line::AdjustLineAdjustOrderLine as R;
    match r.data.adjust_order_line {
        R::Order(o) => orders::cart(&plain_order!(o)),
        R::InsufficientStockError(e) => Err(CommerceError::OutOfStock {
            product,
            available: e.quantity_available.max(0) as u32,
        }),
        R::OrderLimitError(e) => refuse(e.message),
        R::NegativeQuantityError(e) => refuse(e.message),
        R::OrderModificationError(e) => refuse(e.message),
        R::OrderInterceptorError(e) => refuse(e.message),
    }
}

pub(super) async fn apply_coupon(
    store: &VendureStore,
    token: &str,
    code: &str,
) -> CommerceResult<Cart> {
    let r = store
        .client
        .call::<ApplyCoupon>(
            apply_coupon::Variables {
                code: code.to_string(),
            },
            Some(token),
            Kind::Write,
        )
        .await?;
    use apply_coupon::ApplyCouponApplyCouponCode as R;
    match r.data.apply_coupon_code {
        R::Order(o) => orders::cart(&plain_order!(o)),
        R::CouponCodeExpiredError(_) => Err(CommerceError::Coupon(CouponProblem::Expired {
            last_day: None,
        })),
        R::CouponCodeInvalidError(_) | R::CouponCodeLimitError(_) => {
            Err(CommerceError::Coupon(CouponProblem::Unknown))
        }
    }
}

pub(super) async fn remove_coupon(store: &VendureStore, token: &str) -> CommerceResult<Cart> {
    let Some(active) = store.active_order(token).await? else {
        return Ok(store.empty_cart());
    };
    let mut cart = orders::cart(&active)?;
    for code in &active.coupon_codes {
        let r = store
            .client
            .call::<RemoveCoupon>(
                remove_coupon::Variables { code: code.clone() },
                Some(token),
                Kind::Write,
            )
            .await?;
        if let Some(o) = r.data.remove_coupon_code {
            cart = orders::cart(&plain_order!(o))?;
        }
    }
    Ok(cart)
}

impl VendureStore {
    pub(super) async fn active_order(&self, token: &str) -> CommerceResult<Option<VOrder>> {
        self.active_order_as(token, Kind::Read).await
    }

    async fn active_order_as(&self, token: &str, kind: Kind) -> CommerceResult<Option<VOrder>> {
        let reply = self
            .client
            .call::<ActiveOrder>(active_order::Variables {}, Some(token), kind)
            .await?;
        // A new token means Vendure did not know ours (expired or never issued).
        if reply.token.as_deref().is_some_and(|t| t != token) {
            return Err(CommerceError::InvalidCartToken);
        }
        Ok(reply.data.active_order.map(|o| plain_order!(o)))
    }
}

impl VendureStore {
    pub(super) fn empty_cart(&self) -> Cart {
        Cart::empty(self.currency)
    }
}

impl VendureStore {
    /// The name a stock message gives the variant's product.
    pub(super) async fn product_name(&self, variant_id: &str) -> String {
        self.shelf()
            .await
            .ok()
            .and_then(|s| s.variant_products.get(variant_id).cloned())
            .unwrap_or_else(|| "this item".into())
    }
}

impl VendureStore {
    pub(super) async fn to_state(&self, token: &str, state: &str) -> CommerceResult<()> {
        let r = self
            .client
            .call::<ToState>(
                to_state::Variables {
                    state: state.into(),
                },
                Some(token),
                Kind::Write,
            )
            .await?;
        if let Some(to_state::ToStateTransitionOrderToState::OrderStateTransitionError(e)) =
            r.data.transition_order_to_state
        {
            return Err(refused(format!("{}: {}", e.message, e.transition_error)));
        }
        Ok(())
    }
}

impl VendureStore {
    /// An order left arranging payment (its payment was declined) takes no changes until it is
    /// back to adding items; the shopper only sees a cart, which stays editable.
    pub(super) async fn reopen(&self, token: &str, active: &VOrder) -> CommerceResult<()> {
        if active.state == "ArrangingPayment" {
            self.to_state(token, "AddingItems").await?;
        }
        Ok(())
    }
}

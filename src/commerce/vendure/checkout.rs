//! Placing an order on Vendure: the active order's terms, then address, shipping, payment and
//! the move to payment, each refused step answered in the storefront's words.

use super::*;

pub(super) async fn checkout_terms(
    store: &VendureStore,
    token: &str,
    _cart: &Cart,
) -> CommerceResult<Terms> {
    let methods = store
        .client
        .call::<ShippingMethods>(shipping_methods::Variables {}, Some(token), Kind::Read)
        .await?
        .data
        .eligible_shipping_methods;
    Ok(Terms {
        options: methods
            .into_iter()
            .map(|m| {
                let price = crate::commerce::Money::new(m.price_with_tax, store.currency);
                orders::shipping_option(&m.code, &m.name, price)
            })
            .collect(),
        tax: Tax::Included,
    })
}

pub(super) async fn place_order(
    store: &VendureStore,
    token: &str,
    order: &PlaceOrder,
) -> CommerceResult<Order> {
    if order.currency != store.currency {
        return Err(CommerceError::Refused(Refusal::CurrencyChanged {
            shown: order.currency,
            now: store.currency,
        }));
    }
    let attempt = {
        let mut attempts = store
            .attempts
            .lock()
            .map_err(|_| CommerceError::Unavailable("attempt lock poisoned".into()))?;
        if attempts.len() >= REMEMBERED_ATTEMPTS {
            // Forget finished attempts (replays come within seconds), never running ones.
            attempts.retain(|_, a| Arc::strong_count(a) > 1);
        }
        attempts
            .entry(order.idempotency_key.clone())
            .or_default()
            .clone()
    };
    let mut attempt = attempt.lock().await;
    if let Some(placed) = earlier(store, &mut attempt).await? {
        return Ok(placed);
    }
    let result = store.place(token, order, &mut attempt.paying).await;
    match (&result, attempt.paying.clone()) {
        (Ok(o), _) => attempt.placed = Some(o.code.clone()),
        (Err(CommerceError::Unavailable(why)), Some(code)) => {
            // The payment went out and no answer came back: Vendure may have taken it. Still
            // unknown (`Unconfirmed`), the next click of this attempt asks again before paying.
            tracing::warn!(order = %code, %why, "payment sent, answer lost; checking the order");
            return match earlier(store, &mut attempt).await? {
                Some(placed) => Ok(placed),
                None => result,
            };
        }
        (Err(_), _) => {}
    }
    attempt.paying = None;
    result
}

/// What an earlier try of attempt `key` did: this process's own try, its order or the one
/// whose payment got no answer, read again; else `paying`, the order a try on another
/// instance (one that died mid-checkout, say) was about to pay for.
pub(super) async fn replay(
    store: &VendureStore,
    key: &str,
    paying: Option<&str>,
) -> CommerceResult<Option<Order>> {
    let attempt = store
        .attempts
        .lock()
        .map_err(|_| CommerceError::Unavailable("attempt lock poisoned".into()))?
        .get(key)
        .cloned();
    let mut asked = None;
    if let Some(attempt) = attempt {
        let mut attempt = attempt.lock().await;
        asked = attempt.paying.clone();
        if let Some(placed) = earlier(store, &mut attempt).await? {
            return Ok(Some(placed));
        }
    }
    // Not asked again when this process's own try just asked about the same order.
    let Some(code) = paying.filter(|p| asked.as_deref() != Some(*p)) else {
        return Ok(None);
    };
    // Paid (or not) by whichever instance tried: Vendure knows.
    orders::settled(store, code)
        .await
        .map_err(|_| CommerceError::Unconfirmed)
}

async fn earlier(store: &VendureStore, attempt: &mut Tried) -> CommerceResult<Option<Order>> {
    if let Some(code) = attempt.placed.clone() {
        return store.order(&code).await.map(Some);
    }
    if let Some(code) = attempt.paying.clone() {
        // An earlier click sent the payment and never heard back: it may have gone through.
        match orders::settled(store, &code).await {
            Ok(Some(placed)) => {
                attempt.placed = Some(code);
                attempt.paying = None;
                return Ok(Some(placed));
            }
            Ok(None) => attempt.paying = None,
            Err(_) => return Err(CommerceError::Unconfirmed),
        }
    }
    Ok(None)
}

impl VendureStore {
    /// Holds every variant in `ids` (in one order, so two placements never wait on each
    /// other crosswise) until the guards drop.
    pub(super) async fn hold(&self, mut ids: Vec<String>) -> Vec<tokio::sync::OwnedMutexGuard<()>> {
        ids.sort();
        ids.dedup();
        let locks: Vec<_> = {
            let Ok(mut holds) = self.holds.lock() else {
                return Vec::new();
            };
            if holds.len() > 10_000 {
                holds.retain(|_, l| Arc::strong_count(l) > 1);
            }
            ids.iter()
                .map(|id| holds.entry(id.clone()).or_default().clone())
                .collect()
        };
        let mut guards = Vec::with_capacity(locks.len());
        for lock in locks {
            guards.push(lock.lock_owned().await);
        }
        guards
    }
}

impl VendureStore {
    /// Places `order`; `paying` is set to the order's code just before its payment is sent,
    /// so a caller that hears nothing back knows which order to look at.
    pub(super) async fn place(
        &self,
        token: &str,
        order: &PlaceOrder,
        paying: &mut Option<String>,
    ) -> CommerceResult<Order> {
        if order.gift.is_some() && !self.gifts {
            // This Vendure has nowhere to keep the note; refusing beats losing it.
            return Err(CommerceError::Refused(Refusal::GiftsNotSupported));
        }
        let Some(active) = self.active_order(token).await? else {
            return Err(CommerceError::EmptyCart);
        };
        if active.lines.is_empty() {
            return Err(CommerceError::EmptyCart);
        }
        // Vendure checks stock when a line is added, not when the order is placed: without
        // this, a line another shopper sold out meanwhile would be oversold. The check and
        // the payment that takes the stock happen under the variants' holds, and the lines
        // are read again once they are held.
        let variants = orders::cart(&active)?
            .lines
            .into_iter()
            .map(|l| l.variant_id)
            .collect();
        let _held = self.hold(variants).await;
        let Some(active) = self.active_order(token).await? else {
            return Err(CommerceError::EmptyCart);
        };
        for line in orders::cart(&active)?.lines {
            if line.quantity > line.available {
                return Err(CommerceError::OutOfStock {
                    product: line.product_name,
                    available: line.available,
                });
            }
        }
        let t = Some(token);
        // A declined payment left it arranging payment; what was typed this time must win.
        self.reopen(token, &active).await?;
        if order.customer_id.is_none() {
            let (first, last) = split_name(&order.address.name);
            let r = self
                .client
                .call::<SetCustomer>(
                    set_customer::Variables {
                        input: set_customer::CreateCustomerInput {
                            title: None,
                            first_name: first,
                            last_name: last,
                            phone_number: None,
                            email_address: order.email.clone(),
                            custom_fields: None,
                        },
                    },
                    t,
                    Kind::Write,
                )
                .await?;
            use set_customer::SetCustomerSetCustomerForOrder as R;
            match r.data.set_customer_for_order {
                R::Order(_) => {}
                R::EmailAddressConflictError(_) => return Err(CommerceError::EmailTaken),
                R::AlreadyLoggedInError(_) => {}
                R::NoActiveOrderError(_) => return Err(CommerceError::EmptyCart),
                R::GuestCheckoutError(e) => return Err(refused(e.message)),
            }
        }
        let r = self
            .client
            .call::<SetShippingAddress>(
                set_shipping_address::Variables {
                    input: address_input!(set_shipping_address::CreateAddressInput, &order.address),
                },
                t,
                Kind::Write,
            )
            .await?;
        if let set_shipping_address::SetShippingAddressSetOrderShippingAddress::NoActiveOrderError(
            _,
        ) = r.data.set_order_shipping_address
        {
            return Err(CommerceError::EmptyCart);
        }
        if let Some(billing) = &order.billing {
            self.client
                .call::<SetBillingAddress>(
                    set_billing_address::Variables {
                        input: address_input!(set_billing_address::CreateAddressInput, billing),
                    },
                    t,
                    Kind::Write,
                )
                .await?;
        }
        if self.gifts {
            // Set even when empty, so a retry that is no longer a gift clears the note.
            let gift = order.gift.as_ref();
            let r = self
                .client
                .call::<SetGift>(
                    set_gift::Variables {
                        input: set_gift::UpdateOrderInput {
                            custom_fields: Some(set_gift::UpdateOrderCustomFieldsInput {
                                // "" for a gift without a note: still a gift.
                                gift_message: gift.map(|g| g.message.clone()),
                                gift_hide_prices: Some(gift.is_some_and(|g| g.hide_prices)),
                            }),
                        },
                    },
                    t,
                    Kind::Write,
                )
                .await?;
            if let set_gift::SetGiftSetOrderCustomFields::NoActiveOrderError(_) =
                r.data.set_order_custom_fields
            {
                return Err(CommerceError::EmptyCart);
            }
        }
        let methods = self
            .client
            .call::<ShippingMethods>(shipping_methods::Variables {}, t, Kind::Read)
            .await?
            .data
            .eligible_shipping_methods;
        let method = methods
            .iter()
            .find(|m| m.code == order.shipping_code)
            .or_else(|| {
                methods
                    .iter()
                    .find(|m| m.code.starts_with(&format!("{}-", order.shipping_code)))
            })
            .ok_or(CommerceError::UnknownShipping)?;
        let r = self
            .client
            .call::<SetShippingMethod>(
                set_shipping_method::Variables {
                    ids: vec![method.id.clone()],
                },
                t,
                Kind::Write,
            )
            .await?;
        use set_shipping_method::SetShippingMethodSetOrderShippingMethod as S;
        match r.data.set_order_shipping_method {
            S::Order(_) => {}
            S::IneligibleShippingMethodError(_) => return Err(CommerceError::UnknownShipping),
            S::NoActiveOrderError(_) => return Err(CommerceError::EmptyCart),
            S::OrderModificationError(e) => return Err(refused(e.message)),
        }
        self.to_state(token, "ArrangingPayment").await?;
        let methods = self
            .client
            .call::<PaymentMethods>(payment_methods::Variables {}, t, Kind::Read)
            .await?
            .data
            .eligible_payment_methods;
        let method = methods
            .into_iter()
            .find(|m| m.is_eligible)
            .ok_or_else(|| CommerceError::Unavailable("Vendure offers no payment method".into()))?;
        *paying = Some(active.code.clone());
        let r = self
            .client
            .call::<AddPayment>(
                add_payment::Variables {
                    input: add_payment::PaymentInput {
                        method: method.code,
                        metadata: payment_metadata(order),
                    },
                },
                t,
                Kind::Write,
            )
            .await?;
        use add_payment::AddPaymentAddPaymentToOrder as P;
        let placed = match r.data.add_payment_to_order {
            P::Order(o) => plain_order!(o),
            P::PaymentDeclinedError(e) => {
                tracing::info!(reason = %e.payment_error_message, "Vendure declined a payment");
                // The handler's wording is for the logs; the gateway's reason is the shopper's.
                let why = order.declines.unwrap_or(Decline::Declined);
                return Err(CommerceError::PaymentDeclined(why));
            }
            P::PaymentFailedError(e) => {
                return Err(CommerceError::Unavailable(format!(
                    "payment failed: {}",
                    e.payment_error_message
                )))
            }
            P::NoActiveOrderError(_) => return Err(CommerceError::EmptyCart),
            P::IneligiblePaymentMethodError(e) => {
                return Err(CommerceError::Unavailable(e.message))
            }
            P::OrderPaymentStateError(e) => return Err(refused(e.message)),
            P::OrderStateTransitionError(e) => {
                return Err(refused(format!("{}: {}", e.message, e.transition_error)))
            }
            P::CouponRemovedDuringCheckoutError => {
                return Err(CommerceError::Coupon(CouponProblem::Unknown))
            }
        };
        self.restock();
        let mut placed = orders::placed(&placed)?;
        placed.gift = order.gift.clone();
        Ok(placed)
    }
}

/// What the payment handler is told. Of a card only its brand and last four digits, under
/// `public`, the only part of a payment's metadata the Shop API shows back; and the test
/// gateway's answer as the dummy handler's `shouldDecline`, so Vendure is what declines.
pub(super) fn payment_metadata(order: &PlaceOrder) -> serde_json::Value {
    let public = match &order.payment {
        PaymentMethod::Card { brand, last4 } => {
            serde_json::json!({ "kind": "card", "brand": brand, "last4": last4 })
        }
        PaymentMethod::PayOnDelivery => serde_json::json!({ "kind": "pay_on_delivery" }),
    };
    serde_json::json!({ "public": public, "shouldDecline": order.declines.is_some() })
}

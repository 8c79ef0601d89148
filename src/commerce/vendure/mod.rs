//! The Vendure adapter: the `Commerce` trait over Vendure's GraphQL Shop API. The cart token is
//! Vendure's session token (bearer method), which the storefront keeps in its own HttpOnly
//! cookie; the browser never talks to Vendure. Selected with `VITRINE_BACKEND=vendure`.

mod catalogue;
mod client;
mod orders;
mod plain;
mod queries;

use super::backend::*;
use super::checkout::{Decline, PaymentMethod, Tax, Terms};
use super::model::*;
use super::promotions::CouponProblem;
use super::{Currency, Refusal, Thing};
use crate::discovery::Item;
use catalogue::{Collection, Shelf};
use client::{Client, Kind};
use plain::{address_input, plain_order, plain_product, VOrder, VProduct};
use queries::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Vendure refused for a reason of its own: its words (English, for developers) go to the log,
/// the shopper gets a typed refusal the page words.
pub(crate) fn refused(message: String) -> CommerceError {
    tracing::info!(%message, "Vendure refused the request");
    CommerceError::Refused(Refusal::Backend)
}

/// How long listings may show a catalogue (and stock) this old. Product pages and carts
/// always ask Vendure afresh.
const SHELF_TTL: Duration = Duration::from_secs(60);
/// The Shop API's default `shopListQueryLimit`: the most one page of a list may hold.
const PAGE: i64 = 100;
/// A search word keeps its best this many products (Vendure ranks them); enough for any
/// listing a shopper pages through, and a bound on the calls one search makes.
const MOST_HITS: i64 = 500;
/// Placed orders remembered per attempt key, so a replayed checkout returns the first order.
const REMEMBERED_ATTEMPTS: usize = 10_000;

/// The Vendure backend answering in one language (`Commerce::in_language`): its client asks
/// the Shop API with `languageCode`, and Vendure falls back to the channel's default language
/// where a product has no translation. Every view shares one `Shared`.
#[derive(Clone)]
pub struct VendureStore {
    shared: Arc<Shared>,
    client: Client,
    language: &'static str,
}

impl std::ops::Deref for VendureStore {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.shared
    }
}

pub struct Shared {
    currency: Currency,
    /// Where product pictures come from, for the page's Content-Security-Policy.
    asset_origin: Option<String>,
    /// The catalogue per language, with when it was loaded.
    shelf: Mutex<HashMap<&'static str, (Instant, Arc<Shelf>)>>,
    /// One catalogue load at a time: a cold cache under load must not fan out to Vendure.
    loading: tokio::sync::Mutex<()>,
    /// Attempt key → the order it placed, behind a lock held across that placement: a double
    /// click waits for the first and gets its order, while other shoppers' checkouts go on.
    /// Per process: several storefront instances need sticky checkouts (README, Vendure).
    attempts: Mutex<HashMap<String, Attempt>>,
    /// Vendure declares the gift fields on orders (see `OrderWithGift` in shop.graphql).
    gifts: bool,
    /// Signs order codes for Vendure's order access rule (`VENDURE_ORDER_PROOF_KEY`; see
    /// scripts/vendure/server.js). Without it Vendure's own rule applies: a guest order can
    /// be read for two hours after it is placed.
    proof_key: Option<Arc<[u8]>>,
    /// One placement at a time per variant, from the stock check until the payment: Vendure
    /// checks stock when a line is added, not when the order is placed, so ten orders at
    /// once for the last four units all went through.
    holds: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

type Attempt = Arc<tokio::sync::Mutex<Option<String>>>;

impl VendureStore {
    /// Connects to the Shop API at `url` and learns the channel's currency.
    pub async fn connect(url: &str, proof_key: Option<&str>) -> Result<VendureStore, String> {
        let client = Client::new(url)?;
        let reply = client
            .call::<Channel>(channel::Variables {}, None, Kind::Read)
            .await
            .map_err(|e| format!("cannot reach Vendure at {url}: {e}"))?;
        let code = format!("{:?}", reply.data.active_channel.default_currency_code);
        let currency = Currency::parse(&code).ok_or_else(|| {
            format!("Vendure's channel sells in {code}, which vitrine cannot show")
        })?;
        let asset_origin = url.split_once("://").and_then(|(scheme, rest)| {
            rest.split('/')
                .next()
                .map(|host| format!("{scheme}://{host}"))
        });
        let probe = order_with_gift::Variables {
            code: "VITRINE-PROBE".into(),
        };
        let gifts = match client.call::<OrderWithGift>(probe, None, Kind::Read).await {
            Ok(_) | Err(CommerceError::NotFound(_)) => true,
            // A stock Vendure refuses the query: its orders have no such fields.
            Err(CommerceError::Refused(_)) => {
                tracing::info!("Vendure declares no gift fields: gifts are refused");
                false
            }
            Err(e) => return Err(format!("cannot reach Vendure at {url}: {e}")),
        };
        let shared = Shared {
            currency,
            asset_origin,
            gifts,
            shelf: Mutex::default(),
            loading: tokio::sync::Mutex::new(()),
            attempts: Mutex::new(HashMap::new()),
            proof_key: proof_key
                .filter(|k| !k.is_empty())
                .map(|k| Arc::from(k.as_bytes())),
            holds: Mutex::new(HashMap::new()),
        };
        Ok(VendureStore {
            shared: Arc::new(shared),
            client: client.speaking("en"),
            language: "en",
        })
    }

    /// The proof that the storefront checked the shopper may read order `code`.
    fn order_proof(&self, code: &str) -> Option<String> {
        use hmac::{Hmac, Mac};
        let key = self.proof_key.as_ref()?;
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).ok()?;
        mac.update(code.as_bytes());
        Some(crate::hex::encode(&mac.finalize().into_bytes()))
    }

    /// Holds every variant in `ids` (in one order, so two placements never wait on each
    /// other crosswise) until the guards drop.
    async fn hold(&self, mut ids: Vec<String>) -> Vec<tokio::sync::OwnedMutexGuard<()>> {
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

    async fn shelf(&self) -> CommerceResult<Arc<Shelf>> {
        let fresh = || {
            self.shelf.lock().ok().and_then(|s| {
                s.get(self.language)
                    .filter(|(at, _)| at.elapsed() < SHELF_TTL)
                    .map(|(_, s)| s.clone())
            })
        };
        if let Some(shelf) = fresh() {
            return Ok(shelf);
        }
        let stale = || {
            self.shelf
                .lock()
                .ok()
                .and_then(|s| s.get(self.language).map(|(_, s)| s.clone()))
        };
        // While another request reloads it, an old catalogue beats a queue.
        let _one = match self.loading.try_lock() {
            Ok(one) => one,
            Err(_) => match stale() {
                Some(shelf) => return Ok(shelf),
                None => self.loading.lock().await,
            },
        };
        if let Some(shelf) = fresh() {
            return Ok(shelf);
        }
        match self.load_shelf().await {
            Ok(loaded) => {
                let shelf = Arc::new(loaded);
                if let Ok(mut s) = self.shelf.lock() {
                    s.insert(self.language, (Instant::now(), shelf.clone()));
                }
                Ok(shelf)
            }
            // Vendure down: listings keep showing the last catalogue they had, if any.
            Err(e) => stale().ok_or(e),
        }
    }

    /// Drops the cached catalogue in every language (stock changed).
    fn restock(&self) {
        if let Ok(mut s) = self.shelf.lock() {
            s.clear();
        }
    }

    async fn load_shelf(&self) -> CommerceResult<Shelf> {
        let listed = self
            .client
            .call::<Collections>(collections::Variables {}, None, Kind::Read)
            .await?
            .data
            .collections
            .items;
        let mut collections: Vec<Collection> = listed
            .iter()
            .map(|c| Collection {
                slug: c.slug.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
                image: c.featured_asset.as_ref().map(|a| a.preview.clone()),
                children: listed
                    .iter()
                    .filter(|child| child.parent_id == c.id)
                    .map(|child| child.slug.clone())
                    .collect(),
            })
            .collect();
        // Outer collections first, then Vendure's order within each level.
        collections.sort_by_key(|c| c.children.is_empty());
        let mut products: Vec<VProduct> = Vec::new();
        loop {
            let page = self
                .client
                .call::<Products>(
                    products::Variables {
                        skip: products.len() as i64,
                        take: PAGE,
                    },
                    None,
                    Kind::Read,
                )
                .await?
                .data
                .products;
            let total = page.total_items;
            let got = page.items.len();
            products.extend(page.items.into_iter().map(|p| plain_product!(p)));
            if got == 0 || products.len() as i64 >= total {
                break;
            }
        }
        Ok(Shelf::new(collections, &products, self.currency))
    }

    /// Products matching every planned word, with a score: each word is searched with
    /// Vendure's `search` (one call per alternative), and matched against the brand and
    /// collection names it does not index; words too short for it are matched against the
    /// cached catalogue.
    async fn matches(
        &self,
        shelf: &Shelf,
        words: &[crate::discovery::query::WordMatch],
        collection: Option<&str>,
    ) -> CommerceResult<HashMap<usize, f64>> {
        let mut scores: Option<HashMap<usize, f64>> = None;
        for word in words {
            let mut found: HashMap<usize, f64> = HashMap::new();
            for alt in &word.alternatives {
                let alt = alt.trim().to_lowercase();
                if alt.chars().count() < 3 {
                    for i in (0..shelf.items.len()).filter(|&i| shelf.has_word_starting(i, &alt)) {
                        let s = found.entry(i).or_default();
                        *s = s.max(1.0);
                    }
                    continue;
                }
                let mut skip = 0;
                while skip < MOST_HITS {
                    let page = self
                        .client
                        .call::<Search>(
                            search::Variables {
                                term: alt.clone(),
                                // Vendure's pages then hold only this category's.
                                collection: collection.map(str::to_string),
                                skip,
                                take: PAGE,
                            },
                            None,
                            Kind::Read,
                        )
                        .await?
                        .data
                        .search;
                    let got = page.items.len() as i64;
                    for hit in page.items {
                        if let Some(&i) = shelf.by_slug.get(&hit.slug) {
                            let s = found.entry(i).or_default();
                            *s = s.max(hit.score);
                        }
                    }
                    skip += got;
                    if got == 0 || skip >= page.total_items {
                        break;
                    }
                }
                let in_scope = |i: &usize| {
                    collection.is_none_or(|c| shelf.memberships[*i].iter().any(|m| m == c))
                };
                for i in (0..shelf.items.len())
                    .filter(in_scope)
                    .filter(|&i| shelf.has_label_word_starting(i, &alt))
                {
                    let s = found.entry(i).or_default();
                    *s = s.max(1.0);
                }
            }
            scores = Some(match scores {
                None => found,
                Some(before) => before
                    .into_iter()
                    .filter_map(|(i, s)| found.get(&i).map(|f| (i, s + f)))
                    .collect(),
            });
        }
        Ok(scores.unwrap_or_default())
    }

    async fn active_order(&self, token: &str) -> CommerceResult<Option<VOrder>> {
        let reply = self
            .client
            .call::<ActiveOrder>(active_order::Variables {}, Some(token), Kind::Read)
            .await?;
        // A new token means Vendure did not know ours (expired or never issued).
        if reply.token.as_deref().is_some_and(|t| t != token) {
            return Err(CommerceError::InvalidCartToken);
        }
        Ok(reply.data.active_order.map(|o| plain_order!(o)))
    }

    fn empty_cart(&self) -> Cart {
        Cart::empty(self.currency)
    }

    /// The name a stock message gives the variant's product.
    async fn product_name(&self, variant_id: &str) -> String {
        self.shelf()
            .await
            .ok()
            .and_then(|s| s.variant_products.get(variant_id).cloned())
            .unwrap_or_else(|| "this item".into())
    }

    async fn to_state(&self, token: &str, state: &str) -> CommerceResult<()> {
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

    /// An order left arranging payment (its payment was declined) takes no changes until it is
    /// back to adding items; the shopper only sees a cart, which stays editable.
    async fn reopen(&self, token: &str, active: &VOrder) -> CommerceResult<()> {
        if active.state == "ArrangingPayment" {
            self.to_state(token, "AddingItems").await?;
        }
        Ok(())
    }

    async fn place(&self, token: &str, order: &PlaceOrder) -> CommerceResult<Order> {
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

fn split_name(name: &str) -> (String, String) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_string(), last.to_string()),
        None => (name.to_string(), String::new()),
    }
}

/// What the payment handler is told. Of a card only its brand and last four digits, under
/// `public`, the only part of a payment's metadata the Shop API shows back; and the test
/// gateway's answer as the dummy handler's `shouldDecline`, so Vendure is what declines.
fn payment_metadata(order: &PlaceOrder) -> serde_json::Value {
    let public = match &order.payment {
        PaymentMethod::Card { brand, last4 } => {
            serde_json::json!({ "kind": "card", "brand": brand, "last4": last4 })
        }
        PaymentMethod::PayOnDelivery => serde_json::json!({ "kind": "pay_on_delivery" }),
    };
    serde_json::json!({ "public": public, "shouldDecline": order.declines.is_some() })
}

#[async_trait::async_trait]
impl Commerce for VendureStore {
    fn currency(&self) -> Currency {
        self.currency
    }

    fn language(&self) -> &'static str {
        self.language
    }

    /// One currency, the channel's: the sample channel prices in no other, and a channel that
    /// does would be asked with `currencyCode` the way languages are.
    fn in_currency(self: Arc<Self>, _currency: Currency) -> Arc<dyn Commerce> {
        self
    }

    fn in_language(self: Arc<Self>, language: &'static str) -> Arc<dyn Commerce> {
        if language == self.language {
            return self;
        }
        Arc::new(VendureStore {
            shared: self.shared.clone(),
            client: self.client.speaking(language),
            language,
        })
    }

    fn image_origin(&self) -> Option<String> {
        self.asset_origin.clone()
    }

    fn prices_bundles(&self) -> bool {
        true
    }

    /// Vendure's promotions cannot be read through the Shop API, so the bundle is tried: one
    /// of each product in a scratch cart, which Vendure prices with its promotions. What it
    /// takes off those products (not the order as a whole) must be the declared percentage,
    /// give or take a cent a line for Vendure's per-line rounding. The scratch cart is emptied.
    async fn check_bundle(&self, bundle: &crate::commerce::bundles::Bundle) -> CommerceResult<()> {
        let mut token: Option<String> = None;
        for handle in &bundle.products {
            let p = self.product(handle).await?;
            let v = p
                .variants
                .iter()
                .find(|v| v.in_stock())
                .ok_or(CommerceError::NotFound(super::Thing::Product))?;
            let added = self.add_to_cart(token.as_deref(), &v.id, 1).await?;
            token = Some(added.token);
        }
        let token = token.ok_or(CommerceError::EmptyCart)?;
        let order = self
            .active_order(&token)
            .await?
            .ok_or(CommerceError::EmptyCart)?;
        for l in &order.lines {
            let _ = self.set_line_quantity(&token, &l.variant_id, 0).await;
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

    async fn categories(&self) -> CommerceResult<Vec<Category>> {
        let shelf = self.shelf().await?;
        // Categories are the innermost collections; outer ones stay reachable by address.
        Ok(shelf
            .collections
            .iter()
            .filter(|c| c.children.is_empty())
            .map(|c| shelf.category(c))
            .collect())
    }

    async fn category(&self, handle: &str) -> CommerceResult<Category> {
        let shelf = self.shelf().await?;
        shelf
            .collection(handle)
            .map(|c| shelf.category(c))
            .ok_or(CommerceError::NotFound(Thing::Category))
    }

    async fn products(&self, query: &ProductQuery) -> CommerceResult<Page<ProductSummary>> {
        let shelf = self.shelf().await?;
        let all: Vec<&ProductSummary> = shelf
            .items
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                query
                    .category
                    .as_ref()
                    .is_none_or(|c| shelf.in_collection(*i, c))
            })
            .map(|(_, item)| &item.summary)
            .collect();
        let per_page = query.per_page.max(1);
        let page = query.page.max(1);
        Ok(Page {
            total: all.len() as u32,
            items: all
                .into_iter()
                .skip(((page - 1) * per_page) as usize)
                .take(per_page as usize)
                .cloned()
                .collect(),
            page,
            per_page,
        })
    }

    async fn product(&self, handle: &str) -> CommerceResult<Product> {
        let reply = self
            .client
            .call::<ProductBySlug>(
                product_by_slug::Variables {
                    slug: handle.to_string(),
                },
                None,
                Kind::Read,
            )
            .await?;
        let p = reply
            .data
            .product
            .map(|p| plain_product!(p))
            .ok_or(CommerceError::NotFound(Thing::Product))?;
        let shelf = self.shelf().await?;
        let category = shelf
            .category_of(&p)
            .map(|c| shelf.category(c))
            .unwrap_or_else(|| Category {
                handle: String::new(),
                name: String::new(),
                description: String::new(),
                product_count: 0,
                image: None,
            });
        Ok(catalogue::product(p, category, self.currency))
    }

    async fn items(&self, query: &ItemQuery) -> CommerceResult<Vec<Item>> {
        let shelf = self.shelf().await?;
        let wanted = |i: usize| {
            query
                .category
                .as_ref()
                .is_none_or(|c| shelf.in_collection(i, c))
                && query
                    .handles
                    .as_ref()
                    .is_none_or(|hs| hs.contains(&shelf.items[i].summary.handle))
        };
        let limit = query.limit as usize;
        let Some(words) = &query.words else {
            return Ok((0..shelf.items.len())
                .filter(|&i| wanted(i))
                .take(limit)
                .map(|i| shelf.items[i].clone())
                .collect());
        };
        let mut hits: Vec<(usize, f64)> = self
            .matches(&shelf, words, query.category.as_deref())
            .await?
            .into_iter()
            .filter(|(i, _)| wanted(*i))
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(hits
            .into_iter()
            .take(limit)
            .map(|(i, score)| {
                let mut item = shelf.items[i].clone();
                item.relevance = score;
                item
            })
            .collect())
    }

    async fn search_terms(&self) -> CommerceResult<Vec<(String, u32)>> {
        Ok(self.shelf().await?.terms())
    }

    async fn baskets(&self, _limit: u32) -> CommerceResult<Vec<Vec<String>>> {
        // The Shop API shares no one else's orders; bought together falls back to similar.
        Ok(Vec::new())
    }

    async fn cart(&self, token: &str) -> CommerceResult<Cart> {
        match self.active_order(token).await? {
            Some(o) => orders::cart(&o),
            None => Ok(self.empty_cart()),
        }
    }

    async fn add_to_cart(
        &self,
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
        if let Some(t) = token {
            // Vendure would quietly start a new session for an unknown token.
            let active = self.active_order(t).await?;
            if let Some(o) = &active {
                self.reopen(t, o).await?;
            }
            let held: i64 = active
                .map(|o| {
                    o.lines
                        .iter()
                        .filter(|l| l.variant_id == variant_id)
                        .map(|l| l.quantity)
                        .sum()
                })
                .unwrap_or(0);
            if held + i64::from(quantity) > i64::from(MAX_LINE_QUANTITY) {
                return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
                    max: MAX_LINE_QUANTITY,
                }));
            }
        }
        let reply = self
            .client
            .call::<AddItem>(
                add_item::Variables {
                    variant: variant_id.to_string(),
                    quantity: i64::from(quantity),
                },
                token,
                Kind::Write,
            )
            .await?;
        let token = reply
            .token
            .or(token.map(str::to_string))
            .ok_or_else(|| CommerceError::Unavailable("Vendure issued no session".into()))?;
        use add_item::AddItemAddItemToOrder as R;
        let cart = match reply.data.add_item_to_order {
            R::Order(o) => orders::cart(&plain_order!(o))?,
            R::InsufficientStockError(e) => {
                return Err(CommerceError::OutOfStock {
                    product: self.product_name(variant_id).await,
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

    async fn set_line_quantity(
        &self,
        token: &str,
        variant_id: &str,
        quantity: u32,
    ) -> CommerceResult<Cart> {
        if quantity > MAX_LINE_QUANTITY {
            return Err(CommerceError::Refused(Refusal::QuantityTooLarge {
                max: MAX_LINE_QUANTITY,
            }));
        }
        let active = self.active_order(token).await?;
        if let Some(o) = &active {
            self.reopen(token, o).await?;
        }
        let found = active
            .as_ref()
            .and_then(|o| o.lines.iter().find(|l| l.variant_id == variant_id))
            .map(|l| (l.id.clone(), l.product_name.clone()));
        let Some((line, product)) = found else {
            // Removing what is not there already holds; changing it cannot.
            if quantity == 0 {
                return active.map_or_else(|| Ok(self.empty_cart()), |o| orders::cart(&o));
            }
            return Err(CommerceError::NotFound(Thing::CartLine));
        };
        let refuse = |message: String| Err(refused(message));
        if quantity == 0 {
            let r = self
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
        let r = self
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

    async fn apply_coupon(&self, token: &str, code: &str) -> CommerceResult<Cart> {
        let r = self
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

    async fn remove_coupon(&self, token: &str) -> CommerceResult<Cart> {
        let Some(active) = self.active_order(token).await? else {
            return Ok(self.empty_cart());
        };
        let mut cart = orders::cart(&active)?;
        for code in &active.coupon_codes {
            let r = self
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

    async fn checkout_terms(&self, token: &str, _cart: &Cart) -> CommerceResult<Terms> {
        let methods = self
            .client
            .call::<ShippingMethods>(shipping_methods::Variables {}, Some(token), Kind::Read)
            .await?
            .data
            .eligible_shipping_methods;
        Ok(Terms {
            options: methods
                .into_iter()
                .map(|m| {
                    let price = crate::commerce::Money::new(m.price_with_tax, self.currency);
                    orders::shipping_option(&m.code, &m.name, price)
                })
                .collect(),
            tax: Tax::Included,
        })
    }

    async fn place_order(&self, token: &str, order: &PlaceOrder) -> CommerceResult<Order> {
        if order.currency != self.currency {
            return Err(CommerceError::Refused(Refusal::CurrencyChanged {
                shown: order.currency,
                now: self.currency,
            }));
        }
        let attempt = {
            let mut attempts = self
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
        let mut placed = attempt.lock().await;
        if let Some(code) = placed.clone() {
            drop(placed);
            return self.order(&code).await;
        }
        let result = self.place(token, order).await;
        if let Ok(o) = &result {
            *placed = Some(o.code.clone());
        }
        result
    }

    async fn order(&self, code: &str) -> CommerceResult<Order> {
        let not_found = |e| match e {
            CommerceError::NotFound(_) => CommerceError::NotFound(Thing::Order),
            other => other,
        };
        let missing = || CommerceError::NotFound(Thing::Order);
        let code = code.to_string();
        let proof = self.order_proof(&code);
        if !self.gifts {
            let reply = self
                .client
                .call_proved::<OrderByCode>(order_by_code::Variables { code }, proof.as_deref())
                .await
                .map_err(not_found)?;
            let o = reply.data.order_by_code.ok_or_else(missing)?;
            return orders::placed(&plain_order!(o));
        }
        let reply = self
            .client
            .call_proved::<OrderWithGift>(order_with_gift::Variables { code }, proof.as_deref())
            .await
            .map_err(not_found)?;
        let o = reply.data.order_by_code.ok_or_else(missing)?;
        let mut placed = orders::placed(&plain_order!(o.order_fields))?;
        placed.gift = o.custom_fields.and_then(|f| {
            f.gift_message.map(|message| Gift {
                message,
                hide_prices: f.gift_hide_prices.unwrap_or(false),
            })
        });
        Ok(placed)
    }

    async fn register(
        &self,
        email: &str,
        name: &str,
        password: &str,
        cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        let (first, last) = split_name(name);
        let r = self
            .client
            .call::<Register>(
                register::Variables {
                    input: register::RegisterCustomerInput {
                        email_address: email.to_string(),
                        title: None,
                        first_name: Some(first),
                        last_name: Some(last),
                        phone_number: None,
                        password: Some(password.to_string()),
                    },
                },
                None,
                Kind::Write,
            )
            .await?;
        use register::RegisterRegisterCustomerAccount as R;
        match r.data.register_customer_account {
            R::Success(_) => {}
            R::PasswordValidationError(e) => {
                tracing::info!(why = %e.validation_error_message, "Vendure refused the password");
                return Err(CommerceError::Refused(Refusal::PasswordRejected));
            }
            R::MissingPasswordError(e) => return Err(refused(e.message)),
            R::NativeAuthStrategyError(e) => return Err(CommerceError::Unavailable(e.message)),
        }
        // Vendure answers success for an address it already knows (so nobody can probe for
        // accounts); only signing in tells whether the account is this shopper's.
        match self.sign_in(email, password, cart).await {
            Err(CommerceError::InvalidCredentials) => Err(CommerceError::EmailTaken),
            other => other,
        }
    }

    async fn sign_in(
        &self,
        email: &str,
        password: &str,
        cart: Option<&str>,
    ) -> CommerceResult<SignedIn> {
        // Signing in from the cart's session moves the cart into the account's.
        let r = self
            .client
            .call::<LogIn>(
                log_in::Variables {
                    email: email.to_string(),
                    password: password.to_string(),
                },
                cart,
                Kind::Write,
            )
            .await?;
        use log_in::LogInLogin as R;
        match r.data.login {
            R::CurrentUser(_) => {}
            R::InvalidCredentialsError(_) => return Err(CommerceError::InvalidCredentials),
            R::NotVerifiedError(_) => {
                return Err(CommerceError::Refused(Refusal::EmailNotConfirmed))
            }
            R::NativeAuthStrategyError(e) => return Err(CommerceError::Unavailable(e.message)),
        }
        let token = r
            .token
            .ok_or_else(|| CommerceError::Unavailable("Vendure issued no session".into()))?;
        Ok(SignedIn {
            customer: self.customer(&token).await?,
            cart_token: Some(token),
        })
    }

    async fn sign_out(&self, customer_id: &str) -> CommerceResult<bool> {
        self.client
            .call::<LogOut>(log_out::Variables {}, Some(customer_id), Kind::Write)
            .await?;
        Ok(true)
    }

    /// A Vendure customer is known by their session: the id is its token, which the
    /// storefront keeps in its signed, HttpOnly session cookie.
    async fn customer(&self, id: &str) -> CommerceResult<Customer> {
        let r = self
            .client
            .call::<Me>(me::Variables {}, Some(id), Kind::Read)
            .await?;
        let gone = || CommerceError::NotFound(Thing::Customer);
        if r.token.as_deref().is_some_and(|t| t != id) {
            return Err(gone());
        }
        let c = r.data.active_customer.ok_or_else(gone)?;
        let text = |s: Option<String>| s.unwrap_or_default();
        Ok(Customer {
            id: id.to_string(),
            email: c.email_address,
            name: format!("{} {}", c.first_name, c.last_name)
                .trim()
                .to_string(),
            addresses: c
                .addresses
                .unwrap_or_default()
                .into_iter()
                .map(|a| Address {
                    name: text(a.full_name),
                    line1: a.street_line1,
                    line2: text(a.street_line2),
                    city: text(a.city),
                    postcode: text(a.postal_code),
                    country: a.country.code,
                })
                .collect(),
        })
    }

    async fn orders_for(&self, customer_id: &str) -> CommerceResult<Vec<OrderSummary>> {
        let r = self
            .client
            .call::<MyOrders>(my_orders::Variables {}, Some(customer_id), Kind::Read)
            .await?;
        let c = r
            .data
            .active_customer
            .ok_or(CommerceError::NotFound(Thing::Customer))?;
        c.orders
            .items
            .into_iter()
            .filter(|o| !o.active)
            .map(|o| {
                let code = format!("{:?}", o.currency_code);
                let currency = Currency::parse(&code).ok_or_else(|| {
                    CommerceError::Unavailable(format!("Vendure order in unsupported {code}"))
                })?;
                Ok(OrderSummary {
                    code: o.code,
                    placed_at: catalogue::epoch_seconds(
                        o.order_placed_at.as_deref().unwrap_or(&o.created_at),
                    ),
                    status: orders::status(&o.state),
                    total: crate::commerce::Money::new(o.total_with_tax, currency),
                    item_count: o.total_quantity.max(0) as u32,
                })
            })
            .collect()
    }
}

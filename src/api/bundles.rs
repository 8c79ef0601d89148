//! Bundles: the set a product page offers to add in one click (a declared bundle with its
//! discount, else what is bought with it most), adding the set, and the savings every cart
//! is priced with.

use super::ApiError;
use crate::commerce::{Cart, Image, Money};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The set a product page offers: the product first, then its partners.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuySet {
    pub items: Vec<SetItem>,
    /// The store's discount for exactly this set; `None` for a set only bought together.
    pub percent: Option<u32>,
    /// The set with each item's first choice, before and after the discount.
    pub total: Money,
    pub saving: Money,
    /// Some choices cost more than the first: the total is a "from".
    pub varies: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetItem {
    pub handle: String,
    pub name: String,
    pub image: Image,
    /// The variants in stock, the first chosen unless the shopper picks another.
    pub variants: Vec<SetVariant>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetVariant {
    pub id: String,
    pub title: String,
    pub price: Money,
}

/// Adds one of each variant (two or three, from a product page's set) in one go: all of them
/// or, when one cannot be added, none, with the reason.
#[server(endpoint = "cart/add-set", output = crate::api::Answer)]
pub async fn add_set(variant: Vec<String>) -> Result<Cart, ApiError> {
    let cart = ssr::add_set(&variant).await?;
    super::cart::ssr::after_plain_form("/cart");
    Ok(cart)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{BuySet, SetItem, SetVariant};
    use crate::api::ApiError;
    use crate::commerce::backend::{Commerce, CommerceError};
    use crate::commerce::bundles::{self, Bundle, BundleProblem, Saving};
    use crate::commerce::{Cart, CartLine, Money, Product};

    /// The bundles the owner declared.
    pub async fn declared() -> Result<Vec<Bundle>, ApiError> {
        crate::api::context::storefront()?
            .bundles()
            .await
            .map_err(|_| ApiError::Unavailable)
    }

    /// `cart` with the declared bundles' savings, named in the shopper's language. A backend
    /// with its own promotions (`Commerce::prices_bundles`) has already put in its own.
    pub async fn priced(backend: &dyn Commerce, mut cart: Cart) -> Result<Cart, ApiError> {
        if backend.prices_bundles() || cart.lines.len() < bundles::MIN_PRODUCTS {
            return Ok(cart);
        }
        let declared = declared().await?;
        cart.savings = savings(&declared, &cart.lines)?;
        Ok(cart)
    }

    fn savings(declared: &[Bundle], lines: &[CartLine]) -> Result<Vec<Saving>, ApiError> {
        let taken = bundles::savings(declared, lines).map_err(|_| ApiError::Unavailable)?;
        Ok(taken
            .into_iter()
            .filter_map(|(id, off)| {
                let bundle = declared.iter().find(|b| b.id == id)?;
                let names: Vec<&str> = bundle
                    .products
                    .iter()
                    .filter_map(|h| lines.iter().find(|l| &l.product_handle == h))
                    .map(|l| l.product_name.as_str())
                    .collect();
                Some(Saving {
                    label: names.join(" + "),
                    percent: Some(bundle.percent),
                    off,
                })
            })
            .collect())
    }

    /// Adds the set: every variant is checked first, and if the backend still refuses one
    /// (the last unit went meanwhile) the ones already added are taken back out.
    pub async fn add_set(variants: &[String]) -> Result<Cart, ApiError> {
        let mut ids = Vec::with_capacity(variants.len());
        for v in variants {
            let id = crate::api::validate::variant_id(v)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.len() < bundles::MIN_PRODUCTS || ids.len() > bundles::MAX_PRODUCTS {
            return Err(ApiError::Invalid(crate::words::Problem::ChooseOption));
        }
        let backend = crate::api::context::backend()?;
        let before = crate::api::cart::ssr::current_cart(backend.as_ref()).await?;
        let mut added: Vec<&str> = Vec::new();
        let mut token = crate::api::cart::ssr::token();
        let mut last = None;
        for id in &ids {
            match crate::api::cart::ssr::add_to(token.clone(), id, 1).await {
                Ok(t) => {
                    token = Some(t.token.clone());
                    added.push(id);
                    last = Some(t.cart);
                }
                Err(e) => {
                    if let Some(token) = &token {
                        for id in added {
                            let was = before.line(id).map_or(0, |l| l.quantity);
                            let _ = backend.set_line_quantity(token, id, was).await;
                        }
                    }
                    return Err(e);
                }
            }
        }
        let cart = last.ok_or(ApiError::Unavailable)?;
        let handles: Vec<String> = cart
            .lines
            .iter()
            .filter(|l| ids.contains(&l.variant_id))
            .map(|l| l.product_handle.clone())
            .collect();
        for handle in &handles {
            crate::api::events::record(crate::analytics::Step::AddToCart, |e| {
                e.subject = handle.clone();
                e.value = 1;
            });
        }
        crate::api::profile::ssr::record_handles(crate::discovery::profile::Kind::Cart, &handles)
            .await;
        priced(backend.as_ref(), cart).await
    }

    /// The set `handle`'s page offers: the largest declared bundle with it (then the biggest
    /// discount), else it and the two products bought with it most (`together`, best first).
    /// Nothing when a member is sold out or gone.
    pub async fn set_for(handle: &str, together: &[String]) -> Result<Option<BuySet>, ApiError> {
        let backend = crate::api::context::backend()?;
        let mut declared: Vec<Bundle> = declared()
            .await?
            .into_iter()
            .filter(|b| b.products.iter().any(|p| p == handle))
            .collect();
        declared.sort_by_key(|b| std::cmp::Reverse((b.products.len(), b.percent)));
        for bundle in &declared {
            let mut handles = vec![handle.to_string()];
            handles.extend(bundle.products.iter().filter(|p| *p != handle).cloned());
            if let Some(set) = offer(backend.as_ref(), &handles, Some(bundle)).await? {
                return Ok(Some(set));
            }
        }
        let mut handles = vec![handle.to_string()];
        for partner in together {
            if handles.len() == bundles::MAX_PRODUCTS {
                break;
            }
            if partner != handle {
                handles.push(partner.clone());
            }
        }
        if handles.len() < bundles::MIN_PRODUCTS {
            return Ok(None);
        }
        offer(backend.as_ref(), &handles, None).await
    }

    async fn offer(
        backend: &dyn Commerce,
        handles: &[String],
        bundle: Option<&Bundle>,
    ) -> Result<Option<BuySet>, ApiError> {
        let mut products: Vec<Product> = Vec::with_capacity(handles.len());
        for h in handles {
            match backend.product(h).await {
                Ok(p) => products.push(p),
                Err(CommerceError::NotFound(_)) => return Ok(None),
                Err(e) => return Err(e.into()),
            }
        }
        let items: Vec<SetItem> = products
            .into_iter()
            .map(|p| SetItem {
                variants: p
                    .variants
                    .iter()
                    .filter(|v| v.in_stock())
                    .map(|v| SetVariant {
                        id: v.id.clone(),
                        title: v.title(),
                        price: v.price,
                    })
                    .collect(),
                image: p.images.first().cloned().unwrap_or(crate::commerce::Image {
                    url: String::new(),
                    alt: String::new(),
                    srcset: None,
                    avif: None,
                }),
                handle: p.handle,
                name: p.name,
            })
            .collect();
        if items.iter().any(|i| i.variants.is_empty()) {
            return Ok(None);
        }
        let currency = backend.currency();
        // Priced as the cart will price it: the first choices as cart lines.
        let lines: Vec<CartLine> = items
            .iter()
            .map(|i| {
                let v = &i.variants[0];
                CartLine {
                    variant_id: v.id.clone(),
                    product_handle: i.handle.clone(),
                    product_name: i.name.clone(),
                    variant_title: v.title.clone(),
                    image: i.image.clone(),
                    unit_price: v.price,
                    quantity: 1,
                    line_total: v.price,
                    available: 1,
                }
            })
            .collect();
        let total = Money::sum(currency, lines.iter().map(|l| l.line_total))
            .map_err(|_| ApiError::Unavailable)?;
        let saving = match bundle {
            Some(b) => bundles::savings(std::slice::from_ref(b), &lines)
                .map_err(|_| ApiError::Unavailable)?
                .first()
                .map_or(Money::zero(currency), |(_, m)| *m),
            None => Money::zero(currency),
        };
        let varies = items
            .iter()
            .any(|i| i.variants.iter().any(|v| v.price != i.variants[0].price));
        Ok(Some(BuySet {
            items,
            percent: bundle.map(|b| b.percent),
            total,
            saving,
            varies,
        }))
    }

    /// Declares a bundle of `handles` at `percent`, for the admin command and routes: every
    /// product must exist and the backend must say it will charge it. The refusal is said
    /// in English, for the store owner.
    pub async fn declare(
        backend: &dyn Commerce,
        data: &crate::storefront::StorefrontData,
        handles: &[String],
        percent: u32,
    ) -> Result<Bundle, String> {
        let products = bundles::declaration(handles, percent).map_err(|p| match p {
            BundleProblem::Products => format!(
                "a bundle is {} to {} different products",
                bundles::MIN_PRODUCTS,
                bundles::MAX_PRODUCTS
            ),
            BundleProblem::Percent => format!("a bundle takes 1 to {}% off", bundles::MAX_PERCENT),
        })?;
        for h in &products {
            match backend.product(h).await {
                Ok(_) => {}
                Err(CommerceError::NotFound(_)) => return Err(format!("no product {h}")),
                Err(e) => return Err(e.to_string()),
            }
        }
        let bundle = Bundle {
            id: 0,
            products,
            percent,
        };
        backend.check_bundle(&bundle).await.map_err(|e| match e {
            CommerceError::Refused(r) => crate::words::en::refusal(&r),
            other => other.to_string(),
        })?;
        data.declare_bundle(bundle.products, percent)
            .await
            .map_err(|_| "the storefront's data could not be written".to_string())
    }
}

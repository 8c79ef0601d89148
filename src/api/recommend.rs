//! Recommendation rows, each with the reason it is shown: "For you" and "Recently viewed"
//! from the shopper's own profile (only with consent), "Bought together" from real orders
//! (similar products when orders are thin), and "Similar products" by attributes.

use super::ApiError;
use crate::commerce::ProductSummary;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::discovery::Reason;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub reason: Reason,
    pub products: Vec<ProductSummary>,
}

/// The rows under a product.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductRows {
    /// What to add in one click: a declared bundle, else it and what is bought with it most.
    pub set: Option<super::bundles::BuySet>,
    /// The set goes above the description (the together-position experiment's variant).
    pub set_above: bool,
    pub together: Option<Row>,
    pub similar: Option<Row>,
    pub recently_viewed: Option<Row>,
}

/// The rows on the home page; empty without consent or history.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HomeRows {
    pub for_you: Option<Row>,
    pub recently_viewed: Option<Row>,
}

#[server(endpoint = "recommend/product", output = crate::api::Answer)]
pub async fn get_product_rows(handle: String) -> Result<ProductRows, ApiError> {
    let handle = super::validate::handle(&handle)?;
    let mut rows = ssr::product_rows(&handle).await?;
    // Only a page that offers a set can show it elsewhere: only its visitors are counted.
    rows.set_above = rows.set.is_some()
        && super::experiments::level_of(crate::analytics::experiments::Knob::Together, "product")
            == "above";
    // Every row's cards in one read.
    let rows_of = [
        &mut rows.together,
        &mut rows.similar,
        &mut rows.recently_viewed,
    ];
    super::cards::dress(cards_of(rows_of)).await;
    Ok(rows)
}

#[server(endpoint = "recommend/home", output = crate::api::Answer)]
pub async fn get_home_rows() -> Result<HomeRows, ApiError> {
    let mut rows = ssr::home_rows().await?;
    super::cards::dress(cards_of([&mut rows.for_you, &mut rows.recently_viewed])).await;
    Ok(rows)
}

/// "Bought together" for what is in the cart.
#[server(endpoint = "recommend/cart", output = crate::api::Answer)]
pub async fn get_cart_row() -> Result<Option<Row>, ApiError> {
    let mut row = ssr::cart_row().await?;
    super::cards::dress(cards_of([&mut row])).await;
    Ok(row)
}

/// The cards of the rows there are.
#[cfg(feature = "ssr")]
fn cards_of<const N: usize>(
    rows: [&mut Option<Row>; N],
) -> Vec<&mut crate::commerce::ProductSummary> {
    rows.into_iter()
        .flatten()
        .flat_map(|r| r.products.iter_mut())
        .collect()
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::api::profile::ssr as profile;
    use crate::commerce::backend::{Commerce, ItemQuery};
    use crate::discovery::{ranking, similar, Item, Profile};

    /// Products in one row.
    const ROW: usize = 8;
    /// Below this many co-purchases a row is topped up with similar products.
    const THIN: usize = 4;

    /// The products behind `handles`, in that order (a backend lists them in its own).
    pub async fn in_order(
        backend: &dyn Commerce,
        handles: &[String],
    ) -> Result<Vec<Item>, ApiError> {
        if handles.is_empty() {
            return Ok(Vec::new());
        }
        let items = backend
            .items(&ItemQuery {
                handles: Some(handles.to_vec()),
                limit: handles.len() as u32,
                ..Default::default()
            })
            .await?;
        Ok(handles
            .iter()
            .filter_map(|h| items.iter().find(|i| &i.summary.handle == h).cloned())
            .collect())
    }

    fn row(reason: Reason, items: Vec<Item>) -> Option<Row> {
        (!items.is_empty()).then(|| Row {
            reason,
            products: items.into_iter().map(|i| i.summary).collect(),
        })
    }

    fn recently_viewed_handles(p: &Profile, except: &[&str]) -> Vec<String> {
        p.viewed()
            .map(|e| e.subject.clone())
            .filter(|h| !except.contains(&h.as_str()))
            .take(ROW)
            .collect()
    }

    async fn similar_to(
        backend: &dyn Commerce,
        target: &Item,
        skip: &[String],
    ) -> Result<Vec<Item>, ApiError> {
        let candidates = backend
            .items(&ItemQuery {
                category: Some(target.category.clone()),
                limit: 200,
                ..Default::default()
            })
            .await?;
        let candidates: Vec<Item> = candidates
            .into_iter()
            .filter(|c| !skip.contains(&c.summary.handle))
            .collect();
        Ok(similar::similar(target, &candidates, ROW))
    }

    pub async fn product_rows(handle: &str) -> Result<ProductRows, ApiError> {
        let backend = crate::api::context::backend()?;
        let Some(target) = in_order(backend.as_ref(), &[handle.to_string()])
            .await?
            .pop()
        else {
            return Err(ApiError::NotFound(crate::commerce::Thing::Product));
        };
        let name = target.summary.name.clone();
        let model = crate::api::context::learned()?
            .together(backend.as_ref())
            .await?;
        let bought: Vec<String> = model
            .recommend(&[handle], None, ROW)
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        let mut together = in_order(backend.as_ref(), &bought).await?;
        let mut shown: Vec<String> = vec![handle.to_string()];
        // Partners for "add them all": only what shoppers really buy with it, in stock.
        let partners: Vec<String> = if together.len() >= THIN {
            together
                .iter()
                .filter(|i| i.summary.in_stock)
                .map(|i| i.summary.handle.clone())
                .collect()
        } else {
            Vec::new()
        };
        let set = crate::api::bundles::ssr::set_for(handle, &partners).await?;
        let together = if together.len() >= THIN {
            shown.extend(together.iter().map(|i| i.summary.handle.clone()));
            row(Reason::BoughtWith(vec![name.clone()]), together)
        } else {
            // Thin data: say so, and show what is like it instead.
            together.extend(similar_to(backend.as_ref(), &target, &shown).await?);
            together.truncate(ROW);
            shown.extend(together.iter().map(|i| i.summary.handle.clone()));
            row(Reason::LikeThis(name.clone()), together)
        };
        let similar = row(
            Reason::SimilarTo(name),
            similar_to(backend.as_ref(), &target, &shown).await?,
        );
        let recent = profile::profile()
            .map(|p| recently_viewed_handles(&p, &[handle]))
            .unwrap_or_default();
        Ok(ProductRows {
            set,
            set_above: false,
            together,
            similar,
            recently_viewed: row(
                Reason::RecentlyViewed,
                in_order(backend.as_ref(), &recent).await?,
            ),
        })
    }

    pub async fn home_rows() -> Result<HomeRows, ApiError> {
        let backend = crate::api::context::backend()?;
        let Some(p) = profile::profile() else {
            return Ok(HomeRows::default());
        };
        let taste = p.affinity(crate::api::clock::now());
        let recent = recently_viewed_handles(&p, &[]);
        let recently_viewed = row(
            Reason::RecentlyViewed,
            in_order(backend.as_ref(), &recent).await?,
        );
        let Some(top) = taste.top_category().map(str::to_string) else {
            return Ok(HomeRows {
                for_you: None,
                recently_viewed,
            });
        };
        // The two categories the shopper leans to most, then taste orders within them.
        let mut candidates = Vec::new();
        for (category, _) in taste.categories.iter().take(2) {
            candidates.extend(
                backend
                    .items(&ItemQuery {
                        category: Some(category.clone()),
                        limit: 48,
                        ..Default::default()
                    })
                    .await?,
            );
        }
        let seen: Vec<&str> = p.viewed().map(|e| e.subject.as_str()).collect();
        let picked = ranking::for_you(candidates, &taste, &seen, ROW);
        let because: Vec<String> = p
            .viewed()
            .filter(|e| e.category == top)
            .take(2)
            .map(|e| e.name.clone())
            .collect();
        Ok(HomeRows {
            for_you: row(Reason::BecauseYouViewed(because), picked),
            recently_viewed,
        })
    }

    pub async fn cart_row() -> Result<Option<Row>, ApiError> {
        let backend = crate::api::context::backend()?;
        let cart = crate::api::cart::ssr::current_cart(backend.as_ref()).await?;
        let mut seeds: Vec<&str> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for line in &cart.lines {
            if !seeds.contains(&line.product_handle.as_str()) {
                seeds.push(&line.product_handle);
                names.push(line.product_name.clone());
            }
        }
        if seeds.is_empty() {
            return Ok(None);
        }
        let model = crate::api::context::learned()?
            .together(backend.as_ref())
            .await?;
        let bought: Vec<String> = model
            .recommend(&seeds, None, ROW)
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        names.truncate(2);
        Ok(row(
            Reason::BoughtWith(names),
            in_order(backend.as_ref(), &bought).await?,
        ))
    }
}

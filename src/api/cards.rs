//! What the storefront adds to the backend's product cards before a page shows them: the
//! rating its reviews add up to, and whether this shopper saved the product (the card's heart).
//! Both are the storefront's own data, so they read the same on every backend.

use crate::commerce::ProductSummary;

/// Dresses `products` in one read of each: a failing read leaves cards without stars or
/// hearts filled, never without cards.
pub async fn dress(products: Vec<&mut ProductSummary>) {
    let handles = products.iter().map(|p| p.handle.clone()).collect();
    let ratings = match crate::api::context::storefront() {
        Ok(data) => data.ratings(handles).await.unwrap_or_default(),
        Err(_) => Default::default(),
    };
    let saved: Vec<String> = crate::api::wishlist::ssr::list()
        .await
        .map(|l| l.into_iter().map(|s| s.0).collect())
        .unwrap_or_default();
    for p in products {
        p.rating = ratings.get(&p.handle).copied();
        p.saved = saved.contains(&p.handle);
    }
}

/// [`dress`] for a slice of cards.
pub async fn dress_all(products: &mut [ProductSummary]) {
    dress(products.iter_mut().collect()).await;
}

//! The wishlist: products (and the variant chosen, if any) a shopper saved for later, with the
//! price and availability each had when saved, so the list can say when a price dropped or a
//! sold-out item is back. A guest's list lives in the store's own signed cookie; a signed-in
//! shopper's in the storefront's data, where a guest's list joins it on signing in. Plain
//! forms save and remove, so it works before (or without) the wasm.

use super::ApiError;
use crate::commerce::{Image, Money};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Most items a guest's list keeps (it must fit in one cookie)…
pub const MAX_ITEMS: usize = 30;
/// …and a signed-in shopper's.
pub const MAX_ACCOUNT_ITEMS: usize = 100;

/// One saved item as the wishlist page shows it, read from the backend now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WishlistItem {
    pub handle: String,
    /// `None` when the product is gone from the catalogue.
    pub name: Option<String>,
    pub image: Option<Image>,
    pub variant_id: Option<String>,
    /// "M / Ink", when a variant was saved.
    pub variant_title: Option<String>,
    pub price: Option<Money>,
    /// What it cost when saved, when it costs less now (in the same currency).
    pub dropped_from: Option<Money>,
    /// Sold out when saved, in stock now.
    pub back_in_stock: bool,
    pub in_stock: bool,
}

#[server(endpoint = "wishlist/get", output = crate::api::Answer)]
pub async fn get_wishlist() -> Result<Vec<WishlistItem>, ApiError> {
    ssr::items().await
}

/// Keeps a read-only copy of the list behind a new link and (a plain form) opens it.
#[server(endpoint = "wishlist/share", output = crate::api::Answer)]
pub async fn share_wishlist() -> Result<String, ApiError> {
    let token = ssr::share().await?;
    crate::api::cart::ssr::after_plain_form(&format!("/wishlist/shared/{token}?new=1"));
    Ok(token)
}

/// A list someone shared, as it is now in the catalogue.
#[server(endpoint = "wishlist/shared", output = crate::api::Answer)]
pub async fn get_shared_wishlist(token: String) -> Result<Vec<WishlistItem>, ApiError> {
    ssr::shared(&token).await
}

/// How many items the list holds (the header's heart).
#[server(endpoint = "wishlist/count", output = crate::api::Answer)]
pub async fn wishlist_count() -> Result<usize, ApiError> {
    Ok(ssr::list().await?.len())
}

/// Whether the list holds the product `handle` (any variant).
#[server(endpoint = "wishlist/has", output = crate::api::Answer)]
pub async fn wishlist_has(handle: String) -> Result<bool, ApiError> {
    Ok(ssr::list().await?.iter().any(|s| s.0 == handle))
}

/// Saves a product (with the variant shown, when there is one) and returns how many items the
/// list holds; saving it again moves it to the top. A plain form goes back to `back`.
#[server(endpoint = "wishlist/save", output = crate::api::Answer)]
pub async fn save_to_wishlist(
    handle: String,
    #[server(default)] variant_id: String,
    #[server(default)] back: String,
) -> Result<usize, ApiError> {
    let saved = ssr::save(&handle, &variant_id).await?;
    ssr::back_to(&back, &format!("/p/{handle}"));
    Ok(saved)
}

#[server(endpoint = "wishlist/remove", output = crate::api::Answer)]
pub async fn remove_from_wishlist(
    handle: String,
    #[server(default)] variant_id: String,
    #[server(default)] back: String,
) -> Result<usize, ApiError> {
    let left = ssr::remove(&handle, &variant_id).await?;
    ssr::back_to(&back, "/wishlist");
    Ok(left)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{WishlistItem, MAX_ACCOUNT_ITEMS, MAX_ITEMS};
    use crate::api::{signed_cookie, validate, ApiError};
    use crate::commerce::{Currency, Money, Product, Variant};
    use crate::words::Problem;
    use serde::{Deserialize, Serialize};

    pub const COOKIE: &str = "vitrine_wishlist";
    const COOKIE_MAX_AGE: u32 = 365 * 86_400;

    /// A saved item, compact (a JSON array) so thirty fit in a cookie: handle, variant id (""
    /// for the product), price when saved in minor units and its currency, whether it could
    /// be bought then.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct Saved(pub String, pub String, pub i64, pub String, pub bool);

    /// The guest's list as the cookie holds it, newest first.
    fn in_cookie() -> Vec<Saved> {
        signed_cookie::read::<Vec<Saved>>(COOKIE).unwrap_or_default()
    }

    /// Where the list lives: the signed-in account's, else the guest's cookie.
    fn owner() -> Option<String> {
        crate::api::account::ssr::account_key()
    }

    fn unavailable(_: crate::storefront::Unavailable) -> ApiError {
        ApiError::Unavailable
    }

    /// The shopper's list, newest first.
    pub async fn list() -> Result<Vec<Saved>, ApiError> {
        match owner() {
            Some(owner) => crate::api::context::storefront()?
                .wishlist(&owner)
                .await
                .map_err(unavailable),
            None => Ok(in_cookie()),
        }
    }

    async fn keep(list: &[Saved]) -> Result<(), ApiError> {
        match owner() {
            Some(owner) => crate::api::context::storefront()?
                .keep_wishlist(&owner, list)
                .await
                .map_err(unavailable),
            None if list.is_empty() => {
                signed_cookie::clear(COOKIE);
                Ok(())
            }
            None => {
                signed_cookie::write(COOKIE, &list, COOKIE_MAX_AGE);
                Ok(())
            }
        }
    }

    /// Joins what a guest saved on this device to the account that just signed in (the
    /// guest's newest first, nothing twice), and empties the cookie.
    pub async fn merge_into(owner: &str) -> Result<(), ApiError> {
        let guest = in_cookie();
        if guest.is_empty() {
            return Ok(());
        }
        let store = crate::api::context::storefront()?;
        let account: Vec<Saved> = store.wishlist(owner).await.map_err(unavailable)?;
        let mut merged = guest;
        for s in account {
            if !merged.iter().any(|m| m.0 == s.0 && m.1 == s.1) {
                merged.push(s);
            }
        }
        merged.truncate(MAX_ACCOUNT_ITEMS);
        store
            .keep_wishlist(owner, &merged)
            .await
            .map_err(unavailable)?;
        signed_cookie::clear(COOKIE);
        Ok(())
    }

    fn variant_of<'a>(p: &'a Product, id: &str) -> Option<&'a Variant> {
        p.variants.iter().find(|v| v.id == id)
    }

    /// The entry that saves `handle` (and `variant_id`, if one is given) as it is now.
    async fn entry(handle: &str, variant_id: &str) -> Result<Saved, ApiError> {
        let handle = validate::handle(handle)?;
        let variant_id = match variant_id.trim() {
            "" => String::new(),
            id => validate::variant_id(id)?,
        };
        let product = crate::api::context::backend()?.product(&handle).await?;
        let (price, buyable) = if variant_id.is_empty() {
            (
                product.default_variant(None).map(|v| v.price),
                product.variants.iter().any(Variant::in_stock),
            )
        } else {
            let v = variant_of(&product, &variant_id)
                .ok_or(ApiError::Invalid(Problem::ChooseOption))?;
            (Some(v.price), v.in_stock())
        };
        let price = price.ok_or(ApiError::Invalid(Problem::ChooseOption))?;
        Ok(Saved(
            handle,
            variant_id,
            price.minor,
            price.currency.code().into(),
            buyable,
        ))
    }

    /// Puts `entry` on top of `list` (moved there if it was in), refused past `max` items.
    fn put_first(list: &mut Vec<Saved>, entry: Saved, max: usize) -> Result<(), ApiError> {
        let before = list.len();
        list.retain(|s| !(s.0 == entry.0 && s.1 == entry.1));
        if list.len() == before && list.len() >= max {
            return Err(ApiError::Invalid(Problem::WishlistFull { max: max as u32 }));
        }
        list.insert(0, entry);
        Ok(())
    }

    /// How many items the shopper's list may hold: an account's more than a cookie's.
    fn most() -> usize {
        if owner().is_some() {
            MAX_ACCOUNT_ITEMS
        } else {
            MAX_ITEMS
        }
    }

    pub async fn save(handle: &str, variant_id: &str) -> Result<usize, ApiError> {
        let entry = entry(handle, variant_id).await?;
        let mut list = list().await?;
        put_first(&mut list, entry, most())?;
        keep(&list).await?;
        Ok(list.len())
    }

    /// A widget's list, on a page of another site where our cookie may not reach: kept in the
    /// storefront data under a token the widget holds, like its cart.
    fn widget_owner(token: &str) -> String {
        format!("widget:{token}")
    }

    /// The token a widget sent: none yet (""), or one of ours (32 hex digits).
    pub fn widget_token(sent: &str) -> Result<Option<String>, ApiError> {
        match sent {
            "" => Ok(None),
            t if crate::hex::could_be_random::<16>(t) => Ok(Some(t.into())),
            _ => Err(ApiError::Invalid(Problem::Unreadable)),
        }
    }

    /// The widget's list under `token` (empty without one).
    pub async fn widget_list(token: Option<&str>) -> Result<Vec<Saved>, ApiError> {
        match token {
            Some(t) => crate::api::context::storefront()?
                .wishlist(&widget_owner(t))
                .await
                .map_err(unavailable),
            None => Ok(Vec::new()),
        }
    }

    /// Saves `handle` to the widget's list, or takes it out if it is there; answers the
    /// token (a new one for a first save), whether it is saved now, and how many are.
    pub async fn widget_toggle(
        token: Option<String>,
        handle: &str,
        variant_id: &str,
    ) -> Result<(String, bool, usize), ApiError> {
        let mut list = widget_list(token.as_deref()).await?;
        let token = token.unwrap_or_else(crate::hex::random::<16>);
        let before = list.len();
        list.retain(|s| s.0 != handle);
        let saved = list.len() == before;
        if saved {
            put_first(&mut list, entry(handle, variant_id).await?, MAX_ITEMS)?;
        }
        crate::api::context::storefront()?
            .keep_wishlist(&widget_owner(&token), &list)
            .await
            .map_err(unavailable)?;
        Ok((token, saved, list.len()))
    }

    /// Joins the widget's list to this shopper's on the store (account or cookie), newest
    /// first, nothing twice: what "View wishlist" in the widget opens.
    pub async fn adopt_widget_list(token: Option<&str>) -> Result<(), ApiError> {
        let widget = widget_list(token).await?;
        if widget.is_empty() {
            return Ok(());
        }
        let mut merged = list().await?;
        let max = most();
        for s in widget.into_iter().rev() {
            // A full list keeps what it holds: the widget's extras are dropped, not its own.
            let _ = put_first(&mut merged, s, max);
        }
        keep(&merged).await
    }

    /// Removes one saved variant, or (no variant: the product page's button) every entry of
    /// the product.
    pub async fn remove(handle: &str, variant_id: &str) -> Result<usize, ApiError> {
        let handle = validate::handle(handle)?;
        let variant_id = variant_id.trim();
        let mut list = list().await?;
        list.retain(|s| !(s.0 == handle && (variant_id.is_empty() || s.1 == variant_id)));
        keep(&list).await?;
        Ok(list.len())
    }

    /// Every saved item as it is now; a product gone from the catalogue stays listed (so it
    /// can be removed) without a price.
    pub async fn items() -> Result<Vec<WishlistItem>, ApiError> {
        read(list().await?).await
    }

    pub async fn share() -> Result<String, ApiError> {
        let saved = list().await?;
        if saved.is_empty() {
            return Err(ApiError::Invalid(Problem::WishlistEmpty));
        }
        crate::api::context::storefront()?
            .share_wishlist(&saved)
            .await
            .map_err(unavailable)
    }

    pub async fn shared(token: &str) -> Result<Vec<WishlistItem>, ApiError> {
        let gone = ApiError::NotFound(crate::commerce::Thing::Page);
        if !crate::hex::could_be_random::<16>(token) {
            return Err(gone);
        }
        let saved = crate::api::context::storefront()?
            .shared_wishlist::<Saved>(token)
            .await
            .map_err(unavailable)?
            .ok_or(gone)?;
        read(saved).await
    }

    async fn read(saved: Vec<Saved>) -> Result<Vec<WishlistItem>, ApiError> {
        let backend = crate::api::context::backend()?;
        // All at once: thirty round trips to Vendure one after another would be felt.
        let mut reads = tokio::task::JoinSet::new();
        for (i, s) in saved.iter().enumerate() {
            let (backend, handle) = (backend.clone(), s.0.clone());
            reads.spawn(async move { (i, backend.product(&handle).await) });
        }
        let mut products: Vec<_> = (0..saved.len()).map(|_| None).collect();
        while let Some(done) = reads.join_next().await {
            let (i, found) = done.map_err(|_| ApiError::Unavailable)?;
            products[i] = Some(found);
        }
        let mut out = Vec::with_capacity(saved.len());
        for (s, found) in saved.into_iter().zip(products) {
            use crate::commerce::backend::CommerceError;
            let product = match found {
                Some(Ok(p)) => Some(p),
                Some(Err(CommerceError::NotFound(_))) => None,
                Some(Err(e)) => return Err(e.into()),
                None => return Err(ApiError::Unavailable),
            };
            out.push(item(s, product.as_ref()));
        }
        Ok(out)
    }

    fn item(s: Saved, product: Option<&Product>) -> WishlistItem {
        let Saved(handle, variant_id, was_minor, was_currency, was_buyable) = s;
        let variant = product.and_then(|p| variant_of(p, &variant_id));
        let price = match (product, variant) {
            (_, Some(v)) => Some(v.price),
            (Some(p), None) => p.default_variant(None).map(|v| v.price),
            _ => None,
        };
        let in_stock = match (product, variant) {
            (_, Some(v)) => v.in_stock(),
            (Some(p), None) => p.variants.iter().any(Variant::in_stock),
            _ => false,
        };
        let was = Currency::parse(&was_currency).map(|c| Money::new(was_minor, c));
        WishlistItem {
            name: product.map(|p| p.name.clone()),
            image: variant
                .and_then(|v| v.image.clone())
                .or_else(|| product.and_then(|p| p.images.first().cloned())),
            variant_title: variant.map(|v| v.options.join(" / ")),
            variant_id: variant.map(|v| v.id.clone()),
            dropped_from: was
                .filter(|w| price.is_some_and(|p| p.currency == w.currency && p.minor < w.minor)),
            back_in_stock: !was_buyable && in_stock,
            in_stock,
            price,
            handle,
        }
    }

    /// After a plain form, back to `back` when it is one of the store's own pages (in the
    /// page's language), else to `fallback`.
    pub fn back_to(back: &str, fallback: &str) {
        let to = crate::server::locale::own_path(back).unwrap_or(fallback);
        let (_, path) = crate::words::Locale::split(to);
        crate::api::cart::ssr::after_plain_form(path);
    }
}

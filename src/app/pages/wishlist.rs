//! The wishlist page: what the shopper saved, as it is now (price, stock), with a note when
//! the price dropped since saving or a sold-out item is back, and plain forms to add to the
//! cart, remove or share: nothing here needs the wasm. A shared list reads the same, without
//! the owner's notes and buttons.

use crate::api::cart::AddToCart;
use crate::api::wishlist::{
    get_shared_wishlist, get_wishlist, RemoveFromWishlist, ShareWishlist, WishlistItem,
};
use crate::app::components::picture::Picture;
use crate::app::local;
use crate::app::pages::not_found::ErrorPage;
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn WishlistPage() -> impl IntoView {
    let items = Resource::new(|| (), |_| get_wishlist());
    view! {
        <Title text=w!(WISHLIST)/>
        <Meta name="robots" content="noindex"/>
        <section class="wishlist-page">
            <h1>{w!(WISHLIST)}</h1>
            <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
                {move || items.get().map(|r| match r {
                    Ok(items) if items.is_empty() => view! {
                        <p class="wishlist-page__empty">{w!(WISHLIST_EMPTY)}</p>
                        <a class="button button--primary" href=local("/")>{w!(CONTINUE_SHOPPING)}</a>
                    }.into_any(),
                    Ok(items) => view! {
                        <ul class="wishlist" data-testid="wishlist">
                            {items.into_iter().map(|item| view! { <Saved item shared=false/> }).collect_view()}
                        </ul>
                        <form class="wishlist-page__share" method="post" action=ShareWishlist::url()>
                            <button class="button button--ghost" type="submit">{w!(SHARE_WISHLIST)}</button>
                        </form>
                    }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// `/wishlist/shared/{token}`: a list someone sent, read-only; just after sharing, the link
/// to copy.
#[component]
pub fn SharedWishlistPage() -> impl IntoView {
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let fresh = use_query_map().read_untracked().get("new").is_some();
    let link = crate::app::absolute(&local(&format!("/wishlist/shared/{token}")));
    let items = Resource::new(move || token.clone(), get_shared_wishlist);
    view! {
        <Title text=w!(SHARED_WISHLIST)/>
        <Meta name="robots" content="noindex"/>
        <section class="wishlist-page">
            <h1>{w!(SHARED_WISHLIST)}</h1>
            {fresh.then(|| view! {
                <div class="wishlist-page__link">
                    <label for="share-link">{w!(SHARE_LINK_NOTE)}</label>
                    <input id="share-link" type="url" readonly value=link data-testid="share-link" aria-label=w!(SHARE_LINK)/>
                </div>
            })}
            <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
                {move || items.get().map(|r| super::or_problem(r, |items| view! {
                    <ul class="wishlist" data-testid="wishlist">
                        {items.into_iter().map(|item| view! { <Saved item shared=true/> }).collect_view()}
                    </ul>
                }.into_any()))}
            </Suspense>
        </section>
    }
}

/// How wide a saved product's picture is drawn (`wishlist.css`).
const WISHLIST_SIZES: &str = "(min-width: 640px) 120px, 96px";

/// One item; `shared`: someone else's list, so no notes about their saving and no Remove.

#[component]
fn Saved(item: WishlistItem, shared: bool) -> impl IntoView {
    let href = local(&match &item.variant_id {
        Some(v) => format!("/p/{}?variant={v}", item.handle),
        None => format!("/p/{}", item.handle),
    });
    let name = item.name.clone().unwrap_or_else(|| item.handle.clone());
    // Straight to the cart when the variant is known and can be bought; else to the product
    // page to choose.
    let buy = match (&item.variant_id, item.in_stock) {
        (Some(id), true) => view! {
            <form method="post" action=AddToCart::url()>
                <input type="hidden" name="variant_id" value=id.clone()/>
                <input type="hidden" name="quantity" value="1"/>
                <button class="button button--primary" type="submit">{w!(ADD_TO_CART)}</button>
            </form>
        }
        .into_any(),
        (None, true) => view! {
            <a class="button button--primary" href=href.clone()>{w!(CHOOSE_OPTIONS)}</a>
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <li class="wishlist__item" data-handle=item.handle.clone()>
            <a class="wishlist__media" href=href.clone() tabindex="-1" aria-hidden="true">
                {item.image.map(|image| view! { <Picture image sizes=WISHLIST_SIZES size=120/> })}
            </a>
            <div class="wishlist__info">
                <a class="wishlist__name" href=href.clone()>{name.clone()}</a>
                {item.variant_title.map(|t| view! { <p class="wishlist__variant">{t}</p> })}
                {match item.price {
                    Some(p) => view! { <p class="wishlist__price" data-testid="wishlist-price">{p.to_string()}</p> }.into_any(),
                    None => view! { <p class="wishlist__gone">{w!(NO_LONGER_AVAILABLE)}</p> }.into_any(),
                }}
                {item.dropped_from.filter(|_| !shared).map(|was| view! {
                    <p class="wishlist__note wishlist__note--drop" data-testid="price-dropped">{w!(price_dropped)(was)}</p>
                })}
                {(item.back_in_stock && !shared).then(|| view! {
                    <p class="wishlist__note" data-testid="back-in-stock">{w!(BACK_IN_STOCK)}</p>
                })}
                {(item.price.is_some() && !item.in_stock).then(|| view! {
                    <p class="stock stock--out">{w!(SOLD_OUT)}</p>
                })}
            </div>
            <div class="wishlist__actions">
                {buy}
                {(!shared).then(|| view! {
                    <form method="post" action=RemoveFromWishlist::url()>
                        <input type="hidden" name="handle" value=item.handle.clone()/>
                        <input type="hidden" name="variant_id" value=item.variant_id.clone().unwrap_or_default()/>
                        <input type="hidden" name="back" value=local("/wishlist")/>
                        <button class="link-button" type="submit" aria-label=w!(remove_item)(&name)>{w!(REMOVE)}</button>
                    </form>
                })}
            </div>
        </li>
    }
}

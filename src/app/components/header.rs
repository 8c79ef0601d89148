//! The site header: brand, category navigation and the cart count, on every page. Only the
//! search box and the count are islands.

use crate::app::local;
use crate::app::{CartState, CategoriesResource, PageCart};
use crate::w;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let categories = expect_context::<CategoriesResource>();
    let cart = expect_context::<PageCart>().0;
    let here = use_location().pathname.get_untracked();
    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <a class="brand" href=local("/")>
                    <span class="brand__mark" aria-hidden="true">"V"</span>
                    <span class="brand__name">{w!(STORE_NAME)}</span>
                </a>
                <super::search_box::SearchBox/>
                <a class="account-link" href=local("/account")>{w!(ACCOUNT)}</a>
                <super::languages::LanguageMenu/>
                // The heart and the cart wrap together on a narrow screen.
                <div class="site-header__carry">
                    <WishlistLink/>
                    <Suspense fallback=|| view! { <a class="cart-link" href=local("/cart")>{w!(CART)}</a> }>
                        // Unknown while the backend cannot say: 0 would tell the shopper the cart is gone.
                        {move || cart.get().map(|r| view! {
                            <CartCount>{counted(r)}</CartCount>
                        })}
                    </Suspense>
                </div>
            </div>
            <nav class="category-nav" aria-label=w!(NAV_LABEL)>
                <Suspense fallback=|| ()>
                    <ul class="category-nav__list">
                        {move || {
                            categories
                                .get()
                                .and_then(Result::ok)
                                .unwrap_or_default()
                                .into_iter()
                                .map(|c| {
                                    let path = format!("/c/{}", c.handle);
                                    let current = (here == path).then_some("page");
                                    view! {
                                        <li>
                                            <a href=local(&path) aria-current=current>{c.name}</a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </Suspense>
            </nav>
        </header>
    }
}

/// The wishlist's heart, with how many items it holds.
#[component]
fn WishlistLink() -> impl IntoView {
    let saved = Resource::new(|| (), |_| crate::api::wishlist::wishlist_count());
    let heart = || {
        view! {
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" width="22" height="22">
                <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>
            </svg>
            <span class="visually-hidden">{w!(WISHLIST)}</span>
        }
    };
    view! {
        <a class="wishlist-link" href=local("/wishlist") data-testid="wishlist-link">
            {heart()}
            <Suspense fallback=|| ()>
                {move || saved.get().and_then(Result::ok).filter(|n| *n > 0).map(|n| view! {
                    <span class="wishlist-link__count" data-testid="wishlist-count">{w!(count)(n as u32)}</span>
                })}
            </Suspense>
        </a>
    }
}

/// The count as this page shows it; a hole where the page is drawn to be kept, for each
/// request served from it fills in its own.
fn counted(cart: Result<crate::commerce::Cart, crate::api::ApiError>) -> impl IntoView {
    use leptos::either::Either;
    #[cfg(feature = "ssr")]
    let hole = crate::api::page_copy::drawing_copy();
    #[cfg(not(feature = "ssr"))]
    let hole = false;
    if hole {
        Either::Left(view! { <vitrine-cart-hole></vitrine-cart-hole> })
    } else {
        Either::Right(
            cart.ok()
                .map(|c| view! { <CountBadge count=c.item_count/> }),
        )
    }
}

/// The count for a kept page's hole: this request's cart, drawn as `counted` draws it.
#[cfg(feature = "ssr")]
pub async fn counted_here() -> String {
    counted(crate::api::cart::get_cart().await).to_html()
}

/// The cart link with its count: the server's count (drawn as the children), then the one
/// the last cart change returned, drawn by the server too.
#[island]
fn CartCount(children: Children) -> impl IntoView {
    let state = CartState::get();
    let slot = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        if let (Some(shown), Some(slot)) = (state.shown(), slot.get()) {
            slot.set_inner_html(&shown.badge);
        }
    });
    view! {
        <a class="cart-link" href=local("/cart")>
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" width="22" height="22">
                <path d="M6 7h12l-1 13H7L6 7Zm3 0a3 3 0 0 1 6 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>
            </svg>
            <span class="cart-link__label">{w!(CART)}</span>
            <span class="cart-link__counted" node_ref=slot>{children()}</span>
        </a>
    }
}

/// How many items the cart holds, as the header says it.
#[component]
pub fn CountBadge(count: u32) -> impl IntoView {
    view! {
        <span class="visually-hidden">{w!(CART_COUNT_BEFORE)}</span>
        <span class="cart-link__count" data-testid="cart-count">{w!(count)(count)}</span>
        <span class="visually-hidden">{w!(cart_count_after)(count)}</span>
    }
}

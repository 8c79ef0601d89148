//! The UI. Pages render on the server only; the parts a shopper interacts with are islands
//! (`#[island]`), the only components the browser's wasm carries and hydrates. Islands share
//! the cart and the consent choice through `StoreState`, the island around the whole page.

// The browser builds compile the pages too (islands live beside the pages they belong to), but
// only islands are reachable there: the rest is the server's, unused in the browser by design.
#![cfg_attr(not(feature = "ssr"), allow(dead_code))]

#[cfg(feature = "hydrate")]
mod browser;
mod cart_state;
mod components;
mod consent_state;
#[cfg(any(feature = "ssr", feature = "forms"))]
mod enhance;
pub(crate) mod pages;
mod sender;

pub use cart_state::CartState;
#[cfg(feature = "ssr")]
pub use components::cart_lines::shown_cart;
#[cfg(feature = "ssr")]
pub use components::header::counted_here as cart_count_here;
#[cfg(feature = "ssr")]
pub use components::search_box::suggestion_options;
pub use consent_state::ConsentState;
#[cfg(feature = "ssr")]
pub use pages::checkout::shown_checkout;
#[cfg(feature = "ssr")]
pub use pages::order::shown_order;
#[cfg(feature = "ssr")]
pub use pages::privacy::{centre_data as privacy_centre_data, shown_privacy};
#[cfg(feature = "ssr")]
pub use pages::product::shown_variant;

#[cfg(feature = "ssr")]
use crate::w;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::{provide_meta_context, MetaTags, Title};
#[cfg(feature = "ssr")]
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around the app; only ever rendered on the server.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    crate::server::headers::content_security_policy();
    let theme = crate::api::context::theme().map(|t| format!("/themes/{t}.css"));
    // Pictures from the commerce backend's own server (Vendure's assets): the connection is
    // opened while the HTML still arrives, not when the first picture is found.
    let locale = crate::words::current();
    let pictures = crate::api::context::backend()
        .ok()
        .and_then(|b| b.image_origin());
    view! {
        <!DOCTYPE html>
        <html lang=locale.code() dir=locale.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                {pictures.map(|origin| view! { <link rel="preconnect" href=origin/> })}
                <link rel="stylesheet" href="/vitrine.css"/>
                {theme.map(|href| view! { <link rel="stylesheet" href=href/> })}
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <components::browser_bundle::BrowserBundle options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The gallery on its own, for `make design`: no router, no server, a cart that never loads.
/// (The server draws /gallery as a static page: the store's bundle carries none of it.)
#[cfg(feature = "design")]
#[component]
pub fn DesignPreview() -> impl IntoView {
    CartState::provide_offline();
    view! { <main id="main"><pages::gallery::GalleryPage/></main> }
}

/// The pages and their router: the server's alone (the browser hydrates islands only).
#[cfg(feature = "ssr")]
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let categories = Resource::new(|| (), |_| crate::api::catalog::get_categories());
    provide_context(categories);
    // The header's count and the cart page read the same cart: one backend read a page.
    // A page drawn to be kept reads no cart: each request served from it reads its own.
    let kept = crate::api::page_copy::drawing_copy();
    provide_context(PageCart(Resource::new(
        || (),
        move |_| async move {
            if kept {
                return Err(crate::api::ApiError::Unavailable);
            }
            crate::api::cart::get_cart().await
        },
    )));

    view! {
        <Title formatter=|title: String| head_text(if title.is_empty() {
            w!(STORE_NAME).to_string()
        } else {
            format!("{title} · {}", w!(STORE_NAME))
        })/>
        <Router>
          <StoreState>
            <a class="skip-link" href="#main">{w!(SKIP_TO_CONTENT)}</a>
            <components::languages::LanguageSuggestion/>
            <components::header::SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <pages::not_found::NotFound/> }>
                    <Route path=path!("") view=pages::home::HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/c/:handle") view=pages::category::CategoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/p/:handle") view=pages::product::ProductPage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=pages::search::SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/cart") view=pages::cart::CartPage ssr=SsrMode::Async/>
                    <Route path=path!("/checkout") view=pages::checkout::CheckoutPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=pages::account::AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/orders") view=pages::order_lookup::OrderLookupPage ssr=SsrMode::Async/>
                    <Route path=path!("/orders/:code") view=pages::order::OrderPage ssr=SsrMode::Async/>
                    <Route path=path!("/orders/:code/review/:handle") view=pages::review::ReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy") view=pages::privacy::PrivacyPage ssr=SsrMode::Async/>
                    <Route path=path!("/wishlist") view=pages::wishlist::WishlistPage ssr=SsrMode::Async/>
                    <Route path=path!("/wishlist/shared/:token") view=pages::wishlist::SharedWishlistPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <components::cart_drawer::CartDrawer/>
            <components::footer::SiteFooter/>
            <components::consent_banner::ConsentBanner/>
          </StoreState>
        </Router>
    }
}

/// What the islands share, provided around the whole page: islands inside its children get it
/// in the browser (the server renders the children; only islands hydrate).
#[island]
fn StoreState(children: Children) -> impl IntoView {
    CartState::provide();
    ConsentState::provide();
    children()
}

/// The shopper's cart as the server read it for this page (server-only: islands get what they
/// need of it as props).
#[derive(Clone, Copy)]
pub struct PageCart(pub Resource<Result<crate::commerce::Cart, crate::api::ApiError>>);

/// The page title as `<head>` carries it. leptos_meta writes the title into the server's HTML
/// as it is, unescaped, and a shopper's words reach it (the search page's query): escaped
/// here, the one place every title passes. In the browser the title is set as text, so it
/// stays as it is there.
#[cfg(feature = "ssr")]
fn head_text(title: String) -> String {
    #[cfg(feature = "ssr")]
    let title = crate::html::escape(&title);
    title
}

/// The store's own `path` as the current language's address (`/cart` is `/fa/cart` in
/// Persian): every link a page draws goes through here.
pub fn local(path: &str) -> String {
    crate::words::current().path(path)
}

/// `path` as an absolute URL on the store's public address, for canonical links (search
/// engines want them absolute). In the browser the page's own origin is that address.
pub fn absolute(path: &str) -> String {
    #[cfg(feature = "ssr")]
    let origin = crate::api::context::public_origin()
        .map(|o| o.to_string())
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{path}")
}

/// Categories for the header and home page, loaded once per page load.
pub type CategoriesResource =
    Resource<Result<Vec<crate::commerce::Category>, crate::api::ApiError>>;

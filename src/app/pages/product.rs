//! A product page. The chosen variant lives in the URL (`?variant=`), so option chips are plain
//! links: they work before hydration. The picture, price, options and buttons are one island:
//! hydrated, a chip switches price, stock and picture in place and puts the variant in the URL
//! (Back returns to the previous one), without a page load or a jump to the top.

use super::or_problem;
use crate::api::catalog::get_product;
use crate::api::reviews::{get_product_reviews, ProductReviews};
use crate::app::components::buy_together::BuyTogether;
use crate::app::components::price::Price;
use crate::app::components::recommendation_row::RecommendationRow;
use crate::app::components::reviews::{RatingLink, ReviewsAt, ReviewsSection};
use crate::app::components::server_form::ServerForm;
use crate::app::components::structured_data::{self, JsonLd};
use crate::app::local;
use crate::app::CartState;
use crate::commerce::{Product, Variant, MAX_LINE_QUANTITY};
use crate::w;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

/// Stock at or below this shows "Only N left".
const LOW_STOCK: u32 = 5;

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let handle = move || params.read().get("handle").unwrap_or_default();
    let product = Resource::new(handle, get_product);
    let saved = Resource::new(handle, crate::api::wishlist::wishlist_has);
    let rows = Resource::new(handle, crate::api::recommend::get_product_rows);
    let query = use_query_map();
    let at = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        (
            handle(),
            get("review_order"),
            get("review_stars"),
            get("review_page"),
        )
    };
    let reviews = Resource::new(at, |(h, o, s, p)| get_product_reviews(h, o, s, p));

    view! {
        <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
            {move || {
                // A wishlist that cannot be read shows the product as not saved; reviews that
                // cannot be read leave the page without them.
                let saved = saved.get().and_then(Result::ok).unwrap_or(false);
                let reviews = reviews.get().and_then(Result::ok);
                // An experiment may put the set above the description (`set_above`).
                let set = rows.get().and_then(Result::ok).filter(|r| r.set_above).and_then(|r| r.set);
                product.get().map(|r| or_problem(r, |p| view! {
                    <ProductView product=p saved reviews=reviews.clone() set=set.clone()/>
                    {reviews.map(|reviews| view! { <Reviews reviews/> })}
                }.into_any()))
            }}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || rows.get().and_then(Result::ok).map(|rows| view! {
                {rows.set.filter(|_| !rows.set_above).map(|set| view! { <BuyTogether set shown=query.read_untracked().get("variant")/> })}
                {rows.together.map(|row| view! { <RecommendationRow row id="bought-together"/> })}
                {rows.similar.map(|row| view! { <RecommendationRow row id="similar"/> })}
                {rows.recently_viewed.map(|row| view! { <RecommendationRow row id="recently-viewed"/> })}
            })}
        </Suspense>
    }
}

/// The reviews, with a word on what the shopper just did to them.
#[component]
fn Reviews(reviews: ProductReviews) -> impl IntoView {
    let q = use_query_map().read_untracked();
    let note = match q.get("reviewed").as_deref() {
        Some("published") => Some(w!(REVIEWED_PUBLISHED)),
        Some("pending" | "held") => Some(w!(REVIEWED_PENDING)),
        Some("deleted") => Some(w!(REVIEWED_DELETED)),
        _ => q.get("reported").map(|_| w!(REPORTED_THANKS)),
    };
    let at = ReviewsAt {
        handle: use_params_map()
            .read_untracked()
            .get("handle")
            .unwrap_or_default(),
        order: reviews.order,
        stars: reviews.stars,
        page: reviews.page,
    };
    view! { <ReviewsSection at reviews note/> }
}

#[component]
fn ProductView(
    product: Product,
    saved: bool,
    reviews: Option<ProductReviews>,
    /// The "bought together" set, when it goes above the description.
    set: Option<crate::api::bundles::BuySet>,
) -> impl IntoView {
    let variant = use_query_map().read_untracked().get("variant");
    let shown = variant.clone();
    let p = &product;
    let description = p.description.chars().take(155).collect::<String>();
    let url = crate::app::absolute(&crate::app::local(&format!("/p/{}", p.handle)));
    let price = p.default_variant(None).map(|v| v.price);
    let picture = p
        .images
        .first()
        .map(|i| structured_data::absolute_url(&i.url));
    view! {
        <Title text=p.name.clone()/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=url.clone()/>
        <crate::app::components::languages::Alternates path=format!("/p/{}", p.handle)/>
        // How a shared link shows (Open Graph).
        <Meta property="og:type" content="product"/>
        <Meta property="og:site_name" content=w!(STORE_NAME)/>
        <Meta property="og:title" content=p.name.clone()/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=url/>
        {picture.map(|src| view! { <Meta property="og:image" content=src/> })}
        {price.map(|m| view! {
            <Meta property="product:price:amount" content=m.decimal()/>
            <Meta property="product:price:currency" content=m.currency.code()/>
        })}
        <JsonLd data=structured_data::product(p, reviews.as_ref())/>
        <JsonLd data=structured_data::breadcrumbs(&p.category, Some(p))/>
        <nav class="breadcrumbs" aria-label=w!(BREADCRUMB)>
            <ol>
                <li><a href=local("/")>{w!(HOME)}</a></li>
                <li><a href=local(&format!("/c/{}", p.category.handle))>{p.category.name.clone()}</a></li>
                <li><span aria-current="page">{p.name.clone()}</span></li>
            </ol>
        </nav>
        <ProductPanel product=Buyable::from(&product) variant saved>
            {reviews.map(|r| view! { <RatingLink rating=r.rating/> })}
            {set.map(|set| view! { <BuyTogether set shown/> })}
            <section class="product__description" aria-labelledby="description-title">
                <h2 id="description-title">{w!(DESCRIPTION)}</h2>
                <p>{product.description.clone()}</p>
            </section>
        </ProductPanel>
    }
}

/// What the island needs of a product (its props travel in the page): no description, no
/// category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Buyable {
    handle: String,
    name: String,
    brand: String,
    options: Vec<crate::commerce::ProductOption>,
    variants: Vec<Variant>,
    images: Vec<crate::commerce::Image>,
}

impl Buyable {
    fn from(p: &Product) -> Buyable {
        Buyable {
            handle: p.handle.clone(),
            name: p.name.clone(),
            brand: p.brand.clone(),
            options: p.options.clone(),
            variants: p.variants.clone(),
            images: p.images.clone(),
        }
    }

    /// As a `Product` again, for the model's variant rules (the rest left empty).
    fn product(self) -> Product {
        Product {
            handle: self.handle,
            name: self.name,
            brand: self.brand,
            options: self.options,
            variants: self.variants,
            images: self.images,
            description: String::new(),
            category: crate::commerce::Category {
                handle: String::new(),
                name: String::new(),
                description: String::new(),
                product_count: 0,
                image: None,
            },
        }
    }
}

/// The picture, price, stock, options and buttons: everything a chip changes.
#[island]
fn ProductPanel(
    product: Buyable,
    variant: Option<String>,
    saved: bool,
    children: Children,
) -> impl IntoView {
    let wanted = RwSignal::new(variant);
    #[cfg(feature = "hydrate")]
    follow_history(wanted);
    let product = StoredValue::new(product.product());
    let selected = Memo::new(move |_| {
        let wanted = wanted.get();
        product.with_value(|p| p.default_variant(wanted.as_deref()).cloned())
    });
    let p = product.get_value();
    view! {
        <article class="product">
            <Gallery product selected wanted/>
            <div class="product__details">
                <p class="product__brand">{p.brand.clone()}</p>
                <h1 class="product__title">{p.name.clone()}</h1>
                {move || selected.get().map(|v| view! {
                    <div class="product__price" data-testid="product-price">
                        <Price price=v.price compare_at=v.compare_at/>
                    </div>
                    <StockNote variant=v/>
                })}
                <OptionPickers product selected wanted/>
                <AddToCart selected/>
                <WishlistToggle handle=p.handle.clone() saved selected/>
                {children()}
            </div>
        </article>
    }
}

/// Save for later, or take back: a plain form (a full post and back here, with or without
/// the wasm) that saves the variant on show. Its addresses are written out rather than taken
/// from the server functions, whose client code would otherwise ride in the browse bundle
/// (7 KB brotli).
#[component]
fn WishlistToggle(handle: String, saved: bool, selected: Memo<Option<Variant>>) -> impl IntoView {
    let page = local(&format!("/p/{handle}"));
    let back = move || match selected.get() {
        Some(v) => format!("{page}?variant={}", v.id),
        None => page.clone(),
    };
    let (action, label) = if saved {
        ("/api/wishlist/remove", w!(REMOVE_FROM_WISHLIST))
    } else {
        ("/api/wishlist/save", w!(SAVE_TO_WISHLIST))
    };
    view! {
        <form class="wishlist-toggle" method="post" action=action data-testid="wishlist-toggle">
            {saved.then(|| view! {
                <p class="wishlist-toggle__saved">
                    <span aria-hidden="true">"♥"</span>
                    <span>{w!(SAVED_IN_WISHLIST)}</span>
                    " · "<a href=local("/wishlist")>{w!(WISHLIST)}</a>
                </p>
            })}
            <input type="hidden" name="handle" value=handle/>
            // Saving keeps the variant on show; taking back removes the product whole.
            <input type="hidden" name="variant_id" value=move || if saved { String::new() } else { selected.get().map(|v| v.id).unwrap_or_default() }/>
            <input type="hidden" name="back" value=back/>
            <button class=if saved { "link-button" } else { "button button--ghost wishlist-toggle__button" } type="submit">
                {(!saved).then(|| view! { <span aria-hidden="true">"♡"</span> })}
                {label}
            </button>
        </form>
    }
}

/// A chip or thumbnail chose `id` (a plain left click): show it in place and put it in the
/// URL, as a new history entry so Back returns to the previous variant.
fn choose(ev: &leptos::ev::MouseEvent, wanted: RwSignal<Option<String>>, id: &str, href: &str) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    #[cfg(feature = "hydrate")]
    {
        let pushed = web_sys::window()
            .and_then(|w| w.history().ok())
            .is_some_and(|h| {
                h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
                    .is_ok()
            });
        if pushed {
            ev.prevent_default();
            wanted.set(Some(id.to_string()));
        }
    }
    let _ = (wanted, id, href);
}

/// Back and Forward between variants chosen in place.
#[cfg(feature = "hydrate")]
fn follow_history(wanted: RwSignal<Option<String>>) {
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let variant = search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("variant="))
            .map(str::to_string);
        wanted.set(variant);
    });
    on_cleanup(move || popstate.remove());
}

#[component]
fn Gallery(
    product: StoredValue<Product>,
    selected: Memo<Option<Variant>>,
    wanted: RwSignal<Option<String>>,
) -> impl IntoView {
    let main = move || {
        let v = selected.get();
        product.with_value(|p| {
            v.and_then(|v| v.image)
                .or_else(|| p.images.first().cloned())
        })
    };
    let thumbs = product.with_value(|p| {
        p.images
            .iter()
            .filter_map(|img| {
                let v = p
                    .variants
                    .iter()
                    .filter(|v| v.image.as_ref() == Some(img))
                    .max_by_key(|v| v.in_stock())?;
                Some((
                    img.clone(),
                    v.id.clone(),
                    crate::app::local(&format!("/p/{}?variant={}", p.handle, v.id)),
                ))
            })
            .collect::<Vec<_>>()
    });
    view! {
        <div class="gallery" aria-label=w!(PRODUCT_IMAGES)>
            <div class="gallery__main">
                {move || main().map(|img| view! {
                    <img src=img.url alt=img.alt width="800" height="800" fetchpriority="high" data-testid="product-image"/>
                })}
            </div>
            {(thumbs.len() > 1).then(|| view! {
                <ul class="gallery__thumbs">
                    {thumbs.into_iter().map(|(img, id, href)| {
                        let url = img.url.clone();
                        let current = move || selected.get().and_then(|v| v.image).map(|i| i.url) == Some(url.clone());
                        view! {
                            <li>
                                <a href=href.clone() class="gallery__thumb" aria-current=move || current().then_some("true")
                                    on:click=move |ev| choose(&ev, wanted, &id, &href)>
                                    <img src=img.url alt=img.alt width="96" height="96" loading="lazy"/>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}

#[component]
fn StockNote(variant: Variant) -> impl IntoView {
    let (class, text) = match variant.stock {
        0 => ("stock stock--out", w!(SOLD_OUT).to_string()),
        n if n <= LOW_STOCK => ("stock stock--low", w!(only_left)(n)),
        _ => ("stock stock--in", w!(IN_STOCK).to_string()),
    };
    view! { <p class=class data-testid="stock">{text}</p> }
}

#[component]
fn OptionPickers(
    product: StoredValue<Product>,
    selected: Memo<Option<Variant>>,
    wanted: RwSignal<Option<String>>,
) -> impl IntoView {
    let options = product.with_value(|p| p.options.clone());
    options
        .into_iter()
        .enumerate()
        .filter(|(_, o)| o.values.len() > 1 || product.with_value(|p| p.variants.len() > 1))
        .map(|(index, option)| {
            let name = option.name.clone();
            let current = move || {
                selected
                    .get()
                    .and_then(|v| v.options.get(index).cloned())
                    .unwrap_or_default()
            };
            view! {
                <fieldset class="option-picker">
                    <legend class="option-picker__legend">
                        {name} ": " <strong>{current}</strong>
                    </legend>
                    <ul class="option-picker__values">
                        {option.values.into_iter().map(|value| {
                            let chip = move || {
                                let from = selected.get()?;
                                product.with_value(|p| {
                                    let target = p.variant_with(&from, index, &value)?;
                                    let exact = target.options.get(index) == Some(&value)
                                        && target.options.iter().enumerate().all(|(i, o)| i == index || from.options.get(i) == Some(o));
                                    Some((
                                        target.id.clone(),
                                        crate::app::local(&format!("/p/{}?variant={}", p.handle, target.id)),
                                        from.options.get(index) == Some(&value),
                                        !(exact && target.in_stock()),
                                        value.clone(),
                                    ))
                                })
                            };
                            view! {
                                <li>
                                    {move || chip().map(|(id, href, is_current, unavailable, label)| view! {
                                        <a href=href.clone() on:click=move |ev| choose(&ev, wanted, &id, &href)
                                            class=if unavailable { "chip chip--unavailable" } else { "chip" }
                                            aria-current=is_current.then_some("true")
                                            title=unavailable.then_some(w!(UNAVAILABLE_COMBINATION))
                                        >{label}</a>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
            }
        })
        .collect_view()
}

#[component]
fn AddToCart(selected: Memo<Option<Variant>>) -> impl IntoView {
    let state = CartState::get();
    let add = state.add;
    let buy = state.buy;
    let pending = Signal::derive(move || add.pending().get() || buy.pending().get());
    let error = move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| buy.value().get().and_then(Result::err))
    };
    // Attributes that follow the chosen variant, rather than forms drawn again for each one:
    // every view redrawn in the browser is code in the wasm.
    let id = move || selected.get().map(|v| v.id).unwrap_or_default();
    let sold_out = move || !selected.get().is_some_and(|v| v.in_stock());
    let max = move || {
        selected
            .get()
            .map_or(1, |v| v.stock.clamp(1, MAX_LINE_QUANTITY))
    };
    // Buy now is its own form (it goes to checkout); it buys the quantity chosen here.
    let quantity = RwSignal::new(1_i64);
    view! {
        <ServerForm action=add attr:class="add-to-cart">
            <input type="hidden" name="variant_id" value=id/>
            <div class="add-to-cart__row">
                <label class="field field--quantity">
                    <span class="field__label">{w!(QUANTITY)}</span>
                    <input class="field__input" type="number" name="quantity" value="1" min="1" max=max inputmode="numeric" required disabled=sold_out
                        on:input=move |ev| quantity.set(event_target_value(&ev).parse().unwrap_or(1))/>
                </label>
                <button class="button button--primary add-to-cart__button" type="submit" disabled=move || sold_out() || pending.get() data-testid="add-to-cart">
                    {move || if sold_out() { w!(SOLD_OUT) } else if pending.get() { w!(ADDING) } else { w!(ADD_TO_CART) }}
                </button>
            </div>
            {move || error().map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })}
        </ServerForm>
        <ServerForm action=buy attr:class="buy-now" attr:hidden=sold_out>
            <input type="hidden" name="variant_id" value=id/>
            <input type="hidden" name="quantity" value=move || quantity.get().to_string()/>
            <button class="button button--ghost button--block" type="submit" disabled=move || sold_out() || pending.get() data-testid="buy-now">
                {w!(BUY_NOW)}
            </button>
        </ServerForm>
    }
}

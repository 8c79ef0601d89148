//! A product page. The chosen variant lives in the URL (`?variant=`), so option chips are plain
//! links: they work before hydration. Everything is drawn on the server; once hydrated, a chip
//! puts the server's drawing of its variant (picture, price, stock, options, buttons) in place
//! and the variant in the URL (Back returns to the previous one), without a page load or a jump
//! to the top. The browser carries no product data and no product views (README
//! "Performance").

use super::or_problem;
use crate::api::cart::BuyNow;
use crate::api::cart_shown::AddShown;
use crate::api::catalog::get_product;
use crate::api::reviews::{get_product_reviews, ProductReviews};
use crate::app::components::buy_together::BuyTogether;
use crate::app::components::picture::{Loading, Picture};
use crate::app::components::price::Price;
use crate::app::components::recommendation_row::RecommendationRow;
use crate::app::components::reviews::{RatingLink, ReviewsAt, ReviewsSection};
use crate::app::components::structured_data::{self, JsonLd};
use crate::app::local;
use crate::commerce::{Product, Variant, MAX_LINE_QUANTITY};
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

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
        <ProductPanel product=product.clone() variant saved>
            {reviews.map(|r| view! { <RatingLink rating=r.rating/> })}
            {set.map(|set| view! { <BuyTogether set shown/> })}
            <section class="product__description" aria-labelledby="description-title">
                <h2 id="description-title">{w!(DESCRIPTION)}</h2>
                <p>{product.description.clone()}</p>
            </section>
        </ProductPanel>
    }
}

/// The picture, price, stock, options and buttons: drawn on the server for the variant on show,
/// in two slots (`#product-gallery`, `#product-buy`) that `VariantSwitch` fills again when a
/// chip chooses another variant.
#[component]
fn ProductPanel(
    product: Product,
    variant: Option<String>,
    saved: bool,
    children: Children,
) -> impl IntoView {
    let (gallery, buy) = variant_parts(&product, variant.as_deref(), saved);
    view! {
        <article class="product">
            <div class="product__slot" id="product-gallery">{gallery}</div>
            <div class="product__details">
                <p class="product__brand">{product.brand.clone()}</p>
                <h1 class="product__title">{product.name.clone()}</h1>
                <div class="product__slot" id="product-buy" data-handle=product.handle.clone()>{buy}</div>
                {children()}
            </div>
        </article>
        <VariantSwitch/>
    }
}

/// What changes with the variant: the gallery, and the price, stock, options and buttons.
fn variant_parts(p: &Product, wanted: Option<&str>, saved: bool) -> (AnyView, AnyView) {
    let selected = p.default_variant(wanted).cloned();
    let gallery = gallery(p, selected.as_ref()).into_any();
    let buy = view! {
        {selected.clone().map(|v| view! {
            <div class="product__price" data-testid="product-price">
                <Price price=v.price compare_at=v.compare_at/>
            </div>
            <StockNote variant=v/>
        })}
        {option_pickers(p, selected.as_ref())}
        {add_to_cart(selected.as_ref())}
        <WishlistToggle handle=p.handle.clone() saved selected/>
    }
    .into_any();
    (gallery, buy)
}

/// The variant `wanted` of `p` as a chip's answer draws it (`catalog/variant`).
#[cfg(feature = "ssr")]
pub fn shown_variant(
    p: &Product,
    wanted: Option<&str>,
    saved: bool,
) -> crate::api::catalog::ShownVariant {
    let (gallery, buy) = variant_parts(p, wanted, saved);
    crate::api::catalog::ShownVariant {
        gallery: gallery.to_html(),
        buy: buy.to_html(),
    }
}

/// Save for later, or take back: a plain form (a full post and back here, with or without
/// the wasm) that saves the variant on show. Its addresses are written out rather than taken
/// from the server functions, whose client code would otherwise ride in the browse bundle
/// (7 KB brotli).
#[component]
fn WishlistToggle(handle: String, saved: bool, selected: Option<Variant>) -> impl IntoView {
    let page = local(&format!("/p/{handle}"));
    let back = match &selected {
        Some(v) => format!("{page}?variant={}", v.id),
        None => page.clone(),
    };
    let (action, label) = if saved {
        ("/api/wishlist/remove", w!(REMOVE_FROM_WISHLIST))
    } else {
        ("/api/wishlist/save", w!(SAVE_TO_WISHLIST))
    };
    // Saving keeps the variant on show; taking back removes the product whole.
    let variant = if saved {
        String::new()
    } else {
        selected.map(|v| v.id).unwrap_or_default()
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
            <input type="hidden" name="variant_id" value=variant/>
            <input type="hidden" name="back" value=back/>
            <button class=if saved { "link-button" } else { "button button--ghost wishlist-toggle__button" } type="submit">
                {(!saved).then(|| view! { <span aria-hidden="true">"♡"</span> })}
                {label}
            </button>
        </form>
    }
}

/// The address of variant `id` of the product `handle`, which chips and thumbnails link to.
fn variant_href(handle: &str, id: &str) -> String {
    local(&format!("/p/{handle}?variant={id}"))
}

/// How wide the gallery draws its pictures (`product.css`: the page's width on a phone, then
/// 1.1 parts of 2.1 of the page less the gap, up to the page's 1,200 px; measured in
/// Chromium at 390, 412, 1000 and 1280 px) and its thumbnails.
const GALLERY_SIZES: &str =
    "(max-width: 859px) calc(100vw - 32px), (max-width: 1199px) calc(52.4vw - 42px), 587px";
const THUMB_SIZES: &str = "60px";

fn gallery(p: &Product, selected: Option<&Variant>) -> impl IntoView {
    let main = selected
        .and_then(|v| v.image.clone())
        .or_else(|| p.images.first().cloned());
    let current = selected
        .and_then(|v| v.image.as_ref())
        .map(|i| i.url.clone());
    let thumbs = p
        .images
        .iter()
        .filter_map(|img| {
            let v = p
                .variants
                .iter()
                .filter(|v| v.image.as_ref() == Some(img))
                .max_by_key(|v| v.in_stock())?;
            Some((img.clone(), v.id.clone()))
        })
        .collect::<Vec<_>>();
    view! {
        <div class="gallery" aria-label=w!(PRODUCT_IMAGES)>
            <div class="gallery__main">
                {main.map(|image| view! {
                    <Picture image sizes=GALLERY_SIZES size=800 loading=Loading::First announced=true
                        testid="product-image"/>
                })}
            </div>
            {(thumbs.len() > 1).then(|| view! {
                <ul class="gallery__thumbs">
                    {thumbs.into_iter().map(|(img, id)| {
                        let is_current = current.as_deref() == Some(img.url.as_str());
                        view! {
                            <li>
                                <a href=variant_href(&p.handle, &id) class="gallery__thumb" data-variant=id
                                    aria-current=is_current.then_some("true")>
                                    <Picture image=img sizes=THUMB_SIZES size=96 announced=true/>
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
    use crate::commerce::StockShown;
    let (class, text) = match StockShown::of(variant.stock) {
        StockShown::SoldOut => ("stock stock--out", w!(SOLD_OUT).to_string()),
        StockShown::Few(n) => ("stock stock--low", w!(only_left)(n)),
        StockShown::InStock => ("stock stock--in", w!(IN_STOCK).to_string()),
    };
    view! { <p class=class data-testid="stock">{text}</p> }
}

fn option_pickers(p: &Product, selected: Option<&Variant>) -> impl IntoView {
    p.options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.values.len() > 1 || p.variants.len() > 1)
        .map(|(index, option)| {
            let current = selected
                .and_then(|v| v.options.get(index).cloned())
                .unwrap_or_default();
            let chips = option
                .values
                .iter()
                .filter_map(|value| {
                    let from = selected?;
                    let target = p.variant_with(from, index, value)?;
                    let exact = target.options.get(index) == Some(value)
                        && target
                            .options
                            .iter()
                            .enumerate()
                            .all(|(i, o)| i == index || from.options.get(i) == Some(o));
                    let is_current = from.options.get(index) == Some(value);
                    let unavailable = !(exact && target.in_stock());
                    Some(view! {
                        <li>
                            <a href=variant_href(&p.handle, &target.id) data-variant=target.id.clone() data-option=index
                                class=if unavailable { "chip chip--unavailable" } else { "chip" }
                                aria-current=is_current.then_some("true")
                                title=unavailable.then_some(w!(UNAVAILABLE_COMBINATION))
                            >{value.clone()}</a>
                        </li>
                    })
                })
                .collect_view();
            view! {
                <fieldset class="option-picker">
                    <legend class="option-picker__legend">
                        {option.name.clone()} ": " <strong>{current}</strong>
                    </legend>
                    <ul class="option-picker__values">{chips}</ul>
                </fieldset>
            }
        })
        .collect_view()
}

/// Add to cart and Buy now, as plain forms: `VariantSwitch` sends them itself once the wasm
/// runs. A refused add after a plain post comes back in the address (`__err`), read here as
/// the action would read it.
fn add_to_cart(selected: Option<&Variant>) -> impl IntoView {
    let id = selected.map(|v| v.id.clone()).unwrap_or_default();
    let sold_out = !selected.is_some_and(|v| v.in_stock());
    let max = selected.map_or(1, |v| v.stock.clamp(1, MAX_LINE_QUANTITY));
    let refused = ServerAction::<AddShown>::new()
        .value()
        .get_untracked()
        .and_then(Result::err)
        .or_else(|| {
            ServerAction::<BuyNow>::new()
                .value()
                .get_untracked()
                .and_then(Result::err)
        })
        .map(|e| e.to_string());
    let fine = refused.is_none();
    view! {
        <form method="post" action=AddShown::url() class="add-to-cart">
            <input type="hidden" name="variant_id" value=id.clone()/>
            <div class="add-to-cart__row">
                <label class="field field--quantity">
                    <span class="field__label">{w!(QUANTITY)}</span>
                    <input class="field__input" type="number" name="quantity" value="1" min="1" max=max inputmode="numeric" required disabled=sold_out/>
                </label>
                <button class="button button--primary add-to-cart__button" type="submit" disabled=sold_out data-testid="add-to-cart" data-busy=(!sold_out).then_some(w!(ADDING))>
                    {if sold_out { w!(SOLD_OUT) } else { w!(ADD_TO_CART) }}
                </button>
            </div>
            <p class="form-error" role="alert" id="add-problem" hidden=fine>{refused}</p>
        </form>
        <form method="post" action=BuyNow::url() class="buy-now" hidden=sold_out>
            <input type="hidden" name="variant_id" value=id/>
            // Buy now buys the quantity chosen above (copied in when the wasm sends it).
            <input type="hidden" name="quantity" value="1"/>
            <button class="button button--ghost button--block" type="submit" disabled=sold_out data-testid="buy-now">
                {w!(BUY_NOW)}
            </button>
        </form>
    }
}

/// The product page's island, with nothing of its own to draw: a chip or thumbnail (a plain
/// left click) shows its variant in place, drawn by the server (`catalog/variant`), and puts
/// it in the address as a new history entry, so Back returns to the previous one; Add to cart
/// and Buy now are sent as actions, so the drawer opens and the page stays. (The product is
/// read from the slot's `data-handle`: a prop would make the browser carry a JSON reader.)
#[island]
fn VariantSwitch() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    switch::start();
}

#[cfg(feature = "hydrate")]
mod switch {
    use crate::api::catalog::{ShownVariant, VariantShown};
    use crate::api::read_parts;
    use crate::app::sender::{ask, fields, form_fields};
    use crate::app::CartState;
    use leptos::prelude::*;
    use leptos::server_fn::ServerFn;
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlFormElement};

    pub fn start() {
        let state = CartState::get();
        let handle = document()
            .get_element_by_id("product-buy")
            .and_then(|slot| slot.get_attribute("data-handle"))
            .unwrap_or_default();
        // Only the newest choice is shown, however the answers arrive.
        let latest = StoredValue::new(0u64);
        // `refocus`: where focus goes in the new drawing, when it was on the chip pressed.
        let show = move |variant: String, refocus: Option<String>| {
            latest.update_value(|n| *n += 1);
            let mine = latest.get_value();
            let handle = handle.clone();
            leptos::task::spawn_local(async move {
                let asked = fields(&[("handle", &handle), ("variant", &variant)]);
                let read = read_parts::<ShownVariant>;
                let Some(Ok(shown)) = ask(VariantShown::url(), &asked, read).await else {
                    return;
                };
                if latest.get_value() == mine {
                    fill("product-gallery", &shown.gallery);
                    fill("product-buy", &shown.buy);
                    if let Some(el) = refocus
                        .and_then(|sel| document().query_selector(&sel).ok().flatten())
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = el.focus();
                    }
                }
            });
        };
        let show_now = show.clone();
        let click = window_event_listener(leptos::ev::click, move |ev| {
            if ev.default_prevented()
                || ev.button() != 0
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
                || ev.alt_key()
            {
                return;
            }
            let Some(link) = target(&ev).and_then(|e| {
                e.closest("#product-gallery [data-variant], #product-buy [data-variant]")
                    .ok()
                    .flatten()
            }) else {
                return;
            };
            let (Some(id), Some(href)) = (
                link.get_attribute("data-variant"),
                link.get_attribute("href"),
            ) else {
                return;
            };
            let pushed = window().history().is_ok_and(|h| {
                h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
                    .is_ok()
            });
            if pushed {
                ev.prevent_default();
                // A keyboard shopper stays on the chip (or thumbnail) they pressed, which the
                // new drawing marks current.
                let focused = document().active_element().is_some_and(|a| a == link);
                let refocus = focused.then(|| match link.get_attribute("data-option") {
                    Some(i) => format!("#product-buy [data-option=\"{i}\"][aria-current]"),
                    None => "#product-gallery .gallery__thumb[aria-current]".to_string(),
                });
                show_now(id, refocus);
            }
        });
        let popstate = window_event_listener(leptos::ev::popstate, move |_| {
            let search = window().location().search().unwrap_or_default();
            let variant = search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("variant="))
                .unwrap_or_default()
                .to_string();
            show(variant, None);
        });
        let submit = window_event_listener(leptos::ev::submit, move |ev| send(&ev, state));
        on_cleanup(move || {
            click.remove();
            popstate.remove();
            submit.remove();
        });
        // While an add or a purchase is on its way its buttons wait; a refusal is said by them.
        Effect::new(move |_| {
            let busy = state.add.pending() || state.buy.pending();
            busy_buttons(busy);
        });
        Effect::new(move |_| {
            let refused = state.add.refused().or_else(|| state.buy.refused());
            if let Some(p) = document().get_element_by_id("add-problem") {
                p.set_text_content(refused.as_ref().map(|e| e.to_string()).as_deref());
                let _ = if refused.is_some() {
                    p.remove_attribute("hidden")
                } else {
                    p.set_attribute("hidden", "")
                };
            }
        });
    }

    fn target(ev: &web_sys::Event) -> Option<Element> {
        ev.target().and_then(|t| t.dyn_into::<Element>().ok())
    }

    fn fill(id: &str, html: &str) {
        if let Some(slot) = document().get_element_by_id(id) {
            slot.set_inner_html(html);
        }
    }

    /// Add to cart or Buy now in the panel, sent as its action; a second press while one is
    /// on its way is dropped.
    fn send(ev: &leptos::ev::SubmitEvent, state: CartState) {
        let Some(form) = target(ev)
            .filter(|f| f.closest("#product-buy").ok().flatten().is_some())
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        if ev.default_prevented() {
            return;
        }
        let action = form.get_attribute("action").unwrap_or_default();
        let busy = state.add.busy() || state.buy.busy();
        if action == state.add.url() {
            // Add to cart and Buy now wait for each other.
            if busy {
                ev.prevent_default();
            } else {
                state.add.send_form(ev);
            }
        } else if action == state.buy.url() {
            if busy {
                ev.prevent_default();
                return;
            }
            // The quantity chosen in the add form.
            let quantity = document()
                .query_selector("#product-buy form.add-to-cart")
                .ok()
                .flatten()
                .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
                .and_then(|f| web_sys::FormData::new_with_form(&f).ok())
                .and_then(|d| d.get("quantity").as_string());
            let Some(fields) = form_fields(ev) else {
                return;
            };
            if let Some(q) = quantity {
                fields.set("quantity", &q);
            }
            ev.prevent_default();
            state.buy.send(fields);
        }
    }

    /// The panel's buttons while an add or purchase waits: disabled, Add to cart saying so.
    /// (A sold-out variant's button has no busy words and stays as drawn.)
    fn busy_buttons(busy: bool) {
        let doc = document();
        let Ok(Some(add)) = doc.query_selector("#product-buy [data-busy]") else {
            return;
        };
        let _ = add.toggle_attribute_with_force("disabled", busy);
        if busy {
            if !add.has_attribute("data-idle") {
                let idle = add.text_content().unwrap_or_default();
                let _ = add.set_attribute("data-idle", &idle);
            }
            add.set_text_content(add.get_attribute("data-busy").as_deref());
        } else if let Some(idle) = add.get_attribute("data-idle") {
            add.set_text_content(Some(&idle));
            let _ = add.remove_attribute("data-idle");
        }
        if let Ok(Some(buy)) = doc.query_selector("#product-buy [data-testid=buy-now]") {
            let _ = buy.toggle_attribute_with_force("disabled", busy);
        }
    }
}

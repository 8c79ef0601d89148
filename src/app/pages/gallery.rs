//! The component gallery (/gallery): each shared component in the states a shopper meets,
//! drawn from fixtures, side by side in the light and dark schemes and at phone width. Each
//! component has its own address (/gallery#product-card); the visual regression journey
//! screenshots each one against its committed baseline.

use super::gallery_fixtures as fx;
use crate::app::components::cart_lines::{CartEmpty, CartLines, CartSummary};
use crate::app::components::pagination::Pagination;
use crate::app::components::picture::Loading;
use crate::app::components::price::Price;
use crate::app::components::product_card::{ProductCard, ProductGrid};
use crate::app::components::recommendation_row::RecommendationRow;
use crate::app::local;
use crate::w;
use leptos::prelude::*;

/// Where a state is drawn: the panel decides the scheme and width; ids must differ per panel.
#[derive(Clone, Copy)]
enum Panel {
    Light,
    Dark,
    Narrow,
}

type State = (&'static str, fn(Panel) -> AnyView);

/// Every component, with its states: (anchor, title, states).
fn entries() -> Vec<(&'static str, &'static str, Vec<State>)> {
    vec![
        (
            "price",
            "Price",
            vec![
                ("Regular", |_| {
                    view! { <Price price=fx::in_stock().price/> }.into_any()
                }),
                ("On sale, prices vary", |_| {
                    let p = fx::on_sale();
                    view! { <Price price=p.price compare_at=p.compare_at from=true/> }.into_any()
                }),
            ],
        ),
        (
            "product-card",
            "Product card",
            vec![
                ("In stock", |_| {
                    view! { <ProductCard product=fx::in_stock() loading=Loading::Eager/> }
                        .into_any()
                }),
                ("On sale", |_| {
                    view! { <ProductCard product=fx::on_sale() loading=Loading::Eager/> }.into_any()
                }),
                ("Sold out", |_| {
                    view! { <ProductCard product=fx::sold_out() loading=Loading::Eager/> }
                        .into_any()
                }),
                ("Long name", |_| {
                    view! { <ProductCard product=fx::long_name() loading=Loading::Eager/> }
                        .into_any()
                }),
            ],
        ),
        (
            "product-grid",
            "Product grid",
            vec![("Four products", |_| {
                view! { <ProductGrid products=fx::products()/> }.into_any()
            })],
        ),
        (
            "recommendation-row",
            "Recommendation row",
            vec![("Because you viewed", |panel| {
                let id = match panel {
                    Panel::Light => "gallery-row-light",
                    Panel::Dark => "gallery-row-dark",
                    Panel::Narrow => "gallery-row-narrow",
                };
                view! { <RecommendationRow row=fx::row() id/> }.into_any()
            })],
        ),
        (
            "cart",
            "Cart",
            vec![
                ("Two lines, one the last left", |_| {
                    let cart = fx::cart();
                    view! { <CartLines cart=cart.clone()/> <CartSummary cart/> }.into_any()
                }),
                ("Empty", |_| view! { <CartEmpty/> }.into_any()),
            ],
        ),
        (
            "pagination",
            "Pagination",
            vec![
                ("First of five", |_| pages(1)),
                ("Third of five", |_| pages(3)),
                ("Last of five", |_| pages(5)),
            ],
        ),
        (
            "messages",
            "Messages",
            vec![
                ("Loading", |_| {
                    view! { <p class="loading">{w!(LOADING)}</p> }.into_any()
                }),
                ("Refused form", |_| {
                    view! { <p class="form-error" role="alert">{w!(SIGN_IN_FAILED)}</p> }.into_any()
                }),
                ("Store unavailable", |_| {
                    view! {
                        <section class="problem">
                            <h2>{w!(ERROR_TITLE)}</h2>
                            <a class="button button--primary" href=local("/")>{w!(BACK_HOME)}</a>
                        </section>
                    }
                    .into_any()
                }),
            ],
        ),
        (
            "buttons",
            "Buttons",
            vec![
                ("Primary", |_| {
                    view! { <button class="button button--primary" type="button">{w!(CHECKOUT)}</button> }.into_any()
                }),
                ("Ghost", |_| {
                    view! { <button class="button button--ghost" type="button">{w!(CONTINUE_SHOPPING)}</button> }.into_any()
                }),
                ("Disabled", |_| {
                    view! { <button class="button button--primary" type="button" disabled=true>{w!(CHECKOUT)}</button> }.into_any()
                }),
            ],
        ),
    ]
}

fn pages(page: u32) -> AnyView {
    view! { <Pagination href=|n: u32| format!("/gallery?page={n}") page pages=5/> }.into_any()
}

#[component]
pub fn GalleryPage() -> impl IntoView {
    let entries = entries();
    let index: Vec<(&str, &str)> = entries.iter().map(|(id, title, _)| (*id, *title)).collect();
    view! {
        <div class="page showcase">
            <h1>{w!(GALLERY_TITLE)}</h1>
            <p class="showcase__intro">
                {w!(GALLERY_INTRO)}
            </p>
            <nav aria-label=w!(GALLERY_INDEX)>
                <ul class="showcase__index">
                    {index.into_iter().map(|(id, title)| view! { <li><a href=format!("#{id}")>{title}</a></li> }).collect_view()}
                </ul>
            </nav>
            {entries.into_iter().map(|(id, title, states)| view! {
                <section class="showcase__entry" id=id data-testid=format!("gallery-{id}") aria-label=title>
                    <h2 class="showcase__title"><a href=format!("#{id}")>{title}</a></h2>
                    <div class="showcase__panels">
                        {panel("Light", "showcase__panel", Panel::Light, &states)}
                        {panel("Dark", "showcase__panel showcase__panel--dark", Panel::Dark, &states)}
                        {panel("Phone, 320 px", "showcase__panel showcase__panel--narrow", Panel::Narrow, &states)}
                    </div>
                </section>
            }).collect_view()}
        </div>
    }
}

fn panel(
    label: &'static str,
    class: &'static str,
    panel: Panel,
    states: &[State],
) -> impl IntoView {
    view! {
        <div class=class>
            <p class="showcase__panel-label">{label}</p>
            {states.iter().map(|(name, draw)| view! {
                <figure class="showcase__state">
                    <figcaption>{*name}</figcaption>
                    {draw(panel)}
                </figure>
            }).collect_view()}
        </div>
    }
}

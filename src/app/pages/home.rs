//! Home: a hero, the categories, and featured products.

use super::or_problem;
use crate::api::catalog::get_home;
use crate::api::recommend::get_home_rows;
use crate::app::components::picture::{Loading, Picture};
use crate::app::components::product_card::ProductGrid;
use crate::app::components::recommendation_row::RecommendationRow;
use crate::app::components::structured_data::{self, JsonLd};
use crate::app::local;
use crate::w;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// Category tiles in the first screen (one row of the widest grid).
const FIRST_SCREEN_TILES: usize = 4;
/// How wide a tile's picture is drawn (`home.css`: two columns, then four of the page's
/// 1200 px, less the page's, the grid's and the tile's padding; measured in Chromium), so a
/// phone takes the smaller copy where one exists.
const TILE_SIZES: &str =
    "(max-width: 719px) calc(50vw - 48px), (max-width: 1199px) calc(25vw - 46px), 254px";

#[component]
pub fn HomePage() -> impl IntoView {
    let home = Resource::new(|| (), |_| get_home());
    // Personal rows load beside the page's own data and render on the server: no flicker.
    let rows = Resource::new(|| (), |_| get_home_rows());
    view! {
        <Title text=""/>
        <Meta name="description" content=format!("{} — {}", w!(STORE_NAME), w!(STORE_TAGLINE))/>
        <Link rel="canonical" href=crate::app::absolute(&crate::app::local("/"))/>
        <crate::app::components::languages::Alternates path="/".to_string()/>
        <JsonLd data=structured_data::store()/>
        <section class="hero">
            <div class="hero__text">
                <h1 class="hero__title">{w!(HERO_TITLE)}</h1>
                <p class="hero__lead">{w!(HERO_TEXT)}</p>
                <a class="button button--primary" href="#featured">{w!(HERO_CTA)}</a>
            </div>
        </section>
        <Suspense fallback=|| ()>
            {move || rows.get().and_then(Result::ok).map(|rows| view! {
                {rows.for_you.map(|row| view! { <RecommendationRow row id="for-you"/> })}
                {rows.recently_viewed.map(|row| view! { <RecommendationRow row id="recently-viewed"/> })}
            })}
        </Suspense>
        <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
            {move || home.get().map(|r| or_problem(r, |home| view! {
                <section class="section" aria-labelledby="categories-title">
                    <h2 id="categories-title" class="section__title">{w!(SHOP_BY_CATEGORY)}</h2>
                    <ul class="category-grid">
                        // The first row is in the first screen on a phone and a desktop alike:
                        // those pictures load at once, the rest as they scroll into view.
                        {home.categories.into_iter().enumerate().map(|(i, c)| view! {
                            <li>
                                <a class="category-tile" href=local(&format!("/c/{}", c.handle))>
                                    {c.image.map(|image| view! {
                                        <Picture image sizes=TILE_SIZES size=400
                                            loading=Loading::nth(i, FIRST_SCREEN_TILES)/>
                                    })}
                                    <span class="category-tile__name">{c.name}</span>
                                    <span class="category-tile__count">{w!(products_count)(c.product_count)}</span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="section" id="featured" aria-labelledby="featured-title">
                    <h2 id="featured-title" class="section__title">{w!(FEATURED)}</h2>
                    <ProductGrid products=home.featured lazy=true/>
                </section>
            }.into_any()))}
        </Suspense>
    }
}

//! What search engines read first: `robots.txt`, naming the sitemap by its absolute address,
//! and the sitemap: an index with one file per language (English only until the store speaks
//! more), listing the home page, every category and every product. A product's `lastmod` is
//! the day it last changed as its backend says (Vendure's `updatedAt`; the embedded store's
//! catalogue does not change once seeded); a category's and the home page's are the newest
//! of their products'.

use super::AppState;
use crate::commerce::backend::ItemQuery;
use crate::commerce::checkout::Day;
use crate::html::escape;
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use std::collections::HashMap;

/// The languages with a sitemap file, by their path prefix code.
const LOCALES: &[&str] = &["en"];
/// A sitemap file holds at most 50,000 addresses (sitemaps.org).
const MOST_PRODUCTS: u32 = 49_000;

/// Pages that are the shopper's own or lead nowhere for a search engine.
const ROBOTS: &str = "User-agent: *\nDisallow: /cart\nDisallow: /checkout\nDisallow: /account\nDisallow: /orders\nDisallow: /api/\n";

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!("{ROBOTS}\nSitemap: {}/sitemap.xml\n", state.public_origin());
    text(body, "text/plain; charset=utf-8")
}

pub async fn index(State(state): State<AppState>) -> Response {
    let origin = state.public_origin();
    let files: String = LOCALES
        .iter()
        .map(|l| format!("<sitemap><loc>{origin}/sitemaps/{l}.xml</loc></sitemap>"))
        .collect();
    text(
        format!("{XML}<sitemapindex xmlns=\"{NS}\">{files}</sitemapindex>\n"),
        XML_TYPE,
    )
}

pub async fn locale(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(_locale) = file.strip_suffix(".xml").filter(|l| LOCALES.contains(l)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let items = state
        .backend
        .items(&ItemQuery {
            limit: MOST_PRODUCTS,
            ..Default::default()
        })
        .await;
    let categories = state.backend.categories().await;
    let (Ok(items), Ok(categories)) = (items, categories) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    // Each category's newest product, in one pass over the catalogue.
    let mut newest: HashMap<&str, i64> = HashMap::new();
    for i in &items {
        let day = newest.entry(i.category.as_str()).or_insert(i.updated_at);
        *day = (*day).max(i.updated_at);
    }
    let origin = state.public_origin();
    let mut urls = vec![url(&origin, "/", newest.values().max().copied())];
    urls.extend(categories.iter().map(|c| {
        let path = format!("/c/{}", c.handle);
        url(&origin, &path, newest.get(c.handle.as_str()).copied())
    }));
    urls.extend(items.iter().map(|i| {
        let path = format!("/p/{}", i.summary.handle);
        url(&origin, &path, Some(i.updated_at))
    }));
    text(
        format!("{XML}<urlset xmlns=\"{NS}\">{}</urlset>\n", urls.concat()),
        XML_TYPE,
    )
}

const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XML_TYPE: &str = "application/xml; charset=utf-8";

fn url(origin: &str, path: &str, changed: Option<i64>) -> String {
    let lastmod = changed
        .map(|seconds| {
            let (y, m, d) = Day::from_unix(seconds).civil();
            format!("<lastmod>{y:04}-{m:02}-{d:02}</lastmod>")
        })
        .unwrap_or_default();
    format!(
        "<url><loc>{}</loc>{lastmod}</url>",
        escape(&format!("{origin}{path}"))
    )
}

fn text(body: String, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            // Crawlers come back for them; a short cache spares the backend.
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

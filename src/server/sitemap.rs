//! What search engines read first: `robots.txt`, naming the sitemap by its absolute address,
//! and the sitemap: an index with one file per language, each listing the home page, every
//! category and every product at that language's address, with the other languages'
//! addresses as `hreflang` alternates. A product's `lastmod` is
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

use crate::words::Locale;
/// A sitemap file holds at most 50,000 addresses (sitemaps.org).
const MOST_PRODUCTS: u32 = 49_000;

/// Pages that are the shopper's own or lead nowhere for a search engine, in every language.
const PRIVATE: [&str; 5] = ["/cart", "/checkout", "/account", "/orders", "/wishlist"];

pub async fn robots(State(state): State<AppState>) -> Response {
    let mut body = String::from("User-agent: *\n");
    for l in Locale::ALL {
        for p in PRIVATE {
            body.push_str(&format!("Disallow: {}\n", l.path(p)));
        }
    }
    body.push_str("Disallow: /api/\nDisallow: /lang/\nDisallow: /currency/\n");
    body.push_str(&format!(
        "\nSitemap: {}/sitemap.xml\n",
        state.public_origin()
    ));
    text(body, "text/plain; charset=utf-8")
}

pub async fn index(State(state): State<AppState>) -> Response {
    let origin = state.public_origin();
    let files: String = Locale::ALL
        .iter()
        .map(|l| {
            let l = l.code();
            format!("<sitemap><loc>{origin}/sitemaps/{l}.xml</loc></sitemap>")
        })
        .collect();
    text(
        format!("{XML}<sitemapindex xmlns=\"{NS}\">{files}</sitemapindex>\n"),
        XML_TYPE,
    )
}

pub async fn locale(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(locale) = file.strip_suffix(".xml").and_then(Locale::from_code) else {
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
    let url = |path: &str, changed| url(&origin, locale, path, changed);
    let mut urls = vec![url("/", newest.values().max().copied())];
    urls.extend(categories.iter().map(|c| {
        let path = format!("/c/{}", c.handle);
        url(&path, newest.get(c.handle.as_str()).copied())
    }));
    urls.extend(items.iter().map(|i| {
        let path = format!("/p/{}", i.summary.handle);
        url(&path, Some(i.updated_at))
    }));
    text(
        format!(
            "{XML}<urlset xmlns=\"{NS}\" xmlns:xhtml=\"{XHTML}\">{}</urlset>\n",
            urls.concat()
        ),
        XML_TYPE,
    )
}

const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";
const XML_TYPE: &str = "application/xml; charset=utf-8";

/// One page in `locale`, with its address in every language (Google reads `hreflang` here as
/// it does in the page's head).
fn url(origin: &str, locale: Locale, path: &str, changed: Option<i64>) -> String {
    let lastmod = changed
        .map(|seconds| {
            let (y, m, d) = Day::from_unix(seconds).civil();
            format!("<lastmod>{y:04}-{m:02}-{d:02}</lastmod>")
        })
        .unwrap_or_default();
    let alternates: String = Locale::ALL
        .iter()
        .map(|l| {
            format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                l.code(),
                escape(&format!("{origin}{}", l.path(path)))
            )
        })
        .collect();
    format!(
        "<url><loc>{}</loc>{lastmod}{alternates}</url>",
        escape(&format!("{origin}{}", locale.path(path)))
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

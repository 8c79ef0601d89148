//! What search engines read beside the page (schema.org JSON-LD): what a product is, costs and
//! whether it can be bought, where a page sits in the store, and who the store is. Drawn on
//! the server only; none of it reaches the wasm.

use crate::app::{absolute, local};
use crate::commerce::{Category, Product};
use crate::w;
use leptos::prelude::*;
use serde_json::{json, Value};

/// Data, never run; it carries the page's nonce all the same, so that every inline script
/// does (one rule, checked by the tests).
#[component]
pub fn JsonLd(data: Value) -> impl IntoView {
    view! {
        <script type="application/ld+json" nonce=leptos::nonce::use_nonce() inner_html=script_text(&data)></script>
    }
}

/// The data as a script element's text: no text in it (a product name, say) may close the
/// element, so every `<` is written as its JSON escape.
fn script_text(data: &Value) -> String {
    data.to_string().replace('<', "\\u003c")
}

/// Google's product rich results need a name, a picture and an offer with its price and
/// currency; every variant is an offer, with its own SKU, price and availability. With reviews,
/// the rating they add up to and the ones on show.
pub fn product(p: &Product, reviews: Option<&crate::api::reviews::ProductReviews>) -> Value {
    let url = absolute(&local(&format!("/p/{}", p.handle)));
    let offers: Vec<Value> = p
        .variants
        .iter()
        .map(|v| {
            json!({
                "@type": "Offer",
                "sku": v.sku,
                "name": v.title(),
                "url": format!("{url}?variant={}", v.id),
                "price": v.price.decimal(),
                "priceCurrency": v.price.currency.code(),
                "availability": if v.in_stock() { "https://schema.org/InStock" } else { "https://schema.org/OutOfStock" },
                "itemCondition": "https://schema.org/NewCondition",
            })
        })
        .collect();
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.name,
        "description": p.description,
        "url": url,
        "image": p.images.iter().map(|i| absolute_url(&i.url)).collect::<Vec<_>>(),
        "brand": { "@type": "Brand", "name": p.brand },
        "sku": p.variants.first().map(|v| v.sku.as_str()),
        "category": p.category.name,
        "offers": offers,
    });
    if let Some(r) = reviews.filter(|r| r.rating.count() > 0) {
        data["aggregateRating"] = json!({
            "@type": "AggregateRating",
            "ratingValue": r.rating.average_text(),
            "reviewCount": r.rating.count(),
            "bestRating": 5,
            "worstRating": 1,
        });
        data["review"] = r
            .reviews
            .iter()
            .map(|v| {
                let (y, m, d) = crate::commerce::checkout::Day::from_unix(v.at).civil();
                json!({
                    "@type": "Review",
                    "name": v.title,
                    "reviewBody": v.text,
                    "inLanguage": v.lang,
                    "datePublished": format!("{y:04}-{m:02}-{d:02}"),
                    "author": { "@type": "Person", "name": v.name },
                    "reviewRating": { "@type": "Rating", "ratingValue": v.stars, "bestRating": 5, "worstRating": 1 },
                })
            })
            .collect();
    }
    data
}

/// Home › category (› product).
pub fn breadcrumbs(category: &Category, product: Option<&Product>) -> Value {
    let mut trail = vec![
        (w!(HOME).to_string(), absolute(&local("/"))),
        (
            category.name.clone(),
            absolute(&local(&format!("/c/{}", category.handle))),
        ),
    ];
    if let Some(p) = product {
        trail.push((
            p.name.clone(),
            absolute(&local(&format!("/p/{}", p.handle))),
        ));
    }
    let items: Vec<Value> = trail
        .into_iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
        })
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// The store itself, and its search (a sitelinks search box).
pub fn store() -> Value {
    let home = absolute(&local("/"));
    json!({
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Organization",
                "@id": format!("{home}#store"),
                "name": w!(STORE_NAME),
                "url": home,
                "logo": absolute("/favicon.svg"),
            },
            {
                "@type": "WebSite",
                "name": w!(STORE_NAME),
                "url": home,
                "publisher": { "@id": format!("{home}#store") },
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": { "@type": "EntryPoint", "urlTemplate": absolute(&local("/search?q={search_term_string}")) },
                    "query-input": "required name=search_term_string",
                },
            },
        ],
    })
}

/// Pictures are served by the store (the embedded backend) or by the commerce backend (a full
/// address already; or one without its scheme, `//host/…`, which stays as it is).
pub fn absolute_url(url: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        absolute(url)
    } else {
        url.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_in_the_data_can_close_its_script() {
        let data = json!({ "name": "Tee </script><script>alert(1)</script>" });
        let text = script_text(&data);
        assert!(!text.contains('<'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn pictures_with_their_own_host_keep_it() {
        for url in ["http://v/assets/a.jpg", "//cdn.example/a.jpg"] {
            assert_eq!(absolute_url(url), url);
        }
    }
}

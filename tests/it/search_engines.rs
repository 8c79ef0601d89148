//! What search engines read: structured data with the fields Google's product rich results
//! require, Open Graph tags for shared links, robots.txt and a sitemap listing every product
//! and category, all on the store's public address.

use crate::common::{self, TestStore};
use serde_json::Value;
use vitrine::commerce::backend::{Commerce, ItemQuery};

const ORIGIN: &str = "https://shop.example";

fn store(tag: &str) -> TestStore {
    TestStore::configured(tag, |s| s.with_public_origin(Some(ORIGIN.into())))
}

/// Every JSON-LD block of a page, parsed (a block that is not JSON fails the test).
fn json_ld(html: &str) -> Vec<Value> {
    html.split("<script type=\"application/ld+json\"")
        .skip(1)
        .map(|rest| {
            let rest = &rest[rest.find('>').expect("a tag") + 1..];
            let text = &rest[..rest.find("</script>").expect("closed")];
            serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
        })
        .collect()
}

fn of_type<'a>(blocks: &'a [Value], kind: &str) -> &'a Value {
    blocks
        .iter()
        .find(|b| b["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {blocks:?}"))
}

fn meta(html: &str, property: &str) -> Option<String> {
    let at = html.find(&format!("property=\"{property}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let content = tag.split("content=\"").nth(1)?;
    Some(content[..content.find('"')?].to_string())
}

#[test]
fn a_product_page_describes_the_product_its_offers_and_its_place() {
    common::run(async {
        let t = store("seo-product");
        let product = t.store.product("everyday-crew-tee").await.unwrap();
        let r = t.get("/p/everyday-crew-tee", None).await;
        assert_eq!(r.status, 200);
        let blocks = json_ld(&r.body);

        let p = of_type(&blocks, "Product");
        assert_eq!(p["@context"], "https://schema.org");
        assert_eq!(p["name"], product.name.as_str());
        assert_eq!(p["brand"]["name"], product.brand.as_str());
        assert_eq!(p["url"], format!("{ORIGIN}/p/everyday-crew-tee"));
        let images = p["image"].as_array().expect("images");
        assert!(!images.is_empty());
        assert!(images
            .iter()
            .all(|i| i.as_str().unwrap().starts_with(&format!("{ORIGIN}/"))));
        let offers = p["offers"].as_array().expect("offers");
        assert_eq!(offers.len(), product.variants.len());
        for (offer, v) in offers.iter().zip(&product.variants) {
            assert_eq!(offer["@type"], "Offer");
            assert_eq!(offer["sku"], v.sku.as_str());
            assert_eq!(offer["price"], v.price.decimal());
            assert_eq!(offer["priceCurrency"], v.price.currency.code());
            let stock = if v.in_stock() {
                "InStock"
            } else {
                "OutOfStock"
            };
            assert_eq!(offer["availability"], format!("https://schema.org/{stock}"));
        }
        assert!(
            offers.iter().any(|o| o["price"]
                .as_str()
                .is_some_and(|p| p.contains('.') && p.parse::<f64>().is_ok())),
            "prices are plain decimals: {offers:?}"
        );

        let trail = of_type(&blocks, "BreadcrumbList")["itemListElement"]
            .as_array()
            .expect("a trail")
            .clone();
        let names: Vec<&str> = trail.iter().map(|i| i["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            [
                "Home",
                product.category.name.as_str(),
                product.name.as_str()
            ]
        );
        assert_eq!(
            trail[1]["item"],
            format!("{ORIGIN}/c/{}", product.category.handle)
        );
        assert_eq!(trail[2]["position"], 3);

        assert_eq!(meta(&r.body, "og:type").as_deref(), Some("product"));
        assert_eq!(meta(&r.body, "og:title"), Some(product.name.clone()));
        assert_eq!(
            meta(&r.body, "og:url").as_deref(),
            Some(&*format!("{ORIGIN}/p/everyday-crew-tee"))
        );
        assert!(meta(&r.body, "og:image").is_some_and(|i| i.starts_with(ORIGIN)));
        let shown = product.default_variant(None).unwrap().price;
        assert_eq!(meta(&r.body, "product:price:amount"), Some(shown.decimal()));
    })
}

#[test]
fn the_home_page_names_the_store_and_its_search() {
    common::run(async {
        let t = store("seo-home");
        let r = t.get("/", None).await;
        let blocks = json_ld(&r.body);
        let graph = blocks[0]["@graph"].as_array().expect("a graph");
        let site = graph.iter().find(|n| n["@type"] == "WebSite").unwrap();
        let search = &site["potentialAction"];
        assert_eq!(search["@type"], "SearchAction");
        assert_eq!(
            search["target"]["urlTemplate"],
            format!("{ORIGIN}/search?q={{search_term_string}}")
        );
        assert_eq!(search["query-input"], "required name=search_term_string");
        let org = graph.iter().find(|n| n["@type"] == "Organization").unwrap();
        assert_eq!(org["url"], format!("{ORIGIN}/"));
        assert_eq!(org["name"], "Vitrine");
    })
}

#[test]
fn a_category_page_says_where_it_sits() {
    common::run(async {
        let t = store("seo-category");
        let r = t.get("/c/t-shirts?sort=price-asc", None).await;
        let blocks = json_ld(&r.body);
        let trail = &of_type(&blocks, "BreadcrumbList")["itemListElement"];
        assert_eq!(trail[1]["item"], format!("{ORIGIN}/c/t-shirts"));
        assert_eq!(trail.as_array().unwrap().len(), 2);
    })
}

#[test]
fn robots_and_the_sitemap_list_every_product_and_category() {
    common::run(async {
        let t = store("seo-sitemap");
        let robots = t.get("/robots.txt", None).await;
        assert_eq!(robots.status, 200);
        assert!(robots
            .body
            .contains(&format!("Sitemap: {ORIGIN}/sitemap.xml")));
        assert!(robots.body.contains("Disallow: /checkout"));

        let index = t.get("/sitemap.xml", None).await;
        assert_eq!(index.status, 200);
        assert!(index.header("content-type").starts_with("application/xml"));
        assert!(index.body.contains("<sitemapindex"));
        assert!(index
            .body
            .contains(&format!("<loc>{ORIGIN}/sitemaps/en.xml</loc>")));

        let file = t.get("/sitemaps/en.xml", None).await;
        assert_eq!(file.status, 200);
        let items = t
            .store
            .items(&ItemQuery {
                limit: u32::MAX,
                ..Default::default()
            })
            .await
            .unwrap();
        let categories = t.store.categories().await.unwrap();
        assert!(items.len() > 100, "the seeded catalogue");
        let locs: Vec<&str> = file
            .body
            .split("<loc>")
            .skip(1)
            .map(|s| &s[..s.find("</loc>").unwrap()])
            .collect();
        assert_eq!(locs.len(), 1 + categories.len() + items.len());
        for i in &items {
            let loc = format!("{ORIGIN}/p/{}", i.summary.handle);
            assert!(locs.contains(&loc.as_str()), "{loc}");
        }
        for c in &categories {
            let loc = format!("{ORIGIN}/c/{}", c.handle);
            assert!(locs.contains(&loc.as_str()), "{loc}");
        }
        assert_eq!(
            file.body.matches("<lastmod>").count(),
            locs.len(),
            "every address says when it changed"
        );
        assert_eq!(t.get("/sitemaps/xx.xml", None).await.status, 404);
    })
}

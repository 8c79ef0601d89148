//! Server-rendered pages: what a shopper (and a crawler) receives before any script runs.

use crate::common;

use common::TestStore;
use vitrine::commerce::backend::Commerce;

fn has_canonical(html: &str, href: &str) -> bool {
    html.split("<link").any(|tag| {
        let tag = tag.split('>').next().unwrap_or_default();
        tag.contains("rel=\"canonical\"") && tag.contains(&format!("href=\"{href}\""))
    })
}

#[test]
fn home_lists_categories_and_featured_products() {
    common::run(async {
        let t = TestStore::new("home");
        let r = t.get("/", None).await;
        assert_eq!(r.status, 200);
        let categories = t.store.categories().await.unwrap();
        assert!(categories.len() >= 8);
        for c in &categories {
            assert!(
                r.body.contains(&format!("href=\"/c/{}\"", c.handle)),
                "{}",
                c.handle
            );
        }
        assert!(r.body.contains("Featured"));
        assert!(r.body.contains("href=\"/p/everyday-crew-tee\""));
    })
}

#[test]
fn pages_carry_a_strict_nonce_csp_and_safe_headers() {
    common::run(async {
        let t = TestStore::new("csp");
        let r = t.get("/", None).await;
        let csp = r.header("content-security-policy");
        assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        let nonce = r.nonce();
        // Every inline script carries this response's nonce.
        for script in r.body.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap();
            if !tag.contains("src=") {
                assert!(
                    tag.contains(&format!("nonce=\"{nonce}\"")),
                    "inline script without nonce: {tag}"
                );
            }
        }
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        let cache = r.header("cache-control");
        assert!(
            cache.contains("s-maxage") && cache.contains("stale-while-revalidate"),
            "{cache}"
        );
        // Signed in (or remembered): the same page is the shopper's own.
        let mine = t.get("/", Some("theme=dark; vitrine_session=x")).await;
        assert_eq!(mine.header("cache-control"), "private, no-cache");
        // A cookie that merely mentions our name is not ours.
        let other = t.get("/", Some("x=vitrine_cart")).await;
        assert!(other.header("cache-control").contains("s-maxage"));
        for path in ["/orders", "/account", "/checkout"] {
            let r = t.get(path, None).await;
            assert_eq!(r.header("cache-control"), "private, no-store", "{path}");
        }
    })
}

#[test]
fn a_category_is_paginated_with_crawlable_links() {
    common::run(async {
        let t = TestStore::new("category");
        let r = t.get("/c/t-shirts", None).await;
        assert_eq!(r.status, 200);
        assert!(
            r.body.contains("<title>T-shirts · Vitrine</title>"),
            "title"
        );
        assert!(has_canonical(&r.body, "http://127.0.0.1:0/c/t-shirts"));
        assert_eq!(
            r.body.matches("class=\"card\"").count()
                + r.body.matches("class=\"card card--sold-out\"").count(),
            16
        );

        // Scale the page size down by looking at a larger listing through the API.
        let q = vitrine::commerce::backend::ProductQuery {
            category: Some("t-shirts".into()),
            page: 2,
            per_page: 10,
            ..Default::default()
        };
        let page2 = t.store.products(&q).await.unwrap();
        assert_eq!(page2.items.len(), 6);
        assert_eq!(page2.page_count(), 2);
    })
}

#[test]
fn a_product_page_is_complete_before_hydration() {
    common::run(async {
        let t = TestStore::new("product");
        let p = t.store.product("everyday-crew-tee").await.unwrap();
        let r = t.get("/p/everyday-crew-tee", None).await;
        assert_eq!(r.status, 200);
        assert!(r
            .body
            .contains(&format!("<title>{} · Vitrine</title>", p.name)));
        assert!(r.body.contains("<meta name=\"description\""));
        assert!(has_canonical(
            &r.body,
            "http://127.0.0.1:0/p/everyday-crew-tee"
        ));
        let v = p.default_variant(None).unwrap();
        assert!(r.body.contains(&v.price.to_string()), "price {}", v.price);
        // The add-to-cart form posts to the server function without any script.
        assert!(r.body.contains("action=\"/api/cart/shown/add\""));
        assert!(r
            .body
            .contains(&format!("name=\"variant_id\" value=\"{}\"", v.id)));
        // Every option value is a link that selects a variant.
        for value in &p.options[0].values {
            assert!(r.body.contains(&format!(">{value}</a>")), "chip {value}");
        }

        // Another variant, chosen by URL, is rendered selected with its own price and stock.
        let other = p.variants.iter().find(|x| x.id != v.id).unwrap();
        let r = t
            .get(&format!("/p/everyday-crew-tee?variant={}", other.id), None)
            .await;
        assert!(r
            .body
            .contains(&format!("name=\"variant_id\" value=\"{}\"", other.id)));
    })
}

/// What a chip asks for once the page is hydrated: the variant's parts of the page, drawn as
/// the page draws them when the variant is in its address.
#[test]
fn a_chip_gets_its_variant_drawn_as_the_page_draws_it() {
    common::run(async {
        let t = TestStore::new("variant-shown");
        let p = t.store.product("everyday-crew-tee").await.unwrap();
        let first = p.default_variant(None).unwrap();
        // Another variant in stock, with another picture when there is one.
        let others = || {
            p.variants
                .iter()
                .filter(|x| x.id != first.id && x.in_stock())
        };
        let other = others()
            .find(|x| x.image != first.image)
            .or_else(|| others().next())
            .unwrap();
        let r = t
            .call(
                "catalog/variant",
                &format!("handle=everyday-crew-tee&variant={}", other.id),
                None,
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let parts = common::text_parts(&r.body);
        let [gallery, buy] = &parts[..] else {
            panic!("two parts: {}", r.body)
        };
        assert!(
            gallery.contains(r#"data-testid="product-image""#),
            "{gallery}"
        );
        if let Some(img) = &other.image {
            assert!(gallery.contains(&img.url), "its picture: {gallery}");
        }
        assert!(buy.contains(&other.price.to_string()), "its price: {buy}");
        assert!(buy.contains(&format!(r#"name="variant_id" value="{}""#, other.id)));
        // Its own chips are current, as on its page.
        let page = t
            .get(&format!("/p/everyday-crew-tee?variant={}", other.id), None)
            .await;
        // Links to it marked current: chips (one per option) and its thumbnail.
        let link = format!(r#"data-variant="{}""#, other.id);
        let marked = |html: &str| {
            html.match_indices(&link)
                .filter(|(at, _)| {
                    let tag = &html[*at..];
                    tag[..tag.find('>').unwrap()].contains(r#"aria-current="true""#)
                })
                .count()
        };
        assert!(
            marked(buy) >= other.options.len(),
            "its chips are current: {buy}"
        );
        assert_eq!(marked(buy) + marked(gallery), marked(&page.body));
        assert!(buy.contains(r#"action="/api/cart/shown/add""#));

        // No variant: the one the page shows without one.
        let r = t
            .call("catalog/variant", "handle=everyday-crew-tee&variant=", None)
            .await;
        let parts = common::text_parts(&r.body);
        assert!(parts[1].contains(&format!(r#"name="variant_id" value="{}""#, first.id)));

        // A handle that is no product is an error, not an empty panel.
        let r = t
            .call("catalog/variant", "handle=no-such-thing&variant=", None)
            .await;
        assert_eq!(r.status, 404, "{}", r.body);
        let r = t
            .call("catalog/variant", "handle=BAD%20HANDLE&variant=", None)
            .await;
        assert!(r.status.is_client_error(), "{}", r.body);
        let r = t
            .call(
                "catalog/variant",
                "handle=everyday-crew-tee&variant=%3Cb%3E",
                None,
            )
            .await;
        assert!(r.status.is_client_error(), "{}", r.body);
    })
}

#[test]
fn missing_pages_are_404_with_the_header_kept() {
    common::run(async {
        let t = TestStore::new("404");
        for path in [
            "/p/no-such-thing",
            "/c/no-such-category",
            "/nowhere",
            "/p/BAD%20HANDLE",
        ] {
            let r = t.get(path, None).await;
            assert_eq!(r.status, 404, "{path}");
            assert!(r.body.contains("Page not found"), "{path}");
            assert!(
                r.body.contains("class=\"site-header\""),
                "{path} keeps the header"
            );
            assert!(
                r.body.contains("href=\"/cart\""),
                "{path} keeps the cart link"
            );
        }
    })
}

#[test]
fn product_pictures_are_drawn_and_cacheable() {
    common::run(async {
        let t = TestStore::new("media");
        let p = t.store.product("everyday-crew-tee").await.unwrap();
        let url = &p.images[0].url;
        let r = t.get(url, None).await;
        assert_eq!(r.status, 200, "{url}");
        assert_eq!(r.header("content-type"), "image/svg+xml");
        assert!(r.body.starts_with("<svg"));
        assert!(r.header("cache-control").contains("max-age=86400"));
        assert_eq!(
            t.get("/media/p/everyday-crew-tee/notacolour.svg", None)
                .await
                .status,
            404
        );
        assert_eq!(t.get("/media/p/nope/ocean.svg", None).await.status, 404);
    })
}

#[test]
fn canonical_links_are_absolute_on_the_public_address() {
    common::run(async {
        let t = TestStore::configured("canonical", |s| {
            s.with_public_origin(Some("https://shop.example".into()))
        });
        for (page, canonical) in [
            ("/", "https://shop.example/"),
            (
                "/c/t-shirts?sort=price-asc",
                "https://shop.example/c/t-shirts",
            ),
            (
                "/p/everyday-crew-tee",
                "https://shop.example/p/everyday-crew-tee",
            ),
        ] {
            let r = t.get(page, None).await;
            assert!(has_canonical(&r.body, canonical), "{page}");
        }
    })
}

/// Pages keep answering while another router is built in the same process, as when the tests
/// run in parallel. Walking the app's routes raises a process-wide flag in leptos_server, and a
/// page whose data started loading meanwhile used to wait forever (leptos-rs/leptos#4773).
#[test]
fn pages_answer_while_another_router_is_built() {
    let builder = std::thread::spawn(|| {
        common::run(async {
            for _ in 0..6 {
                drop(TestStore::new("router-built"));
            }
        })
    });
    common::run(async {
        let t = TestStore::new("router-race");
        let mut rendered = 0;
        while !builder.is_finished() || rendered == 0 {
            let pages = ["/", "/c/t-shirts", "/p/everyday-crew-tee", "/search?q=tee"];
            for r in futures::future::join_all(pages.map(|p| t.get(p, None))).await {
                assert_eq!(r.status, 200);
                rendered += 1;
            }
        }
    });
    builder.join().expect("routers are built");
}

/// Listing and search pages, one after another, leave nothing running behind them: a
/// `Transition` whose pending state the server never shows kept an effect alive after the
/// response, which now and then read the finished page's signals and panicked (18 panics in
/// one `make bench-ssr`; this test saw it within 600 pages).
#[test]
fn listing_pages_finish_without_a_panic_behind_them() {
    common::run(async {
        let dir = common::temp_dir("no-panic");
        let on = crate::instances::start(&dir, &[("VITRINE_STATISTICS", "on")]).unwrap();
        let pages = [
            "/c/t-shirts",
            "/c/t-shirts?page=2&sort=price-asc",
            "/search?q=tee",
        ];
        for i in 0..600 {
            assert_eq!(on.get(pages[i % pages.len()]).await.status, 200);
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let said = on.stop();
        assert!(!said.contains("panicked"), "the server panicked: {said}");
        let _ = std::fs::remove_dir_all(dir);
    })
}

/// A browser that takes brotli gets the pages compressed (a phone's first paint waits on
/// their bytes); one that does not gets them as they are.
#[test]
fn pages_travel_compressed_to_a_browser_that_takes_it() {
    common::run(async {
        let t = TestStore::new("compressed");
        let plain = t.get("/p/everyday-crew-tee", None).await;
        assert_eq!(plain.status, 200);
        assert!(plain.headers.get("content-encoding").is_none());
        assert!(plain.body.contains("</html>"));

        let req = axum::http::Request::get("/p/everyday-crew-tee")
            .header("accept", "text/html")
            .header("accept-encoding", "gzip, deflate, br, zstd")
            .body(axum::body::Body::empty())
            .unwrap();
        let packed = t.send(req).await;
        assert_eq!(packed.status, 200);
        assert_eq!(packed.header("content-encoding"), "br");
        assert!(
            packed.header("vary").contains("accept-encoding"),
            "{:?}",
            packed.headers
        );
        assert!(
            packed.sent * 3 < plain.sent,
            "{} B compressed against {} B",
            packed.sent,
            plain.sent
        );
        // Its security headers are the page's own.
        assert!(packed.header("content-security-policy").contains("nonce-"));
    })
}

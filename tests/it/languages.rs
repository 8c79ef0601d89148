//! The store in four languages: one address per language, `<html lang dir>`, the switcher that
//! keeps the page and remembers the choice, the browser's language suggested (never forced),
//! server functions answering in the calling page's language, and a sitemap per language.

use crate::common::{self, TestStore, STORE_HOST};
use axum::body::Body;
use axum::http::{header, Request};
use vitrine::commerce::backend::Commerce;

const PRODUCT: &str = "/p/everyday-crew-tee";

fn html_tag(body: &str) -> &str {
    let start = body.find("<html").expect("an html element");
    &body[start..start + body[start..].find('>').unwrap()]
}

#[test]
fn each_language_has_its_own_address_words_and_direction() {
    common::run(async {
        let t = TestStore::new("lang-pages");
        let fa = t.get(&format!("/fa{PRODUCT}"), None).await;
        assert_eq!(fa.status, 200);
        assert!(
            html_tag(&fa.body).contains(r#"lang="fa""#),
            "{}",
            html_tag(&fa.body)
        );
        assert!(html_tag(&fa.body).contains(r#"dir="rtl""#));
        assert!(fa.body.contains("افزودن به سبد"), "Persian Add to cart");
        assert!(
            !fa.body.contains(">Add to cart<"),
            "no English button on the Persian page"
        );
        // Links stay in the language: the header's cart and the breadcrumbs' home.
        assert!(fa.body.contains(r#"href="/fa/cart""#));
        assert!(fa.body.contains(r#"href="/fa""#));

        let zh = t.get("/zh", None).await;
        assert_eq!(zh.status, 200);
        assert!(html_tag(&zh.body).contains(r#"lang="zh""#));
        assert!(html_tag(&zh.body).contains(r#"dir="ltr""#));
        assert!(zh.body.contains("按分类选购"), "Chinese home page");
        let slash = t.get("/zh/", None).await;
        assert_eq!(slash.status, 308);
        assert_eq!(slash.header("location"), "/zh");

        let en = t.get(PRODUCT, None).await;
        assert!(html_tag(&en.body).contains(r#"lang="en""#));
        assert!(en.body.contains("Add to cart"));

        let ru = t.get("/ru/c/t-shirts", None).await;
        assert_eq!(ru.status, 200);
        assert!(ru.body.contains("Категории"), "Russian navigation label");
        // The designers' gallery too: its components drawn in the language.
        let gallery = t.get("/fa/gallery", None).await;
        assert_eq!(gallery.status, 200);
        assert!(html_tag(&gallery.body).contains(r#"dir="rtl""#));
        assert!(gallery.body.contains("گالری اجزا"));
        assert!(gallery.body.contains("افزودن به سبد") || gallery.body.contains("سبد خرید"));

        // The listing's own words too: the price filter's bands, in Russian figures.
        assert!(
            ru.body.contains("до 25\u{a0}€"),
            "price band in Russian, in euros"
        );
        assert!(!ru.body.contains("Under $25"));

        let missing = t.get("/ru/p/no-such-thing", None).await;
        assert_eq!(missing.status, 404);
        assert!(missing.body.contains("не найден"), "Russian not-found page");
    })
}

#[test]
fn every_indexable_page_names_its_other_languages() {
    common::run(async {
        let t = TestStore::new("lang-alternates");
        let r = t.get(&format!("/ru{PRODUCT}"), None).await;
        for (lang, path) in [
            ("en", PRODUCT.to_string()),
            ("zh", format!("/zh{PRODUCT}")),
            ("fa", format!("/fa{PRODUCT}")),
            ("ru", format!("/ru{PRODUCT}")),
            ("x-default", PRODUCT.to_string()),
        ] {
            let wanted = format!(r#"hreflang="{lang}" rel="alternate""#);
            let at = r
                .body
                .find(&wanted)
                .unwrap_or_else(|| panic!("no {lang} alternate"));
            let tag_start = r.body[..at].rfind('<').unwrap();
            assert!(
                r.body[tag_start..at].ends_with(&format!("{path}\" ")),
                "{lang} alternate points to {path}: {}",
                &r.body[tag_start..at + wanted.len()]
            );
        }
        assert!(r
            .body
            .contains(&format!("/ru{PRODUCT}\" rel=\"canonical\"")));
    })
}

#[test]
fn the_switcher_keeps_the_page_and_remembers_the_choice() {
    common::run(async {
        let t = TestStore::new("lang-switch");
        let page = t.get("/c/t-shirts?sort=price-asc", None).await;
        assert!(
            page.body
                .contains("/lang/ru?to=%2Fc%2Ft-shirts%3Fsort%3Dprice-asc"),
            "the switcher links to the same page, query and all"
        );

        let switched = t
            .get("/lang/ru?to=%2Fc%2Ft-shirts%3Fsort%3Dprice-asc", None)
            .await;
        assert_eq!(switched.status, 303);
        assert_eq!(switched.header("location"), "/ru/c/t-shirts?sort=price-asc");
        let chosen = switched.cookie("lang").expect("the choice is remembered");
        assert_eq!(chosen, "lang=ru");
        assert!(switched.header("set-cookie").contains("HttpOnly"));

        // Back on an English address, the shopper who chose Russian lands on the Russian page…
        let back = t.get("/cart", Some(&chosen)).await;
        assert_eq!(back.status, 303);
        assert_eq!(back.header("location"), "/ru/cart");
        // …while a visitor with no choice (a crawler) gets the page it asked for.
        assert_eq!(t.get("/cart", None).await.status, 200);
        // Choosing English again is remembered too.
        let english = t.get("/lang/en?to=/ru/cart", Some(&chosen)).await;
        assert_eq!(english.header("location"), "/cart");
        assert_eq!(english.cookie("lang").as_deref(), Some("lang=en"));

        // Only the store's own pages: never another site.
        for evil in [
            "//evil.example/x",
            "https://evil.example/",
            "/\\evil.example",
        ] {
            let r = t
                .get(&format!("/lang/zh?to={}", urlencode(evil)), None)
                .await;
            assert_eq!(r.header("location"), "/zh", "{evil}");
        }
        assert_eq!(t.get("/lang/xx?to=/", None).await.status, 404);
    })
}

#[test]
fn the_browsers_language_is_suggested_not_forced() {
    common::run(async {
        let t = TestStore::new("lang-suggest");
        let ask = |accept: &'static str, cookie: Option<&'static str>| {
            let mut req = Request::get(PRODUCT)
                .header(header::ACCEPT, "text/html")
                .header(header::ACCEPT_LANGUAGE, accept);
            if let Some(c) = cookie {
                req = req.header(header::COOKIE, c);
            }
            req.body(Body::empty()).unwrap()
        };
        let r = t.send(ask("ru-RU,ru;q=0.9,en;q=0.5", None)).await;
        assert_eq!(r.status, 200, "no redirect by the browser's language");
        assert!(html_tag(&r.body).contains(r#"lang="en""#));
        assert!(r.body.contains("Этот магазин есть и на русском."));
        assert!(r
            .body
            .contains(&format!("/lang/ru?to={}", urlencode(PRODUCT))));
        assert!(r.body.contains("Stay in English"));
        assert!(r.header("vary").contains("Accept-Language"));

        let chose = t.send(ask("ru-RU,ru;q=0.9", Some("lang=en"))).await;
        assert!(
            !chose.body.contains("language-offer"),
            "a made choice is not asked again"
        );
        let same = t.send(ask("en-GB,en;q=0.9", None)).await;
        assert!(!same.body.contains("language-offer"));
    })
}

#[test]
fn server_functions_answer_in_the_calling_pages_language() {
    common::run(async {
        let t = TestStore::new("lang-api");
        let id = t.store.product("everyday-crew-tee").await.unwrap().variants[0]
            .id
            .clone();
        let call = |referer: String| {
            let mut req =
                common::api_request("cart/add", &format!("variant_id={id}&quantity=0"), None);
            req.headers_mut()
                .insert(header::REFERER, referer.parse().unwrap());
            req
        };
        let said = |body: &str| {
            serde_json::from_str::<serde_json::Value>(body).unwrap()["said"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let ru = t
            .send(call(format!("http://{STORE_HOST}/ru{PRODUCT}")))
            .await;
        assert_eq!(ru.status, 422);
        assert_eq!(said(&ru.body), "Количество — не меньше 1.");
        let zh = t
            .send(call(format!("http://{STORE_HOST}/zh{PRODUCT}")))
            .await;
        assert_eq!(said(&zh.body), "数量至少为 1。");
        let en = t.send(call(format!("http://{STORE_HOST}{PRODUCT}"))).await;
        assert_eq!(said(&en.body), "Quantity must be at least 1.");
        // Another site's page says nothing about the store's languages.
        let elsewhere = t.send(call("https://other.example/ru/x".into())).await;
        assert_eq!(said(&elsewhere.body), "Quantity must be at least 1.");
    })
}

#[test]
fn the_sitemap_lists_every_page_in_every_language() {
    common::run(async {
        let t = TestStore::new("lang-sitemap");
        let index = t.get("/sitemap.xml", None).await.body;
        for l in ["en", "zh", "fa", "ru"] {
            assert!(
                index.contains(&format!("/sitemaps/{l}.xml</loc>")),
                "{l} in the index"
            );
        }
        let fa = t.get("/sitemaps/fa.xml", None).await;
        assert_eq!(fa.status, 200);
        assert!(fa.body.contains(&format!("/fa{PRODUCT}</loc>")));
        let entry = fa
            .body
            .split("<url>")
            .find(|u| u.contains(&format!("/fa{PRODUCT}</loc>")))
            .unwrap();
        for l in ["zh", "ru"] {
            assert!(
                entry.contains(&format!(r#"hreflang="{l}" href="#))
                    && entry.contains(&format!("/{l}{PRODUCT}\"/>")),
                "{l} alternate of the product: {entry}"
            );
        }
        let en_count = t
            .get("/sitemaps/en.xml", None)
            .await
            .body
            .matches("<url>")
            .count();
        assert_eq!(fa.body.matches("<url>").count(), en_count, "the same pages");
        let robots = t.get("/robots.txt", None).await.body;
        assert!(robots.contains("Disallow: /fa/checkout"));
        assert!(robots.contains("Disallow: /lang/"));
    })
}

fn urlencode(s: &str) -> String {
    vitrine::api::listing::form_urlencode(s)
}

//! The catalogue in every language: names, descriptions, categories and options come from
//! the backend in the shopper's language; search works in each (Chinese without spaces,
//! Persian typed on an Arabic keyboard); carts and orders keep the words they were bought in.

use crate::common::{self, TestStore, STORE_HOST};
use axum::http::header;
use vitrine::commerce::backend::Commerce;

const PRODUCT: &str = "/p/everyday-crew-tee";

#[test]
fn product_and_category_pages_show_the_catalogue_in_the_language() {
    common::run(async {
        let t = TestStore::new("catalogue-pages");
        let zh = t.get(&format!("/zh{PRODUCT}"), None).await;
        assert_eq!(zh.status, 200);
        assert!(zh.body.contains("日常圆领T恤"), "Chinese name");
        assert!(
            zh.body.contains("采用有机棉平纹针织面料"),
            "Chinese description"
        );
        assert!(
            zh.body.contains("尺码") && zh.body.contains("颜色"),
            "option names"
        );
        assert!(!zh.body.contains(">Everyday Crew Tee<"));
        let fa = t.get(&format!("/fa{PRODUCT}"), None).await;
        assert!(
            fa.body.contains("تی\u{200c}شرت یقه\u{200c}گرد روزمره"),
            "Persian name"
        );
        let en = t.get(PRODUCT, None).await;
        assert!(
            en.body.contains("Everyday Crew Tee"),
            "English stays English"
        );

        // A category in Russian: its name, its products, and colours worded while the
        // filter's address keeps the catalogue's value (the same link in every language).
        let ru = t.get("/ru/c/t-shirts", None).await;
        assert_eq!(ru.status, 200);
        assert!(ru.body.contains("Футболки"));
        assert!(ru.body.contains("Плотные хлопковые футболки"));
        assert!(ru.body.contains("Повседневная футболка с круглым вырезом"));
        let colour =
            t.store.product("everyday-crew-tee").await.unwrap().options[1].values[0].clone();
        let russian = t.store.clone().in_language("ru");
        let label = russian.option_label(&colour).expect("a Russian colour");
        assert_ne!(label, colour);
        assert!(
            ru.body.contains(&format!(">{label} (")),
            "{label} in the facets"
        );
        assert!(
            ru.body.contains(&format!("value=\"{colour}\"")),
            "value kept in the form"
        );
        assert!(
            !ru.body.contains(&format!(">{colour} (")),
            "no English colour"
        );
        // The variant picker and the product's own words as the backend gives them.
        let p = russian.product("everyday-crew-tee").await.unwrap();
        assert_eq!(p.options[1].name, "Цвет");
        assert!(p.variants[0].options.contains(&label) || p.options[1].values.contains(&label));
        assert!(p.images[0]
            .alt
            .starts_with("Повседневная футболка с круглым вырезом, цвет «"));
    })
}

#[test]
fn search_finds_products_in_each_language() {
    common::run(async {
        let t = TestStore::new("catalogue-search");
        let found = |path: &str, name: &str| {
            let path = path.to_string();
            let name = name.to_string();
            let t = &t;
            async move {
                let r = t.get(&path, None).await;
                assert_eq!(r.status, 200, "{path}");
                assert!(r.body.contains(&name), "{path} finds {name}");
            }
        };
        let q = |s: &str| vitrine::api::listing::form_urlencode(s);
        // Chinese has no spaces: the whole name, a part of it, or one character finds it.
        found(&format!("/zh/search?q={}", q("马克杯")), "粗陶马克杯").await;
        found(&format!("/zh/search?q={}", q("马克")), "粗陶马克杯").await;
        found(&format!("/zh/search?q={}", q("日常圆领")), "日常圆领T恤").await;
        found(&format!("/zh/search?q={}", q("龟背竹")), "盆栽龟背竹").await;
        let mugs = t.get(&format!("/zh/search?q={}", q("马克杯")), None).await;
        assert!(!mugs.body.contains("龟背竹"), "only what matches");
        // Russian, finished or half typed.
        found(
            &format!("/ru/search?q={}", q("кружка")),
            "Керамическая кружка",
        )
        .await;
        found(
            &format!("/ru/search?q={}", q("монстер")),
            "Монстера в горшке",
        )
        .await;
        // Persian, with Arabic-keyboard letters, or without the joiner.
        found(&format!("/fa/search?q={}", q("ماگ")), "ماگ سفالی").await;
        found(&format!("/fa/search?q={}", q("كيف")), "کیف دستی برزنتی").await;
        found(
            &format!("/fa/search?q={}", q("تیشرت")),
            "تی\u{200c}شرت یقه\u{200c}گرد روزمره",
        )
        .await;
        found("/search?q=mug", "Stoneware Mug").await;
    })
}

#[test]
fn carts_and_orders_keep_the_language_they_were_bought_in() {
    common::run(async {
        let t = TestStore::new("catalogue-orders");
        let p = t.store.product("everyday-crew-tee").await.unwrap();
        let v = p.variants.iter().find(|v| v.stock >= 1).unwrap();
        let from = |lang: &str, endpoint: &str, form: String, cookie: Option<&str>| {
            let mut req = common::api_request(endpoint, &form, cookie);
            req.headers_mut().insert(
                header::REFERER,
                format!("http://{STORE_HOST}/{lang}{PRODUCT}")
                    .parse()
                    .unwrap(),
            );
            req
        };
        let added = t
            .send(from(
                "ru",
                "cart/add",
                format!("variant_id={}&quantity=1", v.id),
                None,
            ))
            .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let cart: serde_json::Value = serde_json::from_str(&added.body).unwrap();
        let line = &cart["lines"][0];
        assert_eq!(
            line["product_name"],
            "Повседневная футболка с круглым вырезом"
        );
        let colour = t
            .store
            .clone()
            .in_language("ru")
            .option_label(&v.options[1])
            .unwrap();
        assert_eq!(
            line["variant_title"],
            format!("{} / {colour}", v.options[0])
        );
        let cookie = added.cookie("vitrine_cart").unwrap();

        // Placed from the Chinese checkout: the order keeps the Chinese names.
        let placed = t
            .send(from(
                "zh",
                "checkout/place",
                format!("{}&attempt={:032x}", common::CHECKOUT_FORM, 0x5eed_u128),
                Some(&cookie),
            ))
            .await;
        let location = placed.header("location");
        assert!(location.starts_with("/zh/orders/"), "{location}");
        let (code, token) = location
            .trim_start_matches("/zh/orders/")
            .split_once("?t=")
            .unwrap();
        let order = t
            .call("orders/get", &format!("code={code}&token={token}"), None)
            .await
            .json::<vitrine::api::orders::TrackedOrder>()
            .order;
        assert_eq!(order.lines[0].product_name, "日常圆领T恤");
        let page = t.get(&format!("/zh/orders/{code}?t={token}"), None).await;
        assert!(page.body.contains("日常圆领T恤"));
        assert!(
            page.body.contains("标准配送"),
            "the delivery option in Chinese"
        );
    })
}

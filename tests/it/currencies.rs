//! Prices in more than one currency: each language shows its usual one until the shopper
//! chooses (remembered), every price comes from that currency's own list, and an order is
//! charged in the currency its checkout showed — never in another.

use crate::common::{self, TestStore};
use vitrine::commerce::backend::Commerce;
use vitrine::commerce::{prices, Currency, Money};

const PRODUCT: &str = "/p/everyday-crew-tee";

/// The product's first variant price in `currency`, as its list has it.
async fn listed(t: &TestStore, currency: Currency) -> Money {
    let p = t
        .store
        .clone()
        .in_currency(currency)
        .product("everyday-crew-tee")
        .await
        .unwrap();
    p.variants[0].price
}

#[test]
fn each_language_shows_its_usual_currency_until_the_shopper_chooses() {
    common::run(async {
        let t = TestStore::new("currency-pages");
        let usd = listed(&t, Currency::USD).await;
        let cny = listed(&t, Currency::CNY).await;
        let eur = listed(&t, Currency::EUR).await;
        // The lists are the base prices converted once, whole numbers all the way.
        assert_eq!(Some(cny), prices::convert(usd, Currency::CNY));
        assert_eq!(Some(eur), prices::convert(usd, Currency::EUR));

        let zh = t.get(&format!("/zh{PRODUCT}"), None).await;
        let yuan = vitrine::words::zh::money(cny);
        assert!(yuan.starts_with('¥'), "{yuan}");
        assert!(zh.body.contains(&yuan), "{yuan} on the Chinese page");
        let ru = t.get(&format!("/ru{PRODUCT}"), None).await;
        assert!(
            ru.body.contains(&vitrine::words::ru::money(eur)),
            "euros in Russian"
        );
        let en = t.get(PRODUCT, None).await;
        assert!(en.body.contains(&vitrine::words::en::money(usd)));
        // The yuan's price bands are drawn at yuan-sized steps.
        let shirts = t.get("/zh/c/t-shirts", None).await;
        assert!(shirts.body.contains("¥250"), "a yuan price band");

        // Choosing: remembered in a cookie, the same page again, now in euros.
        let chose = t
            .get(
                &format!("/currency/EUR?to=/zh{PRODUCT}%3Fvariant%3D1"),
                None,
            )
            .await;
        assert_eq!(chose.status, 303);
        assert_eq!(chose.header("location"), format!("/zh{PRODUCT}?variant=1"));
        let cookie = chose.cookie("currency").expect("the choice is remembered");
        assert_eq!(cookie, "currency=EUR");
        assert!(chose.header("set-cookie").contains("HttpOnly"));
        let zh_eur = t.get(&format!("/zh{PRODUCT}"), Some(&cookie)).await;
        assert!(
            zh_eur.body.contains(&vitrine::words::zh::money(eur)),
            "euros in Chinese"
        );
        assert!(!zh_eur.body.contains(&yuan));
        // The switcher offers every currency, the current one marked.
        assert!(zh_eur.body.contains("/currency/CNY?to="));
        assert!(zh_eur.body.contains("人民币"));

        assert_eq!(t.get("/currency/XYZ?to=/", None).await.status, 404);
        let away = t.get("/currency/EUR?to=//evil.example/", None).await;
        assert_eq!(away.header("location"), "/", "no open redirect");
    })
}

#[test]
fn an_order_is_charged_in_the_currency_its_checkout_showed() {
    common::run(async {
        let t = TestStore::new("currency-orders");
        let p = t.store.product("everyday-crew-tee").await.unwrap();
        let v = p.variants.iter().find(|v| v.stock >= 1).unwrap().clone();
        let add = t
            .call(
                "cart/add",
                &format!("variant_id={}&quantity=1", v.id),
                Some("currency=EUR"),
            )
            .await;
        let cart = add.cookie("vitrine_cart").unwrap();
        let euros = format!("{cart}; currency=EUR");
        let form = format!("{}&currency=EUR", common::CHECKOUT_FORM);

        // Shown in dollars, now in euros (another tab switched): refused, nothing charged.
        let stale = t
            .place(
                &euros,
                &format!("{}&currency=USD", common::CHECKOUT_FORM),
                1,
            )
            .await;
        assert_eq!(stale.status.as_u16(), 422, "{}", stale.body);
        let said = stale.error().to_string();
        assert!(said.contains("EUR") && said.contains("USD"), "{said}");
        let still = t.call("cart/get", "", Some(&euros)).await;
        assert!(still.body.contains(&v.id), "the cart is untouched");

        let placed = t.place(&euros, &form, 2).await;
        let order = t.placed_order(&placed).await;
        let unit = listed(&t, Currency::EUR).await;
        assert_eq!(order.totals.subtotal, unit);
        assert_eq!(order.totals.total.currency, Currency::EUR);
        // €4.50 delivery under €69 of goods; 8% tax on both.
        let shipping = if unit.minor >= 69_00 { 0 } else { 4_50 };
        let tax = ((unit.minor + shipping) * 8 + 50) / 100;
        assert_eq!(order.totals.total.minor, unit.minor + shipping + tax);
        // Read later in dollars, the order still says what was charged.
        let (code, token) = placed.order_link();
        let page = t
            .get(&format!("/orders/{code}?t={token}"), Some("currency=USD"))
            .await;
        assert!(page
            .body
            .contains(&vitrine::words::en::money(order.totals.total)));
    })
}

#[test]
fn every_variant_has_a_price_in_every_offered_currency() {
    common::run(async {
        let t = TestStore::new("currency-lists");
        for currency in prices::OFFERED {
            let items = t
                .store
                .clone()
                .in_currency(currency)
                .items(&vitrine::commerce::backend::ItemQuery {
                    limit: 10_000,
                    ..Default::default()
                })
                .await
                .unwrap();
            assert!(items.len() >= 128);
            for item in &items {
                assert_eq!(item.summary.price.currency, currency);
                assert!(item.summary.price.minor > 0, "{}", item.summary.handle);
                if let Some(was) = item.summary.compare_at {
                    assert!(
                        was.minor > item.summary.price.minor,
                        "a saving stays a saving"
                    );
                }
            }
        }
    })
}

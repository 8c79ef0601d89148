//! A real storefront instance on a real Vendure (on PostgreSQL), with a proxy between them
//! that breaks the way backends break: stopped, slow, answering garbage, and slow from the
//! moment a payment is sent. Through each a shopper browses, adds to the cart and places an
//! order; each time they read a clear message, their cart keeps exactly its lines, no order
//! is lost or made twice, and the store serves again on its own once the fault ends.

use crate::common::fault_proxy::{Fault, FaultProxy};
use crate::instances::{cart_of, start, Instance};
use std::time::{Duration, Instant};
use vitrine::commerce::backend::Commerce;

/// What every failed step must say: the store's words for an outage.
const NOTHING_CHANGED: &str = "Nothing was changed";

/// A page asked during a fault: an error page that says so, quickly.
async fn page_says_trouble(on: &Instance, path: &str, within: Duration) {
    let asked = Instant::now();
    let r = on.get(path).await;
    let took = asked.elapsed();
    assert!(
        r.status >= 500,
        "{path} during a fault: {} {}",
        r.status,
        &r.body[..r.body.len().min(300)]
    );
    assert!(
        r.body.contains("trouble"),
        "{path} tells the shopper: {}",
        &r.body[..r.body.len().min(600)]
    );
    assert!(took < within, "{path} took {took:?} during a fault");
}

/// The lines of the cart behind `cookie`: (variant, quantity).
async fn lines(on: &Instance, cookie: &str) -> Vec<(String, u32)> {
    let r = on.call("cart/get", "", Some(cookie)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let cart: vitrine::commerce::Cart = serde_json::from_str(&r.body).unwrap();
    cart.lines
        .into_iter()
        .map(|l| (l.variant_id, l.quantity))
        .collect()
}

fn checkout(email: &str, attempt: u32) -> String {
    crate::common::CHECKOUT_FORM.replace("ada%40example.com", email)
        + &format!("&attempt={attempt:032x}")
}

#[test]
fn a_shopper_rides_out_vendure_stopped_slow_and_garbled() {
    let Some((_, live)) = crate::common::vendure::on_postgres("Vendure faults") else {
        return;
    };
    crate::common::run(async {
        let proxy = FaultProxy::start(&live.host()).await;
        let dir = crate::common::temp_dir("vendure-faults");
        let shop_api = proxy.url("/shop-api");
        let a = start(
            &dir,
            &[
                ("VITRINE_BACKEND", "vendure"),
                ("VENDURE_SHOP_API", &shop_api),
                ("VENDURE_ORDER_PROOF_KEY", &live.proof_key),
                // Every product page asks Vendure, so each fault meets it (the copies a page
                // reuses for a few seconds are the contract's and tests/it/page_cache.rs's to
                // test).
                ("VENDURE_PRODUCT_TTL", "0"),
                ("VITRINE_PAGE_TTL", "0"),
            ],
        )
        .unwrap();
        let direct = live.store().await;
        let laptop = direct.product("laptop").await.unwrap();
        let in_stock: Vec<String> = laptop
            .variants
            .iter()
            .filter(|v| v.stock >= 3)
            .map(|v| v.id.clone())
            .collect();
        let (first, second) = (&in_stock[0], &in_stock[1]);
        assert_eq!(a.get("/p/laptop").await.status, 200);
        let cookie = cart_of(&a, first, 1).await;
        let kept = vec![(first.clone(), 1)];

        // Each fault: a page, an add and a Place order, each refused with the outage's words.
        for fault in [Fault::Stopped, Fault::Garbage] {
            proxy.set(fault.clone());
            page_says_trouble(&a, "/p/laptop", Duration::from_secs(3)).await;
            let add = format!("variant_id={second}&quantity=1");
            let r = a.call("cart/add", &add, Some(&cookie)).await;
            assert_eq!(r.status, 503, "add during {fault:?}: {}", r.body);
            assert!(r.body.contains(NOTHING_CHANGED), "{}", r.body);
            let place = checkout("stopped%40example.com", 0xfa17);
            let r = a.call("checkout/place", &place, Some(&cookie)).await;
            assert_eq!(r.status, 503, "place during {fault:?}: {}", r.body);
            assert!(r.body.contains(NOTHING_CHANGED), "{}", r.body);

            proxy.set(Fault::None);
            assert_eq!(lines(&a, &cookie).await, kept, "after {fault:?}");
            assert_eq!(a.get("/p/laptop").await.status, 200, "back after {fault:?}");
        }
        assert_eq!(live.orders_of("stopped@example.com"), 0);

        // Slow: the first page waits out one timeout, the next ones are answered at once; a
        // listing already loaded is still shown.
        let listing = a.get("/c/computers").await;
        assert_eq!(listing.status, 200);
        proxy.set(Fault::Slow(Duration::from_secs(8)));
        page_says_trouble(&a, "/p/laptop", Duration::from_secs(9)).await;
        page_says_trouble(&a, "/p/curvy-monitor", Duration::from_secs(1)).await;
        let asked = Instant::now();
        assert_eq!(a.get("/c/computers").await.status, 200, "the listing copy");
        assert!(asked.elapsed() < Duration::from_secs(1));
        proxy.set(Fault::None);
        back_within(&a, Duration::from_secs(12)).await;

        // An add whose answer is late: it did reach Vendure, and the shopper is told so.
        proxy.set(Fault::SlowFrom {
            marker: r#""operationName":"AddItem""#.into(),
            delay: Duration::from_secs(7),
        });
        let add = format!("variant_id={second}&quantity=1");
        let r = a.call("cart/add", &add, Some(&cookie)).await;
        proxy.set(Fault::None);
        back_within(&a, Duration::from_secs(12)).await;
        let now = lines(&a, &cookie).await;
        assert_eq!(
            now,
            vec![(first.clone(), 1), (second.clone(), 1)],
            "the late add is in the cart once"
        );
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(
            r.body.contains("did not confirm") && !r.body.contains(NOTHING_CHANGED),
            "an add that may have happened is not called unchanged: {}",
            r.body
        );

        // A payment whose answer never comes: the order was placed; the same attempt shows it
        // once Vendure answers, and it exists once.
        proxy.set(Fault::SlowFrom {
            marker: r#""operationName":"AddPayment""#.into(),
            delay: Duration::from_secs(12),
        });
        let place = checkout("slow%40example.com", 0x51_0e);
        let asked = Instant::now();
        let r = a.call("checkout/place", &place, Some(&cookie)).await;
        assert!(
            asked.elapsed() < Duration::from_secs(15),
            "the shopper waited {:?}",
            asked.elapsed()
        );
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(r.body.contains("did not confirm"), "{}", r.body);
        assert!(
            !r.body.contains(NOTHING_CHANGED),
            "an order that may be placed is not called unchanged"
        );
        proxy.set(Fault::None);
        let again = a.call("checkout/place", &place, Some(&cookie)).await;
        assert_eq!(again.status, 200, "{}", again.body);
        assert!(again.location.starts_with("/orders/"), "{}", again.location);
        assert_eq!(live.orders_of("slow@example.com"), 1, "one order");
        let code = again.location["/orders/".len()..]
            .split('?')
            .next()
            .unwrap();
        let order = direct.order(code).await.unwrap();
        let mut ordered: Vec<_> = order
            .lines
            .iter()
            .map(|l| (l.variant_id.clone(), l.quantity))
            .collect();
        ordered.sort();
        let mut wanted = now.clone();
        wanted.sort();
        assert_eq!(ordered, wanted, "the order has the cart's lines");
        let twice = a.call("checkout/place", &place, Some(&cookie)).await;
        assert!(
            twice.location.starts_with(&format!("/orders/{code}?")),
            "a third click shows it again: {} {} {}",
            twice.status,
            twice.location,
            twice.body
        );
        assert_eq!(live.orders_of("slow@example.com"), 1, "still one order");
        drop(a);
        let _ = std::fs::remove_dir_all(&dir);
    })
}

/// Waits out the cool-down after a timeout: pages answer again, on their own.
async fn back_within(on: &Instance, limit: Duration) {
    let since = Instant::now();
    while on.get("/p/laptop").await.status != 200 {
        assert!(since.elapsed() < limit, "no page {limit:?} after the fault");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

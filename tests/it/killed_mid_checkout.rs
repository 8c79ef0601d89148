//! A storefront instance killed in the middle of a Place order, while another keeps serving:
//! two real instances share one PostgreSQL and one Vendure (on PostgreSQL). The first one's
//! way to Vendure passes a proxy that holds its answers back from a chosen step, so the
//! instance is surely mid-checkout when it is killed (SIGKILL). The shopper's retry of the
//! same Place order lands on the other instance: within seconds it shows the one order,
//! whether the dead instance had already sent the payment or not.

use crate::common::fault_proxy::{Fault, FaultProxy};
use crate::instances::{cart_of, start};
use std::time::{Duration, Instant};
use vitrine::commerce::backend::Commerce;

/// At most how long the retry may take: the dead instance's lease (10 s) and room to spare.
const RETRY_WITHIN: Duration = Duration::from_secs(20);

#[test]
fn a_checkout_cut_off_by_a_killed_instance_ends_on_another_with_one_order() {
    let Some((pg, live)) = crate::common::vendure::on_postgres("killed instance") else {
        return;
    };
    crate::common::run(async {
        let url = vitrine::storefront::postgres::fresh_schema(&pg, "it_killed")
            .await
            .unwrap();
        let proxy = FaultProxy::start(&live.host()).await;
        let through_proxy = proxy.url("/shop-api");
        let start_on = |dir: &std::path::Path, shop_api: &str| {
            let env = [
                ("VITRINE_BACKEND", "vendure"),
                ("VENDURE_SHOP_API", shop_api),
                ("VENDURE_ORDER_PROOF_KEY", live.proof_key.as_str()),
                ("VITRINE_DATABASE_URL", url.as_str()),
            ];
            start(dir, &env).unwrap()
        };
        let b_dir = crate::common::temp_dir("killed-b");
        let b = start_on(&b_dir, &live.shop_api);
        let direct = live.store().await;
        let laptop = direct.product("laptop").await.unwrap();
        let variant = laptop
            .variants
            .iter()
            .find(|v| v.stock >= 3)
            .expect("a laptop in stock")
            .id
            .clone();

        // Killed once the payment is on its way to Vendure (it is paid), and once before it
        // was sent (it is not).
        for (step, email, attempt) in [
            ("AddPayment", "paid-then-killed", 0xdead1),
            ("SetShippingMethod", "killed-before-paying", 0xdead2),
        ] {
            let a_dir = crate::common::temp_dir("killed-a");
            let a = start_on(&a_dir, &through_proxy);
            let cookie = cart_of(&a, &variant, 1).await;
            let form = crate::common::CHECKOUT_FORM.replace("ada", email)
                + &format!("&attempt={attempt:032x}");
            proxy.set(Fault::SlowFrom {
                marker: format!(r#""operationName":"{step}""#),
                delay: Duration::from_secs(4),
            });
            let first = a.try_call("checkout/place", &form, Some(&cookie));
            let killer = async {
                while !proxy.tripped() {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                // The step has reached Vendure; its answer is held back.
                tokio::time::sleep(Duration::from_millis(500)).await;
                a.kill();
            };
            let (first, ()) = tokio::join!(first, killer);
            assert!(
                first.is_err(),
                "{step}: the killed instance never answered: {:?}",
                first.map(|r| (r.status, r.body))
            );
            proxy.set(Fault::None);

            let asked = Instant::now();
            let retry = b.call("checkout/place", &form, Some(&cookie)).await;
            let took = asked.elapsed();
            assert_eq!(
                retry.status, 200,
                "{step}: the retry on the other instance shows the order: {} {}",
                retry.location, retry.body
            );
            assert!(
                retry.location.starts_with("/orders/"),
                "{step}: {}",
                retry.location
            );
            assert!(took < RETRY_WITHIN, "{step}: the retry took {took:?}");
            let email = format!("{email}@example.com");
            assert_eq!(live.orders_of(&email), 1, "{step}: one order");
            let code = retry.location["/orders/".len()..]
                .split('?')
                .next()
                .unwrap();
            let order = direct.order(code).await.unwrap();
            let lines: Vec<_> = order
                .lines
                .iter()
                .map(|l| (l.variant_id.clone(), l.quantity))
                .collect();
            assert_eq!(lines, vec![(variant.clone(), 1)], "{step}: the cart's line");
            let again = b.call("checkout/place", &form, Some(&cookie)).await;
            assert!(
                again.location.starts_with(&format!("/orders/{code}?")),
                "{step}: another click shows it again: {} {}",
                again.status,
                again.location
            );
            assert_eq!(live.orders_of(&email), 1, "{step}: still one order");
            drop(a);
            let _ = std::fs::remove_dir_all(a_dir);
        }
        drop(b);
        let _ = std::fs::remove_dir_all(b_dir);
    })
}

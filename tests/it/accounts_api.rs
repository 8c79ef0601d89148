//! Accounts: a password is stored only as an argon2id hash; a wrong password and an unknown
//! email read the same; a signed-in shopper's orders and addresses are kept, and checkout is
//! filled in for them.

use crate::common;

use common::{cart_with_item, TestStore, CHECKOUT_FORM};
use vitrine::api::account::AccountData;
use vitrine::api::checkout::CheckoutData;
use vitrine::api::ApiError;

const PASSWORD: &str = "correct+horse+battery";

async fn register(t: &TestStore) -> String {
    let r = t
        .call(
            "account/register",
            &format!("email=Ada%40Example.com&name=Ada+Lovelace&password={PASSWORD}"),
            None,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.cookie("vitrine_session")
        .expect("signed in after registering")
}

#[test]
fn a_password_is_kept_only_as_an_argon2_hash_and_bad_sign_ins_read_alike() {
    common::run(async {
        let t = TestStore::new("accounts");
        register(&t).await;
        let stored: String = rusqlite::Connection::open(t.dir.join("vitrine.sqlite3"))
            .unwrap()
            .query_row("SELECT password_hash FROM customers", [], |r| r.get(0))
            .unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("correct"));

        let again = t
            .call(
                "account/register",
                &format!("email=ada%40example.com&name=A&password={PASSWORD}"),
                None,
            )
            .await;
        assert!(matches!(again.error(), ApiError::Field { field, .. } if field == "email"));
        let short = t
            .call(
                "account/register",
                "email=b%40example.com&name=B&password=short",
                None,
            )
            .await;
        assert!(matches!(short.error(), ApiError::Field { field, .. } if field == "password"));

        let wrong = t
            .call(
                "account/sign-in",
                "email=ada%40example.com&password=wrong-password",
                None,
            )
            .await
            .error();
        let nobody = t
            .call(
                "account/sign-in",
                &format!("email=nobody%40example.com&password={PASSWORD}"),
                None,
            )
            .await
            .error();
        assert_eq!(wrong, nobody);
        let ok = t
            .call(
                "account/sign-in",
                &format!("email=ADA%40example.com&password={PASSWORD}"),
                None,
            )
            .await;
        let session = ok.cookie("vitrine_session").expect("a session");
        assert!(ok.header("set-cookie").contains("HttpOnly"));
        let account: Option<AccountData> = t.call("account/get", "", Some(&session)).await.json();
        assert_eq!(account.unwrap().customer.email, "ada@example.com");

        // A session cookie we did not sign is a guest.
        let forged = format!("{}0", &session[..session.len() - 1]);
        let forged = if forged == session {
            format!("{}1", &session[..session.len() - 1])
        } else {
            forged
        };
        let account: Option<AccountData> = t.call("account/get", "", Some(&forged)).await.json();
        assert!(account.is_none());
    })
}

#[test]
fn a_signed_in_shoppers_orders_and_address_are_kept_and_fill_the_next_checkout() {
    common::run(async {
        let t = TestStore::new("accounts-orders");
        let session = register(&t).await;
        let cart = cart_with_item(&t).await;
        let both = format!("{cart}; {session}");
        let placed = t.place(&both, CHECKOUT_FORM, 1).await;
        let (code, _) = placed.order_link();

        let account: AccountData = t
            .call("account/get", "", Some(&session))
            .await
            .json::<Option<AccountData>>()
            .unwrap();
        assert_eq!(account.orders.len(), 1);
        assert_eq!(account.orders[0].0.code, code);
        assert_eq!(account.customer.addresses[0].city, "London");
        let page = t.get("/account", Some(&session)).await;
        assert!(page.body.contains(&code), "order history on the page");

        let cart = cart_with_item(&t).await;
        let data: CheckoutData = t
            .call("checkout/get", "", Some(&format!("{cart}; {session}")))
            .await
            .json();
        assert!(data.signed_in);
        let filled = data.prefill.unwrap();
        assert_eq!(filled.email, "ada@example.com");
        assert_eq!(filled.address.postcode, "SW1Y 4JH");

        let out = t.call("account/sign-out", "", Some(&session)).await;
        assert!(out
            .header("set-cookie")
            .contains("vitrine_session=; Path=/; Max-Age=0"));
    })
}

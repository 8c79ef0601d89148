//! A gift ships to the recipient with its message and, when asked, a packing slip without
//! prices; "remember my details" is opt-in, signed, and forgotten on request.

use crate::common;

use common::{cart_with_item, TestStore, CHECKOUT_FORM};
use vitrine::api::checkout::CheckoutData;
use vitrine::api::ApiError;

const GIFT: &str = "&gift=on&gift_message=Happy+birthday%2C+Grace%21&gift_hide_prices=on&recipient_name=Grace+Hopper&recipient_line1=1+Navy+Yard&recipient_city=Arlington&recipient_postcode=22202&recipient_country=US";

#[test]
fn a_gift_ships_to_the_recipient_and_its_slip_can_leave_out_prices() {
    common::run(async {
        let t = TestStore::new("gift");
        let cookie = cart_with_item(&t).await;
        let r = t.place(&cookie, &format!("{CHECKOUT_FORM}{GIFT}"), 1).await;
        let (code, token) = r.order_link();
        let order = t.placed_order(&r).await;
        assert_eq!(order.address.name, "Grace Hopper");
        assert_eq!(order.billing.unwrap().name, "Ada Lovelace");
        let gift = order.gift.unwrap();
        assert_eq!(gift.message, "Happy birthday, Grace!");
        assert!(gift.hide_prices);

        let slip = t.admin_get(&format!("/admin/orders/{code}/slip")).await;
        assert_eq!(slip.status, 200);
        assert!(slip.body.contains("Grace Hopper") && slip.body.contains("Happy birthday"));
        assert!(
            !slip.body.contains('$'),
            "no prices on a gift slip:\n{}",
            slip.body
        );
        let page = t.get(&format!("/orders/{code}?t={token}"), None).await;
        assert!(page.body.contains("Prices are left off the packing slip."));
    })
}

#[test]
fn a_gift_without_a_recipient_address_is_refused_by_field() {
    common::run(async {
        let t = TestStore::new("gift-bad");
        let cookie = cart_with_item(&t).await;
        let r = t
            .place(&cookie, &format!("{CHECKOUT_FORM}&gift=on"), 2)
            .await;
        assert!(matches!(
            r.error(),
            ApiError::Field { field, .. } if field == "recipient_name"
        ));
        // An ordinary order's slip shows what was paid.
        let r = t.place(&cookie, CHECKOUT_FORM, 3).await;
        let (code, _) = r.order_link();
        let slip = t.admin_get(&format!("/admin/orders/{code}/slip")).await;
        assert!(slip.body.contains("Total paid: $"), "{}", slip.body);
    })
}

#[test]
fn details_are_remembered_only_when_asked_and_only_if_we_signed_them() {
    common::run(async {
        let t = TestStore::new("remember");
        let cookie = cart_with_item(&t).await;
        let plain = t.place(&cookie, CHECKOUT_FORM, 4).await;
        assert!(
            plain.cookie("vitrine_details").is_none(),
            "nothing without opt-in"
        );

        let cookie = cart_with_item(&t).await;
        let opted = t
            .place(
                &cookie,
                &format!(
                    "{}&remember=on",
                    CHECKOUT_FORM.replace("payment=card", "payment=delivery")
                ),
                5,
            )
            .await;
        let details = opted.cookie("vitrine_details").expect("remembered");
        let set_cookie = opted.header("set-cookie");
        assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
        // The cookie is base64url(JSON).mac: the card must not be in what it encodes (the raw
        // header can hold "4242" by chance, in the base64 or the mac).
        use base64::Engine;
        let value = details.split_once('=').unwrap().1;
        let payload = value.split('.').next().unwrap();
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .expect("base64url");
        let json = String::from_utf8(json).unwrap();
        assert!(json.contains("ada@example.com"), "{json}");
        assert!(!json.contains("4242"), "never the card: {json}");

        let cookie = cart_with_item(&t).await;
        let both = format!("{cookie}; {details}");
        let data: CheckoutData = t.call("checkout/get", "", Some(&both)).await.json();
        let remembered = data.prefill.expect("prefilled");
        assert_eq!(remembered.email, "ada@example.com");
        assert_eq!(remembered.address.city, "London");

        // One character changed in the payload: not ours, so not trusted.
        let mut forged = details.clone();
        let i = forged.find('=').unwrap() + 3;
        forged.replace_range(i..i + 1, if &forged[i..i + 1] == "0" { "1" } else { "0" });
        let data: CheckoutData = t
            .call("checkout/get", "", Some(&format!("{cookie}; {forged}")))
            .await
            .json();
        assert!(data.prefill.is_none() && !data.remembered);

        let forget = t.call("checkout/forget", "", Some(&both)).await;
        assert!(forget
            .header("set-cookie")
            .contains("vitrine_details=; Path=/; Max-Age=0"));
    })
}

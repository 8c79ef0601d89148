//! The embedded backend's own guarantees: seeding, persistence, and orders that take stock in
//! one transaction.

use crate::common;

use vitrine::commerce::backend::{Commerce, CommerceError, PlaceOrder};
use vitrine::commerce::checkout::{self, PaymentMethod};
use vitrine::commerce::embedded::EmbeddedStore;

fn order(key: &str) -> PlaceOrder {
    PlaceOrder {
        payment: PaymentMethod::PayOnDelivery,
        ..common::guest_order("standard", key)
    }
}

async fn stocked(store: &EmbeddedStore) -> (String, u32) {
    let p = store.product("everyday-crew-tee").await.unwrap();
    let v = p.variants.iter().find(|v| v.stock >= 2).unwrap();
    (v.id.clone(), v.stock)
}

#[tokio::test]
async fn the_catalogue_is_seeded_once_and_survives_a_restart() {
    let dir = common::temp_dir("persist");
    let store = EmbeddedStore::open(&dir, false).unwrap();
    let categories = store.categories().await.unwrap();
    assert!(categories.len() >= 8);
    let total: u32 = categories.iter().map(|c| c.product_count).sum();
    assert!(total >= 120, "{total} products");
    let (id, _) = stocked(&store).await;
    let cart = store.add_to_cart(None, &id, 1).await.unwrap();
    drop(store);

    let reopened = EmbeddedStore::open(&dir, false).unwrap();
    assert_eq!(reopened.cart(&cart.token).await.unwrap().item_count, 1);
    let total_again: u32 = reopened
        .categories()
        .await
        .unwrap()
        .iter()
        .map(|c| c.product_count)
        .sum();
    assert_eq!(total_again, total, "no second seeding");
    drop(reopened);

    let reset = EmbeddedStore::open(&dir, true).unwrap();
    assert_eq!(
        reset.cart(&cart.token).await,
        Err(CommerceError::InvalidCartToken)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn placing_an_order_takes_stock_once_per_checkout_attempt() {
    let dir = common::temp_dir("order");
    let store = EmbeddedStore::open(&dir, false).unwrap();
    let (id, stock) = stocked(&store).await;
    let cart = store.add_to_cart(None, &id, 2).await.unwrap();

    let first = store
        .place_order(&cart.token, &order("attempt-1"))
        .await
        .unwrap();
    assert_eq!(first.lines.len(), 1);
    assert_eq!(first.lines[0].quantity, 2);
    let shipping = &checkout::shipping_options(cart.cart.subtotal)[0];
    assert_eq!(
        first.totals,
        checkout::totals(
            cart.cart.subtotal,
            vitrine::commerce::Money::zero(cart.cart.subtotal.currency),
            shipping.price,
            checkout::Terms::house(cart.cart.subtotal).tax
        )
        .unwrap()
    );
    assert_eq!(first.address.city, "London");
    assert_eq!(
        first.delivery,
        checkout::delivery_window(first.placed_at, shipping)
    );
    assert!(
        store.cart(&cart.token).await.unwrap().is_empty(),
        "cart is emptied"
    );
    // A replay of the same attempt gets the same order, and takes no more stock.
    let replay = store
        .place_order(&cart.token, &order("attempt-1"))
        .await
        .unwrap();
    assert_eq!(replay.code, first.code);
    let p = store.product("everyday-crew-tee").await.unwrap();
    assert_eq!(p.variant(&id).unwrap().stock, stock - 2);
    assert_eq!(store.order(&first.code).await.unwrap(), first);
    // A new attempt on the now-empty cart is refused.
    assert_eq!(
        store.place_order(&cart.token, &order("attempt-2")).await,
        Err(CommerceError::EmptyCart)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_last_unit_goes_to_one_shopper_only() {
    let dir = common::temp_dir("race");
    let store = EmbeddedStore::open(&dir, false).unwrap();
    let (id, stock) = stocked(&store).await;
    let a = store.add_to_cart(None, &id, stock.min(99)).await.unwrap();
    let b = store.add_to_cart(None, &id, stock.min(99)).await.unwrap();
    let (order_a, order_b) = (order("a"), order("b"));
    let (ra, rb) = tokio::join!(
        store.place_order(&a.token, &order_a),
        store.place_order(&b.token, &order_b)
    );
    assert!(
        ra.is_ok() != rb.is_ok(),
        "exactly one order wins: {ra:?} / {rb:?}"
    );
    let (loser, loser_token) = if ra.is_ok() {
        (rb, &b.token)
    } else {
        (ra, &a.token)
    };
    assert!(matches!(loser, Err(CommerceError::OutOfStock { .. })));
    // The loser's cart is intact, so they can change it and try again.
    assert_eq!(
        store.cart(loser_token).await.unwrap().item_count,
        stock.min(99)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn malformed_and_unknown_tokens_are_refused_by_the_backend() {
    let dir = common::temp_dir("tokens");
    let store = EmbeddedStore::open(&dir, false).unwrap();
    for token in [
        "",
        "short",
        "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
        "' OR 1=1 --",
        "0123456789abcdef0123456789abcdef",
    ] {
        assert_eq!(
            store.cart(token).await,
            Err(CommerceError::InvalidCartToken),
            "{token}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_store_knows_its_words_items_and_order_history() {
    use vitrine::commerce::backend::{Commerce, ItemQuery};
    let dir = std::env::temp_dir().join(format!("vt-items-{}", std::process::id()));
    let store = vitrine::commerce::embedded::EmbeddedStore::open(&dir, true).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let terms = rt.block_on(store.search_terms()).unwrap();
    assert!(terms.iter().any(|(t, n)| t == "sneakers" && *n >= 16));
    let items = rt
        .block_on(store.items(&ItemQuery {
            category: Some("sneakers".into()),
            limit: 100,
            ..Default::default()
        }))
        .unwrap();
    assert_eq!(items.len(), 16);
    assert!(items
        .iter()
        .all(|i| !i.sizes.is_empty() && !i.colours.is_empty()));
    assert!(
        items.iter().any(|i| i.sold > 0),
        "the seeded history sold sneakers"
    );
    let picked = rt
        .block_on(store.items(&ItemQuery {
            handles: Some(vec!["everyday-crew-tee".into()]),
            limit: 10,
            ..Default::default()
        }))
        .unwrap();
    assert_eq!(picked.len(), 1);
    let baskets = rt.block_on(store.baskets(50)).unwrap();
    assert_eq!(baskets.len(), 50);
    assert!(baskets.iter().all(|b| !b.is_empty()));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A data folder made before the catalogue had languages (no translations, a search index of
/// one row per product) gets both when the new release opens it; carts and orders stay.
#[tokio::test]
async fn an_older_data_folder_gets_the_catalogue_in_every_language() {
    let dir = common::temp_dir("texts-upgrade");
    let store = EmbeddedStore::open(&dir, false).unwrap();
    let (id, _) = stocked(&store).await;
    let cart = store.add_to_cart(None, &id, 1).await.unwrap();
    let file = store.path().to_path_buf();
    drop(store);
    let old = rusqlite::Connection::open(&file).unwrap();
    old.execute_batch(
        "DELETE FROM product_texts; DELETE FROM category_texts; DELETE FROM phrases;
         DELETE FROM meta WHERE key = 'texts_version';
         DROP TABLE product_search;
         CREATE VIRTUAL TABLE product_search USING fts5(name, brand, category, description);",
    )
    .unwrap();
    drop(old);

    let store = std::sync::Arc::new(EmbeddedStore::open(&dir, false).unwrap());
    assert_eq!(store.cart(&cart.token).await.unwrap().item_count, 1);
    let zh = store.clone().in_language("zh");
    assert_eq!(
        zh.product("stoneware-mug").await.unwrap().name,
        "粗陶马克杯"
    );
    let words = vitrine::discovery::query::plan(
        "马克杯",
        &vitrine::discovery::spelling::Vocabulary::new(zh.search_terms().await.unwrap()),
        &Default::default(),
    )
    .unwrap()
    .words;
    let found = zh
        .items(&vitrine::commerce::backend::ItemQuery {
            words: Some(words),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(found.iter().any(|i| i.summary.name == "粗陶马克杯"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// After a sale the listing reads again only the products sold, and lists exactly what a
/// store reading its whole catalogue afresh lists: the sold product's sales counted, the last
/// units' product out of stock, everything else as it was.
#[tokio::test]
async fn a_listing_after_sales_is_what_a_fresh_read_lists() {
    use vitrine::commerce::backend::ItemQuery;
    let dir = common::temp_dir("listing-refresh");
    let store = EmbeddedStore::open(&dir, false).unwrap();
    let all = ItemQuery {
        limit: 100_000,
        ..Default::default()
    };
    let before = store.items(&all).await.unwrap();
    let sold = |items: &[vitrine::discovery::Item], handle: &str| {
        items
            .iter()
            .find(|i| i.summary.handle == handle)
            .map(|i| (i.sold, i.summary.in_stock))
            .unwrap()
    };
    // Two tees, then every unit of a one-variant product's stock.
    let (tee, _) = stocked(&store).await;
    let cart = store.add_to_cart(None, &tee, 2).await.unwrap();
    store
        .place_order(&cart.token, &order("tees"))
        .await
        .unwrap();
    let single = before
        .iter()
        .map(|i| i.summary.handle.clone())
        .find(|h| h != "everyday-crew-tee")
        .unwrap();
    let product = store.product(&single).await.unwrap();
    for (n, v) in product.variants.iter().filter(|v| v.stock > 0).enumerate() {
        let cart = store.add_to_cart(None, &v.id, v.stock).await.unwrap();
        store
            .place_order(&cart.token, &order(&format!("last-{n}")))
            .await
            .unwrap();
    }
    let after = store.items(&all).await.unwrap();
    let (tees_before, _) = sold(&before, "everyday-crew-tee");
    assert_eq!(sold(&after, "everyday-crew-tee").0, tees_before + 2);
    assert!(!sold(&after, &single).1, "{single} is sold out");
    let fresh = EmbeddedStore::open(&dir, false).unwrap();
    assert_eq!(after, fresh.items(&all).await.unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

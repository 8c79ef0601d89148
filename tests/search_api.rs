//! Search through the server function and the page: whole and half-typed words find the
//! right products, best match first; hostile input never breaks the query; no match says so.

mod common;

use common::TestStore;
use vitrine::api::catalog::SearchResults;

async fn search(t: &TestStore, q: &str) -> SearchResults {
    let r = t
        .call("catalog/search", &format!("q={q}&page=1"), None)
        .await;
    assert_eq!(r.status, 200, "{q}: {}", r.body);
    r.json()
}

#[test]
fn words_and_half_typed_words_find_products_best_match_first() {
    common::run(async {
        let t = TestStore::new("search");
        let crew = search(&t, "crew+tee").await;
        assert_eq!(
            crew.products.items[0].handle, "everyday-crew-tee",
            "name match first"
        );
        assert!(crew.products.items.iter().all(|p| {
            let n = p.name.to_lowercase();
            n.contains("crew") || n.contains("tee")
        }));
        let typing = search(&t, "sneak").await;
        assert!(typing.products.total > 0, "a prefix already finds sneakers");
        let none = search(&t, "zzzqqq").await;
        assert_eq!(none.products.total, 0);
        for hostile in ["%22", "*", "NEAR%28", "a%22+OR+%22b", "%29%28"] {
            search(&t, hostile).await;
        }
        let page = t.get("/search?q=pocket", None).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Heavyweight Pocket Tee"));
        let empty = t.get("/search?q=zzzqqq", None).await;
        assert!(empty.body.contains("Nothing matches"));
    })
}

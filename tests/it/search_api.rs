//! Search and listings through the server functions and pages: misspelt, half-typed and
//! synonym words find the right products; facets count and filter the way a shopper expects;
//! sorting and pages hold; suggestions come as the shopper types; hostile input never breaks
//! anything.

use crate::common;

use common::TestStore;
use vitrine::api::listing::{Listing, Suggestions};

async fn listing(t: &TestStore, form: &str) -> Listing {
    let r = t.call("catalog/listing", form, None).await;
    assert_eq!(r.status, 200, "{form}: {}", r.body);
    r.json()
}

async fn search(t: &TestStore, q: &str) -> Listing {
    listing(t, &format!("params[q]={q}")).await
}

fn names(l: &Listing) -> Vec<String> {
    l.products
        .items
        .iter()
        .map(|p| p.name.to_lowercase())
        .collect()
}

#[test]
fn words_half_words_misspellings_and_synonyms_find_products() {
    common::run(async {
        let t = TestStore::new("search-words");
        let crew = search(&t, "crew+tee").await;
        assert_eq!(
            crew.products.items[0].handle, "everyday-crew-tee",
            "name match first"
        );
        assert!(names(&crew)
            .iter()
            .all(|n| n.contains("crew") || n.contains("tee")));
        assert_eq!(crew.corrected, None);

        let typing = search(&t, "sneak").await;
        assert!(
            typing.products.total >= 16,
            "a prefix already finds every sneaker"
        );

        let typo = search(&t, "snekers").await;
        assert_eq!(typo.corrected.as_deref(), Some("sneakers"));
        assert_eq!(typo.products.total, typing.products.total);

        let synonym = search(&t, "trainers").await;
        assert_eq!(synonym.corrected, None, "a synonym is not a typo");
        assert_eq!(synonym.products.total, typing.products.total);

        let none = search(&t, "zzzqqq").await;
        assert_eq!(none.products.total, 0);
        assert!(
            !none.popular.is_empty(),
            "nothing found still shows best sellers"
        );

        let mixed = search(&t, "sneakers+zzzqqq").await;
        assert_eq!(mixed.products.total, 0);
        assert_eq!(mixed.did_you_mean.as_deref(), Some("sneakers"));

        for hostile in ["%22", "*", "NEAR%28", "a%22+OR+%22b", "%29%28", "%00%01"] {
            search(&t, hostile).await;
        }
    })
}

#[test]
fn facets_count_filter_and_combine() {
    common::run(async {
        let t = TestStore::new("search-facets");
        let all = listing(&t, "params[category]=t-shirts").await;
        assert_eq!(all.products.total, 16);
        assert!(
            all.facets.categories.is_empty(),
            "no category facet on a category page"
        );
        let ink = all
            .facets
            .colours
            .iter()
            .find(|c| c.value == "Ink")
            .expect("some tee is Ink");
        let sand = all
            .facets
            .colours
            .iter()
            .find(|c| c.value == "Sand")
            .expect("some tee is Sand");

        let one = listing(
            &t,
            "params[category]=t-shirts&params[filters][colours][0]=Ink",
        )
        .await;
        assert_eq!(
            one.products.total, ink.count,
            "the count promised is the count shown"
        );
        let sand_now = one
            .facets
            .colours
            .iter()
            .find(|c| c.value == "Sand")
            .unwrap();
        assert_eq!(
            sand_now.count, sand.count,
            "ticking Ink leaves Sand's count alone"
        );

        let two = listing(
            &t,
            "params[category]=t-shirts&params[filters][colours][0]=Ink&params[filters][colours][1]=Sand",
        )
        .await;
        assert!(two.products.total >= one.products.total.max(sand.count));
        assert!(two.products.total <= ink.count + sand.count);

        let narrow = listing(
            &t,
            "params[category]=t-shirts&params[filters][colours][0]=Ink&params[filters][sizes][0]=XL\
             &params[filters][in_stock]=true&params[sort]=PriceLow",
        )
        .await;
        assert!(narrow.products.total <= one.products.total);
        let prices: Vec<i64> = narrow
            .products
            .items
            .iter()
            .map(|p| p.price.minor)
            .collect();
        assert!(
            prices.windows(2).all(|w| w[0] <= w[1]),
            "cheapest first: {prices:?}"
        );
        assert!(narrow.products.items.iter().all(|p| p.in_stock));

        let nothing = listing(
            &t,
            "params[category]=t-shirts&params[filters][colours][0]=Mauve",
        )
        .await;
        assert_eq!(nothing.products.total, 0);
        assert!(nothing
            .facets
            .colours
            .iter()
            .any(|c| c.value == "Mauve" && c.selected));
    })
}

#[test]
fn sorting_and_pages_hold_across_a_search() {
    common::run(async {
        let t = TestStore::new("search-sort");
        let first = listing(&t, "params[q]=made&params[sort]=PriceHigh").await;
        assert!(
            first.products.total > 24,
            "every product is \"made from\" something"
        );
        let second = listing(&t, "params[q]=made&params[sort]=PriceHigh&params[page]=2").await;
        assert_eq!(second.products.page, 2);
        let last_of_first = first.products.items.last().unwrap().price.minor;
        assert!(second
            .products
            .items
            .iter()
            .all(|p| p.price.minor <= last_of_first));
        let beyond = listing(&t, "params[q]=made&params[page]=999").await;
        assert_eq!(
            beyond.products.page,
            beyond.products.page_count(),
            "past the end shows the last page"
        );

        let selling = listing(&t, "params[category]=t-shirts&params[sort]=BestSelling").await;
        let newest = listing(&t, "params[category]=t-shirts&params[sort]=Newest").await;
        assert_ne!(
            selling.products.items[0].handle,
            newest.products.items[0].handle
        );
    })
}

#[test]
fn suggestions_come_from_half_typed_and_misspelt_words() {
    common::run(async {
        let t = TestStore::new("search-suggest");
        let r = t.call("catalog/suggest", "q=snek", None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let s: Suggestions = r.json();
        let hrefs: Vec<&str> = s.choices.iter().map(|c| c.href.as_str()).collect();
        assert_eq!(
            hrefs.first(),
            Some(&"/c/sneakers"),
            "categories first: {hrefs:?}"
        );
        assert!(hrefs.iter().any(|h| h.starts_with("/p/")), "{hrefs:?}");
        assert_eq!(
            hrefs.last(),
            Some(&"/search?q=snek"),
            "then the words as typed"
        );
        // "snek" matches the start "snea…", and says the word it most likely begins.
        assert_eq!(s.note.as_deref(), Some("Showing results for “sneakers”"));
        assert_eq!(
            s.count,
            format!(
                "{} suggestions. Use the arrow keys to choose one.",
                s.choices.len()
            )
        );
        let r = t.call("catalog/suggest", "q=%2A%29", None).await;
        let s: Suggestions = r.json();
        assert!(s.choices.iter().all(|c| !c.href.starts_with("/p/")));
    })
}

/// The search box's own call: the same suggestions, drawn as its list shows them.
#[test]
fn the_search_box_gets_its_suggestions_drawn() {
    common::run(async {
        let t = TestStore::new("search-suggest-shown");
        let json: Suggestions = t.call("catalog/suggest", "q=snek", None).await.json();
        let r = t.call("catalog/suggest/shown", "q=snek", None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let parts = common::text_parts(&r.body);
        let [options, count, note, list] = &parts[..] else {
            panic!("four parts: {}", r.body)
        };
        assert_eq!(*options, json.choices.len().to_string());
        assert_eq!(*count, json.count);
        assert_eq!(Some(note.as_str()), json.note.as_deref());
        for (i, c) in json.choices.iter().enumerate() {
            let option = format!(r#"<li id="search-suggestion-{i}" role="option""#);
            assert!(list.contains(&option), "{option} in {list}");
            assert!(
                list.contains(&format!(r#"data-href="{}""#, c.href)),
                "{list}"
            );
        }
        // The shopper's words come back escaped, never as markup.
        let r = t
            .call("catalog/suggest/shown", "q=%3Cimg+src%3Dx%3E", None)
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(!r.body.contains("<img"), "{}", r.body);
        assert!(r.body.contains("&lt;img"), "{}", r.body);
    })
}

#[test]
fn listing_pages_render_filters_and_state_from_the_url() {
    common::run(async {
        let t = TestStore::new("search-pages");
        let page = t.get("/search?q=snekers", None).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Showing results for “sneakers”"));
        assert!(
            page.body.contains("name=\"colour\""),
            "facets render on the server"
        );

        let page = t.get("/c/t-shirts?colour=Ink&sort=price-asc", None).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("value=\"Ink\" checked"),
            "{}",
            &page.body[..0]
        );
        assert!(page.body.contains("value=\"price-asc\" selected"));

        let empty = t.get("/search?q=zzzqqq", None).await;
        assert!(empty.body.contains("Nothing matches"));
        assert!(empty.body.contains("Popular right now"));

        let hostile = t
            .get("/c/t-shirts?colour=%3Cscript%3Ealert(1)%3C/script%3E", None)
            .await;
        assert_eq!(hostile.status, 200);
        assert!(!hostile.body.contains("<script>alert(1)"));
    })
}

#[test]
fn buying_the_last_units_shows_sold_out_in_listings_at_once() {
    common::run(async {
        let t = TestStore::new("search-stock");
        let (handle, variant, stock) = common::one_stocked_variant(&t.store).await;
        let before = listing(&t, &format!("params[q]={handle}")).await;
        let card = |l: &Listing| {
            l.products
                .items
                .iter()
                .find(|p| p.handle == handle)
                .cloned()
        };
        assert!(card(&before).expect("found by its own name").in_stock);

        let r = t
            .call(
                "cart/add",
                &format!("variant_id={variant}&quantity={stock}"),
                None,
            )
            .await;
        let cookie = r.cookie("vitrine_cart").expect("a cart");
        let placed = t.place(&cookie, common::CHECKOUT_FORM, 1).await;
        assert!(placed.status.as_u16() < 400, "{}", placed.body);

        let after = listing(&t, &format!("params[q]={handle}")).await;
        assert!(
            !card(&after).unwrap().in_stock,
            "the listing is not served from a stale copy"
        );
    })
}

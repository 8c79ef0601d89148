//! What one shopper does, and how often: the weights are per hundred transactions.

use goose::prelude::*;
use rand::seq::IndexedRandom;
use rand::Rng;
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

/// The store's CHECKOUT_FORM of the integration tests: a guest to London, paid by card.
const CHECKOUT: &str = "email=ada%40example.com&name=Ada+Lovelace&line1=12+St+James%27s+Square&city=London&postcode=SW1Y+4JH&country=GB&shipping=standard&payment=card&card_number=4242+4242+4242+4242&card_expiry=12%2F30&card_cvc=123";

/// What the users pick from, read from the store before the run.
pub struct Catalogue {
    categories: Vec<String>,
    products: Vec<String>,
    /// Variants in stock.
    variants: Vec<i64>,
    /// Words of product names with two letters swapped: searches that need the spelling fix.
    typos: Vec<String>,
}

impl Catalogue {
    /// The embedded store's catalogue, from its database.
    pub fn read(data_dir: &std::path::Path) -> Result<Catalogue, String> {
        let c = rusqlite::Connection::open(data_dir.join("vitrine.sqlite3"))
            .map_err(|e| e.to_string())?;
        let column = |sql: &str| -> Result<Vec<String>, String> {
            let mut stmt = c.prepare(sql).map_err(|e| e.to_string())?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(|e| e.to_string())?;
            rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
        };
        Catalogue::of(
            column("SELECT handle FROM categories")?,
            column("SELECT handle FROM products")?,
            column("SELECT CAST(id AS TEXT) FROM variants WHERE stock > 0")?,
            column("SELECT name FROM products")?,
        )
    }

    /// Categories and products by handle, variants in stock by id, and product names (whose
    /// words, misspelt, are the searches).
    pub fn of(
        categories: Vec<String>,
        products: Vec<String>,
        variants: Vec<String>,
        names: Vec<String>,
    ) -> Result<Catalogue, String> {
        let variants: Vec<i64> = variants.iter().filter_map(|v| v.parse().ok()).collect();
        let typos: Vec<String> = names
            .iter()
            .flat_map(|n| {
                n.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|w| w.len() >= 5 && w.is_ascii())
            .map(|w| {
                let mut b = w.into_bytes();
                b.swap(1, 2);
                String::from_utf8(b).unwrap_or_default()
            })
            .collect();
        if categories.is_empty() || products.is_empty() || variants.is_empty() || typos.is_empty() {
            return Err("the catalogue is empty".into());
        }
        Ok(Catalogue {
            categories,
            products,
            variants,
            typos,
        })
    }
}

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

pub fn set_catalogue(c: Catalogue) {
    let _ = CATALOGUE.set(c);
}

fn catalogue() -> &'static Catalogue {
    CATALOGUE
        .get()
        .expect("the catalogue is read before the run")
}

/// An order a user was told was placed, and what its cart held.
pub struct Placed {
    pub code: String,
    pub lines: BTreeMap<i64, u32>,
}

static PLACED: Mutex<Vec<Placed>> = Mutex::new(Vec::new());

pub fn placed() -> Vec<Placed> {
    std::mem::take(&mut *PLACED.lock().unwrap())
}

/// One user's cart and orders (its cart cookie is in its client's cookie store).
#[derive(Clone, Default)]
struct Shopper {
    cart: BTreeMap<i64, u32>,
    /// Signed tracking links of its orders: (code, token).
    orders: Vec<(String, String)>,
}

pub fn shopper() -> Scenario {
    let weighted = |t: Transaction, w: usize| t.set_weight(w).expect("a weight above 0");
    scenario!("Shopper")
        .register_transaction(transaction!(start).set_on_start())
        .register_transaction(weighted(transaction!(home), 10))
        .register_transaction(weighted(transaction!(listing), 20))
        .register_transaction(weighted(transaction!(product), 25))
        .register_transaction(weighted(transaction!(search), 10))
        .register_transaction(weighted(transaction!(suggest), 10))
        .register_transaction(weighted(transaction!(add_to_cart), 8))
        .register_transaction(weighted(transaction!(cart_page), 5))
        .register_transaction(weighted(transaction!(checkout_page), 4))
        .register_transaction(weighted(transaction!(place_order), 4))
        .register_transaction(weighted(transaction!(track), 4))
}

async fn start(user: &mut GooseUser) -> TransactionResult {
    user.set_session_data(Shopper::default());
    Ok(())
}

fn pick<T: Clone>(from: &[T]) -> T {
    from.choose(&mut rand::rng())
        .expect("a non-empty catalogue")
        .clone()
}

async fn home(user: &mut GooseUser) -> TransactionResult {
    user.get_named("/", "home").await?;
    Ok(())
}

async fn listing(user: &mut GooseUser) -> TransactionResult {
    let category = pick(&catalogue().categories);
    let facets = pick(&[
        "",
        "?price=25-50",
        "?stock=1&sort=price-asc",
        "?page=2",
        "?sort=price-desc&price=0-25",
    ]);
    user.get_named(&format!("/c/{category}{facets}"), "listing")
        .await?;
    Ok(())
}

async fn product(user: &mut GooseUser) -> TransactionResult {
    let handle = pick(&catalogue().products);
    user.get_named(&format!("/p/{handle}"), "product").await?;
    Ok(())
}

async fn search(user: &mut GooseUser) -> TransactionResult {
    let q = pick(&catalogue().typos);
    user.get_named(&format!("/search?q={q}"), "search (typo)")
        .await?;
    Ok(())
}

/// A server function called as the store's islands call it.
async fn call(
    user: &mut GooseUser,
    endpoint: &str,
    name: &str,
    form: String,
) -> Result<goose::goose::GooseResponse, Box<TransactionError>> {
    let path = format!("/api/{endpoint}");
    let origin = user.base_url.as_str().trim_end_matches('/').to_string();
    let builder = user
        .get_request_builder(&GooseMethod::Post, &path)?
        .header("origin", origin)
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form);
    let request = GooseRequest::builder()
        .method(GooseMethod::Post)
        .path(path.as_str())
        .name(name)
        .set_request_builder(builder)
        .build();
    user.request(request).await
}

async fn suggest(user: &mut GooseUser) -> TransactionResult {
    let word = pick(&catalogue().typos);
    let half: String = word.chars().take(4).collect();
    call(user, "catalog/suggest", "suggestions", format!("q={half}")).await?;
    Ok(())
}

async fn add_to_cart(user: &mut GooseUser) -> TransactionResult {
    let variant = pick(&catalogue().variants);
    let r = call(
        user,
        "cart/add",
        "add to cart",
        format!("variant_id={variant}&quantity=1"),
    )
    .await?;
    if r.response.as_ref().is_ok_and(|r| r.status().is_success()) {
        if let Some(s) = user.get_session_data_mut::<Shopper>() {
            *s.cart.entry(variant).or_default() += 1;
        }
    }
    Ok(())
}

async fn cart_page(user: &mut GooseUser) -> TransactionResult {
    user.get_named("/cart", "cart page").await?;
    Ok(())
}

async fn checkout_page(user: &mut GooseUser) -> TransactionResult {
    user.get_named("/checkout", "checkout page").await?;
    Ok(())
}

async fn place_order(user: &mut GooseUser) -> TransactionResult {
    let cart = user
        .get_session_data::<Shopper>()
        .map(|s| s.cart.clone())
        .unwrap_or_default();
    if cart.is_empty() {
        return add_to_cart(user).await;
    }
    let attempt: u128 = rand::rng().random();
    let form = format!("{CHECKOUT}&attempt={attempt:032x}");
    let mut r = call(user, "checkout/place", "place order", form).await?;
    let link = r
        .response
        .as_ref()
        .ok()
        .filter(|r| r.status().is_success())
        .and_then(|r| r.headers().get("location"))
        .and_then(|l| l.to_str().ok())
        .and_then(|l| l.strip_prefix("/orders/"))
        .and_then(|l| l.split_once("?t="))
        .map(|(code, token)| (code.to_string(), token.to_string()));
    let Some((code, token)) = link else {
        let headers = r.response.as_ref().ok().map(|r| r.headers().clone());
        return user.set_failure("no order link", &mut r.request, headers.as_ref(), None);
    };
    PLACED.lock().unwrap().push(Placed {
        code: code.clone(),
        lines: cart,
    });
    if let Some(s) = user.get_session_data_mut::<Shopper>() {
        s.cart.clear();
        s.orders.push((code, token));
    }
    Ok(())
}

async fn track(user: &mut GooseUser) -> TransactionResult {
    let order = user
        .get_session_data::<Shopper>()
        .and_then(|s| s.orders.last().cloned());
    match order {
        Some((code, token)) => {
            call(
                user,
                "orders/get",
                "tracking poll",
                format!("code={code}&token={token}"),
            )
            .await?;
        }
        // Nothing to track yet: a shopper browses instead.
        None => product(user).await?,
    }
    Ok(())
}

/// The figures a run printed, and whether any request failed.
pub struct Report {
    pub table: String,
    pub errors: usize,
}

pub fn report(m: &GooseMetrics) -> Report {
    let seconds = m.duration.max(1) as f64;
    let mut table = format!(
        "{:<18} {:>8} {:>9} {:>8} {:>8} {:>8} {:>7}\n",
        "kind", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"
    );
    let (mut all, mut errors) = (0, 0);
    let mut kinds: Vec<_> = m.requests.values().collect();
    kinds.sort_by_key(|r| std::cmp::Reverse(r.raw_data.counter));
    for r in kinds {
        let ms = |p: f32| r.raw_data.percentile_us(p) as f64 / 1000.0;
        table += &format!(
            "{:<18} {:>8} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>7}\n",
            r.path,
            r.raw_data.counter,
            r.raw_data.counter as f64 / seconds,
            ms(0.50),
            ms(0.95),
            ms(0.99),
            r.fail_count
        );
        all += r.raw_data.counter;
        errors += r.fail_count;
    }
    table += &format!(
        "{:<18} {:>8} {:>9.0} {:>35}\n",
        "all",
        all,
        all as f64 / seconds,
        format!(
            "{errors} errors in {seconds:.0} s, {} users",
            m.maximum_users
        )
    );
    Report { table, errors }
}

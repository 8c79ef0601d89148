//! A seeded order history, so "bought together" and "best selling" have something real to
//! learn from in a new store, and so the recommendation evaluation has structure to find.
//!
//! How it is made (deterministic, 1,200 orders, all delivered, all in 2026):
//! - 70% of orders are an outfit or a corner of a room: a product from one category and its
//!   fixed partner from a complementary category (tees with sneakers, kitchen with plants…).
//!   The partner is a fixed shuffle of the index, so it is not simply "the same position".
//!   A third of those add one random product.
//! - 30% are one or two products picked by popularity alone (earlier products sell more).
//!
//! A good method finds the partners; popularity cannot.

use super::catalog::{self, Rng, CATEGORIES, PRODUCTS_PER_CATEGORY};
use crate::commerce::checkout::{self, PaymentMethod};
use rusqlite::{params, Connection};

const HISTORY_VERSION: &str = "1";
pub const ORDERS: usize = 1_200;
/// Category pairs shoppers buy together.
const COMPLEMENTS: &[(&str, &str)] = &[
    ("t-shirts", "sneakers"),
    ("knitwear", "bags"),
    ("t-shirts", "bags"),
    ("kitchen", "plants"),
    ("lighting", "plants"),
    ("audio", "lighting"),
];

/// The partner of product `i` of a category in the complementary one.
fn partner(i: usize) -> usize {
    (i * 5 + 3) % PRODUCTS_PER_CATEGORY
}

/// Skewed towards small numbers: a few products sell a lot, most sell a little.
fn popular_index(rng: &mut Rng, n: usize) -> usize {
    let a = rng.range(0, n as i64 - 1) as usize;
    let b = rng.range(0, n as i64 - 1) as usize;
    a.min(b)
}

/// The baskets (product handles per order), as generated.
pub fn baskets() -> Vec<Vec<String>> {
    let products = catalog::generate(1);
    let handle = |category: &str, i: usize| -> String {
        let ci = CATEGORIES
            .iter()
            .position(|c| c.handle == category)
            .unwrap_or(0);
        products[ci * PRODUCTS_PER_CATEGORY + i].handle.clone()
    };
    let mut rng = Rng::new(0x0000_626f_7567_6874);
    let mut out = Vec::with_capacity(ORDERS);
    for _ in 0..ORDERS {
        let mut basket = Vec::new();
        if rng.chance(70) {
            let (a, b) = COMPLEMENTS[rng.range(0, COMPLEMENTS.len() as i64 - 1) as usize];
            let i = popular_index(&mut rng, PRODUCTS_PER_CATEGORY);
            basket.push(handle(a, i));
            basket.push(handle(b, partner(i)));
            if rng.chance(33) {
                basket.push(
                    products[rng.range(0, products.len() as i64 - 1) as usize]
                        .handle
                        .clone(),
                );
            }
        } else {
            for _ in 0..rng.range(1, 2) {
                basket.push(
                    products[popular_index(&mut rng, products.len())]
                        .handle
                        .clone(),
                );
            }
        }
        basket.dedup();
        out.push(basket);
    }
    out
}

/// Writes the history into a store that has none yet; older data folders get it too.
pub fn seed_if_missing(conn: &mut Connection) -> rusqlite::Result<()> {
    if super::seed::done(conn, "history_version") {
        return Ok(());
    }
    let tx = conn.transaction()?;
    let start = 1_767_225_600; // 2026-01-01
    let payment = serde_json::to_string(&PaymentMethod::Card {
        brand: "Visa".into(),
        last4: "4242".into(),
    })
    .unwrap_or_default();
    for (n, basket) in baskets().iter().enumerate() {
        let code = format!("VT-HIST{n:05}");
        let placed_at = start + n as i64 * 7_200;
        let mut lines = Vec::new();
        for h in basket {
            let line: Option<(i64, String, String, i64)> = tx
                .query_row(
                    "SELECT v.id, p.name, REPLACE(v.options, '|', ' / '), v.price
                     FROM variants v JOIN products p ON p.id = v.product_id
                     WHERE p.handle = ?1 ORDER BY v.position LIMIT 1",
                    [h],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .ok();
            lines.extend(line);
        }
        let subtotal: i64 = lines.iter().map(|l| l.3).sum();
        let money = |m| crate::commerce::Money::new(m, catalog::CURRENCY);
        let day = checkout::Day::from_unix(placed_at);
        let Ok(quote) = checkout::quote(
            money(subtotal),
            money(0),
            None,
            "standard",
            day,
            &checkout::Terms::house(money(subtotal)),
        ) else {
            continue;
        };
        let Some(shipping) = quote.chosen else {
            continue;
        };
        let t = quote.totals;
        tx.execute(
            "INSERT INTO orders (code, idempotency_key, email, ship_name, ship_line1, ship_line2,
               ship_city, ship_postcode, ship_country, shipping, payment, subtotal, shipping_cost,
               tax, total, status, placed_at)
             VALUES (?1, ?1, ?2, 'Past Customer', '1 Market Street', '', 'Springfield', '12345',
               'US', ?3, ?4, ?5, ?6, ?7, ?8, 'delivered', ?9)",
            params![
                code,
                format!("customer{}@example.com", n % 400),
                serde_json::to_string(&shipping).unwrap_or_default(),
                payment,
                t.subtotal.minor,
                t.shipping.minor,
                t.tax.minor,
                t.total.minor,
                placed_at
            ],
        )?;
        for (status, after) in [("placed", 0), ("delivered", 3 * 86_400)] {
            tx.execute(
                "INSERT INTO order_events (order_code, status, at) VALUES (?1, ?2, ?3)",
                params![code, status, placed_at + after],
            )?;
        }
        for (variant, name, title, price) in lines {
            tx.execute(
                "INSERT INTO order_lines (order_code, variant_id, product_name, variant_title,
                   unit_price, quantity) VALUES (?1, ?2, ?3, ?4, ?5, 1)",
                params![code, variant, name, title, price],
            )?;
        }
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('history_version', ?1)",
        [HISTORY_VERSION],
    )?;
    tx.commit()
}

/// The seeded orders' lines, oldest first.
pub fn purchases(
    c: &Connection,
) -> rusqlite::Result<Vec<crate::storefront::seeded_reviews::Bought>> {
    let mut stmt = c.prepare(
        "SELECT o.code, p.id, p.handle, l.variant_title, o.placed_at
         FROM orders o JOIN order_lines l ON l.order_code = o.code
           JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
         WHERE o.code LIKE 'VT-HIST%' ORDER BY o.placed_at, l.rowid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(crate::storefront::seeded_reviews::Bought {
            order_code: r.get(0)?,
            product_id: r.get(1)?,
            product: r.get(2)?,
            variant: r.get(3)?,
            placed_at: r.get(4)?,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_has_pairs_a_method_can_learn_and_is_the_same_every_time() {
        let a = baskets();
        assert_eq!(a.len(), ORDERS);
        assert_eq!(a, baskets());
        let (cases, together, popular) = crate::discovery::together::leave_one_out(&a, 10);
        assert!(cases > 1_000);
        assert!(
            together > popular * 2,
            "bought together {together} vs popularity {popular} of {cases}"
        );
    }
}

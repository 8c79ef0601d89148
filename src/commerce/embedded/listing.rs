//! Listing items: the products a search or category holds, with every variant's colour, size,
//! price and stock folded into what facets and ranking need.

use super::search;
use crate::commerce::backend::ItemQuery;
use crate::commerce::ProductSummary;
use crate::discovery::Item;
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// Every product's listing attributes by product id, kept in memory: a listing then costs an
/// index lookup for the matching ids instead of reading every variant of every match (which
/// took 95 ms at p95 for broad searches of 10,000 products). Rebuilt after stock changes.
pub type Catalogue = HashMap<i64, Item>;

/// Most products a listing considers; a search keeps its best matches.
pub const MAX_CANDIDATES: u32 = 20_000;

pub fn items(c: &Connection, catalogue: &Catalogue, q: &ItemQuery) -> rusqlite::Result<Vec<Item>> {
    // Handles travel as one JSON array so the statement stays the same (and cached).
    let handles = q
        .handles
        .as_ref()
        .map(|h| serde_json::to_string(h).unwrap_or_default());
    let filter = "(?1 IS NULL OR p.category_id = (SELECT id FROM categories WHERE handle = ?1))
        AND (?3 IS NULL OR p.handle IN (SELECT value FROM json_each(?3)))";
    let limit = q.limit.min(MAX_CANDIDATES);
    let ids: Vec<(i64, f64)> = match &q.words {
        Some(words) => {
            let Some(fts) = search::fts_query(words) else {
                return Ok(Vec::new());
            };
            search::fill_hits(c, &fts)?;
            let sql = format!(
                "SELECT s.id, s.rank FROM temp.search_hits s JOIN products p ON p.id = s.id
                 WHERE {filter} ORDER BY s.rank, p.position LIMIT ?2"
            );
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(params![q.category, limit, handles], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            rows.collect::<Result<_, _>>()?
        }
        None => {
            let sql =
                format!("SELECT p.id FROM products p WHERE {filter} ORDER BY p.position LIMIT ?2");
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(params![q.category, limit, handles], |r| {
                Ok((r.get(0)?, 0.0))
            })?;
            rows.collect::<Result<_, _>>()?
        }
    };
    Ok(ids
        .into_iter()
        .filter_map(|(id, rank)| {
            let mut item = catalogue.get(&id)?.clone();
            // bm25 scores are negative, better matches more so.
            item.relevance = (-rank).max(0.0);
            Some(item)
        })
        .collect())
}

/// Reads every product's listing attributes (the in-memory `Catalogue`).
pub fn load_all(c: &Connection) -> rusqlite::Result<Catalogue> {
    c.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS candidates
           (ord INTEGER PRIMARY KEY, id INTEGER NOT NULL, rank REAL NOT NULL);
         DELETE FROM temp.candidates;
         INSERT INTO temp.candidates (id, rank) SELECT id, 0 FROM products ORDER BY position;",
    )?;
    let sold: HashMap<i64, u32> = c
        .prepare_cached(
            "SELECT v.product_id, SUM(l.quantity) FROM order_lines l
             JOIN variants v ON v.id = l.variant_id
             WHERE v.product_id IN (SELECT id FROM temp.candidates) GROUP BY v.product_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut stmt = c.prepare_cached(
        "SELECT h.ord, p.id, p.handle, p.name, p.brand, c.handle, c.name, p.created_at, p.position,
           p.option_names, v.options, v.colour, v.price, v.compare_at, v.stock
         FROM temp.candidates h JOIN products p ON p.id = h.id
           JOIN categories c ON c.id = p.category_id JOIN variants v ON v.product_id = p.id
         ORDER BY h.ord, v.position",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: Vec<Item> = Vec::new();
    let mut ids: Vec<i64> = Vec::new();
    let mut last_ord = None;
    // Per item: the cheapest variant's compare-at price and the highest price seen.
    let mut cheapest_compare: Option<i64> = None;
    let mut highest = 0;
    while let Some(r) = rows.next()? {
        let ord: i64 = r.get(0)?;
        let options: String = r.get(10)?;
        let colour: String = r.get(11)?;
        let price: i64 = r.get(12)?;
        let compare_at: Option<i64> = r.get(13)?;
        let stock: u32 = r.get(14)?;
        if last_ord != Some(ord) {
            if let Some(item) = out.last_mut() {
                finish(item, cheapest_compare, highest);
            }
            last_ord = Some(ord);
            let product_id: i64 = r.get(1)?;
            ids.push(product_id);
            let handle: String = r.get(2)?;
            let name: String = r.get(3)?;
            out.push(Item {
                summary: ProductSummary {
                    image: super::image_for(&handle, &name, &colour),
                    handle,
                    name,
                    brand: r.get(4)?,
                    price: super::money(price),
                    compare_at: None,
                    price_varies: false,
                    in_stock: false,
                },
                category: r.get(5)?,
                category_name: r.get(6)?,
                colours: Vec::new(),
                sizes: Vec::new(),
                created_at: r.get(7)?,
                position: r.get(8)?,
                sold: sold.get(&product_id).copied().unwrap_or(0),
                relevance: 0.0,
            });
            cheapest_compare = compare_at;
            highest = price;
        }
        let Some(item) = out.last_mut() else { continue };
        let names: String = r.get(9)?;
        if let Some(size) = names
            .split('|')
            .position(|n| n == "Size")
            .and_then(|i| options.split('|').nth(i))
        {
            if !item.sizes.iter().any(|s| s == size) {
                item.sizes.push(size.to_string());
            }
        }
        if !item.colours.contains(&colour) {
            item.colours.push(colour);
        }
        if price < item.summary.price.minor {
            item.summary.price = super::money(price);
            cheapest_compare = compare_at;
        }
        highest = highest.max(price);
        item.summary.in_stock |= stock > 0;
    }
    if let Some(item) = out.last_mut() {
        finish(item, cheapest_compare, highest);
    }
    Ok(ids.into_iter().zip(out).collect())
}

fn finish(item: &mut Item, compare_at: Option<i64>, highest: i64) {
    item.summary.compare_at = compare_at.map(super::money);
    item.summary.price_varies = highest != item.summary.price.minor;
}

/// Product handles of the most recent `limit` orders, one list per order.
pub fn baskets(c: &Connection, limit: u32) -> rusqlite::Result<Vec<Vec<String>>> {
    let mut stmt = c.prepare_cached(
        "SELECT o.code, p.handle FROM
           (SELECT code, placed_at FROM orders ORDER BY placed_at DESC LIMIT ?1) o
           JOIN order_lines l ON l.order_code = o.code
           JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
         ORDER BY o.placed_at DESC, o.code, l.rowid",
    )?;
    let mut rows = stmt.query([limit])?;
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut last: Option<String> = None;
    while let Some(r) = rows.next()? {
        let code: String = r.get(0)?;
        let handle: String = r.get(1)?;
        if last.as_deref() != Some(&code) {
            out.push(Vec::new());
            last = Some(code);
        }
        if let Some(basket) = out.last_mut() {
            basket.push(handle);
        }
    }
    Ok(out)
}

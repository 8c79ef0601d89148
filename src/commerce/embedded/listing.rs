//! Listing items: the products a search or category holds, with every variant's colour, size,
//! price and stock folded into what facets and ranking need.

use super::search;
use super::texts::Language;
use crate::commerce::backend::ItemQuery;
use crate::commerce::{Currency, Money, ProductSummary};
use crate::discovery::Item;
use rusqlite::Connection;
use std::collections::HashMap;

/// Every product's listing attributes, kept in memory in the merchandiser's order: a listing
/// then costs the full-text lookup and a walk over this, instead of reading every variant of
/// every match (95 ms at p95 for broad searches of 10,000 products). Filtering and ordering
/// happen here too: SQLite sorting 10,000 hits joined to products took as long as finding
/// them. Rebuilt after stock changes.
pub struct Catalogue {
    /// By `position`.
    items: Vec<Item>,
    /// Product id → index in `items`.
    by_id: HashMap<i64, usize>,
}

/// Most products a listing considers; a search keeps its best matches.
pub const MAX_CANDIDATES: u32 = 20_000;

pub fn items(
    c: &Connection,
    catalogue: &Catalogue,
    q: &ItemQuery,
    language: &str,
) -> rusqlite::Result<Vec<Item>> {
    let wanted = |item: &Item| {
        q.category.as_ref().is_none_or(|h| &item.category == h)
            && q.handles
                .as_ref()
                .is_none_or(|hs| hs.contains(&item.summary.handle))
    };
    let limit = q.limit.min(MAX_CANDIDATES) as usize;
    let Some(words) = &q.words else {
        return Ok(catalogue
            .items
            .iter()
            .filter(|i| wanted(i))
            .take(limit)
            .cloned()
            .collect());
    };
    let Some(fts) = search::fts_query(words) else {
        return Ok(Vec::new());
    };
    let mut hits: Vec<(f64, &Item)> = Vec::new();
    for (id, rank) in search::hits(c, &fts, language)? {
        if let Some(item) = catalogue.by_id.get(&id).map(|&i| &catalogue.items[i]) {
            if wanted(item) {
                hits.push((rank, item));
            }
        }
    }
    // bm25 scores are negative, better matches more so; the merchandiser breaks ties.
    hits.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.position.cmp(&b.1.position)));
    Ok(hits
        .into_iter()
        .take(limit)
        .map(|(rank, item)| {
            let mut item = item.clone();
            item.relevance = (-rank).max(0.0);
            item
        })
        .collect())
}

/// Reads every product's listing attributes (the in-memory `Catalogue`), named in `words`'
/// language. Colours and sizes stay the catalogue's own values: they are the facets' keys.
pub fn load_all(
    c: &Connection,
    words: &Language,
    currency: Currency,
) -> rusqlite::Result<Catalogue> {
    let sold: HashMap<i64, u32> = c
        .prepare_cached(
            "SELECT v.product_id, SUM(l.quantity) FROM order_lines l
             JOIN variants v ON v.id = l.variant_id GROUP BY v.product_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let (join, price, compare_at) = super::prices::columns(currency);
    let mut stmt = c.prepare_cached(&format!(
        "SELECT p.id, p.handle, p.name, p.brand, c.handle, c.name, p.created_at, p.position,
           p.option_names, v.options, v.colour, {price}, {compare_at}, v.stock
         FROM products p JOIN categories c ON c.id = p.category_id
           JOIN variants v ON v.product_id = p.id {join}
         ORDER BY p.position, p.id, v.position"
    ))?;
    let money = |minor| Money::new(minor, currency);
    let mut rows = stmt.query([])?;
    let mut out: Vec<Item> = Vec::new();
    // Product ids, parallel to `out`.
    let mut ids: Vec<i64> = Vec::new();
    // Per item: the cheapest variant's compare-at price and the highest price seen.
    let mut cheapest_compare: Option<i64> = None;
    let mut highest = 0;
    while let Some(r) = rows.next()? {
        let product_id: i64 = r.get(0)?;
        let options: String = r.get(9)?;
        let colour: String = r.get(10)?;
        let price: i64 = r.get(11)?;
        let compare_at: Option<i64> = r.get(12)?;
        let stock: u32 = r.get(13)?;
        if ids.last() != Some(&product_id) {
            if let Some(item) = out.last_mut() {
                finish(item, cheapest_compare.map(money), highest);
            }
            ids.push(product_id);
            let handle: String = r.get(1)?;
            let name = words
                .product_name(&handle, &r.get::<_, String>(2)?)
                .to_string();
            let category: String = r.get(4)?;
            let category_name = words
                .category_name(&category, &r.get::<_, String>(5)?)
                .to_string();
            out.push(Item {
                summary: ProductSummary {
                    image: super::picture(words, &handle, &name, &colour),
                    handle,
                    name,
                    brand: r.get(3)?,
                    price: money(price),
                    compare_at: None,
                    price_varies: false,
                    in_stock: false,
                    rating: None,
                    saved: false,
                },
                category,
                category_name,
                colours: Vec::new(),
                sizes: Vec::new(),
                created_at: r.get(6)?,
                // The seeded catalogue does not change after it is made (stock does, and the
                // page's offers say so).
                updated_at: r.get(6)?,
                position: r.get(7)?,
                sold: sold.get(&product_id).copied().unwrap_or(0),
                relevance: 0.0,
            });
            cheapest_compare = compare_at;
            highest = price;
        }
        let Some(item) = out.last_mut() else { continue };
        let names: String = r.get(8)?;
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
            item.summary.price = money(price);
            cheapest_compare = compare_at;
        }
        highest = highest.max(price);
        item.summary.in_stock |= stock > 0;
    }
    if let Some(item) = out.last_mut() {
        finish(item, cheapest_compare.map(money), highest);
    }
    let by_id = ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
    Ok(Catalogue { items: out, by_id })
}

fn finish(item: &mut Item, compare_at: Option<Money>, highest: i64) {
    item.summary.compare_at = compare_at;
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

/// Counts changes to stock and prices in the database itself, so every process on the data
/// folder (another instance, `vitrine admin price`) sees that its listing copy is stale.
pub fn catalogue_changed(c: &rusqlite::Connection) -> rusqlite::Result<()> {
    c.execute(
        "INSERT INTO meta (key, value) VALUES ('catalogue_version', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        [],
    )
    .map(|_| ())
}

/// The count `catalogue_changed` keeps (0 before the first change): one indexed read.
pub fn catalogue_version(c: &rusqlite::Connection) -> rusqlite::Result<i64> {
    use rusqlite::OptionalExtension;
    c.prepare_cached("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'catalogue_version'")?
        .query_row([], |r| r.get(0))
        .optional()
        .map(|v| v.unwrap_or(0))
}

//! Listing items: the products a search or category holds, with every variant's colour, size,
//! price and stock folded into what facets and ranking need.

use super::search;
use super::texts::Language;
use crate::commerce::backend::ItemQuery;
use crate::commerce::{Currency, Money, ProductSummary};
use crate::discovery::Item;
use rusqlite::Connection;
use std::collections::HashMap;
use std::sync::Arc;

/// Every product's listing attributes, kept in memory in the merchandiser's order: a listing
/// then costs the full-text lookup and a walk over this, instead of reading every variant of
/// every match (95 ms at p95 for broad searches of 10,000 products). Filtering and ordering
/// happen here too: SQLite sorting 10,000 hits joined to products took as long as finding
/// them. Rebuilt after stock changes.
pub struct Catalogue {
    /// By `position`; shared, so a copy refreshed after a sale copies pointers, not items.
    items: Vec<Arc<Item>>,
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
            .map(|i| Item::clone(i))
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
fn load_all(c: &Connection, words: &Language, currency: Currency) -> rusqlite::Result<Catalogue> {
    let (out, ids) = load(c, words, currency, None)?;
    let by_id = ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
    Ok(Catalogue {
        items: out.into_iter().map(Arc::new).collect(),
        by_id,
    })
}

/// The catalogue as it stands at `version`, from the copy built at an earlier one if there
/// is a copy: a sale changes a product or two, and only those are read again. Anything the
/// change log cannot vouch for reads every product.
pub fn current(
    c: &Connection,
    copy: Option<(i64, &Catalogue)>,
    version: i64,
    words: &Language,
    currency: Currency,
) -> rusqlite::Result<Catalogue> {
    if let Some((built_at, old)) = copy {
        if let Some(ids) = changed_since(c, built_at, version)? {
            if let Some(catalogue) = refreshed(c, old, &ids, words, currency)? {
                return Ok(catalogue);
            }
        }
    }
    load_all(c, words, currency)
}

/// `old` with the products `changed` read again (their stock, prices and sales), or `None`
/// when one of them is new to it (a copy that old is read whole instead).
fn refreshed(
    c: &Connection,
    old: &Catalogue,
    changed: &[i64],
    words: &Language,
    currency: Currency,
) -> rusqlite::Result<Option<Catalogue>> {
    let ids = serde_json::to_string(changed).unwrap_or_else(|_| "[]".into());
    let (fresh, fresh_ids) = load(c, words, currency, Some(&ids))?;
    let mut items = old.items.clone();
    for (item, id) in fresh.into_iter().zip(fresh_ids) {
        let Some(&at) = old.by_id.get(&id) else {
            return Ok(None);
        };
        items[at] = Arc::new(item);
    }
    Ok(Some(Catalogue {
        items,
        by_id: old.by_id.clone(),
    }))
}

/// The listing items of every product, or of those whose ids are in the JSON array `only`,
/// in the merchandiser's order, with their product ids.
fn load(
    c: &Connection,
    words: &Language,
    currency: Currency,
    only: Option<&str>,
) -> rusqlite::Result<(Vec<Item>, Vec<i64>)> {
    let (sold_filter, filter) = match only {
        Some(_) => (
            "WHERE v.product_id IN (SELECT value FROM json_each(?1))",
            "WHERE p.id IN (SELECT value FROM json_each(?1))",
        ),
        None => ("", ""),
    };
    let args: Vec<&str> = only.into_iter().collect();
    let sold: HashMap<i64, u32> = c
        .prepare_cached(&format!(
            "SELECT v.product_id, SUM(l.quantity) FROM variants v
             JOIN order_lines l ON l.variant_id = v.id {sold_filter} GROUP BY v.product_id"
        ))?
        .query_map(rusqlite::params_from_iter(&args), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    let (join, price, compare_at) = super::prices::columns(currency);
    let mut stmt = c.prepare_cached(&format!(
        "SELECT p.id, p.handle, p.name, p.brand, c.handle, c.name, p.created_at, p.position,
           p.option_names, v.options, v.colour, {price}, {compare_at}, v.stock
         FROM products p JOIN categories c ON c.id = p.category_id
           JOIN variants v ON v.product_id = p.id {join} {filter}
         ORDER BY p.position, p.id, v.position"
    ))?;
    let money = |minor| Money::new(minor, currency);
    let mut rows = stmt.query(rusqlite::params_from_iter(&args))?;
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
    Ok((out, ids))
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
/// folder (another instance, `vitrine admin price`) sees that its listing copy is stale, and
/// logs which products each change touched (`None`: any may have), so a copy a few changes
/// behind reads only those again (`changed_since`).
pub fn catalogue_changed(c: &Connection, products: Option<&[i64]>) -> rusqlite::Result<()> {
    c.prepare_cached(
        "INSERT INTO meta (key, value) VALUES ('catalogue_version', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
    )?
    .execute([])?;
    let version = catalogue_version(c)?;
    let mut log =
        c.prepare_cached("INSERT INTO catalogue_changes (version, product_id) VALUES (?1, ?2)")?;
    match products {
        Some(ids) => {
            for id in ids {
                log.execute(rusqlite::params![version, id])?;
            }
        }
        None => {
            log.execute(rusqlite::params![version, None::<i64>])?;
        }
    }
    c.prepare_cached("DELETE FROM catalogue_changes WHERE version <= ?1")?
        .execute([version - KEPT_CHANGES])?;
    Ok(())
}

/// How many changes back the log reaches; a copy further behind is read whole.
const KEPT_CHANGES: i64 = 1_000;

/// The products changed after version `since` up to `now`, or `None` when the copy built at
/// `since` must be read whole: too far behind, a change of anything (prices), or a change
/// the log does not hold (made by an older release on the same folder).
fn changed_since(c: &Connection, since: i64, now: i64) -> rusqlite::Result<Option<Vec<i64>>> {
    if now - since > KEPT_CHANGES || now < since {
        return Ok(None);
    }
    let mut stmt = c.prepare_cached(
        "SELECT version, product_id FROM catalogue_changes WHERE version > ?1 AND version <= ?2",
    )?;
    let rows = stmt
        .query_map([since, now], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut versions: Vec<i64> = rows.iter().map(|(v, _)| *v).collect();
    versions.sort_unstable();
    versions.dedup();
    if versions.len() as i64 != now - since {
        return Ok(None);
    }
    let mut ids = Vec::with_capacity(rows.len());
    for (_, id) in rows {
        match id {
            Some(id) => ids.push(id),
            None => return Ok(None),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Some(ids))
}

/// The count `catalogue_changed` keeps (0 before the first change): one indexed read.
pub fn catalogue_version(c: &rusqlite::Connection) -> rusqlite::Result<i64> {
    use rusqlite::OptionalExtension;
    c.prepare_cached("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'catalogue_version'")?
        .query_row([], |r| r.get(0))
        .optional()
        .map(|v| v.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(include_str!("schema.sql")).unwrap();
        c
    }

    #[test]
    fn a_copy_a_few_sales_behind_reads_again_only_what_they_sold() {
        let c = db();
        catalogue_changed(&c, Some(&[7, 3])).unwrap();
        catalogue_changed(&c, Some(&[3])).unwrap();
        let now = catalogue_version(&c).unwrap();
        assert_eq!(now, 2);
        assert_eq!(changed_since(&c, 0, now).unwrap(), Some(vec![3, 7]));
        assert_eq!(changed_since(&c, 1, now).unwrap(), Some(vec![3]));
        assert_eq!(changed_since(&c, 2, now).unwrap(), Some(vec![]));
    }

    #[test]
    fn a_price_change_or_a_change_not_logged_reads_everything_again() {
        let c = db();
        catalogue_changed(&c, Some(&[7])).unwrap();
        catalogue_changed(&c, None).unwrap();
        assert_eq!(changed_since(&c, 0, 2).unwrap(), None, "a price change");
        assert_eq!(changed_since(&c, 2, 2).unwrap(), Some(vec![]));
        // An older release on the same folder counts without logging.
        c.execute(
            "UPDATE meta SET value = '3' WHERE key = 'catalogue_version'",
            [],
        )
        .unwrap();
        assert_eq!(changed_since(&c, 2, 3).unwrap(), None);
        assert_eq!(
            changed_since(&c, 3, 3 + KEPT_CHANGES + 1).unwrap(),
            None,
            "too far"
        );
    }
}

//! Fills a new database with the generated catalogue, once.

use super::catalog::{self, CATEGORIES};
use rusqlite::{params, Connection};

const SEED_VERSION: &str = "1";

/// Whether a one-off step recorded itself in `meta` under `key`.
pub fn done(conn: &Connection, key: &str) -> bool {
    conn.query_row("SELECT 1 FROM meta WHERE key = ?1", [key], |_| Ok(()))
        .is_ok()
}

pub fn seed_if_empty(conn: &mut Connection) -> rusqlite::Result<()> {
    if done(conn, "seed_version") {
        return Ok(());
    }
    let scale = std::env::var("VITRINE_SEED_SCALE")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(1);
    let tx = conn.transaction()?;
    for (pos, cat) in CATEGORIES.iter().enumerate() {
        tx.execute(
            "INSERT INTO categories (handle, name, description, position) VALUES (?1, ?2, ?3, ?4)",
            params![cat.handle, cat.name, cat.description, pos as i64],
        )?;
    }
    // Newest first in "created" order: later products are a day younger each.
    let epoch = 1_767_225_600; // 2026-01-01
    for (pos, p) in catalog::generate(scale).iter().enumerate() {
        tx.execute(
            "INSERT INTO products (handle, name, brand, description, category_id, art, art_colour,
               option_names, featured, position, created_at)
             VALUES (?1, ?2, ?3, ?4, (SELECT id FROM categories WHERE handle = ?5), ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                p.handle,
                p.name,
                p.brand,
                p.description,
                p.category.handle,
                p.category.art,
                p.art_colour,
                p.option_names.join("|"),
                p.featured,
                pos as i64,
                epoch + pos as i64 * 86_400
            ],
        )?;
        let product_id = tx.last_insert_rowid();
        let colour_index = p.option_names.iter().position(|o| *o == "Colour");
        for (vpos, v) in p.variants.iter().enumerate() {
            let colour = colour_index
                .and_then(|i| v.options.get(i).map(String::as_str))
                .unwrap_or(p.art_colour);
            tx.execute(
                "INSERT INTO variants (product_id, sku, options, colour, price, compare_at, stock, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    product_id,
                    format!("{}-{}", p.handle, catalog::slug(&v.options.join("-"))).to_uppercase(),
                    v.options.join("|"),
                    colour,
                    v.price,
                    v.compare_at,
                    v.stock,
                    vpos as i64
                ],
            )?;
        }
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('seed_version', ?1)",
        [SEED_VERSION],
    )?;
    tx.commit()
}

/// The demo store's coupon codes, one of each kind; added to older data folders too.
/// SUMMER25 ended on 2026-09-30, so there is always an expired code to try.
pub fn coupons(conn: &Connection) -> rusqlite::Result<()> {
    /// (code, kind, value, minimum spend, last day)
    type Row = (&'static str, &'static str, i64, Option<i64>, Option<i64>);
    const COUPONS: &[Row] = &[
        ("WELCOME10", "percent_off", 10, None, None),
        ("SAVE15", "amount_off", 15_00, Some(10_000), None),
        ("FREESHIP", "free_shipping", 0, None, None),
        ("SUMMER25", "percent_off", 25, None, Some(20_726)),
    ];
    for (code, kind, value, min_spend, last_day) in COUPONS {
        conn.execute(
            "INSERT OR IGNORE INTO coupons (code, kind, value, min_spend, last_day)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![code, kind, value, min_spend, last_day],
        )?;
    }
    Ok(())
}

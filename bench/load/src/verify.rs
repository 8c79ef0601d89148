//! After the run, the store itself is asked whether what the users were told holds.

use crate::mix::Placed;
use std::collections::BTreeMap;
use std::path::Path;

fn open(data_dir: &Path) -> Result<rusqlite::Connection, String> {
    rusqlite::Connection::open(data_dir.join("vitrine.sqlite3")).map_err(|e| e.to_string())
}

/// Gives every variant in stock plenty, so the run measures selling rather than sold-out
/// refusals; the catalogue's change counter tells the server its listings are stale.
pub fn stock_up(data_dir: &Path) -> Result<(), String> {
    open(data_dir)?
        .execute_batch(
            "UPDATE variants SET stock = 100000 WHERE stock > 0;
             INSERT INTO meta (key, value) VALUES ('catalogue_version', '1')
               ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;",
        )
        .map_err(|e| e.to_string())
}

/// Every variant's stock and the orders already there, before the run.
pub struct Before {
    stock: BTreeMap<i64, i64>,
    orders: i64,
}

pub fn stock(data_dir: &Path) -> Result<Before, String> {
    let c = open(data_dir)?;
    let db = |e: rusqlite::Error| e.to_string();
    let mut stmt = c.prepare("SELECT id, stock FROM variants").map_err(db)?;
    let stock = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(db)?
        .collect::<Result<_, _>>()
        .map_err(db)?;
    let orders = c
        .query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0))
        .map_err(db)?;
    Ok(Before { stock, orders })
}

/// Checks that each order exists once with the lines its cart held, that no other order was
/// made, and that each variant's stock went down by exactly what these orders bought.
pub fn orders(data_dir: &Path, placed: &[Placed], before: &Before) -> Result<String, String> {
    let c = open(data_dir)?;
    let db = |e: rusqlite::Error| e.to_string();
    let mut bought: BTreeMap<i64, i64> = BTreeMap::new();
    let mut lines_of = c
        .prepare("SELECT variant_id, quantity FROM order_lines WHERE order_code = ?1")
        .map_err(db)?;
    for p in placed {
        let copies: i64 = c
            .query_row(
                "SELECT COUNT(*) FROM orders WHERE code = ?1",
                [&p.code],
                |r| r.get(0),
            )
            .map_err(db)?;
        if copies != 1 {
            return Err(format!("order {} is in the store {copies} times", p.code));
        }
        let lines: BTreeMap<i64, u32> = lines_of
            .query_map([&p.code], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(db)?
            .collect::<Result<_, _>>()
            .map_err(db)?;
        if lines != p.lines {
            return Err(format!(
                "order {} holds {lines:?}, its cart held {:?}",
                p.code, p.lines
            ));
        }
        for (v, q) in lines {
            *bought.entry(v).or_default() += i64::from(q);
        }
    }
    let orders: i64 = c
        .query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0))
        .map_err(db)?;
    if orders - before.orders != placed.len() as i64 {
        return Err(format!(
            "{} orders were made, {} users were told theirs was placed",
            orders - before.orders,
            placed.len()
        ));
    }
    let after = stock(data_dir)?.stock;
    for (v, was) in &before.stock {
        let now = after.get(v).copied().unwrap_or_default();
        let sold = bought.get(v).copied().unwrap_or_default();
        if was - now != sold {
            return Err(format!(
                "variant {v}: stock {was} → {now}, but {sold} were bought"
            ));
        }
    }
    let units: i64 = bought.values().sum();
    Ok(format!(
        "verified: {} orders, each once with its lines; {units} units over {} variants, stock down by exactly that",
        placed.len(),
        bought.len()
    ))
}

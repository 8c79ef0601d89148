//! After the run, the commerce backend itself is asked whether what the users were told holds.

use crate::mix::Placed;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a backend's own records say, read behind the storefront's back.
pub trait Ledger {
    /// How many placed orders carry `code`, and the lines of that order (variant → quantity).
    fn order(&self, code: &str) -> Result<(i64, BTreeMap<i64, u32>), String>;
    /// Placed orders in all.
    fn orders(&self) -> Result<i64, String>;
    /// Units each variant has left to sell.
    fn stock(&self) -> Result<BTreeMap<i64, i64>, String>;
}

/// The embedded store's SQLite file in a data folder.
pub struct Embedded(pub PathBuf);

impl Embedded {
    fn open(&self) -> Result<rusqlite::Connection, String> {
        rusqlite::Connection::open(self.0.join("vitrine.sqlite3")).map_err(|e| e.to_string())
    }

    /// Gives every variant in stock plenty, so the run measures selling rather than sold-out
    /// refusals; the catalogue's change counter tells the server its listings are stale.
    pub fn stock_up(&self) -> Result<(), String> {
        self.open()?
            .execute_batch(
                "UPDATE variants SET stock = 100000 WHERE stock > 0;
                 INSERT INTO meta (key, value) VALUES ('catalogue_version', '1')
                   ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;",
            )
            .map_err(|e| e.to_string())
    }

    pub fn dir(&self) -> &Path {
        &self.0
    }
}

impl Ledger for Embedded {
    fn order(&self, code: &str) -> Result<(i64, BTreeMap<i64, u32>), String> {
        let c = self.open()?;
        let db = |e: rusqlite::Error| e.to_string();
        let copies = c
            .query_row("SELECT COUNT(*) FROM orders WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .map_err(db)?;
        let mut lines = c
            .prepare("SELECT variant_id, quantity FROM order_lines WHERE order_code = ?1")
            .map_err(db)?;
        let lines = lines
            .query_map([code], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(db)?
            .collect::<Result<_, _>>()
            .map_err(db)?;
        Ok((copies, lines))
    }

    fn orders(&self) -> Result<i64, String> {
        self.open()?
            .query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0))
            .map_err(|e| e.to_string())
    }

    fn stock(&self) -> Result<BTreeMap<i64, i64>, String> {
        let c = self.open()?;
        let db = |e: rusqlite::Error| e.to_string();
        let mut stmt = c.prepare("SELECT id, stock FROM variants").map_err(db)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }
}

/// Every variant's stock and the orders already there, before the run.
pub struct Before {
    stock: BTreeMap<i64, i64>,
    orders: i64,
}

pub fn before(ledger: &dyn Ledger) -> Result<Before, String> {
    Ok(Before {
        stock: ledger.stock()?,
        orders: ledger.orders()?,
    })
}

/// Checks that each order exists once with the lines its cart held, that no other order was
/// made, and that each variant's stock went down by exactly what these orders bought.
pub fn orders(ledger: &dyn Ledger, placed: &[Placed], before: &Before) -> Result<String, String> {
    let mut bought: BTreeMap<i64, i64> = BTreeMap::new();
    for p in placed {
        let (copies, lines) = ledger.order(&p.code)?;
        if copies != 1 {
            return Err(format!("order {} is in the store {copies} times", p.code));
        }
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
    let orders = ledger.orders()?;
    if orders - before.orders != placed.len() as i64 {
        return Err(format!(
            "{} orders were made, {} users were told theirs was placed",
            orders - before.orders,
            placed.len()
        ));
    }
    let after = ledger.stock()?;
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

//! The embedded store's price lists: the catalogue's own prices (`variants.price`, in the
//! base currency) and one list per other offered currency (`prices`), derived from them once
//! by `commerce::prices::convert` and kept, so the price a shopper is shown is the price an
//! order in that currency charges, whatever the rates do later.

use crate::commerce::{prices, Currency, Money};
use rusqlite::{params, Connection};

/// Adds every variant missing from an offered currency's list (all of them, the first time).
pub fn seed(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for currency in prices::OFFERED.into_iter().filter(|c| *c != prices::BASE) {
        let missing: Vec<(i64, i64, Option<i64>)> = tx
            .prepare(
                "SELECT v.id, v.price, v.compare_at FROM variants v WHERE NOT EXISTS
                   (SELECT 1 FROM prices p WHERE p.variant_id = v.id AND p.currency = ?1)",
            )?
            .query_map([currency.code()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut insert = tx.prepare(
            "INSERT INTO prices (variant_id, currency, price, compare_at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (variant, price, compare_at) in missing {
            let convert = |minor| prices::convert(Money::new(minor, prices::BASE), currency);
            let Some(price) = convert(price) else {
                continue;
            };
            // Rounding must not turn a saving into none.
            let compare_at = compare_at
                .and_then(convert)
                .filter(|c| c.minor > price.minor);
            insert.execute(params![
                variant,
                currency.code(),
                price.minor,
                compare_at.map(|c| c.minor)
            ])?;
        }
    }
    tx.commit()
}

/// SQL for a variant `v`'s price in `currency`: (join to add after `variants v`, price
/// expression, compare-at expression). The currency's code comes from the enum, never from a
/// shopper, so it is written into the statement (which then caches per currency).
pub fn columns(currency: Currency) -> (String, &'static str, &'static str) {
    if currency == prices::BASE {
        (String::new(), "v.price", "v.compare_at")
    } else {
        (
            format!(
                "JOIN prices px ON px.variant_id = v.id AND px.currency = '{}'",
                currency.code()
            ),
            "px.price",
            "px.compare_at",
        )
    }
}

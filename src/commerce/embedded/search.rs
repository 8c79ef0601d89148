//! Product search on SQLite FTS5: bm25 ranking weighted towards names, prefix matching so a
//! half-typed word already finds things, and input that can never break the query syntax.

use rusqlite::Connection;

/// The matches of the last `fill_hits`, joined to products.
pub const RANKED_FROM: &str = "temp.search_hits s JOIN products p ON p.id = s.id";

/// Ranks the matches for `fts` into a temporary table the listing query joins. bm25() only
/// runs in a query the FTS table drives, so ranking is its own step. Name matters most, then
/// brand, then category, then description. The caller holds the connection, so no other
/// query sees the table in between.
pub fn fill_hits(conn: &Connection, fts: &str) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY, rank REAL NOT NULL);
         DELETE FROM temp.search_hits;",
    )?;
    conn.execute(
        "INSERT INTO temp.search_hits (id, rank)
         SELECT rowid, bm25(product_search, 10.0, 5.0, 3.0, 1.0)
         FROM product_search WHERE product_search MATCH ?1",
        [fts],
    )?;
    Ok(())
}

/// Refills the index from the catalogue; cheap enough to run every time the store opens.
pub fn rebuild_index(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM product_search;
         INSERT INTO product_search (rowid, name, brand, category, description)
           SELECT p.id, p.name, p.brand, c.name, p.description
           FROM products p JOIN categories c ON c.id = p.category_id;",
    )
}

/// The FTS5 query for what the shopper typed: every word must match, as a prefix, each one
/// quoted so no character the shopper types is read as query syntax. `None` when nothing
/// searchable is left.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_text_becomes_quoted_prefix_words_and_syntax_is_dropped() {
        assert_eq!(fts_query("Crew tee").as_deref(), Some("\"crew\"* \"tee\"*"));
        assert_eq!(fts_query("sneak").as_deref(), Some("\"sneak\"*"));
        assert_eq!(
            fts_query("\"a\" OR b* NEAR(").as_deref(),
            Some("\"a\"* \"or\"* \"b\"* \"near\"*")
        );
        assert_eq!(fts_query("  *)(-  "), None);
    }
}

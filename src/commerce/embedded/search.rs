//! Product search on SQLite FTS5: bm25 ranking weighted towards names, prefix matching so a
//! half-typed word already finds things, synonyms as alternatives, and input that can never
//! break the query syntax.

use crate::discovery::query::WordMatch;
use rusqlite::Connection;

/// Every product matching `fts` with its bm25 score (lower is better), weighted: name matters
/// most, then brand, then category, then description. Unordered: the caller filters and
/// sorts in memory, which is cheaper than SQLite sorting a join.
pub fn hits(conn: &Connection, fts: &str) -> rusqlite::Result<Vec<(i64, f64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, bm25(product_search, 10.0, 5.0, 3.0, 1.0)
         FROM product_search WHERE product_search MATCH ?1",
    )?;
    let rows = stmt.query_map([fts], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
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

/// Every word in the index with the number of products that use it.
pub fn terms(conn: &Connection) -> rusqlite::Result<Vec<(String, u32)>> {
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms
           USING fts5vocab(main, 'product_search', 'row');",
    )?;
    let mut stmt = conn.prepare("SELECT term, doc FROM temp.search_terms")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The FTS5 query for planned words: every word must match one of its alternatives; the
/// first alternative may be unfinished. Every token is quoted, so nothing the shopper types
/// is read as query syntax. `None` when nothing searchable is left.
pub fn fts_query(words: &[WordMatch]) -> Option<String> {
    let groups: Vec<String> = words
        .iter()
        .filter_map(|w| {
            let phrases: Vec<String> = w
                .alternatives
                .iter()
                .enumerate()
                .filter_map(|(i, alt)| {
                    let tokens: Vec<String> = alt
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|t| !t.is_empty())
                        .map(str::to_lowercase)
                        .collect();
                    let star = if i == 0 { "*" } else { "" };
                    (!tokens.is_empty()).then(|| format!("\"{}\"{star}", tokens.join(" ")))
                })
                .collect();
            match phrases.len() {
                0 => None,
                1 => phrases.into_iter().next(),
                _ => Some(format!("({})", phrases.join(" OR "))),
            }
        })
        .collect();
    // FTS5 wants an explicit AND next to a parenthesised group.
    (!groups.is_empty()).then(|| groups.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;
    use crate::discovery::query::WordMatch;

    fn words(list: &[&[&str]]) -> Vec<WordMatch> {
        list.iter()
            .map(|alts| WordMatch {
                alternatives: alts.iter().map(|a| a.to_string()).collect(),
            })
            .collect()
    }

    #[test]
    fn words_become_quoted_prefixes_and_synonyms_exact_alternatives() {
        assert_eq!(
            fts_query(&words(&[&["crew"], &["tee"]])).as_deref(),
            Some("\"crew\"* AND \"tee\"*")
        );
        assert_eq!(
            fts_query(&words(&[&["trainers", "sneakers", "t-shirt"]])).as_deref(),
            Some("(\"trainers\"* OR \"sneakers\" OR \"t shirt\")")
        );
    }

    #[test]
    fn query_syntax_typed_by_the_shopper_stays_text() {
        assert_eq!(
            fts_query(&words(&[&["\"a\""], &["OR"], &["NEAR("]])).as_deref(),
            Some("\"a\"* AND \"or\"* AND \"near\"*")
        );
        assert_eq!(fts_query(&words(&[&["*)(-"]])), None);
    }
}

//! Product search on SQLite FTS5: bm25 ranking weighted towards names, prefix matching so a
//! half-typed word already finds things, synonyms as alternatives, and input that can never
//! break the query syntax.

use super::texts::Texts;
use crate::discovery::query::WordMatch;
use crate::discovery::script::index_form;
use rusqlite::{params, Connection, OptionalExtension};

/// Every product matching `fts` in `language`, with its bm25 score (lower is better),
/// weighted: name matters most, then brand, then category, then description. Unordered: the
/// caller filters and sorts in memory, which is cheaper than SQLite sorting a join.
pub fn hits(conn: &Connection, fts: &str, language: &str) -> rusqlite::Result<Vec<(i64, f64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT product_id, bm25(product_search, 0.0, 0.0, 10.0, 5.0, 3.0, 1.0)
         FROM product_search WHERE product_search MATCH ?1 AND lang = ?2",
    )?;
    let rows = stmt.query_map([fts, language], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

const INDEX: &str = "CREATE VIRTUAL TABLE product_search USING fts5(
    product_id UNINDEXED, lang UNINDEXED, name, brand, category, description,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  )";

/// Refills the index from the catalogue, one row per product and language (English, and
/// every language `texts` has words in, falling back to English field by field); cheap
/// enough to run every time the store opens. Chinese is stored as characters and pairs
/// (`discovery::script`), as queries are planned.
pub fn rebuild_index(conn: &mut Connection, texts: &Texts) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: Option<String> = tx
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'product_search'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    // Releases before languages indexed one row per product, keyed by rowid.
    if current.is_some_and(|sql| sql.contains("lang UNINDEXED")) {
        tx.execute_batch("DELETE FROM product_search")?;
    } else {
        tx.execute_batch(&format!("DROP TABLE IF EXISTS product_search; {INDEX};"))?;
    }
    {
        let mut read = tx.prepare(
            "SELECT p.id, p.handle, p.name, p.brand, c.handle, c.name, p.description
             FROM products p JOIN categories c ON c.id = p.category_id",
        )?;
        let rows = read
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut write = tx.prepare(
            "INSERT INTO product_search (product_id, lang, name, brand, category, description)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for language in std::iter::once("en").chain(texts.codes().filter(|c| *c != "en")) {
            let words = texts.language(language);
            for (id, handle, name, brand, category, category_name, description) in &rows {
                write.execute(params![
                    id,
                    language,
                    index_form(words.product_name(handle, name)),
                    brand,
                    index_form(words.category_name(category, category_name)),
                    index_form(words.product_description(handle, description)),
                ])?;
            }
        }
    }
    tx.commit()
}

/// Every word `language`'s index holds, with the number of products that use it.
pub fn terms(conn: &Connection, language: &str) -> rusqlite::Result<Vec<(String, u32)>> {
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_instances
           USING fts5vocab(main, 'product_search', 'instance');",
    )?;
    let mut stmt = conn.prepare(
        "SELECT term, COUNT(DISTINCT doc) FROM temp.search_instances
         WHERE doc IN (SELECT rowid FROM product_search WHERE lang = ?1) GROUP BY term",
    )?;
    let rows = stmt.query_map([language], |r| Ok((r.get(0)?, r.get(1)?)))?;
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

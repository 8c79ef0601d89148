//! The catalogue in the store's other languages. The generator writes English; `texts/*.txt`
//! say each of its phrases in another language, and seeding writes whole names and
//! descriptions per product into `product_texts`/`category_texts`/`phrases`. The store reads
//! those tables once when it opens: a shopper's page then costs a lookup, not a join.

use super::catalog::{self, SeedProduct};
use rusqlite::{params, Connection};
use std::collections::HashMap;
use std::sync::Arc;

/// The languages the seeded catalogue is written in besides English, with their phrases.
pub const SOURCES: &[(&str, &str)] = &[
    ("zh", include_str!("texts/zh.txt")),
    ("fa", include_str!("texts/fa.txt")),
    ("ru", include_str!("texts/ru.txt")),
];

/// Bumped when the phrase files change, so older data folders get the new words.
const TEXTS_VERSION: &str = "1";

/// How English says a picture's alt text; other languages' templates replace it.
pub const PICTURE: &str = "{name} in {colour}";

/// One language's phrase file, by section.
#[derive(Default)]
pub struct Source {
    sections: HashMap<String, HashMap<String, String>>,
}

impl Source {
    pub fn parse(text: &str) -> Source {
        let mut source = Source::default();
        let mut section = String::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.to_string();
                continue;
            }
            if let Some((english, said)) = line.split_once(" = ") {
                source
                    .sections
                    .entry(section.clone())
                    .or_default()
                    .insert(english.trim().to_string(), said.trim().to_string());
            }
        }
        source
    }

    pub fn get(&self, section: &str, english: &str) -> Option<&str> {
        self.sections.get(section)?.get(english).map(String::as_str)
    }

    /// A category's (name, description).
    pub fn category(&self, handle: &str) -> Option<(&str, &str)> {
        let (name, description) = self.get("categories", handle)?.split_once(" | ")?;
        Some((name.trim(), description.trim()))
    }

    /// A generated product's (name, description), when every phrase in them is translated.
    pub fn product(&self, p: &SeedProduct) -> Option<(String, String)> {
        let base = self.get("products", &p.base_name)?;
        let name = match p.round {
            0 => base.to_string(),
            round => format!("{base} {}", round + 1),
        };
        let (_, category) = self.category(p.category.handle)?;
        let description = self
            .get("template", "description")?
            .replace("{name}", &name)
            .replace("{brand}", p.brand)
            .replace("{material}", self.get("materials", p.material)?)
            .replace("{category}", category);
        Some((name, description))
    }
}

/// Writes the translations for every generated product still in the store; once per
/// `TEXTS_VERSION`. Products the generator did not make (none yet) keep English only.
pub fn seed(conn: &mut Connection) -> rusqlite::Result<()> {
    let done: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'texts_version'",
            [],
            |r| r.get(0),
        )
        .ok();
    if done.as_deref() == Some(TEXTS_VERSION) {
        return Ok(());
    }
    let count: usize = conn.query_row("SELECT COUNT(*) FROM products", [], |r| r.get(0))?;
    let per_round = catalog::CATEGORIES.len() * catalog::PRODUCTS_PER_CATEGORY;
    let generated = catalog::generate(count.div_ceil(per_round).max(1));
    let tx = conn.transaction()?;
    for (language, text) in SOURCES {
        let source = Source::parse(text);
        for cat in catalog::CATEGORIES {
            if let Some((name, description)) = source.category(cat.handle) {
                tx.execute(
                    "INSERT OR REPLACE INTO category_texts (category_id, lang, name, description)
                     SELECT id, ?2, ?3, ?4 FROM categories WHERE handle = ?1",
                    params![cat.handle, language, name, description],
                )?;
            }
        }
        for p in &generated {
            if let Some((name, description)) = source.product(p) {
                tx.execute(
                    "INSERT OR REPLACE INTO product_texts (product_id, lang, name, description)
                     SELECT id, ?2, ?3, ?4 FROM products WHERE handle = ?1",
                    params![p.handle, language, name, description],
                )?;
            }
        }
        let options = source.sections.get("options").into_iter().flatten();
        let picture = source.get("template", "picture").map(|t| (PICTURE, t));
        for (english, said) in options
            .map(|(e, s)| (e.as_str(), s.as_str()))
            .chain(picture)
        {
            tx.execute(
                "INSERT OR REPLACE INTO phrases (lang, english, text) VALUES (?1, ?2, ?3)",
                params![language, english, said],
            )?;
        }
    }
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('texts_version', ?1)",
        [TEXTS_VERSION],
    )?;
    tx.commit()
}

/// The catalogue's words in one language, read from the tables; English (empty maps) falls
/// through to the catalogue's own columns.
#[derive(Default)]
pub struct Language {
    /// Product handle → (name, description).
    products: HashMap<String, (String, String)>,
    /// Category handle → (name, description).
    categories: HashMap<String, (String, String)>,
    /// English option name or value (and the picture template) → this language's.
    phrases: HashMap<String, String>,
}

impl Language {
    pub fn product_name<'a>(&'a self, handle: &str, english: &'a str) -> &'a str {
        self.products.get(handle).map_or(english, |(n, _)| n)
    }

    pub fn product_description<'a>(&'a self, handle: &str, english: &'a str) -> &'a str {
        self.products.get(handle).map_or(english, |(_, d)| d)
    }

    pub fn category_name<'a>(&'a self, handle: &str, english: &'a str) -> &'a str {
        self.categories.get(handle).map_or(english, |(n, _)| n)
    }

    pub fn category_description<'a>(&'a self, handle: &str, english: &'a str) -> &'a str {
        self.categories.get(handle).map_or(english, |(_, d)| d)
    }

    /// An option's name or value ("Colour", "Ink", "Small").
    pub fn phrase<'a>(&'a self, english: &'a str) -> &'a str {
        self.phrases.get(english).map_or(english, String::as_str)
    }

    pub fn has_phrase(&self, english: &str) -> bool {
        self.phrases.contains_key(english)
    }

    /// The alt text of a product's picture in one colour.
    pub fn picture(&self, name: &str, colour: &str) -> String {
        self.phrase(PICTURE)
            .replace("{name}", name)
            .replace("{colour}", self.phrase(colour))
    }
}

/// Every language's words, keyed by language code; English is the empty default.
#[derive(Default)]
pub struct Texts {
    languages: HashMap<String, Arc<Language>>,
    english: Arc<Language>,
}

impl Texts {
    pub fn load(c: &Connection) -> rusqlite::Result<Texts> {
        let mut languages: HashMap<String, Language> = HashMap::new();
        // Each query gives (language, key, …) rows; `put` files one under its language.
        let mut read = |sql: &str,
                        put: fn(&mut Language, &rusqlite::Row) -> rusqlite::Result<()>|
         -> rusqlite::Result<()> {
            let mut stmt = c.prepare(sql)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                put(languages.entry(r.get(0)?).or_default(), r)?;
            }
            Ok(())
        };
        read(
            "SELECT t.lang, p.handle, t.name, t.description
             FROM product_texts t JOIN products p ON p.id = t.product_id",
            |l, r| {
                l.products.insert(r.get(1)?, (r.get(2)?, r.get(3)?));
                Ok(())
            },
        )?;
        read(
            "SELECT t.lang, c.handle, t.name, t.description
             FROM category_texts t JOIN categories c ON c.id = t.category_id",
            |l, r| {
                l.categories.insert(r.get(1)?, (r.get(2)?, r.get(3)?));
                Ok(())
            },
        )?;
        read("SELECT lang, english, text FROM phrases", |l, r| {
            l.phrases.insert(r.get(1)?, r.get(2)?);
            Ok(())
        })?;
        Ok(Texts {
            languages: languages
                .into_iter()
                .map(|(code, l)| (code, Arc::new(l)))
                .collect(),
            english: Arc::default(),
        })
    }

    /// The words for `language`; English's (none: the catalogue's own) when it has none.
    pub fn language(&self, language: &str) -> Arc<Language> {
        self.languages
            .get(language)
            .unwrap_or(&self.english)
            .clone()
    }

    /// Languages with words of their own, for the search index.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.languages.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase the generator writes has a translation in every language, so no shopper
    /// meets an English name in a Russian store.
    #[test]
    fn every_generated_phrase_is_translated_in_every_language() {
        let products = catalog::generate(1);
        for (language, text) in SOURCES {
            let source = Source::parse(text);
            for p in &products {
                assert!(
                    source.product(p).is_some(),
                    "{language}: no words for {} (or its material)",
                    p.name
                );
                for value in p.variants.iter().flat_map(|v| &v.options) {
                    let sized = value.chars().all(|c| c.is_ascii_uppercase());
                    let numbered = value.chars().all(|c| c.is_ascii_digit());
                    assert!(
                        sized
                            || (numbered && *language != "fa")
                            || source.get("options", value).is_some(),
                        "{language}: no words for option value {value}"
                    );
                }
                for name in &p.option_names {
                    assert!(source.get("options", name).is_some(), "{language}: {name}");
                }
            }
            for cat in catalog::CATEGORIES {
                assert!(
                    source.category(cat.handle).is_some(),
                    "{language}: {}",
                    cat.handle
                );
            }
            assert!(source.get("template", "picture").is_some());
        }
    }

    #[test]
    fn a_description_reads_whole_in_the_language() {
        let products = catalog::generate(1);
        let ru = Source::parse(SOURCES[2].1);
        let (name, description) = ru.product(&products[0]).unwrap();
        assert_eq!(name, "Повседневная футболка с круглым вырезом");
        assert!(description.starts_with("Повседневная футболка с круглым вырезом от "));
        assert!(description.contains("Материалы: органический хлопковый трикотаж."));
        assert!(!description.contains('{'), "{description}");
    }
}

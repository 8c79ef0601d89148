//! The embedded store's catalogue: categories, listings and the candidates discovery ranks,
//! product pages, and what the owner changes (prices) or draws (product art).

use super::*;

pub(super) async fn categories(store: &EmbeddedStore) -> CommerceResult<Vec<Category>> {
    let words = store.words.clone();
    store
        .read(move |c| {
            let mut stmt = c
                .prepare_cached(&format!("{CATEGORY_SELECT} ORDER BY c.position"))
                .map_err(db)?;
            let rows = stmt.query_map([], category_row(&words)).map_err(db)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(db)
        })
        .await
}

pub(super) async fn category(store: &EmbeddedStore, handle: &str) -> CommerceResult<Category> {
    let handle = handle.to_string();
    let words = store.words.clone();
    store
        .read(move |c| {
            c.query_row(
                &format!("{CATEGORY_SELECT} WHERE c.handle = ?1"),
                [&handle],
                category_row(&words),
            )
            .optional()
            .map_err(db)?
            .ok_or(CommerceError::NotFound(Thing::Category))
        })
        .await
}

pub(super) async fn products(
    store: &EmbeddedStore,
    query: &ProductQuery,
) -> CommerceResult<Page<ProductSummary>> {
    let q = query.clone();
    let (words, currency) = (store.words.clone(), store.currency);
    store
        .read(move |c| {
            let per_page = q.per_page.clamp(1, 100);
            let page = q.page.max(1);
            let (from, order) = ("products p", "p.position");
            let filter =
                "(?1 IS NULL OR p.category_id = (SELECT id FROM categories WHERE handle = ?1))
             AND (?2 = 0 OR p.featured = 1)";
            let total: u32 = c
                .query_row(
                    &format!("SELECT COUNT(*) FROM {from} WHERE {filter}"),
                    params![q.category, q.featured_only],
                    |r| r.get(0),
                )
                .map_err(db)?;
            // The cheapest variant prices the card; its compare-at shows the saving.
            let (join, price, compare_at) = prices::columns(currency);
            let sql = format!(
                "SELECT p.handle, p.name, p.brand,
               (SELECT colour FROM variants WHERE product_id = p.id ORDER BY position LIMIT 1),
               MIN({price}), MAX({price}),
               (SELECT {compare_at} FROM variants v {join} WHERE v.product_id = p.id
                  ORDER BY {price}, v.position LIMIT 1),
               MAX(v.stock > 0)
             FROM {from} JOIN variants v ON v.product_id = p.id {join}
             WHERE {filter}
             GROUP BY p.id ORDER BY {order} LIMIT ?3 OFFSET ?4"
            );
            let mut stmt = c.prepare_cached(&sql).map_err(db)?;
            let offset = i64::from(page - 1) * i64::from(per_page);
            let items = stmt
                .query_map(
                    params![q.category, q.featured_only, per_page, offset],
                    |r| {
                        let handle: String = r.get(0)?;
                        let name = words
                            .product_name(&handle, &r.get::<_, String>(1)?)
                            .to_string();
                        let colour: String = r.get(3)?;
                        let min: i64 = r.get(4)?;
                        let max: i64 = r.get(5)?;
                        Ok(ProductSummary {
                            image: picture(&words, &handle, &name, &colour),
                            handle,
                            name,
                            brand: r.get(2)?,
                            price: Money::new(min, currency),
                            compare_at: r
                                .get::<_, Option<i64>>(6)?
                                .map(|m| Money::new(m, currency)),
                            price_varies: max != min,
                            in_stock: r.get(7)?,
                            rating: None,
                            saved: false,
                        })
                    },
                )
                .map_err(db)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(db)?;
            Ok(Page {
                items,
                page,
                per_page,
                total,
            })
        })
        .await
}

pub(super) async fn items(
    store: &EmbeddedStore,
    query: &ItemQuery,
) -> CommerceResult<Vec<crate::discovery::Item>> {
    let q = query.clone();
    let cached = store.catalogue.clone();
    let (language, words, currency) = (store.language, store.words.clone(), store.currency);
    store
        .read(move |c| {
            let version = listing::catalogue_version(c).map_err(db)?;
            let mut slot = cached.lock().unwrap_or_else(|p| p.into_inner());
            let catalogue = match slot.get(&(language, currency)) {
                Some((built_at, catalogue)) if *built_at == version => catalogue.clone(),
                copy => {
                    let copy = copy.map(|(built_at, old)| (*built_at, old.as_ref()));
                    let built =
                        Arc::new(listing::current(c, copy, version, &words, currency).map_err(db)?);
                    slot.insert((language, currency), (version, built.clone()));
                    built
                }
            };
            drop(slot);
            listing::items(c, &catalogue, &q, language).map_err(db)
        })
        .await
}

pub(super) async fn search_terms(store: &EmbeddedStore) -> CommerceResult<Vec<(String, u32)>> {
    let language = store.language;
    store
        .read(move |c| search::terms(c, language).map_err(db))
        .await
}

pub(super) async fn baskets(store: &EmbeddedStore, limit: u32) -> CommerceResult<Vec<Vec<String>>> {
    store
        .read(move |c| listing::baskets(c, limit).map_err(db))
        .await
}

pub(super) async fn product(store: &EmbeddedStore, handle: &str) -> CommerceResult<Product> {
    let handle = handle.to_string();
    let (words, currency) = (store.words.clone(), store.currency);
    store
        .read(move |c| {
            let head = super::rows::one(
                c,
                "SELECT p.id, p.name, p.brand, p.description, p.option_names, c.handle
                 FROM products p JOIN categories c ON c.id = p.category_id WHERE p.handle = ?1",
                [&handle],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .optional()
            .map_err(db)?
            .ok_or(CommerceError::NotFound(Thing::Product))?;
            let (id, name, brand, description, option_names, category_handle) = head;
            let name = words.product_name(&handle, &name).to_string();
            let description = words.product_description(&handle, &description).to_string();
            let category = c
                .query_row(
                    &format!("{CATEGORY_SELECT} WHERE c.handle = ?1"),
                    [&category_handle],
                    category_row(&words),
                )
                .map_err(db)?;
            let (join, price, compare_at) = prices::columns(currency);
            let mut stmt = c
                .prepare_cached(&format!(
                    "SELECT v.id, v.sku, v.options, v.colour, {price}, {compare_at}, v.stock
                 FROM variants v {join} WHERE v.product_id = ?1 ORDER BY v.position"
                ))
                .map_err(db)?;
            let variants = stmt
                .query_map([id], |r| {
                    let colour: String = r.get(3)?;
                    Ok(Variant {
                        id: r.get::<_, i64>(0)?.to_string(),
                        sku: r.get(1)?,
                        options: split(&r.get::<_, String>(2)?)
                            .iter()
                            .map(|o| words.phrase(o).to_string())
                            .collect(),
                        image: Some(picture(&words, &handle, &name, &colour)),
                        price: Money::new(r.get(4)?, currency),
                        compare_at: r.get::<_, Option<i64>>(5)?.map(|m| Money::new(m, currency)),
                        stock: r.get(6)?,
                    })
                })
                .map_err(db)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(db)?;
            let options = split(&option_names)
                .into_iter()
                .enumerate()
                .map(|(i, option)| {
                    let mut values: Vec<String> = Vec::new();
                    for v in &variants {
                        if let Some(value) = v.options.get(i) {
                            if !values.contains(value) {
                                values.push(value.clone());
                            }
                        }
                    }
                    ProductOption {
                        name: words.phrase(&option).to_string(),
                        values,
                    }
                })
                .collect();
            let mut images: Vec<Image> = Vec::new();
            for img in variants.iter().filter_map(|v| v.image.clone()) {
                if !images.contains(&img) {
                    images.push(img);
                }
            }
            Ok(Product {
                handle: handle.clone(),
                name,
                brand,
                description,
                category,
                images,
                options,
                variants,
            })
        })
        .await
}

impl EmbeddedStore {
    /// Sets every variant of product `handle` to `minor` in the base currency (a sale, a new
    /// price list), and its price in the other currencies from it; a compare-at price that is
    /// no longer above the price is dropped. Returns how many variants changed. (The caller
    /// checks the amount: the table refuses only a negative one.)
    pub async fn set_price(&self, handle: &str, minor: i64) -> CommerceResult<usize> {
        let handle = handle.to_string();
        let shown = self.shown.clone();
        self.run(move |c| {
            let tx = c.transaction().map_err(db)?;
            let variants = "SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
                            WHERE p.handle = ?1";
            tx.execute(
                &format!("DELETE FROM prices WHERE variant_id IN ({variants})"),
                [&handle],
            )
            .map_err(db)?;
            let changed = tx
                .execute(
                    &format!(
                        "UPDATE variants SET price = ?2,
                           compare_at = CASE WHEN compare_at > ?2 THEN compare_at END
                         WHERE id IN ({variants})"
                    ),
                    params![handle, minor],
                )
                .map_err(db)?;
            tx.commit().map_err(db)?;
            if changed == 0 {
                return Err(CommerceError::NotFound(Thing::Product));
            }
            prices::seed(c).map_err(db)?;
            // Once the other currencies' prices are made too: a listing built in between is
            // built again.
            listing::catalogue_changed(c, None).map_err(db)?;
            shown.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(changed)
        })
        .await
    }
}

impl EmbeddedStore {
    /// The SVG picture for a product in one of its colours (`None` when either is unknown).
    pub async fn product_art(&self, handle: String, colour: String) -> Option<String> {
        let colour = catalog::colour(&colour)?;
        let found = self
            .read(move |c| {
                super::rows::one(
                    c,
                    "SELECT art, id FROM products WHERE handle = ?1",
                    [&handle],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
                )
                .optional()
                .map_err(db)
            })
            .await
            .ok()??;
        Some(art::product_svg(&found.0, colour, found.1 as u64))
    }
}

pub(super) fn category_row(
    words: &texts::Language,
) -> impl Fn(&rusqlite::Row) -> rusqlite::Result<Category> + '_ {
    move |r| {
        let image = r.get::<_, Option<String>>(4)?.and_then(|s| {
            let mut it = s.splitn(3, '|');
            let (handle, name, colour) = (it.next()?, it.next()?, it.next()?);
            Some(picture(
                words,
                handle,
                words.product_name(handle, name),
                colour,
            ))
        });
        let handle: String = r.get(0)?;
        Ok(Category {
            name: words
                .category_name(&handle, &r.get::<_, String>(1)?)
                .to_string(),
            description: words
                .category_description(&handle, &r.get::<_, String>(2)?)
                .to_string(),
            handle,
            product_count: r.get(3)?,
            image,
        })
    }
}

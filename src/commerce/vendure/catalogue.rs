//! Vendure's catalogue in the storefront's terms: collections become categories, option groups
//! named like colour and size become facets, prices are the ones with tax (what the shopper
//! pays), and stock levels become numbers. Then the adapter's catalogue section: the shelf (a
//! 60 s copy of the catalogue for listings), categories, listings, product pages and the
//! candidates discovery ranks.

use super::plain::VProduct;
use super::*;
use crate::commerce::checkout::Day;
use crate::commerce::model::*;
use crate::commerce::Money;
use crate::commerce::{Currency, MAX_LINE_QUANTITY};
use crate::discovery::Item;
use std::collections::HashMap;

/// A collection as the catalogue lists it.
pub struct Collection {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub image: Option<String>,
    /// Slugs of the collections inside it.
    pub children: Vec<String>,
}

/// Every product's listing attributes, loaded in one pass and kept for a short while:
/// listings, facets and spelling then cost no round trips (see `VendureStore::shelf`).
pub struct Shelf {
    /// Collections in Vendure's order.
    pub collections: Vec<Collection>,
    /// Products in Vendure's order (the merchandiser's).
    pub items: Vec<Item>,
    /// Per item: every collection it is in, and its lower-cased searchable words.
    pub memberships: Vec<Vec<String>>,
    pub texts: Vec<String>,
    /// Per item: its brand and the names of every collection it is in, lower-cased. Vendure's
    /// search does not index them, yet "footwear" or "apple" must find those products.
    pub labels: Vec<String>,
    pub by_slug: HashMap<String, usize>,
    /// Variant id → product name, for stock messages.
    pub variant_products: HashMap<String, String>,
    /// Collection slug → products in it, counted once here: every page's header lists them.
    counts: HashMap<String, u32>,
}

impl Shelf {
    pub fn new(collections: Vec<Collection>, products: &[VProduct], currency: Currency) -> Shelf {
        let mut shelf = Shelf {
            items: Vec::with_capacity(products.len()),
            memberships: Vec::with_capacity(products.len()),
            texts: Vec::with_capacity(products.len()),
            labels: Vec::with_capacity(products.len()),
            by_slug: HashMap::new(),
            variant_products: HashMap::new(),
            counts: HashMap::new(),
            collections,
        };
        for (position, p) in products.iter().enumerate() {
            let (category, category_name) = shelf
                .category_of(p)
                .map(|c| (c.slug.clone(), c.name.clone()))
                .unwrap_or_default();
            let text = format!(
                "{} {} {} {}",
                p.name,
                brand(p),
                category_name,
                p.description
            )
            .to_lowercase();
            shelf.by_slug.insert(p.slug.clone(), position);
            for v in &p.variants {
                shelf.variant_products.insert(v.id.clone(), p.name.clone());
            }
            shelf.items.push(Item {
                summary: summary(p, currency),
                category,
                category_name,
                colours: values_of(p, &["colour", "color"]),
                sizes: values_of(p, &["size"]),
                created_at: epoch_seconds(&p.created_at),
                updated_at: epoch_seconds(&p.updated_at),
                // The Shop API does not share sales; best selling falls back to position.
                sold: 0,
                relevance: 0.0,
                position: position as u32,
            });
            let mut member_of: Vec<&String> = p.collections.iter().collect();
            member_of.sort_unstable();
            member_of.dedup();
            for slug in member_of {
                *shelf.counts.entry(slug.clone()).or_default() += 1;
            }
            shelf.memberships.push(p.collections.clone());
            shelf.texts.push(crate::discovery::script::normalise(&text));
            let mut labels = brand(p);
            for c in shelf
                .collections
                .iter()
                .filter(|c| p.collections.contains(&c.slug))
            {
                labels.push(' ');
                labels.push_str(&c.name);
            }
            shelf
                .labels
                .push(crate::discovery::script::normalise(&labels.to_lowercase()));
        }
        shelf
    }

    /// A product's category: the innermost collection it is in (Computers, not Electronics).
    pub fn category_of(&self, p: &VProduct) -> Option<&Collection> {
        let known: Vec<&Collection> = p
            .collections
            .iter()
            .filter_map(|slug| self.collection(slug))
            .collect();
        known
            .iter()
            .find(|c| c.children.is_empty())
            .or(known.last())
            .copied()
    }

    pub fn collection(&self, slug: &str) -> Option<&Collection> {
        self.collections.iter().find(|c| c.slug == slug)
    }

    /// Whether item `i` is in collection `slug` or any collection inside it.
    pub fn in_collection(&self, i: usize, slug: &str) -> bool {
        self.memberships[i].iter().any(|m| m == slug)
    }

    pub fn category(&self, c: &Collection) -> Category {
        Category {
            handle: c.slug.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            product_count: self.counts.get(&c.slug).copied().unwrap_or(0),
            image: c.image.as_ref().map(|url| picture(url, &c.name, CARD)),
        }
    }

    /// Every word of the catalogue with the number of products using it, for spelling.
    pub fn terms(&self) -> Vec<(String, u32)> {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for text in &self.texts {
            let mut words: Vec<&str> = words(text).collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                *counts.entry(w).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .map(|(w, n)| (w.to_string(), n))
            .collect()
    }

    /// Whether item `i` has a word starting with `prefix` (for words too short for Vendure's
    /// search, which ignores terms under three characters).
    /// Chinese has no word starts to match: its pairs of characters match anywhere.
    pub fn has_word_starting(&self, i: usize, prefix: &str) -> bool {
        has_word_starting(&self.texts[i], prefix)
    }

    pub fn has_label_word_starting(&self, i: usize, prefix: &str) -> bool {
        has_word_starting(&self.labels[i], prefix)
    }
}

fn has_word_starting(text: &str, prefix: &str) -> bool {
    if prefix.chars().any(crate::discovery::script::is_cjk) {
        return text.contains(prefix);
    }
    words(text).any(|w| w.starts_with(prefix))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Picture sizes from the asset server's presets: cards are drawn at 400 px, the product
/// page at 800 px.
pub const CARD: &str = "medium";
pub const PICTURE: &str = "large";

/// The copies a picture offers, from Vendure's default presets (resized to fit, so any
/// hardened asset server that allows only presets serves them too). Cards and tiles never
/// need more than the 500 px copy; the product page's pictures go up to 800 px, and its
/// thumbnails take the 300 px one.
fn copies(preset: &str) -> &'static [(&'static str, u32)] {
    if preset == CARD {
        &[("small", 300), ("medium", 500)]
    } else {
        &[("small", 300), ("medium", 500), ("large", 800)]
    }
}

pub fn picture(url: &str, alt: &str, preset: &str) -> Image {
    let set = |format: &str| {
        copies(preset)
            .iter()
            .map(|(name, width)| format!("{url}?preset={name}&format={format} {width}w"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Image {
        url: format!("{url}?preset={preset}&format=webp"),
        alt: alt.to_string(),
        srcset: Some(set("webp")),
        avif: Some(set("avif")),
    }
}

/// The shop's own icon stands in for a product without pictures.
pub fn no_picture(alt: &str) -> Image {
    Image {
        url: "/favicon.svg".into(),
        alt: alt.to_string(),
        srcset: None,
        avif: None,
    }
}

/// Vendure reports stock as words by default and as numbers with the exact strategy our
/// local server uses; both become the units a shopper may add.
pub fn stock(level: &str) -> u32 {
    match level {
        "OUT_OF_STOCK" => 0,
        "LOW_STOCK" => 3,
        "IN_STOCK" => MAX_LINE_QUANTITY,
        n => n
            .parse::<i64>()
            .map_or(0, |n| n.clamp(0, i64::from(u32::MAX)) as u32),
    }
}

fn brand(p: &VProduct) -> String {
    p.facets
        .iter()
        .find(|(facet, _)| facet == "brand")
        .map(|(_, name)| name.clone())
        .unwrap_or_default()
}

/// Values of the option groups whose name contains one of `names` (colour, size), in the
/// order the variants list them.
fn values_of(p: &VProduct, names: &[&str]) -> Vec<String> {
    let groups: Vec<&str> = p
        .groups
        .iter()
        .filter(|(_, name)| {
            let name = name.to_lowercase();
            names.iter().any(|n| name.contains(n))
        })
        .map(|(id, _)| id.as_str())
        .collect();
    let mut values: Vec<String> = Vec::new();
    for v in &p.variants {
        for (group, value) in &v.options {
            if groups.contains(&group.as_str()) && !values.contains(value) {
                values.push(value.clone());
            }
        }
    }
    values
}

pub fn summary(p: &VProduct, currency: Currency) -> ProductSummary {
    let cheapest = p.variants.iter().map(|v| v.price).min().unwrap_or(0);
    ProductSummary {
        handle: p.slug.clone(),
        name: p.name.clone(),
        brand: brand(p),
        image: p
            .image
            .as_ref()
            .map_or_else(|| no_picture(&p.name), |u| picture(u, &p.name, CARD)),
        price: Money::new(cheapest, currency),
        compare_at: None,
        price_varies: p.variants.iter().any(|v| v.price != cheapest),
        in_stock: p.variants.iter().any(|v| stock(&v.stock_level) > 0),
        rating: None,
        saved: false,
    }
}

pub fn to_product(p: VProduct, category: Category, currency: Currency) -> Product {
    let brand = brand(&p);
    let group_index = |id: &str| p.groups.iter().position(|(g, _)| g == id);
    let mut options: Vec<ProductOption> = p
        .groups
        .iter()
        .map(|(_, name)| ProductOption {
            name: capitalised(name),
            values: Vec::new(),
        })
        .collect();
    let variants = p
        .variants
        .iter()
        .map(|v| {
            let mut chosen = vec![String::new(); p.groups.len()];
            for (group, value) in &v.options {
                if let Some(i) = group_index(group) {
                    if !options[i].values.contains(value) {
                        options[i].values.push(value.clone());
                    }
                    chosen[i] = value.clone();
                }
            }
            Variant {
                id: v.id.clone(),
                sku: v.sku.clone(),
                options: chosen,
                price: Money::new(v.price, currency),
                compare_at: None,
                stock: stock(&v.stock_level),
                image: v.image.as_ref().map(|u| picture(u, &p.name, PICTURE)),
            }
        })
        .collect();
    let mut images: Vec<Image> = p
        .images
        .iter()
        .map(|u| picture(u, &p.name, PICTURE))
        .collect();
    if images.is_empty() {
        images.push(no_picture(&p.name));
    }
    Product {
        handle: p.slug,
        name: p.name,
        brand,
        description: p.description,
        category,
        images,
        options,
        variants,
    }
}

/// Vendure names option groups in lower case ("screen size"); labels start with a capital.
fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Seconds since the epoch of an ISO 8601 UTC time ("2026-11-23T16:29:10.123Z"); 0 when
/// unreadable, which only moves the product to the end of "newest".
pub fn epoch_seconds(iso: &str) -> i64 {
    let num = |range: std::ops::Range<usize>| iso.get(range).and_then(|s| s.parse::<i64>().ok());
    let (Some(y), Some(m), Some(d), Some(h), Some(min), Some(s)) = (
        num(0..4),
        num(5..7),
        num(8..10),
        num(11..13),
        num(14..16),
        num(17..19),
    ) else {
        return 0;
    };
    let (Ok(m), Ok(d)) = (u32::try_from(m), u32::try_from(d)) else {
        return 0;
    };
    Day::from_civil(y, m, d).0 * 86_400 + h * 3_600 + min * 60 + s
}

pub(super) async fn categories(store: &VendureStore) -> CommerceResult<Vec<Category>> {
    let shelf = store.shelf().await?;
    // Categories are the innermost collections; outer ones stay reachable by address.
    Ok(shelf
        .collections
        .iter()
        .filter(|c| c.children.is_empty())
        .map(|c| shelf.category(c))
        .collect())
}

pub(super) async fn category(store: &VendureStore, handle: &str) -> CommerceResult<Category> {
    let shelf = store.shelf().await?;
    shelf
        .collection(handle)
        .map(|c| shelf.category(c))
        .ok_or(CommerceError::NotFound(Thing::Category))
}

pub(super) async fn products(
    store: &VendureStore,
    query: &ProductQuery,
) -> CommerceResult<Page<ProductSummary>> {
    let shelf = store.shelf().await?;
    let all: Vec<&ProductSummary> = shelf
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            query
                .category
                .as_ref()
                .is_none_or(|c| shelf.in_collection(*i, c))
        })
        .map(|(_, item)| &item.summary)
        .collect();
    let per_page = query.per_page.max(1);
    let page = query.page.max(1);
    Ok(Page {
        total: all.len() as u32,
        items: all
            .into_iter()
            .skip(((page - 1) * per_page) as usize)
            .take(per_page as usize)
            .cloned()
            .collect(),
        page,
        per_page,
    })
}

pub(super) async fn product(store: &VendureStore, handle: &str) -> CommerceResult<Product> {
    let key = (store.language, handle.to_string());
    if let Some(kept) = store.kept_product(&key) {
        return Ok(kept);
    }
    let asked = (Instant::now(), store.product_generation());
    let product = product_from_vendure(store, handle).await?;
    store.keep_product(key, asked, &product);
    Ok(product)
}

async fn product_from_vendure(store: &VendureStore, handle: &str) -> CommerceResult<Product> {
    let reply = store
        .client
        .call::<ProductBySlug>(
            product_by_slug::Variables {
                slug: handle.to_string(),
            },
            None,
            Kind::Read,
        )
        .await?;
    let p = reply
        .data
        .product
        .map(|p| plain_product!(p))
        .ok_or(CommerceError::NotFound(Thing::Product))?;
    let shelf = store.shelf().await?;
    let category = shelf
        .category_of(&p)
        .map(|c| shelf.category(c))
        .unwrap_or_else(|| Category {
            handle: String::new(),
            name: String::new(),
            description: String::new(),
            product_count: 0,
            image: None,
        });
    Ok(to_product(p, category, store.currency))
}

pub(super) async fn items(store: &VendureStore, query: &ItemQuery) -> CommerceResult<Vec<Item>> {
    let shelf = store.shelf().await?;
    let wanted = |i: usize| {
        query
            .category
            .as_ref()
            .is_none_or(|c| shelf.in_collection(i, c))
            && query
                .handles
                .as_ref()
                .is_none_or(|hs| hs.contains(&shelf.items[i].summary.handle))
    };
    let limit = query.limit as usize;
    let Some(words) = &query.words else {
        return Ok((0..shelf.items.len())
            .filter(|&i| wanted(i))
            .take(limit)
            .map(|i| shelf.items[i].clone())
            .collect());
    };
    let mut hits: Vec<(usize, f64)> = store
        .matches(&shelf, words, query.category.as_deref())
        .await?
        .into_iter()
        .filter(|(i, _)| wanted(*i))
        .collect();
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(hits
        .into_iter()
        .take(limit)
        .map(|(i, score)| {
            let mut item = shelf.items[i].clone();
            item.relevance = score;
            item
        })
        .collect())
}

pub(super) async fn search_terms(store: &VendureStore) -> CommerceResult<Vec<(String, u32)>> {
    Ok(store.shelf().await?.terms())
}

impl VendureStore {
    pub(super) async fn shelf(&self) -> CommerceResult<Arc<Shelf>> {
        let fresh = || {
            self.shelf.lock().ok().and_then(|s| {
                s.get(self.language)
                    .filter(|(at, _)| at.elapsed() < SHELF_TTL)
                    .map(|(_, s)| s.clone())
            })
        };
        if let Some(shelf) = fresh() {
            return Ok(shelf);
        }
        let stale = || {
            self.shelf
                .lock()
                .ok()
                .and_then(|s| s.get(self.language).map(|(_, s)| s.clone()))
        };
        // While another request reloads it, an old catalogue beats a queue.
        let _one = match self.loading.try_lock() {
            Ok(one) => one,
            Err(_) => match stale() {
                Some(shelf) => return Ok(shelf),
                None => self.loading.lock().await,
            },
        };
        if let Some(shelf) = fresh() {
            return Ok(shelf);
        }
        match self.load_shelf().await {
            Ok(loaded) => {
                let shelf = Arc::new(loaded);
                if let Ok(mut s) = self.shelf.lock() {
                    s.insert(self.language, (Instant::now(), shelf.clone()));
                }
                Ok(shelf)
            }
            // Vendure down: listings keep showing the last catalogue they had, if any.
            Err(e) => stale().ok_or(e),
        }
    }
}

impl VendureStore {
    /// Drops the cached catalogue in every language (stock changed).
    pub(super) fn restock(&self) {
        if let Ok(mut s) = self.shelf.lock() {
            s.clear();
        }
        if let Ok(mut p) = self.products.lock() {
            p.generation += 1;
            p.pages.clear();
        }
    }

    pub(super) fn product_generation(&self) -> u64 {
        self.products.lock().map_or(0, |p| p.generation)
    }

    fn kept_product(&self, key: &(&'static str, String)) -> Option<Product> {
        let products = self.products.lock().ok()?;
        let (at, product) = products.pages.get(key)?;
        (at.elapsed() < self.product_ttl).then(|| product.clone())
    }

    /// Keeps `product` as Vendure gave it when `asked` (when, and after how many of this
    /// instance's orders): its age counts from the question, and an answer to a question
    /// asked before an order of ours is not kept, so our own sales show at once.
    fn keep_product(&self, key: (&'static str, String), asked: (Instant, u64), product: &Product) {
        let Ok(mut products) = self.products.lock() else {
            return;
        };
        if self.product_ttl.is_zero() || products.generation != asked.1 {
            return;
        }
        if products.pages.len() >= PRODUCTS_KEPT {
            let ttl = self.product_ttl;
            products.pages.retain(|_, (at, _)| at.elapsed() < ttl);
        }
        products.pages.insert(key, (asked.0, product.clone()));
    }
}

impl VendureStore {
    pub(super) async fn load_shelf(&self) -> CommerceResult<Shelf> {
        let listed = self
            .client
            .call::<Collections>(collections::Variables {}, None, Kind::Read)
            .await?
            .data
            .collections
            .items;
        let mut collections: Vec<Collection> = listed
            .iter()
            .map(|c| Collection {
                slug: c.slug.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
                image: c.featured_asset.as_ref().map(|a| a.preview.clone()),
                children: listed
                    .iter()
                    .filter(|child| child.parent_id == c.id)
                    .map(|child| child.slug.clone())
                    .collect(),
            })
            .collect();
        // Outer collections first, then Vendure's order within each level.
        collections.sort_by_key(|c| c.children.is_empty());
        let mut products: Vec<VProduct> = Vec::new();
        loop {
            let page = self
                .client
                .call::<Products>(
                    products::Variables {
                        skip: products.len() as i64,
                        take: PAGE,
                    },
                    None,
                    Kind::Read,
                )
                .await?
                .data
                .products;
            let total = page.total_items;
            let got = page.items.len();
            products.extend(page.items.into_iter().map(|p| plain_product!(p)));
            if got == 0 || products.len() as i64 >= total {
                break;
            }
        }
        Ok(Shelf::new(collections, &products, self.currency))
    }
}

impl VendureStore {
    /// Products matching every planned word, with a score: each word is searched with
    /// Vendure's `search` (one call per alternative), and matched against the brand and
    /// collection names it does not index; words too short for it are matched against the
    /// cached catalogue.
    pub(super) async fn matches(
        &self,
        shelf: &Shelf,
        words: &[crate::discovery::query::WordMatch],
        collection: Option<&str>,
    ) -> CommerceResult<HashMap<usize, f64>> {
        let mut scores: Option<HashMap<usize, f64>> = None;
        for word in words {
            let mut found: HashMap<usize, f64> = HashMap::new();
            for alt in &word.alternatives {
                let alt = alt.trim().to_lowercase();
                if alt.chars().count() < 3 {
                    for i in (0..shelf.items.len()).filter(|&i| shelf.has_word_starting(i, &alt)) {
                        let s = found.entry(i).or_default();
                        *s = s.max(1.0);
                    }
                    continue;
                }
                let mut skip = 0;
                while skip < MOST_HITS {
                    let page = self
                        .client
                        .call::<Search>(
                            search::Variables {
                                term: alt.clone(),
                                // Vendure's pages then hold only this category's.
                                collection: collection.map(str::to_string),
                                skip,
                                take: PAGE,
                            },
                            None,
                            Kind::Read,
                        )
                        .await?
                        .data
                        .search;
                    let got = page.items.len() as i64;
                    for hit in page.items {
                        if let Some(&i) = shelf.by_slug.get(&hit.slug) {
                            let s = found.entry(i).or_default();
                            *s = s.max(hit.score);
                        }
                    }
                    skip += got;
                    if got == 0 || skip >= page.total_items {
                        break;
                    }
                }
                let in_scope = |i: &usize| {
                    collection.is_none_or(|c| shelf.memberships[*i].iter().any(|m| m == c))
                };
                for i in (0..shelf.items.len())
                    .filter(in_scope)
                    .filter(|&i| shelf.has_label_word_starting(i, &alt))
                {
                    let s = found.entry(i).or_default();
                    *s = s.max(1.0);
                }
            }
            scores = Some(match scores {
                None => found,
                Some(before) => before
                    .into_iter()
                    .filter_map(|(i, s)| found.get(&i).map(|f| (i, s + f)))
                    .collect(),
            });
        }
        Ok(scores.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::vendure::plain::VVariant;

    fn laptop() -> VProduct {
        let v = |id: &str, price, stock: &str, opts: [(&str, &str); 2]| VVariant {
            id: id.into(),
            sku: id.into(),
            price,
            stock_level: stock.into(),
            image: None,
            options: opts.map(|(g, n)| (g.to_string(), n.to_string())).to_vec(),
        };
        VProduct {
            slug: "laptop".into(),
            name: "Laptop".into(),
            description: "A laptop".into(),
            created_at: "2026-11-23T16:29:10.000Z".into(),
            updated_at: "2026-11-25T08:00:00.000Z".into(),
            image: Some("http://v/assets/preview/a.jpg".into()),
            images: vec![],
            facets: vec![("brand".into(), "Apple".into())],
            collections: vec!["electronics".into(), "computers".into()],
            groups: vec![
                ("2".into(), "screen size".into()),
                ("3".into(), "colour".into()),
            ],
            variants: vec![
                v(
                    "1",
                    155_880,
                    "OUT_OF_STOCK",
                    [("3", "Silver"), ("2", "13 inch")],
                ),
                v("2", 167_880, "7", [("2", "15 inch"), ("3", "Grey")]),
            ],
        }
    }

    #[test]
    fn variant_options_follow_the_products_group_order() {
        let p = to_product(laptop(), category(), Currency::USD);
        assert_eq!(p.options[0].name, "Screen size");
        assert_eq!(p.options[0].values, ["13 inch", "15 inch"]);
        assert_eq!(p.variants[0].options, ["13 inch", "Silver"]);
        assert_eq!(p.variants[1].options, ["15 inch", "Grey"]);
        assert_eq!(p.variants[0].stock, 0);
        assert_eq!(p.variants[1].stock, 7);
        // No gallery: the featured picture is not lost, the shop icon stands in.
        assert_eq!(p.images.len(), 1);
    }

    #[test]
    fn cards_show_the_cheapest_price_with_from_and_the_brand_facet() {
        let s = summary(&laptop(), Currency::USD);
        assert_eq!(s.price, Money::new(155_880, Currency::USD));
        assert!(s.price_varies && s.in_stock);
        assert_eq!(s.brand, "Apple");
        assert!(s.image.url.ends_with("a.jpg?preset=medium&format=webp"));
        // A phone's grid can take the 300 px copy, in AVIF where the browser decodes it.
        let webp = s.image.srcset.as_deref().unwrap();
        assert_eq!(
            webp,
            "http://v/assets/preview/a.jpg?preset=small&format=webp 300w, \
             http://v/assets/preview/a.jpg?preset=medium&format=webp 500w"
        );
        assert_eq!(
            s.image.avif.as_deref().unwrap(),
            webp.replace("webp", "avif")
        );
        // The product page's pictures go up to the 800 px copy.
        let mut laptop = laptop();
        laptop.images = vec!["http://v/assets/preview/a.jpg".into()];
        let p = to_product(laptop, category(), Currency::USD);
        let copies = p.images[0].srcset.as_deref().unwrap();
        assert!(
            copies.ends_with("http://v/assets/preview/a.jpg?preset=large&format=webp 800w"),
            "{copies}"
        );
    }

    #[test]
    fn the_innermost_collection_is_the_category_and_facets_come_from_option_names() {
        let collections = vec![
            Collection {
                slug: "electronics".into(),
                name: "Electronics".into(),
                description: String::new(),
                image: None,
                children: vec!["computers".into()],
            },
            Collection {
                slug: "computers".into(),
                name: "Computers".into(),
                description: String::new(),
                image: None,
                children: vec![],
            },
        ];
        let shelf = Shelf::new(collections, &[laptop()], Currency::USD);
        let item = &shelf.items[0];
        assert_eq!(item.category, "computers");
        assert_eq!(item.sizes, ["13 inch", "15 inch"]);
        assert_eq!(item.colours, ["Silver", "Grey"]);
        assert_eq!(item.updated_at, epoch_seconds("2026-11-25T08:00:00Z"));
        assert!(item.updated_at > item.created_at);
        assert!(shelf.in_collection(0, "electronics"));
        assert_eq!(shelf.category(&shelf.collections[0]).product_count, 1);
        assert!(shelf.has_word_starting(0, "ap"));
        assert!(shelf.terms().contains(&("apple".to_string(), 1)));
    }

    #[test]
    fn stock_words_and_numbers_become_units() {
        assert_eq!(stock("OUT_OF_STOCK"), 0);
        assert_eq!(stock("LOW_STOCK"), 3);
        assert_eq!(stock("IN_STOCK"), MAX_LINE_QUANTITY);
        assert_eq!(stock("12"), 12);
        assert_eq!(stock("-2"), 0);
    }

    #[test]
    fn iso_times_become_epoch_seconds() {
        assert_eq!(epoch_seconds("1970-01-01T00:00:00.000Z"), 0);
        assert_eq!(epoch_seconds("2000-03-01T00:00:01Z"), 951_868_801);
        assert_eq!(epoch_seconds("garbage"), 0);
    }

    fn category() -> Category {
        Category {
            handle: "computers".into(),
            name: "Computers".into(),
            description: String::new(),
            product_count: 1,
            image: None,
        }
    }
}

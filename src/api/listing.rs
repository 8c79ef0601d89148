//! Listings: search results and category pages share one shape (facets, sort, pages), and
//! all of their state lives in the URL, so every listing can be shared, crawled and reached
//! with Back and Forward. Also the header's suggestions as the shopper types.

use super::ApiError;
use crate::commerce::{Category, Page, ProductSummary};
use crate::discovery::{Facets, Filters, PriceBand, Sort};
use serde::{Deserialize, Serialize};

/// Products on one page of a listing.
pub const PER_PAGE: u32 = 24;

/// A listing as its URL says it: `/search?q=…` or `/c/{category}?…`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListingParams {
    /// Words searched; empty on a category page.
    pub q: String,
    /// The category page's handle; empty on a search.
    pub category: String,
    pub filters: Filters,
    pub sort: Sort,
    pub page: u32,
}

impl ListingParams {
    /// Reads the URL's query: `get` returns every value given for a key.
    pub fn from_query(get: impl Fn(&str) -> Vec<String>) -> ListingParams {
        let one = |k: &str| get(k).into_iter().next().unwrap_or_default();
        ListingParams {
            q: one("q"),
            category: String::new(),
            filters: Filters {
                categories: get("cat"),
                colours: get("colour"),
                sizes: get("size"),
                prices: get("price")
                    .iter()
                    .filter_map(|p| PriceBand::from_slug(p.trim()))
                    .collect(),
                in_stock: one("stock") == "1",
                rated: one("rating") == "4",
            }
            .bounded(),
            sort: Sort::from_slug(&one("sort")).unwrap_or_default(),
            page: one("page").parse().unwrap_or(1).max(1),
        }
    }

    /// The query string for these params (without `?`), with `page` instead of the current
    /// one; the first page and the default sort are left out so URLs stay short.
    pub fn query_string(&self, page: u32) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        let f = &self.filters;
        pairs.extend(f.categories.iter().map(|v| ("cat", v.clone())));
        pairs.extend(f.colours.iter().map(|v| ("colour", v.clone())));
        pairs.extend(f.sizes.iter().map(|v| ("size", v.clone())));
        pairs.extend(f.prices.iter().map(|v| ("price", v.slug().to_string())));
        if f.in_stock {
            pairs.push(("stock", "1".into()));
        }
        if f.rated {
            pairs.push(("rating", "4".into()));
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.slug().into()));
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", form_urlencode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The path these params live at.
    /// The listing's address in the shopper's language.
    pub fn path(&self) -> String {
        crate::words::current().path(&if self.category.is_empty() {
            "/search".into()
        } else {
            format!("/c/{}", self.category)
        })
    }

    pub fn href(&self, page: u32) -> String {
        let qs = self.query_string(page);
        if qs.is_empty() {
            self.path()
        } else {
            format!("{}?{qs}", self.path())
        }
    }
}

/// `application/x-www-form-urlencoded`, as a GET form would write it.
pub fn form_urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// The params as the server understood them (cleaned, page clamped).
    pub params: ListingParams,
    /// The category of a category page.
    pub category: Option<Category>,
    pub products: Page<ProductSummary>,
    pub facets: Facets,
    /// What was searched instead, when words were misspelt.
    pub corrected: Option<String>,
    /// A search that would find something, when this one finds nothing.
    pub did_you_mean: Option<String>,
    /// Best sellers, shown when nothing matches.
    pub popular: Vec<ProductSummary>,
    /// Whether the order reflects the shopper's taste (they agreed, and there is some).
    pub personalised: bool,
}

/// What the header suggests while the shopper types, worded and linked on the server (in the
/// shopper's language): the search box only lists it, so the browser carries neither the
/// catalogue's types nor the words for them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Suggestions {
    /// "Showing results for …" when the words were corrected.
    pub note: Option<String>,
    /// Categories first, then products, then a search for the words as typed.
    pub choices: Vec<Suggestion>,
    /// How many there are, for screen readers.
    pub count: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub label: String,
    /// "Category", or the product's price.
    pub detail: String,
    pub href: String,
}

/// The suggestions as the search box shows them: how many there are (the arrow keys move
/// through them), the words for screen readers, the correction note, and the options drawn on
/// the server, so the browser needs no decoder and no view for them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownSuggestions {
    pub options: usize,
    pub count: String,
    pub note: String,
    pub list: String,
}

impl crate::api::InParts for ShownSuggestions {
    fn parts(&self) -> Vec<String> {
        vec![
            self.options.to_string(),
            self.count.clone(),
            self.note.clone(),
            self.list.clone(),
        ]
    }

    fn from_parts(parts: Vec<&str>) -> Option<ShownSuggestions> {
        let [options, count, note, list] = parts[..] else {
            return None;
        };
        Some(ShownSuggestions {
            options: options.parse().ok()?,
            count: count.to_string(),
            note: note.to_string(),
            list: list.to_string(),
        })
    }
}

/// The search results' address for `q`: what `ListingParams { q, .. }.href(1)` gives, without
/// carrying the listing's parameters into the browser.
pub fn search_href(q: &str) -> String {
    crate::words::current().path(&if q.is_empty() {
        "/search".into()
    } else {
        format!("/search?q={}", form_urlencode(q))
    })
}

#[leptos::server(endpoint = "catalog/listing", output = crate::api::Answer)]
pub async fn get_listing(params: ListingParams) -> Result<Listing, ApiError> {
    ssr::listing(params).await
}

#[leptos::server(endpoint = "catalog/suggest", output = crate::api::Answer)]
pub async fn suggest(q: String) -> Result<Suggestions, ApiError> {
    ssr::suggest(q).await
}

/// `suggest`, as the header's search box shows it.
#[leptos::server(endpoint = "catalog/suggest/shown", output = crate::api::PartsAnswer)]
pub async fn suggest_shown(q: String) -> Result<ShownSuggestions, ApiError> {
    let s = ssr::suggest(q).await?;
    Ok(ShownSuggestions {
        options: s.choices.len(),
        list: crate::app::suggestion_options(s.choices),
        count: s.count,
        note: s.note.unwrap_or_default(),
    })
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::profile::ssr as profile;
    use crate::commerce::backend::{Commerce, ItemQuery};
    use crate::discovery::facets::arrange;
    use crate::discovery::profile::Event;
    use crate::discovery::query::{plan, TextQuery};
    use crate::w;

    /// Most products one listing considers; a search keeps its best matches.
    const CANDIDATES: u32 = 20_000;
    const SUGGESTED_PRODUCTS: usize = 6;
    const SUGGESTED_CATEGORIES: usize = 3;
    const POPULAR: usize = 8;

    fn clean_words(q: &str) -> String {
        q.trim()
            .chars()
            .filter(|c| !c.is_control())
            .take(100)
            .collect()
    }

    async fn planned(backend: &dyn Commerce, q: &str) -> Result<Option<TextQuery>, ApiError> {
        let learned = crate::api::context::learned()?;
        let vocabulary = learned.vocabulary(backend).await?;
        Ok(plan(q, &vocabulary, &learned.synonyms))
    }

    pub async fn listing(mut params: ListingParams) -> Result<Listing, ApiError> {
        let backend = crate::api::context::backend()?;
        params.q = clean_words(&params.q);
        params.page = crate::api::validate::page(params.page);
        // The page's URL was bounded when read, but a direct call sends what it likes.
        params.filters = std::mem::take(&mut params.filters).bounded();
        let category = if params.category.is_empty() {
            None
        } else {
            params.category = crate::api::validate::handle(&params.category)?;
            params.filters.categories.clear();
            Some(backend.category(&params.category).await?)
        };
        let text = if params.q.is_empty() {
            None
        } else {
            planned(backend.as_ref(), &params.q).await?
        };
        let searching = !params.q.is_empty();
        let items = if searching && text.is_none() {
            Vec::new()
        } else {
            backend
                .items(&ItemQuery {
                    words: text.as_ref().map(|t| t.words.clone()),
                    category: category.as_ref().map(|c| c.handle.clone()),
                    limit: CANDIDATES,
                    ..Default::default()
                })
                .await?
        };
        // Ratings are the storefront's, not the backend's: added before sorting so that "top
        // rated" and "4 stars & up" work the same on every backend.
        let mut items = items;
        let summaries: Vec<&mut crate::commerce::ProductSummary> =
            items.iter_mut().map(|i| &mut i.summary).collect();
        crate::api::cards::dress(summaries).await;
        // Only a shopper with a taste sees a difference, so only they are counted.
        let kind = if searching { "search" } else { "category" };
        let taste = profile::taste().filter(|_| {
            crate::api::experiments::level_of(crate::analytics::experiments::Knob::Ranking, kind)
                == "taste"
        });
        let personal = taste.is_some();
        // Counting facets and ranking walk every candidate: CPU work, kept off the async
        // workers so other requests (and /healthz) are not queued behind it.
        let (filters, sort, page) = (params.filters.clone(), params.sort, params.page);
        let currency = items.first().map(|i| i.price().currency);
        let (products, mut facets) = tokio::task::spawn_blocking(move || {
            arrange(items, &filters, sort, taste.as_ref(), page, PER_PAGE)
        })
        .await
        .map_err(|_| ApiError::Unavailable)?;
        params.page = products.page;
        // Worded here, in the request's language (the counting ran on a blocking thread).
        for band in &mut facets.prices {
            if let (Some(b), Some(c)) = (PriceBand::from_slug(&band.value), currency) {
                let (from, to) = b.bounds(c);
                band.label = w!(price_band)(from, to, c);
            }
        }
        // Colours and sizes keep the catalogue's values in the address (a filtered link means
        // the same in every language) and show the backend's words for them.
        for value in facets.colours.iter_mut().chain(facets.sizes.iter_mut()) {
            if let Some(label) = backend.option_label(&value.value) {
                value.label = label;
            }
        }
        facets.colours.sort_by(|a, b| a.label.cmp(&b.label));
        if category.is_some() {
            // A category page has no category facet.
            facets.categories.clear();
        }
        let mut did_you_mean = None;
        let mut popular = Vec::new();
        if products.total == 0 && params.filters.is_empty() {
            if let Some(t) = &text {
                did_you_mean = fewer_words(backend.as_ref(), t).await?;
            }
            popular = best_sellers(backend.as_ref()).await?;
        }
        if searching && params.page == 1 {
            profile::record(Event::search(&params.q, crate::api::clock::now()));
            // A search as typed, not each filter ticked on its results.
            if params.filters.is_empty() {
                let total = i64::from(products.total);
                crate::api::events::record(crate::analytics::Step::Search, |e| {
                    e.subject = crate::analytics::search_key(&params.q);
                    e.value = total;
                });
            }
        }
        crate::api::cards::dress_all(&mut popular).await;
        Ok(Listing {
            corrected: text.and_then(|t| t.corrected),
            personalised: personal && params.sort == Sort::Relevance,
            params,
            category,
            products,
            facets,
            did_you_mean,
            popular,
        })
    }

    /// When every word together finds nothing, the query with one word left out that finds
    /// the most (e.g. "purple sneakers" → "sneakers").
    async fn fewer_words(
        backend: &dyn Commerce,
        t: &TextQuery,
    ) -> Result<Option<String>, ApiError> {
        if t.words.len() < 2 {
            return Ok(None);
        }
        let mut best: Option<(usize, String)> = None;
        for skip in 0..t.words.len() {
            let words: Vec<_> = t
                .words
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, w)| w.clone())
                .collect();
            let found = backend
                .items(&ItemQuery {
                    words: Some(words.clone()),
                    limit: 200,
                    ..Default::default()
                })
                .await?
                .len();
            if found > 0 && best.as_ref().is_none_or(|(n, _)| found > *n) {
                let text = words
                    .iter()
                    .filter_map(|w| w.alternatives.first().cloned())
                    .collect::<Vec<_>>()
                    .join(" ");
                best = Some((found, text));
            }
        }
        Ok(best.map(|(_, text)| text))
    }

    pub async fn best_sellers(backend: &dyn Commerce) -> Result<Vec<ProductSummary>, ApiError> {
        let together = crate::api::context::learned()?.together(backend).await?;
        let handles = together.popular(&[], None, POPULAR);
        let items = crate::api::recommend::ssr::in_order(backend, &handles).await?;
        Ok(items.into_iter().map(|i| i.summary).collect())
    }

    pub async fn suggest(q: String) -> Result<Suggestions, ApiError> {
        let backend = crate::api::context::backend()?;
        let q = clean_words(&q);
        let Some(text) = planned(backend.as_ref(), &q).await? else {
            return Ok(worded(&q, None, Vec::new(), Vec::new()));
        };
        // Enough matches to see which categories they fall in.
        let items = backend
            .items(&ItemQuery {
                words: Some(text.words.clone()),
                limit: 60,
                ..Default::default()
            })
            .await?;
        let mut counts: Vec<(String, usize)> = Vec::new();
        for i in &items {
            match counts.iter_mut().find(|(c, _)| *c == i.category) {
                Some((_, n)) => *n += 1,
                None => counts.push((i.category.clone(), 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        let all = backend.categories().await?;
        let categories = counts
            .iter()
            .filter_map(|(h, _)| all.iter().find(|c| &c.handle == h).cloned())
            .take(SUGGESTED_CATEGORIES)
            .collect();
        let products = items
            .into_iter()
            .take(SUGGESTED_PRODUCTS)
            .map(|i| i.summary)
            .collect();
        Ok(worded(&q, text.corrected, categories, products))
    }

    fn worded(
        q: &str,
        corrected: Option<String>,
        categories: Vec<Category>,
        products: Vec<ProductSummary>,
    ) -> Suggestions {
        let mut choices: Vec<Suggestion> = categories
            .into_iter()
            .map(|c| Suggestion {
                label: c.name,
                detail: w!(SUGGESTION_CATEGORY).into(),
                href: crate::words::current().path(&format!("/c/{}", c.handle)),
            })
            .collect();
        choices.extend(products.into_iter().map(|p| Suggestion {
            label: p.name,
            detail: p.price.to_string(),
            href: crate::words::current().path(&format!("/p/{}", p.handle)),
        }));
        choices.push(Suggestion {
            label: w!(search_for)(q),
            detail: String::new(),
            href: search_href(q),
        });
        Suggestions {
            note: corrected.map(|c| w!(showing_results_for)(&c)),
            count: w!(suggestions_count)(choices.len()),
            choices,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> ListingParams {
        ListingParams::from_query(|k| {
            pairs
                .iter()
                .filter(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
                .collect()
        })
    }

    #[test]
    fn the_search_box_goes_where_the_search_form_would() {
        for q in ["", "crew tee", "ß & 100%"] {
            let params = ListingParams {
                q: q.into(),
                ..Default::default()
            };
            assert_eq!(search_href(q), params.href(1));
        }
    }

    #[test]
    fn the_url_round_trips_and_leaves_defaults_out() {
        let p = params(&[
            ("q", "crew tee"),
            ("colour", "Ink"),
            ("colour", "Sand"),
            ("price", "25-50"),
            ("price", "bogus"),
            ("stock", "1"),
            ("sort", "price-asc"),
            ("page", "3"),
        ]);
        assert_eq!(p.filters.colours, vec!["Ink", "Sand"]);
        assert_eq!(p.filters.prices, vec![PriceBand::From25To50]);
        assert_eq!(p.sort, Sort::PriceLow);
        assert_eq!(p.page, 3);
        assert_eq!(
            p.href(3),
            "/search?q=crew+tee&colour=Ink&colour=Sand&price=25-50&stock=1&sort=price-asc&page=3"
        );
        assert_eq!(
            p.href(1),
            "/search?q=crew+tee&colour=Ink&colour=Sand&price=25-50&stock=1&sort=price-asc"
        );
        let plain = params(&[("sort", "relevance"), ("page", "0")]);
        assert_eq!(plain.page, 1);
        assert_eq!(plain.href(1), "/search");
    }

    #[test]
    fn hostile_values_are_bounded_and_encoded() {
        let long = "x".repeat(61);
        let many: Vec<(&str, String)> = (0..50).map(|i| ("size", i.to_string())).collect();
        let mut pairs: Vec<(&str, &str)> = many.iter().map(|(k, v)| (*k, v.as_str())).collect();
        pairs.push(("colour", &long));
        pairs.push(("cat", "<script>&x"));
        let p = params(&pairs);
        assert_eq!(p.filters.sizes.len(), crate::discovery::facets::MAX_TICKED);
        assert!(p.filters.colours.is_empty());
        assert!(p.query_string(1).contains("cat=%3Cscript%3E%26x"));
    }
}

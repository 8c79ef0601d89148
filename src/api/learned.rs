//! What the store learns from its backend and keeps for a while: the words its catalogue uses
//! (for spelling) and which products are bought together. Rebuilt after `FRESH_FOR`, so new
//! products and orders count without a restart and no request pays for it twice.

use crate::commerce::backend::{Commerce, CommerceResult};
use crate::discovery::spelling::Vocabulary;
use crate::discovery::synonyms::Synonyms;
use crate::discovery::together::CoPurchases;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const FRESH_FOR: Duration = Duration::from_secs(300);
/// Recent orders "bought together" learns from.
pub const BASKETS: u32 = 5_000;

type Slot<T> = Mutex<Option<(Instant, Arc<T>)>>;

#[derive(Default)]
pub struct Learned {
    pub synonyms: Synonyms,
    /// Per language: each language's catalogue has its own words.
    vocabulary: Mutex<std::collections::HashMap<&'static str, (Instant, Arc<Vocabulary>)>>,
    together: Slot<CoPurchases>,
}

impl Learned {
    pub fn new() -> Learned {
        Learned {
            synonyms: Synonyms::builtin(),
            ..Learned::default()
        }
    }

    pub async fn vocabulary(&self, backend: &dyn Commerce) -> CommerceResult<Arc<Vocabulary>> {
        let language = backend.language();
        let known = self.vocabulary.lock().ok().and_then(|v| {
            v.get(language)
                .filter(|(at, _)| at.elapsed() < FRESH_FOR)
                .map(|(_, v)| v.clone())
        });
        if let Some(v) = known {
            return Ok(v);
        }
        let v = Arc::new(Vocabulary::new(backend.search_terms().await?));
        if let Ok(mut all) = self.vocabulary.lock() {
            all.insert(language, (Instant::now(), v.clone()));
        }
        Ok(v)
    }

    pub async fn together(&self, backend: &dyn Commerce) -> CommerceResult<Arc<CoPurchases>> {
        if let Some(m) = fresh(&self.together) {
            return Ok(m);
        }
        let m = Arc::new(CoPurchases::build(&backend.baskets(BASKETS).await?));
        store(&self.together, m.clone());
        Ok(m)
    }
}

fn fresh<T>(slot: &Slot<T>) -> Option<Arc<T>> {
    let guard = slot.lock().ok()?;
    guard
        .as_ref()
        .filter(|(at, _)| at.elapsed() < FRESH_FOR)
        .map(|(_, v)| v.clone())
}

fn store<T>(slot: &Slot<T>, value: Arc<T>) {
    if let Ok(mut guard) = slot.lock() {
        *guard = Some((Instant::now(), value));
    }
}

//! From what the shopper typed to what the backend should match: misspelt words corrected,
//! synonyms added, and every word allowed to be unfinished (search as you type).

use super::script;
use super::spelling::Vocabulary;
use super::synonyms::Synonyms;
use serde::{Deserialize, Serialize};

/// Words kept from one query; more adds nothing but cost.
pub const MAX_WORDS: usize = 8;

/// One word of a query: a product matches when it contains any of `alternatives` (words or
/// phrases); the first alternative is what the shopper typed (or its correction) and may be
/// the start of a longer word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordMatch {
    pub alternatives: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuery {
    /// Every word must match.
    pub words: Vec<WordMatch>,
    /// What was searched for instead, when a word was corrected.
    pub corrected: Option<String>,
}

/// Plans a search for `text`; `None` when nothing searchable is left.
pub fn plan(text: &str, vocabulary: &Vocabulary, synonyms: &Synonyms) -> Option<TextQuery> {
    let mut words = Vec::new();
    let mut searched = Vec::new();
    let mut changed = false;
    for word in split(text, synonyms).into_iter().take(MAX_WORDS) {
        // (what to match, what to tell the shopper was searched)
        // Chinese pairs are not misspellings of each other.
        let fixed = if synonyms.knows(&word)
            || vocabulary.has_prefix(&word)
            || word.chars().any(script::is_cjk)
        {
            None
        } else if let Some(whole) = vocabulary.correct(&word, false) {
            Some((whole.clone(), whole))
        } else {
            // A misspelt start of a word matches as a start, and reads as the word it most
            // likely begins ("snek" matches "snea…" and says "sneakers", not "snea").
            vocabulary.correct(&word, true).map(|start| {
                let said = vocabulary.completion(&start).unwrap_or(&start).to_string();
                (start, said)
            })
        };
        changed |= fixed.is_some();
        let (word, said) = fixed.unwrap_or_else(|| (word.clone(), word));
        let mut alternatives = vec![word.clone()];
        alternatives.extend(synonyms.of(&word).into_iter().map(str::to_string));
        searched.push(said);
        words.push(WordMatch { alternatives });
    }
    (!words.is_empty()).then(|| TextQuery {
        words,
        corrected: changed.then(|| searched.join(" ")),
    })
}

/// Lower-case words; a hyphenated word the synonym list knows ("t-shirt") stays whole, and
/// Chinese becomes pairs of characters (`script`).
fn split(text: &str, synonyms: &Synonyms) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in script::normalise(text).split_whitespace() {
        let chunk = chunk.to_lowercase();
        let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric());
        if synonyms.knows(trimmed) {
            out.push(trimmed.to_string());
            continue;
        }
        out.extend(
            trimmed
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .flat_map(script::search_words),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(
            ["sneakers", "tee", "crew", "linen", "lamp", "oak"]
                .map(|t| (t.to_string(), 5))
                .to_vec(),
        )
    }

    fn alternatives(q: &TextQuery) -> Vec<Vec<&str>> {
        q.words
            .iter()
            .map(|w| w.alternatives.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn misspelt_words_are_corrected_and_the_correction_is_reported() {
        let q = plan("Snekers", &vocabulary(), &Synonyms::default()).unwrap();
        assert_eq!(alternatives(&q), vec![vec!["sneakers"]]);
        assert_eq!(q.corrected.as_deref(), Some("sneakers"));
    }

    #[test]
    fn a_misspelt_start_matches_as_a_start_and_reads_as_its_word() {
        let q = plan("lamp snek", &vocabulary(), &Synonyms::default()).unwrap();
        assert_eq!(alternatives(&q), vec![vec!["lamp"], vec!["snea"]]);
        assert_eq!(q.corrected.as_deref(), Some("lamp sneakers"));
    }

    #[test]
    fn half_typed_words_are_left_as_typed() {
        let q = plan("crew te", &vocabulary(), &Synonyms::default()).unwrap();
        assert_eq!(alternatives(&q), vec![vec!["crew"], vec!["te"]]);
        assert_eq!(q.corrected, None);
    }

    #[test]
    fn synonyms_join_the_word_they_stand_for() {
        let synonyms = Synonyms::parse("sneakers, trainers\ntee, t-shirt");
        let q = plan("white T-shirt trainers", &vocabulary(), &synonyms).unwrap();
        assert_eq!(
            alternatives(&q),
            vec![
                vec!["white"],
                vec!["t-shirt", "tee"],
                vec!["trainers", "sneakers"]
            ]
        );
        assert_eq!(q.corrected, None, "a synonym is not a correction");
    }

    #[test]
    fn chinese_is_planned_as_pairs_and_never_corrected() {
        let q = plan("马克杯", &vocabulary(), &Synonyms::default()).unwrap();
        assert_eq!(alternatives(&q), vec![vec!["马克"], vec!["克杯"]]);
        assert_eq!(q.corrected, None);
    }

    #[test]
    fn punctuation_only_is_nothing_to_search() {
        assert_eq!(plan(" *)(- ", &vocabulary(), &Synonyms::default()), None);
        let many = "a b c d e f g h i j k";
        assert_eq!(
            plan(many, &vocabulary(), &Synonyms::default())
                .unwrap()
                .words
                .len(),
            MAX_WORDS
        );
    }
}

//! Typo tolerance: a word the catalogue does not know is replaced by the closest word it does,
//! so "snekers" finds sneakers and "snek" already suggests them while the shopper types.

/// The words a catalogue uses, each with how many products use it (to break ties towards the
/// common word).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Sorted by term, so prefix lookups are a binary search.
    terms: Vec<(String, u32)>,
}

impl Vocabulary {
    pub fn new(mut terms: Vec<(String, u32)>) -> Vocabulary {
        terms.retain(|(t, _)| !t.is_empty());
        for (t, _) in &mut terms {
            *t = t.to_lowercase();
        }
        terms.sort();
        terms.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 += b.1;
                true
            } else {
                false
            }
        });
        Vocabulary { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn contains(&self, word: &str) -> bool {
        self.terms
            .binary_search_by(|(t, _)| t.as_str().cmp(word))
            .is_ok()
    }

    /// Whether some word starts with `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        let i = self.terms.partition_point(|(t, _)| t.as_str() < prefix);
        self.terms
            .get(i)
            .is_some_and(|(t, _)| t.starts_with(prefix))
    }

    /// The most used word that starts with `start` (what a shopper still typing most likely
    /// means).
    pub fn completion(&self, start: &str) -> Option<&str> {
        let i = self.terms.partition_point(|(t, _)| t.as_str() < start);
        self.terms[i..]
            .iter()
            .take_while(|(t, _)| t.starts_with(start))
            .max_by_key(|(_, count)| *count)
            .map(|(t, _)| t.as_str())
    }

    /// The known word closest to `word`, when `word` is not known and something is close
    /// enough: one edit for short words, two for longer ones. With `prefix`, `word` may be the
    /// start of a longer word (the shopper is still typing), and the answer is that start.
    pub fn correct(&self, word: &str, prefix: bool) -> Option<String> {
        let word = word.to_lowercase();
        let len = word.chars().count();
        // Numbers and one- or two-letter words are too short to correct with any confidence.
        if len < 3 || word.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if self.contains(&word) || (prefix && self.has_prefix(&word)) {
            return None;
        }
        let budget = if len <= 4 { 1 } else { 2 };
        let mut best: Option<(usize, u32, &str)> = None;
        for (term, count) in &self.terms {
            if term.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let candidate: String = if prefix {
                // Compare with the term's start of about the same length.
                term.chars().take(len).collect()
            } else {
                term.clone()
            };
            let Some(d) = distance_within(&word, &candidate, budget) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((bd, bc, _)) => d < bd || (d == bd && *count > bc),
            };
            if better {
                best = Some((d, *count, term));
            }
        }
        best.map(|(_, _, term)| {
            if prefix && term.chars().count() > len {
                term.chars().take(len).collect()
            } else {
                term.to_string()
            }
        })
    }
}

/// Edit distance (insertions, deletions, substitutions and swaps of neighbours), or `None`
/// when it exceeds `budget`; stops early, so checking a whole vocabulary stays cheap.
pub fn distance_within(a: &str, b: &str, budget: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > budget {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; a.len() + 1];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > budget {
            return None;
        }
    }
    let d = rows[a.len()][b.len()];
    (d <= budget).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(
            [
                ("sneakers", 16),
                ("speakers", 3),
                ("tee", 40),
                ("knitwear", 16),
                ("cardigan", 4),
                ("lamp", 9),
                ("linen", 6),
                ("12", 30),
            ]
            .map(|(t, n)| (t.to_string(), n))
            .to_vec(),
        )
    }

    #[test]
    fn distance_counts_edits_and_swaps_and_gives_up_past_the_budget() {
        assert_eq!(distance_within("snekers", "sneakers", 2), Some(1));
        assert_eq!(distance_within("teh", "the", 1), Some(1));
        assert_eq!(distance_within("lamp", "lamp", 0), Some(0));
        assert_eq!(distance_within("lamp", "linen", 2), None);
        assert_eq!(distance_within("a", "abcd", 2), None);
    }

    #[test]
    fn a_misspelt_word_becomes_the_closest_known_word() {
        let v = vocabulary();
        assert_eq!(v.correct("snekers", false).as_deref(), Some("sneakers"));
        assert_eq!(v.correct("Knitwaer", false).as_deref(), Some("knitwear"));
        assert_eq!(v.correct("cardgian", false).as_deref(), Some("cardigan"));
    }

    #[test]
    fn known_words_short_words_and_numbers_are_left_alone() {
        let v = vocabulary();
        assert_eq!(v.correct("sneakers", false), None);
        assert_eq!(v.correct("te", false), None);
        assert_eq!(v.correct("13", false), None);
        assert_eq!(v.correct("zzzzzzzz", false), None);
    }

    #[test]
    fn a_half_typed_word_is_corrected_to_the_start_of_a_known_word() {
        let v = vocabulary();
        assert_eq!(
            v.correct("snea", true),
            None,
            "a true prefix needs no correction"
        );
        assert_eq!(v.correct("snek", true).as_deref(), Some("snea"));
        assert_eq!(v.completion("snea"), Some("sneakers"));
        assert_eq!(v.completion("zz"), None);
        assert_eq!(v.correct("knitw", true), None);
    }

    #[test]
    fn ties_go_to_the_more_common_word() {
        // "spekers" is one edit from "speakers"; "sneakers" is two away.
        let v = vocabulary();
        assert_eq!(v.correct("spekers", false).as_deref(), Some("speakers"));
        let v = Vocabulary::new(vec![("bat".into(), 1), ("cat".into(), 9)]);
        assert_eq!(v.correct("zat", false).as_deref(), Some("cat"));
    }
}

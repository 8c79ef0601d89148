//! Synonyms from a list in data (`synonyms.txt`): a search for "trainers" finds sneakers.

use std::collections::HashMap;

/// Groups of interchangeable words, looked up by any member.
#[derive(Clone, Debug, Default)]
pub struct Synonyms {
    groups: Vec<Vec<String>>,
    by_word: HashMap<String, usize>,
}

impl Synonyms {
    /// Parses one group per line, members separated by commas; `#` starts a comment.
    pub fn parse(text: &str) -> Synonyms {
        let mut synonyms = Synonyms::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let group: Vec<String> = line
                .split(',')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            if group.len() < 2 {
                continue;
            }
            let index = synonyms.groups.len();
            for word in &group {
                synonyms.by_word.entry(word.clone()).or_insert(index);
            }
            synonyms.groups.push(group);
        }
        synonyms
    }

    /// The list the store ships with.
    pub fn builtin() -> Synonyms {
        Synonyms::parse(include_str!("synonyms.txt"))
    }

    /// The other words for `word`, not including itself.
    pub fn of(&self, word: &str) -> Vec<&str> {
        let word = word.to_lowercase();
        self.by_word
            .get(&word)
            .map(|&i| {
                self.groups[i]
                    .iter()
                    .map(String::as_str)
                    .filter(|w| *w != word)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn knows(&self, word: &str) -> bool {
        self.by_word.contains_key(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::Synonyms;

    #[test]
    fn any_member_finds_the_rest_of_its_group() {
        let s =
            Synonyms::parse("# comment\nsneakers, Trainers, shoes\nlamp, light # lights\nalone\n");
        assert_eq!(s.of("trainers"), vec!["sneakers", "shoes"]);
        assert_eq!(s.of("LAMP"), vec!["light"]);
        assert!(s.of("alone").is_empty(), "a group of one is no group");
        assert!(s.of("unknown").is_empty());
    }

    #[test]
    fn the_shipped_list_parses_and_covers_the_obvious_words() {
        let s = Synonyms::builtin();
        assert!(s.of("trainers").contains(&"sneakers"));
        assert!(s.of("jumper").contains(&"sweater"));
        assert!(s.of("t-shirt").contains(&"tee"));
    }
}

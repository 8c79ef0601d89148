//! Writing systems that do not mark words the way English does. Chinese puts no spaces
//! between words, so its text is indexed and searched as overlapping pairs of characters
//! (bigrams, as Lucene's CJK analyser does): a query for any part of a name finds it without
//! a dictionary. Persian typed on an Arabic keyboard uses other code points for the same
//! letters, and the zero-width non-joiner inside words is often left out.

/// Han ideographs, kana and their compatibility forms: letters that stand for words or
/// syllables and are written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The same letters written one way: Arabic yeh and kaf as Persian's, no zero-width
/// non-joiner (so "تی‌شرت" and "تیشرت" are one word).
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'ي' | 'ى' => Some('ی'),
            'ك' => Some('ک'),
            '\u{200c}' => None,
            c => Some(c),
        })
        .collect()
}

/// What a typed word must match: runs of CJK become their bigrams (a lone character stays
/// itself); anything else is the word.
pub fn search_words(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut other = String::new();
    for c in word.chars() {
        if is_cjk(c) {
            if !other.is_empty() {
                out.push(std::mem::take(&mut other));
            }
            run.push(c);
        } else {
            bigrams(&mut run, &mut out);
            other.push(c);
        }
    }
    bigrams(&mut run, &mut out);
    if !other.is_empty() {
        out.push(other);
    }
    out
}

fn bigrams(run: &mut Vec<char>, out: &mut Vec<String>) {
    match run.len() {
        0 => {}
        1 => out.push(run[0].to_string()),
        _ => out.extend(run.windows(2).map(|w| w.iter().collect())),
    }
    run.clear();
}

/// Text as the search index keeps it: normalised, and every CJK run as its characters and
/// bigrams, spaced, so both a one-character query and a longer one find it.
pub fn index_form(text: &str) -> String {
    let text = normalise(text);
    if !text.chars().any(is_cjk) {
        return text;
    }
    let mut out = String::with_capacity(text.len() * 3);
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        out.push(' ');
        for c in run.iter() {
            out.push(*c);
            out.push(' ');
        }
        for pair in run.windows(2) {
            out.extend(pair);
            out.push(' ');
        }
        run.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_searched_by_pairs_of_characters() {
        assert_eq!(search_words("马克杯"), vec!["马克", "克杯"]);
        assert_eq!(search_words("杯"), vec!["杯"]);
        assert_eq!(search_words("v领t恤"), vec!["v", "领", "t", "恤"]);
        assert_eq!(search_words("sneakers"), vec!["sneakers"]);
    }

    #[test]
    fn the_index_holds_every_character_and_pair() {
        let indexed = index_form("粗陶马克杯");
        for token in ["粗", "杯", "粗陶", "马克", "克杯"] {
            assert!(
                indexed.split(' ').any(|t| t == token),
                "{token} in {indexed}"
            );
        }
        assert_eq!(index_form("Crew Tee"), "Crew Tee");
    }

    #[test]
    fn persian_typed_with_arabic_letters_or_without_the_joiner_is_the_same_word() {
        assert_eq!(normalise("تيشرت"), normalise("تی\u{200c}شرت"));
        assert_eq!(normalise("كيف"), "کیف");
    }
}

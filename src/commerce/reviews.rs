//! Reviews as the domain sees them: what a buyer may write (stars, a title, plain text, the
//! name shown), the checks that refuse what no shopper should read or hold what looks like
//! spam, and the rating a product's published reviews add up to. No storage, no pages.

use serde::{Deserialize, Serialize};

/// The longest title and text a review may have, in characters…
pub const MAX_TITLE: usize = 100;
pub const MAX_TEXT: usize = 4_000;
/// …the shortest text worth showing another shopper…
pub const MIN_TEXT: usize = 10;
/// …and the longest name shown with it.
pub const MAX_NAME: usize = 40;
/// Reviews on one page of a product's reviews.
pub const PER_PAGE: usize = 5;

/// Why a review cannot be taken as written, or cannot be written at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewProblem {
    /// Stars outside 1 to 5 (or none chosen).
    Stars,
    TitleNeeded,
    TitleTooLong {
        max: u32,
    },
    TextTooShort {
        min: u32,
    },
    TextTooLong {
        max: u32,
    },
    /// HTML or script in the title or text.
    Markup,
    /// The name shown must be a name: letters, spaces, a dot, a hyphen or an apostrophe.
    Name,
    /// The order does not hold this product.
    NotBought,
    /// The order holds it, but it has not arrived yet.
    NotDelivered,
    /// This order already reviewed this product (edit that review instead).
    AlreadyReviewed,
    /// This shopper already voted for this review.
    AlreadyVoted,
    AlreadyReported,
    /// The review voted on is not shown (any more).
    Gone,
}

/// What the buyer wrote, checked and tidied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub stars: u8,
    pub title: String,
    pub text: String,
    pub name: String,
}

/// Where a review stands: only `Published` ones are shown to shoppers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Published,
    /// Waiting for the store owner (moderation is on).
    Pending,
    /// Held without being asked: it looks like spam, or shoppers reported it.
    Held,
    Rejected,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Published => "published",
            Standing::Pending => "pending",
            Standing::Held => "held",
            Standing::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Standing> {
        Some(match s {
            "published" => Standing::Published,
            "pending" => Standing::Pending,
            "held" => Standing::Held,
            "rejected" => Standing::Rejected,
            _ => return None,
        })
    }
}

/// Checks what a buyer typed. Texts are plain: markup is refused rather than silently
/// stripped, so the buyer knows what others will read. Whitespace is tidied, nothing else is
/// changed.
pub fn check(
    stars: &str,
    title: &str,
    text: &str,
    name: &str,
) -> Result<Draft, (&'static str, ReviewProblem)> {
    let stars = match stars.trim().parse::<u8>() {
        Ok(n @ 1..=5) => n,
        _ => return Err(("stars", ReviewProblem::Stars)),
    };
    let title = one_line(title);
    let text = paragraphs(text);
    let name = one_line(name);
    if title.is_empty() {
        return Err(("title", ReviewProblem::TitleNeeded));
    }
    if title.chars().count() > MAX_TITLE {
        return Err((
            "title",
            ReviewProblem::TitleTooLong {
                max: MAX_TITLE as u32,
            },
        ));
    }
    if has_markup(&title) {
        return Err(("title", ReviewProblem::Markup));
    }
    let length = text.chars().count();
    if length < MIN_TEXT {
        return Err((
            "text",
            ReviewProblem::TextTooShort {
                min: MIN_TEXT as u32,
            },
        ));
    }
    if length > MAX_TEXT {
        return Err((
            "text",
            ReviewProblem::TextTooLong {
                max: MAX_TEXT as u32,
            },
        ));
    }
    if has_markup(&text) {
        return Err(("text", ReviewProblem::Markup));
    }
    let name_ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | '\u{200c}'));
    if !name_ok {
        return Err(("name", ReviewProblem::Name));
    }
    Ok(Draft {
        stars,
        title,
        text,
        name,
    })
}

/// "Ada Lovelace" → "Ada L.": what a review shows unless the buyer writes otherwise.
pub fn suggested_name(full: &str) -> String {
    let mut words = full.split_whitespace();
    let first: String = words
        .next()
        .unwrap_or_default()
        .chars()
        .take(MAX_NAME - 3)
        .collect();
    match words.last().and_then(|w| w.chars().next()) {
        Some(initial) if initial.is_alphabetic() => format!("{first} {initial}."),
        _ => first,
    }
    .chars()
    .filter(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
    .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines kept, runs of blank lines made one, control characters dropped.
fn paragraphs(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in s.lines() {
        let line = one_line(&line.replace(|c: char| c.is_control(), " "));
        if !line.is_empty() || out.last().is_some_and(|l| !l.is_empty()) {
            out.push(line);
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// A tag, a comment or an entity a browser would read as markup.
fn has_markup(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
        || s.to_ascii_lowercase().contains("javascript:")
}

/// Whether a review looks like spam and waits for a person: little but links, one word or
/// letter over and over, or the same text another order already sent.
pub fn looks_like_spam(draft: &Draft, same_text_elsewhere: bool) -> bool {
    let words: Vec<&str> = draft.text.split_whitespace().collect();
    let links = words
        .iter()
        .filter(|w| {
            let w = w.to_ascii_lowercase();
            w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
        })
        .count();
    let prose: usize = words
        .iter()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let mut distinct: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    distinct.sort();
    distinct.dedup();
    let mut letters: Vec<char> = draft.text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.sort_unstable();
    letters.dedup();
    same_text_elsewhere
        || links > 2
        || (links > 0 && prose < 2 * MIN_TEXT)
        || (words.len() >= 8 && distinct.len() * 4 < words.len())
        || (letters.len() <= 2 && draft.text.chars().count() >= MIN_TEXT)
}

/// The text compared for "the same review twice": case, spacing and punctuation aside.
pub fn fingerprint(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a product's published reviews add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// How many reviews gave 1, 2, 3, 4 and 5 stars.
    pub by_stars: [u32; 5],
}

impl Rating {
    pub fn count(&self) -> u32 {
        self.by_stars.iter().sum()
    }

    /// The average in tenths of a star (43 is 4.3), rounded half up; `None` without reviews.
    pub fn average_tenths(&self) -> Option<u32> {
        let count = self.count();
        let sum: u32 = (1..=5).zip(self.by_stars).map(|(s, n)| s * n).sum();
        (count > 0).then(|| (sum * 20 + count) / (2 * count))
    }

    /// "4.3", for the places that write the decimal out (JSON-LD).
    pub fn average_text(&self) -> Option<String> {
        self.average_tenths()
            .map(|t| format!("{}.{}", t / 10, t % 10))
    }

    /// The share of reviews with `stars`, in whole percent (bars of the distribution).
    pub fn percent(&self, stars: u8) -> u32 {
        let count = self.count();
        let n = self.by_stars[usize::from(stars.clamp(1, 5)) - 1];
        if count == 0 {
            0
        } else {
            (n * 200 + count) / (2 * count)
        }
    }
}

/// The order a product's reviews are listed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewOrder {
    /// Most "Helpful" votes first (newest first among equals).
    #[default]
    Helpful,
    Newest,
}

impl ReviewOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewOrder::Helpful => "helpful",
            ReviewOrder::Newest => "newest",
        }
    }

    pub fn parse(s: &str) -> ReviewOrder {
        if s == "newest" {
            ReviewOrder::Newest
        } else {
            ReviewOrder::Helpful
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Draft {
        Draft {
            stars: 5,
            title: "Nice".into(),
            text: text.into(),
            name: "Ada L.".into(),
        }
    }

    #[test]
    fn a_plain_review_is_taken_tidied() {
        let d = check(
            " 4 ",
            "  Warm   and soft ",
            "Line one\r\n\r\n\r\n  line   two \n",
            "Ada L.",
        )
        .unwrap();
        assert_eq!((d.stars, d.title.as_str()), (4, "Warm and soft"));
        assert_eq!(d.text, "Line one\n\nline two");
        assert!(check("5", "Хорошо", "Тёплый и мягкий свитер.", "Анна К.").is_ok());
        assert!(check("5", "很好", "质量很好，穿着舒服，推荐购买。", "王").is_ok());
    }

    #[test]
    fn what_no_shopper_should_read_is_refused_with_the_field_it_is_about() {
        let long = "a".repeat(20_000);
        assert_eq!(
            check("6", "t", "long enough text", "Ada").unwrap_err(),
            ("stars", ReviewProblem::Stars)
        );
        assert_eq!(
            check("0", "t", "long enough text", "Ada").unwrap_err().1,
            ReviewProblem::Stars
        );
        assert_eq!(
            check("", "t", "long enough text", "Ada").unwrap_err().1,
            ReviewProblem::Stars
        );
        assert_eq!(
            check("5", " ", "long enough text", "Ada").unwrap_err(),
            ("title", ReviewProblem::TitleNeeded)
        );
        assert_eq!(
            check("5", "t", &long, "Ada").unwrap_err(),
            ("text", ReviewProblem::TextTooLong { max: 4_000 })
        );
        assert_eq!(
            check("5", "t", "short", "Ada").unwrap_err(),
            ("text", ReviewProblem::TextTooShort { min: 10 })
        );
        for markup in [
            "<script>alert(1)</script>",
            "see <a href=x>this</a> now",
            "<!-- hidden --> text here",
            "click javascript:alert(1) here",
        ] {
            assert_eq!(
                check("5", "t", markup, "Ada").unwrap_err(),
                ("text", ReviewProblem::Markup),
                "{markup}"
            );
        }
        assert_eq!(
            check("5", "<b>t</b>", "long enough text", "Ada").unwrap_err(),
            ("title", ReviewProblem::Markup)
        );
        // A comparison is not markup.
        assert!(check("5", "t", "Costs < 30 and fits 3<4 sizes", "Ada").is_ok());
        for name in ["", "http://spam.example", "Ada 1234", &"A".repeat(41)] {
            assert_eq!(
                check("5", "t", "long enough text", name).unwrap_err(),
                ("name", ReviewProblem::Name),
                "{name}"
            );
        }
    }

    #[test]
    fn spam_waits_for_a_person_and_a_plain_review_does_not() {
        assert!(!looks_like_spam(&draft("Soft, warm, and the colour is as pictured. See https://example.com/care for washing."), false));
        assert!(looks_like_spam(
            &draft("https://cheap.example https://cheap.example/2"),
            false
        ));
        assert!(looks_like_spam(
            &draft(
                "a https://x.example b https://y.example c https://z.example and then some words"
            ),
            false
        ));
        assert!(looks_like_spam(
            &draft("buy buy buy buy buy buy buy buy buy buy"),
            false
        ));
        assert!(looks_like_spam(&draft("aaaaaaaaaaaaaaaaaa"), false));
        assert!(looks_like_spam(
            &draft("A perfectly ordinary review text."),
            true
        ));
        assert_eq!(fingerprint("Great  tee!"), fingerprint("great tee"));
    }

    #[test]
    fn a_rating_adds_up_as_a_shopper_would_count() {
        let none = Rating::default();
        assert_eq!((none.count(), none.average_tenths()), (0, None));
        // 5,5,4,3 → 17/4 = 4.25 → 4.3 (half up).
        let r = Rating {
            by_stars: [0, 0, 1, 1, 2],
        };
        assert_eq!((r.count(), r.average_tenths()), (4, Some(43)));
        assert_eq!(r.average_text().as_deref(), Some("4.3"));
        assert_eq!((r.percent(5), r.percent(4), r.percent(1)), (50, 25, 0));
        // 1,2 → 1.5.
        assert_eq!(
            Rating {
                by_stars: [1, 1, 0, 0, 0]
            }
            .average_tenths(),
            Some(15)
        );
        // 5,4,4 → 4.333 → 4.3; 5,5,4 → 4.667 → 4.7.
        assert_eq!(
            Rating {
                by_stars: [0, 0, 0, 2, 1]
            }
            .average_tenths(),
            Some(43)
        );
        assert_eq!(
            Rating {
                by_stars: [0, 0, 0, 1, 2]
            }
            .average_tenths(),
            Some(47)
        );
    }

    #[test]
    fn the_name_shown_is_a_first_name_and_an_initial() {
        assert_eq!(suggested_name("Ada Lovelace"), "Ada L.");
        assert_eq!(suggested_name("Ada King Lovelace"), "Ada L.");
        assert_eq!(suggested_name("Plato"), "Plato");
        assert_eq!(suggested_name("  "), "");
    }
}

//! The languages the store speaks, and how a URL, a cookie or a browser names them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
    /// Persian, written right to left.
    Fa,
    Ru,
}

impl Locale {
    /// In the order the language switcher lists them.
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Zh, Locale::Fa, Locale::Ru];

    /// The BCP 47 tag: `<html lang>`, `hreflang`, the URL prefix.
    pub const fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
            Locale::Fa => "fa",
            Locale::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    pub const fn right_to_left(self) -> bool {
        matches!(self, Locale::Fa)
    }

    pub const fn dir(self) -> &'static str {
        if self.right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language's own name, as the switcher shows it to someone who reads it.
    pub const fn autonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Zh => "中文",
            Locale::Fa => "فارسی",
            Locale::Ru => "Русский",
        }
    }

    /// English lives at `/`, the others under `/zh`, `/fa`, `/ru`.
    pub const fn prefix(self) -> &'static str {
        match self {
            Locale::En => "",
            Locale::Zh => "/zh",
            Locale::Fa => "/fa",
            Locale::Ru => "/ru",
        }
    }

    /// `path` (the store's own, starting with `/`) as this locale's address. A language's
    /// home is `/zh` (its `/zh/` leads there).
    pub fn path(self, path: &str) -> String {
        match (self.prefix(), path) {
            ("", _) => path.to_string(),
            (prefix, "/") => prefix.to_string(),
            (prefix, _) if path.starts_with("/?") => format!("{prefix}{}", &path[1..]),
            (prefix, _) => format!("{prefix}{path}"),
        }
    }

    /// A locale's address split into the locale and the store's own path.
    pub fn split(path: &str) -> (Locale, &str) {
        for l in &Locale::ALL[1..] {
            if let Some(rest) = path.strip_prefix(l.prefix()) {
                if rest.is_empty() {
                    return (*l, "/");
                }
                if rest.starts_with('/') {
                    return (*l, rest);
                }
            }
        }
        (Locale::En, path)
    }

    /// The first language in an `Accept-Language` header the store speaks, by the header's
    /// weights (`zh-CN,zh;q=0.9,en;q=0.8`). Regional tags match their language.
    pub fn preferred(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(u16, Locale)> = None;
        for part in accept_language.split(',').take(16) {
            let mut bits = part.trim().split(';');
            let tag = bits.next().unwrap_or("").trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .map_or(1000, parse_weight);
            let language = tag.split(['-', '_']).next().unwrap_or("");
            let Some(locale) = Locale::from_code(language) else {
                continue;
            };
            // Traditional Chinese readers are better served by English than by the simplified
            // script they may not read.
            let lower = tag.to_ascii_lowercase();
            if locale == Locale::Zh
                && ["hant", "-tw", "-hk", "-mo"]
                    .iter()
                    .any(|t| lower.contains(t))
            {
                continue;
            }
            // Earlier entries win ties: the header's order is the browser's order.
            if q > 0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, locale));
            }
        }
        best.map(|(_, l)| l)
    }
}

/// A `q=` weight in thousandths ("0.8" is 800); anything unreadable counts as 0.
fn parse_weight(q: &str) -> u16 {
    let (whole, frac) = q.split_once('.').unwrap_or((q, ""));
    let whole: u16 = match whole {
        "1" => 1000,
        "0" | "" => 0,
        _ => return 0,
    };
    if whole == 1000 {
        return 1000;
    }
    let digits: String = frac.chars().take(3).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return 0;
    }
    format!("{digits:0<3}").parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_carry_the_language_except_english() {
        assert_eq!(Locale::Fa.path("/p/linen-shirt"), "/fa/p/linen-shirt");
        assert_eq!(Locale::Zh.path("/"), "/zh");
        assert_eq!(Locale::Zh.path("/?q=1"), "/zh?q=1");
        assert_eq!(Locale::En.path("/cart"), "/cart");
        assert_eq!(Locale::split("/ru/c/kitchen"), (Locale::Ru, "/c/kitchen"));
        assert_eq!(Locale::split("/ru"), (Locale::Ru, "/"));
        assert_eq!(Locale::split("/rugs"), (Locale::En, "/rugs"));
        assert_eq!(Locale::split("/p/x"), (Locale::En, "/p/x"));
    }

    #[test]
    fn the_browsers_language_is_read_by_weight() {
        assert_eq!(
            Locale::preferred("zh-CN,zh;q=0.9,en;q=0.8"),
            Some(Locale::Zh)
        );
        assert_eq!(
            Locale::preferred("de-DE,fa;q=0.5,en;q=0.3"),
            Some(Locale::Fa)
        );
        assert_eq!(Locale::preferred("en;q=0.4, ru;q=0.7"), Some(Locale::Ru));
        assert_eq!(Locale::preferred("de, fr;q=0.9"), None);
        assert_eq!(Locale::preferred("zh-TW,en;q=0.5"), Some(Locale::En));
        assert_eq!(Locale::preferred("ru;q=0"), None);
        assert_eq!(Locale::preferred(""), None);
    }
}

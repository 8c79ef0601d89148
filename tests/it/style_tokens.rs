//! The design tokens are the only place a colour is written: component styles use
//! `var(--token)` and every token they use exists, so a theme (a file overriding tokens) or the
//! dark scheme restyles everything.

use std::collections::BTreeSet;

fn css_without_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

fn style_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir("style")
        .expect("style folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable css");
            (p.display().to_string(), css_without_comments(&text))
        })
        .collect();
    files.sort();
    files
}

/// Names declared as `--name:` in `css`.
fn declared(css: &str) -> BTreeSet<String> {
    css.split("--")
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            rest[name.len()..]
                .trim_start()
                .starts_with(':')
                .then_some(name)
        })
        .collect()
}

/// Raw colours in `css`: hex literals, colour functions and the common colour keywords.
fn raw_colours(css: &str) -> Vec<String> {
    const KEYWORDS: [&str; 10] = [
        "white", "black", "red", "green", "blue", "gray", "grey", "yellow", "orange", "purple",
    ];
    let mut found = Vec::new();
    for (i, _) in css.match_indices('#') {
        let hex: String = css[i + 1..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect();
        let next = css[i + 1 + hex.len()..].chars().next().unwrap_or(' ');
        // A selector like `#f-email-error` continues with letters; a colour does not.
        if [3, 4, 6, 8].contains(&hex.len()) && !(next.is_alphanumeric() || next == '-') {
            found.push(format!("#{hex}"));
        }
    }
    for f in ["rgb(", "rgba(", "hsl(", "hsla(", "oklch(", "color-mix("] {
        if css.contains(f) {
            found.push(f.to_string());
        }
    }
    for word in css.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        if KEYWORDS.contains(&word) {
            found.push(word.to_string());
        }
    }
    found
}

#[test]
fn colours_are_written_only_in_the_tokens() {
    let files = style_files();
    assert!(files.iter().any(|(p, _)| p.ends_with("tokens.css")));
    for (path, css) in files.iter().filter(|(p, _)| !p.ends_with("tokens.css")) {
        let raw = raw_colours(css);
        assert!(raw.is_empty(), "{path} writes colours itself: {raw:?}");
    }
}

#[test]
fn every_token_a_component_uses_exists() {
    let files = style_files();
    let tokens: BTreeSet<String> = files
        .iter()
        .filter(|(p, _)| p.ends_with("tokens.css"))
        .flat_map(|(_, css)| declared(css))
        .collect();
    for (path, css) in &files {
        let local = declared(css);
        for used in css.split("var(--").skip(1) {
            let name: String = used
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            // `--vitrine-…` is what a page embedding the widget may set; we never declare it.
            let from_the_page = path.ends_with("widget.css") && name.starts_with("vitrine-");
            assert!(
                tokens.contains(&name) || local.contains(&name) || from_the_page,
                "{path} uses var(--{name}), which no token declares"
            );
        }
    }
}

/// A theme is a file in style/themes/ that sets tokens the store declares, and nothing else.
#[test]
fn themes_override_declared_tokens_only() {
    let tokens = declared(&css_without_comments(
        &std::fs::read_to_string("style/tokens.css").expect("tokens"),
    ));
    let mut themes = 0;
    for entry in std::fs::read_dir("style/themes").expect("style/themes") {
        let path = entry.expect("entry").path();
        let css = css_without_comments(&std::fs::read_to_string(&path).expect("readable"));
        let body = css.trim();
        assert!(
            body.starts_with(":root {") && body.ends_with('}') && body.matches('{').count() == 1,
            "{} must be one :root block of tokens",
            path.display()
        );
        let set = declared(&css);
        assert!(!set.is_empty(), "{} sets no tokens", path.display());
        for name in set {
            assert!(
                tokens.contains(&name),
                "{} sets --{name}, which tokens.css does not declare",
                path.display()
            );
        }
        themes += 1;
    }
    assert!(themes >= 2, "ship at least two themes");
}

#[test]
fn the_checks_see_what_they_look_for() {
    assert_eq!(raw_colours("a { color: #fff; }"), ["#fff"]);
    assert_eq!(raw_colours("a { background: rgb(0 0 0); }"), ["rgb("]);
    assert_eq!(raw_colours("a { color: white; }"), ["white"]);
    assert!(raw_colours("#f-email-error { white-space: nowrap; }").is_empty());
    assert_eq!(
        declared(":root { --color-bg: #fff; --space-1: 1px; }"),
        BTreeSet::from(["color-bg".to_string(), "space-1".to_string()])
    );
}

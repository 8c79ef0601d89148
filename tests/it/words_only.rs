//! Every word a shopper reads comes from `src/words/`, so that every language has it: this
//! fails when a page, a server answer or the widget writes English itself — a text node in a
//! `view!`, or an attribute a shopper or a screen reader reads.

use std::path::Path;

/// Attributes whose value a shopper sees or hears.
const READ_ATTRIBUTES: [&str; 7] = [
    "aria-label=\"",
    "placeholder=\"",
    "title=\"",
    "alt=\"",
    "text=\"",
    "aria-description=\"",
    "aria-roledescription=\"",
];

/// Files that are fixtures or words on purpose: the designers' gallery shows made-up products.
const EXEMPT: [&str; 2] = ["src/app/pages/gallery_fixtures.rs", "src/words/"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A word of two or more Latin letters (not a code like `VT-` or a unit).
fn has_word(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 2)
}

/// The string literals of a line that stand as text between elements: `<p>"Hi"</p>`,
/// `{x}" and "<a>`.
fn text_nodes(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(start) = line[i..].find('"').map(|s| s + i) {
        let Some(len) = line[start + 1..].find('"') else {
            break;
        };
        let end = start + 1 + len;
        let before = line[..start].trim_end();
        let after = line[end + 1..].trim_start();
        let opens = before.ends_with('>') || before.ends_with('}');
        let closes = after.starts_with('<') || after.starts_with('{');
        if opens && closes && !before.ends_with("=>") && bytes[start.saturating_sub(1)] != b'=' {
            found.push(&line[start + 1..end]);
        }
        i = end + 1;
    }
    found
}

#[test]
fn no_shopper_facing_english_outside_the_words() {
    let mut files = Vec::new();
    for dir in ["src/app", "src/api", "src/server", "src/widget"] {
        rust_files(Path::new(dir), &mut files);
    }
    let mut found = Vec::new();
    for file in files {
        let name = file.to_string_lossy().replace('\\', "/");
        if EXEMPT.iter().any(|e| name.starts_with(e)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may say what they like.
        let text = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in text.lines().enumerate() {
            // Raw HTML templates (`r#"<html lang="{lang}">"#`) hold attributes, not text
            // nodes, between their quotes.
            if line.contains("r#\"") {
                continue;
            }
            let code = line.split("//").next().unwrap();
            for t in text_nodes(code) {
                if has_word(t) {
                    found.push(format!("{name}:{}: text \"{t}\"", n + 1));
                }
            }
            for attr in READ_ATTRIBUTES {
                for value in code.split(attr).skip(1) {
                    let value = value.split('"').next().unwrap();
                    if has_word(value) {
                        found.push(format!("{name}:{}: {attr}{value}\"", n + 1));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English written outside src/words/ (move it there, in every language):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_what_it_looks_for() {
    assert_eq!(text_nodes(r#"<p>"Hello there"</p>"#), ["Hello there"]);
    assert_eq!(text_nodes(r#"{a}" and "<b>"#), [" and "]);
    assert!(text_nodes(r#"<a class="x" href="/y">{z}</a>"#).is_empty());
    assert!(has_word("Add to cart") && !has_word("V") && !has_word(" – "));
}

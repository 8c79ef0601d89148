//! The shadow roots' stylesheet, built from the store's own: its tokens, its card, price and
//! button rules, and the widget's layout.

const TOKENS: &str = include_str!("../../style/tokens.css");
const SHARED: [&str; 3] = [
    include_str!("../../style/buttons.css"),
    include_str!("../../style/listing.css"),
    include_str!("../../style/widget.css"),
];

pub fn css() -> String {
    let mut css = host_tokens(TOKENS);
    for part in SHARED {
        css.push_str(part);
    }
    css
}

/// The tokens, declared on `:host` and each overridable from the page by the same name with
/// a `vitrine-` prefix (`--vitrine-color-primary`), which an ancestor may set: a page's own
/// `--color-primary` is its business and stays out.
fn host_tokens(tokens: &str) -> String {
    let mut out = String::from(":host{");
    for line in tokens.lines() {
        let Some((name, value)) = line
            .trim()
            .strip_prefix("--")
            .and_then(|d| d.split_once(':'))
        else {
            continue;
        };
        let value = value.trim().trim_end_matches(';');
        out.push_str(&format!("--{name}:var(--vitrine-{name},{value});"));
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_token_is_declared_on_the_host_and_overridable_by_prefix() {
        let css = super::host_tokens(
            ":root {\n  --color-text: light-dark(#111, #eee);\n  --space-1: 0.25rem;\n}",
        );
        assert_eq!(
            css,
            ":host{--color-text:var(--vitrine-color-text,light-dark(#111, #eee));\
             --space-1:var(--vitrine-space-1,0.25rem);}"
        );
    }
}

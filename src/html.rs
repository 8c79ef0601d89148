//! Escaping for text the server writes into HTML by hand, where no view escapes it for us.

/// `s` as HTML text or a quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            super::escape(r#"</title><meta content="0;url=x">&'"#),
            "&lt;/title&gt;&lt;meta content=&quot;0;url=x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(super::escape("Crew tee · Vitrine"), "Crew tee · Vitrine");
    }
}

//! How server functions answer the browser: JSON, read from text. server_fn's own JSON codec
//! decodes from bytes while island props decode from text, and serde_json builds every type's
//! decoder once per reader, so the browser bundle carried two of each (about 25 KB of wasm).

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::{de::DeserializeOwned, Serialize};

/// JSON that the browser reads as text.
pub struct JsonText;

/// The output codec of every server function (`#[server(output = Answer)]`).
pub type Answer = Post<JsonText>;

impl ContentType for JsonText {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonText {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonText {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonText {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        let text = std::str::from_utf8(&bytes).map_err(serde::de::Error::custom)?;
        serde_json::from_str(text)
    }
}

/// Answers made of text parts (server-drawn HTML, a count), which the browser reads without a
/// decoder: the parts' lengths in bytes on the first line, then the parts one after another.
pub struct TextParts;

/// The output codec of the answers the store's pages put in place as they are.
pub type PartsAnswer = Post<TextParts>;

/// A type sent as text parts.
pub trait InParts: Sized {
    fn parts(&self) -> Vec<String>;
    fn from_parts(parts: Vec<&str>) -> Option<Self>;
}

impl ContentType for TextParts {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";
}

impl FormatType for TextParts {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: InParts> Encodes<T> for TextParts {
    type Error = std::convert::Infallible;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        let parts = output.parts();
        let lengths: Vec<String> = parts.iter().map(|p| p.len().to_string()).collect();
        Ok(Bytes::from(
            [lengths.join(" ") + "\n", parts.concat()].concat(),
        ))
    }
}

impl<T: InParts> Decodes<T> for TextParts {
    type Error = Unreadable;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        std::str::from_utf8(&bytes)
            .ok()
            .and_then(read_parts)
            .ok_or(Unreadable)
    }
}

/// One drawing, whole: a part of a page the server drew again.
impl InParts for String {
    fn parts(&self) -> Vec<String> {
        vec![self.clone()]
    }

    fn from_parts(parts: Vec<&str>) -> Option<String> {
        let [html] = parts[..] else {
            return None;
        };
        Some(html.to_string())
    }
}

/// `T` from its text parts, as `TextParts` wrote it; `None` when the text is cut or foreign.
pub fn read_parts<T: InParts>(text: &str) -> Option<T> {
    let (head, mut rest) = text.split_once('\n')?;
    let mut parts = Vec::new();
    for len in head.split(' ') {
        let len: usize = len.parse().ok()?;
        parts.push(rest.get(..len)?);
        rest = &rest[len..];
    }
    rest.is_empty().then_some(())?;
    T::from_parts(parts)
}

/// An answer that is not the expected parts.
#[derive(Debug)]
pub struct Unreadable;

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the store's answer could not be read")
    }
}

impl std::error::Error for Unreadable {}

#[cfg(test)]
mod tests {
    use super::{Decodes, Encodes, TextParts};
    use crate::api::cart_shown::ShownCart;

    #[test]
    fn a_shown_cart_reads_back_as_written() {
        let shown = ShownCart {
            count: 3,
            badge: "<span>3</span>".to_string(),
            drawer: "<p>Tee — 2 × €9</p>\n<b>x</b>".to_string(),
            page: "<ul>\n<li>Ünïcode</li></ul>".to_string(),
        };
        let bytes = TextParts::encode(&shown).unwrap();
        assert_eq!(
            <TextParts as Decodes<ShownCart>>::decode(bytes).unwrap(),
            shown
        );
    }

    #[test]
    fn a_cut_or_foreign_answer_is_refused() {
        for text in [
            "",
            "1 3\n3<p>",
            "1 2 99\n3<p>short</p>",
            "x 0\n",
            "1 1\n3ü",
            "1 0 0 0\n3extra",
            "1 0 0\n3",
        ] {
            let bytes = leptos::server_fn::Bytes::from(text.to_string());
            assert!(
                <TextParts as Decodes<ShownCart>>::decode(bytes).is_err(),
                "{text:?}"
            );
        }
    }
}

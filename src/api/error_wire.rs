//! How an error travels: typed, for the code that acts on it (the server's status codes, the
//! widget, the tests), and already worded on the server, in the shopper's language. The
//! store's islands read only the wording (`app::sender`, with the browser's own JSON parser),
//! so the browser carries neither a decoder for every problem nor the words for them.

use super::ApiError;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;

/// The codec of `ApiError` in every server function's answer.
pub struct ErrorJson;

impl ContentType for ErrorJson {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for ErrorJson {
    const FORMAT_TYPE: Format = Format::Text;
}

#[derive(Serialize)]
struct Sent<'a> {
    error: &'a ApiError,
    said: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

/// The error as JSON: `{"error": <typed>, "said": "…", "field": "email"}`.
pub fn to_json(error: &ApiError) -> String {
    let sent = Sent {
        error,
        said: error.to_string(),
        field: error.field_name(),
    };
    serde_json::to_string(&sent).unwrap_or_default()
}

impl Encodes<ApiError> for ErrorJson {
    type Error = std::convert::Infallible;

    fn encode(error: &ApiError) -> Result<Bytes, Self::Error> {
        Ok(Bytes::from(to_json(error)))
    }
}

/// The typed error back from its JSON (the server reads its own answers to set their status).
pub fn from_json(text: &str) -> Option<ApiError> {
    #[derive(serde::Deserialize)]
    struct Received {
        error: ApiError,
    }
    serde_json::from_str::<Received>(text).ok().map(|r| r.error)
}

impl Decodes<ApiError> for ErrorJson {
    type Error = String;

    fn decode(bytes: Bytes) -> Result<ApiError, Self::Error> {
        std::str::from_utf8(&bytes)
            .ok()
            .and_then(from_json)
            .ok_or_else(|| "unreadable error".to_string())
    }
}

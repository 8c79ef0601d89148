//! Cookies that carry data (remembered details, a form draft, the session, the shopper
//! profile): `base64url(json).mac`, HttpOnly so no script reads them, and trusted only if we
//! signed them under their name. Base64 rather than hex: a third smaller, and cookies are
//! capped at 4 KB.

use crate::api::cart::ssr::{cookie_value, set_cookie};
use axum::http::request::Parts;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use leptos::prelude::*;

/// Browsers keep cookies up to 4 KB; stay well inside it.
const MAX_LEN: usize = 3_000;

/// Sets `name` to `value` for `max_age` seconds; a value too large to keep is not set.
pub fn write<T: serde::Serialize>(name: &str, value: &T, max_age: u32) {
    let Ok(signer) = crate::api::context::signer() else {
        return;
    };
    let Ok(json) = serde_json::to_vec(value) else {
        return;
    };
    let body = URL_SAFE_NO_PAD.encode(json);
    let cookie = format!("{body}.{}", signer.sign(name, &body));
    if cookie.len() <= MAX_LEN {
        set_cookie(name, &cookie, max_age);
    }
}

/// The request's `name` cookie, if we signed it and it reads as a `T`.
pub fn read<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    let parts = use_context::<Parts>()?;
    let value = cookie_value(&parts, name)?;
    let (body, mac) = value.split_once('.')?;
    if value.len() > MAX_LEN || !crate::api::context::signer().ok()?.verify(name, body, mac) {
        return None;
    }
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(body).ok()?).ok()
}

pub fn clear(name: &str) {
    set_cookie(name, "", 0);
}

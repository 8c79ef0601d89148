//! How the store's islands call the server: the fields a plain form would post, sent to the
//! same server function with the browser's own `fetch`, and the answer read as text. The
//! server reads them exactly as it reads the form posted before the wasm runs; the browser
//! carries no server-function client (its argument encoder, codecs and error decoder), and
//! the browse bundle, whose answers are text parts, no JSON reader (README "Performance").

use crate::api::ApiError;
use leptos::prelude::*;

/// One kind of request an island sends (a server function's address, and how its answer
/// reads), and what the views show of it: whether one is on its way and what the newest one
/// answered (an older answer arriving late is dropped).
pub struct Sender<T: Send + Sync + 'static> {
    url: &'static str,
    // Only the browser sends and reads.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    read: fn(&str) -> Option<T>,
    answer: RwSignal<Option<Result<T, ApiError>>>,
    pending: RwSignal<bool>,
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    latest: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for Sender<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Sender<T> {}

impl<T: Clone + Send + Sync + 'static> Sender<T> {
    /// On the server, a plain form post refused by this function (the page it came back to
    /// carries the error) is the answer shown, as if the island had sent it.
    pub fn new(url: &'static str, read: fn(&str) -> Option<T>) -> Sender<T> {
        #[cfg(feature = "ssr")]
        let posted = posted_refusal(url).map(Err);
        #[cfg(not(feature = "ssr"))]
        let posted = None;
        Sender {
            url,
            read,
            answer: RwSignal::new(posted),
            pending: RwSignal::new(false),
            latest: StoredValue::new(0),
        }
    }

    /// Where its form posts.
    pub fn url(&self) -> &'static str {
        self.url
    }

    /// What the newest request answered, once it has (tracked).
    pub fn answer(&self) -> Option<Result<T, ApiError>> {
        self.answer.get()
    }

    /// The newest request's refusal, if it was refused (tracked).
    pub fn refused(&self) -> Option<ApiError> {
        self.answer().and_then(Result::err)
    }

    /// Whether a request is on its way (tracked).
    pub fn pending(&self) -> bool {
        self.pending.get()
    }

    /// The same, where nothing should track it (event handlers).
    pub fn busy(&self) -> bool {
        self.pending.get_untracked()
    }

    /// Sends the form submitted in `ev` itself, keeping the shopper on the page; a second
    /// press while one is on its way is dropped (a plain form would send both). Returns
    /// whether the browser's own post was stopped.
    pub fn send_form(&self, ev: &leptos::ev::SubmitEvent) -> bool {
        #[cfg(feature = "hydrate")]
        {
            if self.busy() {
                ev.prevent_default();
                return true;
            }
            if let Some(fields) = form_fields(ev) {
                ev.prevent_default();
                self.send(fields);
                return true;
            }
        }
        let _ = ev;
        false
    }

    /// Posts `fields` and keeps what the answer's text reads as. A redirect (Buy now's, to
    /// checkout; a placed order's) moves the page, and the request stays pending until it has.
    #[cfg(feature = "hydrate")]
    pub fn send(&self, fields: web_sys::UrlSearchParams) {
        let me = *self;
        me.latest.update_value(|n| *n += 1);
        let mine = me.latest.get_value();
        me.pending.set(true);
        leptos::task::spawn_local(async move {
            let answer = match ask(me.url, &fields, me.read).await {
                Some(answer) => answer,
                None => return,
            };
            if me.latest.get_value() == mine {
                me.answer.set(Some(answer));
                me.pending.set(false);
            }
        });
    }
}

/// Posts `fields` to `url` and reads the answer's text with `read`; `None` when the server
/// moved the page instead.
#[cfg(feature = "hydrate")]
pub async fn ask<T>(
    url: &str,
    fields: &web_sys::UrlSearchParams,
    read: fn(&str) -> Option<T>,
) -> Option<Result<T, ApiError>> {
    match post(url, fields).await {
        Posted::Moved => None,
        Posted::Answer(text) => Some(read(&text).ok_or_else(unanswered)),
        Posted::Refused(error) => Some(Err(error)),
    }
}

/// An answer with nothing in it to read (the function's own result is `()`).
pub fn nothing(_: &str) -> Option<()> {
    Some(())
}

/// An answer in JSON (`api::Answer`), for the form pages' islands, which read data.
pub fn json<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// The error a plain post of `url`'s form came back with, in the page's address (leptos_axum
/// puts it there for the page the form was on).
#[cfg(feature = "ssr")]
pub fn posted_refusal(url: &str) -> Option<ApiError> {
    use leptos::server_fn::error::ServerFnUrlError;
    let posted = use_context::<leptos::server::ServerActionError>()?;
    (posted.path() == url).then(|| ServerFnUrlError::<ApiError>::decode_err(posted.err()))
}

/// The fields of the form submitted in `ev`, with the button that submitted it, as the
/// browser would post them.
#[cfg(feature = "hydrate")]
pub fn form_fields(ev: &leptos::ev::SubmitEvent) -> Option<web_sys::UrlSearchParams> {
    let data = leptos::form::form_data_from_event(ev).ok()?;
    web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()
}

/// Fields written out by the island itself.
#[cfg(feature = "hydrate")]
pub fn fields(pairs: &[(&str, &str)]) -> web_sys::UrlSearchParams {
    let fields = web_sys::UrlSearchParams::new().expect("URLSearchParams exists in every browser");
    for (name, value) in pairs {
        fields.append(name, value);
    }
    fields
}

/// What became of a post.
#[cfg(feature = "hydrate")]
pub enum Posted {
    /// The server's answer, as text.
    Answer(String),
    /// The server refused, saying why (worded there, in the shopper's language).
    Refused(ApiError),
    /// The server sent the page elsewhere, and the browser is on its way there.
    Moved,
}

/// Posts `fields` to `url` as a form would (same origin, the shopper's cookies).
#[cfg(feature = "hydrate")]
pub async fn post(url: &str, fields: &web_sys::UrlSearchParams) -> Posted {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(fields);
    let Ok(answer) = JsFuture::from(window().fetch_with_str_and_init(url, &init)).await else {
        return Posted::Refused(unanswered());
    };
    let Ok(response) = answer.dyn_into::<web_sys::Response>() else {
        return Posted::Refused(unanswered());
    };
    // leptos_axum's redirect, for a request that is not a page load: a header to follow.
    let headers = response.headers();
    if headers.has("serverfnredirect").unwrap_or(false) {
        if let Ok(Some(to)) = headers.get("location") {
            let _ = window().location().set_href(&to);
            return Posted::Moved;
        }
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    };
    let Some(text) = text else {
        return Posted::Refused(unanswered());
    };
    if response.ok() {
        Posted::Answer(text)
    } else {
        Posted::Refused(said(&text))
    }
}

/// A refusal's wording and field from the server's error (`error_wire`), read by the
/// browser's own JSON parser.
#[cfg(feature = "hydrate")]
fn said(text: &str) -> ApiError {
    let Ok(error) = js_sys::JSON::parse(text) else {
        return unanswered();
    };
    let get = |key: &str| {
        js_sys::Reflect::get(&error, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match get("said") {
        Some(said) => ApiError::Said {
            field: get("field"),
            said,
        },
        None => unanswered(),
    }
}

/// No answer the island can read came (offline, the server down, a proxy's page): the
/// islands say the store could not be reached.
#[cfg(feature = "hydrate")]
fn unanswered() -> ApiError {
    ApiError::Transport(String::new())
}

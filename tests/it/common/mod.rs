//! A real server (router + embedded SQLite store in a fresh folder) driven in-process.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use http_body_util::BodyExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use tower::ServiceExt;
use vitrine::commerce::embedded::EmbeddedStore;
use vitrine::server::{self, AppState};

pub mod fault_proxy;
pub mod vendure;

/// One runtime for every test in a binary, like a real server's single runtime. The tests run
/// in parallel; they once stalled doing so, because every test's router walked the app's routes
/// while other tests rendered (see `route_list` in src/server/mod.rs).
pub fn run<F: std::future::Future>(fut: F) -> F::Output {
    static RUNTIME: std::sync::LazyLock<tokio::runtime::Runtime> = std::sync::LazyLock::new(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_stack_size(8 * 1024 * 1024)
            .enable_all()
            .build()
            .expect("test runtime")
    });
    RUNTIME.block_on(fut)
}

/// A complete, valid checkout form (card payment) without its attempt key.
pub const CHECKOUT_FORM: &str = "email=ada%40example.com&name=Ada+Lovelace&line1=12+St+James%27s+Square&city=London&postcode=SW1Y+4JH&country=GB&shipping=standard&payment=card&card_number=4242+4242+4242+4242&card_expiry=12%2F30&card_cvc=123";

/// A new cart holding one in-stock tee; returns its cookie (`name=value`).
pub async fn cart_with_item(t: &TestStore) -> String {
    use vitrine::commerce::backend::Commerce;
    let p = t.store.product("everyday-crew-tee").await.unwrap();
    let v = p.variants.iter().find(|v| v.stock >= 1).unwrap();
    let r = t
        .call("cart/add", &format!("variant_id={}&quantity=1", v.id), None)
        .await;
    r.cookie("vitrine_cart").expect("a cart cookie")
}

/// A product of the seeded catalogue that only one variant keeps in stock: its handle, that
/// variant and its stock (buying them all sells the product out).
pub async fn one_stocked_variant(
    store: &vitrine::commerce::embedded::EmbeddedStore,
) -> (String, String, u32) {
    use vitrine::commerce::backend::Commerce;
    for p in vitrine::commerce::embedded::catalog::generate(1) {
        let product = store.product(&p.handle).await.unwrap();
        let stocked: Vec<_> = product.variants.iter().filter(|v| v.stock > 0).collect();
        if let [only] = stocked[..] {
            return (product.handle.clone(), only.id.clone(), only.stock);
        }
    }
    panic!("some product has one stocked variant")
}

/// A guest's order, to Ada in London, paid by card.
pub fn guest_order(shipping_code: &str, key: &str) -> vitrine::commerce::backend::PlaceOrder {
    vitrine::commerce::backend::PlaceOrder {
        email: "ada@example.com".into(),
        address: vitrine::commerce::Address {
            name: "Ada Lovelace".into(),
            line1: "12 St James's Square".into(),
            line2: String::new(),
            city: "London".into(),
            postcode: "SW1Y 4JH".into(),
            country: "GB".into(),
        },
        billing: None,
        gift: None,
        shipping_code: shipping_code.into(),
        payment: vitrine::commerce::checkout::PaymentMethod::Card {
            brand: "Visa".into(),
            last4: "4242".into(),
        },
        declines: None,
        currency: vitrine::commerce::Currency::USD,
        idempotency_key: key.into(),
        customer_id: None,
        bundles: Vec::new(),
    }
}

/// Where the test store says it is, and the origin its own pages send from.
pub const STORE_HOST: &str = "127.0.0.1:3000";
pub const STORE_ORIGIN: &str = "http://127.0.0.1:3000";

pub const ADMIN_TOKEN: &str = "test-admin-token-0123456789";

pub struct TestStore {
    pub app: axum::Router,
    pub store: Arc<EmbeddedStore>,
    pub dir: PathBuf,
}

pub fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "vitrine-test-{tag}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

impl TestStore {
    pub fn new(tag: &str) -> TestStore {
        TestStore::configured(tag, |state| state)
    }

    /// A store whose state `configure` adjusts (widget origins, public URL, …).
    pub fn configured(tag: &str, configure: impl FnOnce(AppState) -> AppState) -> TestStore {
        TestStore::on(temp_dir(tag), configure)
    }

    /// A new server on this one's folder, as after a restart.
    pub fn restarted(&self) -> TestStore {
        TestStore::on(self.dir.clone(), |state| state)
    }

    /// Another server on this one's folder, its state adjusted by `configure`.
    pub fn beside(&self, configure: impl FnOnce(AppState) -> AppState) -> TestStore {
        TestStore::on(self.dir.clone(), configure)
    }

    fn on(dir: PathBuf, configure: impl FnOnce(AppState) -> AppState) -> TestStore {
        let store = EmbeddedStore::open(&dir, false).expect("store opens");
        let options = server::leptos_options("target/site", "127.0.0.1:0".parse().unwrap());
        let signer = server::signing::Signer::new(b"test-secret-test-secret-test-secret");
        let state = AppState::embedded(options, store, signer)
            .expect("storefront data opens")
            .with_admin_token(Some(ADMIN_TOKEN.into()));
        let state = configure(state);
        let store = state.store.clone().unwrap();
        TestStore {
            app: server::router(state),
            store,
            dir,
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        // As hyper does: the request runs as its own task on the runtime's workers.
        // A stalled render fails its test by name instead of hanging the whole run.
        let what = format!("{} {}", req.method(), req.uri());
        let limit = std::time::Duration::from_secs(30);
        let answer = async move {
            let res = tokio::spawn(self.app.clone().oneshot(req))
                .await
                .expect("request task")
                .expect("router answers");
            Reply::read(res).await
        };
        tokio::time::timeout(limit, answer)
            .await
            .unwrap_or_else(|_| panic!("{what} had no answer within {limit:?}: a stalled render"))
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut req = Request::get(path).header(header::ACCEPT, "text/html");
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    /// Calls a server function the way the hydrated client does (form-encoded, JSON back).
    pub async fn call(&self, endpoint: &str, form: &str, cookie: Option<&str>) -> Reply {
        self.send(api_request(endpoint, form, cookie)).await
    }
}

/// A server-function call as the store's own page makes it (form-encoded, JSON back).
pub fn api_request(endpoint: &str, form: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(format!("/api/{endpoint}"))
        .header(header::HOST, STORE_HOST)
        .header(header::ORIGIN, STORE_ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(form.to_string())).unwrap()
}

impl TestStore {
    /// POSTs to an admin endpoint with the given bearer token.
    pub async fn admin(&self, path: &str, token: &str) -> Reply {
        let req = Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }
}

impl Drop for TestStore {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body's length as sent, in bytes (compressed, when it was).
    pub sent: usize,
}

impl Reply {
    async fn read(res: Response<Body>) -> Reply {
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            sent: bytes.len(),
        }
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not the expected JSON ({e}): {}", self.body))
    }

    /// The typed error of an error answer; its wording must have come with it (the islands
    /// show that, and know nothing else of the error).
    pub fn error(&self) -> vitrine::api::ApiError {
        let error = vitrine::api::error_wire::from_json(&self.body)
            .unwrap_or_else(|| panic!("not an error answer: {}", self.body));
        let said = self.json::<serde_json::Value>()["said"].clone();
        assert_eq!(said, error.to_string(), "the wording sent with {error:?}");
        error
    }

    pub fn header(&self, name: &str) -> String {
        self.headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The script nonce this answer's Content-Security-Policy names.
    pub fn nonce(&self) -> String {
        let csp = self.header("content-security-policy");
        let after = csp.split("'nonce-").nth(1).expect("a nonce in the policy");
        after.split('\'').next().unwrap_or_default().to_string()
    }

    /// `name=value` from Set-Cookie, ready to send back.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .find(|kv| kv.starts_with(&format!("{name}=")))
            .map(str::to_string)
    }
}

impl TestStore {
    /// GETs an admin endpoint with the test token.
    pub async fn admin_get(&self, path: &str) -> Reply {
        let req = Request::get(path)
            .header(header::AUTHORIZATION, format!("Bearer {ADMIN_TOKEN}"))
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }
}

impl TestStore {
    /// Sends the checkout form with attempt key number `attempt`.
    pub async fn place(&self, cookie: &str, form: &str, attempt: u32) -> Reply {
        self.call(
            "checkout/place",
            &format!("{form}&attempt={:032x}", u128::from(attempt) + 0x5eed),
            Some(cookie),
        )
        .await
    }

    /// The order a placing call led to, read through its signed link.
    pub async fn placed_order(&self, r: &Reply) -> vitrine::commerce::Order {
        let (code, token) = r.order_link();
        self.call("orders/get", &format!("code={code}&token={token}"), None)
            .await
            .json::<vitrine::api::orders::TrackedOrder>()
            .order
    }
}

impl Reply {
    /// (order code, signed token) from a placed order's redirect.
    pub fn order_link(&self) -> (String, String) {
        let location = self.header("location");
        let (code, token) = location
            .trim_start_matches("/orders/")
            .split_once("?t=")
            .unwrap_or_else(|| panic!("no order link: {} {}", self.status, self.body));
        (code.to_string(), token.to_string())
    }
}

/// A form post as a browser sends it from a page at `origin` (None: no Origin, no Referer).
pub fn post_from(
    origin: Option<&str>,
    path: &str,
    form: &str,
    cookie: Option<&str>,
) -> Request<Body> {
    let mut req = Request::post(path)
        .header(header::HOST, STORE_HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header("sec-fetch-mode", "navigate");
    if let Some(o) = origin {
        req = req.header(header::ORIGIN, o);
    }
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(form.to_string())).unwrap()
}

/// An answer in text parts (`PartsAnswer`), read as the wire format says: the parts' lengths in
/// bytes on the first line, then the parts one after another, nothing more.
pub fn text_parts(body: &str) -> Vec<String> {
    let (head, mut rest) = body.split_once('\n').expect("a first line");
    let mut parts = Vec::new();
    for len in head.split(' ') {
        let (part, after) = rest.split_at(len.parse().expect("a length"));
        parts.push(part.to_string());
        rest = after;
    }
    assert!(rest.is_empty(), "nothing after the parts: {body}");
    parts
}

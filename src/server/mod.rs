//! The axum server: configuration, the router, and HTTP concerns (headers, static files,
//! media). Everything shopper-facing is rendered by the app; everything data-facing goes
//! through the `Commerce` trait.

mod activity;
pub mod admin;
pub mod admin_bundles;
mod body_limit;
pub mod config;
pub mod currency;
mod form_errors;
mod gallery;
pub mod headers;
pub mod insights;
pub mod insights_charts;
pub mod insights_experiments;
pub mod insights_export;
pub mod locale;
mod media;
pub mod origin;
mod page_cache;
mod page_views;
pub mod signing;
mod sitemap;
pub mod widget;

use crate::api::context::Services;
use crate::app::{shell, App};
use crate::commerce::backend::Commerce;
use crate::commerce::embedded::EmbeddedStore;
use axum::{
    body::Body,
    extract::FromRef,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::path::Path;
use std::sync::Arc;

/// Order lookups and sign-ins allowed per client address, and per order number or email,
/// in ten minutes.
const ATTEMPTS_PER_WINDOW: u32 = 10;
/// "Helpful" votes and reports allowed per client address in ten minutes: a shopper reading
/// reviews votes a handful; a script clearing its cookie to vote again is stopped here.
const VOTES_PER_WINDOW: u32 = 30;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub backend: Arc<dyn Commerce>,
    /// Present when the embedded backend is in use; it also draws the product pictures.
    pub store: Option<Arc<EmbeddedStore>>,
    pub signer: signing::Signer,
    /// Enables `/admin/*` for callers presenting it.
    pub admin_token: Option<Arc<str>>,
    pub attempts: Arc<crate::api::rate_limit::RateLimit>,
    pub learned: Arc<crate::api::learned::Learned>,
    /// The storefront's own data (signed-in shoppers' wishlists, reviews).
    pub storefront: crate::storefront::StorefrontData,
    /// New reviews wait for approval.
    #[from_ref(skip)]
    pub reviews_moderated: bool,
    /// Votes and reports on reviews, per client address.
    #[from_ref(skip)]
    pub votes: Arc<crate::api::rate_limit::RateLimit>,
    #[from_ref(skip)]
    pub theme: Option<Arc<str>>,
    /// Where the widget's bundle is served from (/widget/).
    #[from_ref(skip)]
    pub widget_root: Arc<str>,
    pub widget_origins: widget::AllowedOrigins,
    pub own_origin: origin::OwnOrigin,
    #[from_ref(skip)]
    pub trusted_proxies: crate::api::client::TrustedProxies,
    /// Browse pages kept for shoppers nobody follows.
    #[from_ref(skip)]
    pub page_cache: page_cache::PageCache,
}

impl AppState {
    /// A storefront on the embedded store, keeping its own data beside the store's file.
    pub fn embedded(
        leptos_options: LeptosOptions,
        store: EmbeddedStore,
        signer: signing::Signer,
    ) -> Result<AppState, String> {
        let dir = store
            .path()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let storefront = crate::storefront::StorefrontData::open(&dir)?;
        let store = Arc::new(store);
        Ok(AppState::new(
            leptos_options,
            store.clone(),
            Some(store),
            storefront,
            signer,
        ))
    }

    /// A storefront on any backend; `store` is the embedded one when that is the backend,
    /// `storefront` its own data (in the data folder).
    pub fn new(
        leptos_options: LeptosOptions,
        backend: Arc<dyn Commerce>,
        store: Option<Arc<EmbeddedStore>>,
        storefront: crate::storefront::StorefrontData,
        signer: signing::Signer,
    ) -> AppState {
        if let Some(store) = &store {
            // A store without its sample reviews still sells: say so and go on.
            if let Err(msg) = crate::storefront::seeded_reviews::seed(store, &storefront) {
                tracing::error!(%msg, "seeded reviews missing");
            }
            if let Err(msg) = storefront.seed_bundles() {
                tracing::error!(%msg, "seeded bundle missing");
            }
        }
        let shared = storefront.shared();
        AppState {
            storefront,
            leptos_options,
            backend,
            store,
            signer,
            admin_token: None,
            attempts: Arc::new(crate::api::rate_limit::RateLimit::new(
                "attempts",
                ATTEMPTS_PER_WINDOW,
                std::time::Duration::from_secs(600),
                shared.clone(),
            )),
            learned: Arc::new(crate::api::learned::Learned::new()),
            reviews_moderated: false,
            votes: Arc::new(crate::api::rate_limit::RateLimit::new(
                "votes",
                VOTES_PER_WINDOW,
                std::time::Duration::from_secs(600),
                shared,
            )),
            theme: None,
            widget_root: Arc::from("target/widget"),
            widget_origins: widget::AllowedOrigins::default(),
            own_origin: origin::OwnOrigin::default(),
            trusted_proxies: Default::default(),
            page_cache: page_cache::PageCache::new(page_cache::TTL),
        }
    }

    /// Serves the widget's bundle from `root`, for pages on `origins` to use.
    pub fn with_widget(mut self, root: &str, origins: Vec<String>) -> AppState {
        self.widget_root = Arc::from(root);
        self.widget_origins = widget::AllowedOrigins(origins.into());
        self
    }

    /// The address shoppers reach the store at (`VITRINE_PUBLIC_URL`), as an origin.
    pub fn with_public_origin(mut self, origin: Option<String>) -> AppState {
        self.own_origin = origin::OwnOrigin(origin.map(Arc::from));
        self
    }

    /// Proxies whose `X-Forwarded-For` names the client (`VITRINE_TRUSTED_PROXIES`).
    pub fn with_trusted_proxies(mut self, proxies: crate::api::client::TrustedProxies) -> AppState {
        self.trusted_proxies = proxies;
        self
    }

    pub fn with_admin_token(mut self, token: Option<String>) -> AppState {
        self.admin_token = token.map(Arc::from);
        self
    }

    /// Lays a theme from style/themes/ (already checked to exist) over the tokens.
    pub fn with_review_moderation(mut self, on: bool) -> AppState {
        self.reviews_moderated = on;
        self
    }

    /// How long a kept browse page is served (0: none is kept).
    pub fn with_page_ttl(mut self, ttl: std::time::Duration) -> AppState {
        self.page_cache = page_cache::PageCache::new(ttl);
        self
    }

    pub fn with_theme(mut self, theme: Option<String>) -> AppState {
        self.theme = theme.map(Arc::from);
        self
    }

    /// The store's public address (`VITRINE_PUBLIC_URL`, else the one it listens on).
    pub fn public_origin(&self) -> Arc<str> {
        self.own_origin
            .0
            .clone()
            .unwrap_or_else(|| Arc::from(format!("http://{}", self.leptos_options.site_addr)))
    }

    fn services(&self) -> Services {
        Services {
            backend: self.backend.clone(),
            signer: self.signer.clone(),
            attempts: self.attempts.clone(),
            learned: self.learned.clone(),
            storefront: self.storefront.clone(),
            reviews_moderated: self.reviews_moderated,
            votes: self.votes.clone(),
            theme: self.theme.clone(),
            trusted_proxies: self.trusted_proxies.clone(),
            public_origin: self.public_origin(),
        }
    }
}

/// Leptos options for a site whose built assets (Trunk's output) live in `site_root`.
pub fn leptos_options(site_root: &str, addr: std::net::SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("vitrine")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build()
}

/// The app's routes, walked once per process. Walking them raises leptos_server's
/// process-wide "suppress resource loads" flag, and a resource that first polls while it is
/// raised, in any other request, waits forever (leptos-rs/leptos#4773): a second router built
/// while the first one renders (the integration tests build one per test) stalled its pages.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::LazyLock<Vec<AxumRouteListing>> =
        std::sync::LazyLock::new(|| generate_route_list(App));
    ROUTES.clone()
}

pub fn router(state: AppState) -> Router {
    crate::words::read_locale_from(locale::current);
    crate::commerce::money::write_money_with(crate::words::money);
    let services = state.services();
    let context = move || provide_context(services.clone());
    let options = state.leptos_options.clone();
    let senders = origin::Senders {
        own: state.own_origin.clone(),
        widget: state.widget_origins.clone(),
    };
    let pages = || {
        let options = options.clone();
        Router::new().leptos_routes_with_context(&state, route_list(), context.clone(), move || {
            shell(options.clone())
        })
    };
    let mut router = pages()
        .route_layer(axum::middleware::from_fn(locale::remembered))
        .route("/media/p/{handle}/{file}", get(media::product_image))
        .route("/healthz", get(|| async { "ok" }))
        .route("/robots.txt", get(sitemap::robots))
        .route("/sitemap.xml", get(sitemap::index))
        .route("/sitemaps/{file}", get(sitemap::locale))
        .route("/gallery", get(gallery::page))
        .route("/lang/{code}", get(locale::switch))
        .route("/currency/{code}", get(currency::switch))
        .nest_service("/widget", widget_files(&state.widget_root))
        .merge(admin::routes(&state))
        .merge(insights::routes(&state))
        .route(
            "/privacy/activity.json",
            get(activity::download).with_state(state.storefront.clone()),
        );
    // The same pages under each other language's prefix; the request's language is decided
    // before routing (`locale::detect`), so the pages read it, not their path.
    for l in &crate::words::Locale::ALL[1..] {
        let home = l.prefix();
        router = router.route(
            &format!("{home}/"),
            get(move || async move { axum::response::Redirect::permanent(home) }),
        );
        router = router.nest(
            l.prefix(),
            pages()
                .route("/gallery", get(gallery::page))
                .fallback_service(site_files(&state.leptos_options, context.clone())),
        );
    }
    let mut router = router
        .fallback_service(site_files(&state.leptos_options, context))
        .layer(axum::middleware::from_fn_with_state(
            (state.page_cache.clone(), state.services()),
            page_cache::serve,
        ));
    if state.storefront.records() {
        router = router.layer(axum::middleware::from_fn_with_state(
            state.storefront.clone(),
            page_views::count,
        ));
    }
    router
        .layer(axum::middleware::from_fn_with_state(
            senders.clone(),
            widget::cors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.signer.clone(),
            form_errors::signed,
        ))
        .layer(axum::middleware::from_fn(body_limit::bounded))
        .layer(axum::middleware::from_fn_with_state(senders, origin::guard))
        .layer(axum::middleware::from_fn(headers::defaults))
        .layer(axum::middleware::map_response(api_status))
        .layer(axum::middleware::from_fn(locale::detect))
        // Pages travel compressed (a product page's 46 KB of HTML is about 8 KB): on a phone's
        // network that is round trips before the first paint. Brotli at quality 4 costs well
        // under a millisecond a page; files are precompressed at build time, and the API's
        // answers stay as they are.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::compression::CompressionLevel::Precise(4))
                .compress_when(is_page),
        )
        .with_state(state)
}

fn is_page(
    _: axum::http::StatusCode,
    _: axum::http::Version,
    headers: &axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    is_html(headers)
}

/// Whether an answer is an HTML page.
fn is_html(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"))
}

pub use admin::command as admin_command;
pub use page_cache::TTL as PAGE_TTL;

/// The built site (stylesheets, the wasm bundles, public files), precompressed by
/// scripts/build-client.sh; anything else is the store's "not found" page. Files are served
/// outside Leptos on purpose: leptos_axum's file handler answers with a child of whatever
/// reactive owner is current on its thread, and under concurrent renders that was another
/// request's page, whose response headers (its CSP, and any Set-Cookie) it then took and sent
/// with the file (README "Security").
fn site_files(
    options: &LeptosOptions,
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> Router {
    let render = leptos_axum::render_app_async_with_context(context, {
        let options = options.clone();
        move || shell(options.clone())
    });
    let missing = tower::service_fn(move |req: axum::extract::Request| {
        let page = render(req);
        async move { Ok::<_, std::convert::Infallible>(page.await) }
    });
    let files = tower_http::services::ServeDir::new(options.site_root.as_ref())
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(missing);
    Router::new().fallback_service(files)
}

/// The widget's bundle, precompressed by scripts/build-widget.sh.
fn widget_files(root: &str) -> Router {
    let files = tower_http::services::ServeDir::new(root)
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn(widget::asset_headers))
}

/// Server functions (leptos_routes registers one route each) answer every error with 500; a shopper's mistake is not a server fault,
/// so each error gets the status that says what it is (and monitoring sees real 5xx only).
async fn api_status(res: Response) -> Response {
    use crate::api::ApiError;
    use axum::http::StatusCode;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key("serverfnerror")
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "error body unreadable").into_response();
    };
    let error = std::str::from_utf8(&bytes)
        .ok()
        .and_then(crate::api::error_wire::from_json);
    if let Some(error) = error {
        parts.status = match error {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Invalid(_) | ApiError::Field { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::OutOfStock { .. } => StatusCode::CONFLICT,
            ApiError::Payment(_) => StatusCode::PAYMENT_REQUIRED,
            ApiError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable | ApiError::Unconfirmed => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Transport(_) | ApiError::Said { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        };
    }
    Response::from_parts(parts, Body::from(bytes))
}

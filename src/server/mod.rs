//! The axum server: configuration, the router, and HTTP concerns (headers, static files,
//! media). Everything shopper-facing is rendered by the app; everything data-facing goes
//! through the `Commerce` trait.

pub mod config;
pub mod headers;
mod media;
pub mod signing;

use crate::api::context::Services;
use crate::app::{shell, App};
use crate::commerce::backend::Commerce;
use crate::commerce::embedded::EmbeddedStore;
use axum::{
    body::Body,
    extract::{FromRef, State},
    http::Request,
    response::IntoResponse,
    routing::get,
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub backend: Arc<dyn Commerce>,
    /// Present when the embedded backend is in use; it also draws the product pictures.
    pub store: Option<Arc<EmbeddedStore>>,
    pub signer: signing::Signer,
}

impl AppState {
    pub fn embedded(
        leptos_options: LeptosOptions,
        store: EmbeddedStore,
        signer: signing::Signer,
    ) -> AppState {
        let store = Arc::new(store);
        AppState {
            leptos_options,
            backend: store.clone(),
            store: Some(store),
            signer,
        }
    }

    fn services(&self) -> Services {
        Services {
            backend: self.backend.clone(),
            signer: self.signer.clone(),
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

pub fn router(state: AppState) -> Router {
    let services = state.services();
    let context = move || provide_context(services.clone());
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    Router::new()
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .route("/media/p/{handle}/{file}", get(media::product_image))
        .route("/healthz", get(|| async { "ok" }))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn(headers::defaults))
        .with_state(state)
}

async fn server_fn_handler(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    let services = state.services();
    handle_server_fns_with_context(move || provide_context(services.clone()), req).await
}

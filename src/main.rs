//! Server entry: configuration → backend → router → serve.

use std::sync::Arc;
use vitrine::commerce::backend::Commerce;
use vitrine::commerce::embedded::EmbeddedStore;
use vitrine::commerce::vendure::VendureStore;
use vitrine::server::{self, config::Backend, config::Config, signing::Signer, AppState};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Rendering a page walks a deep tree of view types; unoptimised (debug) builds need more
/// than tokio's default 2 MiB of stack for the checkout page.
const WORKER_STACK: usize = 8 * 1024 * 1024;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(WORKER_STACK)
        .build();
    match runtime {
        Ok(rt) => rt.block_on(serve()),
        Err(e) => {
            eprintln!("vitrine: cannot start the runtime: {e}");
            std::process::exit(1);
        }
    }
}

async fn serve() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,vitrine=info".into()),
        )
        // stdout is for what commands print (the listening address, admin answers).
        .with_writer(std::io::stderr)
        .init();

    let config = match Config::from_args(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(2);
        }
    };
    if config.reset_data && matches!(config.backend, Backend::Embedded) {
        // Its reviews and wishlists name the store's orders and products, made anew.
        vitrine::storefront::StorefrontData::remove(&config.data_dir);
    }
    let storefront = match vitrine::storefront::StorefrontData::open(&config.data_dir) {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("vitrine: {msg}");
            std::process::exit(1);
        }
    };
    let storefront = if config.statistics {
        storefront
    } else {
        storefront.without_statistics()
    };
    let storefront = match &config.database_url {
        None => storefront,
        Some(url) => match vitrine::storefront::postgres::Postgres::connect(url).await {
            Ok(pg) => storefront.on_postgres(Arc::new(pg)),
            Err(msg) => {
                eprintln!("vitrine: {msg}");
                std::process::exit(1);
            }
        },
    };
    // The commands that need only the storefront's own data, on any backend.
    let verb = config
        .admin
        .as_ref()
        .and_then(|w| w.first())
        .map(String::as_str);
    if let (Some(words), Some("insights" | "experiments" | "reviews" | "secret")) =
        (&config.admin, verb)
    {
        let answer = match verb {
            Some("secret") => server::admin::secret_command(words, &storefront).await,
            Some("insights") => server::insights::command(words, &storefront).await,
            Some("experiments") => server::insights_experiments::command(words, &storefront).await,
            _ => server::admin::reviews_command(words, &storefront).await,
        };
        finish(answer);
    }
    let (backend, store): (Arc<dyn Commerce>, Option<Arc<EmbeddedStore>>) = match &config.backend {
        Backend::Embedded => {
            let store = match EmbeddedStore::open(&config.data_dir, config.reset_data) {
                Ok(s) => Arc::new(s),
                Err(msg) => {
                    eprintln!("vitrine: {msg}");
                    std::process::exit(1);
                }
            };
            tracing::info!(db = %store.path().display(), "embedded store ready");
            (store.clone(), Some(store))
        }
        Backend::Vendure {
            shop_api,
            order_proof_key,
            product_ttl,
        } => match VendureStore::connect(shop_api, order_proof_key.as_deref()).await {
            Ok(v) => {
                let v = v.reusing_products_for(*product_ttl);
                tracing::info!(%shop_api, "Vendure Shop API connected");
                (Arc::new(v), None)
            }
            Err(msg) => {
                eprintln!("vitrine: {msg}");
                std::process::exit(1);
            }
        },
    };
    if let (Some(words), Some("bundles")) = (&config.admin, verb) {
        finish(server::admin_bundles::command(words, backend.as_ref(), &storefront).await);
    }
    if let Some(words) = &config.admin {
        let Some(store) = &store else {
            eprintln!("vitrine admin: admin commands work on the embedded store only");
            std::process::exit(2);
        };
        finish(server::admin_command(words, store).await);
    }
    if !std::path::Path::new(&config.site_root)
        .join("pkg/vitrine.js")
        .exists()
    {
        tracing::warn!(
            site_root = %config.site_root,
            "no browser bundle found: pages render but will not hydrate (build it with `make build`)"
        );
    }

    let signer =
        match Signer::from_env_or_file(std::env::var("VITRINE_SECRET").ok(), &config.data_dir) {
            Ok(s) => s,
            Err(msg) => {
                eprintln!("vitrine: {msg}");
                std::process::exit(1);
            }
        };
    if let Err(msg) = storefront
        .shared()
        .check_secret(&signer.fingerprint())
        .await
    {
        eprintln!("vitrine: {msg}");
        std::process::exit(1);
    }
    let listener = match tokio::net::TcpListener::bind(config.addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("vitrine: cannot listen on {}: {e}", config.addr);
            std::process::exit(1);
        }
    };
    // Tests start us on port 0: where we really are is also the public address's default
    // (canonical links, the sitemap), so it is known before the app is built.
    let local = listener.local_addr().unwrap_or(config.addr);
    let options = server::leptos_options(&config.site_root, local);
    vitrine::storefront::rollup::keep_rolling(storefront.clone(), config.retention_days);
    if store.is_some() && storefront.records() && storefront.is_local() {
        // The seeded store's owner finds four weeks of visits on the dashboard (not where
        // instances share their steps: the other instances' stores have other orders).
        match storefront.seed_demo() {
            Ok(0) => {}
            Ok(n) => tracing::info!(events = n, "seeded four weeks of demo visits"),
            Err(msg) => tracing::error!(%msg, "demo visits missing"),
        }
    }
    let state = AppState::new(options, backend, store, storefront, signer)
        .with_admin_token(config.admin_token)
        .with_public_origin(config.public_origin)
        .with_trusted_proxies(config.trusted_proxies)
        .with_theme(config.theme)
        .with_review_moderation(config.reviews_moderated)
        .with_page_ttl(config.page_ttl)
        .with_widget(&config.widget_root, config.widget_origins);
    let app = server::router(state);
    println!("vitrine listening on http://{local}");
    // Connection addresses feed the order-lookup rate limit.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .unwrap_or_else(|e| eprintln!("vitrine: server error: {e}"));
}

/// Prints an admin command's answer and exits: 0 with the answer, 1 with the refusal.
fn finish(answer: Result<String, String>) -> ! {
    match answer {
        Ok(msg) => {
            // A command that streamed its own output (an export) answers nothing more.
            if !msg.is_empty() {
                println!("{msg}");
            }
            std::process::exit(0)
        }
        Err(msg) => {
            eprintln!("vitrine admin: {msg}");
            std::process::exit(1)
        }
    }
}

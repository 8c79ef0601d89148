//! `make bench-load`: release servers driven for a fixed time by Goose users who each shop
//! like a person — home, listings with facets, products, misspelt searches and suggestions,
//! add to cart, the cart and checkout pages, Place order, and polling the order's tracking —
//! then every order a user was told succeeded is checked in the backend's own records: there
//! exactly once, with its lines, and stock down by exactly what they bought.
//!
//! On the embedded store (the default): one server on a fresh store. With
//! `VITRINE_LOAD_BACKEND=vendure`: a Vendure on PostgreSQL (`VITRINE_VENDURE`, the installed
//! Vendure folder; `VITRINE_POSTGRES`, the server) and `VITRINE_LOAD_INSTANCES` storefront
//! instances (default 2) sharing that PostgreSQL, behind a round-robin TCP balancer.
//!
//! Goose's own options pass through (`--users`, `--run-time`, ...); defaults: 16 users, 60 s.
//! VITRINE_SERVER names the server binary, VITRINE_SITE_ROOT its built pages.

mod balancer;
mod mix;
mod server;
mod vendure;
mod verify;

use goose::prelude::*;
use server::Server;
use verify::Ledger;

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("bench-load: {e}");
        std::process::exit(1);
    }
}

/// What the users shop at, and who keeps the records.
struct Setup {
    url: String,
    servers: Vec<Server>,
    ledger: Box<dyn Ledger>,
    /// Vendure's process, whose CPU time is printed too.
    vendure_pid: Option<u32>,
    /// Dropped after the servers that use it.
    _schema: Option<Schema>,
}

async fn run() -> Result<(), String> {
    let setup = match std::env::var("VITRINE_LOAD_BACKEND").as_deref() {
        Ok("vendure") => on_vendure().await?,
        Ok("embedded") | Ok("") | Err(_) => on_embedded()?,
        Ok(other) => {
            return Err(format!(
                "VITRINE_LOAD_BACKEND: '{other}' (embedded or vendure)"
            ))
        }
    };
    let before = verify::before(setup.ledger.as_ref())?;

    let metrics = GooseAttack::initialize()
        .map_err(|e| e.to_string())?
        .register_scenario(mix::shopper())
        .set_default(GooseDefault::Host, setup.url.as_str())
        .and_then(|g| g.set_default(GooseDefault::Users, 16))
        .and_then(|g| g.set_default(GooseDefault::IncreaseRate, "16"))
        .and_then(|g| g.set_default(GooseDefault::RunTime, 60))
        .and_then(|g| g.set_default(GooseDefault::NoTelnet, true))
        // Counted from the first request, so every order placed is in the figures.
        .and_then(|g| g.set_default(GooseDefault::NoResetMetrics, true))
        .and_then(|g| g.set_default(GooseDefault::NoPrintMetrics, true))
        .and_then(|g| g.set_default(GooseDefault::Quiet, 1))
        .map_err(|e| e.to_string())?
        .execute()
        .await
        .map_err(|e| e.to_string())?;

    let report = mix::report(&metrics);
    print!("{}", report.table);
    let servers: Vec<String> = setup
        .servers
        .iter()
        .map(|s| format!("{:.0} s", s.cpu_seconds()))
        .collect();
    let vendure = setup.vendure_pid.map_or(String::new(), |pid| {
        format!(", Vendure {:.0} s", server::cpu_seconds(&pid.to_string()))
    });
    println!(
        "CPU: the storefront{} {}{vendure}, the load generator {:.0} s, of {} s × 2 cores",
        if servers.len() > 1 { "s" } else { "" },
        servers.join(" + "),
        server::cpu_seconds("self"),
        metrics.duration
    );
    let placed = mix::placed();
    let checked = verify::orders(setup.ledger.as_ref(), &placed, &before)?;
    println!("{checked}");
    if report.errors > 0 {
        return Err(format!("{} requests failed", report.errors));
    }
    Ok(())
}

fn on_embedded() -> Result<Setup, String> {
    let server = Server::start(0, &[])?;
    let store = verify::Embedded(server.data_dir.clone());
    mix::set_catalogue(mix::Catalogue::read(store.dir())?);
    store.stock_up()?;
    Ok(Setup {
        url: server.url.clone(),
        servers: vec![server],
        ledger: Box::new(store),
        vendure_pid: None,
        _schema: None,
    })
}

async fn on_vendure() -> Result<Setup, String> {
    let needed = |k: &str| {
        std::env::var(k)
            .map_err(|_| format!("{k} is not set (`make bench-load BACKEND=vendure` sets it)"))
    };
    let (home, postgres) = (needed("VITRINE_VENDURE")?, needed("VITRINE_POSTGRES")?);
    let instances: usize = std::env::var("VITRINE_LOAD_INSTANCES")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(2);
    let vendure = vendure::Vendure::start(&home, &postgres)?;
    mix::set_catalogue(vendure.catalogue()?);
    let schema = Schema::fresh(&postgres)?;
    let env = [
        ("VITRINE_BACKEND", "vendure"),
        ("VENDURE_SHOP_API", vendure.shop_api.as_str()),
        ("VENDURE_ORDER_PROOF_KEY", vendure.proof_key.as_str()),
        ("VITRINE_DATABASE_URL", schema.url.as_str()),
        (
            "VITRINE_SECRET",
            "bench-load-secret-bench-load-secret-bench-load",
        ),
    ];
    let servers = (0..instances)
        .map(|n| Server::start(n, &env))
        .collect::<Result<Vec<_>, _>>()?;
    let url = balancer::start(servers.iter().map(|s| s.url.clone()).collect()).await?;
    Ok(Setup {
        url,
        servers,
        vendure_pid: Some(vendure.pid()),
        ledger: Box::new(vendure),
        _schema: Some(schema),
    })
}

/// A schema of the run's own on the shared PostgreSQL, for the instances' shared state.
struct Schema {
    admin: String,
    name: String,
    url: String,
}

impl Schema {
    fn fresh(postgres: &str) -> Result<Schema, String> {
        let name = format!("load_{}", std::process::id());
        vendure::psql(
            postgres,
            &format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"),
        )?;
        Ok(Schema {
            admin: postgres.to_string(),
            url: format!("{postgres}?options=-csearch_path%3D{name}"),
            name,
        })
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        let _ = vendure::psql(
            &self.admin,
            &format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name),
        );
    }
}

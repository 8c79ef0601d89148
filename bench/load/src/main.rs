//! `make bench-load`: a release server on a fresh embedded store, driven for a fixed time by
//! Goose users who each shop like a person — home, listings with facets, products, misspelt
//! searches and suggestions, add to cart, the cart and checkout pages, Place order, and
//! polling the order's tracking — then every order a user was told succeeded is checked in
//! the store: there exactly once, with its lines, and stock down by exactly what they bought.
//!
//! Goose's own options pass through (`--users`, `--run-time`, ...); defaults: 16 users, 60 s.
//! VITRINE_SERVER names the server binary, VITRINE_SITE_ROOT its built pages.

mod mix;
mod server;
mod verify;

use goose::prelude::*;

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("bench-load: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let server = server::Server::start()?;
    let catalogue = mix::Catalogue::read(&server.data_dir)?;
    verify::stock_up(&server.data_dir)?;
    let before = verify::stock(&server.data_dir)?;
    mix::set_catalogue(catalogue);

    let metrics = GooseAttack::initialize()
        .map_err(|e| e.to_string())?
        .register_scenario(mix::shopper())
        .set_default(GooseDefault::Host, server.url.as_str())
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
    println!(
        "CPU: the server {:.0} s, the load generator {:.0} s, of {} s × 2 cores",
        server.cpu_seconds(),
        server::cpu_seconds("self"),
        metrics.duration
    );
    let placed = mix::placed();
    let checked = verify::orders(&server.data_dir, &placed, &before)?;
    println!("{checked}");
    if report.errors > 0 {
        return Err(format!("{} requests failed", report.errors));
    }
    Ok(())
}

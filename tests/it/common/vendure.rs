//! A live Vendure for the contract suite: a copy of the pristine sample store (made by
//! `scripts/vendure.sh install`) served by the project's server.js on a free port, stopped
//! when dropped. On sql.js (a copied file) or on PostgreSQL (a database copied from
//! `vendure_pristine`, dropped with it).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct LiveVendure {
    child: Child,
    dir: PathBuf,
    pub shop_api: String,
    /// The PostgreSQL database it keeps its store in, if any: (server URL, name).
    database: Option<(String, String)>,
    /// The key its order access rule checks (`VENDURE_ORDER_PROOF_KEY` for the adapter).
    pub proof_key: String,
}

/// How a test Vendure is set up.
#[derive(Clone, Copy, PartialEq)]
pub enum Flavour {
    /// The project's server.js: gift fields, the storefront's order access rule.
    Project,
    /// Vendure as it comes: no custom fields, its own order access rule.
    Stock,
    /// The project's server.js on PostgreSQL (`VITRINE_POSTGRES`) rather than sql.js.
    Postgres,
}

const STARTUP: Duration = Duration::from_secs(90);

/// The test PostgreSQL's URL and a Vendure on it, when `make test` provides both (it sets
/// `VITRINE_POSTGRES` and `VITRINE_VENDURE`); otherwise says that `what` was skipped.
pub fn on_postgres(what: &str) -> Option<(String, LiveVendure)> {
    let Ok(pg) = std::env::var("VITRINE_POSTGRES") else {
        eprintln!("{what} skipped: VITRINE_POSTGRES is not set (`make test` sets it)");
        return None;
    };
    let Some(live) = LiveVendure::start_as(Flavour::Postgres) else {
        eprintln!("{what} skipped: VITRINE_VENDURE is not set (`make test` sets it)");
        return None;
    };
    Some((pg, live))
}

impl LiveVendure {
    /// Its Shop API's host and port, for a proxy to stand in front of.
    pub fn host(&self) -> String {
        self.shop_api
            .trim_start_matches("http://")
            .trim_end_matches("/shop-api")
            .to_string()
    }

    /// The adapter, straight to it (no proxy): what Vendure really holds.
    pub async fn store(&self) -> vitrine::commerce::vendure::VendureStore {
        vitrine::commerce::vendure::VendureStore::connect(&self.shop_api, Some(&self.proof_key))
            .await
            .expect("connects to Vendure")
    }

    /// Starts one when `VITRINE_VENDURE` names the installed Vendure folder (`make test` sets
    /// it); `None` otherwise, so a plain `cargo test` runs without Node.
    pub fn start_as(flavour: Flavour) -> Option<LiveVendure> {
        let home = PathBuf::from(std::env::var_os("VITRINE_VENDURE")?);
        let on_postgres = flavour == Flavour::Postgres;
        let (pristine, marker, install) = if on_postgres {
            ("pristine-pg", "vendure.postgres", "VENDURE_DB=postgres ")
        } else {
            ("pristine", "vendure.sqlite", "")
        };
        let pristine = home.join(pristine);
        assert!(
            pristine.join(marker).exists(),
            "VITRINE_VENDURE={} has no pristine store: run `{install}bash scripts/vendure.sh install`",
            home.display()
        );
        let dir = super::temp_dir("vendure");
        copy_dir(&pristine, &dir);
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let database = on_postgres.then(|| {
            let url = std::env::var("VITRINE_POSTGRES")
                .expect("VITRINE_POSTGRES names the test PostgreSQL (`make test` sets it)");
            let name = format!("vendure_test_{port}");
            psql(&url, &format!("DROP DATABASE IF EXISTS {name}"));
            psql(
                &url,
                &format!("CREATE DATABASE {name} TEMPLATE vendure_pristine"),
            );
            (url, name)
        });
        let proof_key = format!("test-proof-key-{port}");
        let mut child = Command::new("node");
        if let Some((url, name)) = &database {
            let server = url.rsplit_once('/').map_or(url.as_str(), |(s, _)| s);
            child.env("VITRINE_VENDURE_POSTGRES", format!("{server}/{name}"));
        }
        let mut child = child
            .env("VITRINE_ORDER_PROOF_KEY", &proof_key)
            .env(
                "VITRINE_VENDURE_STOCK",
                if flavour == Flavour::Stock { "1" } else { "0" },
            )
            .arg(home.join("server.js"))
            .arg(&dir)
            .arg(port.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts Vendure");
        let stdout = child.stdout.take().expect("Vendure's stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.contains("Shop API on") {
                    let _ = tx.send(());
                }
            }
        });
        let started = Instant::now();
        let live = LiveVendure {
            child,
            dir,
            shop_api: format!("http://127.0.0.1:{port}/shop-api"),
            database,
            proof_key,
        };
        rx.recv_timeout(STARTUP)
            .unwrap_or_else(|_| panic!("Vendure did not start within {STARTUP:?}"));
        eprintln!("Vendure up in {:.1} s", started.elapsed().as_secs_f64());
        Some(live)
    }
}

impl LiveVendure {
    /// Freezes the process (SIGSTOP): Vendure hangs, accepting connections and answering none.
    pub fn hang(&self) {
        signal(self.child.id(), "-STOP");
    }

    pub fn wake(&self) {
        signal(self.child.id(), "-CONT");
    }
}

impl LiveVendure {
    /// How many placed orders `email` has, read from Vendure's own database (PostgreSQL
    /// flavour only): what a double placement would show, whatever the storefront says.
    pub fn orders_of(&self, email: &str) -> i64 {
        let sql = format!(
            "SELECT count(*) FROM \"order\" o JOIN customer c ON c.id = o.\"customerId\" \
             WHERE c.\"emailAddress\" = '{}' AND o.\"orderPlacedAt\" IS NOT NULL",
            email.replace('\'', "''")
        );
        self.sql(&sql).trim().parse().expect("a count")
    }

    /// One statement on Vendure's own database (PostgreSQL flavour only).
    pub fn sql(&self, sql: &str) -> String {
        let (url, name) = self
            .database
            .as_ref()
            .expect("Vendure's database is read on the PostgreSQL flavour");
        let server = url.rsplit_once('/').map_or(url.as_str(), |(s, _)| s);
        psql_out(&format!("{server}/{name}"), sql)
    }
}

fn signal(pid: u32, which: &str) {
    let ok = Command::new("kill")
        .arg(which)
        .arg(pid.to_string())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill {which} {pid}");
}

impl Drop for LiveVendure {
    fn drop(&mut self) {
        self.wake();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((url, name)) = &self.database {
            psql(url, &format!("DROP DATABASE IF EXISTS {name}"));
        }
    }
}

/// Runs one statement on the test PostgreSQL (Debian's psql, which setup installs with it).
fn psql(url: &str, sql: &str) {
    psql_out(url, sql);
}

/// What one statement printed (unaligned, tuples only).
fn psql_out(url: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .args([url, "-qtAX", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "{sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("test folder");
    for entry in std::fs::read_dir(from).expect("pristine folder") {
        let entry = entry.expect("pristine entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

//! A Vendure on PostgreSQL for the run: the project's server.js on a copy of the pristine
//! sample database (`VENDURE_DB=postgres scripts/vendure.sh install`), every variant given
//! plenty of stock, and its database read directly to pick the catalogue and check orders.

use crate::mix::Catalogue;
use crate::verify::Ledger;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

pub struct Vendure {
    child: Child,
    dir: PathBuf,
    /// The PostgreSQL server (`postgres://…/db` without the database) and this store's one.
    server: String,
    database: String,
    /// The database named in VITRINE_POSTGRES, from which this one is dropped.
    admin: String,
    pub shop_api: String,
    pub proof_key: String,
}

/// One statement on `url`; what it printed (tab-separated, tuples only).
pub fn psql(url: &str, sql: &str) -> Result<String, String> {
    let out = Command::new("psql")
        .args([url, "-qtAX", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .output()
        .map_err(|e| format!("psql: {e}"))?;
    if !out.status.success() {
        return Err(format!("{sql}: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl Vendure {
    /// Starts one from the Vendure folder `home` on the PostgreSQL at `postgres`.
    pub fn start(home: &str, postgres: &str) -> Result<Vendure, String> {
        let server = postgres
            .rsplit_once('/')
            .map_or(postgres, |(s, _)| s)
            .to_string();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let database = format!("vendure_load_{port}");
        psql(postgres, &format!("DROP DATABASE IF EXISTS {database}"))?;
        psql(
            postgres,
            &format!("CREATE DATABASE {database} TEMPLATE vendure_pristine"),
        )?;
        let dir = std::env::temp_dir().join(format!("vitrine-load-vendure-{port}"));
        let _ = std::fs::remove_dir_all(&dir);
        let copied = Command::new("cp")
            .arg("-r")
            .arg(format!("{home}/pristine-pg"))
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        if !copied {
            return Err(format!(
                "no {home}/pristine-pg: run `VENDURE_DB=postgres bash scripts/vendure.sh install`"
            ));
        }
        let proof_key = format!("load-proof-key-{port}");
        let mut child = Command::new("node")
            .arg(format!("{home}/server.js"))
            .arg(&dir)
            .arg(port.to_string())
            .env("VITRINE_VENDURE_POSTGRES", format!("{server}/{database}"))
            .env("VITRINE_ORDER_PROOF_KEY", &proof_key)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("node: {e}"))?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        let vendure = Vendure {
            child,
            dir,
            server,
            database,
            admin: postgres.to_string(),
            shop_api: format!("http://127.0.0.1:{port}/shop-api"),
            proof_key,
        };
        for line in stdout.lines().map_while(Result::ok) {
            if line.contains("Shop API on") {
                // Plenty of every variant, as the embedded run does.
                vendure.sql(r#"UPDATE stock_level SET "stockOnHand" = 100000"#)?;
                return Ok(vendure);
            }
        }
        Err("Vendure exited before it listened".into())
    }

    fn sql(&self, sql: &str) -> Result<String, String> {
        psql(&format!("{}/{}", self.server, self.database), sql)
    }

    fn column(&self, sql: &str) -> Result<Vec<String>, String> {
        Ok(self.sql(sql)?.lines().map(str::to_string).collect())
    }

    pub fn catalogue(&self) -> Result<Catalogue, String> {
        let en = r#""languageCode" = 'en'"#;
        Catalogue::of(
            self.column(&format!(
                "SELECT slug FROM collection_translation WHERE {en} AND slug <> '__root_collection__'"
            ))?,
            self.column(&format!(
                r#"SELECT t.slug FROM product_translation t JOIN product p ON p.id = t."baseId"
                   WHERE {en} AND p.enabled AND p."deletedAt" IS NULL"#
            ))?,
            self.column(r#"SELECT id FROM product_variant WHERE enabled AND "deletedAt" IS NULL"#)?,
            self.column(&format!("SELECT name FROM product_translation WHERE {en}"))?,
        )
    }

    /// The Node process, for its CPU time.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Ledger for Vendure {
    fn order(&self, code: &str) -> Result<(i64, BTreeMap<i64, u32>), String> {
        let code = code.replace('\'', "");
        let copies = self
            .sql(&format!(
                r#"SELECT count(*) FROM "order" WHERE code = '{code}' AND "orderPlacedAt" IS NOT NULL"#
            ))?
            .trim()
            .parse()
            .map_err(|e| format!("{e}"))?;
        let mut lines = BTreeMap::new();
        for row in self.column(&format!(
            r#"SELECT l."productVariantId", l.quantity FROM order_line l JOIN "order" o ON o.id = l."orderId"
               WHERE o.code = '{code}'"#
        ))? {
            let (v, q) = row.split_once('\t').ok_or("a line")?;
            let q: u32 = q.parse().map_err(|e| format!("{e}"))?;
            *lines
                .entry(v.parse().map_err(|e| format!("{e}"))?)
                .or_default() += q;
        }
        Ok((copies, lines))
    }

    fn orders(&self) -> Result<i64, String> {
        self.sql(r#"SELECT count(*) FROM "order" WHERE "orderPlacedAt" IS NOT NULL"#)?
            .trim()
            .parse()
            .map_err(|e| format!("{e}"))
    }

    /// On hand less allocated: Vendure allocates a paid order's units and takes them off
    /// hand only when they are shipped.
    fn stock(&self) -> Result<BTreeMap<i64, i64>, String> {
        let mut stock = BTreeMap::new();
        for row in self.column(
            r#"SELECT "productVariantId", sum("stockOnHand" - "stockAllocated") FROM stock_level GROUP BY 1"#,
        )? {
            let (v, n) = row.split_once('\t').ok_or("a stock row")?;
            stock.insert(
                v.parse().map_err(|e| format!("{e}"))?,
                n.parse().map_err(|e| format!("{e}"))?,
            );
        }
        Ok(stock)
    }
}

impl Drop for Vendure {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
        let _ = psql(
            &self.admin,
            &format!("DROP DATABASE IF EXISTS {}", self.database),
        );
    }
}

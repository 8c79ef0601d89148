//! Server configuration from flags and environment (flags win), with defaults that make
//! `make run` work with no setup.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    /// Where Trunk wrote the browser bundle, styles and public files.
    pub site_root: String,
    pub reset_data: bool,
    /// `admin …` words: run an admin command against the data folder instead of serving.
    pub admin: Option<Vec<String>>,
    /// Where the catalogue, carts and orders live.
    pub backend: Backend,
    /// Bearer token for `/admin/*` (env `VITRINE_ADMIN_TOKEN` only, so it never shows in `ps`);
    /// without one the admin endpoints do not exist.
    pub admin_token: Option<String>,
    /// A theme from style/themes/ (served as /themes/NAME.css), laid over the tokens.
    pub theme: Option<String>,
    /// Where Trunk wrote the widget bundle (served under /widget/).
    pub widget_root: String,
    /// Origins whose pages may use the widget (`VITRINE_WIDGET_ORIGINS`).
    pub widget_origins: Vec<String>,
    /// The origin shoppers reach the store at (`VITRINE_PUBLIC_URL`), when a proxy stands in
    /// front and rewrites `Host`.
    pub public_origin: Option<String>,
    /// Proxies in front of the store whose `X-Forwarded-For` is believed.
    pub trusted_proxies: crate::api::client::TrustedProxies,
    /// New and edited reviews wait for the owner's approval (`VITRINE_REVIEWS_MODERATED=1`).
    pub reviews_moderated: bool,
    /// How long a browse page drawn for a shopper nobody follows is served again
    /// (`VITRINE_PAGE_TTL`, seconds; 0: every page drawn afresh).
    pub page_ttl: std::time::Duration,
    /// Days raw events are kept before they become daily counts
    /// (`VITRINE_EVENT_RETENTION_DAYS`, default 90).
    pub retention_days: i64,
    /// The store's own statistics (`VITRINE_STATISTICS=off` turns them off).
    pub statistics: bool,
    /// PostgreSQL shared by every instance (`VITRINE_DATABASE_URL`): limits, checkout
    /// attempts, the signing key's fingerprint, wishlists, reviews and bundles. None: the data
    /// folder's SQLite file.
    pub database_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Backend {
    /// The SQLite store in the data folder (the default: no setup).
    Embedded,
    /// A Vendure server's Shop API at this URL; `order_proof_key` signs order reads for the
    /// access rule in scripts/vendure/server.js.
    Vendure {
        shop_api: String,
        order_proof_key: Option<String>,
        /// How long a product page's answer from Vendure is reused (0: never).
        product_ttl: std::time::Duration,
    },
}

pub const USAGE: &str = "\
vitrine — the storefront server

USAGE: vitrine [--addr HOST:PORT] [--data-dir DIR] [--site-root DIR] [--widget-root DIR]
               [--reset-data]
       vitrine [--data-dir DIR] admin advance ORDER [STATUS]
       vitrine [--data-dir DIR] admin slip ORDER
       vitrine [--data-dir DIR] admin price PRODUCT AMOUNT
       vitrine [--data-dir DIR] admin eval-recommendations
       vitrine [--data-dir DIR] admin reviews [approve ID | reject ID]
       vitrine [--data-dir DIR] admin bundles [add PERCENT PRODUCT PRODUCT [PRODUCT] | remove ID]
       vitrine [--data-dir DIR] admin insights [DAYS | export [DAYS]]
       vitrine [--data-dir DIR] admin experiments [start NAME | stop NAME]
       vitrine [--data-dir DIR] admin secret reset

  --addr        address to listen on       (env VITRINE_ADDR, default 127.0.0.1:3000)
  --data-dir    embedded store's folder    (env VITRINE_DATA_DIR, default ./data)
  --site-root   built assets (Trunk dist)  (env VITRINE_SITE_ROOT, default target/site)
  --widget-root the widget bundle          (env VITRINE_WIDGET_ROOT, default target/widget)
  --reset-data  delete the embedded store and seed it again

  admin advance ORDER [STATUS]   move an order to its next status, or to STATUS (placed, paid,
                                 packed, shipped, out_for_delivery, delivered, cancelled,
                                 refunded); works while the server runs
  admin slip ORDER               print the order's packing slip (a gift's may leave out prices)
  admin price PRODUCT AMOUNT     set every variant of PRODUCT (its handle) to AMOUNT in dollars
                                 (24.50); euros and yuan follow. Also POST
                                 /admin/products/{handle}/price?amount=24.50
  admin eval-recommendations     hit-rate@10 of bought-together against best sellers, leaving
                                 one line of each past order out (README, Performance)
  admin reviews                  list reviews waiting for a look (pending approval, held as
                                 likely spam, reported by shoppers); on any backend
  admin reviews approve|reject ID  publish a review (clearing its reports), or take it down
  admin bundles                  list the bundle discounts declared; on any backend
  admin bundles add PERCENT A B [C]  every complete set of these products (handles) costs
                                 PERCENT (1–50) less; on Vendure only when a Vendure promotion
                                 already takes that off (it is tried on a scratch cart)
  admin bundles remove ID        withdraw a bundle
  admin insights [DAYS]          the funnel, revenue and searches that found nothing over the
                                 last DAYS (default 30), as /insights shows them
  admin insights export [DAYS]   every recorded step (of the last DAYS), one JSON object a
                                 line, for a warehouse; also GET /insights/events.ndjson
  admin experiments              each experiment in DATA/experiments.json: its cells'
                                 visitors, conversions and difference to control
  admin experiments start|stop NAME  start an experiment now (or stop it); a running server
                                 follows within a second
  admin secret reset             forget the signing key this data was served with: a server
                                 refuses to start with another key (VITRINE_SECRET) until then

  env VITRINE_BACKEND            embedded (default) or vendure
  env VENDURE_SHOP_API           the Vendure Shop API URL (with VITRINE_BACKEND=vendure), e.g.
                                 http://127.0.0.1:3100/shop-api (`make vendure` starts one)
  env VENDURE_ORDER_PROOF_KEY    the key Vendure's order access rule checks (the same as its
                                 VITRINE_ORDER_PROOF_KEY; see scripts/vendure/server.js);
                                 without it Vendure's own rule applies (guest orders readable
                                 for two hours after they are placed)
  env VENDURE_PRODUCT_TTL        seconds a product page reuses Vendure's answer, so its stock
                                 may be that old (add to cart and checkout ask Vendure live;
                                 this instance's own orders drop it at once); default 5, 0 off
  env VITRINE_THEME              a theme from style/themes/ laid over the store's tokens
                                 (orchard, mono); default: none
  env VITRINE_WIDGET_ORIGINS     pages allowed to embed the widget, as origins separated by
                                 commas, e.g. https://blog.example,http://127.0.0.1:4000;
                                 default: none (the widget then works on no other site)
  env VITRINE_PUBLIC_URL         the address shoppers use, e.g. https://shop.example, when a
                                 proxy in front rewrites Host; default: the request's Host
  env VITRINE_TRUSTED_PROXIES    proxies or CDNs in front of the store (addresses or networks,
                                 e.g. 10.0.0.0/8): their X-Forwarded-For names the client for
                                 rate limits; default: none (the connecting address counts)
  env VITRINE_REVIEWS_MODERATED  1: new and edited reviews wait for approval (admin reviews);
                                 default: published at once, unless they look like spam
  env VITRINE_PAGE_TTL           seconds a browse page drawn for a shopper nobody follows
                                 (no consent, no session) is served again to such shoppers,
                                 their cart's count filled in; changes made elsewhere show
                                 within it; default 2, 0 off
  env VITRINE_STATISTICS         off: record nothing (no funnel, no experiments); default on
  env VITRINE_DATABASE_URL       postgres://USER@HOST:PORT/DB that every instance shares for
                                 rate limits, checkout attempts, the signing key's
                                 fingerprint, wishlists, reviews and bundles; default: the
                                 data folder's SQLite file (enough for one machine, even with
                                 several instances on it)
  env VITRINE_EVENT_RETENTION_DAYS  days the statistics keep each recorded step; older ones
                                 become daily counts with no visitor id (default 90)
  env VITRINE_ADMIN_TOKEN        enables POST /admin/orders/{code}/advance[?to=STATUS],
                                 GET /admin/orders/{code}/slip (embedded store), GET
                                 /admin/reviews, POST /admin/reviews/{id}/approve|reject, GET
                                 /admin/bundles, POST /admin/bundles?percent=&products=a,b and
                                 POST /admin/bundles/{id}/remove and the /insights dashboard for
                                 callers sending `Authorization: Bearer <token>` (≥ 24 chars)";

impl Config {
    pub fn from_args<I: IntoIterator<Item = String>>(
        args: I,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, String> {
        let mut addr = env("VITRINE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let mut data_dir = env("VITRINE_DATA_DIR").unwrap_or_else(|| "data".into());
        let mut site_root = env("VITRINE_SITE_ROOT").unwrap_or_else(|| "target/site".into());
        let mut widget_root = env("VITRINE_WIDGET_ROOT").unwrap_or_else(|| "target/widget".into());
        let mut reset_data = false;
        let mut admin = None;
        let admin_token = env("VITRINE_ADMIN_TOKEN").filter(|t| !t.is_empty());
        if admin_token.as_ref().is_some_and(|t| t.len() < 24) {
            return Err("VITRINE_ADMIN_TOKEN must be at least 24 characters".into());
        }
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--addr" => addr = value("--addr")?,
                "--data-dir" => data_dir = value("--data-dir")?,
                "--site-root" => site_root = value("--site-root")?,
                "--widget-root" => widget_root = value("--widget-root")?,
                "--reset-data" => reset_data = true,
                "admin" => {
                    admin = Some(args.by_ref().collect());
                    break;
                }
                "-h" | "--help" => return Err(USAGE.into()),
                other => return Err(format!("unknown argument {other}\n\n{USAGE}")),
            }
        }
        let backend = match env("VITRINE_BACKEND").as_deref().unwrap_or("embedded") {
            "embedded" | "" => Backend::Embedded,
            "vendure" => match env("VENDURE_SHOP_API").filter(|u| !u.is_empty()) {
                Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                    let ttl = env("VENDURE_PRODUCT_TTL").filter(|t| !t.is_empty());
                    let product_ttl = match ttl.map(|t| t.parse::<u64>()) {
                        None => crate::commerce::vendure::PRODUCT_TTL,
                        Some(Ok(s)) if s <= 3600 => std::time::Duration::from_secs(s),
                        Some(_) => return Err("VENDURE_PRODUCT_TTL: seconds from 0 to 3600".into()),
                    };
                    Backend::Vendure {
                        shop_api: url,
                        order_proof_key: env("VENDURE_ORDER_PROOF_KEY").filter(|k| !k.is_empty()),
                        product_ttl,
                    }
                }
                Some(url) => {
                    return Err(format!("VENDURE_SHOP_API: '{url}' is not an http(s) URL"))
                }
                None => {
                    return Err(
                        "VITRINE_BACKEND=vendure needs VENDURE_SHOP_API (the Shop API \
                                URL, e.g. http://127.0.0.1:3100/shop-api)"
                            .into(),
                    )
                }
            },
            other => {
                return Err(format!(
                    "VITRINE_BACKEND: '{other}' is not a backend (embedded or vendure)"
                ))
            }
        };
        let theme = env("VITRINE_THEME").filter(|t| !t.is_empty());
        if let Some(t) = &theme {
            let known = std::path::Path::new(&site_root)
                .join("themes")
                .join(format!("{t}.css"));
            let named = t.len() <= 40
                && t.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !named || !known.is_file() {
                return Err(format!(
                    "VITRINE_THEME: '{t}' is not a theme in {site_root}/themes (see style/themes/)"
                ));
            }
        }
        let widget_origins =
            super::widget::parse_origins(&env("VITRINE_WIDGET_ORIGINS").unwrap_or_default())?;
        let public_origin = env("VITRINE_PUBLIC_URL")
            .filter(|u| !u.is_empty())
            .map(|u| super::origin::public_origin(&u))
            .transpose()?;
        let trusted_proxies = crate::api::client::TrustedProxies::parse(
            &env("VITRINE_TRUSTED_PROXIES").unwrap_or_default(),
        )?;
        let reviews_moderated = match env("VITRINE_REVIEWS_MODERATED").as_deref() {
            None | Some("" | "0") => false,
            Some("1") => true,
            Some(other) => {
                return Err(format!(
                    "VITRINE_REVIEWS_MODERATED: '{other}' is not 0 or 1"
                ))
            }
        };
        let retention_days = match env("VITRINE_EVENT_RETENTION_DAYS") {
            None => crate::storefront::rollup::RETENTION_DAYS,
            Some(d) => whole_number(
                "VITRINE_EVENT_RETENTION_DAYS",
                &d,
                1..=3650,
                "a number of days (1-3650)",
            )? as i64,
        };
        let page_ttl = match env("VITRINE_PAGE_TTL").filter(|t| !t.is_empty()) {
            None => super::page_cache::TTL,
            Some(t) => std::time::Duration::from_secs(whole_number(
                "VITRINE_PAGE_TTL",
                &t,
                0..=60,
                "seconds from 0 to 60",
            )?),
        };
        let statistics = match env("VITRINE_STATISTICS").as_deref() {
            None | Some("on") => true,
            Some("off") => false,
            Some(other) => return Err(format!("VITRINE_STATISTICS: '{other}' is not on or off")),
        };
        let database_url = match env("VITRINE_DATABASE_URL").filter(|u| !u.is_empty()) {
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => Some(u),
            Some(_) => {
                return Err("VITRINE_DATABASE_URL: expected postgres://USER@HOST:PORT/DB".into())
            }
            None => None,
        };
        let addr = addr
            .parse()
            .map_err(|_| format!("--addr: '{addr}' is not HOST:PORT"))?;
        Ok(Config {
            addr,
            data_dir: data_dir.into(),
            site_root,
            reset_data,
            admin,
            backend,
            admin_token,
            theme,
            widget_root,
            widget_origins,
            public_origin,
            trusted_proxies,
            reviews_moderated,
            page_ttl,
            retention_days,
            statistics,
            database_url,
        })
    }
}

/// A setting that is a whole number within `range`, or the message an operator reads:
/// "`name`: 'value' is not `what`".
fn whole_number(
    name: &str,
    value: &str,
    range: std::ops::RangeInclusive<u64>,
    what: &str,
) -> Result<u64, String> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| format!("{name}: '{value}' is not {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_settings_apply_within_their_bounds_and_explain_the_rest() {
        let with = |name: &'static str, value: &'static str| {
            move |k: &str| (k == name).then(|| value.to_string())
        };
        let c = Config::from_args([], with("VITRINE_PAGE_TTL", "0")).unwrap();
        assert!(c.page_ttl.is_zero());
        let c = Config::from_args([], with("VITRINE_PAGE_TTL", "")).unwrap();
        assert_eq!(c.page_ttl, super::super::page_cache::TTL);
        assert_eq!(
            Config::from_args([], with("VITRINE_PAGE_TTL", "61")).unwrap_err(),
            "VITRINE_PAGE_TTL: '61' is not seconds from 0 to 60"
        );
        assert!(Config::from_args([], with("VITRINE_PAGE_TTL", "-1")).is_err());
        let c = Config::from_args([], with("VITRINE_EVENT_RETENTION_DAYS", " 30 ")).unwrap();
        assert_eq!(c.retention_days, 30);
        assert_eq!(
            Config::from_args([], with("VITRINE_EVENT_RETENTION_DAYS", "0")).unwrap_err(),
            "VITRINE_EVENT_RETENTION_DAYS: '0' is not a number of days (1-3650)"
        );
    }

    #[test]
    fn flags_override_environment_and_defaults_apply() {
        let env = |k: &str| (k == "VITRINE_DATA_DIR").then(|| "/srv/data".to_string());
        let c = Config::from_args(["--addr".into(), "0.0.0.0:8080".into()], env).unwrap();
        assert_eq!(c.addr.port(), 8080);
        assert_eq!(c.data_dir, PathBuf::from("/srv/data"));
        assert_eq!(c.site_root, "target/site");
        assert!(!c.reset_data);
    }

    #[test]
    fn bad_flags_explain_themselves() {
        let none = |_: &str| None;
        assert!(Config::from_args(["--addr".into(), "nope".into()], none)
            .unwrap_err()
            .contains("HOST:PORT"));
        assert!(Config::from_args(["--frobnicate".into()], none)
            .unwrap_err()
            .contains("unknown argument"));
        assert!(Config::from_args(["--data-dir".into()], none)
            .unwrap_err()
            .contains("needs a value"));
        let short = |k: &str| (k == "VITRINE_ADMIN_TOKEN").then(|| "short".to_string());
        assert!(Config::from_args([], short)
            .unwrap_err()
            .contains("at least 24"));
    }

    #[test]
    fn the_backend_is_chosen_by_environment_and_explains_a_bad_choice() {
        let none = |_: &str| None;
        assert_eq!(
            Config::from_args([], none).unwrap().backend,
            Backend::Embedded
        );
        let vendure = |k: &str| match k {
            "VITRINE_BACKEND" => Some("vendure".to_string()),
            "VENDURE_SHOP_API" => Some("http://127.0.0.1:3100/shop-api".to_string()),
            _ => None,
        };
        assert_eq!(
            Config::from_args([], vendure).unwrap().backend,
            Backend::Vendure {
                shop_api: "http://127.0.0.1:3100/shop-api".into(),
                order_proof_key: None,
                product_ttl: std::time::Duration::from_secs(5),
            }
        );
        let fresh = |k: &str| match k {
            "VENDURE_PRODUCT_TTL" => Some("0".to_string()),
            other => vendure(other),
        };
        assert!(matches!(
            Config::from_args([], fresh).unwrap().backend,
            Backend::Vendure { product_ttl, .. } if product_ttl.is_zero()
        ));
        let odd = |k: &str| match k {
            "VENDURE_PRODUCT_TTL" => Some("soon".to_string()),
            other => vendure(other),
        };
        assert!(Config::from_args([], odd)
            .unwrap_err()
            .contains("VENDURE_PRODUCT_TTL"));
        let no_url = |k: &str| (k == "VITRINE_BACKEND").then(|| "vendure".to_string());
        assert!(Config::from_args([], no_url)
            .unwrap_err()
            .contains("VENDURE_SHOP_API"));
        let unknown = |k: &str| (k == "VITRINE_BACKEND").then(|| "magento".to_string());
        assert!(Config::from_args([], unknown)
            .unwrap_err()
            .contains("not a backend"));
    }

    #[test]
    fn admin_words_after_the_flags_become_a_command() {
        let none = |_: &str| None;
        let args = ["--data-dir", "d", "admin", "advance", "VT-1", "shipped"].map(String::from);
        let c = Config::from_args(args, none).unwrap();
        assert_eq!(c.data_dir, PathBuf::from("d"));
        assert_eq!(c.admin.unwrap(), ["advance", "VT-1", "shipped"]);
    }

    #[test]
    fn a_theme_must_be_one_the_site_ships() {
        let site = std::env::temp_dir().join(format!("vitrine-theme-{}", std::process::id()));
        std::fs::create_dir_all(site.join("themes")).unwrap();
        std::fs::write(site.join("themes/orchard.css"), ":root {}").unwrap();
        let root = site.display().to_string();
        let with = |theme: &'static str| {
            let args = ["--site-root".to_string(), root.clone()];
            Config::from_args(args, move |k: &str| {
                (k == "VITRINE_THEME").then(|| theme.into())
            })
        };
        assert_eq!(with("orchard").unwrap().theme.as_deref(), Some("orchard"));
        for bad in ["meadow", "../themes/orchard", "Orchard"] {
            assert!(with(bad).unwrap_err().contains("is not a theme"), "{bad}");
        }
        assert_eq!(with("").unwrap().theme, None);
        let _ = std::fs::remove_dir_all(site);
    }
}

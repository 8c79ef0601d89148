//! /insights: the store owner's dashboard over the funnel's recorded steps, behind the admin
//! token (a form that sets a short-lived signed cookie, or the bearer header), and the same
//! figures as `vitrine admin insights [DAYS]` for a terminal. Drawn on the server with
//! hand-written SVG (a bar per step) and the numbers in tables; it needs no script. In
//! English: it is the owner's tool, like the admin command.

use super::signing::Signer;
use super::AppState;
use crate::analytics::{funnel, FunnelStep, Step};
use crate::html::escape;
use crate::storefront::events::Totals;
use crate::storefront::rollup::Day;
use crate::storefront::StorefrontData;
use crate::words::number::{decimal, money_parts};
use crate::words::Locale;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use std::sync::Arc;

const COOKIE: &str = "vitrine_insights";
/// A signed-in dashboard lasts a working day.
const SESSION_SECONDS: i64 = 8 * 3600;
const POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                      base-uri 'none'; frame-ancestors 'none'";
/// The periods the dashboard offers, in days.
const PERIODS: [i64; 4] = [1, 7, 30, 90];

#[derive(Clone)]
struct Desk {
    token: Arc<str>,
    signer: Signer,
    data: StorefrontData,
}

/// The routes, only when an admin token is configured.
pub fn routes(state: &AppState) -> Router<AppState> {
    let Some(token) = state.admin_token.clone() else {
        return Router::new();
    };
    let desk = Desk {
        token,
        signer: state.signer.clone(),
        data: state.storefront.clone(),
    };
    Router::new()
        .route("/insights", get(page).post(sign_in))
        .route("/insights/events.ndjson", get(export))
        .with_state(desk)
}

#[derive(Deserialize)]
struct Period {
    days: Option<i64>,
}

#[derive(Deserialize)]
struct SignIn {
    token: String,
}

fn allowed(desk: &Desk, headers: &HeaderMap) -> bool {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let Some(given) = bearer {
        return super::admin::token_matches(&desk.signer, &desk.token, given);
    }
    let now = crate::api::clock::now();
    crate::api::cart::ssr::cookie_pairs(headers)
        .find(|(k, _)| *k == COOKIE)
        .and_then(|(_, v)| v.split_once('.'))
        .is_some_and(|(until, sig)| {
            until.parse::<i64>().is_ok_and(|t| t > now) && desk.signer.verify(COOKIE, until, sig)
        })
}

fn respond(status: StatusCode, html: String) -> Response {
    let mut res = (status, Html(html)).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn page(State(desk): State<Desk>, headers: HeaderMap, Query(q): Query<Period>) -> Response {
    if !allowed(&desk, &headers) {
        return respond(
            StatusCode::UNAUTHORIZED,
            shell("Insights", &sign_in_form(false)),
        );
    }
    let days = q.days.filter(|d| PERIODS.contains(d)).unwrap_or(30);
    let since = crate::api::clock::now() - days * 86_400;
    let experiments = super::insights_experiments::gather(&desk.data).await;
    let totals = desk.data.event_totals(since).await;
    // Revenue over time in the period's main currency, which the totals already found.
    let series = match &totals {
        Ok(t) => desk.data.series(since, &t.currency).await,
        Err(_) => Err(crate::storefront::Unavailable),
    };
    match (totals, experiments, series) {
        (Ok(t), Ok((shown, current)), Ok(series)) => {
            let today = crate::api::clock::now().div_euclid(86_400);
            let time = over_time(&series, &t.currency, today - days + 1, today);
            let mut body = dashboard(&t, days, desk.data.events().dropped(), &time);
            body.push_str(&super::insights_experiments::section(&shown, &current));
            respond(StatusCode::OK, shell("Insights", &body))
        }
        _ => respond(
            StatusCode::SERVICE_UNAVAILABLE,
            shell("Insights", "<p>The storefront's data cannot be read.</p>"),
        ),
    }
}

/// Every event of the chosen period as newline-delimited JSON, streamed.
async fn export(State(desk): State<Desk>, headers: HeaderMap, Query(q): Query<Period>) -> Response {
    if !allowed(&desk, &headers) {
        return respond(
            StatusCode::UNAUTHORIZED,
            shell("Insights", &sign_in_form(false)),
        );
    }
    let since = q
        .days
        .filter(|d| (1..=3650).contains(d))
        .map_or(0, |d| crate::api::clock::now() - d * 86_400);
    let body = axum::body::Body::from_stream(super::insights_export::stream(desk.data, since));
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"vitrine-events.ndjson\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

async fn sign_in(State(desk): State<Desk>, Form(f): Form<SignIn>) -> Response {
    if !super::admin::token_matches(&desk.signer, &desk.token, f.token.trim()) {
        return respond(
            StatusCode::UNAUTHORIZED,
            shell("Insights", &sign_in_form(true)),
        );
    }
    let until = (crate::api::clock::now() + SESSION_SECONDS).to_string();
    let cookie = format!(
        "{COOKIE}={until}.{}; Path=/insights; Max-Age={SESSION_SECONDS}; HttpOnly; SameSite=Strict",
        desk.signer.sign(COOKIE, &until)
    );
    let mut res = Redirect::to("/insights").into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

fn shell(title: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>{title} · vitrine</title><link rel="stylesheet" href="/vitrine.css"><link rel="stylesheet" href="/insights.css"><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head><body><main id="main" class="insights">{body}</main></body></html>"#
    )
}

fn sign_in_form(refused: bool) -> String {
    let problem = if refused {
        r#"<p class="form-error" role="alert">That is not the admin token.</p>"#
    } else {
        ""
    };
    format!(
        r#"<h1>Insights</h1><p>The store's own statistics, for its owner.</p>{problem}<form method="post" action="/insights" class="insights__sign-in"><label class="field"><span class="field__label">Admin token</span><input class="field__input" type="password" name="token" autocomplete="current-password" required></label><button class="button button--primary" type="submit">Open insights</button></form>"#
    )
}

/// The dashboard's figures; `over_time` (the charts by day) goes after the funnel.
fn dashboard(t: &Totals, days: i64, dropped: u64, over_time: &str) -> String {
    let steps = funnel(|s| t.count(s));
    let periods: String = PERIODS
        .iter()
        .map(|d| {
            let label = if *d == 1 {
                "24 hours".to_string()
            } else {
                format!("{d} days")
            };
            if *d == days {
                format!(r#"<li><a href="/insights?days={d}" aria-current="page">{label}</a></li>"#)
            } else {
                format!(r#"<li><a href="/insights?days={d}">{label}</a></li>"#)
            }
        })
        .collect();
    let followed: u64 = t.steps.iter().map(|(_, _, v)| v).sum();
    let all: u64 = t.steps.iter().map(|(_, n, _)| n).sum();
    let mut html = format!(
        r#"<h1>Insights</h1><nav aria-label="Period"><ul class="insights__periods">{periods}</ul></nav><p class="insights__lead">Counted by the store itself; nothing goes to anyone else. Shoppers who agreed to personalisation: <strong data-testid="visitors">{visitors}</strong>, with {followed} of the {all} steps; the rest are anonymous counts (no id, no cookie, no address).{dropped_note}{demo} <a href="/insights/events.ndjson?days={days}" download>Export these events (NDJSON)</a></p>"#,
        visitors = count(t.visitors),
        followed = count(followed),
        all = count(all),
        demo = if t.demo {
            " The seeded store's four weeks before its first start are generated demo visits (orders DEMO-…)."
        } else {
            ""
        },
        dropped_note = if dropped > 0 {
            format!(" {} events were dropped since the server started (the queue was full or the disk failed).", count(dropped))
        } else {
            String::new()
        },
    );
    html.push_str(&format!(
        r#"<section aria-labelledby="funnel-title"><h2 id="funnel-title">Funnel</h2>{}{}</section>"#,
        super::insights_charts::funnel(&steps),
        funnel_table(&steps)
    ));
    html.push_str(over_time);
    let revenue: String = t
        .revenue
        .iter()
        .map(|(c, orders, minor)| {
            let aov = if *orders > 0 {
                *minor / *orders as i64
            } else {
                0
            };
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(c),
                count(*orders),
                money(*minor, c),
                money(aov, c)
            )
        })
        .collect();
    html.push_str(&table(
        "Revenue",
        "revenue",
        &["Currency", "Orders", "Revenue", "Average order"],
        &revenue,
        "No orders in this period.",
    ));
    let rows = |v: &[(String, u64, i64)]| -> String {
        v.iter()
            .map(|(q, n, r)| {
                format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(q),
                    count(*n),
                    count(*r)
                )
            })
            .collect()
    };
    html.push_str(&table(
        "Top searches",
        "searches",
        &["Words", "Times", "Results"],
        &rows(&t.searches),
        "No searches in this period.",
    ));
    let empty: String = t
        .empty_searches
        .iter()
        .map(|(q, n)| format!("<tr><td>{}</td><td>{}</td></tr>", escape(q), count(*n)))
        .collect();
    html.push_str(&table(
        "Searches that found nothing",
        "empty-searches",
        &["Words", "Times"],
        &empty,
        "Every search found something.",
    ));
    let products: String = t
        .products
        .iter()
        .map(|(p, v, a, b)| {
            format!(
                r#"<tr><td><a href="/p/{0}">{0}</a></td><td>{1}</td><td>{2}</td><td>{3}</td></tr>"#,
                escape(p),
                count(*v),
                count(*a),
                count(*b)
            )
        })
        .collect();
    html.push_str(&table(
        "Top products viewed",
        "products",
        &["Product", "Views", "Added to cart", "Units bought"],
        &products,
        "No product views in this period.",
    ));
    let bought: String = t
        .bought
        .iter()
        .map(|(p, orders, units)| {
            format!(
                r#"<tr><td><a href="/p/{0}">{0}</a></td><td>{1}</td><td>{2}</td></tr>"#,
                escape(p),
                count(*orders),
                count(*units)
            )
        })
        .collect();
    html.push_str(&table(
        "Top products bought",
        "bought",
        &["Product", "Orders", "Units"],
        &bought,
        "Nothing was bought in this period.",
    ));
    let sites: String = t
        .sites
        .iter()
        .map(|s| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&s.site),
                count(s.views),
                count(s.adds),
                count(s.orders),
                money(s.revenue, &t.currency)
            )
        })
        .collect();
    html.push_str(&table(
        "The widget's sales, by site",
        "sites",
        &["Site", "Widget views", "Added to cart", "Orders", "Revenue"],
        &sites,
        "The widget was not used in this period.",
    ));
    let pages: String = t
        .pages
        .iter()
        .map(|(p, n)| format!("<tr><td>{}</td><td>{}</td></tr>", escape(p), count(*n)))
        .collect();
    html.push_str(&table(
        "Page views by kind",
        "pages",
        &["Page", "Views"],
        &pages,
        "No page views in this period.",
    ));
    html
}

/// Conversion and revenue per day from `first` to `last` (days since the epoch), days
/// without any counted as zero; the same figures in a table under a disclosure.
fn over_time(series: &[Day], currency: &str, first: i64, last: i64) -> String {
    let days: Vec<Day> = (first..=last)
        .map(|d| {
            series.iter().find(|s| s.day == d).cloned().unwrap_or(Day {
                day: d,
                ..Default::default()
            })
        })
        .collect();
    let label = |d: i64| {
        let (y, m, day) = crate::commerce::checkout::Day(d).civil();
        format!("{y:04}-{m:02}-{day:02}")
    };
    let rate = |d: &Day| {
        if d.page_views > 0 {
            d.orders as f64 * 100.0 / d.page_views as f64
        } else {
            0.0
        }
    };
    let conversion: Vec<(String, f64)> = days.iter().map(|d| (label(d.day), rate(d))).collect();
    let revenue: Vec<(String, f64)> = days
        .iter()
        .map(|d| (label(d.day), d.revenue as f64))
        .collect();
    let rows: String = days
        .iter()
        .rev()
        .filter(|d| d.page_views > 0 || d.orders > 0)
        .map(|d| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.2}%</td><td>{}</td></tr>",
                label(d.day),
                d.page_views,
                d.orders,
                rate(d),
                money(d.revenue, currency)
            )
        })
        .collect();
    let table = if rows.is_empty() {
        r#"<p class="insights__empty">Nothing was recorded in this period.</p>"#.to_string()
    } else {
        format!(
            r#"<details><summary>Day by day</summary><div class="insights__scroll"><table class="insights__table" data-testid="days"><thead><tr><th scope="col">Day</th><th scope="col">Page views</th><th scope="col">Orders</th><th scope="col">Orders per page view</th><th scope="col">Revenue</th></tr></thead><tbody>{rows}</tbody></table></div></details>"#
        )
    };
    format!(
        r#"<section aria-labelledby="time-title"><h2 id="time-title">Over time</h2><h3>Conversion: orders per 100 page views</h3>{}<h3>Revenue ({})</h3>{}{table}</section>"#,
        super::insights_charts::per_day("Conversion", "conversion-chart", &conversion, |v| {
            format!("{v:.2}%")
        }),
        escape(currency),
        super::insights_charts::per_day("Revenue", "revenue-chart", &revenue, |v| {
            money(v.round() as i64, currency)
        }),
    )
}

/// Whole units and cents, as written in the currency's code ("USD 14,598.06"): the owner's
/// figures, not a shopper's price.
pub(super) fn money(minor: i64, currency: &str) -> String {
    let (sign, figure) = match crate::commerce::Currency::parse(currency) {
        Some(c) => money_parts(Locale::En, crate::commerce::Money::new(minor, c)),
        // A code the store no longer sells in, from older steps: cents, as most currencies.
        None => (
            if minor < 0 { "-" } else { "" },
            decimal(Locale::En, minor.saturating_abs(), 2),
        ),
    };
    format!("{} {sign}{figure}", escape(currency))
}

/// A count as the dashboard writes it: "14,882". The dashboard is the owner's, in English.
pub(super) fn count(n: impl TryInto<i64>) -> String {
    decimal(Locale::En, n.try_into().unwrap_or(i64::MAX), 0)
}

fn table(title: &str, id: &str, head: &[&str], rows: &str, empty: &str) -> String {
    let body = if rows.is_empty() {
        format!(r#"<p class="insights__empty">{empty}</p>"#)
    } else {
        let head: String = head
            .iter()
            .map(|h| format!(r#"<th scope="col">{h}</th>"#))
            .collect();
        format!(
            r#"<div class="insights__scroll"><table class="insights__table" data-testid="{id}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"#
        )
    };
    format!(
        r#"<section aria-labelledby="{id}-title"><h2 id="{id}-title">{title}</h2>{body}</section>"#
    )
}

fn funnel_table(steps: &[FunnelStep]) -> String {
    let rows: String = steps
        .iter()
        .map(|s| {
            let share = s
                .from_previous
                .map_or("–".to_string(), |p| format!("{p:.1}%"));
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{share}</td></tr>",
                escape(s.label),
                count(s.count)
            )
        })
        .collect();
    format!(
        r#"<table class="insights__table" data-testid="funnel"><thead><tr><th scope="col">Step</th><th scope="col">Count</th><th scope="col">Of the step before</th></tr></thead><tbody>{rows}</tbody></table>"#
    )
}

/// `admin insights [DAYS]`: the dashboard's figures as text.
pub async fn command(words: &[String], data: &StorefrontData) -> Result<String, String> {
    if words.get(1).is_some_and(|w| w == "export") {
        return super::insights_export::command(words, data).await;
    }
    let days: i64 = match words {
        [_] => 30,
        [_, d] => d
            .parse()
            .ok()
            .filter(|d| (1..=3650).contains(d))
            .ok_or_else(|| format!("'{d}' is not a number of days"))?,
        _ => return Err(super::config::USAGE.to_string()),
    };
    let since = crate::api::clock::now() - days * 86_400;
    let t = data
        .event_totals(since)
        .await
        .map_err(|_| "the storefront's data cannot be read".to_string())?;
    let mut out = format!("Funnel, last {days} days\n");
    for s in funnel(|s| t.count(s)) {
        let share = s
            .from_previous
            .map_or(String::new(), |p| format!("  ({p:.1}% of the step before)"));
        out.push_str(&format!("  {:<18} {:>8}{share}\n", s.label, s.count));
    }
    out.push_str(&format!(
        "  searches {}, consenting shoppers {}\n",
        t.count(Step::Search),
        t.visitors
    ));
    for (c, orders, minor) in &t.revenue {
        out.push_str(&format!("Revenue {}: {orders} orders\n", money(*minor, c)));
    }
    if !t.empty_searches.is_empty() {
        out.push_str("Searches that found nothing:\n");
        for (q, n) in &t.empty_searches {
            out.push_str(&format!("  {q} ({n})\n"));
        }
    }
    Ok(out.trim_end().to_string())
}

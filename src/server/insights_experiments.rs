//! The insights page's experiments: each declared experiment's cells with their figures, the
//! difference to control with its interval and p-value, the split checked against the
//! declared weights, and what may honestly be concluded. The same as text for
//! `vitrine admin experiments`, which also starts and stops them.

use super::insights::count;
use crate::analytics::experiments::{format_time, SRM_ALPHA};
use crate::analytics::experiments::{results, CellResult, Experiment, Results, Verdict};
use crate::html::escape;
use crate::storefront::experiments::Current;
use crate::storefront::StorefrontData;

/// An experiment with what was measured, ready to show.
pub struct Shown {
    pub experiment: Experiment,
    pub results: Results,
    /// The currency revenue is reported in.
    pub currency: String,
}

/// Every declared experiment's results now.
pub async fn gather(data: &StorefrontData) -> Result<(Vec<Shown>, Current), String> {
    let current = data.experiments();
    let now = crate::api::clock::now();
    let mut out = Vec::new();
    for e in current.experiments.iter() {
        let since = e.started().unwrap_or(now);
        let currency = data
            .main_currency(since)
            .await
            .map_err(|_| "the storefront's data cannot be read".to_string())?
            .unwrap_or_else(|| "USD".into());
        let measured = data
            .measure(e, &currency, now)
            .await
            .map_err(|_| "the storefront's data cannot be read".to_string())?;
        out.push(Shown {
            results: results(e, &measured),
            experiment: e.clone(),
            currency,
        });
    }
    Ok((out, current))
}

fn status(e: &Experiment, now: i64) -> String {
    match (e.started(), e.stopped()) {
        (None, _) => "Not started".into(),
        (Some(s), _) if s > now => format!("Starts {}", format_time(s)),
        (Some(s), Some(t)) if t <= now => {
            format!("Ran {} to {}", format_time(s), format_time(t))
        }
        (Some(s), _) => format!("Running since {}", format_time(s)),
    }
}

fn percent(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

fn points(x: f64) -> String {
    format!("{:+.2} pt", x * 100.0)
}

/// An average in minor units, to the nearest one.
fn minor(x: f64, currency: &str) -> String {
    super::insights::money(x.round() as i64, currency)
}

/// What may be concluded, in words.
pub fn verdict(e: &Experiment, r: &Results) -> String {
    match &r.verdict {
        Verdict::BrokenSplit { p_value } => format!(
            "Sample ratio mismatch: the visitors are not split as declared (chi-square p = \
             {p_value:.2e}, below {SRM_ALPHA}). Assignment or counting is broken; do not trust \
             these figures until it is fixed."
        ),
        Verdict::Collecting { smallest, needed } => format!(
            "Collecting: the smallest cell has {} of the {} visitors each needs \
             before a winner may be named.",
            count(*smallest),
            count(*needed)
        ),
        Verdict::Beats { cell } => {
            let compared = (r.cells.len() - 1).max(1);
            let alpha = crate::analytics::experiments::ALPHA / compared as f64;
            let corrected = if compared > 1 {
                format!(", corrected for {compared} comparisons")
            } else {
                String::new()
            };
            format!(
                "{} converts better than control beyond chance (p below {alpha:.3}{corrected}).",
                escape(cell)
            )
        }
        Verdict::ControlBest => format!(
            "Control ({}) converts best: every cell that differs beyond chance does worse.",
            escape(&r.cells[0].measured.cell)
        ),
        Verdict::NoDifference => format!(
            "No difference beyond chance after {} visitors per cell at least.",
            count(e.min_visitors)
        ),
    }
}

fn row(c: &CellResult, currency: &str, control: bool) -> String {
    let m = &c.measured;
    let against = match (control, c.against_control) {
        (true, _) => "<td>control</td><td>–</td>".to_string(),
        (false, Some(d)) => format!(
            "<td>{} ({} to {})</td><td>{:.4}</td>",
            points(d.diff),
            points(d.low),
            points(d.high),
            d.p_value
        ),
        (false, None) => "<td>–</td><td>–</td>".to_string(),
    };
    format!(
        "<tr><th scope=\"row\">{}</th><td>{:.0}%</td><td>{}</td><td>{}</td><td>{} ({} to {})</td><td>{}</td><td>{}</td>{against}</tr>",
        escape(&m.cell),
        c.planned * 100.0,
        count(m.visitors),
        count(m.converted),
        percent(c.rate),
        percent(c.interval.0),
        percent(c.interval.1),
        minor(c.per_visitor, currency),
        c.average_order.map_or("–".into(), |a| minor(a, currency)),
    )
}

/// The dashboard's section.
pub fn section(shown: &[Shown], current: &Current) -> String {
    let now = crate::api::clock::now();
    let mut html = String::from(
        r#"<section aria-labelledby="experiments-title" data-testid="experiments"><h2 id="experiments-title">Experiments</h2><p class="insights__empty">Declared in <code>experiments.json</code> in the data folder; started and stopped with <code>vitrine admin experiments start|stop NAME</code>. Only shoppers who agreed to personalisation take part; everyone else sees control and is not counted.</p>"#,
    );
    for p in current.problems.iter() {
        html.push_str(&format!(
            r#"<p class="form-error" role="alert">{}</p>"#,
            escape(p)
        ));
    }
    if shown.is_empty() && current.problems.is_empty() {
        html.push_str(r#"<p class="insights__empty">No experiments are declared.</p>"#);
    }
    for s in shown {
        let e = &s.experiment;
        if e.started().is_none() {
            html.push_str(&format!(
                r#"<article class="insights__experiment" data-testid="experiment-{name}"><h3>{name}</h3><p>{about}</p><p>Not started · would convert on {metric} · at least {min} visitors per cell · cells: {cells}. Start it with <code>vitrine admin experiments start {name}</code>.</p></article>"#,
                name = escape(&e.name),
                about = escape(&e.about),
                metric = escape(&e.metric),
                min = count(e.min_visitors),
                cells = escape(
                    &e.cells()
                        .iter()
                        .map(|(c, _)| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
            continue;
        }
        let broken = matches!(s.results.verdict, Verdict::BrokenSplit { .. });
        let head = [
            "Cell",
            "Planned",
            "Visitors",
            "Converted",
            "Rate (95% interval)",
            "Revenue per visitor",
            "Average order",
            "Against control (95% interval)",
            "p-value",
        ]
        .iter()
        .map(|h| format!(r#"<th scope="col">{h}</th>"#))
        .collect::<String>();
        let rows: String = s
            .results
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| row(c, &s.currency, i == 0))
            .collect();
        html.push_str(&format!(
            r#"<article class="insights__experiment" data-testid="experiment-{name}"><h3>{name}</h3><p>{about}</p><p>{status} · converting on {metric} · at least {min} visitors per cell</p><p class="{class}" data-testid="verdict"{alert}>{verdict}</p><div class="insights__scroll"><table class="insights__table insights__table--wide"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></article>"#,
            name = escape(&e.name),
            about = escape(&e.about),
            status = status(e, now),
            metric = escape(&e.metric),
            min = count(e.min_visitors),
            class = if broken { "form-error" } else { "insights__verdict" },
            alert = if broken { r#" role="alert""# } else { "" },
            verdict = verdict(e, &s.results),
        ));
    }
    html.push_str("</section>");
    html
}

/// `admin experiments`, `admin experiments start NAME`, `admin experiments stop NAME`.
pub async fn command(words: &[String], data: &StorefrontData) -> Result<String, String> {
    let now = crate::api::clock::now();
    match words {
        [_] => {
            let (shown, current) = gather(data).await?;
            let mut out = String::new();
            for p in current.problems.iter() {
                out.push_str(&format!("! {p}\n"));
            }
            for s in &shown {
                let e = &s.experiment;
                out.push_str(&format!("{}: {}\n", e.name, status(e, now)));
                for c in &s.results.cells {
                    let m = &c.measured;
                    out.push_str(&format!(
                        "  {:<16} {:>7} visitors {:>6} converted {:>7}",
                        m.cell,
                        m.visitors,
                        m.converted,
                        percent(c.rate)
                    ));
                    if let Some(d) = c.against_control {
                        out.push_str(&format!("  {} p={:.4}", points(d.diff), d.p_value));
                    }
                    out.push('\n');
                }
                out.push_str(&format!("  {}\n", verdict(e, &s.results)));
            }
            if shown.is_empty() {
                out.push_str("No experiments are declared.\n");
            }
            Ok(out.trim_end().to_string())
        }
        [_, verb, name] if verb == "start" || verb == "stop" => {
            let e = data.time_experiment(name, verb == "start", now)?;
            Ok(format!("{}: {}", e.name, status(&e, now + 1)))
        }
        _ => Err(super::config::USAGE.to_string()),
    }
}

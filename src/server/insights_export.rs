//! The recorded events as newline-delimited JSON, for a warehouse: one event per line, read
//! from the database a page at a time and streamed, so a year of events never sits in memory.
//! `GET /insights/events.ndjson?days=N` behind the dashboard's sign-in, and
//! `vitrine admin insights export [DAYS]` to stdout.

use crate::analytics::Event;
use crate::storefront::StorefrontData;
use serde::Serialize;

/// Rows read per query.
const PAGE: i64 = 2_000;

/// An event as exported: its time written out too, for tools that do not read epochs.
#[derive(Serialize)]
struct Line<'a> {
    id: i64,
    time: String,
    #[serde(flatten)]
    event: &'a Event,
}

/// The lines of one page of events, and the last id in it.
fn lines(page: &[(i64, Event)]) -> (String, Option<i64>) {
    let mut out = String::new();
    for (id, event) in page {
        let line = Line {
            id: *id,
            time: crate::analytics::experiments::format_time(event.at),
            event,
        };
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&json);
            out.push('\n');
        }
    }
    (out, page.last().map(|(id, _)| *id))
}

/// The export from `since` on, as a stream of chunks (one per page read).
pub fn stream(
    data: StorefrontData,
    since: i64,
) -> impl futures::Stream<Item = Result<String, std::io::Error>> + Send + 'static {
    futures::stream::unfold(Some(0_i64), move |after| {
        let data = data.clone();
        async move {
            let after = after?;
            match data.events_after(since, after, PAGE).await {
                Ok(page) if page.is_empty() => None,
                Ok(page) => {
                    let (chunk, last) = lines(&page);
                    Some((Ok(chunk), last))
                }
                Err(_) => Some((
                    Err(std::io::Error::other(
                        "the storefront's data cannot be read",
                    )),
                    None,
                )),
            }
        }
    })
}

/// `admin insights export [DAYS]`: every event of the last DAYS (default: all retained).
pub async fn command(words: &[String], data: &StorefrontData) -> Result<String, String> {
    use std::io::Write;
    let days: Option<i64> = match words {
        [_, _] => None,
        [_, _, d] => Some(
            d.parse()
                .ok()
                .filter(|d| (1..=3650).contains(d))
                .ok_or_else(|| format!("'{d}' is not a number of days"))?,
        ),
        _ => return Err(super::config::USAGE.to_string()),
    };
    let since = days.map_or(0, |d| crate::api::clock::now() - d * 86_400);
    let mut out = std::io::stdout().lock();
    let mut after = 0;
    let mut count = 0;
    loop {
        let page = data
            .events_after(since, after, PAGE)
            .await
            .map_err(|_| "the storefront's data cannot be read".to_string())?;
        let (chunk, last) = lines(&page);
        let Some(last) = last else { break };
        out.write_all(chunk.as_bytes())
            .map_err(|e| format!("cannot write: {e}"))?;
        count += page.len();
        after = last;
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    // The events went to stdout; the count goes to stderr, so a pipe gets only JSON lines.
    eprintln!("{count} events exported");
    Ok(String::new())
}

//! The experiments the owner declared, read from `experiments.json` in the data folder (the
//! store writes the two it ships there, not started, the first time), read again when the
//! file changes (looked at no more than once a second), and what was measured for each.

use super::recorded::{Arg, Sql};
use super::{StorefrontData, Unavailable};
use crate::analytics::experiments::{clashes, shipped, Declared, Experiment, Measured};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

pub const FILE: &str = "experiments.json";
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// The declared experiments as last read, and why the file was refused if it was.
#[derive(Clone, Debug, Default)]
pub struct Current {
    /// Only valid experiments (a broken one is left out, the others run).
    pub experiments: Arc<Vec<Experiment>>,
    pub problems: Arc<Vec<String>>,
}

pub struct ExperimentFile {
    path: PathBuf,
    state: Mutex<(Instant, Option<SystemTime>, Current)>,
}

impl ExperimentFile {
    /// Reads `dir/experiments.json`, writing the shipped declarations there if it is absent.
    pub fn open(dir: &Path) -> ExperimentFile {
        let path = dir.join(FILE);
        if !path.exists() {
            if let Err(e) = write(&path, &shipped()) {
                tracing::warn!(error = %e, "could not write the shipped experiments");
            }
        }
        let modified = modified(&path);
        let current = read(&path);
        ExperimentFile {
            path,
            state: Mutex::new((Instant::now(), modified, current)),
        }
    }

    /// What is declared now.
    pub fn current(&self) -> Current {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if state.0.elapsed() >= LOOK_EVERY {
            state.0 = Instant::now();
            let m = modified(&self.path);
            if m != state.1 {
                state.1 = m;
                state.2 = read(&self.path);
            }
        }
        state.2.clone()
    }

    /// Sets `name`'s start or stop to `at` and writes the file back.
    pub fn set_time(&self, name: &str, start: bool, at: i64) -> Result<Experiment, String> {
        let mut declared = parse(&self.path)?;
        let e = declared
            .experiments
            .iter_mut()
            .find(|e| e.name == name)
            .ok_or_else(|| format!("no experiment named {name} in {}", self.path.display()))?;
        let when = Some(crate::analytics::experiments::format_time(at));
        if start {
            e.start = when;
            e.stop = None;
        } else {
            if !e.running(at) {
                return Err(format!("{name} is not running"));
            }
            e.stop = when;
        }
        let changed = e.clone();
        if let Some(p) = changed.problems().first() {
            return Err(p.clone());
        }
        if let Some(c) = clashes(&declared.experiments).first() {
            return Err(c.clone());
        }
        write(&self.path, &declared).map_err(|e| e.to_string())?;
        // Seen at once by this process; other processes see it within a second.
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        *state = (Instant::now(), modified(&self.path), read(&self.path));
        Ok(changed)
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn parse(path: &Path) -> Result<Declared, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Declared::default()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    serde_json::from_str(&text).map_err(|e| format!("{} is not valid: {e}", path.display()))
}

/// The valid experiments in the file; the rest are left out with the reason, logged.
fn read(path: &Path) -> Current {
    let declared = match parse(path) {
        Ok(d) => d,
        Err(problem) => {
            tracing::error!(%problem, "no experiments run");
            return Current {
                experiments: Arc::default(),
                problems: Arc::new(vec![problem]),
            };
        }
    };
    let mut problems = clashes(&declared.experiments);
    if !problems.is_empty() {
        // Which of two clashing experiments to believe is the owner's call, not ours.
        tracing::error!(?problems, "no experiments run");
        return Current {
            experiments: Arc::default(),
            problems: Arc::new(problems),
        };
    }
    let mut valid = Vec::new();
    for e in declared.experiments {
        let p = e.problems();
        if p.is_empty() {
            valid.push(e);
        } else {
            tracing::error!(problems = ?p, "experiment {} left out", e.name);
            problems.extend(p);
        }
    }
    Current {
        experiments: Arc::new(valid),
        problems: Arc::new(problems),
    }
}

fn write(path: &Path, declared: &Declared) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(declared).map_err(std::io::Error::other)? + "\n";
    // Whole or not at all: a reader never sees half a file.
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

impl StorefrontData {
    /// The experiments declared in the data folder.
    pub fn experiments(&self) -> Current {
        self.experiments.current()
    }

    /// Starts (or stops) `name` at `at`, in the file.
    pub fn time_experiment(&self, name: &str, start: bool, at: i64) -> Result<Experiment, String> {
        self.experiments.set_time(name, start, at)
    }

    /// Per cell: visitors who saw `experiment` within its dates, how many of them did its
    /// metric's step afterwards, and the orders and revenue (in `currency`) they placed
    /// afterwards. A visitor counts in the cell they were first shown.
    pub async fn measure(
        &self,
        experiment: &Experiment,
        currency: &str,
        now: i64,
    ) -> Result<Vec<Measured>, Unavailable> {
        let metric = experiment.metric().map_or("order_placed", |m| m.as_str());
        let from = experiment.started().unwrap_or(now);
        // Times are whole seconds, and a running server notices a stop within a second
        // (`LOOK_EVERY`): what it recorded until then still belongs to the experiment.
        let until = experiment
            .stopped()
            .map_or(i64::MAX, |s| s + 1 + LOOK_EVERY.as_secs() as i64)
            .min(now + 1);
        let args = vec![
            Arg::from(experiment.name.as_str()),
            from.into(),
            until.into(),
            metric.into(),
            currency.into(),
        ];
        let rows = self.recorded.rows(MEASURE, args).await?;
        Ok(rows
            .iter()
            .map(|r| Measured {
                cell: r[0].text(),
                visitors: r[1].count(),
                converted: r[2].count(),
                orders: r[3].count(),
                revenue: r[4].int(),
            })
            .collect())
    }
}

/// Per cell of experiment `?1` seen in [`?2`, `?3`): visitors, those who took step `?4`
/// after they first saw it, and their orders and revenue in `?5` after it.
const MEASURE: Sql = "WITH seen AS (
     SELECT visitor, at AS first, page AS cell FROM
       (SELECT visitor, at, page,
          ROW_NUMBER() OVER (PARTITION BY visitor ORDER BY at, id) AS k
        FROM {events}
        WHERE step = 'exposure' AND subject = ?1 AND at >= ?2 AND at < ?3
          AND visitor IS NOT NULL) AS x
     WHERE k = 1),
   converted AS (
     SELECT DISTINCT e.visitor FROM {events} e JOIN seen s ON e.visitor = s.visitor
     WHERE e.step = ?4 AND e.at >= s.first AND e.at < ?3),
   bought AS (
     SELECT visitor, COUNT(*) AS orders, CAST(SUM(value) AS BIGINT) AS revenue FROM
       (SELECT e.visitor, e.subject, MAX(e.value) AS value
        FROM {events} e JOIN seen s ON e.visitor = s.visitor
        WHERE e.step = 'order_placed' AND e.currency = ?5
          AND e.at >= s.first AND e.at < ?3
        GROUP BY e.visitor, e.subject) AS o
     GROUP BY visitor)
 SELECT s.cell, COUNT(*), COUNT(c.visitor), CAST(COALESCE(SUM(b.orders), 0) AS BIGINT),
   CAST(COALESCE(SUM(b.revenue), 0) AS BIGINT)
 FROM seen s LEFT JOIN converted c ON c.visitor = s.visitor
   LEFT JOIN bought b ON b.visitor = s.visitor
 GROUP BY s.cell";

//! A release server under test, on a data folder of its own, stopped when dropped.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

pub struct Server {
    child: Child,
    pub url: String,
    pub data_dir: PathBuf,
}

impl Server {
    /// The server numbered `n`, with `env` added to its environment.
    pub fn start(n: usize, env: &[(&str, &str)]) -> Result<Server, String> {
        let bin =
            std::env::var("VITRINE_SERVER").unwrap_or_else(|_| "target/release/vitrine".into());
        let site = std::env::var("VITRINE_SITE_ROOT").unwrap_or_else(|_| "target/site".into());
        let data_dir =
            std::env::temp_dir().join(format!("vitrine-load-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data_dir);
        let mut child = Command::new(&bin)
            .args(["--addr", "127.0.0.1:0", "--site-root", &site, "--data-dir"])
            .arg(&data_dir)
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {bin}: {e}"))?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        for line in stdout.lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("vitrine listening on ") {
                return Ok(Server {
                    child,
                    url: url.trim().to_string(),
                    data_dir,
                });
            }
        }
        Err(format!("{bin} exited before listening"))
    }
}

/// CPU seconds (user + system) process `pid` has used, from /proc.
pub fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The fields after the command name (which may hold spaces), from its closing parenthesis.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; 100 ticks a second.
    (ticks(11) + ticks(12)) / 100.0
}

impl Server {
    pub fn cpu_seconds(&self) -> f64 {
        cpu_seconds(&self.child.id().to_string())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

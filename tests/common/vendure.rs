//! A live Vendure for the contract suite: a copy of the pristine sample store (made by
//! `scripts/vendure.sh install`) served by the project's server.js on a free port, stopped
//! when dropped.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct LiveVendure {
    child: Child,
    dir: PathBuf,
    pub shop_api: String,
}

const STARTUP: Duration = Duration::from_secs(90);

impl LiveVendure {
    /// Starts one when `VITRINE_VENDURE` names the installed Vendure folder (`make test` sets
    /// it); `None` otherwise, so a plain `cargo test` runs without Node.
    pub fn start() -> Option<LiveVendure> {
        let home = PathBuf::from(std::env::var_os("VITRINE_VENDURE")?);
        let pristine = home.join("pristine");
        assert!(
            pristine.join("vendure.sqlite").exists(),
            "VITRINE_VENDURE={} has no pristine store: run `bash scripts/vendure.sh install`",
            home.display()
        );
        let dir = super::temp_dir("vendure");
        copy_dir(&pristine, &dir);
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut child = Command::new("node")
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
        };
        rx.recv_timeout(STARTUP)
            .unwrap_or_else(|_| panic!("Vendure did not start within {STARTUP:?}"));
        eprintln!("Vendure up in {:.1} s", started.elapsed().as_secs_f64());
        Some(live)
    }
}

impl Drop for LiveVendure {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
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

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
}

pub const USAGE: &str = "\
vitrine — the storefront server

USAGE: vitrine [--addr HOST:PORT] [--data-dir DIR] [--site-root DIR] [--reset-data]

  --addr        address to listen on       (env VITRINE_ADDR, default 127.0.0.1:3000)
  --data-dir    embedded store's folder    (env VITRINE_DATA_DIR, default ./data)
  --site-root   built assets (Trunk dist)  (env VITRINE_SITE_ROOT, default target/site)
  --reset-data  delete the embedded store and seed it again";

impl Config {
    pub fn from_args<I: IntoIterator<Item = String>>(
        args: I,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, String> {
        let mut addr = env("VITRINE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let mut data_dir = env("VITRINE_DATA_DIR").unwrap_or_else(|| "data".into());
        let mut site_root = env("VITRINE_SITE_ROOT").unwrap_or_else(|| "target/site".into());
        let mut reset_data = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--addr" => addr = value("--addr")?,
                "--data-dir" => data_dir = value("--data-dir")?,
                "--site-root" => site_root = value("--site-root")?,
                "--reset-data" => reset_data = true,
                "-h" | "--help" => return Err(USAGE.into()),
                other => return Err(format!("unknown argument {other}\n\n{USAGE}")),
            }
        }
        let addr = addr
            .parse()
            .map_err(|_| format!("--addr: '{addr}' is not HOST:PORT"))?;
        Ok(Config {
            addr,
            data_dir: data_dir.into(),
            site_root,
            reset_data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}

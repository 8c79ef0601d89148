//! Signed links: a guest's tracking link carries an HMAC of the order code, so only the person
//! who placed the order (or whom they share it with) can open it, and the server keeps no
//! session to know that.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::path::Path;

type HmacSha256 = Hmac<Sha256>;

/// Hex characters of the MAC kept in links: 128 bits.
const TOKEN_HEX: usize = 32;

#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl Signer {
    pub fn new(key: &[u8]) -> Signer {
        Signer { key: key.to_vec() }
    }

    /// The key from `VITRINE_SECRET` when set (every server behind a load balancer must share
    /// it), else a random key kept in the data folder so links survive a restart.
    pub fn from_env_or_file(secret: Option<String>, data_dir: &Path) -> Result<Signer, String> {
        if let Some(s) = secret.filter(|s| !s.is_empty()) {
            if s.len() < 32 {
                return Err("VITRINE_SECRET must be at least 32 characters".into());
            }
            return Ok(Signer::new(s.as_bytes()));
        }
        let path = data_dir.join("secret.key");
        if let Ok(existing) = std::fs::read(&path) {
            if existing.len() >= 32 {
                return Ok(Signer::new(&existing));
            }
        }
        let hex = crate::hex::random::<32>();
        std::fs::create_dir_all(data_dir).map_err(|e| e.to_string())?;
        write_private(&path, hex.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(Signer::new(hex.as_bytes()))
    }

    /// What identifies this key without revealing it: its MAC of a fixed text. Instances
    /// sharing the storefront's data compare it (`storefront::shared::Shared::check_secret`).
    pub fn fingerprint(&self) -> String {
        self.sign("secret-fingerprint", "vitrine")
    }

    fn mac(&self, purpose: &str, value: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(value.as_bytes());
        mac
    }

    pub fn sign(&self, purpose: &str, value: &str) -> String {
        let bytes = self.mac(purpose, value).finalize().into_bytes();
        crate::hex::encode(&bytes[..TOKEN_HEX / 2])
    }

    /// Constant-time check of a token from a link.
    pub fn verify(&self, purpose: &str, value: &str, token: &str) -> bool {
        if token.len() != TOKEN_HEX {
            return false;
        }
        let Some(bytes) = crate::hex::decode(token) else {
            return false;
        };
        self.mac(purpose, value)
            .verify_truncated_left(&bytes)
            .is_ok()
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_for_their_value_and_purpose() {
        let s = Signer::new(b"0123456789abcdef0123456789abcdef");
        let t = s.sign("order", "VT-ABC");
        assert_eq!(t.len(), 32);
        assert!(s.verify("order", "VT-ABC", &t));
        assert!(!s.verify("order", "VT-ABD", &t));
        assert!(!s.verify("other", "VT-ABC", &t));
        assert!(!s.verify("order", "VT-ABC", &t[..30]));
        assert!(!s.verify("order", "VT-ABC", "zz"));
        let other = Signer::new(b"another key, another key, another");
        assert!(!other.verify("order", "VT-ABC", &t));
    }

    #[test]
    fn short_secrets_are_refused() {
        let dir = std::env::temp_dir();
        assert!(Signer::from_env_or_file(Some("short".into()), &dir).is_err());
    }
}

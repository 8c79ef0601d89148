//! TLS to PostgreSQL when the URL asks for it, as libpq's URLs do: `sslmode=require`,
//! `verify-ca` or `verify-full` encrypt the connection and always check the server's
//! certificate (all three check it fully: a connection that could be intercepted is not
//! worth encrypting), against `sslrootcert=/path/ca.pem` or else the public roots. Without
//! them the connection is plain TCP, for a private network.

use std::sync::Arc;
use tokio_postgres_rustls::MakeRustlsConnect;

/// Where to connect, and how.
pub(super) struct Target {
    /// The URL as tokio-postgres reads it (libpq's TLS words taken out, `sslmode=require`
    /// put back when TLS is asked for).
    pub url: String,
    pub tls: Option<MakeRustlsConnect>,
}

/// `url`'s TLS settings read and checked.
pub(super) fn target(url: &str) -> Result<Target, String> {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut kept = Vec::new();
    let (mut mode, mut root) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("sslmode", v)) => mode = Some(v.to_string()),
            Some(("sslrootcert", v)) => root = Some(percent_decoded(v)),
            _ => kept.push(pair.to_string()),
        }
    }
    let tls = match mode.as_deref() {
        None | Some("disable" | "prefer") if root.is_none() => None,
        None | Some("disable" | "prefer") => {
            return Err("sslrootcert is given but sslmode does not ask for TLS \
                        (sslmode=verify-full)"
                .into())
        }
        Some("require" | "verify-ca" | "verify-full") => Some(connector(root.as_deref())?),
        Some(other) => {
            return Err(format!(
                "sslmode={other} is not one of disable, prefer, require, verify-ca, verify-full"
            ))
        }
    };
    if tls.is_some() {
        kept.push("sslmode=require".into());
    } else if let Some(m) = mode {
        kept.push(format!("sslmode={m}"));
    }
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok(Target { url, tls })
}

fn connector(root: Option<&str>) -> Result<MakeRustlsConnect, String> {
    let mut roots = rustls::RootCertStore::empty();
    match root {
        Some(path) => {
            use rustls_pki_types::pem::PemObject;
            let certs = rustls_pki_types::CertificateDer::pem_file_iter(path)
                .map_err(|e| format!("cannot read sslrootcert {path}: {e}"))?;
            for cert in certs {
                let cert = cert.map_err(|e| format!("cannot read sslrootcert {path}: {e}"))?;
                roots.add(cert).map_err(|e| {
                    format!("sslrootcert {path} holds an unusable certificate: {e}")
                })?;
            }
            if roots.is_empty() {
                return Err(format!("sslrootcert {path} holds no certificate"));
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| format!("cannot set up TLS: {e}"))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// A URL query value with its %XX escapes undone (a path may be written `%2Fetc%2F…`).
fn percent_decoded(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_unless_tls_is_asked_for() {
        let t = target("postgres://u@db/v?options=-csearch_path%3Ds").unwrap();
        assert!(t.tls.is_none());
        assert_eq!(t.url, "postgres://u@db/v?options=-csearch_path%3Ds");
        let t = target("postgres://u@db/v?sslmode=disable").unwrap();
        assert!(t.tls.is_none());
        assert_eq!(t.url, "postgres://u@db/v?sslmode=disable");
    }

    #[test]
    fn tls_asked_for_is_required_and_the_libpq_words_are_taken_out() {
        let t = target("postgres://u@db/v?sslmode=verify-full&application_name=x").unwrap();
        assert!(t.tls.is_some());
        assert_eq!(
            t.url,
            "postgres://u@db/v?application_name=x&sslmode=require"
        );
    }

    #[test]
    fn bad_tls_settings_are_refused_with_the_reason() {
        let e = |url: &str| target(url).err().unwrap();
        assert!(e("postgres://u@db/v?sslmode=allow").contains("sslmode=allow"));
        assert!(
            e("postgres://u@db/v?sslmode=require&sslrootcert=%2Fnone.pem")
                .contains("cannot read sslrootcert /none.pem")
        );
        assert!(e("postgres://u@db/v?sslrootcert=/ca.pem").contains("sslmode=verify-full"));
    }
}

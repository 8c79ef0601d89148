//! One signing key for every instance: the storefront's data remembers the fingerprint of
//! the key it was first served with, and a server started with another key refuses to start,
//! rather than signing links and cookies the other instances reject (a shopper would be
//! signed out, or lose their cart, at every other request).

use super::StorefrontData;

const KEY: &str = "secret_fingerprint";

impl StorefrontData {
    /// Accepts `fingerprint` if it is the one this data was served with (remembering it the
    /// first time); otherwise says what to do.
    pub fn check_secret(&self, fingerprint: &str) -> Result<(), String> {
        let c = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let db = |e: rusqlite::Error| format!("cannot read the storefront's data: {e}");
        use rusqlite::OptionalExtension;
        let seen: Option<String> = c
            .query_row("SELECT value FROM meta WHERE key = ?1", [KEY], |r| r.get(0))
            .optional()
            .map_err(db)?;
        match seen {
            Some(seen) if seen == fingerprint => Ok(()),
            Some(seen) => Err(format!(
                "this data was served with another signing key (fingerprint {}…, this one {}…): \
                 every instance must share one VITRINE_SECRET. To change the key on purpose, run \
                 `vitrine admin secret reset` once (links and sign-ins signed with the old key \
                 stop working).",
                &seen[..8.min(seen.len())],
                &fingerprint[..8.min(fingerprint.len())]
            )),
            None => c
                .execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                    [KEY, fingerprint],
                )
                .map(|_| ())
                .map_err(db),
        }
    }

    /// Forgets the key's fingerprint: the next server start remembers its own.
    pub fn forget_secret(&self) -> Result<bool, String> {
        let c = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        c.execute("DELETE FROM meta WHERE key = ?1", [KEY])
            .map(|n| n > 0)
            .map_err(|e| format!("cannot write the storefront's data: {e}"))
    }
}

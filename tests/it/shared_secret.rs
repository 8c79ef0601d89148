//! One signing key for every instance: a server started on data that was served with another
//! key refuses to start (and says how to change it on purpose), rather than signing cookies
//! and links the other instances reject.

use std::process::Command;

const SERVER: &str = env!("CARGO_BIN_EXE_vitrine");

/// Starts the real server on `dir` with `secret`: `Ok` once it listens (then stops it), or
/// `Err(what it said)` when it exits instead.
fn start(dir: &std::path::Path, secret: &str) -> Result<(), String> {
    crate::instances::start(dir, &[("VITRINE_SECRET", secret)]).map(drop)
}

fn admin(dir: &std::path::Path, words: &[&str]) -> String {
    let out = Command::new(SERVER)
        .arg("--data-dir")
        .arg(dir)
        .arg("admin")
        .args(words)
        .output()
        .expect("the command runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_instance_with_another_signing_key_refuses_to_start_until_told() {
    let dir = crate::common::temp_dir("shared-secret");
    let first = "first-secret-first-secret-first-secret-0001";
    let second = "second-secret-second-secret-second-secret-02";
    assert_eq!(start(&dir, first), Ok(()));
    assert_eq!(start(&dir, first), Ok(()), "the same key again");
    let refused = start(&dir, second).expect_err("another key is refused");
    assert!(refused.contains("another signing key"), "{refused}");
    assert!(refused.contains("vitrine admin secret reset"), "{refused}");
    assert!(
        !refused.contains(first) && !refused.contains(second),
        "no key in the message"
    );

    assert!(admin(&dir, &["secret", "reset"]).contains("forgotten"));
    assert_eq!(start(&dir, second), Ok(()), "a new key, on purpose");
    assert!(
        start(&dir, first).is_err(),
        "and now the old one is the stranger"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

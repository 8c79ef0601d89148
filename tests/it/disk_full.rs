//! The embedded store's disk fills up under a running instance: its data folder is a small
//! tmpfs of its own, filled to the last byte. The shopper keeps browsing; what would write
//! (an add to the cart, Place order) is refused with the outage's words and changes nothing;
//! once space is freed the same instance takes the add and places the order, once, without a
//! restart. Needs to mount a tmpfs (root, as on the CI machine); says so and stops otherwise.

use crate::instances::{cart_of, orders_in, start};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a folder of its own, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(megabytes: u32) -> Option<SmallDisk> {
        let dir = crate::common::temp_dir("disk-full");
        std::fs::create_dir_all(&dir).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(&dir)
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            let _ = std::fs::remove_dir(&dir);
            return None;
        }
        Some(SmallDisk(dir))
    }

    /// Writes a file until the disk refuses another byte.
    fn fill(&self) -> PathBuf {
        let filler = self.0.join("filler");
        let mut f = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 * 1024];
        while f.write_all(&chunk).is_ok() {}
        let byte = [0u8; 1];
        while f.write_all(&byte).is_ok() {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Folds the write-ahead logs into the databases and empties them, so the next write has to
/// grow a file (a log with room left would take a few writes on a full disk).
fn empty_logs(dir: &Path) {
    for db in ["vitrine.sqlite3", "storefront.sqlite3"] {
        let c = rusqlite::Connection::open(dir.join(db)).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
}

#[test]
fn a_full_disk_refuses_changes_clearly_and_loses_nothing() {
    let Some(disk) = SmallDisk::mount(32) else {
        eprintln!("disk-full test skipped: cannot mount a tmpfs here (it needs root)");
        return;
    };
    crate::common::run(async {
        let dir = disk.0.join("data");
        let a = start(&dir, &[]).unwrap();
        let store = vitrine::commerce::embedded::EmbeddedStore::open(&dir, false).unwrap();
        let (handle, variant, _) = crate::common::one_stocked_variant(&store).await;
        drop(store);
        let cookie = cart_of(&a, &variant, 1).await;
        let lines = |body: &str| -> Vec<(String, u32)> {
            let cart: vitrine::commerce::Cart = serde_json::from_str(body).unwrap();
            cart.lines
                .into_iter()
                .map(|l| (l.variant_id, l.quantity))
                .collect()
        };
        let kept = vec![(variant.clone(), 1)];
        let orders = || orders_in(&dir);
        let before = orders();

        empty_logs(&dir);
        let filler = disk.fill();
        assert_eq!(
            a.get(&format!("/p/{handle}")).await.status,
            200,
            "browsing goes on"
        );
        let add = format!("variant_id={variant}&quantity=1");
        let r = a.call("cart/add", &add, Some(&cookie)).await;
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(r.body.contains("Nothing was changed"), "{}", r.body);
        let form = format!("{}&attempt={:032x}", crate::common::CHECKOUT_FORM, 0xd15c);
        let r = a.call("checkout/place", &form, Some(&cookie)).await;
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(r.body.contains("Nothing was changed"), "{}", r.body);
        let r = a.call("cart/get", "", Some(&cookie)).await;
        assert_eq!(lines(&r.body), kept, "the cart is as it was");
        assert_eq!(orders(), before, "no order, not even half of one");

        // Space again: the same instance, no restart.
        std::fs::remove_file(filler).unwrap();
        let r = a.call("checkout/place", &form, Some(&cookie)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.location.starts_with("/orders/VT-"), "{}", r.location);
        assert_eq!(orders(), before + 1, "one order");
        let again = a.call("checkout/place", &form, Some(&cookie)).await;
        assert_eq!(
            again.location.split('?').next(),
            r.location.split('?').next(),
            "a second click shows the same order"
        );
        assert_eq!(orders(), before + 1, "still one order");
        drop(a);
    })
}

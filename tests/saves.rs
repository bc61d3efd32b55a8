//! Saves keep what belongs to the file (owner, group, mode, hard links), refuse a read-only
//! file unless forced, and leave no temporary files behind, even when killed mid-save.

mod common;
mod editor_support;

use common::users::*;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

/// A valid profile that is not in canonical form, so `fmt` rewrites it.
const UNFORMATTED: &str = r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["rmdir"],"action":"SCMP_ACT_ERRNO"}]}"#;

fn fmt(who: As, args: &[&str], file: &Path) -> (Option<i32>, String) {
    let out = seccompose(who)
        .arg("fmt")
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    (out.status.code(), stderr(&out))
}

fn is_root() -> bool {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() == 0 }
}

/// As root, saving another user's 0600 file leaves it theirs (they can still read it).
#[test]
fn a_save_keeps_owner_group_and_mode() {
    if !is_root() || users().len() < 2 {
        common::skipped("needs root and setpriv to own a file as another user");
        return;
    }
    let dir = scratch();
    let file = dir.path().join("theirs.json");
    std::fs::write(&file, UNFORMATTED).unwrap();
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, err) = fmt(As::Me, &[], &file);
    assert_eq!(code, Some(0), "{err}");
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (meta.uid(), meta.gid()),
        (65534, 65534),
        "owner and group kept"
    );
    assert_eq!(meta.mode() & 0o7777, 0o600);
    let read = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "cat"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(read.status.success(), "the owner can still read it");
    assert!(String::from_utf8_lossy(&read.stdout).contains("\n  \"defaultAction\""));
}

/// A file with several names is written in place: every name shows the new content.
#[test]
fn a_save_keeps_hard_links() {
    for who in users() {
        let dir = scratch();
        let file = dir.path().join("a.json");
        let other = dir.path().join("b.json");
        std::fs::write(&file, UNFORMATTED).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
        std::fs::hard_link(&file, &other).unwrap();
        let inode = std::fs::metadata(&file).unwrap().ino();
        let (code, err) = fmt(who, &[], &file);
        assert_eq!(code, Some(0), "{who:?}: {err}");
        let (a, b) = (
            std::fs::metadata(&file).unwrap(),
            std::fs::metadata(&other).unwrap(),
        );
        assert_eq!(
            (a.ino(), b.ino()),
            (inode, inode),
            "{who:?}: the link is kept"
        );
        assert_eq!(a.nlink(), 2, "{who:?}");
        assert_eq!(
            std::fs::read_to_string(&other).unwrap(),
            std::fs::read_to_string(&file).unwrap()
        );
        assert!(std::fs::read_to_string(&other)
            .unwrap()
            .contains("\n  \"defaultAction\""));
        let backup = std::fs::read_to_string(dir.path().join("a.json~")).unwrap();
        assert_eq!(
            backup, UNFORMATTED,
            "{who:?}: the backup is a copy of the old text"
        );
    }
}

/// A read-only file (0444, in a folder we may write) is refused with a clear error and left
/// alone; `--force` rewrites it and it stays read-only.
#[test]
fn a_read_only_file_is_refused_unless_forced() {
    for who in users() {
        let dir = scratch();
        let file = dir.path().join("locked.json");
        std::fs::write(&file, UNFORMATTED).unwrap();
        if who == As::Nobody {
            std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
        }
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
        let (code, err) = fmt(who, &[], &file);
        assert_eq!(code, Some(1), "{who:?}: {err}");
        assert!(
            err.contains("is read-only (mode 0444)") && err.contains("--force"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), UNFORMATTED);
        let (code, err) = fmt(who, &["--force"], &file);
        assert_eq!(code, Some(0), "{who:?}: {err}");
        assert_ne!(std::fs::read_to_string(&file).unwrap(), UNFORMATTED);
        assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, 0o444);
    }
}

/// The editor says why it did not save a read-only file, and leaves it alone.
#[test]
fn the_editor_reports_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("locked.json");
    std::fs::write(&file, UNFORMATTED).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mut app = editor_support::opened(&file);
    editor_support::press(&mut app, &["d", "ctrl-s"]);
    let screen = editor_support::screen(&mut app, 160, 48);
    assert!(screen.contains("read-only"), "{screen}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), UNFORMATTED);
    // The editor asks; cancel leaves the file, "write anyway" writes it, keeping its mode.
    editor_support::press(&mut app, &["c"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), UNFORMATTED);
    editor_support::press(&mut app, &["ctrl-s", "o"]);
    assert_ne!(std::fs::read_to_string(&file).unwrap(), UNFORMATTED);
    assert!(!app.session.doc.is_modified());
    assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, 0o444);
}

/// The `.seccompose-*.tmp` files in a folder.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".seccompose-") && n.ends_with(".tmp"))
        .collect()
}

/// SIGKILLs during saves never leave a broken file, and no temporary file survives the next
/// save (one left by a killed earlier seccompose included).
#[test]
fn killed_saves_leave_no_temporary_files() {
    let dir = scratch();
    let file = dir.path().join("big.json");
    // A large profile, so that a good share of each run is spent writing it.
    let names: Vec<String> = (0..40_000).map(|_| "\"read\"".to_string()).collect();
    let text = format!(
        r#"{{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{{"names":[{}],"action":"SCMP_ACT_ERRNO"}}]}}"#,
        names.join(",")
    );
    std::fs::write(&file, &text).unwrap();
    // Left by a seccompose that no longer runs (no pid is above the kernel's maximum).
    let stale = dir.path().join(".seccompose-99999999-0.tmp");
    std::fs::write(&stale, &text).unwrap();
    let formatted = {
        let out = seccompose(As::Me)
            .args(["fmt", "--stdout"])
            .arg(&file)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    for i in 0..20u64 {
        let mut child = seccompose(As::Me)
            .args(["fmt", "--no-backup"])
            .arg(&file)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the run; where they land does not matter to the assertions.
        std::thread::sleep(std::time::Duration::from_millis(i * 7));
        let _ = child.kill();
        child.wait().unwrap();
        let now = std::fs::read_to_string(&file).unwrap();
        assert!(
            now == text || now == formatted,
            "kill {i}: the file is broken"
        );
        if now == formatted {
            std::fs::write(&file, &text).unwrap();
        }
    }
    let (code, err) = fmt(As::Me, &["--no-backup"], &file);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), formatted);
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

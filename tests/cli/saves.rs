//! Saves keep what belongs to the file (owner, group, mode, hard links), refuse a read-only
//! file unless forced, and leave no temporary files behind, even when killed mid-save.

use crate::common;
use crate::editor_support;

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

/// One answer, one question: a file that was changed on disk AND made read-only asks both,
/// in turn; "overwrite" to the first does not also write over the read-only file.
#[test]
fn overwriting_a_changed_file_still_asks_about_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("both.json");
    std::fs::write(&file, UNFORMATTED).unwrap();
    let mut app = editor_support::opened(&file);
    let theirs = UNFORMATTED.replace("rmdir", "mkdir");
    std::fs::write(&file, &theirs).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    editor_support::press(&mut app, &["d", "ctrl-s"]);
    let screen = editor_support::screen(&mut app, 160, 48);
    assert!(screen.contains("changed on disk"), "{screen}");
    editor_support::press(&mut app, &["o"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        theirs,
        "not written yet"
    );
    let screen = editor_support::screen(&mut app, 160, 48);
    assert!(screen.contains("read-only"), "{screen}");
    editor_support::press(&mut app, &["o"]);
    assert_ne!(std::fs::read_to_string(&file).unwrap(), theirs);
    assert!(!app.session.doc.is_modified());
}

/// What `fmt` would make of a file.
fn canonical(file: &Path) -> String {
    let out = seccompose(As::Me)
        .args(["fmt", "--stdout"])
        .arg(file)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
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
    let formatted = canonical(&file);
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

/// How a kill is timed in [`killed_in_place_saves_of_a_linked_file_always_leave_a_whole_copy`].
#[derive(Clone, Copy, Debug)]
enum KillAt {
    /// A random moment over the whole save (its length measured beforehand).
    Random(u64),
    /// As soon as `FILE~` appears (a copy being made under that name is cut short).
    BackupAppears,
    /// As soon as the file itself changes (the in-place write is cut short).
    FileChanges,
}

/// One kill of `fmt` on `file` (two names), then the invariant: both names hold the old or
/// the new bytes, or a whole `FILE~` holds the old ones; a `FILE~` that exists is whole.
/// Returns 0 (old), 1 (new) or 2 (broken, with the whole copy beside it).
fn kill_one_save(
    file: &Path,
    other: &Path,
    old: &str,
    new: &str,
    at: KillAt,
    no_backup: bool,
) -> usize {
    let backup = file.with_file_name(format!("{}~", file.file_name().unwrap().to_string_lossy()));
    // The old bytes again, in the same inode (std::fs::write truncates, keeping the links).
    std::fs::write(file, old).unwrap();
    let _ = std::fs::remove_file(&backup);
    let before = std::fs::metadata(file).unwrap().modified().unwrap();
    let mut child = seccompose(As::Me)
        .arg("fmt")
        .args(no_backup.then_some("--no-backup"))
        .arg(file)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let tick = std::time::Duration::from_micros(20);
    match at {
        KillAt::Random(micros) => std::thread::sleep(std::time::Duration::from_micros(micros)),
        KillAt::BackupAppears => {
            while !backup.exists() && child.try_wait().unwrap().is_none() {
                std::thread::sleep(tick);
            }
        }
        KillAt::FileChanges => {
            while std::fs::metadata(file).unwrap().modified().unwrap() == before
                && child.try_wait().unwrap().is_none()
            {
                std::thread::sleep(tick);
            }
        }
    }
    let _ = child.kill();
    child.wait().unwrap();
    let now = std::fs::read_to_string(file).unwrap_or_default();
    assert_eq!(
        std::fs::read(other).unwrap(),
        now.as_bytes(),
        "{at:?}: one inode"
    );
    let copy = std::fs::read_to_string(&backup).ok();
    if let Some(copy) = &copy {
        assert!(
            copy == old,
            "{at:?}: a partial FILE~ ({} of {} bytes)",
            copy.len(),
            old.len()
        );
    }
    if now == old {
        0
    } else if now == new {
        1
    } else {
        assert!(
            copy.is_some(),
            "{at:?}, no_backup {no_backup}: neither old nor new, and no copy"
        );
        2
    }
}

/// A file with two names is written in place (a rename would split the names), so a SIGKILL in
/// the middle of that write can leave it neither old nor new: a complete copy of the old
/// content is made durable as `FILE~` first. 200 kills on a 1 MB profile, at random moments
/// over the whole save and at the moments that matter (as the copy appears, as the file
/// changes), with and without `--no-backup`, two folders at a time.
#[test]
fn killed_in_place_saves_of_a_linked_file_always_leave_a_whole_copy() {
    let dir = scratch();
    // About 1 MB, not in canonical form, so that `fmt` rewrites all of it.
    let names: Vec<String> = (0..120_000).map(|_| "\"read\"".to_string()).collect();
    let old = format!(
        r#"{{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{{"names":[{}],"action":"SCMP_ACT_ERRNO"}}]}}"#,
        names.join(",")
    );
    let pair = |n: u32| {
        let folder = dir.path().join(format!("w{n}"));
        std::fs::create_dir(&folder).unwrap();
        let (file, other) = (folder.join("linked.json"), folder.join("other-name.json"));
        std::fs::write(&file, &old).unwrap();
        std::fs::hard_link(&file, &other).unwrap();
        (file, other)
    };
    let (file, other) = pair(0);
    let new = canonical(&file);
    // How long a whole save takes here, so that random kills spread over all of it.
    let started = std::time::Instant::now();
    let (code, err) = fmt(As::Me, &["--no-backup"], &file);
    assert_eq!(code, Some(0), "{err}");
    let whole = started.elapsed().as_micros() as u64 + 1;
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        new,
        "written in place"
    );
    assert!(
        !file.with_file_name("linked.json~").exists(),
        "--no-backup keeps no copy"
    );
    let workers: Vec<_> = [(file, other), pair(1)]
        .into_iter()
        .enumerate()
        .map(|(w, (file, other))| {
            let (old, new) = (old.clone(), new.clone());
            std::thread::spawn(move || {
                let mut seed = 0x2545_f491_4f6c_dd1d_u64 ^ (w as u64 + 1);
                let mut outcomes = [0u32; 3];
                for i in 0..100 {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let at = match i % 3 {
                        0 => KillAt::Random(seed % (whole + whole / 5)),
                        1 => KillAt::BackupAppears,
                        _ => KillAt::FileChanges,
                    };
                    let no_backup = (i / 3) % 2 == 1;
                    outcomes[kill_one_save(&file, &other, &old, &new, at, no_backup)] += 1;
                }
                outcomes
            })
        })
        .collect();
    for w in workers {
        let outcomes = w.join().unwrap();
        eprintln!("100 kills: {outcomes:?} (old, new, broken with a whole copy beside it)");
    }
}

/// A file that does not parse while its `FILE~` does (a save cut short, or a bad hand edit):
/// every command says so and how to bring the copy back; a backup that does not parse either
/// is not offered.
#[test]
fn a_broken_file_with_a_good_backup_says_so() {
    let dir = scratch();
    let file = dir.path().join("p.json");
    let backup = dir.path().join("p.json~");
    std::fs::write(&file, &UNFORMATTED[..40]).unwrap();
    std::fs::write(&backup, UNFORMATTED).unwrap();
    for verb in ["check", "compile"] {
        let out = seccompose(As::Me).arg(verb).arg(&file).output().unwrap();
        assert_ne!(out.status.code(), Some(0));
        let err = stderr(&out);
        assert!(
            err.contains("p.json~ holds a complete earlier version"),
            "{verb}: {err}"
        );
        assert!(err.contains("brings it back"), "{verb}: {err}");
    }
    std::fs::write(&backup, &UNFORMATTED[..30]).unwrap();
    let out = seccompose(As::Me).arg("check").arg(&file).output().unwrap();
    assert!(
        !stderr(&out).contains("earlier version"),
        "{}",
        stderr(&out)
    );
}

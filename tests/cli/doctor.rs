//! `seccompose doctor` and the fallback when user notification is missing.

use crate::common;

use predicates::str::contains;
use seccompose::sandbox::support::FAKE_NO_USER_NOTIFICATION;

#[test]
fn doctor_reports_what_this_machine_offers() {
    let out = common::seccompose().arg("doctor").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for name in [
        "seccomp filters",
        "actions",
        "user notification",
        "tracing",
        "libseccomp",
        "man pages",
        "user",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    assert!(text.contains("ok      seccomp filters"), "{text}");
    assert!(text.contains("ok      user notification"), "{text}");
    // runc is installed here (.ci/run): listed with its version; without it on PATH, the
    // package to install is named.
    if common::runc::container_unavailable().is_none() {
        assert!(
            text.contains("ok      container runtime  runc version"),
            "{text}"
        );
    }
    let bare = common::seccompose()
        .arg("doctor")
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    let bare = String::from_utf8_lossy(&bare.stdout);
    assert!(
        bare.contains("container runtime  none found") && bare.contains("Debian package runc"),
        "{bare}"
    );
    let actions = std::fs::read_to_string("/proc/sys/kernel/seccomp/actions_avail").unwrap();
    assert!(
        text.contains(actions.trim()),
        "the kernel's own list is shown"
    );
}

#[test]
fn without_user_notification_run_falls_back_to_enforce_and_record_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.json");
    std::fs::write(
        &profile,
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#,
    )
    .unwrap();
    let made = dir.path().join("made");
    common::seccompose()
        .env(FAKE_NO_USER_NOTIFICATION, "1")
        .arg("doctor")
        .assert()
        .success()
        .stdout(contains("warning user notification"))
        .stdout(contains("runs work in enforce mode only"));
    common::seccompose()
        .env(FAKE_NO_USER_NOTIFICATION, "1")
        .arg("run")
        .arg(&profile)
        .arg("--")
        .arg("mkdir")
        .arg(&made)
        .assert()
        .code(1)
        .stderr(contains("runs in enforce mode"))
        .stderr(contains("Operation not permitted"));
    assert!(!made.exists(), "the policy still applied");
    common::seccompose()
        .env(FAKE_NO_USER_NOTIFICATION, "1")
        .args(["record", "--", "true"])
        .assert()
        .failure()
        .stderr(contains("recording needs user notification"));
}

/// doctor says where the compile cache is and how much it holds, and warns when the folder is
/// someone else's (then every run compiles its filter; tested in tests/kernel/cache.rs).
#[test]
fn doctor_names_the_compile_cache_and_a_folder_that_is_not_yours() {
    use crate::common::users::{scratch, seccompose, users, As};
    let dir = scratch();
    let mine = dir.path().join("mine");
    let out = seccompose(As::Me)
        .env("XDG_CACHE_HOME", &mine)
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = format!(
        "compile cache      {}/seccompose: 0 compiled filters",
        mine.display()
    );
    assert!(text.contains(&line), "{text}");
    if users().contains(&As::Nobody) {
        // A folder of root's: nobody may not use it.
        std::fs::create_dir_all(mine.join("seccompose")).unwrap();
        let out = seccompose(As::Nobody)
            .env("XDG_CACHE_HOME", &mine)
            .arg("doctor")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("warning compile cache"), "{text}");
        assert!(text.contains("is not yours"), "{text}");
    }
}

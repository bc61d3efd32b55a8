//! `seccompose doctor` and the fallback when user notification is missing.

mod common;

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

/// Where ptrace is refused (here: an outer run whose profile denies it, as a container's
/// might), an observed run falls back to enforce mode and says why, instead of failing, and
/// doctor names the missing piece; as root and as an ordinary user.
#[test]
fn where_tracing_is_refused_run_falls_back_to_enforce() {
    use common::users::{binary, run_as, scratch, seccompose, stderr, users, write_profile};
    let dir = scratch();
    let outer = write_profile(
        dir.path(),
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["ptrace"], "action": "SCMP_ACT_ERRNO"}]}"#,
    );
    let inner = dir.path().join("inner.json");
    std::fs::write(
        &inner,
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#,
    )
    .unwrap();
    let made = dir.path().join("made");
    for who in users() {
        // A bound, so a nested run that never ends fails instead of hanging the tests.
        let out = run_as(who, &outer, true)
            .args(["--timeout", "60", "--"])
            .arg(binary())
            .arg("run")
            .arg(&inner)
            .arg("--")
            .arg("mkdir")
            .arg(&made)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{who:?}: {err}");
        assert!(err.contains("may not trace the command"), "{who:?}: {err}");
        assert!(err.contains("Operation not permitted"), "{who:?}: {err}");
        assert!(!made.exists(), "{who:?}: the policy still applied");
        // Both runs, the inner one too, contained their commands.
        assert_eq!(err.matches("contained in a").count(), 2, "{who:?}: {err}");

        let doctor = run_as(who, &outer, true)
            .arg("--")
            .arg(binary())
            .arg("doctor")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&doctor.stdout);
        assert!(text.contains("warning tracing"), "{who:?}: {text}");
        assert!(doctor.status.success(), "{who:?}: {text}");
    }
    // Without the outer profile, tracing works here.
    let text = seccompose(users()[0])
        .arg("doctor")
        .output()
        .unwrap()
        .stdout;
    assert!(String::from_utf8_lossy(&text).contains("ok      tracing"));
}

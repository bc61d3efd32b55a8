//! A run inside a run (seccompose inside a container or a sandbox of its own): the inner one
//! sees a /proc of another PID namespace. It must still finish, apply its profile, and say
//! what it could not do; as root and as an ordinary user.

use crate::common;

use common::users::{binary, run_as, scratch, stderr, users, write_profile};
use std::path::Path;
use std::process::Output;

/// `seccompose run --enforce OUTER -- seccompose run [--enforce] INNER -- ARGS`, bounded so a
/// run that never ends fails instead of hanging the tests.
fn nested(
    who: common::users::As,
    outer: &Path,
    inner: &Path,
    enforce: bool,
    args: &[&str],
) -> Output {
    let mut cmd = run_as(who, outer, true);
    cmd.args(["--timeout", "60", "--"]).arg(binary()).arg("run");
    if enforce {
        cmd.arg("--enforce");
    }
    cmd.arg(inner).arg("--").args(args).output().unwrap()
}

#[test]
fn an_observed_run_inside_a_run_falls_back_to_enforce_and_finishes() {
    let dir = scratch();
    let outer = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
    let inner = inner_profile(
        dir.path(),
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#,
    );
    let made = dir.path().join("made");
    for who in users() {
        let out = nested(
            who,
            &outer,
            &inner,
            false,
            &["mkdir", made.to_str().unwrap()],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{who:?}: {err}");
        assert!(
            err.contains("belongs to another PID namespace"),
            "{who:?}: {err}"
        );
        assert!(err.contains("Operation not permitted"), "{who:?}: {err}");
        assert_eq!(err.matches("contained in a").count(), 2, "{who:?}: {err}");
        assert!(!made.exists(), "{who:?}: the inner profile applied");
    }
}

/// The inner run's profile, `inner.json` in `dir`.
fn inner_profile(dir: &Path, text: &str) -> std::path::PathBuf {
    let inner = dir.join("inner.json");
    std::fs::write(&inner, text).unwrap();
    inner
}

/// Forbids every way to a new namespace, so that a run inside it is uncontained.
const NO_NAMESPACES: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["unshare"], "action": "SCMP_ACT_ERRNO"},
    {"names": ["clone"], "action": "SCMP_ACT_ERRNO",
     "args": [{"index": 0, "value": 268435456, "valueTwo": 268435456, "op": "SCMP_CMP_MASKED_EQ"}]},
    {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}]}"#;

#[test]
fn an_uncontained_run_inside_a_run_ends_with_its_command() {
    let dir = scratch();
    let outer = write_profile(dir.path(), NO_NAMESPACES);
    let inner = inner_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
    for who in users() {
        // As root the inner run may still make a PID namespace; what matters is that it ends.
        let out = nested(
            who,
            &outer,
            &inner,
            true,
            &["sh", "-c", "sleep 30 & exit 4"],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(4), "{who:?}: {err}");
        if who == common::users::As::Nobody {
            assert!(
                err.contains("cannot be found, and may outlive the run"),
                "{who:?}: {err}"
            );
        }
    }
}

/// Uncontained, a command whose exec the profile denies (with `exit_group` denied too, so
/// that seccompose's own child cannot simply exit) is reported as not run, observed and
/// enforced, and the run ends.
#[test]
fn an_uncontained_run_whose_exec_is_denied_ends_and_says_so() {
    let dir = scratch();
    let outer = write_profile(dir.path(), NO_NAMESPACES);
    let inner = inner_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ERRNO"}"#);
    for who in users() {
        for enforce in [false, true] {
            let out = nested(who, &outer, &inner, enforce, &["/bin/true"]);
            let err = stderr(&out);
            let context = format!("{who:?} enforce={enforce}: {err}");
            assert_eq!(out.status.code(), Some(126), "{context}");
            assert!(
                err.contains("the command was not run: the profile denies execve (EPERM)"),
                "{context}"
            );
            if who == common::users::As::Nobody {
                assert!(err.contains("may outlive the run"), "{context}");
            }
        }
    }
}

/// Where ptrace is refused (here: an outer run whose profile denies it, as a container's
/// might), an observed run falls back to enforce mode and says why, instead of failing, and
/// doctor names the missing piece.
#[test]
fn where_tracing_is_refused_run_falls_back_to_enforce() {
    let dir = scratch();
    let outer = write_profile(
        dir.path(),
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["ptrace"], "action": "SCMP_ACT_ERRNO"}]}"#,
    );
    for who in users() {
        let out = nested(who, &outer, &outer, false, &["true"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{who:?}: {err}");
        // The first reason to fall back that the inner run meets: tracing (a filter is on).
        assert!(err.contains("may not trace the command"), "{who:?}: {err}");

        let doctor = run_as(who, &outer, true)
            .args(["--timeout", "60", "--"])
            .arg(binary())
            .arg("doctor")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&doctor.stdout);
        assert!(text.contains("warning tracing"), "{who:?}: {text}");
        assert!(doctor.status.success(), "{who:?}: {text}");
    }
    // Without the outer profile, tracing works here.
    let text = common::users::seccompose(users()[0])
        .arg("doctor")
        .output()
        .unwrap()
        .stdout;
    assert!(String::from_utf8_lossy(&text).contains("ok      tracing"));
}

//! `run --container` when the runtime fails: one that never connects to the listener (a
//! stand-in, since the real runc always does), and profiles the real runc refuses.

use crate::common;

use super::container::{available, sleepers, Place, DENY_MKDIR};
use common::users::*;
use std::path::PathBuf;
use std::process::Command;

/// How a stand-in runtime behaves.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum StandIn {
    /// `run` keeps the container running (`sleep MARKER`) without connecting.
    Stays,
    /// The same, and its `kill` does nothing.
    Deaf,
    /// `run` ends at once without connecting.
    Ends,
}

/// A stand-in for an OCI runtime that ignores `linux.seccomp.listenerPath`, as `--runtime
/// PATH` takes one: the real runc always connects when a profile has NOTIFY rules (or fails
/// with its own error), so only a stand-in can show what seccompose does with a runtime that
/// never comes. Its `kill` ends the `run` (its pid noted in the state folder) and `delete`
/// removes the container's state, as a runtime's do.
pub(crate) fn stand_in(dir: &std::path::Path, marker: &str, how: StandIn) -> PathBuf {
    let run = match how {
        StandIn::Stays | StandIn::Deaf => {
            format!("echo $$ > \"$root/$id/pid\"; exec sleep {marker}")
        }
        StandIn::Ends => "exit 0".to_string(),
    };
    let kill = match how {
        StandIn::Deaf => ":",
        _ => "[ -f \"$root/$2/pid\" ] && kill -9 \"$(cat \"$root/$2/pid\")\"",
    };
    let script = format!(
        "#!/bin/sh\n\
         [ \"$1\" = --root ] && {{ root=$2; shift 2; }}\n\
         while [ \"$1\" = --log ] || [ \"$1\" = --log-format ]; do shift 2; done\n\
         case \"$1\" in\n\
         run) id=$4; mkdir -p \"$root/$id\"; {run} ;;\n\
         kill) {kill} ;;\n\
         delete) rm -rf \"$root/$3\" ;;\n\
         esac\n\
         exit 0\n"
    );
    let path = dir.join(format!("stand-in-{}", how as u8));
    std::fs::write(&path, script).unwrap();
    Command::new("chmod")
        .arg("0755")
        .arg(&path)
        .status()
        .unwrap();
    path
}

/// A runtime that never connects to the listener: the run waits the connect timeout (one
/// second here, through SECCOMPOSE_CONNECT_TIMEOUT; half a minute by default), ends the
/// container through the runtime (or, when the runtime's `kill` does nothing, kills the
/// runtime's `run` itself) and says so, with 125; a runtime whose command ends before it ever
/// connects is said to have ended without connecting. Nothing is left either way.
#[test]
fn a_runtime_that_never_connects_is_timed_out_and_named() {
    if !available() {
        return;
    }
    for who in users() {
        let place = Place::new(who, DENY_MKDIR);
        let marker = format!("{}", 5_000_000 + std::process::id() * 2 + who as u32);
        let dir = place.rootfs.parent().unwrap();
        for how in [StandIn::Stays, StandIn::Deaf] {
            let runtime = stand_in(dir, &marker, how);
            let out = place
                .command(&["--runtime", runtime.to_str().unwrap(), "--", "true"])
                .env(seccompose::sandbox::container::CONNECT_TIMEOUT_VAR, "1")
                .output()
                .unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(125), "{who:?}: {err}");
            assert!(
                err.contains(&format!(
                    "{} did not connect to seccompose's listener (linux.seccomp.listenerPath) \
                     within 1 s: the container was ended",
                    runtime.display()
                )),
                "{who:?}: {err}"
            );
            assert!(err.contains("nothing was observed"), "{who:?}: {err}");
            assert!(!err.contains("in the command:"), "{who:?}: {err}");
            assert!(sleepers(&marker).is_empty(), "{who:?}: container left");
            place.assert_no_container(who);
        }

        let runtime = stand_in(dir, &marker, StandIn::Ends);
        let out = place.run(&["--runtime", runtime.to_str().unwrap(), "--", "true"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(125), "{who:?}: {err}");
        assert!(
            err.contains(&format!(
                "{} ended without connecting to seccompose's listener",
                runtime.display()
            )),
            "{who:?}: {err}"
        );
        place.assert_no_container(who);
    }
}

/// A profile the real runc refuses: its own words, 125, nothing left. Enforced, a NOTIFY
/// default action (runc allows NOTIFY nowhere as the default); observed, a NOTIFY rule for
/// write (the rewrite keeps it as it is, and runc refuses NOTIFY for write).
#[test]
fn a_profile_runc_refuses_is_shown_in_its_words() {
    if !available() {
        return;
    }
    let notify_default = r#"{"defaultAction": "SCMP_ACT_NOTIFY",
        "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let notify_write = r#"{"defaultAction": "SCMP_ACT_ALLOW",
        "syscalls": [{"names": ["write", "mkdir"], "action": "SCMP_ACT_NOTIFY"}]}"#;
    for who in users() {
        for (profile, mode, words) in [
            (
                notify_default,
                "--enforce",
                "SCMP_ACT_NOTIFY cannot be used as default action",
            ),
            (
                notify_write,
                "--timeout=60",
                "SCMP_ACT_NOTIFY cannot be used for the write syscall",
            ),
        ] {
            let place = Place::new(who, profile);
            let out = place.run(&[mode, "--", "true"]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(125), "{who:?}: {err}");
            assert!(
                err.contains("seccompose: runc failed: ") && err.contains(words),
                "{who:?}: {err}"
            );
            assert!(
                err.contains("the container did not start"),
                "{who:?}: {err}"
            );
            place.assert_no_container(who);
        }
    }
}

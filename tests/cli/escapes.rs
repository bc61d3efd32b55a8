//! Nothing escapes the filter: under a default-deny profile a command that tries to trace
//! seccompose's helpers, join or make namespaces, loosen itself with prctl, kill or grab
//! descriptors of the process that supervises it gets the profile's errno for each, and the
//! filter still holds afterwards. As root and as an ordinary user, observed and enforced.

use crate::common;

use common::users::*;
use seccompose::catalog::Catalog;
use seccompose::profile::Target;

/// An errno no kernel path returns, so that seeing it proves the filter answered.
const PROFILE_ERRNO: u32 = 1111;

/// The syscall number of `name` on this machine.
fn nr(name: &str) -> String {
    Catalog
        .syscall(name)
        .and_then(|s| s.number(Target::host().arch))
        .unwrap_or_else(|| panic!("{name} has no number here"))
        .to_string()
}

/// One probe call: the syscall and six arguments.
fn call(name: &str, args: [u64; 6]) -> Vec<String> {
    std::iter::once(nr(name))
        .chain(args.iter().map(u64::to_string))
        .collect()
}

#[test]
fn attempts_to_get_out_all_get_the_profiles_errno() {
    let probe = common::probe::probe(false);
    let dir = scratch();
    // The default-deny profile: exactly what the probe needs to start, print and exit
    // (recorded while it makes one harmless call).
    let recorded = dir.path().join("recorded.json");
    let out = seccompose(As::Me)
        .arg("record")
        .arg("-o")
        .arg(&recorded)
        .arg("--")
        .arg(&probe)
        .args(call("getpid", [0; 6]))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut profile: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&recorded).unwrap()).unwrap();
    profile["defaultErrnoRet"] = PROFILE_ERRNO.into();
    let allowed = profile.to_string();
    let profile = write_profile(dir.path(), &allowed);

    const PTRACE_TRACEME: u64 = 0;
    const PTRACE_ATTACH: u64 = 16;
    const PTRACE_SEIZE: u64 = 0x4206;
    const PR_SET_DUMPABLE: u64 = 4;
    const PR_SET_PTRACER: u64 = 0x5961_6d61;
    const PR_SET_SECCOMP: u64 = 22;
    const PR_SET_NO_NEW_PRIVS: u64 = 38;
    const CLONE_NEWUSER: u64 = 0x1000_0000;
    const CLONE_NEWNS: u64 = 0x0002_0000;
    let attempts: Vec<(&str, [u64; 6])> = vec![
        // The processes above the command: init of its namespace (1), its parent, anyone.
        ("ptrace", [PTRACE_ATTACH, 1, 0, 0, 0, 0]),
        ("ptrace", [PTRACE_SEIZE, 1, 0, 0, 0, 0]),
        ("ptrace", [PTRACE_TRACEME, 0, 0, 0, 0, 0]),
        ("kill", [1, 9, 0, 0, 0, 0]),
        ("kill", [u64::MAX, 9, 0, 0, 0, 0]), // kill(-1, SIGKILL)
        ("pidfd_open", [1, 0, 0, 0, 0, 0]),
        ("pidfd_getfd", [3, 3, 0, 0, 0, 0]),
        ("process_vm_writev", [1, 0, 0, 0, 0, 0]),
        // Namespaces: join one, or make a fresh one.
        ("setns", [0, 0, 0, 0, 0, 0]),
        ("unshare", [CLONE_NEWUSER | CLONE_NEWNS, 0, 0, 0, 0, 0]),
        // prctl tricks: become traceable or name a tracer, loosen the filter or no_new_privs.
        ("prctl", [PR_SET_DUMPABLE, 1, 0, 0, 0, 0]),
        ("prctl", [PR_SET_PTRACER, u64::MAX, 0, 0, 0, 0]),
        ("prctl", [PR_SET_SECCOMP, 0, 0, 0, 0, 0]),
        ("prctl", [PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0, 0]),
        // Another filter on top, with a listener of its own.
        ("seccomp", [1, 8, 0, 0, 0, 0]),
        // After all that, the filter still holds: a harmless call the profile does not allow.
        ("sync", [0; 6]),
    ];
    let recorded_text = std::fs::read_to_string(&recorded).unwrap();
    let mut args: Vec<String> = Vec::new();
    for (name, a) in &attempts {
        assert!(
            !recorded_text.contains(&format!("\"{name}\"")),
            "the probe itself uses {name}: the profile would allow it"
        );
        args.extend(call(name, *a));
    }
    for who in users() {
        for enforce in [false, true] {
            let mut cmd = seccompose(who);
            // Without runc's stub, which would answer the attempts newer than the recorded
            // profile with ENOSYS (stopped too, but not with the profile's errno).
            cmd.arg("run").arg(&profile).args(["--runtime", "none"]);
            if enforce {
                cmd.arg("--enforce");
            }
            let out = cmd.arg("--").arg(&probe).args(&args).output().unwrap();
            let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string)
                .collect();
            assert_eq!(out.status.code(), Some(0), "{who:?}: {}", stderr(&out));
            assert_eq!(lines.len(), attempts.len(), "{who:?}: {lines:?}");
            for ((name, a), line) in attempts.iter().zip(&lines) {
                assert_eq!(
                    line,
                    &format!("errno {PROFILE_ERRNO}"),
                    "{who:?} enforce={enforce}: {name}{a:?} was not stopped by the filter"
                );
            }
        }
    }
}

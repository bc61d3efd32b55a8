//! Commands that cannot start, or must not: exit statuses a script can tell from the
//! command's own, reports that say what happened, and never a command without its filter.

use crate::common;

use common::users::*;

/// Runs `seccompose ARGS` as `who`; (exit code, stderr).
fn run_as(who: As, args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let out = seccompose(who).args(args).output().unwrap();
    (out.status.code(), stderr(&out))
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// Missing: 127; a directory or a file without execute permission: 126; as `env` does.
#[test]
fn commands_that_cannot_start_exit_127_or_126() {
    let dir = scratch();
    let profile = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
    let plain = dir.path().join("plain.sh");
    std::fs::write(&plain, "#!/bin/sh\nexit 0\n").unwrap();
    let cases: [(&std::ffi::OsStr, i32, &str); 4] = [
        (os("no-such-command-anywhere"), 127, "not found"),
        (os("/nonexistent/tool"), 127, "no such file"),
        (dir.path().as_os_str(), 126, "is a directory"),
        (plain.as_os_str(), 126, "not executable"),
    ];
    for who in users() {
        for (command, code, words) in &cases {
            for sub in [
                &["run", "--enforce"][..],
                &["run"],
                &["record", "-o", "/dev/null"],
            ] {
                let mut args: Vec<&std::ffi::OsStr> = sub.iter().map(|s| os(s)).collect();
                if sub[0] == "run" {
                    args.insert(1, profile.as_os_str());
                }
                args.extend([os("--"), command]);
                let (got, err) = run_as(who, &args);
                assert_eq!(got, Some(*code), "{who:?} {sub:?} {command:?}: {err}");
                assert!(
                    err.contains(words) && err.contains("the command was not run"),
                    "{who:?} {sub:?}: {err}"
                );
            }
        }
    }
}

/// Under a profile that denies everything, the command never runs: the report says the
/// profile denies execve (not that a signal killed it), and the arguments are not garbage.
#[test]
fn a_denied_execve_is_reported_as_not_run() {
    let dir = scratch();
    let profile = write_profile(
        dir.path(),
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": []}"#,
    );
    for who in users() {
        let report = dir.path().join(format!("report-{who:?}.json"));
        for enforce in [false, true] {
            let mut args = vec![
                os("run"),
                profile.as_os_str(),
                os("--report"),
                report.as_os_str(),
            ];
            if enforce {
                args.push(os("--enforce"));
            }
            args.extend([os("--"), os("/bin/true")]);
            let (code, err) = run_as(who, &args);
            assert_eq!(code, Some(126), "{who:?} enforce={enforce}: {err}");
            assert!(
                err.contains("the command was not run: the profile denies execve (EPERM)"),
                "{who:?} enforce={enforce}: {err}"
            );
            assert!(!err.contains("SIGSEGV") && !err.contains("killed"), "{err}");
            let json: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
            assert_eq!(json["termination"]["kind"], "not_run");
            assert_eq!(json["exit_code"], 126);
            if !enforce {
                // Only the execve: nothing of seccompose's own failure path is reported.
                let names: Vec<&str> = json["summary"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["syscall"].as_str().unwrap())
                    .collect();
                assert_eq!(names, ["execve"], "{err}");
                let first = json["summary"][0]["first_call"].as_str().unwrap();
                assert!(
                    first.starts_with("execve(pathname=\"/bin/true\", argv=0x"),
                    "{first}"
                );
            }
        }
    }
}

/// `record -o FILE` keeps an existing FILE when the command failed, says why, and replaces it
/// with `--force`.
#[test]
fn record_keeps_the_output_when_the_command_failed() {
    let dir = scratch();
    let out = dir.path().join("recorded.json");
    std::fs::write(&out, "the user's profile\n").unwrap();
    let record = |force: bool| {
        let mut args = vec![os("record"), os("-o"), out.as_os_str()];
        if force {
            args.push(os("--force"));
        }
        args.extend([os("--"), os("sh"), os("-c"), os("exit 3")]);
        run_as(As::Me, &args)
    };
    let (code, err) = record(false);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("was not changed") && err.contains("status 3"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the user's profile\n"
    );
    let (code, err) = record(true);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\"exit_group\""),
        "{err}"
    );
}

/// When loading the filter fails (here: an outer seccompose denies `seccomp` itself), the
/// command does not run, and the error says which step failed.
#[test]
fn a_filter_that_cannot_load_means_the_command_does_not_run() {
    let dir = scratch();
    let outer = write_profile(
        dir.path(),
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["seccomp"], "action": "SCMP_ACT_ERRNO"}]}"#,
    );
    let inner = dir.path().join("inner.json");
    std::fs::write(&inner, r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#).unwrap();
    std::fs::set_permissions(&inner, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    for who in users() {
        for inner_mode in [&[][..], &["--enforce"]] {
            let marker = dir.path().join(format!("ran-{who:?}-{}", inner_mode.len()));
            let out = seccompose(who)
                .args(["run", "--enforce"])
                .arg(&outer)
                .arg("--")
                .arg(binary())
                .arg("run")
                .args(inner_mode)
                .arg(&inner)
                .arg("--")
                .arg("touch")
                .arg(&marker)
                .output()
                .unwrap();
            let err = stderr(&out);
            // The inner seccompose's own failure: 125, as docker run gives.
            assert_eq!(out.status.code(), Some(125), "{who:?}: {err}");
            assert!(
                err.contains("loading the seccomp filter failed")
                    && err.contains("the command was not run"),
                "{who:?}: {err}"
            );
            assert!(!marker.exists(), "{who:?} {inner_mode:?}: the command ran");
        }
    }
}

/// The PID namespaces a process is in, outermost first (its `NSpid` line).
fn namespaced_pids(pid: u32) -> Vec<u32> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("NSpid:")).unwrap();
    line.split_whitespace()
        .skip(1)
        .map(|p| p.parse().unwrap())
        .collect()
}

/// As root, the run's own child is init of the command's PID namespace (no process between
/// them), the command's exit status still comes back, and the thread that started the run is
/// back in its own namespace afterwards: its next child starts as any other would.
#[test]
fn as_root_the_runs_child_is_init_and_the_thread_comes_back() {
    use seccompose::catalog::Catalog;
    use seccompose::profile::{self, Target};
    use seccompose::sandbox::{Containment, Mode, RunOptions, Session, Termination};
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        common::skipped(
            "the run's child is init only where seccompose may make the namespace (root)",
        );
        return;
    }
    let p = profile::parse(r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#, &Catalog)
        .profile
        .unwrap();
    let argv = ["sh", "-c", "read line; exit 7"].map(std::ffi::OsString::from);
    let (reader, writer) = std::io::pipe().unwrap();
    let options = RunOptions {
        mode: Mode::Enforce,
        stdio: Some((
            reader.into(),
            std::process::Stdio::null(),
            std::process::Stdio::null(),
        )),
        ..RunOptions::default()
    };
    let session = Session::start(&p, &Target::host(), &argv, options).unwrap();
    let ours = namespaced_pids(session.pid());
    assert_eq!(
        ours.len(),
        2,
        "our child is in a namespace of its own: {ours:?}"
    );
    assert_eq!(ours[1], 1, "and is its PID 1: {ours:?}");
    let thread = |ns: &str| std::fs::read_link(format!("/proc/thread-self/ns/{ns}")).unwrap();
    assert_eq!(
        thread("pid_for_children"),
        thread("pid"),
        "back in our own namespace"
    );
    let plain = std::process::Command::new("true").status().unwrap();
    assert!(plain.success());
    // The command waits on its standard input: closing it lets it end.
    drop(writer);
    let finished = session.wait().unwrap();
    assert_eq!(finished.termination, Termination::Exited(7));
    assert_eq!(finished.containment, Containment::PidNamespace);
}

/// A user whose real and effective ids differ is not dumpable after exec, so the kernel makes
/// the user namespace but lets no ids be mapped in it: the run starts again without one (not
/// contained, as the report says) and the command runs with its own status, not an error.
#[test]
fn a_user_namespace_without_ids_falls_back_to_an_uncontained_run() {
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        common::skipped("needs root to start seccompose with a real uid unlike its effective uid");
        return;
    }
    let dir = scratch();
    let profile = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
    let report = dir.path().join("report.json");
    let out = std::process::Command::new("setpriv")
        .args([
            "--ruid=65534",
            "--euid=65533",
            "--regid=65534",
            "--clear-groups",
        ])
        .arg(binary())
        .args(["run", "--enforce", "--no-cache", "--report"])
        .arg(&report)
        .arg(&profile)
        .args(["--", "sh", "-c", "exit 4"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(json["containment"], "none", "{}", stderr(&out));
    assert!(stderr(&out).contains("not contained"), "{}", stderr(&out));
}

/// A child whose exec the profile denies, with `exit_group` denied too, ends itself without a
/// syscall (SIGILL): no core file of it is written, though core files are allowed and land
/// in the folder it ran in; observed and enforced, root and `nobody`.
#[test]
fn a_child_whose_exec_failed_leaves_no_core_file() {
    let pattern = std::fs::read_to_string("/proc/sys/kernel/core_pattern").unwrap_or_default();
    let pattern = pattern.trim();
    if pattern.is_empty() || pattern.starts_with('|') || pattern.contains('/') {
        common::skipped(&format!(
            "core files do not land in the process's folder here (core_pattern {pattern:?})"
        ));
        return;
    }
    let prefix = pattern.split('%').next().unwrap_or(pattern).to_string();
    for who in users() {
        for enforce in [false, true] {
            let dir = scratch();
            let profile = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ERRNO"}"#);
            let mut cmd = common::users::seccompose(who);
            cmd.arg("run");
            if enforce {
                cmd.arg("--enforce");
            }
            cmd.arg(&profile)
                .args(["--", "/bin/true"])
                .current_dir(dir.path());
            let unlimited = libc::rlimit {
                rlim_cur: libc::RLIM_INFINITY,
                rlim_max: libc::RLIM_INFINITY,
            };
            // SAFETY: setrlimit is async-signal-safe and reads only the local struct.
            unsafe {
                std::os::unix::process::CommandExt::pre_exec(&mut cmd, move || {
                    if libc::setrlimit(libc::RLIMIT_CORE, &unlimited) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                })
            };
            let out = cmd.output().unwrap();
            let context = format!("{who:?} enforce={enforce}: {}", stderr(&out));
            assert_eq!(out.status.code(), Some(126), "{context}");
            let cores: Vec<String> = std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|name| name.starts_with(&prefix))
                .collect();
            assert!(cores.is_empty(), "{context}: {cores:?}");
        }
    }
}

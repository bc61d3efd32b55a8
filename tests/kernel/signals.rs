//! TRAP and KILL in observed mode are the kernel's own: a kill-thread rule kills one thread,
//! a SIGSYS handler reads the kernel's `siginfo`, a kill-process rule is not caught; observed
//! and enforced runs give the same results, and observed runs still report each stop. As root
//! and as an ordinary user, in the real kernel, with tests/probe/signals.c.

use crate::common;

use common::users::*;
use seccompose::catalog::Catalog;
use seccompose::profile::{self, Target};
use seccompose::sandbox::{self, Containment, Mode, RunOptions, Termination};
use std::ffi::OsString;

const PROFILE: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["getsid"], "action": "SCMP_ACT_KILL"},
    {"names": ["getpgid"], "action": "SCMP_ACT_TRAP"},
    {"names": ["getpriority"], "action": "SCMP_ACT_KILL_PROCESS"}
]}"#;

/// The program's modes, with the syscall each stops at and the action the report must name.
const CASES: &[(&str, &str, &str)] = &[
    ("thread-kill", "getsid", "SCMP_ACT_KILL_THREAD"),
    ("trap", "getpgid", "SCMP_ACT_TRAP"),
    ("kill-caught", "getpriority", "SCMP_ACT_KILL_PROCESS"),
];

/// A run without a PID namespace ends every new descendant of this process when it ends (the
/// weaker containment), so the tests of this binary take turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn nr(name: &str) -> u32 {
    Catalog
        .syscall(name)
        .and_then(|s| s.number(Target::host().arch))
        .unwrap()
}

/// What each mode must print and how it must end, observed or enforced alike.
fn check_outcome(mode: &str, code: Option<i32>, stdout: &str, context: &str) {
    match mode {
        "thread-kill" => {
            // One thread killed, not the process: the other goes on and exits with its status.
            assert_eq!(code, Some(7), "{context}: {stdout}");
            assert_eq!(
                stdout, "main: the other thread is gone, exiting 7\n",
                "{context}"
            );
        }
        "trap" => {
            let token = Target::host().arch.audit_token();
            let want = format!(
                "handler: si_signo=31 si_code=1 si_errno=0 si_syscall={} si_arch={token:#x}\n",
                nr("getpgid")
            );
            assert!(stdout.starts_with(&want), "{context}: {stdout}");
            assert_eq!(code, Some(0), "{context}: {stdout}");
        }
        "kill-caught" => {
            // Killed by SIGSYS although the program catches it; the handler never ran.
            assert_eq!(code, Some(128 + libc::SIGSYS), "{context}: {stdout}");
            assert_eq!(stdout, "", "{context}");
        }
        _ => unreachable!(),
    }
}

#[test]
fn observed_and_enforced_runs_agree_on_trap_and_kill() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let program = common::probe::with_libc("signals");
    for who in users() {
        let dir = scratch();
        let profile = write_profile(dir.path(), PROFILE);
        for (mode, syscall, action) in CASES {
            let mut results = Vec::new();
            for enforce in [false, true] {
                let report = dir.path().join(format!("{mode}-{enforce}.json"));
                let out = run_as(who, &profile, enforce)
                    .arg("--report")
                    .arg(&report)
                    .arg("--")
                    .arg(&program)
                    .arg(mode)
                    .output()
                    .unwrap();
                let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
                let context = format!("{who:?} {mode} enforce={enforce} ({})", stderr(&out));
                check_outcome(mode, out.status.code(), &stdout, &context);
                results.push((out.status.code(), stdout));
                if enforce {
                    continue;
                }
                // Observed mode still reports the stop, with the deciding rule.
                let json: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
                let events = json["events"].as_array().unwrap();
                let stops: Vec<_> = events.iter().filter(|e| e["syscall"] == *syscall).collect();
                assert_eq!(stops.len(), 1, "{context}: {events:?}");
                assert_eq!(stops[0]["action"], *action, "{context}");
                assert!(stops[0]["rule"].is_number(), "{context}: {:?}", stops[0]);
                if *mode == "trap" {
                    let args = stops[0]["args"].as_array().unwrap();
                    assert_eq!(args[..3], [7, 8, 9], "{context}");
                }
                if *mode == "kill-caught" {
                    assert_eq!(json["killed_by_policy"], "getpriority", "{context}");
                    assert!(
                        stderr(&out).contains("killed by SIGSYS: the policy kills on getpriority"),
                        "{context}"
                    );
                }
            }
            assert_eq!(
                results[0], results[1],
                "{who:?} {mode}: observed vs enforced"
            );
        }
    }
}

/// Set in the copy of this test binary that runs [`without_a_namespace_too`] alone.
const ALONE: &str = "SECCOMPOSE_TEST_UNCONTAINED_ALONE";

/// Without a PID namespace the command is seccompose's own child, traced in observed mode:
/// the run still ends with the command's own status, and the stops are reported.
///
/// Runs in a process of its own (this binary again, with only this test): at its end an
/// uncontained run ends every descendant of its process that was not there before it, which
/// in the shared test process were the children of tests running beside it (runc's, seen as
/// "runc loaded no filter" in the fidelity test).
#[test]
fn without_a_namespace_too() {
    if std::env::var_os(ALONE).is_none() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "signals::without_a_namespace_too", "--nocapture"])
            .env(ALONE, "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("1 passed"),
            "{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    }
    let program = common::probe::with_libc("signals");
    let p = profile::parse(PROFILE, &Catalog).profile.unwrap();
    let target = Target::host();
    for (mode, syscall, action) in CASES {
        let mut results = Vec::new();
        for run_mode in [Mode::Observe, Mode::Enforce] {
            let out = tempfile::NamedTempFile::new().unwrap();
            let options = RunOptions {
                mode: run_mode,
                share_pid_namespace: true,
                stdio: Some((
                    std::process::Stdio::null(),
                    out.reopen().unwrap().into(),
                    std::process::Stdio::null(),
                )),
                ..RunOptions::default()
            };
            let argv: Vec<OsString> = vec![program.clone().into(), mode.into()];
            let finished = sandbox::run(&p, &target, &argv, options).unwrap();
            assert_eq!(finished.containment, Containment::None);
            let code = match finished.termination {
                Termination::Exited(c) => Some(c),
                Termination::Signaled(s) => Some(128 + s),
                other => panic!("{mode} {run_mode:?}: {other:?}"),
            };
            let stdout = std::fs::read_to_string(out.path()).unwrap();
            check_outcome(mode, code, &stdout, &format!("{mode} {run_mode:?}"));
            if run_mode == Mode::Observe {
                let stop = finished
                    .stops
                    .iter()
                    .find(|s| s.name == Some(*syscall))
                    .unwrap_or_else(|| panic!("{mode}: {:?}", finished.stops));
                assert_eq!(stop.action.scmp_name(), *action);
            }
            results.push((code, stdout));
        }
        assert_eq!(results[0], results[1], "{mode}: observed vs enforced");
    }
}

/// Allows everything but `acct`, which it kills: a filter that can kill, so observed runs of
/// it have the tracer follow the command (an allow-all filter has none).
const TRACED: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
    {"names": ["acct"], "action": "SCMP_ACT_KILL_PROCESS"}
]}"#;

/// A profile that allows everything but `rules` and lists every ABI of this machine, so that
/// libseccomp kills no call for its ABI (a filter that can then neither trap nor kill, unless
/// `rules` do).
fn every_abi(rules: &str) -> String {
    let native = seccompose::profile::Arch::native();
    let abis: Vec<String> = std::iter::once(native)
        .chain(native.sub_architectures().iter().copied())
        .map(|a| format!("{:?}", a.scmp_name()))
        .collect();
    format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", "architectures": [{}], "syscalls": [{rules}]}}"#,
        abis.join(", ")
    )
}

/// An observed run has a tracer follow the command only when its filter can TRAP or KILL a
/// call of this machine: `TracerPid` is seccompose's then, and 0 under a filter that allows
/// everything on every ABI of the machine. Allowing everything without listing the ABIs is
/// not enough: libseccomp kills the calls of an ABI left out (an i386 `int 0x80` on x86-64).
#[test]
fn a_tracer_follows_the_command_only_when_the_filter_can_trap_or_kill() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let kill_acct = r#"{"names": ["acct"], "action": "SCMP_ACT_KILL_PROCESS"}"#;
    let cases = [
        (every_abi(""), false),
        (r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#.to_string(), true),
        (every_abi(kill_acct), true),
    ];
    for who in users() {
        let dir = scratch();
        for (text, traced) in &cases {
            let (text, traced) = (text.as_str(), *traced);
            let profile = write_profile(dir.path(), text);
            let out = run_as(who, &profile, false)
                .args(["--", "grep", "TracerPid", "/proc/self/status"])
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            let context = format!("{who:?} {text}: {stdout} {}", stderr(&out));
            let tracer: i32 = stdout
                .trim()
                .strip_prefix("TracerPid:")
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or_else(|| panic!("no TracerPid line: {context}"));
            assert_eq!(tracer != 0, traced, "{context}");
            assert_eq!(out.status.code(), Some(0), "{context}");
        }
    }
}

/// Where this process may not trace (simulated with the test hook, as Yama's `ptrace_scope` 3
/// would refuse), an observed run falls back to enforce mode only when its filter needs the
/// tracer: a profile that lists every ABI and neither traps nor kills is observed all the
/// same, and reports its stop.
#[test]
fn where_tracing_is_refused_only_a_profile_that_can_trap_or_kill_falls_back() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let deny_mkdir = r#"{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}"#;
    let every_abi = every_abi(deny_mkdir);
    let native_only =
        format!(r#"{{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{deny_mkdir}]}}"#);
    for who in users() {
        let dir = scratch();
        let made = dir.path().join("made");
        for (text, observed) in [(&every_abi, true), (&native_only, false)] {
            let profile = write_profile(dir.path(), text);
            let out = run_as(who, &profile, false)
                .env(sandbox::support::FAKE_NO_TRACING, "1")
                .arg("--")
                .arg("mkdir")
                .arg(&made)
                .output()
                .unwrap();
            let err = stderr(&out);
            let context = format!("{who:?} {text}: {err}");
            assert_eq!(out.status.code(), Some(1), "{context}");
            assert!(!made.exists(), "{context}");
            assert_eq!(
                err.contains("may not trace the command"),
                !observed,
                "{context}"
            );
            assert_eq!(
                err.contains("the policy stopped 1 syscall"),
                observed,
                "{context}"
            );
        }
    }
}

/// A debugger run under seccompose attaches to its children in observed mode as it does under
/// enforcement: the tracer lets go of a process before the command's own ptrace attaches.
#[test]
fn the_commands_own_debugger_works_as_under_enforcement() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let program = common::probe::with_libc("signals");
    let want = "seize a running child: ok\ninterrupt it: ok\nit stopped for us\n\
                a child stopped itself\nseize the stopped child: ok\n\
                traceme: the child stops for us\ntraceme: the child exited with 5\n";
    for who in users() {
        let dir = scratch();
        let profile = write_profile(dir.path(), TRACED);
        for enforce in [false, true] {
            let out = run_as(who, &profile, enforce)
                .arg("--")
                .arg(&program)
                .arg("debugger")
                .output()
                .unwrap();
            let context = format!("{who:?} enforce={enforce}: {}", stderr(&out));
            assert_eq!(String::from_utf8_lossy(&out.stdout), want, "{context}");
            assert_eq!(out.status.code(), Some(0), "{context}");
        }
    }
}

/// Real-time signals reach an observed command as they reach an enforced one: the tracer stops
/// at their delivery like at any signal's and passes them on (nix's `Signal` has no real-time
/// signals, so a wait through nix would lose such a stop and leave the command stopped: the
/// timeout would end it).
#[test]
fn real_time_signals_pass_the_tracer() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let program = common::probe::with_libc("signals");
    let code = 128 + libc::SIGRTMIN();
    for who in users() {
        let dir = scratch();
        let profile = write_profile(dir.path(), TRACED);
        for enforce in [false, true] {
            let out = run_as(who, &profile, enforce)
                .args(["--timeout", "30", "--"])
                .arg(&program)
                .arg("realtime")
                .output()
                .unwrap();
            let context = format!("{who:?} enforce={enforce}: {}", stderr(&out));
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                "handler: a real-time signal\n",
                "{context}"
            );
            assert_eq!(out.status.code(), Some(code), "{context}");
        }
    }
}

//! `run` and `record` against the real kernel, as root and as an unprivileged user.

mod common;

use common::users::*;
use seccompose::profile::Arch;

use predicates::str::contains;

use std::process::Output;

#[test]
fn denied_mkdir_fails_with_eperm_and_is_reported() {
    for who in users() {
        let dir = scratch();
        let profile = write_profile(
            dir.path(),
            r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#,
        );
        let report = dir.path().join("report.json");
        let out = seccompose(who)
            .arg("run")
            .arg(&profile)
            .arg("--report")
            .arg(&report)
            .arg("--")
            .arg("mkdir")
            .arg(dir.path().join("x"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{who:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("Operation not permitted"),
            "{who:?}: {}",
            stderr(&out)
        );
        assert!(!dir.path().join("x").exists());
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let mkdir = json["summary"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["syscall"] == "mkdir")
            .expect("mkdir reported");
        assert_eq!(mkdir["action"], "SCMP_ACT_ERRNO");
        assert_eq!(mkdir["errno"], 1);
        assert_eq!(mkdir["rule"], 0);
        assert_eq!(json["exit_code"], 1);
        // The path argument is read from the stopped process, not shown as an address.
        let path = dir.path().join("x").display().to_string();
        assert!(
            mkdir["first_call"]
                .as_str()
                .unwrap()
                .contains(&format!("pathname={path:?}")),
            "{mkdir}"
        );
        let event = json["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["syscall"] == "mkdir")
            .unwrap();
        assert_eq!(event["strings"][0], path.as_str());
    }
}

#[test]
fn kill_rule_ends_the_command_with_sigsys() {
    for who in users() {
        let dir = scratch();
        std::fs::create_dir(dir.path().join("y")).unwrap();
        let profile = write_profile(
            dir.path(),
            r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["rmdir", "unlinkat"], "action": "SCMP_ACT_KILL_PROCESS"}]}"#,
        );
        for enforce in [false, true] {
            let mut cmd = seccompose(who);
            cmd.arg("run").arg(&profile);
            if enforce {
                cmd.arg("--enforce");
            }
            let out = cmd
                .arg("--")
                .arg("rmdir")
                .arg(dir.path().join("y"))
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(128 + 31),
                "{who:?} enforce={enforce}: {}",
                stderr(&out)
            );
            assert!(
                stderr(&out).contains("killed by SIGSYS"),
                "{}",
                stderr(&out)
            );
            if !enforce {
                assert!(
                    stderr(&out).contains("the policy kills on rmdir"),
                    "{}",
                    stderr(&out)
                );
            }
            assert!(dir.path().join("y").exists());
        }
    }
}

/// Observed mode and enforcement give the command the same results, action by action.
#[test]
fn observed_mode_matches_enforcement() {
    let probe = common::probe::probe(false);
    // getppid=110, getuid=102, geteuid=107, getgid=104, getegid=108, sched_yield=24, gettid=186 on x86_64.
    let profile_text = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["getuid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
        {"names": ["geteuid"], "action": "SCMP_ACT_KILL_PROCESS"},
        {"names": ["getgid"], "action": "SCMP_ACT_KILL_THREAD"},
        {"names": ["getegid"], "action": "SCMP_ACT_TRAP"},
        {"names": ["sched_yield"], "action": "SCMP_ACT_LOG"},
        {"names": ["gettid"], "action": "SCMP_ACT_TRACE", "errnoRet": 3},
        {"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 22,
         "args": [{"index": 0, "value": 4294967296, "op": "SCMP_CMP_GE"}, {"index": 1, "value": 255, "valueTwo": 7, "op": "SCMP_CMP_MASKED_EQ"}]},
        {"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 95,
         "args": [{"index": 2, "value": 5, "op": "SCMP_CMP_EQ"}, {"index": 2, "value": 6, "op": "SCMP_CMP_EQ"}]}
    ]}"#;
    let table: &[(&str, &str)] = &[
        ("102 0 0 0 0 0 0", "errno 13"),
        ("107 0 0 0 0 0 0", ""),
        ("104 0 0 0 0 0 0", ""),
        ("108 0 0 0 0 0 0", "trapped"),
        ("24 0 0 0 0 0 0", "ok 0"),
        ("186 0 0 0 0 0 0", "errno 38"),
        ("110 0x100000000 7 0 0 0 0", "errno 22"),
        ("110 0x100000000 8 0 0 0 0", "ok 1"),
        ("110 0xffffffff 7 0 0 0 0", "ok 1"),
        ("110 0 0 5 0 0 0", "errno 95"),
        ("110 0 0 6 0 0 0", "errno 95"),
        ("110 0 0 7 0 0 0", "ok 1"),
        ("39 0 0 0 0 0 0", "ok 1"),
    ];
    for who in users() {
        let dir = scratch();
        let profile = write_profile(dir.path(), profile_text);
        for (args, want) in table {
            let mut results = Vec::new();
            for enforce in [false, true] {
                // The probe catches SIGSYS: the kill rows show that the kernel's kill ignores
                // the handler in observed mode too.
                let out = run_as(who, &profile, enforce)
                    .arg("--")
                    .arg(&probe)
                    .args(args.split(' '))
                    .output()
                    .unwrap();
                let stdout = String::from_utf8_lossy(&out.stdout).trim().to_string();
                results.push((out.status.code(), stdout));
            }
            assert_eq!(
                results[0], results[1],
                "{who:?} {args}: observed vs enforced"
            );
            assert_eq!(results[0].1, *want, "{who:?} {args}");
            if want.is_empty() {
                assert_eq!(
                    results[0].0,
                    Some(128 + 31),
                    "{who:?} {args}: killed by SIGSYS"
                );
            }
        }
    }
}

#[test]
fn stops_of_a_forked_grandchild_are_reported() {
    for who in users() {
        let dir = scratch();
        let profile = write_profile(
            dir.path(),
            r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}"#,
        );
        let report = dir.path().join("r.json");
        let script = format!("sh -c 'mkdir {}/deep' ; echo done", dir.path().display());
        let out = seccompose(who)
            .arg("run")
            .arg(&profile)
            .arg("--report")
            .arg(&report)
            .args(["--", "sh", "-c", &script])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("Permission denied"),
            "{}",
            stderr(&out)
        );
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let events = json["events"].as_array().unwrap();
        assert!(
            events
                .iter()
                .any(|e| e["syscall"] == "mkdir" && e["errno"] == 13),
            "{events:?}"
        );
    }
}

#[test]
fn timeout_ends_the_whole_tree() {
    for (i, who) in users().into_iter().enumerate() {
        let dir = scratch();
        let profile = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
        let marker = format!("60.{}{i}", std::process::id());
        let script = format!("sleep {marker} & sh -c 'sleep {marker}' & sleep {marker}");
        let started = std::time::Instant::now();
        let out = seccompose(who)
            .arg("run")
            .arg(&profile)
            .args(["--timeout", "0.5", "--", "sh", "-c", &script])
            .output()
            .unwrap();
        assert!(
            started.elapsed().as_secs() < 30,
            "the timeout did not end the run"
        );
        assert_eq!(out.status.code(), Some(128 + 9), "{}", stderr(&out));
        assert!(stderr(&out).contains("timeout"), "{}", stderr(&out));
        assert_eq!(
            processes_with(&marker),
            Vec::<i32>::new(),
            "{who:?}: processes outlived the run"
        );
    }
}

#[test]
fn a_command_the_policy_cannot_start_is_not_run() {
    let dir = scratch();
    let profile = write_profile(
        dir.path(),
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["execve", "execveat"], "action": "SCMP_ACT_ERRNO"}]}"#,
    );
    for enforce in [false, true] {
        let mut cmd = seccompose(As::Me);
        cmd.arg("run").arg(&profile);
        if enforce {
            cmd.arg("--enforce");
        }
        let out = cmd.args(["--", "true"]).output().unwrap();
        assert_eq!(out.status.code(), Some(126), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("the command was not run: the profile denies execve (EPERM)"),
            "{}",
            stderr(&out)
        );
    }
    common::seccompose()
        .args(["run", "/nonexistent.json", "--", "true"])
        .assert()
        .code(1)
        .stderr(contains("cannot read"));
}

#[test]
fn recorded_profile_runs_the_command_and_nothing_more() {
    let dir = scratch();
    let recorded = dir.path().join("ls.json");
    let first = common::seccompose()
        .arg("record")
        .arg("-o")
        .arg(&recorded)
        .args(["--", "ls", "-la", "/"])
        .output()
        .unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    common::seccompose()
        .arg("check")
        .arg(&recorded)
        .assert()
        .success();
    let second = common::seccompose()
        .arg("run")
        .arg("--enforce")
        .arg(&recorded)
        .args(["--", "ls", "-la", "/"])
        .output()
        .unwrap();
    assert!(second.status.success(), "{}", stderr(&second));
    // /proc's link count and /tmp's times change from one moment to the next (other tests
    // write there); everything else must match.
    let stable = |o: &Output| -> Vec<String> {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| !l.ends_with(" proc") && !l.ends_with(" tmp"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(stable(&first), stable(&second));
    assert!(stable(&first).len() > 5);
    let denied = common::seccompose()
        .arg("run")
        .arg("--enforce")
        .arg(&recorded)
        .arg("--")
        .arg("mkdir")
        .arg(dir.path().join("new"))
        .output()
        .unwrap();
    assert_ne!(denied.status.code(), Some(0));
    assert!(!dir.path().join("new").exists());
}

#[test]
fn record_merges_into_a_base_profile() {
    let dir = scratch();
    let base = write_profile(
        dir.path(),
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "x-team": "web", "syscalls": [{"names": ["reboot"], "action": "SCMP_ACT_KILL_PROCESS"}]}"#,
    );
    let out = common::seccompose()
        .arg("record")
        .arg("--base")
        .arg(&base)
        .args(["--", "true"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\"x-team\": \"web\""), "{text}");
    assert!(
        text.contains("SCMP_ACT_KILL_PROCESS") && text.contains("\"execve\""),
        "{text}"
    );
}

/// Even SIGKILL of seccompose leaves nothing behind, as root and as an ordinary user: the
/// command runs in its own PID namespace (inside a user namespace for an ordinary user),
/// whose processes the kernel ends when seccompose's helper processes die with it.
#[test]
fn killing_seccompose_ends_the_whole_tree() {
    let dir = scratch();
    let profile = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
    for (i, who) in users().into_iter().enumerate() {
        for mode in ["observe", "--enforce", "record"] {
            let marker = format!("61.{}{i}", std::process::id());
            let script = format!("sleep {marker} & sleep {marker} & wait");
            let mut cmd = seccompose(who);
            match mode {
                "record" => cmd.args(["record", "-o", "/dev/null"]),
                "observe" => cmd.arg("run").arg(&profile),
                _ => cmd.arg("run").arg(&profile).arg(mode),
            };
            let mut child = cmd.args(["--", "sh", "-c", &script]).spawn().unwrap();
            let mut waited = 0;
            while processes_with(&marker).len() < 2 && waited < 1000 {
                std::thread::sleep(std::time::Duration::from_millis(20));
                waited += 1;
            }
            assert_eq!(
                processes_with(&marker).len(),
                2,
                "{who:?} {mode}: the command did not start"
            );
            child.kill().unwrap();
            child.wait().unwrap();
            let mut left = processes_with(&marker);
            for _ in 0..500 {
                if left.is_empty() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
                left = processes_with(&marker);
            }
            for pid in &left {
                // SAFETY: ending the escaped test processes so they do not linger.
                unsafe { libc::kill(*pid, libc::SIGKILL) };
            }
            assert_eq!(
                left,
                Vec::<i32>::new(),
                "{who:?} {mode}: processes outlived a SIGKILLed seccompose"
            );
        }
    }
}

/// `run` says which containment it used, in text and in JSON.
#[test]
fn the_report_names_the_containment() {
    let dir = scratch();
    let profile = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
    for who in users() {
        let report = dir.path().join(format!("{who:?}.json"));
        let out = seccompose(who)
            .arg("run")
            .arg(&profile)
            .arg("--report")
            .arg(&report)
            .args(["--", "true"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let (name, words) = match who {
            As::Me if unsafe { libc::getuid() } == 0 => {
                ("pid-namespace", "contained in a PID namespace")
            }
            _ => ("user+pid-namespace", "contained in a user + PID namespace"),
        };
        assert_eq!(json["containment"], name, "{who:?}");
        assert!(stderr(&out).contains(words), "{who:?}: {}", stderr(&out));
    }
}

#[test]
fn doctor_finds_user_notification_for_every_user() {
    for who in users() {
        let out = seccompose(who).arg("doctor").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{who:?}: {text}");
        assert!(
            text.contains("ok      user notification"),
            "{who:?}: {text}"
        );
        let user = match who {
            As::Me if unsafe { libc::getuid() } == 0 => "running as root",
            As::Me => "running as an ordinary user",
            As::Nobody => "running as an ordinary user",
        };
        assert!(text.contains(user), "{who:?}: {text}");
    }
}

/// A call newer than every name the profile has meets runc's -ENOSYS stub under the default
/// target (runc), so the program can fall back as it would under Docker; with `--runtime
/// none` the default action answers it. Observed mode gives the same answers.
#[test]
fn a_call_newer_than_the_profile_gets_enosys_under_runc() {
    if Arch::native() != Arch::X86_64 {
        common::skipped("the probe's syscall numbers are x86_64's");
        return;
    }
    let probe = common::probe::probe(false);
    // write=1, rt_sigaction=13, rt_sigreturn=15, execve=59, exit=60, exit_group=231 (the newest
    // name); tkill=200 is below it, fanotify_init=300 above.
    let profile_text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"],
        "syscalls": [{"names": ["write", "rt_sigaction", "rt_sigreturn", "execve", "exit", "exit_group"],
        "action": "SCMP_ACT_ALLOW"}]}"#;
    for who in users() {
        let dir = scratch();
        let profile = write_profile(dir.path(), profile_text);
        for (runtime, newer) in [(None, "errno 38"), (Some("none"), "errno 1")] {
            for enforce in [true, false] {
                let mut cmd = run_as(who, &profile, enforce);
                if let Some(r) = runtime {
                    cmd.args(["--runtime", r]);
                }
                let out = cmd
                    .arg("--")
                    .arg(&probe)
                    .args(["300", "0", "0", "0", "0", "0", "0"])
                    .args(["200", "0", "0", "0", "0", "0", "0"])
                    .output()
                    .unwrap();
                let stdout = String::from_utf8_lossy(&out.stdout);
                let lines: Vec<&str> = stdout.lines().collect();
                assert_eq!(
                    lines,
                    [newer, "errno 1"],
                    "{who:?} runtime {runtime:?} enforce {enforce}: {}",
                    stderr(&out)
                );
                // The report names what answered the newer call.
                if !enforce {
                    assert_eq!(
                        stderr(&out).contains("runc's ENOSYS stub"),
                        runtime.is_none(),
                        "{who:?} runtime {runtime:?}: {}",
                        stderr(&out)
                    );
                }
            }
        }
    }
}

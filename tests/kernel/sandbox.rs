//! `run` and `record` against the real kernel, as root and as an unprivileged user.

use crate::common;

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
    // seccompose's own failures are 125, as `docker run`'s are: never the command's status 1.
    common::seccompose()
        .args(["run", "/nonexistent.json", "--", "true"])
        .assert()
        .code(125)
        .stderr(contains("cannot read"));
    let broken = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_NOPE"}"#);
    let run = ["run".as_ref(), broken.as_os_str(), "--enforce".as_ref()];
    let record = ["record".as_ref(), "--base".as_ref(), broken.as_os_str()];
    for args in [run, record] {
        common::seccompose()
            .args(args)
            .args(["--", "true"])
            .assert()
            .code(125)
            .stderr(contains("SCMP_ACT_NOPE"));
    }
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
    let stable = |o: &Output| common::listing_without_tmp(&String::from_utf8_lossy(&o.stdout));
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

/// A profile that denies chmod but allows fchmodat: coreutils' chmod goes through fchmodat,
/// exactly as the real filter lets it (the mode changes), and the run lists the call apart
/// from the stops, with why; nothing else is routed. As root and as an ordinary user.
#[test]
fn a_sibling_that_does_a_denied_call_s_job_is_listed_as_gone_through() {
    use std::os::unix::fs::PermissionsExt;
    for who in users() {
        let dir = scratch();
        let profile = write_profile(
            dir.path(),
            "{\"defaultAction\": \"SCMP_ACT_ALLOW\",\n \"syscalls\": [{\"names\": [\"chmod\"], \"action\": \"SCMP_ACT_ERRNO\"}]}",
        );
        let report = dir.path().join("report.json");
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
        let out = run_as(who, &profile, false)
            .arg("--report")
            .arg(&report)
            .args(["--", "chmod", "600"])
            .arg(&file)
            .output()
            .unwrap();
        let err = stderr(&out);
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        match who {
            // nobody does not own the file: the kernel refuses, the filter does not.
            As::Nobody => assert_eq!(out.status.code(), Some(1), "{who:?}: {err}"),
            As::Me => {
                assert_eq!(out.status.code(), Some(0), "{who:?}: {err}");
                assert_eq!(mode, 0o600, "the call went on");
            }
        }
        assert!(
            err.contains("the policy stopped no syscall"),
            "{who:?}: {err}"
        );
        let why = "which does what chmod does; the draft denies chmod but allows fchmodat (the default action)";
        assert!(
            err.contains("seccompose: went through: fchmodat(dirfd=AT_FDCWD, pathname=")
                && err.contains(why),
            "{who:?}: {err}"
        );
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let through = json["went_through"].as_array().unwrap();
        let names: Vec<&str> = through
            .iter()
            .map(|t| t["syscall"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["fchmodat"],
            "{who:?}: only the watched sibling is routed"
        );
        assert!(json["summary"].as_array().unwrap().is_empty(), "{who:?}");
        // Enforced: the same filter, and no report of calls.
        let out = run_as(who, &profile, true)
            .args(["--", "chmod", "644"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(!stderr(&out).contains("went through"), "{who:?}");
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

/// The probe's arguments for socket(domain, SOCK_STREAM|SOCK_CLOEXEC, 0), as Python asks
/// (socket=41 on x86_64).
fn socket_call(domain: &str) -> Vec<String> {
    format!("41 {domain} 0x80001 0 0 0 0")
        .split(' ')
        .map(str::to_string)
        .collect()
}

/// Runs the probe enforced under `profile` with one socket call per domain; its output lines.
fn probe_sockets(mut cmd: std::process::Command, domains: &[&str]) -> (Vec<String>, Output) {
    cmd.arg("--").arg(common::probe::probe(false));
    for d in domains {
        cmd.args(socket_call(d));
    }
    let out = cmd.output().unwrap();
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    (lines, out)
}

/// The issue's scenario: a Python program opening an AF_INET6 socket.
const INET6: &str = "import socket; socket.socket(socket.AF_INET6); print(42)";

/// profiles/default.json without its socket rules: a profile that denies socket.
fn default_without_socket(dir: &std::path::Path) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/default.json");
    let mut p: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let rules = p["syscalls"].as_array_mut().unwrap();
    let before = rules.len();
    rules.retain(|r| !r["names"].as_array().unwrap().iter().any(|n| n == "socket"));
    assert!(rules.len() < before, "the default has socket rules");
    write_profile(dir, &serde_json::to_string(&p).unwrap())
}

fn record_with_base(base: &std::path::Path, out: &std::path::Path, code: &str) -> Output {
    let o = common::seccompose()
        .arg("record")
        .arg("--base")
        .arg(base)
        .arg("-o")
        .arg(out)
        // Without HOME, Python's start-up looks the user up through NSS, which opens
        // AF_UNIX sockets to nscd: a second socket family the recording would rightly add.
        .env("HOME", out.parent().unwrap_or(out))
        .args(["--", common::python3(), "-c", code])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

/// Recording under the default proposes nothing and changes nothing; under a profile that
/// denies socket it adds socket for AF_INET6 only, and the kernel then still denies
/// socket(AF_INET) (the probe, enforced, as root and as an ordinary user).
#[test]
fn record_proposes_only_what_the_base_stops_and_only_the_values_seen() {
    let dir = scratch();
    let default = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/default.json");
    let same = dir.path().join("same.json");
    let o = record_with_base(&default, &same, INET6);
    assert!(stderr(&o).contains("nothing to add"), "{}", stderr(&o));
    common::seccompose()
        .arg("diff")
        .arg(&default)
        .arg(&same)
        .assert()
        .code(0);

    let base = default_without_socket(dir.path());
    let narrowed = dir.path().join("narrowed.json");
    let o = record_with_base(&base, &narrowed, INET6);
    let err = stderr(&o);
    assert!(err.contains("+ socket: domain == AF_INET6"), "{err}");
    assert_eq!(
        err.matches("  + ").count(),
        1,
        "only socket is added: {err}"
    );
    // Every rule of the base is still there, in its place.
    let rules = |p: &std::path::Path| -> Vec<serde_json::Value> {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        v["syscalls"].as_array().unwrap().clone()
    };
    let (old, new) = (rules(&base), rules(&narrowed));
    assert_eq!(new[..old.len()], old[..]);
    assert_eq!(new.len(), old.len() + 1);

    // record writes the profile for its owner only; the ordinary user reads it too.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&narrowed, std::fs::Permissions::from_mode(0o644)).unwrap();
    for who in users() {
        let (lines, out) = probe_sockets(run_as(who, &narrowed, true), &["10", "2"]);
        assert_eq!(lines.len(), 2, "{who:?}: {}", stderr(&out));
        assert!(lines[0].starts_with("ok "), "{who:?} AF_INET6: {lines:?}");
        assert_eq!(lines[1], "errno 1", "{who:?} AF_INET stays denied");
    }
}

/// Commands recorded with no base run again enforced under their narrow profile with the
/// same output as bare; a Python run asking for another socket family is stopped.
#[test]
fn narrow_recorded_profiles_run_their_commands_and_stop_another_family() {
    let dir = scratch();
    std::fs::write(dir.path().join("a.txt"), "some text\n").unwrap();
    let tar = dir.path().join("a.tar");
    assert!(std::process::Command::new("tar")
        .current_dir(dir.path())
        .args(["-cf", "a.tar", "a.txt"])
        .status()
        .unwrap()
        .success());
    let commands: [(&str, Vec<&str>); 3] = [
        ("python", vec![common::python3(), "-c", INET6]),
        ("tar", vec!["tar", "-tvf", tar.to_str().unwrap()]),
        ("git", vec!["git", "--version"]),
    ];
    for (name, argv) in &commands {
        let profile = dir.path().join(format!("{name}.json"));
        let recorded = common::seccompose()
            .arg("record")
            .arg("-o")
            .arg(&profile)
            .arg("--")
            .args(argv)
            .output()
            .unwrap();
        assert!(recorded.status.success(), "{name}: {}", stderr(&recorded));
        let bare = std::process::Command::new(argv[0])
            .args(&argv[1..])
            .output()
            .unwrap();
        let enforced = common::seccompose()
            .arg("run")
            .arg("--enforce")
            .arg(&profile)
            .arg("--")
            .args(argv)
            .output()
            .unwrap();
        assert!(enforced.status.success(), "{name}: {}", stderr(&enforced));
        assert_eq!(enforced.stdout, bare.stdout, "{name}");
        assert!(!bare.stdout.is_empty(), "{name}");
    }
    let other = common::seccompose()
        .arg("run")
        .arg("--enforce")
        .arg(dir.path().join("python.json"))
        .args([
            "--",
            common::python3(),
            "-c",
            &INET6.replace("AF_INET6", "AF_INET"),
        ])
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(1), "{}", stderr(&other));
    assert!(
        stderr(&other).contains("PermissionError"),
        "{}",
        stderr(&other)
    );
    // --names-only gives today's output: socket by name, so AF_INET goes through.
    let by_name = dir.path().join("by-name.json");
    let o = common::seccompose()
        .args(["record", "--names-only", "-o"])
        .arg(&by_name)
        .args(["--", common::python3(), "-c", INET6])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&by_name).unwrap();
    assert!(!text.contains("\"args\""), "{text}");
    common::seccompose()
        .arg("run")
        .arg("--enforce")
        .arg(&by_name)
        .args([
            "--",
            common::python3(),
            "-c",
            &INET6.replace("AF_INET6", "AF_INET"),
        ])
        .assert()
        .success()
        .stdout("42\n");
}

/// `merge` of two recordings of the probe (socket AF_INET6, socket AF_INET): both calls go
/// through under the union in the kernel, AF_UNIX does not, the two narrow socket rules stay
/// two, and a disagreement of default actions is said while the first file's is kept.
#[test]
fn merge_unions_recordings_rule_by_rule_without_widening() {
    let dir = scratch();
    let probe = common::probe::probe(false);
    let record = |domain: &str| {
        let out = dir.path().join(format!("socket-{domain}.json"));
        let o = common::seccompose()
            .arg("record")
            .arg("-o")
            .arg(&out)
            .arg("--")
            .arg(&probe)
            .args(socket_call(domain))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        out
    };
    let (six, four) = (record("10"), record("2"));
    let merged = dir.path().join("merged.json");
    let o = common::seccompose()
        .arg("merge")
        .arg(&six)
        .arg(&four)
        .arg("-o")
        .arg(&merged)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&merged).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let socket_rules: Vec<&serde_json::Value> = v["syscalls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["names"] == serde_json::json!(["socket"]))
        .collect();
    assert_eq!(socket_rules.len(), 2, "{text}");
    assert!(socket_rules
        .iter()
        .all(|r| r["args"].as_array().unwrap().len() == 3));
    let (lines, out) = probe_sockets(run_as(As::Me, &merged, true), &["10", "2", "1"]);
    assert_eq!(lines.len(), 3, "{}", stderr(&out));
    assert!(
        lines[0].starts_with("ok ") && lines[1].starts_with("ok "),
        "{lines:?}"
    );
    assert_eq!(lines[2], "errno 1", "AF_UNIX: neither recording made it");

    let strict = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/strict.json");
    let o = common::seccompose()
        .arg("merge")
        .arg(&six)
        .arg(&strict)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("has default action SCMP_ACT_KILL_PROCESS"),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["defaultAction"], "SCMP_ACT_ERRNO");
}

/// `run` and `record` say once that they run as root, as the editor does; as an ordinary user
/// they say nothing of it.
#[test]
fn runs_as_root_say_so() {
    let dir = scratch();
    let profile = write_profile(dir.path(), r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#);
    for who in users() {
        // SAFETY: geteuid has no preconditions.
        let root = matches!(who, As::Me) && unsafe { libc::geteuid() } == 0;
        for verb in ["run", "record"] {
            let mut cmd = seccompose(who);
            if verb == "run" {
                cmd.arg("run").arg(&profile);
            } else {
                cmd.args(["record", "-o", "/dev/null"]);
            }
            let out = cmd.args(["--", "true"]).output().unwrap();
            let said = stderr(&out).matches("running as root").count();
            assert_eq!(said, usize::from(root), "{who:?} {verb}: {}", stderr(&out));
        }
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

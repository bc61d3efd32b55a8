//! runc's semantics in the compiled filter, checked through `explain` (the BPF emulator),
//! and the 32-bit part of a multi-arch filter checked in the kernel with an i386 program.

use crate::common;

use predicates::str::contains;
use seccompose::bpf::{self, Program};
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Arch, Target};
use std::path::PathBuf;

fn profile_file(dir: &tempfile::TempDir, text: &str) -> PathBuf {
    let p = dir.path().join("p.json");
    std::fs::write(&p, text).unwrap();
    p
}

/// `explain --json` for one call; returns (action, errno, rule index).
fn explain(
    file: &std::path::Path,
    call: &[&str],
    extra: &[&str],
) -> (String, Option<u64>, Option<u64>) {
    let args: Vec<&str> = call.iter().chain(extra).copied().collect();
    let v = common::explain_json(file, &args);
    assert!(!v["path"].as_array().unwrap().is_empty());
    (
        v["action"].as_str().unwrap().to_string(),
        v["errno"].as_u64(),
        v["rule"]["index"].as_u64(),
    )
}

#[test]
fn two_conditions_on_one_argument_are_ored() {
    let dir = tempfile::tempdir().unwrap();
    let file = profile_file(
        &dir,
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["personality"], "action": "SCMP_ACT_ALLOW",
            "args": [{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}, {"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}"#,
    );
    assert_eq!(
        explain(&file, &["personality", "0"], &[]).0,
        "SCMP_ACT_ALLOW"
    );
    assert_eq!(
        explain(&file, &["personality", "8"], &[]),
        ("SCMP_ACT_ALLOW".into(), None, Some(0))
    );
    assert_eq!(
        explain(&file, &["personality", "9"], &[]),
        ("SCMP_ACT_ERRNO".into(), Some(1), None)
    );
    // Different indices AND.
    let file = profile_file(
        &dir,
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["socket"], "action": "SCMP_ACT_ALLOW",
            "args": [{"index": 0, "value": 2, "op": "SCMP_CMP_EQ"}, {"index": 1, "value": 1, "op": "SCMP_CMP_EQ"}]}]}"#,
    );
    assert_eq!(
        explain(&file, &["socket", "AF_INET", "SOCK_STREAM"], &[]).0,
        "SCMP_ACT_ALLOW"
    );
    assert_eq!(
        explain(&file, &["socket", "AF_INET", "SOCK_DGRAM"], &[]).0,
        "SCMP_ACT_ERRNO"
    );
    assert_eq!(
        explain(&file, &["socket", "AF_INET6", "SOCK_STREAM"], &[]).0,
        "SCMP_ACT_ERRNO"
    );
}

#[test]
fn includes_caps_min_kernel_and_arches_follow_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let file = profile_file(
        &dir,
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
            "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]},
                        {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}],
            "syscalls": [
              {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
              {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
              {"names": ["setns"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
              {"names": ["sync"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64"]}},
              {"names": ["chown"], "action": "SCMP_ACT_KILL"}
            ]}"#,
    );
    assert_eq!(
        explain(&file, &["mount"], &[]),
        ("SCMP_ACT_ERRNO".into(), Some(38), None)
    );
    assert_eq!(
        explain(&file, &["mount"], &["--cap", "CAP_SYS_ADMIN"]).0,
        "SCMP_ACT_ALLOW"
    );
    assert_eq!(
        explain(&file, &["mount"], &["--cap", "sys_admin"]).2,
        Some(0)
    );
    assert_eq!(explain(&file, &["setns"], &[]).0, "SCMP_ACT_ALLOW");
    assert_eq!(
        explain(&file, &["setns"], &["--cap", "CAP_SYS_ADMIN"]).0,
        "SCMP_ACT_ERRNO"
    );
    assert_eq!(
        explain(&file, &["ptrace"], &["--kernel", "4.4"]).0,
        "SCMP_ACT_ERRNO"
    );
    assert_eq!(
        explain(&file, &["ptrace"], &["--kernel", "4.8"]).0,
        "SCMP_ACT_ALLOW"
    );
    assert_eq!(
        explain(&file, &["ptrace"], &["--kernel", "6.1"]).0,
        "SCMP_ACT_ALLOW"
    );
    assert_eq!(
        explain(&file, &["sync"], &["--host-arch", "x86_64"]).0,
        "SCMP_ACT_ALLOW"
    );
    assert_eq!(
        explain(&file, &["sync"], &["--host-arch", "aarch64"]).0,
        "SCMP_ACT_ERRNO"
    );
    // SCMP_ACT_KILL is kill-thread.
    assert_eq!(explain(&file, &["chown"], &[]).0, "SCMP_ACT_KILL_THREAD");
}

#[test]
fn runtime_defaults_cover_three_arches_and_the_newest_calls() {
    for path in common::runtime_defaults() {
        runtime_default_covers_three_arches_and_the_newest_calls(&path);
    }
}

fn runtime_default_covers_three_arches_and_the_newest_calls(path: &std::path::Path) {
    let p = profile::load(path, &Catalog).unwrap().profile.unwrap();
    // runc with a libseccomp that knows the newest calls: this machine's may not, and seccompose
    // compiles them by number.
    let target = Target {
        libseccomp: profile::LibseccompVersion::parse("2.6.0").unwrap(),
        ..Target::host()
    };
    let compiled = compile::build(&p, &target, &Options::default()).unwrap();
    assert_eq!(compiled.arches, vec![Arch::X86_64, Arch::X86, Arch::X32]);
    assert!(
        compiled.instruction_count() <= 4096,
        "{}",
        compiled.instruction_count()
    );
    assert!(compiled.tree, "over 8 rules: runc uses the binary tree");
    // runc's stub first, seccompose's own block (names this machine's libseccomp lacks) last:
    // its range moved with the stub, so it still ends with the default action's return.
    if !compiled.own.is_empty() {
        assert!(
            compiled.stub.range.end <= compiled.own.start,
            "{:?}",
            compiled.stub
        );
        let program = Program::from_bytes(&compiled.bpf).unwrap();
        let last = program.insns[compiled.own.end - 1];
        assert_eq!(
            seccompose::bpf::RetAction::from_raw(last.k),
            seccompose::bpf::RetAction::Errno(1)
        );
    }
    let plan = compile::plan(&p, &target);
    let program = Program::from_bytes(&compiled.bpf).unwrap();
    program.validate().unwrap();
    for arch in [Arch::X86_64, Arch::X86, Arch::X32] {
        for name in [
            "mseal",
            "listmount",
            "statmount",
            "setxattrat",
            "getxattrat",
            "openat",
            "read",
        ] {
            let ex = compile::explain(&compiled, &plan, arch, name, [0; 6]).unwrap();
            assert!(
                ex.action.allows(),
                "{}: {name} on {arch}: {:?}",
                path.display(),
                ex.action
            );
        }
        let ex = compile::explain(&compiled, &plan, arch, "kexec_load", [0; 6]).unwrap();
        assert!(
            !ex.action.allows(),
            "{}: kexec_load on {arch}",
            path.display()
        );
    }
    // The same rules without the newest calls: they fall to the default, so the allows above
    // really come from the profile's rules.
    let mut stripped = p.clone();
    for rule in stripped.syscalls.iter_mut().flatten() {
        if let Some(profile::Names::List(names)) = &mut rule.names {
            names.retain(|n| n != "mseal");
        }
    }
    let c2 = compile::build(&stripped, &target, &Options::default()).unwrap();
    let ex = compile::explain(
        &c2,
        &compile::plan(&stripped, &target),
        Arch::X86,
        "mseal",
        [0; 6],
    )
    .unwrap();
    assert!(!ex.action.allows());
    // Under runc with libseccomp 2.5.4, mseal is skipped and runc's stub answers it.
    let old = Target {
        libseccomp: profile::LibseccompVersion::parse("2.5.4").unwrap(),
        ..Target::host()
    };
    let c3 = compile::build(&p, &old, &Options::default()).unwrap();
    let plan3 = compile::plan(&p, &old);
    let ex = compile::explain(&c3, &plan3, Arch::X86_64, "mseal", [0; 6]).unwrap();
    assert_eq!(ex.action, seccompose::bpf::RetAction::Errno(38));
    assert!(ex.stub.is_some() && ex.skipped.iter().any(|s| s.name == "mseal"));
}

#[test]
fn every_corpus_program_disassembles_cleanly() {
    for path in common::corpus() {
        let p = profile::load(&path, &Catalog).unwrap().profile.unwrap();
        for layout in [compile::Layout::Linear, compile::Layout::Tree] {
            let built = compile::build(
                &p,
                &Target::host(),
                &Options {
                    layout,
                    observe: false,
                },
            );
            let Ok(compiled) = built else {
                assert!(common::runc_refuses(&p), "{}: {built:?}", path.display());
                continue;
            };
            let program = Program::from_bytes(&compiled.bpf).unwrap();
            program.validate().unwrap();
            for line in bpf::disassemble(&program) {
                assert!(
                    !line.text.contains("invalid") && !line.text.contains("???"),
                    "{}: {}",
                    path.display(),
                    line.text
                );
            }
        }
    }
}

#[test]
fn libseccomp_errors_point_at_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let file = profile_file(
        &dir,
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [\n  {\"names\": [\"getpid\"], \"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]},\n  {\"names\": [\"getpid\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]}",
    );
    common::seccompose()
        .arg("compile")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains(
            "p.json:3:3: error: libseccomp rejected syscalls[1] (getpid on x86_64)",
        ));
}

#[test]
fn raw_bpf_output_is_the_sock_filter_array() {
    let dir = tempfile::tempdir().unwrap();
    let file = profile_file(
        &dir,
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ERRNO"}]}"#,
    );
    let out = dir.path().join("f.bpf");
    common::seccompose()
        .arg("compile")
        .arg(&file)
        .args(["--format", "bpf", "-o"])
        .arg(&out)
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(bytes.len() % 8, 0);
    let program = Program::from_bytes(&bytes).unwrap();
    program.validate().unwrap();
    let pfc = common::seccompose()
        .arg("compile")
        .arg(&file)
        .args(["--format", "pfc"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&pfc.stdout).contains("if ($syscall == 83)"));
    let dis = common::seccompose()
        .arg("compile")
        .arg(&file)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&dis.stdout).contains("if (A == mkdir)"));
}

/// The i386 part of an x86_64+x86 filter, in the kernel: a 32-bit program under `run`.
#[test]
fn i386_section_matches_the_kernel() {
    let probe32 = common::probe::probe(true);
    let dir = tempfile::tempdir().unwrap();
    // i386: getuid32=199, geteuid32=201, getppid=64, getpid=20.
    let file = profile_file(
        &dir,
        r#"{"defaultAction": "SCMP_ACT_ALLOW",
            "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
            "syscalls": [
              {"names": ["getuid32"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
              {"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 22, "args": [{"index": 0, "value": 7, "op": "SCMP_CMP_GT"}]},
              {"names": ["mseal"], "action": "SCMP_ACT_ERRNO", "errnoRet": 95}
            ]}"#,
    );
    for (call, name, args) in [
        ("199 0 0 0 0 0 0", "getuid32", None),
        ("201 0 0 0 0 0 0", "geteuid32", None),
        ("64 8 0 0 0 0 0", "getppid", Some("8")),
        ("64 7 0 0 0 0 0", "getppid", Some("7")),
        ("462 0 0 0 0 0 0", "mseal", None),
    ] {
        let mut what = vec![name];
        what.extend(args);
        let (action, errno, _) = explain(&file, &what, &["--arch", "x86"]);
        let unfiltered = std::process::Command::new(&probe32)
            .args(call.split(' '))
            .output()
            .unwrap();
        let want = match action.as_str() {
            "SCMP_ACT_ERRNO" => format!("errno {}", errno.unwrap()),
            "SCMP_ACT_ALLOW" => String::from_utf8_lossy(&unfiltered.stdout)
                .trim()
                .to_string(),
            other => panic!("unexpected {other}"),
        };
        for enforce in [true, false] {
            let mut cmd = common::seccompose();
            cmd.arg("run").arg(&file);
            if enforce {
                cmd.arg("--enforce");
            }
            let out = cmd
                .arg("--")
                .arg(&probe32)
                .args(call.split(' '))
                .output()
                .unwrap();
            let got = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert_eq!(
                got,
                want,
                "{call} (enforce={enforce}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// The observed-mode program notifies exactly the calls the real one does not allow, except
/// TRAP and KILL, which stay with the kernel (observed through ptrace).
#[test]
fn observe_variant_notifies_exactly_the_stops() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
        {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"},
        {"names": ["mkdir"], "action": "SCMP_ACT_KILL_PROCESS"},
        {"names": ["getpid"], "action": "SCMP_ACT_LOG"},
        {"names": ["getppid"], "action": "SCMP_ACT_TRAP"},
        {"names": ["getuid"], "action": "SCMP_ACT_KILL"},
        {"names": ["gettid"], "action": "SCMP_ACT_TRACE"},
        {"names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}"#;
    let p = profile::parse(text, &Catalog).profile.unwrap();
    let target = Target::host();
    let real = Program::from_bytes(
        &compile::build(&p, &target, &Options::default())
            .unwrap()
            .bpf,
    )
    .unwrap();
    let observed = compile::observe_variant(&real);
    // Only a check for attach-like ptrace calls is appended (ptrace is not allowed here).
    let mut stops = 0;
    for s in Catalog
        .syscalls()
        .iter()
        .filter(|s| s.number(Arch::X86_64).is_some())
    {
        for arg in [0u64, 8] {
            let data = bpf::SeccompData::new(
                Arch::X86_64,
                s.number(Arch::X86_64).unwrap(),
                [arg, 0, 0, 0, 0, 0],
            );
            let (r, o) = (
                bpf::RetAction::from_raw(bpf::run(&real, &data)),
                bpf::RetAction::from_raw(bpf::run(&observed, &data)),
            );
            if matches!(
                r,
                bpf::RetAction::Allow
                    | bpf::RetAction::Trap(_)
                    | bpf::RetAction::KillThread
                    | bpf::RetAction::KillProcess
            ) {
                assert_eq!(o, r, "{}", s.name());
            } else {
                assert_eq!(o, bpf::RetAction::UserNotif, "{} ({r:?})", s.name());
                stops += 1;
            }
        }
    }
    assert!(stops > 500);
}

/// A profile whose filter cannot fit the kernel's 4,096 instructions (20,000 values compared)
/// is refused by every command that compiles it, with the same reason, before libseccomp
/// spends minutes on it (88 s for compile before the bound); lint reports it as an error.
#[test]
fn a_filter_too_long_for_the_kernel_is_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.json");
    let rules: Vec<String> = (0..20_000)
        .map(|v| format!(r#"{{"names":["ioctl"],"action":"SCMP_ACT_ALLOW","args":[{{"index":1,"value":{v},"op":"SCMP_CMP_EQ"}}]}}"#))
        .collect();
    let text = format!(
        r#"{{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{}]}}"#,
        rules.join(",")
    );
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    let commands: [(&[&str], i32); 4] = [
        (&["compile", f, "-o", "/dev/null"], 1),
        (&["explain", f, "ioctl"], 1),
        (&["lint", f], 1),
        (&["run", "--enforce", f, "--", "true"], 125),
    ];
    for (args, code) in commands {
        let out = common::seccompose().args(args).output().unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(code), "{args:?}: {all}");
        assert!(
            all.contains("at least 20000 instructions, more than the kernel's limit of 4096"),
            "{args:?}: {all}"
        );
        if args[0] == "lint" {
            assert!(
                all.contains("huge.json: 1 error, "),
                "counted in the singular: {all}"
            );
        }
    }
}

/// `explain` reads back what it prints: `AT_FDCWD`, and negative numbers without `--`.
#[test]
fn explain_reads_at_fdcwd_and_negative_numbers_on_the_command_line() {
    let file = common::fixture("deny-mkdir.json");
    for args in [
        &["openat", "AT_FDCWD", "0", "0"][..],
        &["openat", "-100", "0", "0"],
    ] {
        let out = common::seccompose()
            .arg("explain")
            .arg(&file)
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            text.starts_with("openat(dirfd=AT_FDCWD,"),
            "{args:?}: {text}"
        );
    }
}

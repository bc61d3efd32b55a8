//! `lint` through the real binary: exit codes, the text and JSON formats, target options, and
//! every real-world profile of the corpus.

use crate::common;

use predicates::str::contains;
use serde_json::Value;
use std::path::Path;

/// Runs `lint` on `text` saved as p.json, with a fixed kernel (and x86_64 unless `extra` names
/// an architecture) so results do not follow the host.
fn lint(text: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::write(&file, text).unwrap();
    let arch: &[&str] = if extra.contains(&"--arch") {
        &[]
    } else {
        &["--arch", "x86_64"]
    };
    common::seccompose()
        .current_dir(dir.path())
        .args(["lint", "p.json", "--kernel", "6.1"])
        .args(arch)
        .args(extra)
        .assert()
}

fn stdout_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

const CHMOD_ONLY: &str = r#"{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    {"names": ["chmod"], "action": "SCMP_ACT_ERRNO"}
  ]
}"#;

/// What a dynamically linked program needs to start and exit (startup-missing is silent).
const CLEAN: &str = r#"{
  "defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [
    {"names": ["execve", "read", "write", "exit_group", "brk", "arch_prctl", "mmap", "mprotect", "munmap", "openat", "pread64", "close", "newfstatat"], "action": "SCMP_ACT_ALLOW"}
  ]
}"#;

#[test]
fn clean_profile_exits_zero_and_prints_nothing() {
    lint(CLEAN, &[])
        .success()
        .stdout("")
        .stderr(contains("0 errors, 0 warnings, 0 notes"));
}

#[test]
fn notes_alone_exit_zero() {
    let text = CLEAN.replace("\"exit_group\"", "\"exit_group\", \"riscv_hwprobe\"");
    // A libseccomp that resolves riscv_hwprobe (2.5.6 and newer).
    lint(&text, &["--libseccomp", "2.6.0"])
        .success()
        .stdout(contains(
            "p.json:4:5: note[not-on-arch]: syscalls[0] names riscv_hwprobe",
        ));
}

#[test]
fn warnings_exit_one_in_compiler_format() {
    let a = lint(CHMOD_ONLY, &[]).code(1);
    let out = stdout_of(&a);
    assert!(
        out.contains(
            "p.json:4:5: warning[incomplete-block]: syscalls[0] blocks chmod with SCMP_ACT_ERRNO (EPERM), but fchmod, fchmodat and fchmodat2"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "\n  help: block fchmod, fchmodat and fchmodat2 too: add them to syscalls[0].names\n"
        ),
        "{out}"
    );
    // Every finding is a located line followed by its help line.
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len() % 2, 0, "{out}");
    for pair in lines.chunks(2) {
        assert!(pair[0].starts_with("p.json:"), "{}", pair[0]);
        assert!(pair[1].starts_with("  help: "), "{}", pair[1]);
    }
}

#[test]
fn json_lists_every_finding_with_its_fields() {
    let a = lint(CHMOD_ONLY, &["--json"]).code(1);
    let items: Value = serde_json::from_str(&stdout_of(&a)).unwrap();
    let items = items.as_array().expect("an array");
    assert!(!items.is_empty());
    for item in items {
        let obj = item.as_object().expect("objects");
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["col", "fix", "help", "id", "line", "message", "rule", "severity", "syscalls"]
        );
        assert!(["note", "warning", "error"].contains(&obj["severity"].as_str().unwrap()));
        assert!(obj["line"].as_u64().unwrap() >= 1 && obj["col"].as_u64().unwrap() >= 1);
        assert!(obj["syscalls"].is_array());
    }
    let block = items
        .iter()
        .find(|i| i["id"] == "incomplete-block")
        .expect("the chmod hole");
    assert_eq!(
        (block["line"].as_u64(), block["col"].as_u64()),
        (Some(4), Some(5))
    );
    assert_eq!(block["syscalls"][0], "chmod");
    assert_eq!(block["rule"], 0);
    // Same findings as the text form, in the same order.
    let text = stdout_of(&lint(CHMOD_ONLY, &[]));
    let ids: Vec<String> = items
        .iter()
        .map(|i| format!("[{}]", i["id"].as_str().unwrap()))
        .collect();
    let text_ids: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with("  help"))
        .map(|l| l[l.find('[').unwrap()..=l.find(']').unwrap()].to_string())
        .collect();
    assert_eq!(ids, text_ids);
}

#[test]
fn invalid_profile_reports_check_errors_and_exits_one() {
    lint("{\"defaultAction\": \"SCMP_ACT_DENY\"}", &[])
        .code(1)
        .stdout(contains(
            "p.json:1:19: error[invalid]: unknown action \"SCMP_ACT_DENY\"",
        ));
}

#[test]
fn unknown_syscall_says_runc_skips_it_not_that_docker_rejects_it() {
    let text = CHMOD_ONLY.replace(r#"["chmod"]"#, r#"["chmodd"]"#);
    let a = lint(&text, &[]).code(1);
    let out = stdout_of(&a);
    assert!(
        out.contains("p.json:4:16: error[unknown-syscall]: unknown syscall \"chmodd\""),
        "{out}"
    );
    for words in [
        "runc skips the name (a debug log line, no error)",
        "the rule does nothing for it",
        "did you mean \"chmod\"?",
        "help: correct the spelling: runc skips a name its libseccomp cannot resolve",
    ] {
        assert!(out.contains(words), "{words:?} in {out}");
    }
    assert!(!out.contains("rejects"), "{out}");
}

#[test]
fn usage_errors_exit_two() {
    common::seccompose().arg("lint").assert().code(2);
    common::seccompose()
        .args(["lint", "/nonexistent/p.json"])
        .assert()
        .code(2)
        .stderr(contains("cannot read the file"));
    lint(CLEAN, &["--kernel", "banana"])
        .code(2)
        .stderr(contains("--kernel"));
    lint(CLEAN, &["--cap", "CAP_NOPE"])
        .code(2)
        .stderr(contains("CAP_NOPE"));
}

#[test]
fn capabilities_activate_rules() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
      {"names": ["execve", "read", "exit_group", "brk", "arch_prctl", "mmap", "mprotect", "munmap", "openat", "pread64", "close", "newfstatat"], "action": "SCMP_ACT_ALLOW"},
      {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}}]}"#;
    lint(text, &[]).success().stdout("");
    lint(text, &["--cap", "sys_admin"])
        .success()
        .stdout(contains(
            "note[dangerous-allow]: syscalls[1] allows mount (only with CAP_SYS_ADMIN)",
        ));
}

#[test]
fn architectures_change_what_exists() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
      {"names": ["execve", "openat", "read"], "action": "SCMP_ACT_ALLOW"},
      {"names": ["open", "creat"], "action": "SCMP_ACT_KILL_PROCESS"}]}"#;
    let out = stdout_of(&lint(text, &["--arch", "aarch64"]).code(1));
    assert!(
        out.contains("note[not-on-arch]: syscalls[1] names open and creat"),
        "{out}"
    );
    assert!(
        out.contains("open and creat do not even exist on aarch64"),
        "{out}"
    );
    // On x86_64 the same rule blocks calls that exist: the hole is openat alone.
    let out = stdout_of(&lint(text, &[]).code(1));
    assert!(!out.contains("[not-on-arch]"), "{out}");
    assert!(
        out.contains("warning[incomplete-block]: syscalls[1] blocks open and creat"),
        "{out}"
    );
}

#[test]
fn several_architectures_say_which_one_a_finding_is_for() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
      {"names": ["execve", "open", "riscv_hwprobe", "read", "exit_group", "brk", "arch_prctl", "mmap", "mprotect", "munmap", "openat", "pread64", "close", "newfstatat"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let out = stdout_of(
        &lint(
            text,
            &[
                "--arch",
                "x86_64",
                "--arch",
                "riscv64",
                "--libseccomp",
                "2.6.0",
            ],
        )
        .success(),
    );
    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with("  help")).collect();
    assert_eq!(lines.len(), 2, "{out}");
    let on = |name: &str, arch: &str| {
        lines
            .iter()
            .any(|l| l.contains(&format!("names {name}")) && l.ends_with(&format!("(on {arch})")))
    };
    assert!(
        on("riscv_hwprobe", "x86_64") && on("open", "riscv64"),
        "{out}"
    );
}

fn lint_file(path: &Path, json: bool) -> (i32, String) {
    let mut cmd = common::seccompose();
    cmd.args(["lint", "--kernel", "6.1", "--arch", "x86_64"])
        .arg(path);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().expect("exited, not killed"),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn corpus_lints_without_panicking_and_with_stable_output() {
    for path in common::corpus() {
        let name = path.display().to_string();
        let (code, text) = lint_file(&path, false);
        assert!(code == 0 || code == 1, "{name}: exit {code}");
        for line in text.lines() {
            let located = line.starts_with(&format!("{name}:"))
                && ["note[", "warning[", "error["]
                    .iter()
                    .any(|s| line.contains(s));
            assert!(located || line.starts_with("  help: "), "{name}: {line}");
        }
        assert_eq!(
            lint_file(&path, false),
            (code, text.clone()),
            "{name}: unstable text"
        );
        let (json_code, json) = lint_file(&path, true);
        assert_eq!(json_code, code, "{name}");
        let items: Vec<Value> = serde_json::from_str(&json).unwrap();
        assert_eq!(items.len() * 2, text.lines().count(), "{name}");
    }
}

#[test]
fn runtime_defaults_have_no_holes() {
    for path in common::runtime_defaults() {
        let name = path.display().to_string();
        let (_, json) = lint_file(&path, true);
        let items: Vec<Value> = serde_json::from_str(&json).unwrap();
        let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        for absent in [
            "incomplete-block",
            "shadowed-rule",
            "conflicting-rules",
            "exec-blocked",
            "invalid",
        ] {
            assert!(!ids.contains(&absent), "{name}: {absent} in {ids:?}");
        }
        // Docker writes "x86" where runc compares the Go name "386"; the fixture writes "386".
        assert_eq!(
            ids.contains(&"arch-never-matches"),
            common::is_moby_default(&path),
            "{name}: {ids:?}"
        );
        // ptrace is allowed on purpose from kernel 4.8: advice, not a warning.
        let ptrace = items
            .iter()
            .find(|i| i["id"] == "dangerous-allow" && i["syscalls"][0] == "ptrace")
            .unwrap_or_else(|| panic!("{name}: ptrace is reported"));
        assert_eq!(ptrace["severity"], "note", "{name}");
    }
}

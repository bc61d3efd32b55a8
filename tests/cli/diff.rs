//! `seccompose diff` compares effects, not text.

use crate::common;

use predicates::str::contains;

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn the_same_effect_in_other_words_is_no_difference() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.json",
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"}, {"names": ["ptrace"], "action": "SCMP_ACT_KILL"}]}"#,
    );
    let b = write(
        dir.path(),
        "b.json",
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1, "syscalls": [
            {"names": ["write"], "action": "SCMP_ACT_ALLOW"},
            {"names": ["mkdir"], "action": "SCMP_ACT_ERRNO"},
            {"names": ["ptrace"], "action": "SCMP_ACT_KILL_THREAD"},
            {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}"#,
    );
    common::seccompose()
        .args(["diff"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout(contains("do the same"));
}

#[test]
fn a_different_effect_is_named_per_syscall_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.json",
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ERRNO"}]}"#,
    );
    let b = write(
        dir.path(),
        "b.json",
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}"#,
    );
    common::seccompose()
        .args(["diff"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1)
        .stdout(contains("mkdir: SCMP_ACT_ERRNO(1) -> SCMP_ACT_ERRNO(13)"))
        .stdout(contains("mkdirat: SCMP_ACT_ALLOW -> SCMP_ACT_ERRNO(13)"));
    let out = common::seccompose()
        .args(["diff", "--json"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["equal"], false);
    assert_eq!(v["syscalls"].as_array().unwrap().len(), 2);
    common::seccompose()
        .args(["diff"])
        .arg(&a)
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2);
}

#[test]
fn fmt_keeps_the_effect_of_every_profile() {
    for path in common::corpus() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy.json");
        std::fs::copy(&path, &copy).unwrap();
        let mut perms = std::fs::metadata(&copy).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&copy, perms).unwrap();
        common::seccompose()
            .arg("fmt")
            .arg(&copy)
            .assert()
            .success();
        common::seccompose()
            .arg("diff")
            .arg(&path)
            .arg(&copy)
            .assert()
            .success();
    }
}

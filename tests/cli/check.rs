//! `check` on bad input: exit code, position and wording of each diagnostic.

use crate::common;

use predicates::str::contains;

/// Writes `text` to a temporary file and runs `check` on it.
fn check(text: &[u8]) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::write(&file, text).unwrap();
    let assert = common::seccompose().arg("check").arg(&file).assert();
    drop(dir);
    assert
}

/// The one line `check` prints for a file with nothing to say, as lint does: the counts.
fn clean() -> impl predicates::Predicate<str> {
    use predicates::prelude::*;
    predicates::str::ends_with("p.json: 0 errors, 0 warnings, 0 notes\n").and(
        predicates::function::function(|s: &str| s.lines().count() == 1),
    )
}

/// Asserts exit 1 and a diagnostic `p.json:LINE:COL: SEVERITY: ...WORDS...`.
fn rejects(text: &str, at: &str, words: &[&str]) {
    let mut a = check(text.as_bytes())
        .code(1)
        .stderr(contains(format!("p.json:{at}: error: ")));
    for w in words {
        a = a.stderr(contains(*w));
    }
}

#[test]
fn valid_profile_exits_zero() {
    check(br#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ERRNO"}]}"#)
        .success()
        .stderr(clean());
}

#[test]
fn syntax_error_reports_serde_position() {
    rejects(
        "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\" \"x\"\n}\n",
        "2:37",
        &["invalid JSON: expected `,` or `}`"],
    );
}

#[test]
fn wrong_type() {
    rejects(
        "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [{\"names\": \"mkdir\", \"action\": \"SCMP_ACT_ALLOW\"}]\n}",
        "3:26",
        &["syscalls[0].names must be an array, found a string"],
    );
}

#[test]
fn unknown_action_lists_valid_ones() {
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_DENY\"}",
        "1:19",
        &[
            "unknown action \"SCMP_ACT_DENY\" at defaultAction",
            "SCMP_ACT_ALLOW",
            "SCMP_ACT_KILL_PROCESS",
        ],
    );
}

#[test]
fn unknown_operator() {
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [\n {\"names\": [\"personality\"], \"action\": \"SCMP_ACT_ERRNO\",\n  \"args\": [{\"index\": 0, \"value\": 8, \"op\": \"SCMP_CMP_EQUAL\"}]}]}",
        "3:43",
        &["unknown operator \"SCMP_CMP_EQUAL\" at syscalls[0].args[0].op", "SCMP_CMP_MASKED_EQ"],
    );
}

#[test]
fn unknown_architecture() {
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\",\n\"architectures\": [\"SCMP_ARCH_X86_64\", \"SCMP_ARCH_AMD64\"]}",
        "2:39",
        &["unknown architecture \"SCMP_ARCH_AMD64\" at architectures[1]", "SCMP_ARCH_AARCH64"],
    );
}

#[test]
fn argument_index_out_of_range() {
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 6, \"value\": 0, \"op\": \"SCMP_CMP_EQ\"}]}]}",
        "1:117",
        &["syscalls[0].args[0].index is 6", "0..5"],
    );
}

#[test]
fn name_and_names_together() {
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [\n  {\"name\": \"read\", \"names\": [\"write\"], \"action\": \"SCMP_ACT_ERRNO\"}]}",
        "2:12",
        &["syscalls[0] has both \"name\" and \"names\""],
    );
}

#[test]
fn architectures_and_arch_map_together() {
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\",\n \"architectures\": [\"SCMP_ARCH_X86_64\"],\n \"archMap\": [{\"architecture\": \"SCMP_ARCH_X86_64\"}]}",
        "3:13",
        &["\"architectures\" and \"archMap\" cannot be used together"],
    );
}

#[test]
fn errno_out_of_range() {
    // runc converts errnoRet to int16: 65537 becomes 1; 70000 becomes 4464, which libseccomp
    // refuses, so the container would not start: an error for check (compile refuses it too),
    // though the document still loads (the editor opens it to be fixed).
    check(br#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 70000}"#)
        .code(1)
        .stderr(contains("p.json:1:56: error: defaultErrnoRet is 70000: runc keeps only its low 16 bits, so it becomes 4464, and libseccomp refuses"))
        .stderr(contains("the container will not start"))
        .stderr(contains("1 error, 0 warnings"));
    check(br#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 5000}"#)
        .code(1)
        .stderr(contains("p.json:1:56: error: defaultErrnoRet is 5000: libseccomp refuses errno values above 4094"));
    let refused = br#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["syslog"], "action": "SCMP_ACT_ERRNO", "errnoRet": 12345}]}"#;
    assert!(
        seccompose::profile::parse(
            std::str::from_utf8(refused).unwrap(),
            &seccompose::catalog::Catalog
        )
        .profile
        .is_some(),
        "the document still loads"
    );
    check(refused)
        .code(1)
        .stderr(contains("error: syscalls[0].errnoRet is 12345"));
    check(br#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 65536}]}"#)
        .success()
        .stderr(contains("becomes 0 (ERRNO(0): the call does not run, yet reports success)"));
    // On an action that takes no errno the value is ignored, as runc ignores it.
    check(br#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": 70000}]}"#)
        .success()
        .stderr(contains("has no effect on SCMP_ACT_ALLOW"));
}

/// lint gives the same answer as check: an errno libseccomp refuses is an error there too.
#[test]
fn lint_calls_a_refused_errno_an_error_as_check_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::write(
        &file,
        br#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["syslog"], "action": "SCMP_ACT_ERRNO", "errnoRet": 70000}]}"#,
    )
    .unwrap();
    let out = common::seccompose()
        .arg("lint")
        .arg(&file)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("error[errno-refused]"), "{text}");
    assert_eq!(out.status.code(), Some(1), "{text}");
}

#[test]
fn missing_default_action() {
    rejects(
        "\n  {\"syscalls\": []}",
        "2:3",
        &["missing \"defaultAction\""],
    );
}

#[test]
fn unknown_syscall_suggests_a_name() {
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\", \"mkdri\"], \"action\": \"SCMP_ACT_ERRNO\"}]}",
        "1:69",
        &["unknown syscall \"mkdri\" at syscalls[0].names[1]", "did you mean \"mkdir\"?"],
    );
}

#[test]
fn empty_file() {
    rejects("", "1:1", &["the file is empty"]);
    rejects("  \n\n", "3:1", &["the file is empty"]);
}

#[test]
fn non_utf8_input() {
    check(b"{\"defaultAction\":\n \"SCMP_ACT_\xff\"}")
        .code(1)
        .stderr(contains(
            "p.json:2:12: error: the file is not valid UTF-8: byte 0xff",
        ));
}

#[test]
fn document_not_an_object() {
    rejects(
        "[\"SCMP_ACT_ALLOW\"]",
        "1:1",
        &["the document is an array", "JSON object"],
    );
}

#[test]
fn warnings_for_likely_mistakes_keep_exit_zero() {
    let text = "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [\n {\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\", \"errnoRet\": 5},\n {\"names\": [\"mkdir\"], \"action\": \"SCMP_ACT_ERRNO\"}]}";
    check(text.as_bytes())
        .success()
        .stderr(contains("p.json:2:2: warning: syscalls[0].errnoRet has no effect on SCMP_ACT_ALLOW"))
        .stderr(contains("p.json:3:2: warning: syscalls[1] has the default action SCMP_ACT_ERRNO, so it adds nothing"));
}

#[test]
fn missing_file_and_usage() {
    common::seccompose()
        .args(["check", "/nonexistent/p.json"])
        .assert()
        .code(1)
        .stderr(contains("cannot read"));
    common::seccompose().arg("check").assert().code(2);
    common::seccompose()
        .args(["check", "--bogus", "x"])
        .assert()
        .code(2);
}

#[test]
fn full_64_bit_values_are_legal_and_kept() {
    let text = "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [\n    {\n      \"names\": [\n        \"personality\"\n      ],\n      \"action\": \"SCMP_ACT_ERRNO\",\n      \"args\": [\n        {\n          \"index\": 0,\n          \"value\": 18446744069414584320,\n          \"valueTwo\": 18446744073709551615,\n          \"op\": \"SCMP_CMP_MASKED_EQ\"\n        }\n      ]\n    }\n  ]\n}\n";
    check(text.as_bytes()).success().stderr(clean());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::write(&file, text).unwrap();
    // Already canonical: fmt --check passes and the bytes stay the same.
    common::fmt_check(&file).success();
    common::seccompose()
        .args(["fmt", "--stdout"])
        .arg(&file)
        .assert()
        .success()
        .stdout(text);
    rejects(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 0, \"value\": 18446744073709551616, \"op\": \"SCMP_CMP_EQ\"}]}]}",
        "1:129",
        &["syscalls[0].args[0].value must be an unsigned 64-bit integer, found 18446744073709551616"],
    );
}

#[test]
fn fmt_never_touches_a_file_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    let text = "{\"defaultAction\": \"SCMP_ACT_NOPE\",\n \"x\": [1, 2]}";
    std::fs::write(&file, text).unwrap();
    common::seccompose()
        .arg("fmt")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains(
            "p.json:1:19: error: unknown action \"SCMP_ACT_NOPE\"",
        ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    assert!(!dir.path().join("p.json~").exists());
    common::seccompose()
        .args(["fmt", "--stdout"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("");
}

/// `check` reads what every other command reads: an OCI runtime `config.json` (its
/// `linux.seccomp`) and a manifest file, every `SeccompProfile` in it, with errors at their
/// line in the file itself.
#[test]
fn an_oci_config_and_every_manifest_of_a_file_are_checked() {
    common::seccompose()
        .args([
            "check".as_ref(),
            common::fixture("oci-config.json").as_os_str(),
        ])
        .assert()
        .code(0);
    let manifests = std::fs::read_to_string(common::fixture("spo-profiles.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("profiles.yaml");
    std::fs::write(&file, &manifests).unwrap();
    common::seccompose()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0);
    // A mistake in the second manifest is found at its own line.
    let broken = manifests.replace("SCMP_ACT_LOG", "SCMP_ACT_LOGG");
    let line = broken
        .lines()
        .position(|l| l.contains("SCMP_ACT_LOGG"))
        .unwrap()
        + 1;
    std::fs::write(&file, &broken).unwrap();
    common::seccompose()
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains(format!("profiles.yaml:{line}:")))
        .stderr(contains("SCMP_ACT_LOGG"));
}

/// A misspelled errno name gets a did-you-mean, as a misspelled syscall name does.
#[test]
fn a_misspelled_errno_name_gets_the_closest_one() {
    rejects(
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrno": "EACESS"}"#,
        "1:53",
        &["defaultErrno is \"EACESS\"", "did you mean \"EACCES\"?"],
    );
}

/// A trailing comma is called a trailing comma, at the comma, not "expected value" at the `]`.
#[test]
fn a_trailing_comma_is_named_at_the_comma() {
    rejects(
        "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\"},\n  ]\n}\n",
        "4:52",
        &["trailing comma"],
    );
    rejects(
        r#"{"defaultAction": "SCMP_ACT_ERRNO",}"#,
        "1:35",
        &["trailing comma"],
    );
}

//! What the tool says is what the kernel does: a name the installed libseccomp does not know
//! (compiled by seccompose's own block) behaves exactly like a name it knows given the same
//! rules (its twin).

use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Arch, Target};

/// The profile text with `NAME` standing for the syscall.
fn profile_for(template: &str, name: &str) -> profile::Profile {
    let text = template.replace("NAME", name);
    profile::parse(&text, &Catalog)
        .profile
        .unwrap_or_else(|| panic!("valid: {text}"))
}

fn action(p: &profile::Profile, arch: Arch, name: &str, args: [u64; 6]) -> String {
    let target = Target::host();
    let compiled = compile::build(p, &target, &Options::default()).unwrap();
    let plan = compile::plan(p, &target);
    let e = compile::explain(&compiled, &plan, arch, name, args).unwrap();
    format!("{:?}", e.action)
}

/// `listmount` and `mseal` are unknown to libseccomp 2.5; `getppid` and `sync` it knows.
const UNKNOWN: &[&str] = &["listmount", "mseal"];
const TWINS: &[&str] = &["getppid", "sync"];

fn same_as_twin(template: &str, calls: &[[u64; 6]]) {
    for (unknown, twin) in UNKNOWN.iter().zip(TWINS) {
        let lacking = profile_for(template, unknown);
        let known = profile_for(template, twin);
        for arch in [Arch::X86_64, Arch::X86] {
            for args in calls {
                assert_eq!(
                    action(&lacking, arch, unknown, *args),
                    action(&known, arch, twin, *args),
                    "{unknown} vs {twin} on {arch} with {args:x?} under {template}"
                );
            }
        }
    }
}

const ARCHES: &str = r#""architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]"#;

#[test]
fn an_unconditional_rule_wins_over_conditional_ones_as_in_libseccomp() {
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "args": [{{"index": 1, "value": 6575, "op": "SCMP_CMP_LE"}}]}},
        {{"names": ["NAME"], "action": "SCMP_ACT_KILL_THREAD"}}]}}"#
    );
    same_as_twin(&template, &[[0; 6], [0, 7000, 0, 0, 0, 0]]);
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "errnoRet": 77, "args": [{{"index": 0, "value": 5, "op": "SCMP_CMP_EQ"}}]}},
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "errnoRet": 88}}]}}"#
    );
    same_as_twin(&template, &[[5, 0, 0, 0, 0, 0], [6, 0, 0, 0, 0, 0]]);
}

#[test]
fn masked_eq_masks_the_datum_as_in_libseccomp() {
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "args": [{{"index": 0, "value": 255, "valueTwo": 480, "op": "SCMP_CMP_MASKED_EQ"}}]}}]}}"#
    );
    same_as_twin(
        &template,
        &[[0xe0, 0, 0, 0, 0, 0], [0x1e0, 0, 0, 0, 0, 0], [0; 6]],
    );
}

#[test]
fn thirty_two_bit_calls_compare_the_low_word_as_in_libseccomp() {
    let template = format!(
        r#"{{"defaultAction": "SCMP_ACT_ALLOW", {ARCHES}, "syscalls": [
        {{"names": ["NAME"], "action": "SCMP_ACT_ERRNO", "args": [{{"index": 0, "value": 4294967301, "op": "SCMP_CMP_EQ"}}]}}]}}"#
    );
    same_as_twin(
        &template,
        &[[5, 0, 0, 0, 0, 0], [0x1_0000_0005, 0, 0, 0, 0, 0], [6; 6]],
    );
}

mod common;

/// `explain ... --json` for a profile text, as the CLI prints it.
fn explain_json(profile_text: &str, args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    std::fs::write(&path, profile_text).unwrap();
    common::explain_json(&path, args)
}

#[test]
fn explain_arch_is_the_calling_abi_under_the_hosts_filter() {
    if Arch::native() != Arch::X86_64 {
        common::skipped("the host is not x86_64, so there is no x86 ABI beside it");
        return;
    }
    let includes = r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
        "syscalls": [{"names": ["prctl"], "action": "SCMP_ACT_KILL", "includes": {"arches": ["amd64"]}}]}"#;
    let x86 = explain_json(includes, &["prctl", "0", "--arch", "x86"]);
    assert_eq!(x86["action"], "SCMP_ACT_KILL_THREAD", "{x86}");
    assert_eq!(x86["host_arch"], "x86_64");
    // Loaded on an i386 host the rule is not active: that is --host-arch's question.
    let on_i386 = explain_json(
        includes,
        &["prctl", "0", "--arch", "x86", "--host-arch", "x86"],
    );
    assert_eq!(on_i386["action"], "SCMP_ACT_ALLOW", "{on_i386}");

    let excludes = includes.replace("includes", "excludes");
    let x86 = explain_json(&excludes, &["prctl", "0", "--arch", "x86"]);
    assert_eq!(
        x86["action"], "SCMP_ACT_ALLOW",
        "excluded on the amd64 host: {x86}"
    );

    let arch_map = r#"{"defaultAction": "SCMP_ACT_ALLOW", "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
        "syscalls": [{"names": ["prctl"], "action": "SCMP_ACT_KILL", "includes": {"arches": ["amd64"]}}]}"#;
    let x86 = explain_json(arch_map, &["prctl", "0", "--arch", "x86"]);
    assert_eq!(x86["action"], "SCMP_ACT_KILL_THREAD", "{x86}");

    // No x86 section: the bad-architecture action decides, not the profile's default.
    let only_64 = r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"], "syscalls": []}"#;
    let x86 = explain_json(only_64, &["prctl", "0", "--arch", "x86"]);
    assert_ne!(x86["action"], "SCMP_ACT_ALLOW", "{x86}");
    assert!(x86["rule"].is_null());
}

fn compile_text(text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    std::fs::write(&path, text).unwrap();
    common::seccompose()
        .arg("compile")
        .arg(&path)
        .output()
        .unwrap()
}

#[test]
fn errno_values_are_handled_as_runc_and_libseccomp_do() {
    // libseccomp refuses ERRNO above 4094, so runc cannot load it: no silent clamp.
    for text in [
        r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 4096}]}"#,
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 4095}"#,
        r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 65535}"#,
    ] {
        let out = compile_text(text);
        assert!(!out.status.success(), "{text} compiled");
        assert!(String::from_utf8_lossy(&out.stderr).contains("container will not start"));
    }
    // runc ignores errnoRet on ALLOW; it wraps 65536 to 0 and 65537 to 1.
    let ignored = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": 70000}]}"#;
    assert!(compile_text(ignored).status.success());
    for (value, errno) in [(65536, 0), (65537, 1)] {
        let text = format!(
            r#"{{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": {value}}}]}}"#
        );
        let v = explain_json(&text, &["read"]);
        assert_eq!(v["action"], "SCMP_ACT_ERRNO");
        assert_eq!(v["errno"], errno, "{value}");
    }
}

#[test]
fn compile_reports_where_the_filter_does_not_do_what_the_profile_says() {
    // libseccomp mis-orders these OR'ed ranges: getpgid(0x61ba44a7) is denied in the kernel
    // although the second condition holds.
    let ranges = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
        {"names": ["getpgid"], "action": "SCMP_ACT_ALLOW", "args": [
            {"index": 0, "value": 20319, "op": "SCMP_CMP_LT"},
            {"index": 0, "value": 5935572135, "op": "SCMP_CMP_LE"}]}]}"#;
    let v = explain_json(ranges, &["getpgid", "0x61ba44a7"]);
    assert_eq!(
        v["action"], "SCMP_ACT_ERRNO",
        "the miscompilation is still there"
    );
    let out = compile_text(ranges);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[translation]: on x86_64, getpgid(")
            && stderr.contains("the profile says SCMP_ACT_ALLOW"),
        "{stderr}"
    );
    // A 64-bit constant on a 32-bit ABI is compared on its low word only.
    let high = r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
        "syscalls": [{"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 4294967301, "op": "SCMP_CMP_EQ"}]}]}"#;
    let stderr = String::from_utf8_lossy(&compile_text(high).stderr).into_owned();
    assert!(
        stderr.contains("on x86, getppid(0x5) gets SCMP_ACT_ERRNO(1)"),
        "{stderr}"
    );
    assert!(!stderr.contains("on x86_64"), "{stderr}");
    // A profile the filter follows exactly: nothing to report.
    let clean = std::fs::read_to_string(common::fixture("runtime-default.json")).unwrap();
    let stderr = String::from_utf8_lossy(&compile_text(&clean).stderr).into_owned();
    assert!(!stderr.contains("translation"), "{stderr}");
}

#[test]
fn lint_reports_the_translation_check_at_the_rule() {
    let out = common::seccompose()
        .arg("lint")
        .arg(common::fixture("miscompiled-ranges.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("miscompiled-ranges.json:13:5: warning[translation]: on x86_64, getpgid("),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("warning[translation]").count(),
        1,
        "once: {stdout}"
    );
}

//! One or more small profiles per finding, linted with the real catalog on a fixed x86_64 target.

use super::*;

mod allowlist;
mod fixes;
mod language;
mod traps;
use crate::catalog::Catalog;
use crate::profile::{parse, Arch, KernelVersion, Pos, Severity};

fn target_on(arch: Arch) -> Target {
    Target {
        arch,
        kernel: KernelVersion::parse("6.1").expect("a version"),
        ..Target::host()
    }
}

fn target() -> Target {
    target_on(Arch::X86_64)
}

fn profile(text: &str) -> Profile {
    let parsed = parse(text, &Catalog);
    parsed
        .profile
        .unwrap_or_else(|| panic!("valid profile: {:?}", parsed.diagnostics))
}

fn run(text: &str) -> Vec<Finding> {
    lint(&profile(text), &target())
}

/// The findings with this id.
fn with(findings: &[Finding], id: LintId) -> Vec<&Finding> {
    findings.iter().filter(|f| f.id == id).collect()
}

/// The one finding with this id.
fn one(findings: &[Finding], id: LintId) -> &Finding {
    let found = with(findings, id);
    assert_eq!(found.len(), 1, "one {id} in {findings:#?}");
    found[0]
}

/// Asserts that a message or hint contains `words`, showing it when not.
/// Whether a finding's text says `words` in English (the wording the tests pin down).
fn mentions(text: &crate::i18n::Text, words: &str) {
    let text = text.english();
    assert!(text.contains(words), "{words:?} not in {text:?}");
}

fn names(f: &Finding) -> Vec<&str> {
    f.syscalls.iter().map(String::as_str).collect()
}

#[test]
fn incomplete_block_names_the_siblings_still_allowed() {
    let text = r#"{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    {"names": ["chmod"], "action": "SCMP_ACT_ERRNO"}
  ]
}"#;
    let findings = run(text);
    let f = one(&findings, LintId::IncompleteBlock);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.pos, Pos { line: 4, col: 5 });
    assert_eq!(f.rule, Some(0));
    assert_eq!(names(f), ["chmod", "fchmod", "fchmodat", "fchmodat2"]);
    mentions(&f.message, "syscalls[0] blocks chmod");
    mentions(&f.message, "chmod family");
    mentions(&f.help, "syscalls[0].names");

    let whole = text.replace(
        r#"["chmod"]"#,
        r#"["chmod", "fchmod", "fchmodat", "fchmodat2"]"#,
    );
    assert!(with(&run(&whole), LintId::IncompleteBlock).is_empty());
}

#[test]
fn incomplete_block_leaves_riskier_calls_and_allowlist_errnos_alone() {
    // Blocking open_by_handle_at (high risk) beside openat (low) is deliberate.
    let riskier = r#"{"defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [{"names": ["open_by_handle_at"], "action": "SCMP_ACT_ERRNO"}]}"#;
    assert!(with(&run(riskier), LintId::IncompleteBlock).is_empty());
    // In an allowlist an ENOSYS rule steers programs to the sibling (Docker's clone3): nothing.
    let allowlist = r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38,
      "syscalls": [{"names": ["fchmodat"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}]}"#;
    let quiet = run(allowlist);
    assert!(with(&quiet, LintId::IncompleteBlock).is_empty());
    assert!(with(&quiet, LintId::EnosysFallback).is_empty());
    // Any other errno denies chmod while fchmodat does its job: a hole in an allowlist too.
    let eperm = allowlist.replace(r#", "errnoRet": 38}"#, "}");
    let findings = run(&eperm);
    assert_eq!(
        names(one(&findings, LintId::IncompleteBlock)),
        ["chmod", "fchmodat"]
    );
    // A kill is a block too, and the allowing rule must lose the sibling.
    let kill = eperm.replace(
        r#""action": "SCMP_ACT_ERRNO"}"#,
        r#""action": "SCMP_ACT_KILL_PROCESS"}"#,
    );
    let findings = run(&kill);
    let f = one(&findings, LintId::IncompleteBlock);
    assert_eq!(names(f), ["chmod", "fchmodat"]);
    mentions(&f.message, "allowed by syscalls[0]");
    let help = f.help.english();
    assert!(help.ends_with("take it out of syscalls[0]"), "{help}");
}

#[test]
fn incomplete_block_counts_calls_the_architecture_lacks() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [{"names": ["open"], "action": "SCMP_ACT_ERRNO"}]}"#;
    let findings = lint(&profile(text), &target_on(Arch::AARCH64));
    let f = one(&findings, LintId::IncompleteBlock);
    assert!(f.syscalls.contains(&"openat".to_string()), "{f:?}");
    mentions(&f.message, "open does not even exist on aarch64");
    assert_eq!(one(&findings, LintId::NotOnArch).severity, Severity::Note);
}

#[test]
fn enosys_block_with_open_siblings_is_a_fallback_note() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [{"names": ["openat2"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::EnosysFallback);
    assert_eq!(f.severity, Severity::Note);
    assert!(f.syscalls.contains(&"openat".to_string()));
    assert!(with(&findings, LintId::IncompleteBlock).is_empty());
}

#[test]
fn dangerous_allow_gives_the_catalog_reason() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["read", "ptrace", "execve"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::DangerousAllow);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(names(f), ["ptrace"]);
    let reason = Catalog.syscall("ptrace").expect("known").risk_reason();
    assert!(
        !reason.is_empty() && f.message.english().contains(reason),
        "{}",
        f.message.english()
    );

    let conditional = text.replace(
        r#""action": "SCMP_ACT_ALLOW"}"#,
        r#""action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}]}"#,
    );
    assert!(with(&run(&conditional), LintId::DangerousAllow).is_empty());
}

#[test]
fn dangerous_allow_behind_a_capability_is_a_note_and_needs_the_capability() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["mount"], "action": "SCMP_ACT_ALLOW",
                    "includes": {"caps": ["CAP_SYS_ADMIN"]}}]}"#;
    let p = profile(text);
    assert!(with(&lint(&p, &target()), LintId::DangerousAllow).is_empty());
    let mut admin = target();
    admin.add_cap("sys_admin").expect("a capability");
    let findings = lint(&p, &admin);
    let f = one(&findings, LintId::DangerousAllow);
    assert_eq!(f.severity, Severity::Note);
    mentions(&f.message, "only with CAP_SYS_ADMIN");
}

#[test]
fn allowing_default_lists_the_high_risk_calls_it_lets_through() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [{"names": ["bpf"], "action": "SCMP_ACT_ERRNO"}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::DangerousAllow);
    assert_eq!((f.pos, f.rule), (Pos { line: 1, col: 1 }, None));
    assert!(f.syscalls.contains(&"ptrace".to_string()));
    assert!(!f.syscalls.contains(&"bpf".to_string()), "bpf is denied");
    assert!(
        !f.syscalls.contains(&"read".to_string()),
        "read is low risk"
    );
}

#[test]
fn allowing_default_without_blocks_filters_nothing() {
    let text = r#"{"defaultAction": "SCMP_ACT_LOG",
      "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let findings = run(text);
    assert_eq!(
        one(&findings, LintId::NoOpProfile).severity,
        Severity::Warning
    );
    assert!(
        with(&findings, LintId::DangerousAllow).is_empty(),
        "one finding says it"
    );

    let blocks = text.replace("SCMP_ACT_ALLOW", "SCMP_ACT_KILL_PROCESS");
    assert!(with(&run(&blocks), LintId::NoOpProfile).is_empty());
}

#[test]
fn blocked_execve_stops_the_container_from_starting() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::ExecBlocked);
    mentions(&f.message, "from defaultAction");
    let allowed = text.replace(r#"["read"]"#, r#"["read", "execve"]"#);
    assert!(with(&run(&allowed), LintId::ExecBlocked).is_empty());
}

#[test]
fn rule_with_the_default_action_is_check_s_warning_reported_once() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["chmod"], "action": "SCMP_ACT_ERRNO"},
                   {"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": 5}]}"#;
    let parsed = parse(text, &Catalog);
    assert!(parsed
        .diagnostics
        .iter()
        .any(|d| d.code == Some(LintId::DefaultActionRule)));
    let findings = lint_parsed(&parsed, &[target()]);
    let f = one(&findings, LintId::DefaultActionRule);
    assert_eq!((f.severity, f.rule), (Severity::Warning, Some(1)));
    assert_eq!(names(f), ["chmod"]);
    assert_eq!(one(&findings, LintId::ErrnoIgnored).rule, Some(2));
}

#[test]
fn conditions_on_pointers_compare_addresses() {
    let rule = |cond: &str| {
        format!(
            r#"{{"defaultAction": "SCMP_ACT_ALLOW",
              "syscalls": [{{"names": ["open"], "action": "SCMP_ACT_ERRNO", "args": [{cond}]}}]}}"#
        )
    };
    let findings = run(&rule(r#"{"index": 0, "value": 4096, "op": "SCMP_CMP_EQ"}"#));
    let f = one(&findings, LintId::PointerArgument);
    mentions(&f.message, "syscalls[0].args[0]");
    mentions(&f.message, "pathname");
    // A NULL test is something a filter can answer; flags are plain numbers.
    for fine in [
        r#"{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}"#,
        r#"{"index": 1, "value": 64, "op": "SCMP_CMP_MASKED_EQ", "valueTwo": 64}"#,
    ] {
        assert!(
            with(&run(&rule(fine)), LintId::PointerArgument).is_empty(),
            "{fine}"
        );
    }
}

#[test]
fn conditions_on_arguments_the_call_lacks() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [{"names": ["getpid", "kill"], "action": "SCMP_ACT_ERRNO",
                    "args": [{"index": 1, "value": 9, "op": "SCMP_CMP_EQ"}]}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::MissingArgument);
    assert_eq!(names(f), ["getpid"], "kill has a second argument");
    mentions(&f.message, "getpid takes no arguments");
}

#[test]
fn repeated_argument_index_ors() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
                    "args": [{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"},
                             {"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::RepeatedArgument);
    assert_eq!(f.rule, Some(1));
    mentions(&f.message, "argument 0 (persona)");
    mentions(&f.message, "OR");
}

#[test]
fn later_rule_without_conditions_is_shadowed_or_duplicate() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve", "chmod", "mkdir"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["chmod"], "action": "SCMP_ACT_KILL_PROCESS"},
                   {"names": ["mkdir", "mkdir"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::ShadowedRule);
    assert_eq!((f.rule, f.severity), (Some(1), Severity::Warning));
    mentions(&f.message, "earlier syscalls[0]");
    let dups = with(&findings, LintId::DuplicateName);
    assert_eq!(dups.len(), 2, "{dups:#?}");
    assert!(dups
        .iter()
        .all(|d| d.rule == Some(2) && d.severity == Severity::Note));
}

#[test]
fn deny_with_the_default_action_leaves_an_allowed_call_allowed() {
    // The classic edit of Docker's profile: appending a deny that runc skips.
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve", "chmod"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["chmod"], "action": "SCMP_ACT_ERRNO"}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::ShadowedRule);
    assert_eq!(f.rule, Some(1));
    mentions(&f.message, "keeps SCMP_ACT_ALLOW from syscalls[0]");
    assert_eq!(one(&findings, LintId::DefaultActionRule).rule, Some(1));
}

#[test]
fn conditional_rule_under_an_unconditional_one_never_applies() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve", "personality"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["personality"], "action": "SCMP_ACT_KILL_PROCESS",
                    "args": [{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::ShadowedRule);
    mentions(&f.message, "never apply to personality");
}

#[test]
fn same_conditions_with_different_actions_make_libseccomp_fail() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["getpid"], "action": "SCMP_ACT_TRAP",
                    "args": [{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"},
                             {"index": 1, "value": 2, "op": "SCMP_CMP_EQ"}]},
                   {"names": ["getpid"], "action": "SCMP_ACT_LOG",
                    "args": [{"index": 1, "value": 2, "op": "SCMP_CMP_EQ"},
                             {"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::ConflictingRules);
    assert_eq!((f.severity, f.rule), (Severity::Error, Some(2)));
    assert!(fails(&findings));

    let same_action = text.replace("SCMP_ACT_LOG", "SCMP_ACT_TRAP");
    let findings = run(&same_action);
    assert!(with(&findings, LintId::ConflictingRules).is_empty());
    assert_eq!(
        one(&findings, LintId::DuplicateName).severity,
        Severity::Note
    );

    let other_value = text.replace(
        r#""value": 2, "op": "SCMP_CMP_EQ"},
                             {"index": 0"#,
        r#""value": 3, "op": "SCMP_CMP_EQ"},
                             {"index": 0"#,
    );
    assert!(with(&run(&other_value), LintId::ConflictingRules).is_empty());
}

#[test]
fn calls_no_filter_architecture_has_are_a_note() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve", "riscv_hwprobe", "brk", "mmap", "mprotect",
        "munmap", "openat", "read", "pread64", "close", "newfstatat", "exit_group"],
        "action": "SCMP_ACT_ALLOW"}]}"#;
    let findings = run(text);
    let f = one(&findings, LintId::NotOnArch);
    assert_eq!(
        (f.severity, names(f)),
        (Severity::Note, vec!["riscv_hwprobe"])
    );
    assert!(with(
        &lint(&profile(text), &target_on(Arch::RISCV64)),
        LintId::NotOnArch
    )
    .is_empty());
}

#[test]
fn legacy_kill_is_one_thread() {
    let text = r#"{"defaultAction": "SCMP_ACT_KILL",
      "syscalls": [{"names": ["execve"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["ptrace"], "action": "SCMP_ACT_KILL_PROCESS"},
                   {"names": ["reboot"], "action": "SCMP_ACT_KILL"}]}"#;
    let findings = run(text);
    let kills = with(&findings, LintId::KillThread);
    let rules: Vec<Option<usize>> = kills.iter().map(|f| f.rule).collect();
    assert_eq!(rules, [None, Some(2)]);
    assert!(kills.iter().all(|f| f.severity == Severity::Note));
}

#[test]
fn notify_needs_a_listener() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_NOTIFY"}]}"#;
    let f = one(&run(text), LintId::NotifyWithoutListener).clone();
    assert_eq!((f.severity, f.rule), (Severity::Warning, Some(0)));
    mentions(&f.message, "ENOSYS");
    let with_listener = text.replace(
        "{\"defaultAction",
        "{\"listenerPath\": \"/run/agent.sock\", \"defaultAction",
    );
    assert!(with(&run(&with_listener), LintId::NotifyWithoutListener).is_empty());
}

#[test]
fn errno_zero_fakes_success() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [{"names": ["sync"], "action": "SCMP_ACT_ERRNO", "errnoRet": 0}]}"#;
    assert_eq!(one(&run(text), LintId::ErrnoZero).rule, Some(0));
    let eperm = text.replace(r#""errnoRet": 0"#, r#""errnoRet": 1"#);
    assert!(with(&run(&eperm), LintId::ErrnoZero).is_empty());
}

#[test]
fn invalid_profile_reports_check_s_errors() {
    let parsed = parse(r#"{"defaultAction": "SCMP_ACT_NOPE"}"#, &Catalog);
    let findings = lint_parsed(&parsed, &[target()]);
    let f = one(&findings, LintId::Invalid);
    assert_eq!(f.severity, Severity::Error);
    assert!(fails(&findings));
}

#[test]
fn notes_alone_do_not_fail_and_targets_do_not_repeat_findings() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "syscalls": [{"names": ["execve", "riscv_hwprobe", "brk", "arch_prctl", "mmap", "mprotect",
        "munmap", "openat", "read", "pread64", "close", "newfstatat", "exit_group"],
        "action": "SCMP_ACT_ALLOW"}]}"#;
    let parsed = parse(text, &Catalog);
    // A runtime whose libseccomp knows riscv_hwprobe (2.5.6 and newer).
    let target = Target {
        libseccomp: crate::profile::LibseccompVersion::parse("2.6.0").expect("a version"),
        ..target()
    };
    let once = lint_parsed(&parsed, std::slice::from_ref(&target));
    assert_eq!(once.len(), 1, "{once:#?}");
    assert!(!fails(&once));
    assert_eq!(lint_parsed(&parsed, &[target.clone(), target]), once);
}

#[test]
fn render_is_compiler_style() {
    let f = Finding {
        id: LintId::IncompleteBlock,
        severity: Severity::Warning,
        pos: Pos { line: 3, col: 7 },
        message: super::check::message("m"),
        help: super::check::message("h"),
        syscalls: vec!["chmod".into()],
        rule: Some(0),
        fix: None,
    };
    assert_eq!(
        f.render("p.json"),
        "p.json:3:7: warning[incomplete-block]: m\n  help: h"
    );
    let json = f.to_json();
    assert_eq!(json["line"], 3);
    assert_eq!(json["severity"], "warning");
    assert_eq!(json["syscalls"][0], "chmod");
}

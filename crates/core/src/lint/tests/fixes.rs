//! Each fix, applied: it resolves its finding and does what the finding's help says.

use super::*;
use crate::profile::{view, Action, Edit};

/// The profile after applying the fix of the one finding with this id.
fn fixed(text: &str, id: LintId) -> Profile {
    let mut p = profile(text);
    let findings = lint(&p, &target());
    let fix = one(&findings, id).fix.clone().expect("a fix");
    fix.edit().apply(&mut p).expect("the fix applies");
    assert!(
        with(&lint(&p, &target()), id).is_empty(),
        "the fix resolves {id}"
    );
    p
}

#[test]
fn incomplete_block_denies_the_siblings_the_same_way() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
        {"names": ["fchmod", "read"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let p = fixed(text, LintId::IncompleteBlock);
    for name in ["chmod", "fchmod", "fchmodat", "fchmodat2"] {
        let v = view(&p, name, &target());
        assert_eq!((v.action, v.errno), (Action::Errno, 13), "{name}");
    }
    assert_eq!(view(&p, "read", &target()).action, Action::Allow);
    assert_eq!(
        p.rules()[0].names(),
        ["chmod", "fchmod", "fchmodat", "fchmodat2"]
    );
}

#[test]
fn a_conditional_or_enosys_block_has_no_fix() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["chmod"], "action": "SCMP_ACT_ERRNO",
         "args": [{"index": 1, "value": 2048, "op": "SCMP_CMP_MASKED_EQ", "valueTwo": 2048}]}]}"#;
    for f in with(&run(text), LintId::IncompleteBlock) {
        assert!(f.fix.is_none());
    }
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}]}"#;
    assert!(one(&run(text), LintId::EnosysFallback).fix.is_none());
}

#[test]
fn a_rule_with_the_default_action_is_removed() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
        {"names": ["read"], "action": "SCMP_ACT_ALLOW"},
        {"names": ["ptrace"], "action": "SCMP_ACT_ERRNO"}]}"#;
    let p = fixed(text, LintId::DefaultActionRule);
    assert_eq!(p.rules().len(), 1);
    assert_eq!(p.rules()[0].names(), ["read"]);
}

#[test]
fn legacy_kill_becomes_kill_process() {
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["ptrace"], "action": "SCMP_ACT_KILL"}]}"#;
    let p = fixed(text, LintId::KillThread);
    assert_eq!(p.rules()[0].action, Action::KillProcess);
    let text = r#"{"defaultAction": "SCMP_ACT_KILL", "syscalls": [
        {"names": ["read", "execve", "exit_group"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let findings = run(text);
    let f = with(&findings, LintId::KillThread)
        .into_iter()
        .find(|f| f.rule.is_none())
        .expect("the default action");
    let mut p = profile(text);
    f.fix.as_ref().unwrap().edit().apply(&mut p).unwrap();
    assert_eq!(p.default_action, Action::KillProcess);
}

#[test]
fn arch_names_become_go_names() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
        {"names": ["read", "execve", "exit_group"], "action": "SCMP_ACT_ALLOW"},
        {"names": ["chown"], "action": "SCMP_ACT_ALLOW",
         "includes": {"arches": ["x86_64", "386", "x86"]}, "excludes": {"arches": ["aarch64"]}}]}"#;
    let findings = run(text);
    assert_eq!(
        with(&findings, LintId::ArchNeverMatches).len(),
        3,
        "{findings:#?}"
    );
    let f = with(&findings, LintId::ArchNeverMatches)[0];
    assert!(with(&findings, LintId::ArchNeverMatches).iter().any(|f| f
        .message
        .english()
        .contains("\"x86_64\" at syscalls[1].includes.arches[0]")));
    let mut p = profile(text);
    f.fix.as_ref().unwrap().edit().apply(&mut p).unwrap();
    let rule = &p.rules()[1];
    let arches =
        |f: &Option<Box<crate::profile::Filter>>| f.as_ref().unwrap().arches.clone().unwrap();
    assert_eq!(arches(&rule.includes), ["amd64", "386", "386"]);
    assert_eq!(arches(&rule.excludes), ["arm64"]);
    assert!(with(&lint(&p, &target()), LintId::ArchNeverMatches).is_empty());
}

#[test]
fn duplicate_names_merge_into_the_first_rule() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
        {"names": ["read", "execve", "exit_group", "write", "brk", "arch_prctl", "mmap",
          "mprotect", "munmap", "openat", "pread64", "newfstatat"], "action": "SCMP_ACT_ALLOW"},
        {"names": ["write", "close"], "action": "SCMP_ACT_ALLOW"},
        {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let mut p = profile(text);
    let (fixed, applied) = fix_all(&p, &[target()]);
    assert_eq!(applied.len(), 2, "{applied:?}");
    assert!(applied.iter().all(|a| a.id == LintId::DuplicateName));
    assert_eq!(fixed.rules().len(), 2);
    assert_eq!(fixed.rules()[1].names(), ["close"]);
    assert!(
        crate::profile::diff(&p, &fixed, &target()).is_empty(),
        "same meaning"
    );
    // Within one rule.
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
        {"names": ["read", "execve", "read", "exit_group"], "action": "SCMP_ACT_ALLOW"}]}"#;
    p = fixed_by_id(text, LintId::DuplicateName);
    assert_eq!(p.rules()[0].names(), ["read", "execve", "exit_group"]);
}

fn fixed_by_id(text: &str, id: LintId) -> Profile {
    fixed(text, id)
}

#[test]
fn fix_all_reaches_a_fixed_point_and_keeps_unfixable_findings() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/seed-mkdir-chmod-chown.json"
    ))
    .unwrap();
    let p = profile(&text);
    let (fixed, applied) = fix_all(&p, &[target()]);
    assert_eq!(applied.len(), 1, "{applied:?}");
    let left = lint(&fixed, &target());
    assert!(with(&left, LintId::IncompleteBlock).is_empty());
    assert!(
        !with(&left, LintId::DangerousAllow).is_empty(),
        "no fix for it"
    );
    assert_eq!(fix_all(&fixed, &[target()]).1, vec![]);
    // Batch edits undo as one step.
    let mut doc = crate::profile::Document::new(p.clone());
    let f = one(&lint(&p, &target()), LintId::IncompleteBlock)
        .fix
        .clone()
        .unwrap();
    doc.apply(&f.edit()).unwrap();
    assert!(matches!(
        f.edit(),
        Edit::Batch { .. } | Edit::SetAction { .. }
    ));
    assert_eq!(doc.undo(), Some(f.label.clone()));
    assert_eq!(doc.profile(), &p);
}

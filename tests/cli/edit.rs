//! Edit operations: the change touches only what it names, and undo restores the exact document.

use seccompose::catalog::Catalog;
use seccompose::profile::{self, view, Action, ArgCond, Document, Edit, Op, Profile, Target};

/// A profile whose first rule allows 300 syscalls, with a few other rules around it.
fn big_profile() -> Profile {
    let names: Vec<String> = Catalog
        .syscalls()
        .iter()
        .filter(|s| !["personality", "ptrace", "reboot"].contains(&s.name()))
        .take(300)
        .map(|s| format!("\"{}\"", s.name()))
        .collect();
    assert!(names.contains(&"\"mkdir\"".to_string()));
    let text = format!(
        r#"{{
  "defaultAction": "SCMP_ACT_ERRNO",
  "x-owner": "team",
  "syscalls": [
    {{"names": ["reboot"], "action": "SCMP_ACT_KILL_PROCESS"}},
    {{"names": [{}], "action": "SCMP_ACT_ALLOW", "x-note": 1}},
    {{"names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}}]}},
    {{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {{"minKernel": "4.8"}}}}
  ]
}}"#,
        names.join(", ")
    );
    profile::parse(&text, &Catalog)
        .profile
        .expect("fixture is valid")
}

#[test]
fn setting_one_action_moves_only_that_name() {
    let before = big_profile();
    let mut doc = Document::new(before.clone());
    doc.apply(&Edit::SetAction {
        names: vec!["mkdir".into()],
        action: Some(Action::Errno),
        errno: Some(13),
    })
    .unwrap();
    let after = doc.profile();
    let (b, a) = (before.rules(), after.rules());
    assert_eq!(a.len(), b.len() + 1, "one new rule");
    assert_eq!(a[0], b[0], "the rule before is untouched");
    let mut expected_big = b[1].clone();
    if let Some(profile::Names::List(v)) = &mut expected_big.names {
        v.retain(|n| n != "mkdir");
    }
    assert_eq!(
        a[1], expected_big,
        "the 300-name rule lost only mkdir, kept its unknown field"
    );
    assert_eq!(a[2].names(), ["mkdir"]);
    assert_eq!((a[2].action, a[2].errno_ret), (Action::Errno, Some(13)));
    assert_eq!(&a[3..], &b[2..], "later rules untouched, in order");
    assert_eq!(after.extras, before.extras);
    let v = view(after, "mkdir", &Target::host());
    assert_eq!(
        (v.action, v.errno, v.from_default),
        (Action::Errno, 13, false)
    );

    assert!(doc.is_modified());
    doc.undo().unwrap();
    assert_eq!(doc.profile(), &before, "undo restores the exact document");
    assert!(!doc.is_modified());
    doc.redo().unwrap();
    assert_eq!(doc.profile().rules()[2].names(), ["mkdir"]);
}

#[test]
fn joining_an_existing_rule_with_the_same_action() {
    let before = big_profile();
    let mut doc = Document::new(before.clone());
    doc.apply(&Edit::SetAction {
        names: vec!["mkdir".into()],
        action: Some(Action::KillProcess),
        errno: None,
    })
    .unwrap();
    let rules = doc.profile().rules();
    assert_eq!(rules.len(), before.rules().len());
    assert_eq!(
        rules[0].names(),
        ["mkdir", "reboot"],
        "joined the kill rule, sorted"
    );
}

#[test]
fn back_to_default_removes_the_name_everywhere() {
    let mut doc = Document::new(big_profile());
    doc.apply(&Edit::SetAction {
        names: vec!["personality".into(), "getpid".into()],
        action: None,
        errno: None,
    })
    .unwrap();
    let p = doc.profile();
    assert!(p.rules().iter().all(|r| !r
        .names()
        .iter()
        .any(|n| n == "personality" || n == "getpid")));
    assert_eq!(
        p.rules().len(),
        3,
        "the personality rule became empty and went away"
    );
    // Deny equal to the default ERRNO(EPERM) adds no rule either.
    doc.apply(&Edit::SetAction {
        names: vec!["chmod".into()],
        action: Some(Action::Errno),
        errno: None,
    })
    .unwrap();
    assert!(doc
        .profile()
        .rules()
        .iter()
        .all(|r| !r.names().iter().any(|n| n == "chmod")));
    assert!(view(doc.profile(), "chmod", &Target::host()).from_default);
}

#[test]
fn conditions_split_a_shared_rule() {
    let before = big_profile();
    let mut doc = Document::new(before.clone());
    let cond = ArgCond::new(1, Op::MaskedEq, 0o200, Some(0));
    doc.apply(&Edit::SetConditions {
        rule: 1,
        name: "getpid".into(),
        args: vec![cond.clone()],
        action: Action::Allow,
        errno: None,
    })
    .unwrap();
    let rules = doc.profile().rules();
    assert!(!rules[1].names().iter().any(|n| n == "getpid"));
    assert_eq!(rules[2].names(), ["getpid"]);
    assert_eq!(rules[2].conditions(), [cond]);
    assert_eq!(&rules[3..], &before.rules()[2..]);
    doc.undo();
    assert_eq!(doc.profile(), &before);
}

#[test]
fn failed_edit_changes_nothing() {
    let before = big_profile();
    let mut doc = Document::new(before.clone());
    assert!(doc.apply(&Edit::RemoveRule(99)).is_err());
    assert!(doc
        .apply(&Edit::SetDefault {
            action: Action::Errno,
            errno: Some(5000)
        })
        .is_err());
    assert_eq!(doc.profile(), &before);
    assert!(!doc.is_modified());
    assert!(doc.undo().is_none());
}

#[test]
fn per_syscall_view_follows_the_target() {
    let p = big_profile();
    let mut old = Target::host();
    old.kernel = profile::KernelVersion::parse("4.4").unwrap();
    let mut new = Target::host();
    new.kernel = profile::KernelVersion::parse("5.10").unwrap();
    assert_eq!(view(&p, "ptrace", &old).action, Action::Errno);
    assert_eq!(view(&p, "ptrace", &new).action, Action::Allow);
    let v = view(&p, "personality", &new);
    assert!(v.conditional && v.from_default);
    assert_eq!(v.rules.len(), 1);
}

#[test]
fn settings_edits() {
    let mut doc = Document::new(big_profile());
    doc.apply(&Edit::SetDefault {
        action: Action::KillProcess,
        errno: None,
    })
    .unwrap();
    doc.apply(&Edit::SetArchitectures(Some(vec![profile::Arch::X86_64])))
        .unwrap();
    doc.apply(&Edit::SetFlags(Some(
        vec!["SECCOMP_FILTER_FLAG_LOG".into()],
    )))
    .unwrap();
    let text = profile::to_canonical_string(doc.profile());
    assert!(text.contains("\"defaultAction\": \"SCMP_ACT_KILL_PROCESS\""));
    assert!(
        text.contains("\"x-owner\": \"team\""),
        "unknown fields survive edits"
    );
    let reread = profile::parse(&text, &Catalog).profile.unwrap();
    assert_eq!(profile::to_canonical_string(&reread), text);
    for _ in 0..3 {
        doc.undo().unwrap();
    }
    assert_eq!(doc.profile(), &big_profile());
}

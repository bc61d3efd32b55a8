//! `incomplete-block` for syscalls an allowlist leaves out while it lists a sibling doing the
//! same job: Docker's default profile less mkdir, chmod and chown.

use super::*;
use crate::profile::{diff, view, Action};

/// An allowlist (default EPERM) of `names`, what a dynamically linked program needs at start,
/// and getrandom, whose number (318 on x86_64) keeps runc's ENOSYS stub above the calls tested.
fn allowing(names: &[&str]) -> String {
    let listed: Vec<String> = names
        .iter()
        .chain(&[
            "execve",
            "exit_group",
            "brk",
            "mmap",
            "openat",
            "read",
            "getrandom",
        ])
        .map(|n| format!("\"{n}\""))
        .collect();
    format!(
        r#"{{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1,
  "syscalls": [
    {{"names": [{}], "action": "SCMP_ACT_ALLOW"}}
  ]}}"#,
        listed.join(", ")
    )
}

fn gaps(text: &str) -> Vec<Finding> {
    run(text)
        .into_iter()
        .filter(|f| f.id == LintId::IncompleteBlock)
        .collect()
}

#[test]
fn a_call_left_out_while_its_siblings_are_listed_is_a_warning_at_the_allowing_rule() {
    let text = allowing(&["fchmod", "fchmodat", "fchmodat2"]);
    let found = gaps(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!((f.rule, f.pos), (Some(0), Pos { line: 3, col: 5 }));
    assert_eq!(names(f), ["chmod", "fchmod", "fchmodat", "fchmodat2"]);
    mentions(
        &f.message,
        "chmod is denied by defaultAction SCMP_ACT_ERRNO (EPERM)",
    );
    mentions(
        &f.message,
        "fchmod, fchmodat and fchmodat2 do the same job (chmod family)",
    );
    mentions(&f.message, "allowed by syscalls[0] (3:5)");
    mentions(&f.help, "take them out of syscalls[0]");

    // The fix only takes the siblings out: nothing the profile denied becomes allowed.
    let before = profile(&text);
    let mut after = before.clone();
    f.fix
        .as_ref()
        .expect("a fix")
        .edit()
        .apply(&mut after)
        .unwrap();
    assert!(gaps(&crate::profile::to_value(&after).to_string()).is_empty());
    for change in diff(&before, &after, &target()).syscalls {
        assert!(
            ["fchmod", "fchmodat", "fchmodat2"].contains(&change.name.as_str()),
            "{}",
            change.name
        );
    }
    for name in ["chmod", "fchmod", "fchmodat", "fchmodat2"] {
        assert_eq!(
            view(&after, name, &target()).action,
            Action::Errno,
            "{name}"
        );
    }
    assert_eq!(view(&after, "read", &target()).action, Action::Allow);
}

#[test]
fn enosys_by_default_by_rule_or_by_runc_s_stub_steers_programs_and_is_no_finding() {
    // Podman's shape: defaultErrnoRet ENOSYS.
    let podman =
        allowing(&["fchmodat"]).replace("\"defaultErrnoRet\": 1", "\"defaultErrnoRet\": 38");
    assert!(gaps(&podman).is_empty());
    // Docker's clone3: an ENOSYS rule, so C libraries fall back to clone.
    let docker = allowing(&["clone", "fork", "vfork"]).replace(
        "\n  ]}",
        ",\n    {\"names\": [\"clone3\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 38}\n  ]}",
    );
    let findings = run(&docker);
    assert!(
        findings
            .iter()
            .all(|f| !f.syscalls.contains(&"clone3".to_string())),
        "{findings:#?}"
    );
    // mkdirat (258) above every number the profile names gets runc's ENOSYS stub...
    let stub = allowing(&["mkdir"]).replace(", \"getrandom\"", "");
    assert!(gaps(&stub).is_empty());
    // ...but below the largest one (getrandom, 318) it gets EPERM, and mkdir does its job.
    let found = gaps(&allowing(&["mkdir"]));
    assert_eq!(names(&found[0]), ["mkdirat", "mkdir"]);
}

#[test]
fn obsolete_calls_tamer_siblings_and_siblings_without_their_capability_are_no_findings() {
    // ustat is obsolete: leaving it out is housekeeping.
    assert!(gaps(&allowing(&["statfs", "fstatfs"])).is_empty());
    // adjtimex without CAP_SYS_TIME only reads the clock; with it, it sets the time.
    let clock = allowing(&["adjtimex", "clock_adjtime", "clock_settime"]);
    assert!(gaps(&clock).is_empty());
    let mut with_cap = target();
    with_cap.caps.insert("CAP_SYS_TIME".to_string());
    let found: Vec<Finding> = lint(&profile(&clock), &with_cap)
        .into_iter()
        .filter(|f| f.id == LintId::IncompleteBlock)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].syscalls[0], "settimeofday");
    // open_by_handle_at (high risk) left out beside openat (low): deliberate.
    assert!(gaps(&allowing(&["open", "creat", "openat2"])).is_empty());
}

#[test]
fn a_short_allowlist_of_the_forms_a_program_uses_is_no_finding() {
    // dup3 alone: dup and dup2 are both left out, as a recorded profile does.
    assert!(gaps(&allowing(&["dup3"])).is_empty());
    // dup2 and dup3 listed: dup is the odd one out.
    let found = gaps(&allowing(&["dup2", "dup3"]));
    assert_eq!(names(&found[0]), ["dup", "dup2", "dup3"]);
    // exit_group without exit: a job every program does, one form of it is enough.
    assert!(run(&allowing(&[]))
        .iter()
        .all(|f| !f.syscalls.contains(&"exit".to_string())));
    // Siblings only some architectures have: fstatfs64 is not on x86_64.
    assert!(gaps(&allowing(&["statfs64", "fstatfs64"])).is_empty());
}

#[test]
fn what_a_deny_leaves_open_merges_every_denied_call_into_one_sentence_and_one_fix() {
    let listed = ["fchmod", "fchmodat", "fchmodat2", "mkdirat"];
    let p = profile(&allowing(&listed));
    let names = vec![
        "chmod".to_string(),
        "fchmod".to_string(),
        "mkdir".to_string(),
    ];
    let mut denied = p.clone();
    crate::profile::Edit::SetAction {
        names: vec!["fchmod".into()],
        action: None,
        errno: None,
    }
    .apply(&mut denied)
    .unwrap();
    // chmod, fchmod and mkdir were just denied (a partial family counts: the intent is known).
    let open = siblings_left_open(&denied, &target(), &names).expect("siblings left open");
    assert_eq!(open.denied, ["chmod", "fchmod", "mkdir"]);
    assert_eq!(open.open, ["fchmodat", "fchmodat2", "mkdirat"]);
    assert_eq!(
        open.sentence("f").english(),
        "chmod, fchmod and mkdir denied, but fchmodat, fchmodat2 and mkdirat still do the same \
         job: f denies them too"
    );
    let mut fixed = denied.clone();
    open.fix.edit().apply(&mut fixed).unwrap();
    for name in [
        "chmod",
        "fchmod",
        "fchmodat",
        "fchmodat2",
        "mkdir",
        "mkdirat",
    ] {
        assert_eq!(
            view(&fixed, name, &target()).action,
            Action::Errno,
            "{name}"
        );
    }
    assert_eq!(view(&fixed, "read", &target()).action, Action::Allow);
    assert!(siblings_left_open(&fixed, &target(), &names).is_none());
    // Nothing denied among the names: nothing to say.
    assert!(siblings_left_open(&p, &target(), &["read".to_string()]).is_none());
}

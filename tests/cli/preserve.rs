//! Saving an edited profile changes only the lines the edit changed, in the file's own style,
//! and never writes over a file changed behind the document's back.

use crate::common;

use seccompose::catalog::Catalog;
use seccompose::profile::{
    self, save_document, Action, Arch, ArgCond, Consent, DiskState, Document, Edit, Op, Profile,
    Rendering, Rule, SaveError, Source,
};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use std::path::{Path, PathBuf};

/// Lines deleted and inserted, as `git diff --stat` counts them.
fn changed_lines(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let (mut deleted, mut inserted) = (Vec::new(), Vec::new());
    for change in TextDiff::from_lines(old, new).iter_all_changes() {
        match change.tag() {
            ChangeTag::Delete => deleted.push(change.value().to_string()),
            ChangeTag::Insert => inserted.push(change.value().to_string()),
            ChangeTag::Equal => {}
        }
    }
    (deleted, inserted)
}

/// Writes `text` to a file, opens it as the editor does, applies `edit` and saves; returns
/// the saved text after checking that it was written minimally and reads back exactly.
fn edit_and_save(text: &str, edit: &Edit) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    std::fs::write(&path, text).unwrap();
    let (parsed, source) = Source::load(&path, &Catalog).unwrap();
    let mut doc = Document::new(parsed.profile.expect("the input loads"));
    doc.apply(edit).unwrap();
    let saved = save_document(
        &path,
        source.as_ref(),
        doc.profile(),
        &Catalog,
        Default::default(),
        false,
    )
    .expect("saved");
    assert_eq!(
        saved.rendering,
        Rendering::Minimal,
        "{}",
        edit.label().english()
    );
    let written = std::fs::read_to_string(&path).unwrap();
    let back = profile::parse(&written, &Catalog)
        .profile
        .expect("the saved file loads");
    assert_eq!(
        profile::to_value(&back),
        profile::to_value(doc.profile()),
        "the saved file means exactly the edited document"
    );
    written
}

/// Every profile the project ships for tests, plus the real-world corpus when present.
fn all_profiles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::fixture(""))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.extend(common::corpus());
    files.sort();
    files.dedup();
    files
}

/// One name from the middle of the profile's largest rule, and an edit that moves it to
/// another unconditional rule (or back to the default action when there is none).
fn move_one_name(p: &Profile) -> Option<Edit> {
    let (from, rule) = p
        .rules()
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.names, Some(profile::Names::List(_))))
        .max_by_key(|(_, r)| r.names().len())?;
    if rule.names().len() < 3 {
        return None;
    }
    let name = rule.names()[rule.names().len() / 2].clone();
    let home = p.rules().iter().enumerate().find(|(i, r)| {
        *i != from
            && r.is_unconditional()
            && r.errno.is_none()
            && r.action != rule.action
            && matches!(r.names, Some(profile::Names::List(_)))
            && !p.rule_has_default_action(r)
    });
    Some(match home {
        Some((_, r)) => Edit::SetAction {
            names: vec![name],
            action: Some(r.action),
            errno: r.errno_ret,
        },
        None => Edit::SetAction {
            names: vec![name],
            action: None,
            errno: None,
        },
    })
}

#[test]
fn moving_a_name_changes_at_most_four_lines_in_every_profile() {
    let mut tried = 0;
    for path in all_profiles() {
        let text = std::fs::read_to_string(&path).unwrap();
        let Some(p) = profile::parse(&text, &Catalog).profile else {
            continue; // fixtures made to fail
        };
        let Some(edit) = move_one_name(&p) else {
            continue;
        };
        let saved = edit_and_save(&text, &edit);
        let (deleted, inserted) = changed_lines(&text, &saved);
        assert!(
            deleted.len() + inserted.len() <= 4 && deleted.len() + inserted.len() > 0,
            "{}: {} gave -{deleted:?} +{inserted:?}",
            path.display(),
            edit.label().english()
        );
        tried += 1;
    }
    assert!(tried >= 1, "at least the project's own fixtures were tried");
}

/// A small profile in the shape of a runtime's default, as JSON text with `indent`.
fn sample(indent: &[u8], crlf: bool) -> String {
    let value = serde_json::json!({
        "defaultAction": "SCMP_ACT_ERRNO",
        "defaultErrnoRet": 1,
        "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
        "syscalls": [
            {
                "names": ["accept", "bind", "brk", "close", "connect", "dup", "execve",
                          "exit_group", "fstat", "mkdir", "mmap", "openat", "read", "write"],
                "action": "SCMP_ACT_ALLOW",
                "comment": "what ordinary programs need"
            },
            {
                "names": ["personality"],
                "action": "SCMP_ACT_ALLOW",
                "args": [{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}]
            },
            {
                "names": ["chroot"],
                "action": "SCMP_ACT_ALLOW",
                "includes": {"caps": ["CAP_SYS_CHROOT"]}
            }
        ]
    });
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(indent),
    );
    value.serialize(&mut ser).unwrap();
    let mut text = String::from_utf8(out).unwrap() + "\n";
    if crlf {
        text = text.replace('\n', "\r\n");
    }
    text
}

/// The edits of every kind, with the most lines each may change.
fn edits() -> Vec<(Edit, usize)> {
    let mut rule = Rule::new(vec!["ptrace".into()], Action::KillProcess);
    rule.comment = Some("no debugging".into());
    vec![
        (
            Edit::SetAction {
                names: vec!["mkdir".into()],
                action: None,
                errno: None,
            },
            1,
        ),
        (
            Edit::SetAction {
                names: vec!["mkdir".into()],
                action: Some(Action::Log),
                errno: None,
            },
            10,
        ),
        (
            Edit::SetConditions {
                rule: 0,
                name: "socket".into(),
                args: vec![],
                action: Action::Allow,
                errno: None,
            },
            0, // refused: socket is not in rule 0, so nothing may change (checked below)
        ),
        (
            Edit::SetConditions {
                rule: 0,
                name: "connect".into(),
                args: vec![ArgCond::new(0, Op::Le, 2, None)],
                action: Action::Allow,
                errno: None,
            },
            16,
        ),
        (
            Edit::AddRule {
                rule: rule.clone(),
                at: None,
            },
            9,
        ),
        (Edit::RemoveRule(1), 13),
        (
            Edit::SetDefault {
                action: Action::KillProcess,
                errno: None,
            },
            3,
        ),
        (
            Edit::SetArchitectures(Some(vec![Arch::X86_64, Arch::AARCH64])),
            5,
        ),
        (
            Edit::SetFlags(Some(vec!["SECCOMP_FILTER_FLAG_LOG".into()])),
            5,
        ),
    ]
}

fn check_edit_kinds(indent: &[u8], crlf: bool) {
    let text = sample(indent, crlf);
    let indent = std::str::from_utf8(indent).unwrap();
    let other_indent = if indent.starts_with('\t') { ' ' } else { '\t' };
    for (edit, most) in edits() {
        let p = profile::parse(&text, &Catalog).profile.unwrap();
        if edit.apply(&mut p.clone()).is_err() {
            assert_eq!(most, 0, "{} should apply", edit.label().english());
            continue;
        }
        let saved = edit_and_save(&text, &edit);
        let (deleted, inserted) = changed_lines(&text, &saved);
        let changed = deleted.len() + inserted.len();
        assert!(
            changed > 0 && changed <= most,
            "{} ({indent:?}, crlf {crlf}): -{deleted:?} +{inserted:?}",
            edit.label().english()
        );
        for line in &inserted {
            assert!(
                !line.starts_with(other_indent),
                "{}: inserted line not in the file's indentation: {line:?}",
                edit.label().english()
            );
            assert_eq!(
                line.ends_with("\r\n"),
                crlf,
                "{}: line ending of {line:?}",
                edit.label().english()
            );
        }
        assert!(saved.ends_with(if crlf { "}\r\n" } else { "}\n" }));
    }
}

#[test]
fn every_edit_kind_is_minimal_in_a_tab_indented_file() {
    check_edit_kinds(b"\t", false);
}

#[test]
fn every_edit_kind_is_minimal_in_a_four_space_crlf_file() {
    check_edit_kinds(b"    ", true);
}

#[test]
fn a_removed_rule_takes_exactly_its_own_lines() {
    let text = sample(b"\t", false);
    let saved = edit_and_save(&text, &Edit::RemoveRule(1));
    let (deleted, inserted) = changed_lines(&text, &saved);
    assert!(inserted.is_empty(), "nothing inserted: {inserted:?}");
    assert!(deleted.iter().any(|l| l.contains("personality")));
    assert!(deleted
        .iter()
        .all(|l| !l.contains("chroot") && !l.contains("accept")));
}

#[test]
fn unknown_fields_key_order_and_number_spelling_stay() {
    let text = "{\n    \"syscalls\": [\n        {\"action\": \"SCMP_ACT_ALLOW\", \"x-owner\": \"team \\u0041\", \"names\": [\"read\", \"write\"]}\n    ],\n    \"defaultAction\": \"SCMP_ACT_ERRNO\",\n    \"defaultErrnoRet\": 1\n}\n";
    let saved = edit_and_save(
        text,
        &Edit::SetAction {
            names: vec!["write".into()],
            action: None,
            errno: None,
        },
    );
    assert_eq!(saved, text.replace(", \"write\"", ""));
}

fn write_and_open(dir: &Path, text: &str) -> (PathBuf, Profile, Option<Source>) {
    let path = dir.join("p.json");
    std::fs::write(&path, text).unwrap();
    let (parsed, source) = Source::load(&path, &Catalog).unwrap();
    (path, parsed.profile.unwrap(), source)
}

#[test]
fn a_file_changed_behind_the_documents_back_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample(b"  ", false);
    let (path, p, source) = write_and_open(dir.path(), &text);
    let theirs = text.replace("\"mkdir\",", "\"mkdirat\",");
    std::fs::write(&path, &theirs).unwrap();
    match save_document(
        &path,
        source.as_ref(),
        &p,
        &Catalog,
        Default::default(),
        true,
    ) {
        Err(SaveError::ChangedOnDisk(DiskState::Changed)) => {}
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their file is untouched"
    );
    // Told to, it overwrites.
    save_document(
        &path,
        source.as_ref(),
        &p,
        &Catalog,
        Consent {
            changed_on_disk: true,
            read_only: false,
        },
        true,
    )
    .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        save_document(
            &path,
            source.as_ref(),
            &p,
            &Catalog,
            Default::default(),
            false
        ),
        Err(SaveError::ChangedOnDisk(DiskState::Gone))
    ));
    std::fs::write(&path, "{}").unwrap();
    assert!(matches!(
        save_document(&path, None, &p, &Catalog, Default::default(), false),
        Err(SaveError::ChangedOnDisk(DiskState::Appeared))
    ));
}

#[test]
fn every_edit_kind_is_minimal_on_the_projects_realistic_fixtures() {
    for (name, indent, crlf) in [
        ("runtime-default.json", "\t", false),
        ("service-4space.json", "    ", true),
    ] {
        let text = std::fs::read_to_string(common::fixture(name)).unwrap();
        let p = profile::parse(&text, &Catalog).profile.unwrap();
        let big = move_one_name(&p).expect("a large rule");
        let mut rule = Rule::new(vec!["ptrace".into()], Action::KillProcess);
        rule.comment = Some("no debugging".into());
        let kinds = [
            (big, 4),
            (Edit::AddRule { rule, at: Some(1) }, 8),
            (Edit::RemoveRule(p.rules().len() - 1), 40),
            (
                Edit::SetDefault {
                    action: Action::KillProcess,
                    errno: None,
                },
                3,
            ),
            (
                Edit::SetFlags(Some(vec!["SECCOMP_FILTER_FLAG_SPEC_ALLOW".into()])),
                6,
            ),
        ];
        for (edit, most) in kinds {
            let saved = edit_and_save(&text, &edit);
            let (deleted, inserted) = changed_lines(&text, &saved);
            let changed = deleted.len() + inserted.len();
            assert!(
                changed > 0 && changed <= most,
                "{name}: {}: -{deleted:?} +{inserted:?}",
                edit.label().english()
            );
            for line in &inserted {
                let lead: String = line
                    .chars()
                    .take_while(|c| c.is_whitespace() && *c != '\r' && *c != '\n')
                    .collect();
                assert!(
                    lead.is_empty() || lead.starts_with(indent) || lead.len() < indent.len(),
                    "{name}: {}: {line:?} not indented with {indent:?}",
                    edit.label().english()
                );
                assert!(!lead.contains(if indent == "\t" { ' ' } else { '\t' }));
                assert_eq!(
                    line.ends_with("\r\n"),
                    crlf,
                    "{name}: line ending of {line:?}"
                );
            }
        }
    }
}

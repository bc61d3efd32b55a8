//! View 4 with the keys: findings grouped by severity, `f` fixes as one undoable edit, Enter
//! goes to the syscall (view 1) or to the rule editor for findings about conditions, and the
//! title bar counts the findings on every view.

use crate::editor_support;

use editor_support::{on_fixture, press, screen};
use seccompose::profile::{view, Action};
use seccompose::tui::app::{App, Modal};
use seccompose::tui::views::View;
use std::time::Duration;

fn settle(app: &mut App) {
    assert!(app.wait_for_lint(Duration::from_secs(60)), "lint answers");
}

#[test]
fn f_fixes_the_selected_finding_as_one_undoable_edit() {
    let mut app = on_fixture("seed-mkdir-chmod-chown.json");
    let target = app.session.target.clone();
    settle(&mut app);
    press(&mut app, &["4"]);
    settle(&mut app);
    assert!(screen(&mut app, 100, 30).contains("Warnings (2)"));
    // The first warning (the default action letting high-risk calls through) has no fix.
    press(&mut app, &["f"]);
    assert!(!app.session.doc.is_modified());
    press(&mut app, &["j", "f"]);
    let p = app.session.profile().clone();
    for name in [
        "mkdirat",
        "fchmodat",
        "fchmodat2",
        "fchownat",
        "fchown",
        "lchown",
    ] {
        assert_eq!(view(&p, name, &target).action, Action::Errno, "{name}");
    }
    settle(&mut app);
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("Lint: 1 warning"), "{text}");
    assert!(text.contains("W1"), "the title bar counts: {text}");
    press(&mut app, &["u"]);
    assert!(
        !app.session.doc.is_modified(),
        "one undo takes the whole fix back"
    );
    press(&mut app, &["ctrl-r"]);
    assert_eq!(app.session.profile(), &p);
}

#[test]
fn a_stale_report_is_never_fixed() {
    let mut app = on_fixture("seed-mkdir-chmod-chown.json");
    press(&mut app, &["4"]);
    settle(&mut app);
    press(&mut app, &["j"]);
    // An edit the worker has not seen yet: `f` must not apply fixes computed for before it.
    app.session
        .set_action(vec!["read".into()], Some(Action::Errno), Some(1));
    let before = app.session.profile().clone();
    press(&mut app, &["f"]);
    if app.lint.current(&app.session).is_none() {
        assert_eq!(app.session.profile(), &before);
    }
}

#[test]
fn enter_goes_to_the_syscall_or_to_the_rule_editor() {
    let mut app = on_fixture("seed-mkdir-chmod-chown.json");
    press(&mut app, &["4"]);
    settle(&mut app);
    press(&mut app, &["j", "enter"]);
    assert_eq!(app.view, View::Syscalls);
    assert_eq!(app.syscalls.selected().map(|s| s.name()), Some("mkdir"));

    // A finding about an argument condition opens the rule editor.
    let mut app = on_fixture("lint-conditions.json");
    press(&mut app, &["4"]);
    settle(&mut app);
    let report = app.lint.current(&app.session).unwrap().clone();
    let at = report
        .findings
        .iter()
        .position(|f| f.id == seccompose::lint::LintId::PointerArgument)
        .expect("a pointer condition");
    for _ in 0..at {
        press(&mut app, &["j"]);
    }
    press(&mut app, &["enter"]);
    assert!(matches!(app.modal, Some(Modal::Rules(_))));
    assert_eq!(app.syscalls.selected().map(|s| s.name()), Some("openat"));
}

/// After a save that moved lines, what points into the file (view 4's findings, the rule
/// editor) points where the rules are in the file now, as `seccompose lint` on it says.
#[test]
fn positions_follow_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runtime-default.json");
    std::fs::copy(fixture, &file).unwrap();
    let mut app = editor_support::opened(&file);
    let positions =
        |p: &seccompose::profile::Profile| -> Vec<_> { p.rules().iter().map(|r| r.pos).collect() };
    let before = positions(app.session.profile());
    // Taking `read` out of the big allow list removes a line above every later rule.
    app.session
        .set_action(vec!["read".into()], Some(Action::Errno), Some(1));
    press(&mut app, &["ctrl-s"]);
    assert!(!app.session.doc.is_modified(), "saved");
    let on_disk = seccompose::profile::load(&file, &seccompose::catalog::Catalog)
        .unwrap()
        .profile
        .unwrap();
    let now = positions(app.session.profile());
    assert_eq!(now, positions(&on_disk));
    assert_ne!(
        now[..before.len().min(now.len())],
        before[..before.len().min(now.len())]
    );
}

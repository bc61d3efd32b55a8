//! Keys change the document as the contract says: asserted on the profile itself, not the screen.

use crate::editor_support;

use editor_support::{builtin, on_file, opened, options, press, type_text};
use seccompose::catalog::Catalog;
use seccompose::profile::{self, view, Action, Op};
use seccompose::tui::app::{App, Modal};
use seccompose::tui::views::View;
use seccompose::tui::widgets::dialog::Dialog;

fn gets(app: &App, name: &str) -> (Action, u64) {
    let v = view(app.session.profile(), name, &app.session.target);
    (v.action.semantic(), v.errno)
}

fn search(app: &mut App, text: &str) {
    press(app, &["/"]);
    type_text(app, text);
    press(app, &["enter"]);
}

#[test]
fn every_action_key_sets_the_selected_syscall() {
    let mut app = builtin();
    search(&mut app, "chmod");
    assert_eq!(app.syscalls.selected().unwrap().name(), "chmod");
    for (k, expected) in [
        ("d", Action::Errno),
        ("x", Action::KillProcess),
        ("l", Action::Log),
        ("t", Action::Trap),
        ("n", Action::Notify),
        ("a", Action::Allow),
    ] {
        press(&mut app, &[k]);
        assert_eq!(gets(&app, "chmod").0, expected, "key {k}");
    }
    press(&mut app, &["-"]);
    let v = view(app.session.profile(), "chmod", &app.session.target);
    assert!(v.from_default, "- sends it back to the default action");
}

#[test]
fn undo_and_redo_walk_the_history() {
    let mut app = builtin();
    let original = app.session.profile().clone();
    search(&mut app, "chmod");
    press(&mut app, &["d"]);
    let denied = app.session.profile().clone();
    assert_eq!(gets(&app, "chmod").0, Action::Errno);
    assert!(app.session.doc.is_modified());
    press(&mut app, &["u"]);
    assert_eq!(app.session.profile(), &original);
    assert!(!app.session.doc.is_modified());
    press(&mut app, &["ctrl-r"]);
    assert_eq!(app.session.profile(), &denied);
}

#[test]
fn a_category_key_sets_every_member_and_marks_set_several() {
    let mut app = builtin();
    // The categories pane: the first category is files.
    press(&mut app, &["backtab", "x"]);
    let files: Vec<_> = Catalog
        .in_category(Catalog.category("files").unwrap())
        .collect();
    assert!(files
        .iter()
        .all(|s| gets(&app, s.name()).0 == Action::KillProcess));
    press(&mut app, &["u", "tab", "space", "space", "l"]);
    let logged: Vec<_> = files
        .iter()
        .filter(|s| gets(&app, s.name()).0 == Action::Log)
        .map(|s| s.name())
        .collect();
    assert_eq!(logged, vec![files[0].name(), files[1].name()]);
    assert!(app.syscalls.marked().is_empty(), "marks clear after acting");
}

#[test]
fn the_errno_prompt_takes_names_and_numbers() {
    let mut app = builtin();
    search(&mut app, "mkdir");
    press(&mut app, &["e"]);
    type_text(&mut app, "EACCES");
    press(&mut app, &["enter"]);
    assert_eq!(gets(&app, "mkdir"), (Action::Errno, 13));
    press(&mut app, &["e"]);
    type_text(&mut app, "nonsense");
    press(&mut app, &["enter"]);
    assert!(
        matches!(app.modal, Some(Modal::Prompt(_))),
        "a bad errno keeps the prompt open"
    );
    press(&mut app, &["esc"]);
    press(&mut app, &["e"]);
    type_text(&mut app, "0x26");
    press(&mut app, &["enter"]);
    assert_eq!(gets(&app, "mkdir"), (Action::Errno, 38));
}

#[test]
fn the_rule_editor_adds_anded_conditions_by_argument_name() {
    let mut app = builtin();
    search(&mut app, "clone");
    assert_eq!(app.syscalls.selected().unwrap().name(), "clone");
    press(&mut app, &["enter", "n", "down", "down"]);
    // flags & CLONE_NEWUSER == 0, and a second condition on another argument
    press(
        &mut app,
        &["right", "right", "right", "right", "right", "right"],
    );
    press(&mut app, &["down"]);
    type_text(&mut app, "CLONE_NEWUSER");
    press(&mut app, &["ctrl-n", "down", "down"]);
    type_text(&mut app, "0");
    press(&mut app, &["enter"]);
    assert!(
        matches!(app.modal, Some(Modal::Rules(_))),
        "back to the rule list"
    );
    let p = app.session.profile();
    let rule = p
        .rules()
        .iter()
        .rev()
        .find(|r| r.names() == ["clone"] && !r.conditions().is_empty())
        .expect("a new rule for clone");
    assert_eq!(rule.action, Action::Allow);
    let c = rule.conditions();
    assert_eq!(c.len(), 2);
    assert_eq!(
        (c[0].index, c[0].op, c[0].value, c[0].value_two),
        (0, Op::MaskedEq, 0x1000_0000, Some(0))
    );
    assert_eq!((c[1].index, c[1].op, c[1].value), (1, Op::Eq, 0));
    press(&mut app, &["u"]);
    assert!(
        !app.session.doc.is_modified(),
        "one undo removes the whole rule"
    );
}

#[test]
fn the_rule_editor_takes_a_syscall_out_of_a_shared_rule() {
    let mut app = builtin();
    search(&mut app, "read");
    press(&mut app, &["enter", "x"]);
    let v = view(app.session.profile(), "read", &app.session.target);
    assert!(v.rules.is_empty() && v.from_default);
    assert!(
        app.session.profile().rules()[0].names().len() > 100,
        "the others keep the rule"
    );
}

#[test]
fn quitting_with_changes_asks_and_cancel_keeps_editing() {
    let mut app = builtin();
    press(&mut app, &["q"]);
    assert!(app.quit, "nothing changed: quits at once");
    let mut app = builtin();
    press(&mut app, &["d", "q"]);
    assert!(matches!(app.modal, Some(Modal::Dialog(Dialog::Quit))));
    assert!(!app.quit);
    press(&mut app, &["c"]);
    assert!(app.modal.is_none() && !app.quit && app.session.doc.is_modified());
    press(&mut app, &["q", "n"]);
    assert!(app.quit, "discard quits");
}

#[test]
fn saving_writes_the_file_and_clears_the_modified_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let mut app = on_file(
        seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog),
        path.clone(),
    );
    search(&mut app, "rmdir");
    press(&mut app, &["d", "q", "y"]);
    assert!(app.quit, "save and quit");
    let saved = profile::load(&path, &Catalog).unwrap().profile.unwrap();
    assert_eq!(
        view(&saved, "rmdir", &app.session.target).action,
        Action::Errno
    );
    assert!(!app.session.doc.is_modified());
}

const TABBED: &str = "{\n\t\"defaultAction\": \"SCMP_ACT_ERRNO\",\n\t\"syscalls\": [\n\t\t{\n\t\t\t\"names\": [\n\t\t\t\t\"execve\",\n\t\t\t\t\"mkdir\",\n\t\t\t\t\"read\"\n\t\t\t],\n\t\t\t\"action\": \"SCMP_ACT_ALLOW\"\n\t\t}\n\t]\n}\n";

#[test]
fn saving_changes_only_the_edited_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    std::fs::write(&path, TABBED).unwrap();
    let mut app = opened(&path);
    search(&mut app, "mkdir");
    press(&mut app, &["d", "ctrl-s"]);
    assert!(app.modal.is_none(), "saved without a question");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        TABBED.replace("\t\t\t\t\"mkdir\",\n", "")
    );
}

#[test]
fn a_file_changed_behind_the_editors_back_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    std::fs::write(&path, TABBED).unwrap();
    let mut app = opened(&path);
    search(&mut app, "mkdir");
    press(&mut app, &["d"]);
    let ours = app.session.profile().clone();
    let theirs = TABBED.replace("\"read\"", "\"write\"");
    std::fs::write(&path, &theirs).unwrap();

    press(&mut app, &["ctrl-s"]);
    assert!(
        matches!(app.modal, Some(Modal::Dialog(Dialog::ChangedOnDisk { .. }))),
        "the save asks"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing written yet"
    );
    press(&mut app, &["c"]);
    assert!(app.modal.is_none() && app.session.doc.is_modified());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "cancel writes nothing"
    );

    // Reload: their version, with ours one undo away.
    press(&mut app, &["ctrl-s", "r"]);
    assert!(app.modal.is_none());
    assert_eq!(
        gets(&app, "write").0,
        Action::Allow,
        "their change is loaded"
    );
    assert!(!app.session.doc.is_modified());
    press(&mut app, &["u"]);
    assert_eq!(app.session.profile(), &ours);

    // Quitting with a save on a changed file asks too; overwrite writes ours.
    std::fs::write(&path, TABBED).unwrap();
    press(&mut app, &["q", "y"]);
    assert!(matches!(
        app.modal,
        Some(Modal::Dialog(Dialog::ChangedOnDisk { .. }))
    ));
    assert!(!app.quit);
    press(&mut app, &["o"]);
    assert!(app.quit, "overwritten, then quit");
    let saved = profile::load(&path, &Catalog).unwrap().profile.unwrap();
    assert_eq!(profile::to_value(&saved), profile::to_value(&ours));
}

#[test]
fn save_as_asks_before_replacing_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taken.json");
    std::fs::write(&path, "not mine").unwrap();
    let mut app = builtin();
    press(&mut app, &["d", "ctrl-s"]);
    for _ in 0.."seccomp.json".len() {
        press(&mut app, &["backspace"]);
    }
    type_text(&mut app, path.to_str().unwrap());
    press(&mut app, &["enter"]);
    assert!(matches!(app.modal, Some(Modal::Prompt(_))), "asks first");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "not mine");
    press(&mut app, &["enter"]);
    assert!(app.modal.is_none());
    assert!(profile::load(&path, &Catalog).unwrap().profile.is_some());
}

#[test]
fn the_built_in_profile_is_saved_under_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    let mut app = builtin();
    press(&mut app, &["d", "ctrl-s"]);
    assert!(matches!(app.modal, Some(Modal::Prompt(_))));
    for _ in 0.."seccomp.json".len() {
        press(&mut app, &["backspace"]);
    }
    type_text(&mut app, path.to_str().unwrap());
    press(&mut app, &["enter"]);
    assert!(path.exists());
    assert!(!app.session.doc.is_modified());
}

#[test]
fn settings_change_the_default_action_architectures_and_target() {
    let mut app = builtin();
    press(&mut app, &["5", "right"]);
    assert_eq!(app.view, View::Settings);
    assert_eq!(app.session.profile().default_action, Action::KillProcess);
    press(&mut app, &["j", "j", "space"]);
    assert_eq!(
        profile::covered_arches(app.session.profile()),
        vec![profile::Arch::AARCH64]
    );
    // The capabilities: the row above the language, the last one.
    press(&mut app, &["G", "k", "enter"]);
    type_text(&mut app, "SYS_ADMIN");
    press(&mut app, &["enter"]);
    assert!(app.session.target.caps.contains("CAP_SYS_ADMIN"));
    press(&mut app, &["u", "u"]);
    assert!(
        !app.session.doc.is_modified(),
        "target changes are not document edits"
    );
}

#[test]
fn a_recovery_file_is_offered_and_restores_as_one_undoable_edit() {
    let state = tempfile::tempdir().unwrap();
    let doc = state.path().join("p.json");
    let mut first = App::new(
        seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog),
        Some(doc.clone()),
        options(true, Some(state.path()), Some(&doc)),
    );
    search(&mut first, "rmdir");
    press(&mut first, &["x"]);
    first.flush_recovery();
    let changed = first.session.profile().clone();
    drop(first);
    let mut second = App::new(
        seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog),
        Some(doc.clone()),
        options(true, Some(state.path()), Some(&doc)),
    );
    assert!(matches!(
        second.modal,
        Some(Modal::Dialog(Dialog::Recover { .. }))
    ));
    // Typing that started before the question answers nothing, however long it goes on.
    for _ in 0..3 {
        press(&mut second, &["p", "y", "r", "n"]);
        std::thread::sleep(seccompose::tui::app::ANSWER_AFTER_QUIET / 2);
    }
    assert!(
        matches!(second.modal, Some(Modal::Dialog(Dialog::Recover { .. }))),
        "a burst of typing did not answer"
    );
    assert!(!second.session.doc.is_modified());
    // A key after a pause does; other keys never do.
    std::thread::sleep(seccompose::tui::app::ANSWER_AFTER_QUIET);
    press(&mut second, &["j"]);
    std::thread::sleep(seccompose::tui::app::ANSWER_AFTER_QUIET);
    press(&mut second, &["r"]);
    assert_eq!(
        profile::to_canonical_string(second.session.profile()),
        profile::to_canonical_string(&changed)
    );
    assert!(second.session.doc.is_modified());
    press(&mut second, &["u"]);
    assert!(!second.session.doc.is_modified());
    // A file on disk that already holds what the recovery file holds: nothing to offer.
    let third = App::new(
        changed,
        Some(doc.clone()),
        options(true, Some(state.path()), Some(&doc)),
    );
    assert!(third.modal.is_none(), "not offered when equal to the file");
}

#[test]
fn the_tour_shows_once_and_the_first_use_of_an_action_is_explained() {
    let mut app = App::new(
        seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog),
        None,
        options(false, None, None),
    );
    // The tour takes no keys: typing goes to the editor, the tour follows the view.
    assert!(app.tour && app.modal.is_none());
    let tour_title = |app: &mut App| {
        let screen = editor_support::screen(app, 120, 36);
        screen
            .lines()
            .find_map(|l| l.split("Tour: ").nth(1).map(|t| t[..5].to_string()))
    };
    assert_eq!(tour_title(&mut app).as_deref(), Some("1 Sys"));
    press(&mut app, &["/"]);
    type_text(&mut app, "chmod");
    press(&mut app, &["enter"]);
    assert_eq!(app.syscalls.selected().map(|s| s.name()), Some("chmod"));
    for (view, title) in [
        ("2", "2 BPF"),
        ("3", "3 Run"),
        ("4", "4 Lin"),
        ("1", "1 Sys"),
    ] {
        press(&mut app, &[view]);
        assert_eq!(tour_title(&mut app).as_deref(), Some(title), "view {view}");
    }
    assert!(!app.session.memory.tour_done);
    press(&mut app, &["ctrl-t"]);
    assert!(!app.tour && app.session.memory.tour_done);
    assert_eq!(tour_title(&mut app), None);
    press(&mut app, &["l"]);
    assert_eq!(app.session.lesson, Some(Action::Log));
    press(&mut app, &["j", "l"]);
    assert_eq!(app.session.lesson, None, "explained once only");
}

#[test]
fn the_mouse_selects_and_scrolls() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = builtin();
    editor_support::draw(&mut app, 80, 24);
    let areas = app.syscalls.areas();
    let click = |column, row| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.mouse(click(areas.list.x + 3, areas.list.y + 3));
    assert_eq!(app.syscalls.rows().1, 2);
    app.mouse(click(areas.categories.x + 2, areas.categories.y + 2));
    assert_eq!(app.syscalls.rows().0, 1);
    assert_eq!(app.syscalls.selected().unwrap().category().id(), "io");
    app.mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: areas.list.x + 3,
        row: areas.list.y + 3,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.syscalls.rows().1, 3);
}

#[test]
fn the_starter_picker_starts_over_as_one_undoable_edit() {
    use seccompose::profile::starters::STARTERS;
    let mut app = builtin();
    let before = app.session.profile().clone();
    press(&mut app, &["ctrl-n"]);
    assert!(matches!(app.modal, Some(Modal::Starters(_))));
    let screen = editor_support::screen(&mut app, 160, 48);
    for s in STARTERS {
        assert!(screen.contains(s.name), "{} listed:\n{screen}", s.name);
    }
    let pick = STARTERS
        .iter()
        .position(|s| s.name == "no-network")
        .expect("a no-network starter");
    for _ in 0..pick {
        press(&mut app, &["j"]);
    }
    press(&mut app, &["enter"]);
    assert!(app.modal.is_none());
    assert_eq!(
        profile::to_value(app.session.profile()),
        profile::to_value(&STARTERS[pick].profile(&Catalog))
    );
    press(&mut app, &["u"]);
    assert_eq!(app.session.profile(), &before, "one undo goes back");
    press(&mut app, &["ctrl-n", "esc"]);
    assert!(
        app.modal.is_none() && app.session.profile() == &before,
        "esc changes nothing"
    );
}

#[test]
fn a_deny_that_leaves_same_job_siblings_allowed_says_so_and_f_denies_them_in_one_edit() {
    let mut app = builtin();
    search(&mut app, "chmod");
    press(&mut app, &["d"]);
    let (said, _) = app.session.status.clone().expect("a status");
    assert_eq!(
        said,
        "chmod denied, but fchmod, fchmodat and fchmodat2 still do the same job: f denies them too"
    );
    let denied = app.session.profile().clone();
    press(&mut app, &["f"]);
    for name in ["chmod", "fchmod", "fchmodat", "fchmodat2"] {
        assert_eq!(gets(&app, name), (Action::Errno, 1), "{name}");
    }
    let changed: Vec<String> = profile::diff(&denied, app.session.profile(), &app.session.target)
        .syscalls
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(changed, ["fchmod", "fchmodat", "fchmodat2"]);
    press(&mut app, &["u"]);
    assert_eq!(app.session.profile(), &denied, "one undo step");
    press(&mut app, &["f"]);
    assert_eq!(app.session.profile(), &denied, "undo forgets the fix");

    // A family denied step by step: still said, for the calls that are left.
    press(&mut app, &["/"]);
    type_text(&mut app, "fchmodat");
    press(&mut app, &["enter", "d"]);
    let (said, _) = app.session.status.clone().expect("a status");
    assert!(
        said.starts_with("fchmodat denied, but fchmod and fchmodat2"),
        "{said}"
    );

    // The allow-by-default shape: the deny is a rule, and so is the fix.
    let text = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": []}"#;
    let parsed = profile::parse(text, &Catalog);
    let mut app = on_file(parsed.profile.unwrap(), "p.json".into());
    search(&mut app, "mkdir");
    press(&mut app, &["d"]);
    let (said, _) = app.session.status.clone().expect("a status");
    assert_eq!(
        said,
        "mkdir denied, but mkdirat still does the same job: f denies it too"
    );
    press(&mut app, &["f"]);
    assert_eq!(gets(&app, "mkdirat"), (Action::Errno, 1));
    // Allowing is not denying: nothing to say.
    press(&mut app, &["a"]);
    assert!(!app.session.status.clone().unwrap().0.contains("same job"));
}

/// The title names what an unsaved document began as: the built-in profile, a starter picked
/// with ctrl-n, a lesson.
#[test]
fn the_title_names_the_starter_or_lesson_a_document_came_from() {
    let mut app = builtin();
    let title = |app: &mut App| {
        editor_support::screen(app, 160, 48)
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert!(title(&mut app).contains("built-in default (unsaved)"));
    let strict = seccompose::profile::starters::STARTERS
        .iter()
        .position(|s| s.name == "strict")
        .unwrap();
    press(&mut app, &["ctrl-n"]);
    for _ in 0..strict {
        press(&mut app, &["down"]);
    }
    press(&mut app, &["enter"]);
    assert!(
        title(&mut app).contains("starter strict (unsaved)"),
        "{}",
        title(&mut app)
    );
    app.lessons.start(2, &mut app.session, 0);
    assert!(
        title(&mut app).contains("lesson 3 (unsaved)"),
        "{}",
        title(&mut app)
    );
}

/// `?` starts where the keyboard is: the focused view's keys first; and a window's status
/// line shows that window's keys, not `q quit` where q is typed.
#[test]
fn help_starts_where_you_are_and_windows_hint_their_own_keys() {
    let mut app = builtin();
    let first_group = |app: &mut App| {
        let screen = editor_support::screen(app, 120, 60);
        [
            "Run view",
            "Lint view",
            "Categories and syscalls",
            "Everywhere",
        ]
        .into_iter()
        .min_by_key(|t| screen.find(t).unwrap_or(usize::MAX))
        .unwrap()
    };
    for (view, first) in [
        ("3", "Run view"),
        ("4", "Lint view"),
        ("1", "Categories and syscalls"),
    ] {
        press(&mut app, &[view, "?"]);
        assert_eq!(first_group(&mut app), first, "view {view}");
        press(&mut app, &["esc"]);
    }
    press(&mut app, &["enter"]); // the rule editor
    press(&mut app, &["n"]); // a new rule's form
    let last = editor_support::screen(&mut app, 160, 48);
    let status = last.lines().last().unwrap();
    assert!(
        status.contains("apply") && status.contains("cancel"),
        "{status}"
    );
    assert!(!status.contains("quit"), "{status}");
}

/// View 5 lists every native architecture the profile's archMap names, the ones the catalog
/// has no table for (MIPS) included, and each can be toggled.
#[test]
fn view_5_lists_and_toggles_every_architecture_of_the_arch_map() {
    let mut app = editor_support::on_fixture("runtime-default.json");
    press(&mut app, &["5"]);
    let screen = editor_support::screen(&mut app, 120, 60);
    assert!(screen.contains("mips64"), "{screen}");
    let rows = seccompose::tui::views::settings::rows(&app.session);
    let at = rows
        .iter()
        .position(|r| matches!(r, seccompose::tui::views::settings::Row::Arch(a) if a.short_name() == "mips64"))
        .expect("a mips64 row");
    for _ in 0..at {
        press(&mut app, &["down"]);
    }
    press(&mut app, &["space"]);
    let map = app.session.profile().arch_map.clone().unwrap();
    assert!(
        map.iter().all(|e| e.architecture.short_name() != "mips64"),
        "{map:?}"
    );
    assert_eq!(map.len(), 5, "only mips64 went");
    press(&mut app, &["space"]);
    let map = app.session.profile().arch_map.clone().unwrap();
    assert_eq!(map.len(), 6, "and it comes back: {map:?}");
}

/// At 120 columns and wider, view 1's list shows at least 30 characters of each summary (the
/// details go under the list until there is room for both).
#[test]
fn the_syscall_list_shows_thirty_characters_of_summary_from_120_columns() {
    let mut app = builtin();
    for (width, height) in [(120, 36), (140, 40), (160, 48), (200, 50)] {
        let screen = editor_support::screen(&mut app, width, height);
        let row = screen
            .lines()
            .find(|l| l.contains(" access ") && l.contains(" low "))
            .unwrap_or_else(|| panic!("{width}: no access row in\n{screen}"));
        let summary = row.split(" low ").nth(1).unwrap().trim_start();
        let shown: String = summary
            .chars()
            .take_while(|c| *c != '…' && *c != '┃' && *c != '│')
            .collect();
        assert!(shown.trim_end().chars().count() >= 30, "{width}: {row}");
    }
}

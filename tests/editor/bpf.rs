//! View 2 follows the document: edits, undo, redo and target changes recompile the filter,
//! the selected syscall's path is highlighted, and a profile that does not compile shows
//! libseccomp's error instead of a listing. Asserted on the structure of the screen, not
//! on instruction counts that depend on the installed libseccomp.

use crate::common;
use crate::editor_support;

use editor_support::{builtin, on_fixture, press, screen, settle, type_text};
use seccompose::catalog::Catalog;
use seccompose::profile::{self, Action, Arch, Edit, Rule};
use seccompose::tui::app::App;

/// The small fixture with `name` selected in view 1, showing view 2 and its screen.
fn following(name: &str) -> (App, String) {
    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["/"]);
    type_text(&mut app, name);
    press(&mut app, &["enter", "2"]);
    let shown = bpf_screen(&mut app);
    (app, shown)
}

/// View 2 at 100x40, settled.
fn bpf_screen(app: &mut App) -> String {
    settle(app);
    screen(app, 100, 40)
}

/// One instruction as the listing shows it.
#[derive(Debug, PartialEq)]
struct Row {
    on_path: bool,
    own: bool,
    index: usize,
    text: String,
}

/// The listing's rows on screen.
fn rows(screen: &str) -> Vec<Row> {
    screen
        .lines()
        .filter_map(|l| l.trim_matches('"').strip_prefix('┃'))
        .filter_map(|l| {
            let mut chars = l.chars();
            let (path, own) = (chars.next()?, chars.next()?);
            let rest = chars.as_str().trim_start();
            let (index, text) = rest.split_once("  ")?;
            Some(Row {
                on_path: path == '▶',
                own: own == '+',
                index: index.parse().ok()?,
                text: text.trim_end_matches([' ', '┃']).to_string(),
            })
        })
        .collect()
}

fn on_path(screen: &str) -> Vec<String> {
    rows(screen)
        .into_iter()
        .filter(|r| r.on_path)
        .map(|r| r.text)
        .collect()
}

#[test]
fn allowing_a_syscall_in_view_1_puts_it_in_the_listing_and_undo_takes_it_out() {
    let (mut app, before) = following("mkdir");
    assert!(!before.contains("A == mkdir"), "{before}");
    assert!(before.contains("mkdir, args 0: ERRNO(EPERM) by the default action"));
    assert_eq!(on_path(&before).last().unwrap(), "return ERRNO(1)");

    press(&mut app, &["1", "a", "2"]);
    let allowed = bpf_screen(&mut app);
    let path = on_path(&allowed);
    assert!(
        path.iter().any(|t| t.starts_with("if (A == mkdir)")),
        "{allowed}"
    );
    assert_eq!(path.last().unwrap(), "return ALLOW");
    assert!(allowed.contains("mkdir, args 0: ALLOW by syscalls["));

    press(&mut app, &["u"]);
    let undone = bpf_screen(&mut app);
    assert_eq!(rows(&undone), rows(&before), "undo restores the listing");
    press(&mut app, &["ctrl-r"]);
    assert_eq!(rows(&bpf_screen(&mut app)), rows(&allowed), "and redo");
}

#[test]
fn follow_highlights_the_selected_syscalls_path_and_f_turns_it_off() {
    let (mut app, shown) = following("ptrace");
    let path = on_path(&shown);
    assert_eq!(path.first().unwrap(), "A = arch");
    assert!(path.contains(&"if (A == ptrace) goto 16 else goto 8".to_string()));
    assert_eq!(path.last().unwrap(), "return KILL_THREAD");
    assert!(
        !path
            .iter()
            .any(|t| t.contains("exit_group") || t == "return ALLOW"),
        "only the path is marked: {path:?}"
    );
    assert!(shown.contains("ptrace, args 0: KILL_THREAD by syscalls[1] at 6:5"));
    let decision = app.bpf.cursor().selected;
    assert!(app.session.profile().rules()[1].names() == ["ptrace"]);
    assert!(
        rows(&shown)[decision - app.bpf.cursor().offset]
            .text
            .contains("ptrace"),
        "the cursor is on the test that decided"
    );

    press(&mut app, &["f"]);
    let off = bpf_screen(&mut app);
    assert!(on_path(&off).is_empty(), "{off}");
    assert!(off.contains("Follow off"));
    press(&mut app, &["f"]);
    assert_eq!(on_path(&bpf_screen(&mut app)), path);
}

#[test]
fn a_target_change_recompiles_for_the_new_architecture() {
    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["2"]);
    assert!(bpf_screen(&mut app).contains("instructions for x86_64 ·"));
    // View 5: the target's architecture is the fifth row from the bottom (the language last).
    press(&mut app, &["5", "G", "k", "k", "k", "k", "right", "2"]);
    let arch = app.session.target.arch;
    assert_ne!(arch.short_name(), "x86_64");
    let changed = bpf_screen(&mut app);
    assert!(
        changed.contains(&format!("instructions for {}, x86_64 ·", arch.short_name())),
        "{changed}"
    );
}

#[test]
fn a_profile_that_does_not_compile_shows_the_error_and_never_a_stale_listing() {
    let mut app = on_fixture("bpf-conflict.json");
    press(&mut app, &["2"]);
    let shown = bpf_screen(&mut app);
    assert!(shown.contains("does not compile for x86_64"), "{shown}");
    assert!(shown.contains("bpf-conflict.json:3:3: error: libseccomp rejected syscalls[1]"));
    assert!(rows(&shown).is_empty(), "no listing");

    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["2"]);
    let good = bpf_screen(&mut app);
    let broken = profile::parse(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/bpf-conflict.json"),
        )
        .unwrap(),
        &Catalog,
    )
    .profile
    .unwrap();
    app.session.apply(&Edit::ReplaceAll(Box::new(broken)));
    let pending = screen(&mut app, 100, 40);
    assert!(pending.contains("Compiling…"), "{pending}");
    assert!(
        on_path(&pending).is_empty(),
        "the old path is not shown as current"
    );
    let failed = bpf_screen(&mut app);
    assert!(
        failed.contains("libseccomp rejected syscalls[1]"),
        "{failed}"
    );
    assert!(rows(&failed).is_empty());
    press(&mut app, &["u"]);
    assert_eq!(rows(&bpf_screen(&mut app)), rows(&good));
}

#[test]
fn compile_warnings_are_shown_above_the_listing() {
    let mut app = on_fixture("bpf-small.json");
    let mut p = app.session.profile().clone();
    p.syscalls
        .as_mut()
        .unwrap()
        .push(Rule::new(vec!["nosuchcall".into()], Action::Allow));
    app.session.apply(&Edit::ReplaceAll(Box::new(p)));
    press(&mut app, &["2"]);
    let shown = bpf_screen(&mut app);
    assert!(
        shown.contains("⚠ syscalls[3]: unknown syscall \"nosuchcall\" is skipped"),
        "{shown}"
    );
    assert!(!rows(&shown).is_empty());
}

#[test]
fn the_listing_scrolls_with_keys_and_the_wheel() {
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
    let mut app = builtin();
    press(&mut app, &["2"]);
    let len = {
        bpf_screen(&mut app);
        app.bpf.cursor().len
    };
    assert!(len > 100);
    press(&mut app, &["g"]);
    screen(&mut app, 100, 40);
    assert_eq!((app.bpf.cursor().selected, app.bpf.cursor().offset), (0, 0));
    press(&mut app, &["j", "j"]);
    assert_eq!(app.bpf.cursor().selected, 2);
    press(&mut app, &["G"]);
    assert_eq!(app.bpf.cursor().selected, len - 1);
    screen(&mut app, 100, 40);
    assert!(app.bpf.cursor().offset > 0, "scrolled to the end");
    press(&mut app, &["k", "pageup"]);
    assert!(app.bpf.cursor().selected < len - 2);
    press(&mut app, &["g"]);
    app.mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.bpf.cursor().selected, 3);
}

#[test]
fn find_moves_to_matching_instructions() {
    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["2"]);
    bpf_screen(&mut app);
    press(&mut app, &["g", "/"]);
    type_text(&mut app, "RETURN");
    press(&mut app, &["enter"]);
    let at = |app: &App| {
        let preview = app.bpf.loader().latest().unwrap().as_ref().unwrap();
        preview.lines[app.bpf.cursor().selected].text.clone()
    };
    assert_eq!(at(&app), "return ERRNO(1)");
    press(&mut app, &["n"]);
    assert_eq!(at(&app), "return ALLOW");
    press(&mut app, &["N", "N"]);
    assert_eq!(at(&app), "return KILL_THREAD", "wraps around");
    assert!(screen(&mut app, 100, 40).contains("find \"RETURN\""));
    press(&mut app, &["esc"]);
    assert!(app.bpf.query().is_none());
}

#[test]
fn seccomposes_own_block_is_marked() {
    // A call newer than the installed libseccomp (mseal, for 2.5) is compiled by number in
    // seccompose's own block: pick one this libseccomp does not know on x86_64.
    let unknown = Catalog.syscalls().iter().find(|s| {
        s.number(Arch::X86_64).is_some()
            && libseccomp::ScmpSyscall::from_name_by_arch(s.name(), libseccomp::ScmpArch::X8664)
                .map_or(true, |nr| i32::from(nr) < 0)
    });
    let Some(unknown) = unknown else {
        common::skipped(
            "this libseccomp knows every x86_64 syscall of the catalog; no own block to check",
        );
        return;
    };
    let mut app = on_fixture("bpf-small.json");
    app.session
        .set_action(vec![unknown.name().into()], Some(Action::Allow), None);
    press(&mut app, &["2"]);
    let shown = bpf_screen(&mut app);
    let own = app
        .bpf
        .loader()
        .latest()
        .unwrap()
        .as_ref()
        .unwrap()
        .compiled
        .own
        .clone();
    assert!(!own.is_empty(), "{} has no own block", unknown.name());
    let header = format!("+ {}-{}: seccompose's own block", own.start, own.end - 1);
    assert!(shown.contains(&header), "{shown}");
    // The block closes the program: marked rows are exactly its rows, at the top and bottom.
    for end in ["g", "G"] {
        press(&mut app, &[end]);
        let shown = screen(&mut app, 100, 40);
        let listed = rows(&shown);
        assert!(
            listed.iter().all(|r| r.own == own.contains(&r.index)),
            "{shown}"
        );
        let edge = if end == "g" {
            listed.first()
        } else {
            listed.last()
        };
        assert_eq!(edge.map(|r| r.own), Some(end == "G"), "{shown}");
    }
}

/// At any size the position line names a real range of the listing (or only its length when
/// no row fits), never an end before its start.
#[test]
fn the_position_line_is_sane_at_any_size() {
    let mut app = on_fixture("bpf-small.json");
    press(&mut app, &["2"]);
    settle(&mut app);
    for (w, h) in [(20, 6), (24, 7), (30, 8), (40, 10), (60, 16), (100, 40)] {
        let shown = screen(&mut app, w, h);
        for line in shown.lines() {
            let Some((_, rest)) = line.split_once("── ") else {
                continue;
            };
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let [range, "of", total, ..] = words[..] {
                let Some((a, b)) = range.split_once('-') else {
                    continue;
                };
                let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
                let total: usize = total.parse().unwrap();
                assert!(a <= b && b < total, "{w}x{h}: {line}\n{shown}");
            }
        }
    }
}

/// The translation check shows in view 2: where the filter does not do what the profile says.
#[test]
fn view_2_says_where_the_filter_differs_from_the_profile() {
    let mut app = on_fixture("miscompiled-ranges.json");
    press(&mut app, &["2"]);
    settle(&mut app);
    let shown = screen(&mut app, 160, 48);
    assert!(
        shown.contains("the filter differs from the profile") && shown.contains("getpgid("),
        "{shown}"
    );
    let mut clean = on_fixture("bpf-small.json");
    press(&mut clean, &["2"]);
    settle(&mut clean);
    assert!(!screen(&mut clean, 160, 48).contains("differs from the profile"));
}

/// With runc as the runtime (view 5), view 2 names runc's -ENOSYS stub as what decides a call
/// newer than the profile's newest name (exit_group, 231 on x86_64); as compiled (`none`),
/// the default action decides it.
#[test]
fn view_2_names_runcs_stub_when_the_runtime_is_runc() {
    let mut app = on_fixture("bpf-small.json");
    // View 5: the runtime is the third row from the bottom; right goes from none to runc.
    press(&mut app, &["5", "G", "k", "k", "right"]);
    assert_eq!(app.session.target.runtime, profile::Runtime::Runc);
    press(&mut app, &["2", "e"]);
    type_text(&mut app, "fanotify_init");
    press(&mut app, &["enter"]);
    let shown = bpf_screen(&mut app);
    assert!(
        shown.contains("fanotify_init(0, 0): ERRNO(ENOSYS) by runc's -ENOSYS stub: 300 is above 231, exit_group"),
        "{shown}"
    );
    // Back to none: the default action.
    press(&mut app, &["5", "left", "2"]);
    assert_eq!(app.session.target.runtime, profile::Runtime::None);
    let shown = bpf_screen(&mut app);
    assert!(
        shown.contains("fanotify_init(0, 0): ERRNO(EPERM) by the default action"),
        "{shown}"
    );
}

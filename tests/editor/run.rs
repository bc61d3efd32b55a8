//! View 3 (run) in a TestBackend: real commands under fixture profiles, snapshots at 80x24
//! 120x36, 160x48 and 200x50 (idle, running, finished with stops, record proposal, replay), and the
//! fix-and-repeat loop through the app's keys.

use crate::editor_support;

use editor_support::{builtin, draw, on_file, on_fixture, press, screen, type_text};
use seccompose::catalog::Catalog;
use seccompose::profile::{self, view, Action, Arch};
use seccompose::sandbox::replay::{Call, Recording};
use seccompose::tui::app::{App, Modal};
use seccompose::tui::views::run::{Phase, Recorded};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A bound so a broken build fails instead of hanging; nothing asserts on speed.
const PATIENCE: Duration = Duration::from_secs(60);

fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 36), (160, 48), (200, 50)] {
        let terminal = draw(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// Replaces the command line with `text` and runs it (enter edits, enter runs).
pub(crate) fn run(app: &mut App, text: &str) {
    press(app, &["enter"]);
    app.run.set_command(text);
    press(app, &["enter"]);
}

/// Waits for the command to end.
pub(crate) fn settle(app: &mut App) {
    assert!(
        app.run.wait(&mut app.session, PATIENCE),
        "the command ended"
    );
}

/// Ticks the app until its 80x24 screen satisfies `done`.
pub(crate) fn wait_until(app: &mut App, what: &str, done: impl Fn(&str) -> bool) {
    let start = Instant::now();
    loop {
        app.tick(Instant::now());
        let s = screen(app, 80, 24);
        if done(&s) {
            return;
        }
        assert!(start.elapsed() < PATIENCE, "never saw {what}:\n{s}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Under deny-mkdir: a stopped mkdir, and output that does not depend on the locale.
pub(crate) const DENIED: &str =
    "sh -c 'mkdir /tmp/sc-never/x 2>/dev/null || echo mkdir failed: $?'";

#[test]
fn idle() {
    let mut app = on_fixture("deny-mkdir.json");
    press(&mut app, &["3"]);
    app.run.set_command(DENIED);
    snap("run_idle", &mut app);
}

#[test]
fn running_an_interactive_command_then_ending_it() {
    let mut app = on_fixture("deny-mkdir.json");
    press(&mut app, &["3"]);
    draw(&mut app, 80, 24);
    run(&mut app, "cat");
    assert!(app.run.is_running());
    snap("run_running", &mut app);
    // Keys go to the command: cat reads the line from its terminal and writes it back.
    type_text(&mut app, "hello pane");
    press(&mut app, &["enter"]);
    wait_until(&mut app, "the line twice (echo, then cat)", |s| {
        s.matches("hello pane").count() == 2
    });
    press(&mut app, &["ctrl-]", "ctrl-c"]);
    settle(&mut app);
    assert!(
        matches!(app.run.phase(), Phase::Finished { cause, .. } if cause.english().contains("stopped on request")),
        "{:?}",
        app.run.phase()
    );
}

/// Programs ask their terminal where the cursor is and wait for the answer (shells,
/// full-screen programs): the pane answers, so the command does not hang.
#[test]
fn the_pane_answers_a_cursor_position_query() {
    let mut app = on_fixture("deny-mkdir.json");
    press(&mut app, &["3"]);
    draw(&mut app, 80, 24);
    run(
        &mut app,
        r#"sh -c 'stty raw -echo; printf "ab\033[6n"; timeout --foreground 5 head -c 6 | od -An -c; stty sane'"#,
    );
    settle(&mut app);
    wait_until(&mut app, "the answer, as od prints it", |s| {
        s.contains("033   [   1   ;   3   R")
    });
    assert!(
        matches!(app.run.phase(), Phase::Finished { ok: true, .. }),
        "{:?}",
        app.run.phase()
    );
}

#[test]
fn finished_with_stops_then_allow_and_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deny-mkdir.json");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/deny-mkdir.json"
    );
    std::fs::copy(fixture, &file).unwrap();
    let loaded = profile::load(&file, &Catalog).unwrap().profile.unwrap();
    let mut app = on_file(loaded, file.clone());
    press(&mut app, &["3"]);
    draw(&mut app, 80, 24);
    run(&mut app, DENIED);
    settle(&mut app);
    snap("run_stops", &mut app);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("mkdir failed: 1") && s.contains("line 4:5"),
        "{s}"
    );
    assert_eq!(app.run.summary()[0].name, "mkdir");

    // e: the rule editor for the stop; esc twice closes it unchanged.
    press(&mut app, &["e"]);
    assert!(matches!(app.modal, Some(Modal::Rules(_))));
    press(&mut app, &["esc", "esc"]);
    assert!(app.modal.is_none());

    let target = dir.path().join("made");
    run(&mut app, &format!("mkdir {}", target.display()));
    settle(&mut app);
    assert!(!target.exists());
    let before = screen(&mut app, 160, 48);
    assert!(!before.contains("The draft allows mkdir now"), "{before}");
    press(&mut app, &["a"]);
    assert_eq!(
        view(app.session.profile(), "mkdir", &app.session.target).action,
        Action::Allow
    );
    // The stop's detail is judged again against the edited draft.
    let after = screen(&mut app, 160, 48);
    assert!(after.contains("The draft allows mkdir now"), "{after}");
    assert!(!after.contains("which the draft allows"), "{after}");
    press(&mut app, &["r"]);
    settle(&mut app);
    assert!(target.is_dir(), "{}", screen(&mut app, 80, 24));
    assert!(matches!(app.run.phase(), Phase::Finished { ok: true, .. }));
    press(&mut app, &["u"]);
    assert_eq!(
        view(app.session.profile(), "mkdir", &app.session.target).action,
        Action::Errno,
        "allowing was one undoable edit"
    );
    // The run after the undo takes the filter of the draft as it is now (the shared compile
    // of the new generation), never the one that allowed mkdir.
    std::fs::remove_dir(&target).unwrap();
    press(&mut app, &["r"]);
    settle(&mut app);
    assert!(!target.exists(), "a stale filter let mkdir through");
    assert_eq!(app.run.summary()[0].name, "mkdir");
}

#[test]
fn a_missing_command_and_a_refused_profile_are_messages() {
    let mut app = on_fixture("deny-mkdir.json");
    press(&mut app, &["3"]);
    run(&mut app, "seccompose-no-such-command --flag");
    settle(&mut app);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("seccompose-no-such-command"), "{s}");
    assert!(
        matches!(app.run.phase(), Phase::Failed(_)),
        "{:?}",
        app.run.phase()
    );
}

/// The narrow rules the shown proposal has for a syscall.
fn p_last(app: &App, name: &str) -> Vec<profile::Rule> {
    let p = app.run.proposal().unwrap();
    let item = p.items().iter().find(|i| i.addition.name == name).unwrap();
    item.addition.narrow.clone()
}

/// A recording under the built-in draft: what the draft allows with the arguments seen is not
/// proposed (clone without namespace flags, socket(AF_INET6)); what it stops is, narrowed to
/// the values seen, with `w` switching one syscall to its name.
#[test]
fn record_proposal() {
    let mut app = builtin();
    press(&mut app, &["3"]);
    let nr = |n: &str| Catalog.syscall(n).unwrap().number(Arch::X86_64).unwrap();
    let call = |n: &str, args: [u64; 6]| {
        (
            Call {
                arch: Arch::X86_64,
                nr: nr(n),
                args,
            },
            1,
        )
    };
    // The default allows clone(SIGCHLD), not clone(CLONE_NEWUSER|SIGCHLD), nor personality.
    let recorded = Recorded {
        serial: 1,
        command: "ls /".into(),
        calls: Arc::new(Recording {
            calls: vec![
                call("clone", [0x11, 0, 0, 0, 0, 0]),
                call("clone", [0x1000_0011, 0, 0, 0, 0, 0]),
                call("personality", [0x40_0000, 0, 0, 0, 0, 0]),
                call("socket", [10, 1, 0, 0, 0, 0]),
                call("socket", [40, 1, 0, 0, 0, 0]),
                call("bpf", [0, 0, 0, 0, 0, 0]),
                call("mount", [0, 0, 0, 0, 0, 0]),
            ],
        }),
    };
    // As if `ls /` had just been recorded, with 41 syscalls seen.
    app.run.recording_ended(recorded, 41);
    wait_until(&mut app, "the proposal", |s| s.contains("Proposal: allow"));
    let names: Vec<&str> = app
        .run
        .proposal()
        .unwrap()
        .items()
        .iter()
        .map(|i| i.addition.name.as_str())
        .collect();
    assert_eq!(names, ["bpf", "clone", "mount", "personality", "socket"]);
    let clone = p_last(&app, "clone");
    let values: Vec<u64> = clone[0].conditions().iter().map(|c| c.value).collect();
    assert_eq!(values, [0x1000_0011], "clone(SIGCHLD) is allowed already");
    let socket = p_last(&app, "socket");
    assert_eq!(socket.len(), 1, "AF_INET6 is allowed already: {socket:?}");
    assert_eq!(socket[0].conditions()[0].value, 40);
    press(&mut app, &["j", "j", "n"]);
    snap("run_proposal", &mut app);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("AF_VSOCK"), "{s}");
    assert!(
        s.contains("Proposal: allow 4 of 5 syscalls the draft would stop"),
        "{s}"
    );
    assert!(s.contains("would now be stopped at 5 calls"), "{s}");
    press(&mut app, &["w"]);
    assert!(screen(&mut app, 160, 48).contains("every call (by name)"));
    // An edit elsewhere: the proposal is worked out again for the new draft, keeping the
    // choices made, and never shown for the old one meanwhile.
    app.session
        .set_action(vec!["bpf".into()], Some(Action::Allow), None);
    assert!(!screen(&mut app, 160, 48).contains("Proposal: allow"));
    wait_until(&mut app, "the new proposal", |s| {
        s.contains("Proposal: allow 3 of 4 syscalls")
    });
    let s = screen(&mut app, 160, 48);
    assert!(
        s.contains("[ ] mount") && s.contains("every call (by name)"),
        "{s}"
    );
    press(&mut app, &["w", "enter"]);
    let p = app.session.profile().clone();
    let t = app.session.target.clone();
    assert_ne!(view(&p, "mount", &t).action, Action::Allow, "rejected");
    let added = p
        .rules()
        .iter()
        .rev()
        .find(|r| r.names() == ["personality"])
        .unwrap();
    assert_eq!(added.conditions().len(), 1);
    assert_eq!(added.conditions()[0].value, 0x40_0000);
    press(&mut app, &["u"]);
    let p = app.session.profile().clone();
    assert!(
        p.rules().iter().all(|r| r.names() != ["personality"]),
        "one edit"
    );
    assert_eq!(
        view(&p, "bpf", &t).action,
        Action::Allow,
        "the other edit stays"
    );
}

#[test]
fn replay_after_an_edit() {
    let mut app = builtin();
    let nr = |n: &str| Catalog.syscall(n).unwrap().number(Arch::X86_64).unwrap();
    let call = |n: &str, a0: u64| Call {
        arch: Arch::X86_64,
        nr: nr(n),
        args: [a0, 0, 0, 0, 0, 0],
    };
    app.run.take_recording(Recorded {
        serial: 1,
        command: "ls".into(),
        calls: Arc::new(Recording {
            calls: vec![
                (call("getdents64", 3), 2),
                (call("write", 1), 1),
                (call("getdents64", 4), 1),
            ],
        }),
    });
    press(&mut app, &["/"]);
    type_text(&mut app, "getdents64");
    press(&mut app, &["enter", "d", "3"]);
    app.run.tick(&mut app.session);
    assert!(app.run.wait_for_replay(PATIENCE));
    snap("run_replay", &mut app);
    let s = screen(&mut app, 160, 48);
    assert!(s.contains("stopped at 3 calls: getdents64 ×3"), "{s}");
    press(&mut app, &["u"]);
    app.run.tick(&mut app.session);
    assert!(app.run.wait_for_replay(PATIENCE));
    assert!(screen(&mut app, 160, 48).contains("would run without a stop"));
}

#[test]
fn wide_view_1_shows_the_stops_beside_the_list() {
    let mut app = on_fixture("deny-mkdir.json");
    press(&mut app, &["3"]);
    draw(&mut app, 80, 24);
    run(&mut app, DENIED);
    settle(&mut app);
    press(&mut app, &["1", "S"]);
    let wide = screen(&mut app, 160, 48);
    assert!(
        wide.contains("Stops: 1 syscall") && wide.contains("ERRNO(EPERM)"),
        "{wide}"
    );
    assert!(
        !screen(&mut app, 120, 40).contains("Stops: 1 syscall"),
        "only when wide"
    );
    press(&mut app, &["S"]);
    assert!(!screen(&mut app, 160, 48).contains("Stops: 1 syscall"));
}

/// The command's output that scrolled off the terminal pages back in with Shift-PageUp (and
/// the wheel), and Shift-PageDown returns to the live screen.
#[test]
fn earlier_output_pages_back_in() {
    let mut app = on_fixture("deny-mkdir.json");
    press(&mut app, &["3"]);
    draw(&mut app, 80, 24);
    run(&mut app, "seq 1 300");
    settle(&mut app);
    let live = screen(&mut app, 80, 24);
    assert!(live.contains("300") && !live.contains("│250"), "{live}");
    press(&mut app, &["shift-pageup"]);
    let back = screen(&mut app, 80, 24);
    assert!(back.contains("lines back"), "{back}");
    let shown: Vec<u32> = back
        .lines()
        .filter_map(|l| l.split('│').nth(1)?.trim().parse().ok())
        .collect();
    assert!(
        !shown.is_empty() && shown.iter().all(|n| *n < 300),
        "an earlier page: {back}"
    );
    for _ in 0..100 {
        press(&mut app, &["shift-pageup"]);
    }
    let top = screen(&mut app, 80, 24);
    assert!(
        top.lines().any(|l| l.contains("│1 ")),
        "the first line: {top}"
    );
    for _ in 0..100 {
        press(&mut app, &["shift-pagedown"]);
    }
    let again = screen(&mut app, 80, 24);
    assert!(
        !again.contains("lines back") && again.contains("300"),
        "{again}"
    );
    // The wheel over the terminal: three lines a notch (row 8 is inside it at 80x24).
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
    let wheel = |kind| MouseEvent {
        kind,
        column: 10,
        row: 8,
        modifiers: KeyModifiers::NONE,
    };
    app.mouse(wheel(MouseEventKind::ScrollUp));
    assert!(screen(&mut app, 80, 24).contains("Terminal: 3 lines back"));
    app.mouse(wheel(MouseEventKind::ScrollDown));
    assert!(!screen(&mut app, 80, 24).contains("lines back"));
}

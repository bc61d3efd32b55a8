//! The editor's key handling: random key sequences on a loaded profile, drawn now and then at
//! a size taken from the input. Never a panic; Esc leaves every prompt and dialog; and
//! pressing `u` until there is nothing left to undo gives back the profile loaded, exactly
//! (then redo all the way gives back the edited one).
//!
//! The editor runs headless as the tests drive it: nothing on disk (memory in memory, no
//! recovery file, man pages fixed, no run history) and no processes. Keys that could reach the
//! disk or start a process are left out of the alphabet (they are taken from the keymap, so a
//! rebinding cannot sneak them back in):
//! - every key bound to `quit` (`q`): the editor would end, and with unsaved changes its
//!   question saves (`y`: a file name prompt, Enter writes it) or discards the recovery file;
//! - every key bound to `save` (`ctrl-s`): the built-in document has no file, so save asks a
//!   file name and Enter writes it;
//! - every key bound to `view_run` (`3`): view 3 runs commands (Enter edits and runs the
//!   command line, `r` reruns, `R` records, `i` types into a running command);
//! - `ctrl-c`: ends a running command (none can run, but it never belongs here).
//!
//! Each step also asserts the editor never got where those keys lead (view 3, a dialog, the
//! save-as prompt, quitting), so an unforeseen way there fails loudly instead of writing.
//!
//! Run it with `-detect_leaks=0`: lint and view 2's filter are made on detached worker
//! threads, and LeakSanitizer's check after each input races the exit of the threads of the
//! editor just dropped (it reported their thread-local destructor records as leaked).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use seccompose::catalog::Catalog;
use seccompose::profile::starters::STARTERS;
use seccompose::profile::{self, Arch, KernelVersion, Profile, Target, DOCKER_DEFAULT_CAPS};
use seccompose::tui::app::{App, Modal, Options};
use seccompose::tui::component::Component;
use seccompose::tui::keymap::{parse_key, Command, Context, KeyMap};
use seccompose::tui::man::ManSource;
use seccompose::tui::memory::Memory;
use seccompose::tui::prompt::PromptKind;
use seccompose::tui::recovery::Recovery;
use seccompose::tui::theme::{Palette, Theme};
use seccompose::tui::views::View;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Commands whose keys are left out (see the module comment).
const EXCLUDED: [Command; 3] = [Command::Quit, Command::Save, Command::ViewRun];

/// Keys that are never bound to an excluded command but are left out too.
const ALSO_EXCLUDED: [&str; 1] = ["ctrl-c"];

/// Every key the fuzzer presses: printable ASCII (typed into prompts and forms), the keys
/// the keymap names, and control keys; minus the excluded ones.
fn alphabet() -> &'static [KeyEvent] {
    static KEYS: OnceLock<Vec<KeyEvent>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let named = [
            "enter",
            "esc",
            "tab",
            "backtab",
            "backspace",
            "delete",
            "up",
            "down",
            "left",
            "right",
            "pageup",
            "pagedown",
            "home",
            "end",
            "space",
            "f2",
            "ctrl-r",
            "ctrl-u",
            "ctrl-d",
            "ctrl-g",
            "ctrl-n",
            "ctrl-x",
            "ctrl-]",
            "ctrl-5",
            "ctrl-a",
            "ctrl-e",
            "ctrl-w",
            "ctrl-k",
        ];
        let mut keys: Vec<KeyEvent> = (b' '..=b'~')
            .map(char::from)
            .map(|c| {
                let mods = if c.is_ascii_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                KeyEvent::new(KeyCode::Char(c), mods)
            })
            .chain(named.iter().map(|n| {
                let (code, mods) = parse_key(n).expect("a key name");
                KeyEvent::new(code, mods)
            }))
            .collect();
        let keymap = KeyMap::builtin();
        let excluded: Vec<KeyEvent> = ALSO_EXCLUDED
            .iter()
            .map(|n| {
                let (code, mods) = parse_key(n).expect("a key name");
                KeyEvent::new(code, mods)
            })
            .collect();
        keys.retain(|k| {
            let bound = keymap.command(k, &[Context::Global]);
            !bound.is_some_and(|c| EXCLUDED.contains(&c)) && !excluded.contains(k)
        });
        keys
    })
}

/// The profiles the editor starts on: the built-in one, two with argument rules, the starters.
fn profiles() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        let fixture = |text: &str| profile::parse(text, &Catalog).profile.expect("a fixture");
        let mut all = vec![
            seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog),
            fixture(include_str!("../../tests/fixtures/socket-args.json")),
            fixture(include_str!("../../tests/fixtures/lint-conditions.json")),
        ];
        all.extend(STARTERS.iter().map(|s| s.profile(&Catalog)));
        all
    })
}

/// Options that touch nothing on disk and do not depend on the machine.
fn options() -> Options {
    Options {
        target: Target {
            arch: Arch::X86_64,
            caps: DOCKER_DEFAULT_CAPS.iter().map(|c| c.to_string()).collect(),
            kernel: KernelVersion::parse("6.1").expect("a version"),
            ..Target::host()
        },
        memory: Memory::in_memory(true),
        keymap: KeyMap::builtin(),
        theme: Theme {
            palette: Palette::Mono,
        },
        man: ManSource::Fixed(|name, _| format!("{name}(2): the manual page.\nSecond line")),
        recovery: Recovery::for_document(None, None),
        run_history: None,
        container_dirs: None,
    }
}

/// Fails when the editor got where an excluded key leads.
fn assert_contained(app: &App) {
    assert!(app.view != View::Run, "the fuzzer reached view 3");
    assert!(!app.quit, "the fuzzer made the editor quit");
    assert!(
        !matches!(app.modal, Some(Modal::Dialog(_))),
        "the fuzzer reached a dialog"
    );
    assert!(
        !matches!(&app.modal, Some(Modal::Prompt(p)) if p.kind == PromptKind::SaveAs),
        "the fuzzer reached the save-as prompt"
    );
}

fn draw(app: &mut App, width: u8, height: u8) {
    let size = (1 + u16::from(width), 1 + u16::from(height) % 100);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a test terminal");
    terminal
        .draw(|f| seccompose::tui::draw::draw(f, app))
        .expect("drawing into memory");
}

fn press(app: &mut App, name: &str) {
    let (code, mods) = parse_key(name).expect("a key name");
    app.key(KeyEvent::new(code, mods));
}

/// The status line says this after `u` with nothing left to undo.
fn said(app: &App, text: &str) -> bool {
    app.session.status.as_ref().is_some_and(|(s, _)| s == text)
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, mut rest)) = data.split_first() else {
        return;
    };
    let all = profiles();
    let original = all[usize::from(pick) % all.len()].clone();
    let mut app = App::new(original.clone(), None, options());
    let keys = alphabet();
    let mut pressed = 0usize;
    // 0xFF W H: draw at (W+1)x(H%100+1); 0xFE: time passes; any other byte: a key.
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        match b {
            0xFF => {
                let [w, h, ..] = *rest else { break };
                rest = &rest[2..];
                draw(&mut app, w, h);
            }
            0xFE => {
                app.tick(Instant::now());
            }
            _ => {
                app.key(keys[usize::from(b) % keys.len()]);
                pressed += 1;
                assert_contained(&app);
            }
        }
    }
    draw(&mut app, 79, 23);

    // Esc leaves every prompt, form, search box and modal.
    for _ in 0..8 {
        if app.modal.is_none() && app.syscalls.search_box().is_none() && app.bpf.typing().is_none()
        {
            break;
        }
        press(&mut app, "esc");
    }
    assert!(app.modal.is_none(), "Esc closes every modal");
    assert!(app.syscalls.search_box().is_none(), "Esc closes the search");
    assert!(app.bpf.typing().is_none(), "Esc leaves view 2's prompt");

    // Each key made at most one edit: that many `u` undo them all.
    let edited = app.session.profile().clone();
    let mut undos = 0usize;
    loop {
        press(&mut app, "u");
        if said(&app, "Nothing to undo") {
            break;
        }
        undos += 1;
        assert!(undos <= pressed, "more undos than keys pressed");
    }
    assert!(
        app.session.profile() == &original,
        "undo all the way gives back the profile loaded:\n{}\n---\n{}",
        profile::to_canonical_string(&original),
        profile::to_canonical_string(app.session.profile())
    );
    assert!(!app.session.doc.is_modified(), "back at the loaded state");
    for _ in 0..undos {
        press(&mut app, "ctrl-r");
    }
    assert!(
        app.session.profile() == &edited,
        "redo all the way gives back the edited profile"
    );
    draw(&mut app, 200, 50);
    // Lint and view 2's filter are made on worker threads: the findings for the last state
    // must arrive, and no work is left in flight when the editor goes.
    let minute = Duration::from_secs(60);
    assert!(app.wait_for_lint(minute), "lint answers");
    // False when view 2 was never opened (no filter asked for): nothing to wait for then.
    let _ = app.wait_for_filter(minute);
});

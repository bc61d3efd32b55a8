//! Building an editor for tests: a fixed target and man pages, nothing written to the user's
//! folders, and keys typed by name.
#![allow(dead_code)]

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use seccompose::profile::{
    Arch, KernelVersion, LibseccompVersion, Profile, Runtime, Target, DOCKER_DEFAULT_CAPS,
};
use seccompose::tui::app::{App, Options};
use seccompose::tui::keymap::KeyMap;
use seccompose::tui::man::ManSource;
use seccompose::tui::memory::Memory;
use seccompose::tui::recovery::Recovery;
use seccompose::tui::theme::{Palette, Theme};
use std::path::{Path, PathBuf};

/// A target that does not depend on the machine running the tests.
pub fn target() -> Target {
    Target {
        arch: Arch::X86_64,
        caps: DOCKER_DEFAULT_CAPS.iter().map(|c| c.to_string()).collect(),
        kernel: KernelVersion::parse("6.1").unwrap(),
        // seccompose's own filter as compiled: no runtime libseccomp, whose table depends on
        // the machine.
        runtime: Runtime::None,
        libseccomp: LibseccompVersion::parse("2.5.4").unwrap(),
    }
}

/// Options with nothing host-dependent; the recovery file goes under `state` when given.
pub fn options(tour_done: bool, state: Option<&Path>, document: Option<&Path>) -> Options {
    Options {
        target: target(),
        memory: Memory::in_memory(tour_done),
        keymap: KeyMap::builtin(),
        theme: Theme {
            palette: Palette::Mono, // bars drawn with distinct glyphs, so snapshots show the split
        },
        man: ManSource::Fixed(|name, _| {
            format!("{name}(2) — the manual would be here.\nSECOND LINE OF THE PAGE")
        }),
        recovery: Recovery::for_document(state, document),
        run_history: None,
        container_dirs: None,
    }
}

/// The editor on the built-in profile, tour already seen.
pub fn builtin() -> App {
    App::new(
        seccompose::profile::starters::default_profile(&seccompose::catalog::Catalog),
        None,
        options(true, None, None),
    )
}

/// The editor on a profile saved at `path`.
pub fn on_file(profile: Profile, path: PathBuf) -> App {
    App::new(profile, Some(path), options(true, None, None))
}

/// The editor on an existing file, read as `seccompose FILE` reads it (text kept for saving).
pub fn opened(path: &Path) -> App {
    let (parsed, source) =
        seccompose::profile::Source::load(path, &seccompose::catalog::Catalog).unwrap();
    let mut app = App::new(
        parsed.profile.expect("the file loads"),
        Some(path.to_path_buf()),
        options(true, None, None),
    );
    app.session.source = source;
    app
}

/// Docker's default profile from the shared corpus, when it is there.
pub fn docker_profile() -> Option<Profile> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/moby-default.json");
    let parsed = seccompose::profile::load(&path, &seccompose::catalog::Catalog).ok()?;
    parsed.profile
}

/// A key by name: `a`, `G`, `enter`, `esc`, `tab`, `ctrl-s`, `space`...
pub fn key(name: &str) -> KeyEvent {
    let (code, mods) = seccompose::tui::keymap::parse_key(name).expect("key name");
    let mods = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => mods | KeyModifiers::SHIFT,
        _ => mods,
    };
    KeyEvent::new(code, mods)
}

/// Presses keys in order.
pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        app.key(key(k));
    }
}

/// Types text into whatever has the keyboard.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Draws the app at a size and returns the terminal (its backend shows the text), once the
/// findings about the current draft are in (the title bar counts them).
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    assert!(
        app.wait_for_lint(std::time::Duration::from_secs(60)),
        "lint answers"
    );
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| seccompose::tui::draw::draw(f, app))
        .unwrap();
    terminal
}

/// The screen as text.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    draw(app, width, height).backend().to_string()
}

/// The editor on a profile from `tests/fixtures`, read as `seccompose FILE` reads it.
pub fn on_fixture(name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    opened(&path)
}

/// Waits for view 2's filter, so the screen shows it.
pub fn settle(app: &mut App) {
    assert!(
        app.wait_for_filter(std::time::Duration::from_secs(60)),
        "the filter compiles"
    );
}

//! Responsiveness: a key press through the app's update and a full frame drawn into a
//! TestBackend, with Docker's default profile loaded (the built-in profile when the shared
//! corpus is absent). Target: under 2 ms median.

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use seccompose::catalog::Catalog;
use seccompose::profile::{self, Profile, Target};
use seccompose::tui::app::{App, Options};
use seccompose::tui::keymap::KeyMap;
use seccompose::tui::man::ManSource;
use seccompose::tui::memory::Memory;
use seccompose::tui::recovery::Recovery;
use seccompose::tui::theme::Theme;
use std::path::Path;

fn docker_or_builtin() -> Profile {
    let docker = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/moby-default.json");
    profile::load(&docker, &Catalog)
        .ok()
        .and_then(|p| p.profile)
        .unwrap_or_else(seccompose::tui::default_profile)
}

fn app() -> App {
    let options = Options {
        target: Target::host(),
        memory: Memory::in_memory(true),
        keymap: KeyMap::builtin(),
        theme: Theme::from_env(),
        man: ManSource::Fixed(|name, _| format!("{name}(2)\n").repeat(200)),
        recovery: Recovery::for_document(None, None),
    };
    App::new(docker_or_builtin(), None, options)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| seccompose::tui::draw::draw(f, app))
        .expect("draw");
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_to_frame");
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app();
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        frame(&mut app, &mut terminal);
        let mut down = true;
        group.bench_function(format!("move_{w}x{h}"), |b| {
            b.iter(|| {
                app.key(key(if down { 'j' } else { 'k' }));
                down = !down;
                frame(&mut app, &mut terminal);
            })
        });
        let mut deny = true;
        group.bench_function(format!("edit_{w}x{h}"), |b| {
            b.iter(|| {
                app.key(key(if deny { 'x' } else { 'u' }));
                deny = !deny;
                frame(&mut app, &mut terminal);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Responsiveness: a key press through the app's update and a full frame drawn into a
//! TestBackend, with Docker's default profile loaded (the built-in profile when the shared
//! corpus is absent). Target: under 2 ms median. In view 2, undo/redo recompiles on the
//! worker thread while the frame shows the previous filter, so the frame never waits for it.

mod support;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use seccompose::tui::app::App;
use seccompose::tui::man::ManSource;
use std::time::Duration;

fn app() -> App {
    support::editor(
        support::docker_profile(),
        ManSource::Fixed(|name, _| format!("{name}(2)\n").repeat(200)),
    )
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| seccompose::tui::draw::draw(f, app))
        .expect("draw");
}

/// Benchmarks pressing the two keys in turn, each followed by a frame.
fn alternate(
    group: &mut BenchmarkGroup<WallTime>,
    name: String,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    keys: [KeyEvent; 2],
) {
    let mut turn = 0;
    group.bench_function(name, |b| {
        b.iter(|| {
            app.key(keys[turn]);
            turn = 1 - turn;
            frame(app, terminal);
        })
    });
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_to_frame");
    let redo = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app();
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        frame(&mut app, &mut terminal);
        for (name, keys) in [
            ("move", [key('j'), key('k')]),
            ("edit", [key('x'), key('u')]),
        ] {
            let name = format!("{name}_{w}x{h}");
            alternate(&mut group, name, &mut app, &mut terminal, keys);
        }
        // View 2 on an edited document, its filter compiled.
        app.key(key('x'));
        app.key(key('2'));
        let compiled = app.wait_for_filter(Duration::from_secs(60));
        assert!(compiled, "the filter compiles");
        for (name, keys) in [
            ("bpf_scroll", [key('j'), key('k')]),
            ("bpf_undo_redo", [key('u'), redo]),
        ] {
            let name = format!("{name}_{w}x{h}");
            alternate(&mut group, name, &mut app, &mut terminal, keys);
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

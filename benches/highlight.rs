//! Highlighting in view 2: one page scroll (PageDown and a 160x48 frame) through the
//! disassembly of a Docker-shaped default profile (tests/fixtures/runtime-default.json, for
//! x86_64 + x86 + x32, binary tree), with highlighting and without, in the same run; the
//! highlighted page is measured on lines seen for the first time (its cache dropped before
//! each frame), and its ratio to the plain page is printed. Target: a highlighted page under
//! 2 ms. Also: how long after start the first highlighted frame is drawn (target: 50 ms).
//!
//! Run: `cargo bench --bench highlight`.

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use seccompose::catalog::Catalog;
use seccompose::profile::{self, Target};
use seccompose::tui::app::{App, Options};
use seccompose::tui::keymap::KeyMap;
use seccompose::tui::man::ManSource;
use seccompose::tui::memory::Memory;
use seccompose::tui::recovery::Recovery;
use seccompose::tui::theme::{Palette, Theme};
use std::path::Path;
use std::time::{Duration, Instant};

fn app() -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/runtime-default.json");
    let profile = profile::load(&path, &Catalog)
        .expect("readable fixture")
        .profile
        .expect("valid fixture");
    let options = Options {
        target: Target {
            arch: profile::Arch::X86_64,
            ..Target::host()
        },
        memory: Memory::in_memory(true),
        keymap: KeyMap::builtin(),
        theme: Theme {
            palette: Palette::Dark,
        },
        man: ManSource::Fixed(|name, _| format!("{name}(2)\n")),
        recovery: Recovery::for_document(None, None),
        run_history: None,
        container_dirs: None,
    };
    let mut app = App::new(profile, Some(path), options);
    app.key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    assert!(
        app.wait_for_filter(Duration::from_secs(60)),
        "the filter compiles"
    );
    app
}

fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| seccompose::tui::draw::draw(f, app))
        .expect("draw");
}

/// One page down (back to the top at the end), then a frame; `cold` drops the highlighting
/// cache first.
fn page(app: &mut App, terminal: &mut Terminal<TestBackend>, cold: bool) {
    let cursor = *app.bpf.cursor();
    let key = if cursor.selected + cursor.page >= cursor.len {
        KeyCode::Home
    } else {
        KeyCode::PageDown
    };
    app.key(KeyEvent::new(key, KeyModifiers::NONE));
    if cold {
        // Lines seen for the first time: the cache is no help.
        app.bpf.forget_highlighting();
    }
    frame(app, terminal);
}

/// The mean time of `n` pages.
fn mean(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    highlighted: bool,
    n: u32,
) -> Duration {
    let start = Instant::now();
    for _ in 0..n {
        page(app, terminal, highlighted);
    }
    start.elapsed() / n
}

fn bench(c: &mut Criterion) {
    // Start-up: a new editor in view 2 until its first highlighted frame (the syntaxes load
    // on their own thread from the start; this process has not loaded them yet).
    let started = Instant::now();
    let mut first = app();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    while seccompose::tui::highlight::ready().is_none() {
        std::thread::sleep(Duration::from_micros(200));
    }
    frame(&mut first, &mut terminal);
    let startup = started.elapsed();

    let mut app = app();
    let len = app.bpf.cursor().len;
    let mut group = c.benchmark_group("bpf_page_scroll_160x48");
    for (name, highlighted) in [("plain", false), ("highlighted", true)] {
        app.bpf.set_highlight(highlighted);
        group.bench_function(name, |b| {
            b.iter(|| page(&mut app, &mut terminal, highlighted))
        });
    }
    group.finish();

    app.bpf.set_highlight(false);
    let plain = mean(&mut app, &mut terminal, false, 300);
    app.bpf.set_highlight(true);
    let highlighted = mean(&mut app, &mut terminal, true, 300);
    // Pages seen before: their lines come from the cache.
    let cached = mean(&mut app, &mut terminal, false, 300);
    let ratio = |d: Duration| d.as_secs_f64() / plain.as_secs_f64();
    println!(
        "{len} instructions; one page: plain {plain:?}, highlighted {highlighted:?} = {:.2}x, \
         highlighted again (cached) {cached:?} = {:.2}x; start to first highlighted frame \
         {startup:?}",
        ratio(highlighted),
        ratio(cached)
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Peak memory of the editor's state, in this process, measured from the kernel's high-water
//! mark (`VmHWM`): Docker's default loaded and drawn, then one real run in the run pane.
//!
//! `cargo bench --bench memory -- recorded` records (as `R` in view 3 does) a command that
//! makes 100,000 distinct calls (`lseek` on /dev/null with 100,000 offsets, from python3),
//! lets the replay judge them against the draft, draws, and prints the peak RSS.
//! `cargo bench --bench memory -- output` runs a command printing 100 MB in the pane instead.
//! Each scenario runs in a process of its own, since the high-water mark only grows.
//! Target: under 50 MiB for the editor with Docker's default and a finished run.

mod support;

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use seccompose::tui::app::App;
use seccompose::tui::man::ManSource;
use std::time::{Duration, Instant};

/// Makes 100,000 calls that differ in their arguments.
const DISTINCT: &str = "python3 -c 'import os\nfd = os.open(\"/dev/null\", os.O_RDONLY)\n\
                        for i in range(100000): os.lseek(fd, i, 0)'";
/// Prints 100 MB (1,000,000 lines of 100 bytes).
const OUTPUT: &str = "sh -c 'yes 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789 | head -n 1000000'";

fn app() -> App {
    support::editor(support::docker_profile(), ManSource::System)
}

fn press(app: &mut App, c: char) {
    app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// The peak and the current resident set of this process, in KiB.
fn rss() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn report(what: &str) {
    let (peak, now) = rss();
    println!(
        "{what}: peak RSS {:.1} MiB, current {:.1} MiB",
        peak as f64 / 1024.0,
        now as f64 / 1024.0
    );
}

fn main() {
    let scenario = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "recorded".into());
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let mut frame = |app: &mut App| {
        terminal
            .draw(|f| seccompose::tui::draw::draw(f, app))
            .expect("draw");
    };
    frame(&mut app);
    app.wait_for_lint(Duration::from_secs(60));
    frame(&mut app);
    report("Docker's default, first frames");
    press(&mut app, '3');
    frame(&mut app);
    let started = Instant::now();
    match scenario.as_str() {
        "recorded" => {
            app.run.set_command(DISTINCT);
            press(&mut app, 'R');
        }
        "output" => {
            app.run.set_command(OUTPUT);
            press(&mut app, 'r');
        }
        other => {
            eprintln!("unknown scenario {other}: recorded or output");
            std::process::exit(2);
        }
    }
    // Draw while it runs, as the editor does at its frame rate.
    while app.run.is_running() {
        app.tick(Instant::now());
        frame(&mut app);
        std::thread::sleep(Duration::from_millis(16));
    }
    app.tick(Instant::now());
    let ran = started.elapsed();
    if scenario == "recorded" {
        let calls = app.run.recorded().map_or(0, |r| r.calls.calls.len());
        println!(
            "distinct calls recorded: {calls} (in {:.1} s)",
            ran.as_secs_f64()
        );
        // An edit, so that the replay judges every call against the changed draft.
        app.run.wait_for_replay(Duration::from_secs(60));
        app.tick(Instant::now());
    } else {
        println!("printed 100 MB in the pane in {:.1} s", ran.as_secs_f64());
    }
    frame(&mut app);
    report(&format!("after the finished run ({scenario})"));
}

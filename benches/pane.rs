//! The run pane's cost to the command it runs: `seq 1 2000000` under an allow-all profile in
//! the pane (its pseudo-terminal drained into the vt100 screen) against the same command in
//! a bare pseudo-terminal drained by a thread that only reads, measured in the same run.
//! Target: within 1.1x. `cargo bench --bench pane`.

use seccompose::profile::{Action, Profile, Target};
use seccompose::sandbox::pty::Pty;
use seccompose::sandbox::Mode;
use seccompose::tui::runner::{blank_screen, Runner, Update};
use std::ffi::OsString;
use std::io::Read;
use std::process::Command;
use std::time::{Duration, Instant};

const ARGV: [&str; 3] = ["seq", "1", "2000000"];

/// Wall time of the command in a bare pseudo-terminal whose output is read and dropped.
fn bare() -> Duration {
    let pty = Pty::open(24, 80).expect("a pseudo-terminal");
    let (i, o, e) = pty.stdio().expect("stdio");
    let mut master = std::fs::File::from(pty.into_master());
    let drain = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        while matches!(master.read(&mut buf), Ok(n) if n > 0) {}
    });
    let start = Instant::now();
    let status = Command::new(ARGV[0])
        .args(&ARGV[1..])
        .stdin(i)
        .stdout(o)
        .stderr(e)
        .status()
        .expect("seq runs");
    let took = start.elapsed();
    assert!(status.success());
    let _ = drain.join();
    took
}

/// Wall time of the command in the run pane, until the pane learns that it ended.
fn pane() -> Duration {
    let argv: Vec<OsString> = ARGV.iter().map(OsString::from).collect();
    let start = Instant::now();
    let mut runner = Runner::start(
        &Profile::new(Action::Allow),
        &Target::host(),
        &argv,
        Mode::Enforce,
        blank_screen(24, 80),
    )
    .expect("the run starts");
    loop {
        if runner
            .poll()
            .into_iter()
            .any(|u| matches!(u, Update::Done(_)))
        {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn median(mut f: impl FnMut() -> Duration) -> Duration {
    let mut t: Vec<Duration> = (0..5).map(|_| f()).collect();
    t.sort();
    t[2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let reference = median(bare);
    let in_pane = median(pane);
    println!(
        "seq 1 2000000: bare pty {:.1} ms (reference), run pane {:.1} ms, ratio {:.2} (target <= 1.1)",
        reference.as_secs_f64() * 1e3,
        in_pane.as_secs_f64() * 1e3,
        in_pane.as_secs_f64() / reference.as_secs_f64()
    );
}

//! Runs are independent: one ending does not end another one started meanwhile (the editor
//! runs a command while it may also be recording or showing a man page).

use seccompose::profile::{Action, Profile, Target};
use seccompose::sandbox::{Mode, RunOptions, Session, Termination};
use std::ffi::OsString;

fn start(argv: &[&str]) -> Session {
    let argv: Vec<OsString> = argv.iter().map(OsString::from).collect();
    Session::start(
        &Profile::new(Action::Allow),
        &Target::host(),
        &argv,
        RunOptions {
            mode: Mode::Enforce,
            ..RunOptions::default()
        },
    )
    .expect("the run starts")
}

#[test]
fn one_run_ending_leaves_another_alone() {
    // The short run starts first: the long one's processes are new to it when it ends.
    let short = start(&["sleep", "0.2"]);
    let long = start(&["sleep", "1"]);
    let done = short.wait().unwrap();
    assert_eq!(done.termination, Termination::Exited(0));
    let other = long.wait().unwrap();
    assert_eq!(
        other.termination,
        Termination::Exited(0),
        "the other run's command was left to finish"
    );
}

/// One run cleaning up after itself does not reap another run's child that has ended but
/// not yet been waited for (that run would find it gone: "No child processes"), nor any other
/// child of the process (a man page being read, a probe).
#[test]
fn one_run_cleaning_up_leaves_another_runs_ended_child_to_it() {
    let ended = start(&["true"]);
    let mut other = std::process::Command::new("true").spawn().unwrap();
    // Both are zombies of this process now, not yet waited for.
    std::thread::sleep(std::time::Duration::from_millis(300));
    for _ in 0..3 {
        let cleaning = start(&["sh", "-c", "sleep 5 & sleep 5 & wait"]);
        std::thread::sleep(std::time::Duration::from_millis(100));
        cleaning
            .stopper()
            .store(true, std::sync::atomic::Ordering::Release);
        let stopped = cleaning.wait().unwrap();
        assert_eq!(stopped.termination, Termination::Stopped);
    }
    let done = ended.wait().expect("its child was left for it to wait for");
    assert_eq!(done.termination, Termination::Exited(0));
    assert!(other.wait().expect("not reaped by a run").success());
}

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

//! Runs leave nothing behind: no file descriptor, no zombie. The only test of its binary, so
//! that nothing else opens descriptors or starts processes beside it.

use seccompose::profile::{Action, Profile, Target};
use seccompose::sandbox::{self, Containment, Mode, RunOptions, Termination};
use std::ffi::OsString;
use std::process::Stdio;

/// Open descriptors of this process.
fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Zombie children of this process.
fn zombies() -> usize {
    let me = std::process::id().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.parse::<u32>().is_ok())
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter(|stat| {
            let fields: Vec<&str> = stat[stat.rfind(')').unwrap_or(0) + 2..]
                .split(' ')
                .collect();
            fields.first() == Some(&"Z") && fields.get(1) == Some(&me.as_str())
        })
        .count()
}

/// 200 consecutive runs (observed, enforced, recorded; some leaving a background process)
/// leak no descriptor and leave no zombie.
#[test]
fn two_hundred_runs_leak_nothing() {
    let target = Target::host();
    let profile = Profile::new(Action::Allow);
    let argv: Vec<OsString> = ["sh", "-c", "sleep 60 & exit 3"]
        .iter()
        .map(Into::into)
        .collect();
    let quiet = || Some((Stdio::null(), Stdio::null(), Stdio::null()));
    // One run first: threads, the user-namespace probe and lazy tables settle.
    sandbox::run(&profile, &target, &argv, RunOptions::default()).unwrap();
    let (fds, dead) = (open_fds(), zombies());
    for i in 0..200 {
        let mode = [Mode::Observe, Mode::Enforce, Mode::Record][i % 3];
        let options = RunOptions {
            mode,
            stdio: quiet(),
            ..RunOptions::default()
        };
        let finished = sandbox::run(&profile, &target, &argv, options).unwrap();
        assert_eq!(finished.termination, Termination::Exited(3), "run {i}");
    }
    assert_eq!(open_fds(), fds, "descriptors leaked");
    assert_eq!(zombies(), dead, "zombies left");
    // Without a namespace the run says so (the weaker mode), and still ends what it left.
    let options = RunOptions {
        share_pid_namespace: true,
        stdio: quiet(),
        ..RunOptions::default()
    };
    let finished = sandbox::run(&profile, &target, &argv, options).unwrap();
    assert_eq!(finished.containment, Containment::None);
    assert!(sandbox::Report::new(&finished)
        .render_text()
        .contains("not contained"));
    assert_eq!(zombies(), dead, "zombies left");
}

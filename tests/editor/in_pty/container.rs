//! View 3 in a container, end to end: the real binary in a pseudo-terminal switches its
//! target to a busybox root filesystem, runs `mkdir /tmp/x` under a profile that denies it
//! inside the real runc, sees the stop, allows it, runs again, and finds the directory in the
//! root filesystem; the next session offers the same DIR, and a DIR that is neither a root
//! filesystem nor a bundle is refused with the reason.

use super::{fixture, quit_while_two_sleeps_run};
use crate::common;
use crate::pty::{command_line, home_with, Editor};
use common::runc::{busybox_rootfs, container_unavailable};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

/// A home holding a profile, a busybox root filesystem and a private runtime dir, where the
/// editor's container runs keep their runtime state.
struct Place {
    home: tempfile::TempDir,
    file: PathBuf,
    rootfs: PathBuf,
    runtime_dir: PathBuf,
}

impl Place {
    /// The place, or None (and the skip said) when runc or busybox is missing.
    fn new(name: &str, profile: &str) -> Option<Place> {
        if let Some(why) = container_unavailable() {
            common::skipped(&why);
            return None;
        }
        let (home, file) = home_with(name, profile);
        let rootfs = busybox_rootfs(home.path());
        let runtime_dir = home.path().join("xdg");
        std::fs::create_dir(&runtime_dir).unwrap();
        std::fs::set_permissions(&runtime_dir, PermissionsExt::from_mode(0o700)).unwrap();
        Some(Place {
            home,
            file,
            rootfs,
            runtime_dir,
        })
    }

    /// The editor on the profile, view 3's command line holding `command`.
    fn editor(&self, command: &str) -> Editor {
        let dir = self.runtime_dir.to_string_lossy();
        let mut ed = Editor::open_with(&self.file, self.home.path(), &[("XDG_RUNTIME_DIR", &dir)]);
        let name = self.file.file_name().unwrap().to_string_lossy();
        ed.wait_for(&name);
        command_line(&mut ed, command);
        ed
    }

    /// The editor as [`Place::editor`], switched to the container target.
    fn in_container(&self, command: &str) -> Editor {
        let mut ed = self.editor(command);
        switch_to(&mut ed, &self.rootfs.to_string_lossy());
        ed.wait_for(&format!("Target: container {}", self.rootfs.display()));
        ed
    }
}

/// Presses the target key and answers the DIR prompt with `dir`.
fn switch_to(ed: &mut Editor, dir: &str) {
    ed.send("c");
    ed.wait_for("Container DIR");
    // Clear what the prompt offers, then type.
    ed.send(&"\x7f".repeat(300));
    ed.send(dir);
    ed.send("\r");
}

#[test]
fn view_3_runs_in_a_container_stops_allows_and_runs_again() {
    let Some(place) = Place::new("deny-mkdir.json", &fixture("deny-mkdir.json")) else {
        return;
    };
    let rootfs = &place.rootfs;
    let mut ed = place.editor("mkdir /tmp/x");
    ed.wait_for("Target: host");

    // Not a root filesystem: refused, and the target stays the host.
    let not_a_root = place.home.path().join("state");
    switch_to(&mut ed, &not_a_root.to_string_lossy());
    ed.wait_for("neither an OCI bundle");
    ed.send("\x1b");
    ed.wait_for("Target: host");

    switch_to(&mut ed, &rootfs.to_string_lossy());
    ed.wait_for(&format!("Target: container {}", rootfs.display()));
    ed.send("r");
    ed.wait_for("Operation not permitted");
    ed.wait_for("exited with status 1");
    ed.wait_until("mkdir in the stops", |s| {
        s.lines()
            .any(|l| l.contains("mkdir") && l.contains("ERRNO(EPERM)"))
    });
    assert!(!rootfs.join("tmp/x").exists());
    ed.send("a");
    ed.wait_for("Set mkdir");
    ed.send("r");
    ed.wait_for("#2 `mkdir");
    ed.wait_for("exited with status 0");
    assert!(
        rootfs.join("tmp/x").is_dir(),
        "the second run made the directory in the container's root filesystem"
    );
    // The command's terminal is a terminal, as wide as the pane (the editor's 100 columns
    // less the borders).
    command_line(&mut ed, "/bin/busybox stty size");
    ed.send("r");
    ed.wait_for("#3 `/bin/busybox stty size");
    ed.wait_until("the terminal's size", |s| {
        s.lines()
            .any(|l| l.trim_matches(['│', '┃', ' ']).ends_with(" 98"))
    });
    // Nothing is left in the runtime's state.
    let left: Vec<_> = std::fs::read_dir(place.runtime_dir.join("seccompose/runc"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "containers left: {left:?}");
    ed.send("\x13"); // Ctrl-s
    ed.wait_for("Saved");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);

    // The next session offers the DIR used with this profile.
    let mut ed = place.editor("true");
    ed.wait_for("Target: host");
    ed.send("c");
    ed.wait_for(&format!("or an OCI bundle): {}", rootfs.display()));
    ed.send("\r");
    ed.wait_for(&format!("Target: container {}", rootfs.display()));
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
}

/// Without a container runtime on its PATH the target stays the host, and the pane says what
/// is missing and which Debian package has it.
#[test]
fn without_a_runtime_view_3_stays_on_the_host_and_says_what_to_install() {
    let (home, file) = home_with("deny-mkdir.json", &fixture("deny-mkdir.json"));
    let empty = home.path().join("no-programs");
    std::fs::create_dir(&empty).unwrap();
    let path = empty.to_string_lossy();
    let mut ed = Editor::open_with(&file, home.path(), &[("PATH", &path)]);
    ed.wait_for("deny-mkdir.json");
    ed.send("3");
    ed.wait_for("Target: host");
    ed.send("c");
    ed.wait_for("Target stays host");
    ed.wait_for("Debian package runc");
    assert!(!ed.text().contains("Container DIR"), "{}", ed.text());
    assert!(ed.text().contains("Target: host"), "{}", ed.text());
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
}

/// A profile that denies what runc's init needs after loading the filter (capset, with
/// noNewPrivileges off as under Docker): the stop is put in runc's start-up and the pane says
/// the container would not start.
#[test]
fn a_stop_in_the_runtimes_start_up_says_the_container_would_not_start() {
    let profile = r#"{"defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [{"names": ["capset"], "action": "SCMP_ACT_ERRNO"}]}"#;
    let Some(place) = Place::new("deny-capset.json", profile) else {
        return;
    };
    let mut ed = place.in_container("true");
    ed.send("r");
    ed.wait_for("runc init needed capset after the filter was loaded");
    ed.wait_until("capset in runc's start-up", |s| {
        s.lines()
            .any(|l| l.contains("capset") && l.contains("runc start-up · line 2:"))
    });
    ed.wait_for("NoNewPrivileges is off");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);
}

/// Recording in the container: everything goes through (the directory is made), the proposal
/// adds nothing (the draft stops mkdir on purpose), and the replay of the recording follows an
/// edit made in view 1 without a new run.
#[test]
fn view_3_records_in_a_container_and_replays_the_recording_after_an_edit() {
    let Some(place) = Place::new("deny-mkdir.json", &fixture("deny-mkdir.json")) else {
        return;
    };
    let mut ed = place.in_container("mkdir /tmp/r");
    ed.send("R");
    // Nothing to propose: the draft's own rule stops mkdir on purpose.
    ed.wait_for("Proposal: allow 0 of 0 syscalls");
    ed.wait_for("would now be stopped at 1 calls: mkdir");
    assert!(
        place.rootfs.join("tmp/r").is_dir(),
        "a recording lets everything through"
    );
    ed.send("\x1b");
    // Taken alone (a key sent sooner could arrive glued to it, as alt-KEY).
    ed.wait_until("the proposal put away", |s| !s.contains("Proposal: allow"));
    ed.send("1");
    ed.wait_for("1 Syscalls");
    ed.send("/mkdir\r");
    ed.wait_for("Search \"mkdir\"");
    ed.send("a");
    ed.wait_for("Set mkdir");
    ed.send("3");
    ed.wait_for("would run without a stop");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

/// Quitting while a container runs asks, then ends the container: no process of it is left,
/// nor anything in the runtime's state.
#[test]
fn quitting_with_a_container_running_ends_it() {
    let Some(place) = Place::new("deny-mkdir.json", &fixture("deny-mkdir.json")) else {
        return;
    };
    let mut ed = place.in_container("sh -c \"sleep 4322.5 & sleep 4322.5\"");
    quit_while_two_sleeps_run(&mut ed, "4322.5");
    let left: Vec<_> = std::fs::read_dir(place.runtime_dir.join("seccompose/runc"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "containers left: {left:?}");
}

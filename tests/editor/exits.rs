//! Every way out of the editor keeps the last edit in the recovery file: its terminal gone,
//! SIGHUP, SIGTERM, a panic. The real binary in a pseudo-terminal of our own (so that closing
//! it really hangs the terminal up), as a terminal emulator would start it.

use crate::common;

use seccompose::catalog::Catalog;
use seccompose::profile::{self, view, Action, Target};
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

/// A generous bound so a broken build fails instead of hanging; no test asserts on speed.
const PATIENCE: Duration = Duration::from_secs(60);

struct Editor {
    child: Child,
    master: Option<File>,
    screen: vt100::Parser,
}

impl Editor {
    /// The editor on `file` with its state under `home`, and extra environment.
    fn open(file: &Path, home: &Path, env: &[(&str, &str)]) -> Editor {
        let pty = nix::pty::openpty(None, None).expect("a pseudo-terminal");
        // Close-on-exec, or the editor (and other tests' children) would keep the master open.
        for fd in [pty.master.as_raw_fd(), pty.slave.as_raw_fd()] {
            // SAFETY: setting a flag on descriptors we own.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        let size = libc::winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: setting the window size of a terminal we just opened.
        unsafe { libc::ioctl(pty.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        let slave: OwnedFd = pty.slave;
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_seccompose"));
        cmd.arg(file)
            .env("TERM", "xterm-256color")
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .envs(env.iter().copied())
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave.try_clone().unwrap());
        // SAFETY: setsid and TIOCSCTTY between fork and exec, as a terminal emulator does.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("the editor starts");
        drop(slave);
        Editor {
            child,
            master: Some(File::from(pty.master)),
            screen: vt100::Parser::new(
                std::num::NonZeroU16::new(30).unwrap(),
                std::num::NonZeroU16::new(100).unwrap(),
                0,
            ),
        }
    }

    /// Reads the screen until it shows a line matching `wanted`; that line.
    fn wait_for(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        loop {
            let contents = self.screen.screen().contents();
            if let Some(line) = contents.lines().find(|l| wanted(l)) {
                return line.to_string();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "never saw it; screen:\n{contents}"
            );
            let master = self.master.as_mut().unwrap();
            let mut fd = libc::pollfd {
                fd: master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: polling one descriptor we own.
            if unsafe { libc::poll(&mut fd, 1, 100) } == 1 {
                let n = master.read(&mut buf).unwrap();
                self.screen.process(&buf[..n]);
            }
        }
    }

    fn send(&mut self, keys: &str) {
        let master = self.master.as_mut().unwrap();
        master.write_all(keys.as_bytes()).unwrap();
    }

    /// Keeps the terminal drained (so the editor never blocks writing) until it exits.
    fn wait_exit(&mut self) -> std::process::ExitStatus {
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("the editor did not exit");
            }
            if let Some(master) = self.master.as_mut() {
                let mut fd = libc::pollfd {
                    fd: master.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: polling one descriptor we own.
                if unsafe { libc::poll(&mut fd, 1, 20) } == 1 {
                    if let Ok(n) = master.read(&mut buf) {
                        self.screen.process(&buf[..n]);
                    }
                }
            } else {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    fn signal(&self, sig: i32) {
        // SAFETY: signalling the child this test started.
        assert_eq!(unsafe { libc::kill(self.child.id() as i32, sig) }, 0);
    }
}

/// A home folder with a copy of the built-in profile, the tour already seen.
fn home_with_profile() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.json");
    std::fs::write(&file, seccompose::profile::starters::DEFAULT_TEXT).unwrap();
    let state = home.path().join("state/seccompose");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("memory"), "tour-done\n").unwrap();
    (home, file)
}

/// Opens the editor, makes two edits in quick succession (the second one newer than any
/// periodic recovery write), and returns the editor and the edited syscall.
fn two_quick_edits(file: &Path, home: &Path, env: &[(&str, &str)]) -> (Editor, String) {
    let mut ed = Editor::open(file, home, env);
    ed.wait_for(|l| l.contains("mine.json"));
    ed.send("x");
    // The status names the syscall: "Set NAME to ...", or "NAME denied, but SIBLINGS still do
    // the same job" when a sibling stays allowed.
    let line =
        ed.wait_for(|l| l.contains("to SCMP_ACT_KILL_PROCESS") || l.contains(" denied, but "));
    let name = match line.split("Set ").nth(1) {
        Some(rest) => rest.split(" to ").next(),
        None => line.split_whitespace().next(),
    }
    .expect("the status names the syscall")
    .to_string();
    ed.send("d");
    // Its row in the list shows the new action.
    ed.wait_for(|l| l.contains(&format!(" {name} ")) && l.contains("EPERM"));
    (ed, name)
}

/// The recovery file holds the second edit, and the file itself is untouched.
fn assert_recovered(home: &Path, file: &Path, name: &str, how: &str) {
    let dir = home.join("state/seccompose/recovery");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{how}: no recovery folder {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{how}: {files:?}");
    let recovered = profile::load(&files[0], &Catalog)
        .unwrap()
        .profile
        .expect("a valid recovery file");
    assert_eq!(
        view(&recovered, name, &Target::host()).action,
        Action::Errno,
        "{how}: the last edit ({name} denied) is in the recovery file"
    );
    assert_eq!(
        std::fs::read_to_string(file).unwrap(),
        seccompose::profile::starters::DEFAULT_TEXT,
        "{how}: the file itself is untouched"
    );
}

#[test]
fn the_terminal_closing_keeps_the_last_edit() {
    let (home, file) = home_with_profile();
    let (mut ed, name) = two_quick_edits(&file, home.path(), &[]);
    ed.master = None; // the window is closed
    assert!(!ed.wait_exit().success());
    assert_recovered(home.path(), &file, &name, "terminal closed");
}

#[test]
fn sighup_keeps_the_last_edit() {
    let (home, file) = home_with_profile();
    let (mut ed, name) = two_quick_edits(&file, home.path(), &[]);
    ed.signal(libc::SIGHUP);
    assert!(!ed.wait_exit().success());
    assert_recovered(home.path(), &file, &name, "SIGHUP");
}

#[test]
fn sigterm_keeps_the_last_edit() {
    let (home, file) = home_with_profile();
    let (mut ed, name) = two_quick_edits(&file, home.path(), &[]);
    ed.signal(libc::SIGTERM);
    assert!(!ed.wait_exit().success());
    assert_recovered(home.path(), &file, &name, "SIGTERM");
}

#[test]
fn a_panic_keeps_the_last_edit_and_restores_the_terminal() {
    let (home, file) = home_with_profile();
    let env = [(seccompose::tui::PANIC_ON_KEY, "!")];
    let (mut ed, name) = two_quick_edits(&file, home.path(), &env);
    ed.send("!");
    assert!(!ed.wait_exit().success());
    assert!(
        !ed.screen.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert_recovered(home.path(), &file, &name, "panic");
}

/// Run as root (as these tests are), the editor says so: what it runs, it runs as root.
#[test]
fn the_editor_warns_when_it_runs_as_root() {
    assert_eq!(seccompose::tui::root_warning(1000), None);
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        common::skipped("the warning shows only to root");
        return;
    }
    let (home, file) = home_with_profile();
    let mut ed = Editor::open(&file, home.path(), &[]);
    ed.wait_for(|l| l.contains("Running as root"));
    ed.signal(libc::SIGTERM);
    ed.wait_exit();
}

/// A draft is offered only once the session that wrote it has ended: a second editor on the
/// same file, while the first still runs, asks nothing; after the first is killed, the next
/// one is asked.
#[test]
fn a_running_sessions_draft_is_never_offered() {
    let (home, file) = home_with_profile();
    let (mut first, _) = two_quick_edits(&file, home.path(), &[]);
    let dir = home.path().join("state/seccompose/recovery");
    let started = Instant::now();
    let has_draft = || {
        std::fs::read_dir(&dir).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
    };
    while !has_draft() {
        assert!(
            started.elapsed() < PATIENCE,
            "the first editor wrote no draft"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut second = Editor::open(&file, home.path(), &[]);
    second.wait_for(|l| l.contains("mine.json"));
    let screen = second.screen.screen().contents();
    assert!(!screen.contains("earlier session"), "{screen}");
    first.signal(libc::SIGKILL);
    first.wait_exit();
    let mut third = Editor::open(&file, home.path(), &[]);
    third.wait_for(|l| l.contains("earlier session left unsaved changes"));
    for ed in [&mut second, &mut third] {
        ed.signal(libc::SIGTERM);
        ed.wait_exit();
    }
}

/// Two editors on one file save at the same moment: one writes, the other is asked about the
/// file changed on disk; nothing is lost silently (both "Saved" would lose the first edit).
#[test]
fn two_editors_saving_at_once_never_both_save() {
    for round in 0..3 {
        let (home, file) = home_with_profile();
        let mut first = Editor::open(&file, home.path(), &[]);
        let mut second = Editor::open(&file, home.path(), &[]);
        for (ed, key) in [(&mut first, "x"), (&mut second, "d")] {
            ed.wait_for(|l| l.contains("mine.json"));
            ed.send(key);
            ed.wait_for(|l| l.contains("●"));
        }
        first.send("\x13");
        second.send("\x13");
        let outcome = |ed: &mut Editor| {
            let line = ed.wait_for(|l| l.contains("Saved") || l.contains("changed on disk"));
            line.contains("Saved")
        };
        let saved = [outcome(&mut first), outcome(&mut second)];
        assert_eq!(
            saved.iter().filter(|s| **s).count(),
            1,
            "round {round}: {saved:?}"
        );
        for ed in [&mut first, &mut second] {
            ed.signal(libc::SIGKILL);
            ed.wait_exit();
        }
    }
}

//! The real binary in a pseudo-terminal: open a copy of Docker's profile, search rmdir, deny
//! it, save, quit; then check the file with the library. And quitting with unsaved changes asks.
//! Skipped when ../shared/corpus is not there.

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use seccompose::catalog::Catalog;
use seccompose::profile::{self, view, Action, Edit, Profile, Target};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A generous bound so a broken build fails instead of hanging; no test asserts on speed.
const PATIENCE: Duration = Duration::from_secs(60);

struct Editor {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Editor {
    fn open(file: &Path, home: &Path) -> Editor {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_seccompose"));
        cmd.arg(file);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("HOME", home);
        let child = pty.slave.spawn_command(cmd).expect("the editor starts");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(30).unwrap(),
            NonZeroU16::new(100).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Editor {
            child,
            writer,
            screen,
            _master: pty.master,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !done(&self.text()) {
            assert!(
                start.elapsed() < PATIENCE,
                "never saw {what}; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&self, text: &str) {
        self.wait_until(text, |s| s.contains(text));
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the editor did not exit; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn corpus_profile() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/moby-default.json");
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "note: {} not found; the pseudo-terminal test checks nothing",
            p.display()
        );
        None
    }
}

/// A home folder holding `name` with `text`, where the tour was already seen.
fn home_with(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(name);
    std::fs::write(&file, text).unwrap();
    let memory = home.path().join("state/seccompose");
    std::fs::create_dir_all(&memory).unwrap();
    std::fs::write(memory.join("memory"), "tour-done\n").unwrap();
    (home, file)
}

fn load(path: &Path) -> Profile {
    profile::load(path, &Catalog)
        .unwrap()
        .profile
        .expect("valid profile")
}

#[test]
fn deny_rmdir_save_and_quit_then_the_quit_prompt() {
    let Some(source) = corpus_profile() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("docker.json");
    std::fs::copy(&source, &file).unwrap();
    // The corpus is read-only, and so is a copy of it; this test edits the copy.
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let before = load(&file);

    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("Tour 1/4");
    ed.send("\x1b");
    ed.wait_until("the tour to close", |s| !s.contains("Tour 1/4"));
    ed.send("/");
    ed.wait_for("enter: first match");
    ed.send("rmdir");
    ed.wait_for("Search \"rmdir\"");
    ed.send("\r");
    ed.wait_until("the search box to close", |s| {
        !s.contains("enter: first match")
    });
    ed.send("d");
    ed.wait_for("Set rmdir to SCMP_ACT_ERRNO");
    ed.send("\x13"); // Ctrl-s
    ed.wait_for("Saved");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 0);

    let after = load(&file);
    let target = Target::host();
    assert_eq!(
        view(&after, "rmdir", &target).action,
        Action::Errno,
        "rmdir is denied"
    );
    let mut expected = before.clone();
    Edit::SetAction {
        names: vec!["rmdir".into()],
        action: Some(Action::Errno),
        errno: Some(before.default_errno()),
    }
    .apply(&mut expected)
    .unwrap();
    assert_eq!(
        profile::to_canonical_string(&after),
        profile::to_canonical_string(&expected)
    );
    for s in Catalog.syscalls().iter().filter(|s| s.name != "rmdir") {
        let (a, b) = (
            view(&before, s.name, &target),
            view(&after, s.name, &target),
        );
        assert_eq!(
            (a.action, a.errno, a.conditional),
            (b.action, b.errno, b.conditional),
            "{}",
            s.name
        );
    }

    // Second run: the tour is remembered; an unsaved change makes q ask.
    let saved_bytes = std::fs::read(&file).unwrap();
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("docker.json");
    assert!(!ed.text().contains("Tour 1/4"), "the tour shows only once");
    ed.send("x");
    ed.wait_for("●");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved_bytes,
        "discard leaves the file alone"
    );
}

#[test]
fn a_broken_file_shows_its_errors_and_is_not_touched() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("broken.json");
    let text = "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": [\"mkdri\"], \"action\": \"SCMP_ACT_ALLOW\"}\n  ]\n}\n";
    std::fs::write(&file, text).unwrap();
    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("could not be opened");
    ed.wait_for("broken.json:4:");
    ed.send("q");
    assert_eq!(ed.wait_exit(), 1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_changes_for_next_time() {
    let (home, file) = home_with("mine.json", seccompose::tui::DEFAULT_PROFILE);

    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("mine.json");
    ed.send("x");
    ed.wait_for("●");
    let pid = ed.child.process_id().expect("a pid") as libc::pid_t;
    // SAFETY: sending a signal to the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_eq!(ed.wait_exit(), 143);
    assert!(
        !ed.screen.lock().unwrap().screen().alternate_screen(),
        "left the alternate screen"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        seccompose::tui::DEFAULT_PROFILE
    );

    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("Restore them?");
    ed.send("r");
    ed.wait_for("Restored the unsaved changes");
    ed.wait_for("●");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

/// The compiled filter reaches the screen through the real event loop (a worker thread
/// compiles it; nothing else is pressed while it arrives).
#[cfg(target_arch = "x86_64")]
#[test]
fn the_bpf_view_shows_an_allowed_syscall_without_another_key() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bpf-small.json");
    let (home, file) = home_with("small.json", &std::fs::read_to_string(fixture).unwrap());

    let mut ed = Editor::open(&file, home.path());
    ed.wait_for("small.json");
    ed.send("2");
    ed.wait_for("17 instructions for x86_64");
    assert!(!ed.text().contains("A == mkdir"));
    ed.send("1/mkdir\r");
    ed.wait_for("Search \"mkdir\"");
    ed.send("a");
    ed.wait_for("Set mkdir");
    ed.send("2");
    ed.wait_for("if (A == mkdir)");
    ed.wait_for("mkdir, args 0: ALLOW");
    ed.send("q");
    ed.wait_for("Save changes before quitting?");
    ed.send("n");
    assert_eq!(ed.wait_exit(), 0);
}

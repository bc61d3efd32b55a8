//! The real binary in a pseudo-terminal, for end-to-end tests of the editor: start it, type
//! keys, wait for text on its screen.
#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A generous bound so a broken build fails instead of hanging; no test asserts on speed.
pub const PATIENCE: Duration = Duration::from_secs(60);

pub struct Editor {
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Set once the reader has taken everything the editor wrote (its terminal closed).
    drained: Arc<std::sync::atomic::AtomicBool>,
    _master: Box<dyn MasterPty + Send>,
}

impl Editor {
    /// The editor on `file`.
    pub fn open(file: &Path, home: &Path) -> Editor {
        Editor::open_with(file, home, &[])
    }

    /// The editor with extra environment variables.
    pub fn open_with(file: &Path, home: &Path, env: &[(&str, &str)]) -> Editor {
        Editor::start(&[file.as_os_str()], home, None, env)
    }

    /// `seccompose ARGS...` with `home` as its home (and, when given, `cwd` as its working
    /// folder, where view 3 runs commands) and extra environment variables.
    pub fn start(args: &[&OsStr], home: &Path, cwd: Option<&Path>, env: &[(&str, &str)]) -> Editor {
        Editor::start_sized(args, home, cwd, env, (30, 100))
    }

    /// As [`Editor::start`], in a terminal of `(rows, cols)`.
    pub fn start_sized(
        args: &[&OsStr],
        home: &Path,
        cwd: Option<&Path>,
        env: &[(&str, &str)],
        (rows, cols): (u16, u16),
    ) -> Editor {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_seccompose"));
        cmd.args(args);
        if let Some(dir) = cwd {
            cmd.cwd(dir);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("HOME", home);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("the editor starts");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        let drained = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let done = Arc::clone(&drained);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
            done.store(true, std::sync::atomic::Ordering::Release);
        });
        let writer = pty.master.take_writer().unwrap();
        Editor {
            child,
            writer,
            screen,
            drained,
            _master: pty.master,
        }
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
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

    /// The screen once it stopped changing (two looks 150 ms apart agree): a frame drawn in
    /// full, not one caught halfway through its bytes.
    pub fn settled_text(&self) -> String {
        let mut last = self.text();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let now = self.text();
            if now == last {
                return now;
            }
            last = now;
        }
    }

    pub fn wait_for(&self, text: &str) {
        self.wait_until(text, |s| s.contains(text));
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // What it wrote last (leaving the alternate screen) may still be on its way.
                while !self.drained.load(std::sync::atomic::Ordering::Acquire)
                    && start.elapsed() < PATIENCE
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
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

/// A home folder holding `name` with `text`, where the tour was already seen.
pub fn home_with(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(name);
    std::fs::write(&file, text).unwrap();
    let memory = home.path().join("state/seccompose");
    std::fs::create_dir_all(&memory).unwrap();
    std::fs::write(memory.join("memory"), "tour-done\n").unwrap();
    (home, file)
}

/// Puts `text` on view 3's command line (enter edits, esc leaves it there without running).
pub fn command_line(ed: &mut Editor, text: &str) {
    ed.send("3");
    let modes: Vec<String> = seccompose::lang::Language::ALL
        .iter()
        .flat_map(|l| ["run-mode-observe", "run-mode-enforce"].map(|id| (*l, id)))
        .map(|(l, id)| format!("[{}", seccompose::i18n::text_in(l, id, &[])))
        .collect();
    ed.wait_until("view 3", |s| modes.iter().any(|m| s.contains(m.as_str())));
    ed.send("\r");
    // In whichever language the editor speaks.
    let editing: Vec<String> = seccompose::lang::Language::ALL
        .iter()
        .map(|l| seccompose::i18n::text_in(*l, "run-editing", &[]))
        .map(|t| t.split(':').next().unwrap_or_default().to_string())
        .collect();
    let is_editing = move |s: &str| editing.iter().any(|e| s.contains(e.as_str()));
    ed.wait_until("the command line", &is_editing);
    // Clear what the history pre-filled, then type.
    ed.send(&"\x7f".repeat(200));
    ed.send(text);
    ed.send("\x1b");
    // Wait for the escape to be taken alone (a key sent sooner could arrive glued to it, as
    // alt-KEY).
    ed.wait_until("the line left", |s| !is_editing(s));
}

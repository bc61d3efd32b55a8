//! A command running under the draft in a pseudo-terminal, for view 3: one thread reads the
//! command's output, another emulates its terminal (`emulation`: a screen of its own, copies
//! published for the UI to draw at its own pace, so a flood of output never holds it up), a
//! third waits for the end; stops stream in as they happen.

use crate::compile::Compiled;
use crate::profile::{Profile, Target};
use crate::sandbox::pty::{self, Pty};
use crate::sandbox::{Event, Finished, Mode, RunOptions, SandboxError, Session, Stop};
use crate::tui::backlog;
// The screen lives with the emulation that writes it, so the two files do not import each other.
pub use crate::tui::emulation::{blank_screen, Screen};
use crate::tui::emulation::{nonzero, packed, Emulation};
use std::ffi::OsString;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// News from a run.
#[derive(Debug)]
pub enum Update {
    /// The draft stopped a call (in record mode: a syscall was used for the first time).
    Stop(Box<Stop>),
    /// The command ended (or observing it failed).
    Done(Result<Finished, SandboxError>),
}

/// A running command.
pub struct Runner {
    master: File,
    screen: Screen,
    fresh: Arc<AtomicBool>,
    wanted: Arc<AtomicU32>,
    events: Receiver<Event>,
    done: Receiver<Result<Finished, SandboxError>>,
    stopper: Arc<AtomicBool>,
    finished: bool,
    /// Set when the emulation has parsed everything the command wrote (its terminal closed).
    parsed: Arc<AtomicBool>,
}

impl Runner {
    /// Starts `argv` under `profile` in a pseudo-terminal the size of `screen`.
    pub fn start(
        profile: &Profile,
        target: &Target,
        argv: &[OsString],
        mode: Mode,
        screen: Screen,
        compiled: Option<Compiled>,
    ) -> Result<Runner, SandboxError> {
        let (rows, cols) = screen
            .lock()
            .map(|p| p.screen().size())
            .map_err(|_| SandboxError::Start("the terminal screen is unusable".into()))?;
        let pty = Pty::open(rows.get(), cols.get())?;
        let options = RunOptions {
            mode,
            stdio: Some(pty.stdio()?),
            controlling_terminal: true,
            compiled,
            ..RunOptions::default()
        };
        let mut session = Session::start(profile, target, argv, options)?;
        let master = File::from(pty.into_master());
        let mut reader = master.try_clone()?;
        let fresh = Arc::new(AtomicBool::new(false));
        let wanted = Arc::new(AtomicU32::new(packed(rows.get(), cols.get())));
        // Reading and parsing on separate threads: the command writes at full speed while the
        // terminal emulation catches up (up to backlog::LIMIT bytes behind, then it waits).
        let (chunks, waiting) = backlog::backlog();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if !chunks.push(&buf[..n], backlog::LIMIT) {
                            break;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // EIO: every process holding the terminal side has ended.
                    Err(_) => break,
                }
            }
        });
        let emulation = Emulation::new(
            (rows, cols),
            screen.clone(),
            Arc::clone(&fresh),
            Arc::clone(&wanted),
            master.try_clone()?,
        );
        let parsed = Arc::new(AtomicBool::new(false));
        let parsed_at_end = Arc::clone(&parsed);
        std::thread::spawn(move || {
            emulation.run(waiting);
            parsed_at_end.store(true, Ordering::Release);
        });
        let events = session.take_events();
        let stopper = session.stopper();
        let (tx, done) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(session.wait());
        });
        Ok(Runner {
            master,
            screen,
            fresh,
            wanted,
            events,
            done,
            stopper,
            finished: false,
            parsed,
        })
    }

    /// What happened since the last call.
    pub fn poll(&mut self) -> Vec<Update> {
        let mut out: Vec<Update> = self
            .events
            .try_iter()
            .filter_map(|e| match e {
                Event::Stop(s) => Some(Update::Stop(s)),
                Event::Exit(_) => None,
            })
            .collect();
        if let Ok(result) = self.done.try_recv() {
            self.finished = true;
            // Stops sent just before the end.
            out.extend(self.events.try_iter().filter_map(|e| match e {
                Event::Stop(s) => Some(Update::Stop(s)),
                Event::Exit(_) => None,
            }));
            out.push(Update::Done(result));
        }
        out
    }

    /// Whether output arrived since the last call (the screen needs drawing).
    pub fn take_fresh(&self) -> bool {
        self.fresh.swap(false, Ordering::AcqRel)
    }

    /// The flag behind [`Runner::take_fresh`], to keep after the run: the emulation may still
    /// be catching up with the output when the command has ended.
    pub fn freshness(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.fresh)
    }

    /// The flag set once the emulation has parsed all the command's output: the screen shows
    /// everything the command wrote.
    pub fn parsed(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.parsed)
    }

    /// Types into the command's terminal. A command that does not read its input may leave
    /// the terminal's buffer full; the bytes are then dropped rather than blocking the editor.
    pub fn write(&mut self, bytes: &[u8]) {
        let _ = self.master.write_all(bytes);
    }

    /// Whether the command asked for application-cursor keys.
    pub fn app_cursor(&self) -> bool {
        self.screen
            .lock()
            .map(|p| p.screen().application_cursor())
            .unwrap_or(false)
    }

    /// Gives the command's terminal a new size.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        if let Ok(mut parser) = self.screen.lock() {
            parser.set_size(nonzero(rows), nonzero(cols));
        }
        self.wanted.store(packed(rows, cols), Ordering::Release);
        let _ = pty::resize(self.master.as_fd(), rows, cols);
    }

    /// Ends the command and everything it started.
    pub fn stop(&self) {
        self.stopper.store(true, Ordering::Release);
    }

    /// Ends the run and waits (a little) for its processes to be gone.
    pub fn end(&mut self, patience: Duration) -> Option<Result<Finished, SandboxError>> {
        if self.finished {
            return None;
        }
        self.stop();
        match self.done.recv_timeout(patience) {
            Ok(r) => {
                self.finished = true;
                Some(r)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        // Nothing the editor started outlives it.
        let _ = self.end(Duration::from_secs(5));
    }
}

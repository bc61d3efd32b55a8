//! A command running under the draft in a pseudo-terminal, for view 3: one thread reads the
//! command's output, another emulates the terminal (`vt100`) on a screen of its own and
//! publishes copies that the UI draws at its own pace (so a flood of output never holds it
//! up), a third waits for the end; stops stream in as they happen.

use crate::profile::{Profile, Target};
use crate::sandbox::pty::{self, Pty};
use crate::sandbox::{Event, Finished, Mode, RunOptions, SandboxError, Session, Stop};
use crate::tui::backlog;
use std::ffi::OsString;
use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How much output the emulation parses between two looks at the clock.
const SLICE: usize = 64 << 10;

/// How often a busy emulation shows its screen: about the editor's frame rate.
const PUBLISH_EVERY: Duration = Duration::from_millis(15);

/// The emulated screen a run draws on, shared with the thread that reads the output.
pub type Screen = Arc<Mutex<vt100::Parser>>;

/// A blank screen of `rows` x `cols`.
pub fn blank_screen(rows: u16, cols: u16) -> Screen {
    Arc::new(Mutex::new(vt100::Parser::new(
        nonzero(rows),
        nonzero(cols),
        0,
    )))
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

/// A terminal size in one word, so the emulation thread can pick up a resize without a lock.
fn packed(rows: u16, cols: u16) -> u32 {
    (u32::from(rows) << 16) | u32::from(cols)
}

/// The terminal emulation of a run: it parses into a screen of its own and publishes a copy
/// to the shown one at most once per frame (and whenever it has caught up), so drawing
/// never waits for parsing and parsing never waits for drawing.
struct Emulation {
    own: vt100::Parser,
    shown: Screen,
    fresh: Arc<AtomicBool>,
    wanted: Arc<AtomicU32>,
}

impl Emulation {
    fn run(mut self, backlog: backlog::Reader) {
        // The command's CPU comes first: on a busy machine the emulation runs behind it and
        // catches up, rather than slowing the command it shows.
        lower_this_threads_priority();
        let mut published = Instant::now();
        while let Some(bytes) = backlog.take() {
            self.follow_resize();
            for slice in bytes.chunks(SLICE) {
                self.own.process(slice);
                if published.elapsed() >= PUBLISH_EVERY {
                    self.publish();
                    published = Instant::now();
                }
            }
            // Caught up with what had arrived: show it now (typed echo appears at once).
            self.publish();
            published = Instant::now();
        }
        self.publish();
    }

    fn follow_resize(&mut self) {
        let wanted = self.wanted.load(Ordering::Acquire);
        let (rows, cols) = ((wanted >> 16) as u16, wanted as u16);
        if self.own.screen().size() != (nonzero(rows), nonzero(cols)) {
            self.own.set_size(nonzero(rows), nonzero(cols));
        }
    }

    fn publish(&self) {
        // Copied outside the lock; the old screen is dropped outside it too.
        let copy = self.own.screen().clone();
        let old = match self.shown.lock() {
            Ok(mut shown) => std::mem::replace(shown.screen_mut(), copy),
            Err(_) => return,
        };
        drop(old);
        self.fresh.store(true, Ordering::Release);
    }
}

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
}

impl Runner {
    /// Starts `argv` under `profile` in a pseudo-terminal the size of `screen`.
    pub fn start(
        profile: &Profile,
        target: &Target,
        argv: &[OsString],
        mode: Mode,
        screen: Screen,
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
        let emulation = Emulation {
            own: vt100::Parser::new(rows, cols, 0),
            shown: screen.clone(),
            fresh: Arc::clone(&fresh),
            wanted: Arc::clone(&wanted),
        };
        std::thread::spawn(move || emulation.run(waiting));
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

/// Gives the calling thread the lowest scheduling priority (Linux applies `nice` per thread).
fn lower_this_threads_priority() {
    // SAFETY: gettid has no preconditions; setpriority only reads its arguments.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 19);
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        // Nothing the editor started outlives it.
        let _ = self.end(Duration::from_secs(5));
    }
}

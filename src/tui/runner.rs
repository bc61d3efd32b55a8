//! A command running under the draft in a pseudo-terminal, for view 3, on the host (the
//! sandbox) or in a container (an OCI runtime, relaying its own terminal to ours): one thread
//! reads the command's output, another emulates its terminal (`emulation`: a screen of its
//! own, copies published for the UI to draw at its own pace, so a flood of output never holds
//! it up), a third waits for the end; stops stream in as they happen.

use crate::compile::Compiled;
use crate::profile::{Profile, Target};
use crate::sandbox::container::{
    self, bundle, Attached, ContainerError, ContainerFinished, ContainerOptions, Phase,
};
use crate::sandbox::pty::{self, Pty};
use crate::sandbox::{
    Containment, Event, Finished, Mode, NotStartable, Observation, RunOptions, SandboxError,
    Session, Stop,
};
use crate::tui::backlog;
// The screen lives with the emulation that writes it, so the two files do not import each other.
pub use crate::tui::emulation::{blank_screen, Screen};
use crate::tui::emulation::{nonzero, packed, Emulation};
use std::ffi::OsString;
use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::AsFd;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// News from a run.
#[derive(Debug)]
pub enum Update {
    /// The draft stopped a call (in record mode: a syscall was used for the first time); in
    /// a container, with the phase it happened in.
    Stop(Box<Stop>, Option<Phase>),
    /// The command ended (or observing it failed).
    Done(Result<Ended, SandboxError>),
}

/// How a run ended: the host's account of it, and in a container what the runtime said.
#[derive(Debug)]
pub struct Ended {
    /// How the command ended, its stops and (record mode) its calls.
    pub finished: Finished,
    /// A container run's own account (the runtime, its error, its phases, notes).
    pub container: Option<Box<ContainerFinished>>,
}

impl Ended {
    fn of_container(mut f: ContainerFinished) -> Ended {
        let finished = Finished {
            termination: f.termination,
            stops: f.stops.iter().map(|(_, s)| s.clone()).collect(),
            calls: std::mem::take(&mut f.calls),
            containment: Containment::None,
        };
        Ended {
            finished,
            container: Some(Box::new(f)),
        }
    }
}

/// Why a container run did not happen, as a host run says it.
fn not_run(e: ContainerError) -> SandboxError {
    match e {
        ContainerError::Bundle(bundle::BundleError::NoCommand(why)) => {
            SandboxError::CannotStart(NotStartable::NotFound(why))
        }
        ContainerError::Compile(c) => SandboxError::Compile(c),
        other => SandboxError::Start(other.to_string()),
    }
}

/// Where a run's stops come from.
enum Stream {
    /// The sandbox's events.
    Host(Receiver<Event>),
    /// The container agent's stops, with their phases.
    Container(Receiver<(Phase, Stop)>),
}

impl Stream {
    /// The stops that arrived since the last call.
    fn stops(&self) -> Vec<Update> {
        match self {
            Stream::Host(events) => events
                .try_iter()
                .filter_map(|e| match e {
                    Event::Stop(s) => Some(Update::Stop(s, None)),
                    Event::Exit(_) => None,
                })
                .collect(),
            Stream::Container(stops) => stops
                .try_iter()
                .map(|(phase, s)| Update::Stop(Box::new(s), Some(phase)))
                .collect(),
        }
    }
}

/// The size of `screen`: rows, columns.
fn size_of(screen: &Screen) -> Result<(NonZeroU16, NonZeroU16), SandboxError> {
    screen
        .lock()
        .map(|p| p.screen().size())
        .map_err(|_| SandboxError::Start(crate::msg!("ed-screen-unusable")))
}

/// A pseudo-terminal the size of `screen`.
fn open_pty(screen: &Screen) -> Result<Pty, SandboxError> {
    let (rows, cols) = size_of(screen)?;
    Ok(Pty::open(rows.get(), cols.get())?)
}

/// A running command.
pub struct Runner {
    master: File,
    screen: Screen,
    fresh: Arc<AtomicBool>,
    wanted: Arc<AtomicU32>,
    events: Stream,
    done: Receiver<Result<Ended, SandboxError>>,
    stopper: Arc<AtomicBool>,
    finished: bool,
    /// Set when the emulation has parsed everything the command wrote (its terminal closed).
    parsed: Arc<AtomicBool>,
    /// When the command was started.
    started: Instant,
}

impl Runner {
    /// Starts `argv` under `profile` in a pseudo-terminal the size of `screen`; what the
    /// caller already worked out for this draft (its filter, the syscalls to watch) is not
    /// worked out again.
    pub fn start(
        profile: &Profile,
        target: &Target,
        argv: &[OsString],
        mode: Mode,
        screen: Screen,
        (compiled, observation): (Option<Compiled>, Option<Arc<Observation>>),
    ) -> Result<Runner, SandboxError> {
        let pty = open_pty(&screen)?;
        let options = RunOptions {
            mode,
            stdio: Some(pty.stdio()?),
            controlling_terminal: true,
            compiled,
            observation,
            ..RunOptions::default()
        };
        let mut session = Session::start(profile, target, argv, options)?;
        let events = Stream::Host(session.take_events());
        let stopper = session.stopper();
        let (tx, done) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(session.wait().map(|finished| Ended {
                finished,
                container: None,
            }));
        });
        Runner::attach(pty, screen, events, done, stopper)
    }

    /// Starts `argv` under `profile` in a container made from `dir` by the OCI runtime found
    /// (see `sandbox::container`), the runtime's terminal a pseudo-terminal the size of
    /// `screen`; `compiled` is the draft compiled for `target`, used when the runtime found is
    /// the one `target` models.
    pub fn start_container(
        profile: &Profile,
        target: &Target,
        argv: &[OsString],
        (mode, dir): (Mode, &Path),
        screen: Screen,
        compiled: Option<Compiled>,
    ) -> Result<Runner, SandboxError> {
        if argv.is_empty() {
            return Err(SandboxError::NoCommand);
        }
        let pty = open_pty(&screen)?;
        let (rows, cols) = size_of(&screen)?;
        let (stops, events) = channel();
        let attached = Attached {
            stdio: Some(pty.stdio()?),
            terminal: Some((rows.get(), cols.get())),
            events: Some(stops),
            compiled: compiled.map(|c| (target.clone(), c)),
        };
        let options = ContainerOptions {
            dir: dir.to_path_buf(),
            mode,
            settings: bundle::Settings {
                caps: target.caps.iter().cloned().collect(),
                ..bundle::Settings::default()
            },
            ..ContainerOptions::default()
        };
        let stopper = Arc::new(AtomicBool::new(false));
        let (tx, done) = channel();
        let (profile, target, argv) = (profile.clone(), target.clone(), argv.to_vec());
        let stop = Arc::clone(&stopper);
        std::thread::spawn(move || {
            let ran = container::run_attached(&profile, &target, &argv, &options, attached, stop);
            let _ = tx.send(ran.map(Ended::of_container).map_err(not_run));
        });
        Runner::attach(pty, screen, Stream::Container(events), done, stopper)
    }

    /// Shows the command's terminal on `screen`: one thread reads it, another emulates it.
    fn attach(
        pty: Pty,
        screen: Screen,
        events: Stream,
        done: Receiver<Result<Ended, SandboxError>>,
        stopper: Arc<AtomicBool>,
    ) -> Result<Runner, SandboxError> {
        let (rows, cols) = size_of(&screen)?;
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
            started: Instant::now(),
        })
    }

    /// What happened since the last call.
    pub fn poll(&mut self) -> Vec<Update> {
        let mut out = self.events.stops();
        if let Ok(result) = self.done.try_recv() {
            self.finished = true;
            // Stops sent just before the end.
            out.extend(self.events.stops());
            out.push(Update::Done(result));
        }
        out
    }

    /// When the command was started.
    pub fn started(&self) -> Instant {
        self.started
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
    pub fn end(&mut self, patience: Duration) -> Option<Result<Ended, SandboxError>> {
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

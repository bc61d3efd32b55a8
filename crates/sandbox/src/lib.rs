//! Running a command under a draft policy and seeing what the policy stopped.
//!
//! Observed mode compiles the policy twice: the real filter, kept for reference, and a
//! variant in which ERRNO, LOG, TRACE and NOTIFY become NOTIFY. The command runs under the
//! variant; allowed calls never leave the kernel, and each notified call comes to the
//! supervisor, which runs the real filter on it (in the BPF emulator) and answers exactly as
//! the real filter would have acted: the same errno, the call going through for LOG. TRAP and
//! KILL stay in the variant, so the kernel itself delivers them; a tracer seized on the
//! command reports them (see `trace`). Enforce mode installs the real filter and only watches
//! the exit.

#![deny(
    unsafe_op_in_unsafe_fn,
    clippy::undocumented_unsafe_blocks,
    clippy::missing_safety_doc
)]

pub mod container;
mod launch;
pub mod merge;
pub mod narrow;
mod observation;
mod observer;
mod procs;
pub mod pty;
mod record;
pub mod replay;
mod report;
mod supervise;
pub mod support;
mod sys;
#[cfg(test)]
mod testgen;
mod through;
mod trace;
mod tracee;
mod watch;

pub use launch::NotStartable;
pub use observation::{Observation, Rules, SharedObservation};
pub use record::{propose, recorded_profile, Held, Proposal};
pub use report::{
    describe_action, exit_code, rule_place, signal_name, summarize, Report, StopSummary,
};
pub use through::{render_went_through, went_through_line};

use seccompose_core::bpf::{Program, RetAction};
use seccompose_core::compile::{self, Options};
use seccompose_core::profile::{Action, Arch, Profile, Target};
use std::ffi::OsString;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// How the command is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Report every stop while the command sees what the real filter would do.
    #[default]
    Observe,
    /// Install the exact filter; report only the exit.
    Enforce,
    /// Let everything through and note every syscall used (for `record`).
    Record,
}

/// Settings of a run.
#[derive(Debug, Default)]
pub struct RunOptions {
    /// Observe, enforce or record.
    pub mode: Mode,
    /// End the whole process tree after this long.
    pub timeout: Option<Duration>,
    /// Working directory (default: ours).
    pub cwd: Option<PathBuf>,
    /// Standard input, output and error (default: inherited).
    pub stdio: Option<(Stdio, Stdio, Stdio)>,
    /// Do not run the command in a fresh PID namespace (which is used when the kernel allows
    /// it, so that nothing outlives seccompose even if it is killed with SIGKILL).
    pub share_pid_namespace: bool,
    /// Standard input is a terminal (see [`pty::Pty`]) that the command should take as its
    /// controlling terminal, in a session of its own.
    pub controlling_terminal: bool,
    /// Where compiled filters are kept between runs (none: compile every time).
    pub cache: Option<compile::Cache>,
    /// The filter already compiled for exactly this profile and target with the default
    /// options (the editor's draft of this generation), used instead of compiling it again.
    pub compiled: Option<compile::Compiled>,
    /// Observed mode: what the run of exactly this profile and target needs, when the caller
    /// already has it (the editor's, made in the background), instead of working it out again.
    pub observation: Option<Arc<Observation>>,
}

/// What keeps the command's processes from outliving the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Containment {
    /// Nothing but seccompose itself: it ends every process the command left behind when
    /// the run ends, is stopped or times out, but a SIGKILL of seccompose leaves them running
    /// (the kernel allows no PID namespace here, or it was turned off).
    #[default]
    None = 0,
    /// A fresh PID namespace (as root): its processes end with seccompose, even on SIGKILL.
    PidNamespace = 1,
    /// A fresh user namespace mapping only the user's ids, and a PID namespace in it (as an
    /// ordinary user): the same guarantee as [`Containment::PidNamespace`].
    UserAndPidNamespace = 2,
}

impl Containment {
    fn from_code(code: u32) -> Containment {
        match code {
            1 => Containment::PidNamespace,
            2 => Containment::UserAndPidNamespace,
            _ => Containment::None,
        }
    }

    /// A short name for reports (`pid-namespace`, `user+pid-namespace`, `none`).
    pub fn name(self) -> &'static str {
        match self {
            Containment::None => "none",
            Containment::PidNamespace => "pid-namespace",
            Containment::UserAndPidNamespace => "user+pid-namespace",
        }
    }
}

/// One syscall that the policy did not simply allow.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// Time since the start of the run.
    pub elapsed: Duration,
    /// The calling thread.
    pub pid: u32,
    /// Its ABI.
    pub arch: Arch,
    /// The syscall number.
    pub nr: u32,
    /// Its name, when the catalog knows the number.
    pub name: Option<&'static str>,
    /// Raw arguments.
    pub args: [u64; 6],
    /// Strings that `char *` arguments pointed to, read while the call was stopped.
    pub texts: [Option<String>; 6],
    /// What the real policy does with it.
    pub action: RetAction,
    /// The profile rule that decided, or None for the default action.
    pub rule: Option<usize>,
    /// Whether runc's -ENOSYS stub answered (the call is newer than the profile's names).
    pub stub: bool,
}

/// What a run streams while it goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A stopped syscall (in record mode: the first use of each syscall).
    Stop(Box<Stop>),
    /// The command ended.
    Exit(Termination),
}

/// How the command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termination {
    /// It exited with a status.
    Exited(i32),
    /// A signal killed it.
    Signaled(i32),
    /// seccompose ended it at the timeout.
    TimedOut,
    /// seccompose ended it on request.
    Stopped,
    /// The command was never run: its `execve` failed under the filter with this errno
    /// (`denied`: the profile does not allow `execve`).
    NotRun {
        /// The errno of the failed `execve`.
        errno: i32,
        /// Whether the profile's action for `execve` is not ALLOW.
        denied: bool,
    },
}

/// Why a run could not happen.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The profile does not compile.
    #[error(transparent)]
    Compile(#[from] compile::CompileError),
    /// The command is empty.
    #[error("{}", seccompose_core::msg!("err-no-command"))]
    NoCommand,
    /// The command is missing or not executable: nothing was started.
    #[error("{}", seccompose_core::msg!("err-cannot-run", why = .0.text().local()))]
    CannotStart(#[from] NotStartable),
    /// Starting the command, or loading the filter in it, failed: the command did not run.
    #[error("{}", seccompose_core::msg!("err-start-failed", why = .0.as_str()))]
    Start(String),
    /// Anything else from the operating system.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// How long a request to stop (from a signal handler or another thread) may wait to be seen.
const STOP_LATENCY: Duration = Duration::from_millis(10);

/// A running command.
pub struct Session {
    child: std::process::Child,
    events: mpsc::Receiver<Event>,
    sender: mpsc::Sender<Event>,
    stop: Arc<AtomicBool>,
    supervisor: Option<std::thread::JoinHandle<Vec<Stop>>>,
    deadline: Option<Instant>,
    /// Why observing failed, if it did.
    failure: Arc<std::sync::Mutex<Option<String>>>,
    /// The watch of the spawn, stopped; without containment, it holds our descendants before
    /// the run, which are not the run's to end (only an uncontained child asks for them).
    watcher: Option<watch::SpawnWatch>,
    /// The handshake page, where the child leaves a failed exec's errno and its containment.
    page: Arc<sys::page::SharedPage>,
    /// Whether the real filter's action for `execve` is not ALLOW.
    execve_denied: bool,
    /// The real filter's program (what enforcement would run).
    pub program: Arc<Program>,
    /// Record mode: the distinct calls, filled in by the supervisor when it ends.
    calls: Arc<std::sync::Mutex<replay::Recording>>,
    /// Observed mode: what the tracer learnt about the process it seized.
    seized: Option<Arc<trace::Seized>>,
}

/// A finished run.
#[derive(Debug, Clone)]
pub struct Finished {
    /// How it ended.
    pub termination: Termination,
    /// Every stop, in order (record mode: each syscall's first use).
    pub stops: Vec<Stop>,
    /// Record mode: every distinct call, with how often it was made (for replay).
    pub calls: replay::Recording,
    /// What kept the command's processes from outliving the run.
    pub containment: Containment,
}

fn program_of(compiled: &compile::Compiled) -> Result<Program, SandboxError> {
    Program::from_bytes(&compiled.bpf)
        .map_err(|e| SandboxError::Start(format!("the compiled filter is unreadable: {e}")))
}

impl Session {
    /// Starts `argv` with `compiled`, a filter compiled beforehand for `target` (a warm
    /// cache's entry, found by the profile file's bytes before they were read as a profile):
    /// observing it when `options` asks for that and brings its observation, worked out ahead
    /// too (see [`Observation::ahead`]); else enforcing it.
    pub fn start_ready(
        compiled: compile::Compiled,
        target: &Target,
        argv: &[OsString],
        options: RunOptions,
    ) -> Result<Session, SandboxError> {
        // Given all it needs ready, `start` reads nothing of the profile (it compiles none,
        // watches no sibling and plans no observer): an empty one stands in.
        let unread = Profile::new(Action::Allow);
        let observing = options.mode == Mode::Observe && options.observation.is_some();
        let options = RunOptions {
            mode: if observing {
                Mode::Observe
            } else {
                Mode::Enforce
            },
            compiled: Some(compiled),
            ..options
        };
        Session::start(&unread, target, argv, options)
    }

    /// Starts `argv` under `profile` on `target` (which it reads only to compile the filter
    /// when `options` brings none, and to observe).
    pub fn start(
        profile: &Profile,
        target: &Target,
        argv: &[OsString],
        mut options: RunOptions,
    ) -> Result<Session, SandboxError> {
        let (program_name, args) = argv.split_first().ok_or(SandboxError::NoCommand)?;
        let launch = Arc::new(launch::Launch::new(
            program_name,
            args,
            options.cwd.as_deref(),
        )?);
        let real = match options.compiled.take() {
            Some(compiled) => compiled,
            None => {
                compile::build_with(options.cache.as_ref(), profile, target, &Options::default())?
            }
        };
        let observation = match options.mode {
            Mode::Observe => Some(match options.observation.take() {
                Some(ready) => ready,
                None => Arc::new(Observation::new(profile, target, &real)?),
            }),
            Mode::Enforce | Mode::Record => None,
        };
        let program = match &observation {
            Some(o) => o.program.clone(),
            None => Arc::new(program_of(&real)?),
        };
        let recording;
        let installed = match (&observation, options.mode) {
            (Some(o), _) => &o.installed,
            (None, Mode::Record) => {
                recording = program_of(&compile::build(
                    &Profile::new(Action::Notify),
                    target,
                    &Options::default(),
                )?)?;
                &recording
            }
            (None, _) => &*program,
        };
        let isolate = !options.share_pid_namespace;
        // No probe first (a fork of its own): the child falls back when it cannot.
        let id_maps = (isolate && !nix::unistd::geteuid().is_root()).then(sys::userns::IdMaps::own);
        let execve_denied = denies_execve(&program, target.arch);
        let page = Arc::new(sys::page::SharedPage::new()?);
        let mut prepared = sys::child::Prepared::new(installed, id_maps)?;
        prepared.sleep_until_taken =
            sys::futex::futex_passes(installed, target.arch, &page.get().taken);
        let prepared = Arc::new(prepared);
        let stop = Arc::new(AtomicBool::new(false));
        let (sender, events) = mpsc::channel();
        let failure = Arc::new(std::sync::Mutex::new(None));
        let calls = Arc::new(std::sync::Mutex::new(replay::Recording::default()));
        procs::become_subreaper();

        let traced = observation.as_ref().is_some_and(|o| o.traced);
        let seized = traced.then(Arc::<trace::Seized>::default);
        let supervisor = (options.mode != Mode::Enforce).then(|| {
            let plan = match &observation {
                Some(o) => o.plan.clone(),
                None => observation::rules_of(compile::plan(profile, target)),
            };
            let ctx = supervise::Context {
                page: page.clone(),
                observer: observer::Observer {
                    program: program.clone(),
                    stub_len: real.stub.range.len(),
                    plan,
                    events: sender.clone(),
                    started: Instant::now(),
                },
                record: options.mode == Mode::Record,
                trace: seized.clone(),
                stop: stop.clone(),
                failure: failure.clone(),
                calls: calls.clone(),
            };
            std::thread::spawn(move || supervise::run(ctx))
        });

        let mut cmd = Command::new(program_name);
        cmd.args(args);
        if let Some(dir) = &options.cwd {
            cmd.current_dir(dir);
        }
        if let Some((i, o, e)) = options.stdio {
            cmd.stdin(i).stdout(o).stderr(e);
        }
        let listener = options.mode != Mode::Enforce;
        let terminal = options.controlling_terminal;
        let for_child = (prepared.clone(), page.clone(), launch);
        let in_child = move || {
            // SAFETY: std runs this between fork and exec, in the child (one thread), and
            // `for_child` was made before the fork.
            unsafe {
                sys::child::install(
                    &for_child.0,
                    || for_child.2.exec(),
                    for_child.1.get(),
                    listener,
                    isolate,
                    terminal,
                )
            }
        };
        // SAFETY: `install` makes only async-signal-safe calls on memory prepared before fork.
        unsafe { cmd.pre_exec(in_child) };
        // A watch of the spawn only where the child may run the command without a PID
        // namespace (it then needs the baseline of our descendants): a contained child whose
        // exec fails ends by itself (see `sys::child`).
        let h = page.get();
        h.uncontained_ok
            .store(u32::from(!isolate), Ordering::Release);
        let watch_the_spawn = !isolate || !sys::child::DIES_WITHOUT_A_SYSCALL;
        let mut watcher = watch_the_spawn.then(|| watch::watch_spawn(page.clone()));
        // Made last: a thread whose children go to another PID namespace cannot start threads.
        let mut fresh = isolate
            .then(sys::pidns::ChildrenInFreshNamespace::enter)
            .flatten();
        let mut spawned = cmd.spawn();
        let stage = || h.stage.load(Ordering::Acquire);
        let again = [sys::page::Stage::IdMaps, sys::page::Stage::Uncontained];
        if spawned.is_err() && again.iter().any(|s| stage() == *s as u32) {
            // No PID namespace could be made (or, with IdMaps, the kernel made the user
            // namespace but let no ids be mapped in it, as an AppArmor policy may): run
            // without one, watched. The child stopped before anything of the command ran.
            if stage() == sys::page::Stage::IdMaps as u32 {
                h.without_user_namespace.store(1, Ordering::Release);
            }
            h.uncontained_ok.store(1, Ordering::Release);
            // Back in our own namespace first: only then may this thread start the watch's.
            drop(fresh.take());
            watcher.get_or_insert_with(|| watch::watch_spawn(page.clone()));
            spawned = cmd.spawn();
        }
        drop(fresh);
        // Its thread is joined by `wait`, off the path to the command's start.
        if let Some(w) = &watcher {
            w.stop();
        }
        let child = match spawned {
            Ok(c) => c,
            Err(e) => {
                stop.store(true, Ordering::Release);
                if let Some(s) = supervisor {
                    let _ = s.join();
                }
                let step = sys::page::Stage::describe(stage());
                return Err(SandboxError::Start(format!("{step} failed ({e})")));
            }
        };
        let deadline = options.timeout.map(|t| Instant::now() + t);
        Ok(Session {
            child,
            events,
            sender,
            stop,
            supervisor,
            deadline,
            watcher,
            failure,
            page,
            execve_denied,
            program,
            calls,
            seized,
        })
    }

    /// The stream of events, for showing them while the command runs.
    pub fn events(&self) -> &mpsc::Receiver<Event> {
        &self.events
    }

    /// Takes the stream of events out, so that one thread can show them while another waits
    /// for the end (the session keeps sending into it).
    pub fn take_events(&mut self) -> mpsc::Receiver<Event> {
        std::mem::replace(&mut self.events, mpsc::channel().1)
    }

    /// The command's pid.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A handle that ends the run from another thread (or a signal handler's thread).
    pub fn stopper(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    /// Observed mode: the supervisor seizes the command on its own thread, after `start` has
    /// returned. Until it has (or has failed, or the command is gone), whether our child is a
    /// tracee is unknown, and a wait from this thread could take the tracer's ptrace stops
    /// (the tracee then stays stopped for ever): so wait for that first.
    fn until_seized(&self, exit_fd: Option<&std::os::fd::OwnedFd>) {
        if self.seized.is_none() {
            return;
        }
        let h = self.page.get();
        loop {
            let settled = h.taken.load(Ordering::Acquire) != 0
                || self.failure.lock().map_or(true, |f| f.is_some())
                || self.supervisor.as_ref().is_none_or(|s| s.is_finished())
                || self.stop.load(Ordering::Acquire)
                || watch::wait_exit(exit_fd, Duration::ZERO);
            if settled {
                return;
            }
            // The supervisor wakes this word when it has taken the listener and seized.
            sys::futex::futex_wait(&h.taken, 0, Some(Duration::from_millis(1)));
        }
    }

    /// Waits for the command (ending it at the timeout or on request), then ends every
    /// process it left behind.
    pub fn wait(mut self) -> Result<Finished, SandboxError> {
        let root = self.child.id() as i32;
        let h = self.page.get();
        // Readable when the child has ended; the stop flag is looked at between waits.
        let exit_fd = watch::pidfd(root);
        self.until_seized(exit_fd.as_ref());
        let containment = Containment::from_code(h.containment.load(Ordering::Acquire));
        // Without a PID namespace our child is the command itself, traced in observed mode by
        // the tracer thread: only that thread may wait for it (see `trace::Seized`), until the
        // tracer lets go of it.
        let traced_root = containment == Containment::None
            && self
                .seized
                .as_ref()
                .is_some_and(|s| s.done.load(Ordering::Acquire));
        let termination = loop {
            let status = match &self.seized {
                Some(seized) if traced_root && !seized.let_go.load(Ordering::Acquire) => seized
                    .status
                    .lock()
                    .ok()
                    .and_then(|s| *s)
                    .map(ExitStatus::from_raw),
                _ => self.child.try_wait()?,
            };
            if let Some(status) = status {
                break termination_of(command_status(h, containment, status));
            }
            let timed_out = self.deadline.is_some_and(|d| Instant::now() >= d);
            if timed_out || self.stop.load(Ordering::Acquire) {
                procs::kill_tree(root, true);
                match &self.seized {
                    // The tracer resumes its exit stop and reaps it.
                    Some(s) if traced_root && !s.let_go.load(Ordering::Acquire) => {
                        procs::reap_when_dead(root)
                    }
                    _ => {
                        let _ = self.child.wait();
                    }
                }
                break if timed_out {
                    Termination::TimedOut
                } else {
                    Termination::Stopped
                };
            }
            let left = self.deadline.map_or(STOP_LATENCY, |d| {
                d.saturating_duration_since(Instant::now())
            });
            if watch::wait_exit(exit_fd.as_ref(), left.min(STOP_LATENCY)) && traced_root {
                // Ended, but the tracer has yet to pass its status on.
                std::thread::sleep(Duration::from_micros(100));
            }
        };
        // In a PID namespace nothing outlives its init, which has ended. Without one, what the
        // command left behind was adopted by us (subreaper) and cannot be told from another
        // run's processes: end every new descendant (the weaker mode, documented).
        let baseline = self.watcher.take().map(watch::SpawnWatch::baseline);
        if containment == Containment::None {
            procs::end_leftovers(&baseline.unwrap_or_default());
        }
        self.stop.store(true, Ordering::Release);
        let stops = match self.supervisor.take() {
            Some(s) => s.join().unwrap_or_default(),
            None => Vec::new(),
        };
        if let Some(why) = self.failure.lock().ok().and_then(|mut f| f.take()) {
            return Err(SandboxError::Start(why));
        }
        let termination = if h.exec_failed.load(Ordering::Acquire) == 1 {
            Termination::NotRun {
                errno: h.exec_errno.load(Ordering::Relaxed),
                denied: self.execve_denied,
            }
        } else {
            termination
        };
        let _ = self.sender.send(Event::Exit(termination));
        let calls = self
            .calls
            .lock()
            .map(|mut c| std::mem::take(&mut *c))
            .unwrap_or_default();
        Ok(Finished {
            termination,
            stops,
            calls,
            containment,
        })
    }
}

/// Whether the filter does anything but allow (or log) a plain `execve` on `arch`.
fn denies_execve(program: &Program, arch: Arch) -> bool {
    let Some(nr) = seccompose_core::catalog::Catalog
        .syscall("execve")
        .and_then(|s| s.number(arch))
    else {
        return false;
    };
    let data = seccompose_core::bpf::SeccompData::new(arch, nr, [0; 6]);
    !matches!(
        RetAction::from_raw(seccompose_core::bpf::run(program, &data)),
        RetAction::Allow | RetAction::Log
    )
}

/// The command's wait status, given that of our child: in a PID namespace our child is init
/// (or the shim above it), which leaves the command's in the shared page.
fn command_status(
    h: &sys::page::Handshake,
    containment: Containment,
    ours: ExitStatus,
) -> ExitStatus {
    if containment == Containment::None {
        return ours;
    }
    ExitStatus::from_raw(h.command_status(ours.into_raw()))
}

fn termination_of(status: ExitStatus) -> Termination {
    match (status.code(), status.signal()) {
        (Some(code), _) => Termination::Exited(code),
        (None, Some(sig)) => Termination::Signaled(sig),
        _ => Termination::Exited(1),
    }
}

/// Runs a command to the end (see [`Session`]).
pub fn run(
    profile: &Profile,
    target: &Target,
    argv: &[OsString],
    options: RunOptions,
) -> Result<Finished, SandboxError> {
    Session::start(profile, target, argv, options)?.wait()
}

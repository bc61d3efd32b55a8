//! Trying a draft inside a real OCI container runtime (runc, crun): seccompose writes a
//! private bundle whose `linux.seccomp` is the draft's observed-mode rewrite with a
//! `listenerPath` of our own, becomes the seccomp agent the runtime connects to, and answers
//! every notification as observed mode does on the host. Enforce mode hands the runtime the
//! draft itself. A guard process ends the container however seccompose ends.

mod agent;
pub mod bundle;
mod probe;
mod report;
pub mod runtime;
pub mod seccomp;
mod standing;

pub use agent::{connect_timeout, Phase, CONNECT_TIMEOUT, CONNECT_TIMEOUT_VAR};
pub use probe::listener_probe;
pub use runtime::Runtime;
pub use standing::{serve_socket, Agent, AgentEvent};

use crate::observer::Observer;
use crate::{Mode, Stop, Termination};
use seccompose_core::bpf::Program;
use seccompose_core::catalog::Catalog;
use seccompose_core::compile::{self, Options};
use seccompose_core::profile::{Profile, Target};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Settings of a container run.
#[derive(Debug, Default)]
pub struct ContainerOptions {
    /// The bundle or root filesystem.
    pub dir: PathBuf,
    /// `--runtime`: runc, crun or a path (default: runc, then crun).
    pub runtime: Option<String>,
    /// Observe or enforce.
    pub mode: Mode,
    /// End the container after this long.
    pub timeout: Option<Duration>,
    /// What a written configuration asks for.
    pub settings: bundle::Settings,
}

/// Why a container run could not happen.
#[derive(Debug, thiserror::Error)]
pub enum ContainerError {
    /// No runtime, or none this user can run.
    #[error("{0}")]
    Runtime(String),
    /// The bundle or root filesystem cannot be used.
    #[error(transparent)]
    Bundle(#[from] bundle::BundleError),
    /// The profile does not compile.
    #[error(transparent)]
    Compile(#[from] compile::CompileError),
    /// Anything else from the operating system.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// A finished container run.
#[derive(Debug)]
pub struct ContainerFinished {
    /// How the container ended.
    pub termination: Termination,
    /// Every stop, with the phase it happened in.
    pub stops: Vec<(Phase, Stop)>,
    /// The runtime that ran it.
    pub runtime: Runtime,
    /// The runtime's own error, when the container did not start (or failed in the runtime).
    pub runtime_error: Option<String>,
    /// Whether `noNewPrivileges` was on.
    pub no_new_privileges: bool,
    /// Observed mode: whether the runtime connected to the listener.
    pub connected: bool,
    /// Observed and record mode: the runtime was to connect to the listener and did not (it
    /// ended first, or was ended after this long without connecting): nothing was observed.
    pub never_connected: Option<NeverConnected>,
    /// What the observed rewrite cannot see, and containers of killed runs removed.
    pub notes: Vec<seccompose_core::i18n::Text>,
    /// The mode it ran in.
    pub mode: Mode,
    /// Record mode: every distinct call (the runtime's start-up after its filter, then the
    /// command's); `write` is never among them (runc does not let it be notified).
    pub calls: crate::replay::Recording,
}

/// How a runtime failed to come to the listener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeverConnected {
    /// It ended without connecting.
    Ended,
    /// It was still running after this long, and was ended.
    TimedOut(Duration),
}

/// What a caller that shows the run itself (the editor's pane) gives a container run beyond
/// [`ContainerOptions`].
#[derive(Debug, Default)]
pub struct Attached {
    /// The runtime's standard input, output and error, which the command inherits (default:
    /// ours).
    pub stdio: Option<(Stdio, Stdio, Stdio)>,
    /// Standard input is a terminal of this many rows and columns, which the runtime takes
    /// as its controlling terminal, in a session of its own; the container gets a terminal of
    /// its own, of that size from the start, which the runtime relays to ours.
    pub terminal: Option<(u16, u16)>,
    /// Where each stop goes as it happens, with its phase.
    pub events: Option<mpsc::Sender<(Phase, Stop)>>,
    /// The draft already compiled for a target: used when that target is the one the run
    /// models (the runtime found), compiled again otherwise.
    pub compiled: Option<(Target, compile::Compiled)>,
}

/// The runtime a container run would use (`choice`: `--runtime`), when this user can run it;
/// Err says what is missing and how to install it.
pub fn usable(choice: Option<&str>) -> Result<Runtime, ContainerError> {
    let rt = runtime::find(choice).map_err(ContainerError::Runtime)?;
    if !nix::unistd::geteuid().is_root() && !crate::sys::userns::available() {
        return Err(ContainerError::Runtime(format!(
            "{} runs rootless only in a user namespace, and this kernel does not let this user \
             make one (see the sysctls user.max_user_namespaces and \
             kernel.unprivileged_userns_clone, or run as root)",
            rt.kind.name()
        )));
    }
    Ok(rt)
}

/// Runs `argv` in a container made from `options.dir` under `profile`; `stop` ends it early.
pub fn run(
    profile: &Profile,
    target: &Target,
    argv: &[OsString],
    options: &ContainerOptions,
    stop: Arc<AtomicBool>,
) -> Result<ContainerFinished, ContainerError> {
    run_attached(profile, target, argv, options, Attached::default(), stop)
}

/// [`run`], with the runtime's terminal, the stops as they happen and the compiled draft
/// given by the caller.
pub fn run_attached(
    profile: &Profile,
    target: &Target,
    argv: &[OsString],
    options: &ContainerOptions,
    attached: Attached,
    stop: Arc<AtomicBool>,
) -> Result<ContainerFinished, ContainerError> {
    if argv.is_empty() {
        return Err(ContainerError::Runtime("no command to run".into()));
    }
    let prepare = || bundle::prepare(&options.dir, argv, &options.settings);
    run_prepared(profile, target, options, (attached, stop), prepare)
}

/// [`run_attached`] with the configuration `prepare` makes (once the runtime is known to be
/// usable).
fn run_prepared(
    profile: &Profile,
    target: &Target,
    options: &ContainerOptions,
    (attached, stop): (Attached, Arc<AtomicBool>),
    prepare: impl FnOnce() -> Result<bundle::Prepared, bundle::BundleError>,
) -> Result<ContainerFinished, ContainerError> {
    let rt = usable(options.runtime.as_deref())?;
    let mut target = target.clone();
    target.runtime = rt.kind;
    let prepared = prepare()?;
    let state = runtime::state_folder().map_err(ContainerError::Runtime)?;
    let root = rt.root(&state);
    std::fs::create_dir_all(&root)?;
    let mut notes: Vec<seccompose_core::i18n::Text> = rt
        .remove_leftovers(&root, &state)
        .into_iter()
        .map(|n| seccompose_core::text!("cli-container-removed-leftover", name = n))
        .collect();
    let id = runtime::container_name();
    let dir = state.join("bundles").join(&id);
    std::fs::create_dir_all(&dir)?;
    let observer = match attached.compiled {
        Some((compiled_for, compiled)) if compiled_for == target => {
            observer_of(compiled, profile, &target, mpsc::channel().0)?
        }
        _ => observer_for(profile, &target, mpsc::channel().0)?,
    };
    let socket_path = dir.join("agent.sock");
    let (seccomp, socket) = match options.mode {
        Mode::Enforce => (seccomp::enforced(profile, &target), None),
        Mode::Record => (
            seccomp::recording(&target, &socket_path.to_string_lossy()),
            Some(std::os::unix::net::UnixListener::bind(&socket_path)?),
        ),
        _ => {
            let (mut value, more) =
                seccomp::observed(profile, &target, &socket_path.to_string_lossy());
            notes.extend(more);
            if seccomp::notifies(&value) {
                (
                    value,
                    Some(std::os::unix::net::UnixListener::bind(&socket_path)?),
                )
            } else {
                // Nothing to report: the runtime would open no listener to pass.
                value
                    .as_object_mut()
                    .map(|o| o.shift_remove("listenerPath"));
                (value, None)
            }
        }
    };
    let mut config = prepared.config;
    if let Some((rows, cols)) = attached.terminal {
        // The runtime makes the container a terminal of its own and relays it to ours (with
        // pipes the command would see no terminal). It copies our size only once the command
        // runs (and on SIGWINCH): a command asking at once would find 0x0 without consoleSize.
        config["process"]["terminal"] = serde_json::json!(true);
        config["process"]["consoleSize"] = serde_json::json!({"height": rows, "width": cols});
    }
    config["linux"]["seccomp"] = seccomp;
    std::fs::write(
        dir.join("config.json"),
        serde_json::to_string_pretty(&config).unwrap_or_default(),
    )?;
    let expects_agent = socket.is_some();
    let guard = rt.guard(&root, &id, &dir)?;
    let log = dir.join("runtime.log");
    let mut command = rt.command(&root);
    command
        .arg("--log")
        .arg(&log)
        .args(["--log-format", "json", "run", "--bundle"])
        .arg(&dir)
        .arg(&id)
        .stdin(Stdio::inherit());
    if let Some((i, o, e)) = attached.stdio {
        command.stdin(i).stdout(o).stderr(e);
    }
    if attached.terminal.is_some() {
        // SAFETY: take_terminal makes two async-signal-safe syscalls and allocates nothing.
        unsafe {
            std::os::unix::process::CommandExt::pre_exec(&mut command, || {
                crate::pty::take_terminal()
            })
        };
    }
    let mut child = command.spawn()?;
    // Our copies of the runtime's stdio close now: a terminal's reader then sees its end when
    // the container's last process goes.
    drop(command);
    let runtime_done = Arc::new(AtomicBool::new(false));
    let gave_up = Arc::new(AtomicBool::new(false));
    let wait = connect_timeout();
    let agent = socket.map(|socket| {
        let comm: String = rt
            .path
            .file_name()
            .map(|f| f.to_string_lossy().chars().take(15).collect())
            .unwrap_or_default();
        let record = options.mode == Mode::Record;
        let (done, stop, gave_up) = (runtime_done.clone(), stop.clone(), gave_up.clone());
        let events = attached.events;
        std::thread::spawn(move || {
            let gone = move || done.load(Ordering::Acquire);
            let watch = agent::Watch {
                gone: &gone,
                stop,
                wait,
                gave_up,
                events,
            };
            agent::serve(socket, observer, comm, watch, record)
        })
    });
    let deadline = options.timeout.map(|t| Instant::now() + t);
    // Readable when `run` has ended: the loop below wakes at once instead of at its next look.
    let exit_fd = crate::watch::pidfd(child.id() as i32);
    let ended = |rt: &Runtime| rt.end(&root, &id);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Ok(status);
        }
        let timed_out = deadline.is_some_and(|d| Instant::now() >= d);
        // The runtime is alive but never came to the listener: its container would wait.
        let unserved = gave_up.load(Ordering::Acquire);
        if timed_out || stop.load(Ordering::Acquire) || unserved {
            ended(&rt);
            end_child(&mut child, exit_fd.as_ref());
            break Err(if timed_out {
                Termination::TimedOut
            } else {
                Termination::Stopped
            });
        }
        crate::watch::wait_exit(exit_fd.as_ref(), Duration::from_millis(10));
    };
    runtime_done.store(true, Ordering::Release);
    // `run` deletes its container when it ends; one it could not (or a killed one) is ended
    // and deleted here.
    if root.join(&id).exists() {
        ended(&rt);
    }
    stop.store(true, Ordering::Release);
    let served = agent
        .map(|a| a.join().unwrap_or_default())
        .unwrap_or_default();
    let runtime_error = errors_in(&log);
    if root.join(&id).exists() {
        drop(guard);
    } else {
        guard.release();
        let _ = std::fs::remove_dir_all(&dir);
    }
    let termination = match status {
        Ok(s) => match s.code() {
            // runc and crun report a container killed by a signal as 128 + the signal.
            Some(c) if c > 128 && c < 128 + 65 && runtime_error.is_none() => {
                Termination::Signaled(c - 128)
            }
            Some(c) => Termination::Exited(c),
            None => Termination::Signaled(
                std::os::unix::process::ExitStatusExt::signal(&s).unwrap_or(0),
            ),
        },
        Err(t) => t,
    };
    let connected = served.connected;
    let mut calls = served.calls;
    if options.mode == Mode::Record && connected {
        if let Some(nr) = Catalog.syscall("write").and_then(|s| s.number(target.arch)) {
            calls.calls.push((
                crate::replay::Call {
                    arch: target.arch,
                    nr,
                    args: [0; 6],
                },
                1,
            ));
            notes.push(seccompose_core::text!(
                "cli-container-write-recorded",
                runtime = rt.kind.name()
            ));
        }
    }
    let never_connected = (expects_agent && !connected && runtime_error.is_none()).then(|| {
        if gave_up.load(Ordering::Acquire) {
            NeverConnected::TimedOut(wait)
        } else {
            NeverConnected::Ended
        }
    });
    Ok(ContainerFinished {
        termination,
        stops: served.stops,
        runtime: rt,
        runtime_error,
        no_new_privileges: prepared.no_new_privileges,
        connected,
        never_connected,
        notes,
        mode: options.mode,
        calls,
    })
}

/// What answers notifications as `profile`'s real filter would for `target`, its stops sent
/// to `events`.
fn observer_for(
    profile: &Profile,
    target: &Target,
    events: mpsc::Sender<crate::Event>,
) -> Result<Observer, ContainerError> {
    let real = compile::build(profile, target, &Options::default())?;
    observer_of(real, profile, target, events)
}

/// What answers notifications as `real`, the filter compiled from `profile` for `target`,
/// would, its stops sent to `events`.
fn observer_of(
    real: compile::Compiled,
    profile: &Profile,
    target: &Target,
    events: mpsc::Sender<crate::Event>,
) -> Result<Observer, ContainerError> {
    let program =
        Arc::new(Program::from_bytes(&real.bpf).map_err(|e| {
            ContainerError::Runtime(format!("the compiled filter is unreadable: {e}"))
        })?);
    Ok(Observer {
        program,
        stub_len: real.stub.range.len(),
        plan: crate::observation::rules_of(compile::plan(profile, target)),
        events,
        started: Instant::now(),
    })
}

/// Waits a little for the runtime's `run` to end after its own `kill`, then kills it: a
/// runtime whose `kill` did not end it must not hang the run.
fn end_child(child: &mut std::process::Child, exit_fd: Option<&std::os::fd::OwnedFd>) {
    let grace = Instant::now() + Duration::from_secs(2);
    while Instant::now() < grace {
        if !matches!(child.try_wait(), Ok(None)) {
            return;
        }
        crate::watch::wait_exit(exit_fd, Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The runtime's error messages in its JSON log (one object a line; `level` error or fatal).
fn errors_in(log: &Path) -> Option<String> {
    let text = std::fs::read_to_string(log).ok()?;
    let msgs: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| matches!(v["level"].as_str(), Some("error" | "fatal")))
        .filter_map(|v| v["msg"].as_str().map(str::to_string))
        .collect();
    (!msgs.is_empty()).then(|| msgs.join("; "))
}

//! The seccomp agent: the runtime connects to our socket (`listenerPath`) and passes the
//! filter's notification fd with SCM_RIGHTS, the container's state as JSON beside it; each
//! notification is then answered as observed mode does on the host, and put in the phase it
//! happened in: the runtime's own start-up, or the command.

use crate::observer::Observer;
use crate::sys::notify;
use crate::Stop;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::socket::{recvmsg, ControlMessageOwned, MsgFlags};
use seccompose_core::bpf::RetAction;
use std::io::{IoSliceMut, Read};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Who made a stopped call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The runtime's init, between loading the filter and its `execve` of the command.
    Runtime,
    /// The command (after the runtime's `execve`).
    Command,
}

impl Phase {
    /// Its name in the JSON report: `runtime` or `command`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Runtime => "runtime",
            Phase::Command => "command",
        }
    }
}

/// What the agent saw.
#[derive(Debug, Default)]
pub struct Served {
    /// Whether the runtime connected and passed the fd.
    pub connected: bool,
    /// The container's state as the runtime sent it.
    pub state: Option<serde_json::Value>,
    /// Every stop, with its phase.
    pub stops: Vec<(Phase, Stop)>,
    /// Record mode: every distinct call.
    pub calls: crate::replay::Recording,
}

/// How long the runtime may take to connect before the run is given up.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Seconds to wait for the runtime instead of [`CONNECT_TIMEOUT`]: how tests try a runtime
/// that never connects without waiting half a minute.
pub const CONNECT_TIMEOUT_VAR: &str = "SECCOMPOSE_CONNECT_TIMEOUT";

/// How long this run waits for the runtime to connect ([`CONNECT_TIMEOUT_VAR`], else
/// [`CONNECT_TIMEOUT`]).
pub fn connect_timeout() -> Duration {
    std::env::var(CONNECT_TIMEOUT_VAR)
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .unwrap_or(CONNECT_TIMEOUT)
}

/// How the agent learns when to give up, and whom it tells.
pub struct Watch<'a> {
    /// Whether the runtime has ended.
    pub gone: &'a dyn Fn() -> bool,
    /// Set when the run is to end.
    pub stop: Arc<AtomicBool>,
    /// How long the runtime may take to connect ([`connect_timeout`]).
    pub wait: Duration,
    /// Set here when the runtime, still running, never connected.
    pub gave_up: Arc<AtomicBool>,
    /// Where each stop goes as it happens, with its phase.
    pub events: Option<std::sync::mpsc::Sender<(Phase, Stop)>>,
}

/// Waits for the runtime on `socket` (until `watch.gone` says the runtime has ended,
/// `watch.stop` is set, or `watch.wait` has passed: then `watch.gave_up` is set), then
/// answers notifications until the filter's last task is gone.
pub fn serve(
    socket: UnixListener,
    observer: Observer,
    runtime_comm: String,
    watch: Watch,
    record: bool,
) -> Served {
    let Watch {
        gone,
        stop,
        wait,
        gave_up,
        events,
    } = watch;
    let mut served = Served::default();
    let Some(stream) = accept(&socket, gone, &stop, wait) else {
        // Only a runtime still running that never came: one that ended, or a stop, is no wait.
        if !gone() && !stop.load(Ordering::Acquire) {
            gave_up.store(true, Ordering::Release);
        }
        return served;
    };
    let Some((listener, state)) = receive(stream) else {
        return served;
    };
    served.connected = true;
    served.state = state;
    let (stops, calls) = answer(&listener, &observer, &runtime_comm, &stop, record, |s| {
        if let Some(events) = &events {
            let _ = events.send(s.clone());
        }
    });
    served.stops = stops;
    served.calls = calls;
    served
}

/// Answers the notifications of `listener` as the real filter would (or, recording, lets each
/// call go on and notes it) until the filter's last task is gone or `stop` is set; `each` sees
/// every stop as it comes. Every stop with its phase, and the calls recorded.
pub(super) fn answer(
    listener: &OwnedFd,
    observer: &Observer,
    runtime_comm: &str,
    stop: &AtomicBool,
    record: bool,
    mut each: impl FnMut(&(Phase, Stop)),
) -> (Vec<(Phase, Stop)>, crate::replay::Recording) {
    notify::prefer_sync_wake_up(listener);
    let mut stops = Vec::new();
    let mut calls = crate::replay::Tally::default();
    loop {
        let req = match notify::receive(listener, 50) {
            Ok(Some(r)) => r,
            Ok(None) if stop.load(Ordering::Acquire) => break,
            Ok(None) => continue,
            Err(_) => break,
        };
        if record {
            let _ = notify::respond(listener, req.id, notify::Answer::Continue);
            if let Some(arch) = crate::observer::arch_of(req.arch, req.nr) {
                calls.add(arch, req.nr as u32, req.args);
            }
            continue;
        }
        let action = observer.action(req.arch, req.nr, req.ip, req.args);
        // Read while the caller waits for our answer: it cannot exec meanwhile.
        let phase = phase_of(req.pid, runtime_comm);
        // Calls the rewrite notifies only to reach the ones the default decides: not stops.
        let stopped = (action != RetAction::Allow)
            .then(|| observer.stop(req.pid, req.arch, req.nr, req.args, action))
            .flatten();
        if let Some(s) = &stopped {
            observer.report(s);
        }
        crate::supervise::answer(listener, &req, action);
        if let Some(s) = stopped {
            let stop = (phase, s);
            each(&stop);
            stops.push(stop);
        }
    }
    (stops, calls.finish())
}

/// The runtime's connection, or None when it ended, the run was stopped, or it timed out.
fn accept(
    socket: &UnixListener,
    gone: &dyn Fn() -> bool,
    stop: &AtomicBool,
    wait: Duration,
) -> Option<UnixStream> {
    socket.set_nonblocking(true).ok()?;
    let started = Instant::now();
    loop {
        match socket.accept() {
            Ok((stream, _)) => return Some(stream),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => return None,
        }
        if gone() || stop.load(Ordering::Acquire) || started.elapsed() > wait {
            return None;
        }
        // Readable when the runtime connects; the timeout only lets the checks above run.
        let mut fds = [PollFd::new(socket.as_fd(), PollFlags::POLLIN)];
        let _ = poll(&mut fds, PollTimeout::from(10u8));
    }
}

/// The notification fd and the state JSON of one connection (the runtime sends both, then
/// closes).
pub(super) fn receive(mut stream: UnixStream) -> Option<(OwnedFd, Option<serde_json::Value>)> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut space = nix::cmsg_space!([std::os::fd::RawFd; 4]);
    let (n, fds) = {
        let mut iov = [IoSliceMut::new(&mut buf)];
        let msg = recvmsg::<()>(
            stream.as_raw_fd(),
            &mut iov,
            Some(&mut space),
            MsgFlags::MSG_CMSG_CLOEXEC,
        )
        .ok()?;
        let mut fds = Vec::new();
        for c in msg.cmsgs().ok()? {
            if let ControlMessageOwned::ScmRights(got) = c {
                fds.extend(got);
            }
        }
        (msg.bytes, fds)
    };
    // SAFETY: the kernel just gave us these descriptors; each is owned once.
    let mut owned: Vec<OwnedFd> = fds
        .into_iter()
        .map(|f| unsafe { OwnedFd::from_raw_fd(f) })
        .collect();
    let mut text = buf[..n].to_vec();
    // The runtime keeps the connection open: read until the state is whole, not to the end.
    let mut state: Option<serde_json::Value> = serde_json::from_slice(&text).ok();
    while state.is_none() {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(more) => text.extend_from_slice(&buf[..more]),
        }
        state = serde_json::from_slice(&text).ok();
    }
    // The state's `fds` names each descriptor; the seccomp one is "seccompFd".
    let index = state
        .as_ref()
        .and_then(|s| s["fds"].as_array())
        .and_then(|names| names.iter().position(|n| n == "seccompFd"))
        .unwrap_or(0);
    if index >= owned.len() {
        return None;
    }
    Some((owned.swap_remove(index), state))
}

/// The phase of a stopped task: the runtime's while its command name is the runtime's own
/// (`runc:[2:INIT]` for runc's init, the program's name for crun), the command's after.
fn phase_of(pid: u32, runtime_comm: &str) -> Phase {
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    let comm = comm.trim_end();
    if comm.starts_with("runc:") || (!runtime_comm.is_empty() && comm == runtime_comm) {
        Phase::Runtime
    } else {
        Phase::Command
    }
}

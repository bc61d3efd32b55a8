//! Seeing what the kernel itself does with TRAP and KILL, at no cost to any syscall.
//!
//! Observed mode leaves TRAP and KILL in the filter, so that the kernel delivers them exactly
//! as enforcement would (the `siginfo` a SIGSYS handler reads, one thread killed and not its
//! process, a SIGSYS nothing can catch). To still report them, a tracer thread seizes the
//! command with ptrace before it execs, when the filter can TRAP or KILL a call of this machine
//! at all (`compile::needs_tracer`; Docker's default cannot): `PTRACE_SEIZE` stops nothing, and without syscall
//! stops (no `PTRACE_SYSCALL`, no `PTRACE_O_TRACESYSGOOD`) a syscall costs what it costs
//! untraced. The options follow the command's threads and children (`TRACECLONE`, `TRACEFORK`,
//! `TRACEVFORK`) and stop each thread as it exits (`TRACEEXIT`), so the only stops are signal
//! deliveries, forks and exits:
//!
//! - a SIGSYS whose `si_code` is `SYS_SECCOMP`: the thread's syscall is run through the real
//!   filter and reported when the filter traps it; the signal then goes on unchanged;
//! - a thread exiting by SIGSYS: the same, for the kill actions (its registers still hold the
//!   call that killed it);
//! - anything else is resumed as it came: signals delivered, group-stops kept with
//!   `PTRACE_LISTEN` until SIGCONT, as if nobody traced.
//!
//! A signal raised by other means (kill, or the command's own filters) does not name a call
//! the real filter traps or kills, so it is not reported. The tracer is a thread of its own
//! because ptrace requests must come from the thread that seized; it waits only for its own
//! tracees (`__WNOTHREAD`), never for seccompose's children, and ends when none is left.
//! `PTRACE_O_EXITKILL`: should the tracer die, the command dies too rather than run unseen.

use super::observer::Observer;
use super::sys::ptrace::{self as raw, Waited};
use super::tracee::{call_of, event_message, ns_pids, raised_by_seccomp, skip_syscall};
use super::Stop;
use nix::sys::ptrace::{self, Event, Options};
use nix::sys::signal::Signal;
use nix::unistd::Pid;
use seccompose_core::bpf::RetAction;
use seccompose_core::compile::PTRACE_ATTACH_MARK;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

/// `PTRACE_EVENT_FORK`, `_VFORK`, `_CLONE`: a new tracee (its id in the event message).
const EVENT_FORK: i32 = Event::PTRACE_EVENT_FORK as i32;
const EVENT_VFORK: i32 = Event::PTRACE_EVENT_VFORK as i32;
const EVENT_CLONE: i32 = Event::PTRACE_EVENT_CLONE as i32;
/// `PTRACE_EVENT_EXIT`: a thread is about to exit (its registers are still there).
const EVENT_EXIT: i32 = Event::PTRACE_EVENT_EXIT as i32;
/// `PTRACE_EVENT_SECCOMP`: a filter returned TRACE (the data in the event message).
const EVENT_SECCOMP: i32 = Event::PTRACE_EVENT_SECCOMP as i32;
/// `PTRACE_EVENT_STOP`: a group-stop, or the first stop of a thread attached automatically.
const EVENT_STOP: i32 = Event::PTRACE_EVENT_STOP as i32;
/// SIGSYS, as the kernel numbers it.
const SIGSYS: i32 = Signal::SIGSYS as i32;

/// What the session learns from the tracer about the process it seized.
#[derive(Debug, Default)]
pub struct Seized {
    /// Set once the command is seized (and so before it execs).
    pub done: AtomicBool,
    /// Set when the tracer let go of it (its own debugger attached): wait for it as usual.
    pub let_go: AtomicBool,
    /// Its wait status once it ended. Without a PID namespace that process is seccompose's own
    /// child, which only the tracer may wait for (a wait from another thread could take its
    /// ptrace stops), so the session reads its status here.
    pub status: Mutex<Option<i32>>,
}

/// A tracer thread started ahead of the command, so that seizing it costs no thread start
/// while the command waits (spinning) for it.
pub struct Ready {
    pid: mpsc::SyncSender<i32>,
    answer: mpsc::Receiver<std::io::Result<()>>,
    thread: std::thread::JoinHandle<Vec<Stop>>,
}

/// Starts the tracer thread; it waits for [`Ready::seize`] (and ends at once, seizing
/// nothing, when the `Ready` is dropped instead).
pub fn ready(observer: Observer, seized: std::sync::Arc<Seized>) -> std::io::Result<Ready> {
    let (pid_tx, pid_rx) = mpsc::sync_channel::<i32>(1);
    let (tell, answer) = mpsc::sync_channel(1);
    let thread = std::thread::Builder::new()
        .name("seccompose-tracer".into())
        .spawn(move || {
            let Ok(pid) = pid_rx.recv() else {
                return Vec::new();
            };
            let options = Options::PTRACE_O_TRACECLONE
                | Options::PTRACE_O_TRACEFORK
                | Options::PTRACE_O_TRACEVFORK
                | Options::PTRACE_O_TRACEEXIT
                | Options::PTRACE_O_TRACESECCOMP
                | Options::PTRACE_O_EXITKILL;
            let result = ptrace::seize(Pid::from_raw(pid), options);
            if result.is_ok() {
                // Before the answer: the session decides who may wait for the command from it.
                seized.done.store(true, Ordering::Release);
            }
            let ok = result.is_ok();
            let _ = tell.send(result.map_err(std::io::Error::from));
            if !ok {
                return Vec::new();
            }
            follow(pid, &observer, &seized)
        })?;
    Ok(Ready {
        pid: pid_tx,
        answer,
        thread,
    })
}

impl Ready {
    /// Seizes `pid`; the thread then follows it until nothing it traces is left, and its
    /// result is the stops it saw. Fails when the kernel refuses.
    pub fn seize(self, pid: i32) -> std::io::Result<std::thread::JoinHandle<Vec<Stop>>> {
        let told = match self.pid.send(pid) {
            Ok(()) => self.answer.recv(),
            Err(_) => Err(mpsc::RecvError),
        };
        match told {
            Ok(Ok(())) => Ok(self.thread),
            Ok(Err(e)) => {
                let _ = self.thread.join();
                Err(e)
            }
            Err(_) => Err(std::io::Error::other("the tracer thread ended")),
        }
    }
}

/// How a stopped tracee goes on.
enum Resume {
    /// `PTRACE_CONT`, delivering this signal (0: none).
    With(i32),
    /// `PTRACE_LISTEN`: it is in a group-stop.
    Listen,
    /// Not now (detached, or waiting for another tracee).
    Not,
}

/// The tracer's bookkeeping.
struct Follower<'a> {
    root: i32,
    observer: &'a Observer,
    seized: &'a Seized,
    /// The threads it traces.
    tracees: BTreeSet<i32>,
    /// Tracees to let go of at their next stop, each with the thread whose `ptrace` attach
    /// waits for that (stopped in its seccomp stop until then).
    letting_go: BTreeMap<i32, i32>,
    stops: Vec<Stop>,
}

/// Resumes every stop as it came, reporting the ones seccomp caused, until no tracee is left.
fn follow(root: i32, observer: &Observer, seized: &Seized) -> Vec<Stop> {
    let mut f = Follower {
        root,
        observer,
        seized,
        tracees: BTreeSet::from([root]),
        letting_go: BTreeMap::new(),
        stops: Vec::new(),
    };
    loop {
        // Only this thread's tracees (it has no children of its own).
        let (tid, signal, event) = match raw::wait_tracee() {
            Waited::Stopped { tid, signal, event } => (tid, signal, event),
            Waited::Ended { tid, status } => {
                f.ended(tid, status);
                continue;
            }
            Waited::Interrupted => continue,
            Waited::NoneLeft => break,
        };
        f.tracees.insert(tid);
        let resume = f.stopped(tid, signal, event);
        if let Some(caller) = f.letting_go.remove(&tid) {
            // Its own debugger is about to attach: let go (a group-stop stays one), then let
            // the attach run.
            let signal = match resume {
                Resume::With(signal) => signal,
                Resume::Listen | Resume::Not => 0,
            };
            f.let_go(tid, signal);
            raw::cont(caller, 0);
            continue;
        }
        match resume {
            Resume::With(signal) => raw::cont(tid, signal),
            // A group-stop: stay stopped until SIGCONT, as an untraced process would.
            Resume::Listen => raw::listen(tid),
            Resume::Not => {}
        }
    }
    f.stops
}

impl Follower<'_> {
    /// A tracee is gone.
    fn ended(&mut self, tid: i32, status: i32) {
        self.tracees.remove(&tid);
        if let Some(caller) = self.letting_go.remove(&tid) {
            raw::cont(caller, 0);
        }
        if tid == self.root {
            if let Ok(mut slot) = self.seized.status.lock() {
                *slot = Some(status);
            }
        }
    }

    /// Detaches a tracee, delivering `signal`.
    fn let_go(&mut self, tid: i32, signal: i32) {
        raw::detach(tid, signal);
        self.tracees.remove(&tid);
        if tid == self.root {
            self.seized.let_go.store(true, Ordering::Release);
        }
    }

    /// Handles one stop (its signal number and ptrace event); how to resume it.
    fn stopped(&mut self, tid: i32, signal: i32, event: i32) -> Resume {
        match event {
            0 => {
                if signal == SIGSYS && raised_by_seccomp(tid) {
                    let trapped = |a| matches!(a, RetAction::Trap(_));
                    self.stops.extend(observe(tid, self.observer, trapped));
                }
                Resume::With(signal)
            }
            EVENT_STOP if is_stop_signal(signal) => Resume::Listen,
            EVENT_EXIT => {
                if event_message(tid) & 0x7f == SIGSYS as u64 {
                    self.stops.extend(observe(tid, self.observer, kills));
                }
                Resume::With(0)
            }
            EVENT_FORK | EVENT_VFORK | EVENT_CLONE => {
                self.tracees.insert(event_message(tid) as i32);
                Resume::With(0)
            }
            EVENT_SECCOMP if event_message(tid) == u64::from(PTRACE_ATTACH_MARK) => {
                self.attach_requested(tid)
            }
            EVENT_SECCOMP => {
                // The command's own filter returned TRACE; with no tracer that asked for
                // seccomp stops, the kernel fails the call with ENOSYS.
                skip_syscall(tid);
                Resume::With(0)
            }
            _ => Resume::With(0),
        }
    }

    /// A tracee makes an attach-like `ptrace` call that the policy allows: let go of the
    /// process it names (itself, for `PTRACE_TRACEME`), so that the call finds it as it would
    /// under enforcement. The caller waits, stopped, until then.
    fn attach_requested(&mut self, caller: i32) -> Resume {
        let Some(call) = call_of(caller) else {
            return Resume::With(0);
        };
        match call.args[0] as u32 {
            0 => {
                // PTRACE_TRACEME: the caller itself; the call runs when it resumes.
                self.let_go(caller, 0);
                Resume::Not
            }
            _ => match self.tracee_named(caller, call.args[1] as i32) {
                Some(target) if target != caller => {
                    let _ = ptrace::interrupt(Pid::from_raw(target));
                    self.letting_go.insert(target, caller);
                    Resume::Not
                }
                _ => Resume::With(0),
            },
        }
    }

    /// The tracee that `caller` names `pid` (in its own PID namespace).
    fn tracee_named(&self, caller: i32, pid: i32) -> Option<i32> {
        let depth = ns_pids(caller)?.len();
        self.tracees
            .iter()
            .copied()
            .find(|&t| ns_pids(t).and_then(|ids| ids.get(depth - 1).copied()) == Some(pid))
    }
}

/// Whether signal number `signal` stops a process by default (a group-stop).
fn is_stop_signal(signal: i32) -> bool {
    matches!(
        Signal::try_from(signal),
        Ok(Signal::SIGSTOP | Signal::SIGTSTP | Signal::SIGTTIN | Signal::SIGTTOU)
    )
}

fn kills(action: RetAction) -> bool {
    matches!(
        action,
        RetAction::KillThread | RetAction::KillProcess | RetAction::Unknown(_)
    )
}

/// Reports the call `tid` stopped in when the real filter's action for it is one `wanted`.
fn observe(tid: i32, observer: &Observer, wanted: fn(RetAction) -> bool) -> Option<Stop> {
    let call = call_of(tid)?;
    let action = observer.action(call.token, call.nr, call.ip, call.args);
    if !wanted(action) {
        return None;
    }
    let stop = observer.stop(tid as u32, call.token, call.nr, call.args, action)?;
    observer.report(&stop);
    Some(stop)
}

//! The supervisor thread: takes the listener from the child, then answers every
//! notification as the real filter would act.

use super::observer::{arch_of, Observer};
use super::sys::futex::{futex_wait, futex_wake};
use super::sys::notify::{self, Answer, Request};
use super::sys::page::{SharedPage, Stage};
use super::trace::Seized;
use super::Stop;
use nix::errno::Errno;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use seccompose_core::bpf::RetAction;
use std::collections::BTreeSet;
use std::os::fd::OwnedFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The tracer thread of an observed run; its result is the TRAP and KILL stops it saw.
type Tracer = std::thread::JoinHandle<Vec<Stop>>;

/// Everything the supervisor thread needs.
pub struct Context {
    /// The handshake page shared with the child.
    pub page: Arc<SharedPage>,
    /// The real filter, the rules and where stops go.
    pub observer: Observer,
    /// Record mode: let everything through, note first uses.
    pub record: bool,
    /// Observed mode, when the filter can TRAP or KILL: seize the command with ptrace (see
    /// [`super::trace`]) before it execs.
    pub trace: Option<Arc<Seized>>,
    /// Set when the run is over (or failed to start).
    pub stop: Arc<AtomicBool>,
    /// Why observing failed, if it did (the command is then ended before it runs).
    pub failure: Arc<std::sync::Mutex<Option<String>>>,
    /// Record mode: where the distinct calls go when the run ends.
    pub calls: Arc<std::sync::Mutex<super::replay::Recording>>,
}

/// Notes why observing failed and ends the command before it execs (fail closed: the child
/// waits for us and has not run anything of the command yet).
fn fail(ctx: &Context, pid: i32, why: String) {
    if let Ok(mut slot) = ctx.failure.lock() {
        *slot = Some(why);
    }
    let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
}

/// Waits for the child's listener and, in observed mode, seizes the child (the tracer thread);
/// None if the run ended first or either failed (the child is then ended).
fn take_listener(ctx: &Context) -> Option<(OwnedFd, Option<Tracer>)> {
    // Started now, while the child is being forked, rather than while it waits for us.
    let tracer = ctx
        .trace
        .as_ref()
        .map(|seized| super::trace::ready(ctx.observer.clone(), seized.clone()));
    let h = ctx.page.get();
    let mut loading_since = None;
    while h.ready.load(Ordering::Acquire) == 0 {
        if ctx.stop.load(Ordering::Acquire) {
            return None;
        }
        let bell = h.doorbell.load(Ordering::Acquire);
        if h.stage.load(Ordering::Acquire) < Stage::Filter as u32 {
            // The child rings when it starts loading its filter; the timeout only lets a stop
            // request be seen.
            futex_wait(&h.doorbell, bell, Some(Duration::from_millis(10)));
        } else {
            // Loading takes microseconds, and the child can ring no more once it has loaded
            // (it spins until we have taken the listener): look again at once, for a while.
            let since = *loading_since.get_or_insert_with(Instant::now);
            if since.elapsed() < Duration::from_millis(2) {
                std::thread::yield_now();
            } else {
                std::thread::sleep(Duration::from_micros(50));
            }
        }
    }
    let pid = match h.pid.load(Ordering::Relaxed) {
        // In a PID namespace the command knows only its inner pid: it is init's child.
        0 => {
            // The shim publishes init right after its fork, but on a busy machine the command
            // can get here first: wait for it.
            while h.init.load(Ordering::Acquire) == 0 {
                if ctx.stop.load(Ordering::Acquire) {
                    return None;
                }
                std::thread::sleep(Duration::from_micros(50));
            }
            let init = h.init.load(Ordering::Acquire);
            match super::procs::children_of(init).first() {
                Some(&p) if init > 0 => p,
                _ => {
                    if init > 0 {
                        // Ending init ends the namespace and the waiting command (fail closed).
                        let _ = kill(Pid::from_raw(init), Signal::SIGKILL);
                    }
                    return None;
                }
            }
        }
        p => p,
    };
    let listener = match super::sys::pidfd::steal_fd(pid, h.fd.load(Ordering::Relaxed)) {
        Ok(fd) => fd,
        Err(e) => {
            // Without the listener the child would wait forever: end it.
            let why =
                format!("cannot take the seccomp listener from the command (pidfd_getfd: {e})");
            fail(ctx, pid, why);
            return None;
        }
    };
    let tracer = match tracer {
        Some(ready) => match ready.and_then(|r| r.seize(pid)) {
            Ok(t) => Some(t),
            Err(e) => {
                let why = format!(
                    "cannot observe TRAP and KILL: the kernel refuses to trace the command \
                     (PTRACE_SEIZE: {e}); `run --enforce` runs it under the exact filter without \
                     reporting stops"
                );
                fail(ctx, pid, why);
                return None;
            }
        },
        None => None,
    };
    h.taken.store(1, Ordering::Release);
    futex_wake(&h.taken);
    Some((listener, tracer))
}

/// Runs until the listener closes or the run is stopped; returns every stop, in order.
pub fn run(ctx: Context) -> Vec<Stop> {
    let mut stops = Vec::new();
    let Some((listener, tracer)) = take_listener(&ctx) else {
        return stops;
    };
    notify::prefer_sync_wake_up(&listener);
    let mut seen: BTreeSet<(u32, i32)> = BTreeSet::new();
    let mut calls = super::replay::Tally::default();
    let observer = &ctx.observer;
    loop {
        let req = match notify::receive(&listener, 50) {
            Ok(Some(r)) => r,
            Ok(None) if ctx.stop.load(Ordering::Acquire) => break,
            Ok(None) => continue,
            Err(_) => break,
        };
        if ctx.page.get().exec_failed.load(Ordering::Acquire) == 1 {
            // seccompose's own child after a failed exec, trying to exit: not the command
            // (nothing of it ran), and nothing else would end it.
            let _ = notify::respond(&listener, req.id, Answer::Continue);
            continue;
        }
        let action = observer.action(req.arch, req.nr, req.ip, req.args);
        if ctx.record {
            let _ = notify::respond(&listener, req.id, Answer::Continue);
            if let Some(arch) = arch_of(req.arch, req.nr) {
                calls.add(arch, req.nr as u32, req.args);
            }
            if seen.insert((req.arch, req.nr)) {
                if let Some(stop) =
                    observer.stop(req.pid, req.arch, req.nr, req.args, RetAction::Allow)
                {
                    observer.report(&stop);
                    stops.push(stop);
                }
            }
            continue;
        }
        let stop = observer.stop(req.pid, req.arch, req.nr, req.args, action);
        if let Some(stop) = &stop {
            observer.report(stop);
        }
        answer(&listener, &req, action);
        stops.extend(stop);
    }
    if ctx.record {
        if let Ok(mut slot) = ctx.calls.lock() {
            *slot = calls.finish();
        }
    }
    // The tracer ends when nothing it traces is left, which the end of the listener means.
    if let Some(tracer) = tracer {
        stops.extend(tracer.join().unwrap_or_default());
        stops.sort_by_key(|s| s.elapsed);
    }
    stops
}

/// Ends a notified call as the real filter would have: the same errno, or the call going on.
pub(crate) fn answer(listener: &OwnedFd, req: &Request, action: RetAction) {
    let answer = match action {
        RetAction::Allow | RetAction::Log => Answer::Continue,
        RetAction::Errno(e) => Answer::Errno(i32::from(e)),
        // No tracer asks for seccomp stops and no listener is set up in a real run: the kernel
        // fails these with ENOSYS.
        RetAction::Trace(_) | RetAction::UserNotif => Answer::Errno(Errno::ENOSYS as i32),
        // Never notified: the observed program leaves these to the kernel.
        RetAction::Trap(_)
        | RetAction::KillThread
        | RetAction::KillProcess
        | RetAction::Unknown(_) => Answer::Errno(Errno::ENOSYS as i32),
    };
    let _ = notify::respond(listener, req.id, answer);
}

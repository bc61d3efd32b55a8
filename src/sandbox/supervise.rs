//! The supervisor thread: takes the listener from the child, then answers every
//! notification as the real filter would act.

use super::child::SharedPage;
use super::notify::{self, Answer, Request};
use super::{Event, Stop};
use crate::bpf::{self, Program, RetAction, SeccompData};
use crate::catalog::Catalog;
use crate::compile::{deciding_rule, Plan};
use crate::profile::Arch;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Everything the supervisor thread needs.
pub struct Context {
    /// The handshake page shared with the child.
    pub page: Arc<SharedPage>,
    /// The real filter.
    pub program: Arc<Program>,
    /// The compiled rules, for naming the rule that decided.
    pub plan: Plan,
    /// Record mode: let everything through, note first uses.
    pub record: bool,
    /// Set when the run is over (or failed to start).
    pub stop: Arc<AtomicBool>,
    /// Where events go.
    pub events: mpsc::Sender<Event>,
    /// When the run started.
    pub started: Instant,
    /// Why observing failed, if it did (the command is then ended before it runs).
    pub failure: Arc<std::sync::Mutex<Option<String>>>,
    /// Record mode: where the distinct calls go when the run ends.
    pub calls: Arc<std::sync::Mutex<super::replay::Recording>>,
}

/// Waits for the child's listener; None if the run ended first.
fn take_listener(ctx: &Context) -> Option<std::os::fd::OwnedFd> {
    let h = ctx.page.get();
    let mut pause = Duration::from_micros(20);
    while h.ready.load(Ordering::Acquire) == 0 {
        if ctx.stop.load(Ordering::Acquire) {
            return None;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(2));
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
                        // SAFETY: ending init ends the namespace and the waiting command (fail closed).
                        unsafe { libc::kill(init, libc::SIGKILL) };
                    }
                    return None;
                }
            }
        }
        p => p,
    };
    match notify::steal_fd(pid, h.fd.load(Ordering::Relaxed)) {
        Ok(fd) => {
            h.taken.store(1, Ordering::Release);
            Some(fd)
        }
        Err(e) => {
            if let Ok(mut slot) = ctx.failure.lock() {
                *slot = Some(format!(
                    "cannot take the seccomp listener from the command (pidfd_getfd: {e})"
                ));
            }
            // Without the listener the child would wait forever: end it (fail closed).
            // SAFETY: killing our own child by pid.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            None
        }
    }
}

/// The architecture of a notification: x32 shares x86-64's token and sets bit 30 of nr.
pub fn arch_of(token: u32, nr: i32) -> Option<Arch> {
    if token == Arch::X86_64.audit_token() && nr as u32 & 0x4000_0000 != 0 {
        return Some(Arch::X32);
    }
    Arch::all().find(|a| a.audit_token() == token && *a != Arch::X32)
}

/// Runs until the listener closes or the run is stopped; returns every stop.
pub fn run(ctx: Context) -> Vec<Stop> {
    let mut stops = Vec::new();
    let Some(listener) = take_listener(&ctx) else {
        return stops;
    };
    let mut seen: BTreeSet<(u32, i32)> = BTreeSet::new();
    let mut calls = super::replay::Tally::default();
    loop {
        let req = match notify::receive(&listener, 50) {
            Ok(Some(r)) => r,
            Ok(None) if ctx.stop.load(Ordering::Acquire) => break,
            Ok(None) => continue,
            Err(_) => break,
        };
        if ctx.page.get().exec_failed.load(Ordering::Acquire) == 1 {
            // seccompose's own child after a failed exec (trying to exit): not the command.
            act(&listener, &req, action_of(&ctx, &req));
            continue;
        }
        if ctx.record {
            let _ = notify::respond(&listener, req.id, Answer::Continue);
            if let Some(arch) = arch_of(req.arch, req.nr) {
                calls.add(arch, req.nr as u32, req.args);
            }
            if seen.insert((req.arch, req.nr)) {
                if let Some(stop) = describe(&ctx, &req, RetAction::Allow) {
                    let _ = ctx.events.send(Event::Stop(Box::new(stop.clone())));
                    stops.push(stop);
                }
            }
            continue;
        }
        let action = action_of(&ctx, &req);
        let stop = describe(&ctx, &req, action);
        if let Some(stop) = &stop {
            let _ = ctx.events.send(Event::Stop(Box::new(stop.clone())));
        }
        act(&listener, &req, action);
        stops.extend(stop);
    }
    if ctx.record {
        if let Ok(mut slot) = ctx.calls.lock() {
            *slot = calls.finish();
        }
    }
    stops
}

/// What the real filter does with a notified call.
fn action_of(ctx: &Context, req: &Request) -> RetAction {
    let data = SeccompData {
        nr: req.nr,
        arch: req.arch,
        instruction_pointer: req.ip,
        args: req.args,
    };
    RetAction::from_raw(bpf::run(&ctx.program, &data))
}

fn describe(ctx: &Context, req: &Request, action: RetAction) -> Option<Stop> {
    let arch = arch_of(req.arch, req.nr)?;
    let nr = req.nr as u32;
    let name = Catalog.name_of(arch, nr);
    let rule = name.and_then(|n| deciding_rule(&ctx.plan, n, &req.args, action));
    let texts = name
        .map(|n| read_strings(req.pid, n, &req.args))
        .unwrap_or_default();
    Some(Stop {
        elapsed: ctx.started.elapsed(),
        pid: req.pid,
        arch,
        nr,
        name,
        args: req.args,
        texts,
        action,
        rule,
    })
}

/// The strings that the `char *` arguments of a stopped call point to (paths, names), read
/// from the caller's memory while it waits; arguments that are not strings, or cannot be
/// read, stay None. Reports only: the call itself is decided on the raw arguments.
fn read_strings(pid: u32, name: &str, args: &[u64; 6]) -> [Option<String>; 6] {
    let mut out: [Option<String>; 6] = Default::default();
    let Some(syscall) = Catalog.syscall(name) else {
        return out;
    };
    for (i, arg) in syscall.args.iter().enumerate().take(6) {
        // `const char *` is a string; `char *const *argv` is an array of them, not shown.
        let is_string = arg.ty.contains("char") && arg.ty.matches('*').count() == 1;
        if is_string && args[i] != 0 {
            out[i] = read_c_string(pid, args[i]);
        }
    }
    out
}

/// Up to 256 bytes of a NUL-terminated string in another process.
fn read_c_string(pid: u32, address: u64) -> Option<String> {
    let mut buf = [0u8; 256];
    let local = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: buf.len(),
    };
    // A string near the end of a mapping is shorter than the buffer: read up to the page end.
    let to_page_end = 4096 - (address as usize % 4096);
    let remote = libc::iovec {
        iov_base: address as *mut libc::c_void,
        iov_len: buf.len().min(to_page_end),
    };
    // SAFETY: reads into our own buffer; the kernel checks the remote range.
    let n = unsafe { libc::process_vm_readv(pid as libc::pid_t, &local, 1, &remote, 1, 0) };
    if n <= 0 {
        return None;
    }
    let bytes = &buf[..n as usize];
    let end = bytes.iter().position(|&b| b == 0)?;
    Some(String::from_utf8_lossy(&bytes[..end]).into_owned())
}

/// The thread group of a thread, from /proc.
fn thread_group(tid: u32) -> Option<i32> {
    let status = std::fs::read_to_string(format!("/proc/{tid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("Tgid:"))
        .and_then(|v| v.trim().parse().ok())
}

/// Whether a process handles, blocks or ignores SIGSYS (so SIGSYS would not kill it).
fn sigsys_is_caught(tgid: i32) -> bool {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{tgid}/status")) else {
        return false;
    };
    let bit = 1u64 << (libc::SIGSYS - 1);
    status
        .lines()
        .filter(|l| {
            l.starts_with("SigBlk:") || l.starts_with("SigIgn:") || l.starts_with("SigCgt:")
        })
        .filter_map(|l| u64::from_str_radix(l.split_whitespace().nth(1)?, 16).ok())
        .any(|mask| mask & bit != 0)
}

/// Makes the stopped call end as the real filter would have ended it.
fn act(listener: &std::os::fd::OwnedFd, req: &Request, action: RetAction) {
    let tid = req.pid as i32;
    let tgid = thread_group(req.pid).unwrap_or(tid);
    let answer = match action {
        RetAction::Allow | RetAction::Log => Answer::Continue,
        RetAction::Errno(e) => Answer::Errno(i32::from(e)),
        // No tracer and no listener in a real run: the kernel fails these with ENOSYS.
        RetAction::Trace(_) | RetAction::UserNotif => Answer::Errno(libc::ENOSYS),
        RetAction::Trap(_) => {
            // SAFETY: signalling a thread of the supervised command.
            unsafe { libc::syscall(libc::SYS_tgkill, tgid, tid, libc::SIGSYS) };
            Answer::Errno(libc::ENOSYS)
        }
        RetAction::KillThread => {
            // SAFETY: as above.
            unsafe { libc::syscall(libc::SYS_tgkill, tgid, tid, fatal_signal(tgid)) };
            Answer::Errno(libc::ENOSYS)
        }
        RetAction::KillProcess | RetAction::Unknown(_) => {
            // SAFETY: as above.
            unsafe { libc::kill(tgid, fatal_signal(tgid)) };
            Answer::Errno(libc::ENOSYS)
        }
    };
    let _ = notify::respond(listener, req.id, answer);
}

/// SIGSYS kills as the kernel's kill actions do, unless the program catches it: then SIGKILL.
fn fatal_signal(tgid: i32) -> i32 {
    if sigsys_is_caught(tgid) {
        libc::SIGKILL
    } else {
        libc::SIGSYS
    }
}

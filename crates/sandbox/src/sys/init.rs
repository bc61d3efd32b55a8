//! The processes seccompose forks besides the command: the helpers of a run in a PID
//! namespace, between seccompose and the command (init, its PID 1, and for an ordinary user
//! the shim above it, outside the namespace), and the probes of what the kernel allows ([`in_child`]). They run after fork,
//! so only raw, async-signal-safe calls, and none goes back to the code that forked it.

use super::page::Handshake;
use super::{exit_now, not_dumpable};
use std::sync::atomic::Ordering;

/// The calling process's pid in the PID namespace of the `/proc` mount (seccompose's), read
/// from the `/proc/self` link with raw syscalls; 0 when unreadable. Async-signal-safe.
pub fn outer_pid() -> i32 {
    let mut buf = [0u8; 16];
    // SAFETY: a NUL-terminated path; the kernel writes at most `buf.len()` bytes into `buf`.
    let n = unsafe { libc::readlink(c"/proc/self".as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n <= 0 {
        return 0;
    }
    let mut pid: i32 = 0;
    for &b in &buf[..n as usize] {
        if !b.is_ascii_digit() {
            return 0;
        }
        pid = pid * 10 + i32::from(b - b'0');
    }
    pid
}

/// Closes every descriptor but stdio: in particular std's exec-status pipe, which must close
/// when the command execs, not when it ends.
///
/// # Safety
///
/// The descriptors belong to others (std's pipe, the parent's files): only in a process that
/// never uses them again.
unsafe fn close_all_but_stdio() {
    // SAFETY: close_range takes integers; the caller gives the descriptors up.
    unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
}

/// The errno of the last call.
fn errno() -> i32 {
    // SAFETY: errno is the calling thread's own.
    unsafe { *libc::__errno_location() }
}

/// `waitpid(pid, 0)`: the pid it reaped (negative on error) and its wait status.
fn wait_raw(pid: i32) -> (i32, i32) {
    let mut status = 0;
    // SAFETY: waitpid writes one int into `status`.
    let r = unsafe { libc::waitpid(pid, &mut status, 0) };
    (r, status)
}

/// Waits for child `pid`; its wait status (that of exit code 127 if it cannot be had).
pub fn wait_for(pid: i32) -> i32 {
    loop {
        let (r, status) = wait_raw(pid);
        if r == pid {
            return status;
        }
        if r < 0 && errno() != libc::EINTR {
            return 127 << 8;
        }
    }
}

/// PID 1 of the namespace: reaps everything, and when the command ends hands its status to
/// the shim and exits, which ends whatever the command left behind.
///
/// # Safety
///
/// Only in the child between fork and exec, which this process leaves never: it closes the
/// descriptors it inherited.
pub unsafe fn init_process(command: i32, h: &Handshake) -> ! {
    // SAFETY: init uses no inherited descriptor (this function's contract).
    unsafe { close_all_but_stdio() };
    loop {
        let (r, status) = wait_raw(-1);
        if r == command {
            h.status.store(status, Ordering::Relaxed);
            h.status_set.store(1, Ordering::Release);
            exit_now(0);
        }
        if r < 0 && errno() == libc::ECHILD {
            exit_now(127);
        }
    }
}

/// Between seccompose and init: ends the way the command ended.
///
/// # Safety
///
/// As [`init_process`].
pub unsafe fn shim(init: i32, h: &Handshake) -> ! {
    // SAFETY: the shim uses no inherited descriptor (this function's contract).
    unsafe { close_all_but_stdio() };
    let status = h.command_status(wait_for(init));
    if libc::WIFSIGNALED(status) {
        die_of(libc::WTERMSIG(status));
    }
    exit_now(libc::WEXITSTATUS(status))
}

/// Dies of signal `sig`: default disposition, unblocked, no core file of our own.
fn die_of(sig: i32) -> ! {
    not_dumpable();
    // SAFETY: restoring the default disposition installs no handler of ours.
    unsafe { libc::signal(sig, libc::SIG_DFL) };
    // SAFETY: an all-zero sigset_t is a valid (empty) set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid local set; sigprocmask only reads it.
    unsafe {
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
    }
    // SAFETY: getpid has no preconditions; kill takes integers.
    unsafe { libc::kill(libc::getpid(), sig) };
    exit_now(128 + sig)
}

/// Runs `f` in a forked child and tells whether it returned true there (a probe of what the
/// kernel allows, without changing this process).
///
/// # Safety
///
/// `f` runs in a copy of a process that may have other threads: it may make only
/// async-signal-safe calls (no allocation, no lock) on memory prepared before.
pub unsafe fn in_child(f: impl FnOnce() -> bool) -> bool {
    // SAFETY: the child runs only `f`, async-signal-safe (this function's contract), then
    // ends without returning.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        exit_now(if f() { 0 } else { 1 });
    }
    pid > 0 && wait_for(pid) == 0
}

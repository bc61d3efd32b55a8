//! Every raw `libc` call of the sandbox, and what the child between fork and exec works on.
//! The rest of the crate uses nix's typed calls; what stays raw here, and why:
//!
//! - what runs in the child between fork and exec ([`child`], [`init`], [`userns`],
//!   [`futex`], on the page it shares with seccompose, [`page`]): only async-signal-safe
//!   calls, visibly so (no allocation, no lock, no error type that might allocate), and only
//!   what the filter lets through once it is loaded;
//! - `seccomp(2)` itself and its listener ([`seccomp`], [`notify`]), and `pidfd_open` and
//!   `pidfd_getfd` ([`pidfd`]), which nix does not wrap;
//! - the tracer's waits and resumptions ([`ptrace`]), which nix's types cannot express (see
//!   there).
//!
//! The modules import this one's helpers and never the other way round.

pub mod child;
pub mod futex;
pub mod init;
pub mod notify;
pub mod page;
pub mod pidfd;
pub mod pidns;
pub mod ptrace;
pub mod seccomp;
pub mod start;
pub mod userns;

/// A raw call's result: the error in errno when it is negative.
fn check<T: Copy + Into<i64>>(rc: T) -> std::io::Result<T> {
    if rc.into() < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(rc)
    }
}

/// Ends the calling process with `code` at once: no exit handlers, no destructors, no
/// flushing of buffers a forked child shares with its parent.
pub fn exit_now(code: i32) -> ! {
    // SAFETY: _exit ends the process; leaving what it holds unreleased is sound.
    unsafe { libc::_exit(code) }
}

/// Makes the calling process not dumpable (no core file; /proc's files of it are root's).
/// Async-signal-safe.
fn not_dumpable() {
    // SAFETY: prctl with integer arguments only; it cannot fail with these.
    unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
}

/// `unshare(flags)`: new namespaces for the calling process (or, for PID, its children).
fn unshare(flags: libc::c_int) -> std::io::Result<()> {
    // SAFETY: unshare takes flags only.
    check(unsafe { libc::unshare(flags) }).map(drop)
}

//! Every raw `libc` call of the sandbox. The rest of the crate uses nix's typed calls; what
//! stays raw here, and why:
//!
//! - what runs in the child between fork and exec ([`child`], [`init`], [`futex`]): only
//!   async-signal-safe calls, visibly so (no allocation, no lock, no error type that might
//!   allocate), and only what the filter lets through once it is loaded;
//! - `seccomp(2)` itself and its listener ([`seccomp`], [`notify`]), and `pidfd_open` and
//!   `pidfd_getfd` ([`pidfd`]), which nix does not wrap;
//! - the tracer's waits and resumptions ([`ptrace`]), which nix's types cannot express (see
//!   there).

pub mod child;
pub mod futex;
pub mod init;
pub mod notify;
pub mod pidfd;
pub mod ptrace;
pub mod seccomp;

/// A raw call's result: the error in errno when it is negative.
fn check<T: Copy + Into<i64>>(rc: T) -> std::io::Result<T> {
    if rc.into() < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(rc)
    }
}

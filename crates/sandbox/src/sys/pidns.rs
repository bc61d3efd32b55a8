//! A fresh PID namespace for the next child of the calling thread, and back.
//!
//! `unshare(CLONE_NEWPID)` changes only the namespace the calling thread's future children
//! are born in, so the child std forks next is PID 1 of a fresh namespace: it can be init
//! itself, and the process that stood between seccompose and init (the shim, which made the
//! namespace from inside the child) is not needed. That saves a fork of seccompose, which is
//! most of what a run costs over bubblewrap. Only where the thread may make the namespace
//! itself (root, or CAP_SYS_ADMIN); an ordinary user's child still makes a user namespace
//! first (see `userns`). The thread goes back to its own namespace at once, because every
//! later child of it (a man page viewer, runc, the next run) would otherwise be born in a
//! namespace whose init has gone, which the kernel refuses.

use super::{check, unshare};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

/// While it lives, the calling thread's children are born in a fresh PID namespace; dropping
/// it puts the thread back where it was.
pub struct ChildrenInFreshNamespace {
    /// The calling thread's own PID namespace, to go back to.
    own: OwnedFd,
}

impl ChildrenInFreshNamespace {
    /// Makes the fresh namespace for the calling thread's next child; None when this thread may
    /// not (an ordinary user, a container without CAP_SYS_ADMIN) or cannot come back.
    pub fn enter() -> Option<ChildrenInFreshNamespace> {
        // SAFETY: a NUL-terminated path; the descriptor is owned below.
        let fd = check(unsafe {
            libc::open(
                c"/proc/thread-self/ns/pid".as_ptr(),
                libc::O_RDONLY | libc::O_CLOEXEC,
            )
        })
        .ok()?;
        // SAFETY: a fresh descriptor owned by nobody else.
        let own = unsafe { OwnedFd::from_raw_fd(fd) };
        unshare(libc::CLONE_NEWPID).ok()?;
        Some(ChildrenInFreshNamespace { own })
    }
}

impl Drop for ChildrenInFreshNamespace {
    fn drop(&mut self) {
        // SAFETY: setns takes a descriptor we own and a flag.
        let back = unsafe { libc::setns(self.own.as_raw_fd(), libc::CLONE_NEWPID) };
        // Going back to the namespace this thread itself lives in needs no privilege beyond
        // the one that made the fresh namespace: it cannot fail unless the kernel is broken,
        // and then the next child of this thread fails to start with an error of its own.
        debug_assert_eq!(back, 0, "setns back to our own PID namespace");
    }
}

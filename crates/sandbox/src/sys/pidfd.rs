//! `pidfd_open` and `pidfd_getfd`, which nix does not wrap.

use super::check;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

/// A pidfd of process `pid` (`pidfd_open`, Linux 5.3).
pub fn open(pid: i32) -> std::io::Result<OwnedFd> {
    // SAFETY: pidfd_open takes integers only.
    let fd = check(unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) })?;
    // SAFETY: a fresh descriptor owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

/// Takes a copy of fd `fd` of process `pid` (`pidfd_open` + `pidfd_getfd`).
pub fn steal_fd(pid: i32, fd: i32) -> std::io::Result<OwnedFd> {
    let pidfd = open(pid)?;
    // SAFETY: pidfd_getfd takes integers only.
    let got = check(unsafe { libc::syscall(libc::SYS_pidfd_getfd, pidfd.as_raw_fd(), fd, 0) })?;
    // SAFETY: a fresh descriptor owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(got as i32) })
}

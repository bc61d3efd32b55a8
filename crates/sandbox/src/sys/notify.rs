//! The seccomp user-notification listener: receive a stopped syscall, answer it (ioctls
//! that nix does not wrap).

use std::os::fd::{AsFd, AsRawFd, OwnedFd};

/// One notification: which task made which call.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    /// Kernel cookie for the answer.
    pub id: u64,
    /// The calling thread (in our pid namespace).
    pub pid: u32,
    /// `seccomp_data.nr`.
    pub nr: i32,
    /// `seccomp_data.arch`.
    pub arch: u32,
    /// `seccomp_data.instruction_pointer`.
    pub ip: u64,
    /// `seccomp_data.args`.
    pub args: [u64; 6],
}

/// How the supervisor answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Let the call run.
    Continue,
    /// Fail it with this errno.
    Errno(i32),
}

/// Waits up to `timeout_ms` for a notification; None on timeout, Err when the listener is gone.
pub fn receive(listener: &OwnedFd, timeout_ms: i32) -> std::io::Result<Option<Request>> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let mut fds = [PollFd::new(listener.as_fd(), PollFlags::POLLIN)];
    let timeout = PollTimeout::try_from(timeout_ms).unwrap_or(PollTimeout::MAX);
    match poll(&mut fds, timeout) {
        Ok(0) | Err(nix::errno::Errno::EINTR) => return Ok(None),
        Ok(_) => {}
        Err(e) => return Err(e.into()),
    }
    if !fds[0]
        .revents()
        .is_some_and(|r| r.contains(PollFlags::POLLIN))
    {
        // POLLHUP: every task using the filter is gone.
        return Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
    }
    // SAFETY: the kernel requires a zeroed seccomp_notif and fills it.
    let mut req: libc::seccomp_notif = unsafe { std::mem::zeroed() };
    // SAFETY: the ioctl writes into `req`, which has the size the request encodes.
    let rc = unsafe {
        libc::ioctl(
            listener.as_raw_fd(),
            libc::SECCOMP_IOCTL_NOTIF_RECV,
            &mut req,
        )
    };
    if rc < 0 {
        let e = std::io::Error::last_os_error();
        // ENOENT: the task died before we read it; EINTR: try again later.
        return match e.raw_os_error() {
            Some(libc::ENOENT) | Some(libc::EINTR) => Ok(None),
            _ => Err(e),
        };
    }
    Ok(Some(Request {
        id: req.id,
        pid: req.pid,
        nr: req.data.nr,
        arch: req.data.arch,
        ip: req.data.instruction_pointer,
        args: req.data.args,
    }))
}

/// `SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP` (Linux 6.6): the kernel wakes the supervisor and the
/// notified task synchronously, on the same CPU when it can, which shortens each round trip.
const SYNC_WAKE_UP: u64 = 1;

/// Asks for synchronous wake-ups on `listener`; a kernel without them keeps the ordinary ones
/// (the answers are the same either way).
pub fn prefer_sync_wake_up(listener: &OwnedFd) {
    // SAFETY: the ioctl takes its flags by value and touches no memory of ours.
    unsafe {
        libc::ioctl(
            listener.as_raw_fd(),
            libc::SECCOMP_IOCTL_NOTIF_SET_FLAGS,
            SYNC_WAKE_UP,
        )
    };
}

/// Answers a notification; a task that died meanwhile is not an error.
pub fn respond(listener: &OwnedFd, id: u64, answer: Answer) -> std::io::Result<()> {
    let (error, flags) = match answer {
        Answer::Continue => (0, libc::SECCOMP_USER_NOTIF_FLAG_CONTINUE as u32),
        Answer::Errno(e) => (-e, 0),
    };
    let mut resp = libc::seccomp_notif_resp {
        id,
        val: 0,
        error,
        flags,
    };
    // SAFETY: the ioctl reads `resp`, which has the size the request encodes.
    let rc = unsafe {
        libc::ioctl(
            listener.as_raw_fd(),
            libc::SECCOMP_IOCTL_NOTIF_SEND,
            &mut resp,
        )
    };
    if rc < 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::ENOENT) {
            return Err(e);
        }
    }
    Ok(())
}

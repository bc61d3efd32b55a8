//! The tracer's waits and resumptions, raw: nix's `Signal` has no real-time signals, so its
//! `waitpid` fails (`EINVAL`) on a tracee stopped by one, after the kernel has handed the stop
//! over (the tracee would stay stopped for ever), and its `cont` and `detach` cannot deliver
//! one. nix does not wrap `PTRACE_LISTEN` either, and its `syscall_info` passes a buffer size of
//! 0 (the `addr` of `PTRACE_GET_SYSCALL_INFO`), so the kernel writes nothing and nix returns
//! uninitialised memory. The other requests use `nix::sys::ptrace`.

/// What a wait for a tracee found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waited {
    /// A tracee stopped: the signal number of its stop (any, real-time ones included) and the
    /// `PTRACE_EVENT_*` it stopped at (0: a signal-delivery stop).
    Stopped {
        /// The thread.
        tid: i32,
        /// `WSTOPSIG`.
        signal: i32,
        /// The bits above the signal: the ptrace event.
        event: i32,
    },
    /// A tracee is gone; its raw wait status.
    Ended {
        /// The thread.
        tid: i32,
        /// The status as `waitpid` gave it.
        status: i32,
    },
    /// A signal interrupted the wait: wait again.
    Interrupted,
    /// No tracee is left (`ECHILD`).
    NoneLeft,
}

/// Waits for the next event of any of the calling thread's tracees (`__WALL | __WNOTHREAD`:
/// every kind of thread, but never another thread's children or tracees).
pub fn wait_tracee() -> Waited {
    let mut status = 0;
    // SAFETY: waitpid writes one int into `status`.
    let tid = unsafe { libc::waitpid(-1, &mut status, libc::__WALL | libc::__WNOTHREAD) };
    if tid < 0 {
        return if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            Waited::Interrupted
        } else {
            Waited::NoneLeft
        };
    }
    if libc::WIFSTOPPED(status) {
        Waited::Stopped {
            tid,
            signal: libc::WSTOPSIG(status),
            event: status >> 16,
        }
    } else {
        Waited::Ended { tid, status }
    }
}

/// The type of a ptrace request in the C library's prototype.
#[cfg(target_env = "gnu")]
type Request = libc::c_uint;
#[cfg(not(target_env = "gnu"))]
type Request = libc::c_int;

/// One request that passes no pointer; errors (a tracee killed meanwhile) are the caller's
/// to ignore, as with every resumption.
fn request(request: Request, tid: i32, data: usize) {
    // SAFETY: `addr` is unused and `data` is a number (a signal) for the requests below, so
    // the kernel reads and writes no memory of ours.
    unsafe {
        libc::ptrace(
            request,
            tid,
            std::ptr::null_mut::<libc::c_void>(),
            data as *mut libc::c_void,
        )
    };
}

/// `PTRACE_CONT`, delivering signal number `signal` (0: none).
pub fn cont(tid: i32, signal: i32) {
    request(libc::PTRACE_CONT, tid, signal as usize);
}

/// `PTRACE_DETACH`, delivering signal number `signal` (0: none).
pub fn detach(tid: i32, signal: i32) {
    request(libc::PTRACE_DETACH, tid, signal as usize);
}

/// `PTRACE_LISTEN`: a tracee in a group-stop stays stopped until SIGCONT, as if untraced.
pub fn listen(tid: i32) {
    request(libc::PTRACE_LISTEN, tid, 0);
}

/// The audit token of the ABI of the syscall a stopped thread is in (`arch` of
/// `PTRACE_GET_SYSCALL_INFO`: the kernel's own answer, right for `int $0x80` from 64-bit code
/// too); None when the request fails.
pub fn syscall_abi(tid: i32) -> Option<u32> {
    // struct ptrace_syscall_info: u8 op, 3 bytes of padding, u32 arch, then the rest.
    let mut info = [0u64; 12];
    // SAFETY: the kernel writes at most `addr` bytes (the size of `info`) into `info`.
    let got = unsafe {
        libc::ptrace(
            libc::PTRACE_GET_SYSCALL_INFO,
            tid,
            std::mem::size_of_val(&info),
            info.as_mut_ptr(),
        )
    };
    (got >= 8).then_some((info[0] >> 32) as u32)
}

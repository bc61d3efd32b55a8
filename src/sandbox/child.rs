//! What runs in the child between fork and exec: install the filter, hand over the listener.
//!
//! Only async-signal-safe work happens here: no allocation, no locks, raw syscalls.
//! Once the filter is installed every syscall of the child goes through it, so the listener
//! is not sent with a syscall: the child publishes its pid and the listener's fd number in a
//! shared page and spins until the supervisor has taken a copy with `pidfd_getfd`.

use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};

/// The page shared by the child and the supervisor (`MAP_SHARED`, survives fork).
#[repr(C)]
pub struct Handshake {
    /// 1 when `pid` and `fd` are set.
    pub ready: AtomicU32,
    /// 1 when the supervisor holds its copy of the listener.
    pub taken: AtomicU32,
    /// The child's pid.
    pub pid: AtomicI32,
    /// The listener's fd number in the child.
    pub fd: AtomicI32,
}

/// An anonymous shared mapping holding a [`Handshake`].
pub struct SharedPage {
    ptr: std::ptr::NonNull<Handshake>,
}

// The page is only touched through atomics.
unsafe impl Send for SharedPage {}
unsafe impl Sync for SharedPage {}

impl SharedPage {
    /// Maps a zeroed page.
    pub fn new() -> std::io::Result<SharedPage> {
        // SAFETY: a fresh anonymous mapping; checked for failure below.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                4096,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(std::io::Error::last_os_error());
        }
        let ptr = std::ptr::NonNull::new(p.cast::<Handshake>())
            .ok_or_else(std::io::Error::last_os_error)?;
        Ok(SharedPage { ptr })
    }

    /// The handshake in the page.
    pub fn get(&self) -> &Handshake {
        // SAFETY: the mapping lives as long as self, is zero-initialised (valid atomics), and aligned.
        unsafe { self.ptr.as_ref() }
    }
}

impl Drop for SharedPage {
    fn drop(&mut self) {
        // SAFETY: unmapping the page mapped in new().
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), 4096) };
    }
}

/// The filter program in the form `seccomp(2)` takes; built before fork.
pub struct Prepared {
    insns: Vec<libc::sock_filter>,
}

impl Prepared {
    /// Converts a raw `sock_filter` byte array.
    pub fn new(bpf: &[u8]) -> Prepared {
        let insns = bpf
            .chunks_exact(8)
            .map(|c| libc::sock_filter {
                code: u16::from_ne_bytes([c[0], c[1]]),
                jt: c[2],
                jf: c[3],
                k: u32::from_ne_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect();
        Prepared { insns }
    }
}

fn check(rc: libc::c_long) -> std::io::Result<libc::c_long> {
    if rc < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(rc)
    }
}

/// Runs in the child after fork: dies with the parent, sets no_new_privs, installs the filter
/// and, with a listener, hands it over. An error here stops the exec (fail closed).
pub fn install(prog: &Prepared, listener: Option<&Handshake>) -> std::io::Result<()> {
    // SAFETY: plain syscalls with valid arguments; `fprog` points into `prog`, alive across the call.
    unsafe {
        check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) as libc::c_long)?;
        check(libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) as libc::c_long)?;
        let pid = libc::getpid();
        let fprog = libc::sock_fprog {
            len: prog.insns.len() as u16,
            filter: prog.insns.as_ptr() as *mut _,
        };
        let flags = if listener.is_some() {
            libc::SECCOMP_FILTER_FLAG_NEW_LISTENER
        } else {
            0
        };
        let fd = check(libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            flags,
            &fprog as *const libc::sock_fprog,
        ))?;
        if let Some(h) = listener {
            h.pid.store(pid, Ordering::Relaxed);
            h.fd.store(fd as i32, Ordering::Relaxed);
            h.ready.store(1, Ordering::Release);
            // No syscalls from here until exec: spin until the supervisor has the listener.
            while h.taken.load(Ordering::Acquire) == 0 {
                std::hint::spin_loop();
            }
        }
    }
    Ok(())
}

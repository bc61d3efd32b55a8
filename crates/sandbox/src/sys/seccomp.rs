//! `seccomp(2)` itself, which nix does not wrap: loading a filter into the calling thread,
//! and what the kernel offers. Async-signal-safe: the child calls [`load`] between fork and
//! exec.

use super::check;
use seccompose_core::bpf::Insn;

/// A filter program in the layout `seccomp(2)` takes; built before fork.
pub struct Filter {
    insns: Vec<libc::sock_filter>,
}

impl Filter {
    /// The instructions in the kernel's layout.
    pub fn new(insns: &[Insn]) -> Filter {
        Filter {
            insns: insns.iter().map(|&i| i.into()).collect(),
        }
    }
}

/// `PR_SET_NO_NEW_PRIVS`, which loading a filter without `CAP_SYS_ADMIN` requires.
pub fn set_no_new_privs() -> std::io::Result<()> {
    // SAFETY: prctl with integer arguments only.
    check(unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) }).map(drop)
}

/// Loads `filter` into the calling thread (`SECCOMP_SET_MODE_FILTER`); with `listener`, asks
/// for a user-notification listener and returns its fd number (else 0).
pub fn load(filter: &Filter, listener: bool) -> std::io::Result<i32> {
    let fprog = libc::sock_fprog {
        len: filter.insns.len() as u16,
        filter: filter.insns.as_ptr().cast_mut(),
    };
    let flags = if listener {
        libc::SECCOMP_FILTER_FLAG_NEW_LISTENER
    } else {
        0
    };
    // SAFETY: `fprog` points to `filter.insns`, alive across the call, which the kernel only
    // reads (and copies).
    let rc = unsafe {
        libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            flags,
            &fprog as *const libc::sock_fprog,
        )
    };
    check(rc).map(|fd| fd as i32)
}

/// Whether the kernel knows `SECCOMP_GET_NOTIF_SIZES` (user notification came with it).
pub fn notif_sizes_known() -> bool {
    let mut sizes = [0u16; 3];
    // SAFETY: the kernel writes three u16 into `sizes`.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_GET_NOTIF_SIZES,
            0,
            sizes.as_mut_ptr(),
        )
    };
    rc == 0
}

/// The calling thread's seccomp mode (`PR_GET_SECCOMP`: 0 none, 2 filter).
pub fn mode() -> i32 {
    // SAFETY: prctl with integer arguments only.
    unsafe { libc::prctl(libc::PR_GET_SECCOMP, 0, 0, 0, 0) }
}

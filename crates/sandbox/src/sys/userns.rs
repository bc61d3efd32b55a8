//! Unprivileged containment: a user namespace that maps only the user's own uid and gid, so
//! that an ordinary user may make the PID namespace that ends the command's whole process
//! tree with the run. Inside, the command keeps its ids and gains no capability (it is not
//! uid 0 there, so `execve` clears them); files of other users show as the overflow id.

use super::init::in_child;
use super::{check, unshare};
use std::ffi::CStr;
use std::sync::OnceLock;

/// Moves the calling process into a fresh user namespace, and its future children into a
/// fresh PID namespace in it (the maps are still to write).
pub fn unshare_user_and_pid() -> std::io::Result<()> {
    unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWPID)
}

/// Writes `data` to a `/proc/self` file with raw syscalls (async-signal-safe).
fn write_proc(path: &CStr, data: &[u8]) -> std::io::Result<()> {
    // SAFETY: a NUL-terminated path; the descriptor is closed below.
    let fd = check(unsafe { libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC) })?;
    // SAFETY: `data` is valid for `data.len()` bytes.
    let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
    let err = std::io::Error::last_os_error();
    // SAFETY: closing the descriptor opened above, which nothing else holds.
    unsafe { libc::close(fd) };
    if n == data.len() as isize {
        Ok(())
    } else {
        Err(err)
    }
}

/// The contents of `/proc/self/{setgroups,uid_map,gid_map}`, prepared before fork.
#[derive(Debug, Clone)]
pub struct IdMaps {
    uid_map: Vec<u8>,
    gid_map: Vec<u8>,
}

impl IdMaps {
    /// Maps of our own real uid and gid onto themselves.
    pub fn own() -> IdMaps {
        let (uid, gid) = (nix::unistd::getuid(), nix::unistd::getgid());
        IdMaps {
            uid_map: format!("{uid} {uid} 1\n").into_bytes(),
            gid_map: format!("{gid} {gid} 1\n").into_bytes(),
        }
    }

    /// Writes the maps for the calling process's fresh user namespace (the one it has just
    /// entered). Async-signal-safe.
    pub fn write(&self) -> std::io::Result<()> {
        // An unprivileged process may map its gid only after giving up setgroups.
        write_proc(c"/proc/self/setgroups", b"deny")?;
        write_proc(c"/proc/self/uid_map", &self.uid_map)?;
        write_proc(c"/proc/self/gid_map", &self.gid_map)
    }
}

/// Whether this kernel lets us make a user + PID namespace and map our ids in it (tried once
/// in a throw-away child: sysctls, container runtimes and security modules may forbid it).
pub fn available() -> bool {
    static WORKS: OnceLock<bool> = OnceLock::new();
    *WORKS.get_or_init(|| {
        let maps = IdMaps::own();
        // SAFETY: two raw syscalls and writes of the maps prepared before fork: no
        // allocation, no lock.
        unsafe { in_child(|| unshare_user_and_pid().is_ok() && maps.write().is_ok()) }
    })
}

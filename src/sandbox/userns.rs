//! Unprivileged containment: a user namespace that maps only the user's own uid and gid, so
//! that an ordinary user may make the PID namespace that ends the command's whole process
//! tree with the run. Inside, the command keeps its ids and gains no capability (it is not
//! uid 0 there, so `execve` clears them); files of other users show as the overflow id.
//!
//! Nothing is probed beforehand: the shim makes init in the new namespaces and writes its id
//! maps from outside, and a kernel or security module that refuses either (a sysctl, a
//! container's filter, AppArmor's restriction of unprivileged user namespaces, which lets the
//! namespace be made and then refuses the maps) leaves the run uncontained, as a probe would
//! have, with nothing of the command started in between.

use super::child::{wait_for, Handshake, Prepared};
use super::futex::{futex_wait, futex_wake};
use std::sync::atomic::Ordering;

/// The contents of `/proc/self/{setgroups,uid_map,gid_map}`, prepared before fork.
#[derive(Debug, Clone)]
pub struct IdMaps {
    uid_map: Vec<u8>,
    gid_map: Vec<u8>,
}

/// Writes `data` to a `/proc/self` file with raw syscalls (async-signal-safe).
unsafe fn write_proc(path: &[u8], data: &[u8]) -> std::io::Result<()> {
    // NUL-terminated by construction (see `proc_path`).
    let fd = libc::open(path.as_ptr().cast(), libc::O_WRONLY | libc::O_CLOEXEC);
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    let n = libc::write(fd, data.as_ptr().cast(), data.len());
    let err = std::io::Error::last_os_error();
    libc::close(fd);
    if n == data.len() as isize {
        Ok(())
    } else {
        Err(err)
    }
}

impl IdMaps {
    /// Maps of our own real uid and gid onto themselves.
    pub fn own() -> IdMaps {
        // SAFETY: getuid and getgid have no preconditions.
        let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
        IdMaps {
            uid_map: format!("{uid} {uid} 1\n").into_bytes(),
            gid_map: format!("{gid} {gid} 1\n").into_bytes(),
        }
    }

    /// Writes the maps of the user namespace of `pid`, a child the caller just made in a fresh
    /// one: the caller, in the parent namespace, owns it. Async-signal-safe (no allocation).
    ///
    /// # Safety
    /// Call only in a process that may make raw syscalls (between fork and exec).
    pub unsafe fn write_for(&self, pid: libc::pid_t) -> std::io::Result<()> {
        // An unprivileged process may map its gid only after giving up setgroups.
        write_proc(&proc_path(pid, b"setgroups"), b"deny")?;
        write_proc(&proc_path(pid, b"uid_map"), &self.uid_map)?;
        write_proc(&proc_path(pid, b"gid_map"), &self.gid_map)
    }
}

/// `/proc/PID/FILE` as a NUL-terminated path on the stack.
fn proc_path(pid: libc::pid_t, file: &[u8]) -> [u8; 40] {
    let mut out = [0u8; 40];
    let mut digits = [0u8; 12];
    let (mut n, mut len) = (pid.unsigned_abs(), 0);
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut at = 0;
    for &b in b"/proc/"
        .iter()
        .chain(digits[..len].iter().rev())
        .chain(b"/")
        .chain(file)
    {
        if at + 1 < out.len() {
            out[at] = b;
            at += 1;
        }
    }
    out
}

/// Where [`enter_namespaces`] left the caller.
pub enum Entered {
    /// Its next child will be PID 1 of a fresh PID namespace (root, after `unshare`).
    Unshared,
    /// It made init itself, in a fresh user + PID namespace (an ordinary user): this pid.
    Shim(libc::pid_t),
    /// It is that init.
    Init,
    /// No namespace: the run is not contained.
    Outside,
}

/// Moves the command into a fresh PID namespace: with `unshare` when allowed (root), else (when
/// `prog` has id maps) by making init with `clone(CLONE_NEWUSER | CLONE_NEWPID)` and writing
/// its id maps from outside, as the owner of its user namespace. Kernels and security modules
/// that forbid either make the run uncontained; a refused map ends init before it runs
/// anything.
pub unsafe fn enter_namespaces(prog: &Prepared, h: &Handshake) -> Entered {
    if libc::unshare(libc::CLONE_NEWPID) == 0 {
        return Entered::Unshared;
    }
    let Some(maps) = &prog.id_maps else {
        return Entered::Outside;
    };
    let flags = (libc::CLONE_NEWUSER | libc::CLONE_NEWPID | libc::SIGCHLD) as libc::c_ulong;
    // A fork-like clone (no new stack): the child goes on from here on a copy of ours.
    let init = libc::syscall(libc::SYS_clone, flags, 0usize, 0usize, 0usize, 0usize) as libc::pid_t;
    if init < 0 {
        return Entered::Outside;
    }
    if init == 0 {
        while h.maps.load(Ordering::Acquire) == 0 {
            futex_wait(&h.maps, 0, None);
        }
        if h.maps.load(Ordering::Acquire) != 1 {
            libc::_exit(127);
        }
        return Entered::Init;
    }
    let written = maps.write_for(init).is_ok();
    h.maps.store(if written { 1 } else { 2 }, Ordering::Release);
    futex_wake(&h.maps);
    if written {
        Entered::Shim(init)
    } else {
        wait_for(init);
        Entered::Outside
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn proc_paths_are_built_without_allocating() {
        let p = super::proc_path(4194304, b"uid_map");
        let end = p.iter().position(|&b| b == 0).unwrap();
        assert_eq!(&p[..end], b"/proc/4194304/uid_map");
        let p = super::proc_path(7, b"setgroups");
        assert!(p.starts_with(b"/proc/7/setgroups\0"));
    }
}

//! Unprivileged containment: a user namespace that maps only the user's own uid and gid, so
//! that an ordinary user may make the PID namespace that ends the command's whole process
//! tree with the run. Inside, the command keeps its ids and gains no capability (it is not
//! uid 0 there, so `execve` clears them); files of other users show as the overflow id.

use std::sync::OnceLock;

/// The contents of `/proc/self/{setgroups,uid_map,gid_map}`, prepared before fork.
#[derive(Debug, Clone)]
pub struct IdMaps {
    uid_map: Vec<u8>,
    gid_map: Vec<u8>,
}

/// Writes `data` to a `/proc/self` file with raw syscalls (async-signal-safe).
unsafe fn write_proc(path: &std::ffi::CStr, data: &[u8]) -> std::io::Result<()> {
    let fd = libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
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

    /// Writes the maps for the calling process's fresh user namespace. Async-signal-safe.
    ///
    /// # Safety
    /// Call in a process that has just entered a user namespace.
    pub unsafe fn write(&self) -> std::io::Result<()> {
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
        // SAFETY: the child makes only async-signal-safe calls on memory prepared before fork.
        unsafe {
            let pid = libc::fork();
            if pid == 0 {
                let ok = libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWPID) == 0
                    && maps.write().is_ok();
                libc::_exit(if ok { 0 } else { 1 });
            }
            if pid < 0 {
                return false;
            }
            let mut status = 0;
            while libc::waitpid(pid, &mut status, 0) < 0 && *libc::__errno_location() == libc::EINTR
            {
            }
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0
        }
    })
}

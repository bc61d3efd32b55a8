//! What runs in the child between fork and exec: install the filter, hand over the listener.
//!
//! Only async-signal-safe work happens here: no allocation, no locks, raw syscalls.
//! Once the filter is installed every syscall of the child goes through it, so the listener
//! is not sent with a syscall: the child publishes its pid and the listener's fd number in a
//! shared page and waits until the supervisor has taken a copy with `pidfd_getfd`: asleep on
//! a futex when the filter lets that exact call through, else spinning.
//!
//! Where the kernel allows it, the command runs in a fresh PID namespace (as root directly; as
//! an ordinary user inside a fresh user namespace that maps only the user's own ids):
//! seccompose → shim (outside) → init (PID 1) → command. When seccompose dies, even by
//! SIGKILL, the shim and then init die of PDEATHSIG and the kernel ends every process left in
//! the namespace. init passes the command's wait status to the shim through the shared page,
//! and the shim ends the same way, so seccompose sees the command's status.
//!
//! The child execs the command itself, right after installing the filter, with vectors built
//! before fork ([`Launch`]). If that `execve` fails (the profile may deny it), the child must
//! not touch anything the filter can deny: it leaves the errno in the shared page, tries to
//! exit, and otherwise spins until seccompose ends it.

pub use super::futex::{futex_passes, futex_wait, futex_wake};
use super::launch::Launch;
use super::Containment;
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
    /// In a PID namespace: init's pid as seccompose sees it (the command is its child).
    pub init: AtomicI32,
    /// In a PID namespace: the command's wait status, once `status_set` is 1.
    pub status: AtomicI32,
    /// 1 when `status` holds the command's wait status.
    pub status_set: AtomicU32,
    /// The process seccompose forked (as seccompose sees it): the one to end if exec fails.
    pub victim: AtomicI32,
    /// 1 when the command's `execve` failed after the filter was installed.
    pub exec_failed: AtomicU32,
    /// The errno of that `execve`.
    pub exec_errno: AtomicI32,
    /// The [`Containment`] the child achieved, as its `u32` code.
    pub containment: AtomicU32,
    /// The step the child is at (a [`Stage`] code), to name the one that failed.
    pub stage: AtomicU32,
    /// Bumped (with a futex wake) when the child reaches a step its parent waits for, so that
    /// the parent's threads sleep on it instead of polling.
    pub doorbell: AtomicU32,
    /// Without containment: 1 when the child asks for the baseline of seccompose's
    /// descendants (taken while it waits, before anything of the command runs), 2 once taken.
    pub baseline: AtomicU32,
}

impl Handshake {
    /// Rings the doorbell: wakes the parent's threads waiting for the child's next step.
    pub fn ring(&self) {
        self.doorbell.fetch_add(1, Ordering::Release);
        futex_wake(&self.doorbell);
    }
}

/// The steps of [`install`], in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Stage {
    /// Tying the child's life to seccompose's.
    DeathSignal = 1,
    /// Making the namespaces.
    Namespaces = 2,
    /// Setting no_new_privs.
    NoNewPrivs = 3,
    /// Loading the seccomp filter.
    Filter = 4,
}

impl Stage {
    /// What failed, in words, from the code the child left in the page.
    pub fn describe(code: u32) -> &'static str {
        match code {
            1 => "tying the command's life to seccompose's (PR_SET_PDEATHSIG)",
            2 => "making the PID namespace",
            3 => "setting no_new_privs",
            4 => "loading the seccomp filter",
            _ => "starting the command",
        }
    }
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

/// The filter program in the form `seccomp(2)` takes, and the id maps of a user namespace;
/// built before fork.
pub struct Prepared {
    insns: Vec<libc::sock_filter>,
    id_maps: Option<super::userns::IdMaps>,
    /// seccompose's pid, to notice a parent that died before the death signal was armed.
    parent: libc::pid_t,
    /// Whether the installed filter lets the child sleep on the handshake page's `taken` with
    /// `futex` (see [`futex_passes`]); if not, it spins until the supervisor has the listener.
    pub sleep_until_taken: bool,
}

impl Prepared {
    /// The program's instructions in the kernel's layout; with `id_maps`, the child may enter
    /// a user namespace when it cannot make a PID namespace on its own.
    pub fn new(
        program: &seccompose_core::bpf::Program,
        id_maps: Option<super::userns::IdMaps>,
    ) -> Prepared {
        let insns = program.insns.iter().map(|&i| i.into()).collect();
        Prepared {
            insns,
            id_maps,
            parent: std::process::id() as libc::pid_t,
            sleep_until_taken: false,
        }
    }
}

fn check(rc: libc::c_long) -> std::io::Result<libc::c_long> {
    if rc < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(rc)
    }
}

/// Moves the caller's future children into a fresh PID namespace: directly when allowed (root),
/// else inside a fresh user namespace when `prog` has id maps. Which one it got.
unsafe fn enter_namespaces(prog: &Prepared) -> std::io::Result<Containment> {
    if libc::unshare(libc::CLONE_NEWPID) == 0 {
        return Ok(Containment::PidNamespace);
    }
    let Some(maps) = &prog.id_maps else {
        return Ok(Containment::None);
    };
    // The parent probed that this works here; a failure now is an error, not a fallback:
    // half-made namespaces would run the command under ids it does not have.
    check(libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWPID) as libc::c_long)?;
    maps.write()?;
    Ok(Containment::UserAndPidNamespace)
}

/// Runs in the child after fork: dies with the parent, moves the command into a fresh PID
/// namespace when `isolate` and the kernel allows it, sets no_new_privs, installs the filter,
/// with `listen` hands the listener over, and execs the command. With `terminal`, the command
/// (not the helpers above it) takes standard input as its controlling terminal. An error
/// before the filter is in place stops the exec (fail closed); never returns `Ok`.
pub fn install(
    prog: &Prepared,
    launch: &Launch,
    h: &Handshake,
    listen: bool,
    isolate: bool,
    terminal: bool,
) -> std::io::Result<()> {
    // SAFETY: plain syscalls with valid arguments; `fprog` points into `prog`, alive across the call.
    unsafe {
        h.stage.store(Stage::DeathSignal as u32, Ordering::Relaxed);
        check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) as libc::c_long)?;
        if libc::getppid() != prog.parent {
            // seccompose died before the death signal was armed: nothing must run.
            libc::_exit(128 + libc::SIGKILL);
        }
        let mut pid = libc::getpid();
        h.victim.store(pid, Ordering::Release);
        h.stage.store(Stage::Namespaces as u32, Ordering::Relaxed);
        let containment = if isolate {
            enter_namespaces(prog)?
        } else {
            Containment::None
        };
        h.containment.store(containment as u32, Ordering::Release);
        if containment == Containment::None {
            // seccompose ends what the command leaves behind by telling it from what was there
            // before: let it look now, while nothing of the command runs yet.
            h.baseline.store(1, Ordering::Release);
            h.ring();
            while h.baseline.load(Ordering::Acquire) != 2 {
                futex_wait(&h.baseline, 1, None);
            }
        } else {
            // Re-armed: entering a user namespace changes credentials.
            check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) as libc::c_long)?;
            let init = check(libc::fork() as libc::c_long)? as libc::pid_t;
            if init > 0 {
                h.init.store(init, Ordering::Release);
                shim(init, h);
            }
            check(libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) as libc::c_long)?;
            let command = check(libc::fork() as libc::c_long)? as libc::pid_t;
            if command > 0 {
                init_process(command, h);
            }
            // Our pid as seccompose sees it: /proc is still its mount (0: find it as init's
            // child).
            pid = outer_pid();
        }
        if terminal {
            super::pty::take_terminal()?;
        }
        h.stage.store(Stage::NoNewPrivs as u32, Ordering::Relaxed);
        check(libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) as libc::c_long)?;
        h.stage.store(Stage::Filter as u32, Ordering::Relaxed);
        if listen {
            // The supervisor sleeps until here, then waits the few microseconds of the load.
            h.ring();
        }
        let fprog = libc::sock_fprog {
            len: prog.insns.len() as u16,
            filter: prog.insns.as_ptr() as *mut _,
        };
        let flags = if listen {
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
        if listen {
            h.pid.store(pid, Ordering::Relaxed);
            h.fd.store(fd as i32, Ordering::Relaxed);
            h.ready.store(1, Ordering::Release);
            // Only syscalls the filter lets through from here until exec: sleep when it
            // allows this one, else spin until the supervisor has the listener.
            while h.taken.load(Ordering::Acquire) == 0 {
                if prog.sleep_until_taken {
                    futex_wait(&h.taken, 0, None);
                } else {
                    std::hint::spin_loop();
                }
            }
        }
        let errno = launch.exec();
        // The filter may deny anything from here on: report through the page, try to exit,
        // and otherwise wait without a syscall until seccompose ends this process.
        h.exec_errno.store(errno, Ordering::Relaxed);
        h.exec_failed.store(1, Ordering::Release);
        libc::syscall(libc::SYS_exit_group, 127);
        loop {
            std::hint::spin_loop();
        }
    }
}

/// The calling process's pid in the PID namespace of the `/proc` mount (seccompose's), read
/// from the `/proc/self` link with raw syscalls; 0 when unreadable. Async-signal-safe.
unsafe fn outer_pid() -> libc::pid_t {
    let mut buf = [0u8; 16];
    let n = libc::readlink(c"/proc/self".as_ptr(), buf.as_mut_ptr().cast(), buf.len());
    if n <= 0 {
        return 0;
    }
    let mut pid: libc::pid_t = 0;
    for &b in &buf[..n as usize] {
        if !b.is_ascii_digit() {
            return 0;
        }
        pid = pid * 10 + (b - b'0') as libc::pid_t;
    }
    pid
}

/// Closes every descriptor but stdio: in particular std's exec-status pipe, which must close
/// when the command execs, not when it ends.
unsafe fn close_all_but_stdio() {
    libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32);
}

/// Waits for one child; its wait status.
unsafe fn wait_for(pid: libc::pid_t) -> i32 {
    let mut status = 0;
    loop {
        let r = libc::waitpid(pid, &mut status, 0);
        if r == pid {
            return status;
        }
        if r < 0 && *libc::__errno_location() != libc::EINTR {
            return 127 << 8;
        }
    }
}

/// PID 1 of the namespace: reaps everything, and when the command ends hands its status to
/// the shim and exits, which ends whatever the command left behind. Never returns.
unsafe fn init_process(command: libc::pid_t, h: &Handshake) -> ! {
    close_all_but_stdio();
    loop {
        let mut status = 0;
        let r = libc::waitpid(-1, &mut status, 0);
        if r == command {
            h.status.store(status, Ordering::Relaxed);
            h.status_set.store(1, Ordering::Release);
            libc::_exit(0);
        }
        if r < 0 && *libc::__errno_location() == libc::ECHILD {
            libc::_exit(127);
        }
    }
}

/// Between seccompose and init: ends the way the command ended. Never returns.
unsafe fn shim(init: libc::pid_t, h: &Handshake) -> ! {
    close_all_but_stdio();
    let init_status = wait_for(init);
    let status = if h.status_set.load(Ordering::Acquire) == 1 {
        h.status.load(Ordering::Relaxed)
    } else {
        init_status
    };
    if libc::WIFSIGNALED(status) {
        let sig = libc::WTERMSIG(status);
        // Die of the same signal: default disposition, unblocked, no core file of our own.
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
        libc::signal(sig, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::kill(libc::getpid(), sig);
        libc::_exit(128 + sig);
    }
    libc::_exit(libc::WEXITSTATUS(status))
}

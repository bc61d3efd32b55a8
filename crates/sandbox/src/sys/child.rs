//! What runs in the child between fork and exec: install the filter, hand over the listener.
//!
//! Only async-signal-safe work happens here: no allocation, no locks, raw syscalls.
//! Once the filter is installed every syscall of the child goes through it, so the listener
//! is not sent with a syscall: the child publishes its pid and the listener's fd number in a
//! shared page and waits until the supervisor has taken a copy with `pidfd_getfd`: asleep on
//! a futex when the filter lets that exact call through, else spinning.
//!
//! Where the kernel allows it, the command runs in a fresh PID namespace. As root, seccompose
//! makes it for the child before forking ([`super::pidns`]): the child is born PID 1 and is
//! init itself (seccompose → init → command). An ordinary user's child makes a fresh user
//! namespace that maps only the user's own ids, and the PID namespace in it, from inside:
//! seccompose → shim (outside) → init (PID 1) → command. When seccompose dies, even by
//! SIGKILL, init (through the shim, if any) dies of PDEATHSIG and the kernel ends every
//! process left in the namespace. init leaves the command's wait status in the shared page,
//! where seccompose reads it; the shim also ends the same way.
//!
//! The child execs the command itself, right after installing the filter, with vectors built
//! before fork ([`Launch`]). If that `execve` fails (the profile may deny it), the child must
//! not touch anything the filter can deny: it leaves the errno in the shared page, tries to
//! exit, and otherwise spins until seccompose ends it.

use super::futex::futex_wait;
use super::page::{Handshake, Stage};
use super::seccomp::{self, Filter};
use super::start::{self, CommandStack};
use super::userns::{self, IdMaps};
use super::{check, exit_now, init, not_dumpable, unshare};
use crate::Containment;
use std::ffi::{c_char, CStr};
use std::sync::atomic::Ordering;

/// The filter program in the form `seccomp(2)` takes, and the id maps of a user namespace;
/// built before fork.
pub struct Prepared {
    filter: Filter,
    id_maps: Option<IdMaps>,
    /// seccompose's pid, to notice a parent that died before the death signal was armed.
    parent: i32,
    /// A pidfd of seccompose, for the same when the child is born in a fresh PID namespace
    /// (where `getppid` says 0); None before Linux 5.3.
    parent_pidfd: Option<std::os::fd::OwnedFd>,
    /// Where init starts the command (see [`start`]).
    command_stack: CommandStack,
    /// Whether the installed filter lets the child sleep on the handshake page's `taken` with
    /// `futex` (see [`super::futex::futex_passes`]); if not, it spins until the supervisor has
    /// the listener.
    pub sleep_until_taken: bool,
}

impl Prepared {
    /// The program's instructions in the kernel's layout; with `id_maps`, the child may enter
    /// a user namespace when it cannot make a PID namespace on its own.
    pub fn new(
        program: &seccompose_core::bpf::Program,
        id_maps: Option<IdMaps>,
    ) -> std::io::Result<Prepared> {
        Ok(Prepared {
            filter: Filter::new(&program.insns),
            id_maps,
            parent: std::process::id() as i32,
            parent_pidfd: super::pidfd::open(std::process::id() as i32).ok(),
            command_stack: CommandStack::new()?,
            sleep_until_taken: false,
        })
    }
}

/// Runs in the child after fork: dies with the parent, moves the command into a fresh PID
/// namespace when `isolate` and the kernel allows it, sets no_new_privs, installs the filter,
/// with `listen` hands the listener over, and execs the command with `exec` (which returns
/// only when `execve` failed, with its errno: see `Launch::exec`). With `terminal`, the command
/// (not the helpers above it) takes standard input as its controlling terminal. An error
/// before the filter is in place stops the exec (fail closed); never returns `Ok`.
///
/// # Safety
///
/// Only in the child between fork and exec (std's `pre_exec`): a process with one thread,
/// where `prog`, `exec` and `h` were made before the fork, and `exec` is async-signal-safe. It forks again (with a PID
/// namespace), and ends the process rather than return once the filter is in place.
pub unsafe fn install(
    prog: &Prepared,
    exec: impl FnOnce() -> i32,
    h: &Handshake,
    listen: bool,
    isolate: bool,
    terminal: bool,
) -> std::io::Result<()> {
    h.stage.store(Stage::DeathSignal as u32, Ordering::Relaxed);
    die_with_parent()?;
    // PID 1 only when seccompose made a fresh namespace for this child (see `pidns`).
    let born_init = isolate && own_pid() == 1;
    if parent_died(prog, born_init) {
        // seccompose died before the death signal was armed: nothing must run.
        exit_now(128 + libc::SIGKILL);
    }
    let pid = if born_init {
        init::outer_pid()
    } else {
        own_pid()
    };
    h.victim.store(pid, Ordering::Release);
    h.stage.store(Stage::Namespaces as u32, Ordering::Relaxed);
    let containment = if born_init {
        Containment::PidNamespace
    } else if isolate {
        enter_namespaces(prog, h)?
    } else {
        Containment::None
    };
    h.containment.store(containment as u32, Ordering::Release);
    if containment == Containment::None {
        if h.uncontained_ok.load(Ordering::Acquire) == 0 {
            // seccompose starts the child again, watching for the baseline it then needs.
            h.stage.store(Stage::Uncontained as u32, Ordering::Relaxed);
            return Err(std::io::Error::from_raw_os_error(libc::EAGAIN));
        }
        wait_for_baseline(h);
        return finish(prog, exec, h, listen, terminal, pid).map(|never| match never {});
    }
    if !born_init {
        // SAFETY: this process has one thread (this function's contract).
        unsafe { become_init(h) }?;
    }
    let mut exec = Some(exec);
    let mut rest = || {
        let Some(exec) = exec.take() else {
            return std::io::Error::from_raw_os_error(libc::EINVAL);
        };
        // Our pid as seccompose sees it: /proc is still its mount.
        match finish(prog, exec, h, listen, terminal, init::outer_pid()) {
            Err(e) => e,
            Ok(never) => match never {},
        }
    };
    // SAFETY: init has one thread; `rest` makes only async-signal-safe calls on memory made
    // before the fork.
    Err(unsafe { start::start_command(h, &prog.command_stack, &mut rest) })
}

/// The command's last steps, in the process that becomes it (`pid`, as seccompose sees it):
/// its controlling terminal, no_new_privs, the filter, the listener's hand-over, the exec.
/// Returns only an error before the filter is in place; a failed exec after it ends here.
fn finish(
    prog: &Prepared,
    exec: impl FnOnce() -> i32,
    h: &Handshake,
    listen: bool,
    terminal: bool,
    pid: i32,
) -> std::io::Result<std::convert::Infallible> {
    if terminal {
        take_terminal()?;
    }
    h.stage.store(Stage::NoNewPrivs as u32, Ordering::Relaxed);
    seccomp::set_no_new_privs()?;
    if !listen {
        // Nobody reads this process before its exec (no listener to take), and a failed exec
        // ends it with SIGILL: with no core written of what is a copy of seccompose. The exec
        // makes the command dumpable again, as any program is.
        not_dumpable();
    }
    default_sigill();
    h.stage.store(Stage::Filter as u32, Ordering::Relaxed);
    if listen {
        // The supervisor sleeps until here, then waits the few microseconds of the load.
        h.ring();
    }
    let fd = seccomp::load(&prog.filter, listen)?;
    if listen {
        hand_over(h, pid, fd, prog.sleep_until_taken);
    }
    let errno = exec();
    exec_failed(h, errno)
}

/// Ties the calling process's life to its parent's: SIGKILL when the parent dies.
fn die_with_parent() -> std::io::Result<()> {
    // SAFETY: prctl with integer arguments only.
    check(unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) }).map(drop)
}

/// The calling process's pid in its own PID namespace.
fn own_pid() -> i32 {
    // SAFETY: getpid has no preconditions and cannot fail.
    unsafe { libc::getpid() }
}

/// Whether seccompose has already ended. Born in a fresh PID namespace, the child sees its
/// parent as pid 0 whatever happens, so it asks seccompose's pidfd (readable once it ended);
/// otherwise an ended parent shows as a changed parent pid (the child was adopted).
fn parent_died(prog: &Prepared, born_init: bool) -> bool {
    if !born_init {
        // SAFETY: getppid has no preconditions and cannot fail.
        return unsafe { libc::getppid() } != prog.parent;
    }
    let Some(fd) = &prog.parent_pidfd else {
        return false;
    };
    let mut poll = libc::pollfd {
        fd: std::os::fd::AsRawFd::as_raw_fd(fd),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no waiting.
    let ready = unsafe { libc::poll(&mut poll, 1, 0) };
    ready > 0 && poll.revents & libc::POLLIN != 0
}

/// Moves the caller's future children into a fresh PID namespace: directly when allowed (root),
/// else inside a fresh user namespace when `prog` has id maps. Which one it got: none when
/// the kernel allows neither (nothing changed then). Ids that cannot be mapped once the user
/// namespace is made are an error at [`Stage::IdMaps`]: half-made namespaces would run the
/// command under ids it does not have, so seccompose starts it again without.
fn enter_namespaces(prog: &Prepared, h: &Handshake) -> std::io::Result<Containment> {
    if unshare(libc::CLONE_NEWPID).is_ok() {
        return Ok(Containment::PidNamespace);
    }
    let maps = match &prog.id_maps {
        Some(maps) if h.without_user_namespace.load(Ordering::Acquire) == 0 => maps,
        _ => return Ok(Containment::None),
    };
    if userns::unshare_user_and_pid().is_err() {
        return Ok(Containment::None);
    }
    h.stage.store(Stage::IdMaps as u32, Ordering::Relaxed);
    maps.write()?;
    Ok(Containment::UserAndPidNamespace)
}

/// Without containment, seccompose ends what the command leaves behind by telling it from
/// what was there before: let it look now, while nothing of the command runs yet.
fn wait_for_baseline(h: &Handshake) {
    h.baseline.store(1, Ordering::Release);
    h.ring();
    while h.baseline.load(Ordering::Acquire) != 2 {
        futex_wait(&h.baseline, 1, None);
    }
}

/// `fork`; the child's pid in the parent, 0 in the child.
///
/// # Safety
///
/// Only in a process with one thread (the child between fork and exec): no other thread can
/// have left a lock held or memory half-written in the copy.
unsafe fn fork() -> std::io::Result<i32> {
    // SAFETY: the caller has one thread (this function's contract).
    check(unsafe { libc::fork() })
}

/// In a fresh PID namespace made from inside (an ordinary user's): forks init, which returns;
/// the shim stays behind, outside, and never returns.
///
/// # Safety
///
/// As [`install`]: only in the child between fork and exec.
unsafe fn become_init(h: &Handshake) -> std::io::Result<()> {
    // Re-armed: entering a user namespace changes credentials.
    die_with_parent()?;
    // SAFETY: one thread (this function's contract).
    let init = unsafe { fork() }?;
    if init > 0 {
        h.init.store(init, Ordering::Release);
        // SAFETY: this process is the shim from here on and never goes back to the caller.
        unsafe { init::shim(init, h) }
    }
    die_with_parent()
}

/// Publishes the listener's fd number and waits until the supervisor has its copy. Only
/// syscalls the filter lets through from here until exec: sleep when it allows this one,
/// else spin.
fn hand_over(h: &Handshake, pid: i32, fd: i32, sleep: bool) {
    h.pid.store(pid, Ordering::Relaxed);
    h.fd.store(fd, Ordering::Relaxed);
    h.ready.store(1, Ordering::Release);
    while h.taken.load(Ordering::Acquire) == 0 {
        if sleep {
            futex_wait(&h.taken, 0, None);
        } else {
            std::hint::spin_loop();
        }
    }
}

/// After a failed `execve` the filter may deny anything: report through the page, try to
/// exit (an observed run's supervisor lets seccompose's own child exit), and otherwise end
/// without a syscall.
fn exec_failed(h: &Handshake, errno: i32) -> ! {
    h.exec_errno.store(errno, Ordering::Relaxed);
    h.exec_failed.store(1, Ordering::Release);
    // SAFETY: exit_group takes an integer; it returns only when the filter denies it.
    unsafe { libc::syscall(libc::SYS_exit_group, 127) };
    die_without_a_syscall()
}

/// Whether [`die_without_a_syscall`] ends the process on this architecture; where it does
/// not (it spins), seccompose watches every spawn to end a child whose exec failed.
pub const DIES_WITHOUT_A_SYSCALL: bool = cfg!(any(
    target_arch = "x86",
    target_arch = "x86_64",
    target_arch = "aarch64"
));

/// Ends the process with an undefined instruction: the kernel raises SIGILL, delivered even
/// when blocked or ignored, whose default action ends the process ([`default_sigill`] made
/// sure no handler of seccompose's catches it). Elsewhere, spins until seccompose ends it.
fn die_without_a_syscall() -> ! {
    // SAFETY: the instruction only faults; nothing runs after it in this process.
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    unsafe {
        std::arch::asm!("ud2", options(noreturn))
    }
    // SAFETY: as above.
    #[cfg(target_arch = "aarch64")]
    unsafe {
        std::arch::asm!("udf #0", options(noreturn))
    }
    #[cfg(not(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64")))]
    loop {
        std::hint::spin_loop();
    }
}

/// Puts SIGILL back to its default action when a handler of seccompose's catches it (none
/// does today; the exec resets handlers anyway, so the command sees no difference). An
/// ignored SIGILL stays ignored, as the command inherits it: a fault's SIGILL ends the
/// process all the same.
fn default_sigill() {
    // SAFETY: an all-zero sigaction is valid to be written into.
    let mut now: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: reads the current action into `now`; installs nothing.
    let read = unsafe { libc::sigaction(libc::SIGILL, std::ptr::null(), &mut now) };
    if read == 0 && now.sa_sigaction != libc::SIG_DFL && now.sa_sigaction != libc::SIG_IGN {
        // SAFETY: restoring the default disposition installs no handler.
        unsafe { libc::signal(libc::SIGILL, libc::SIG_DFL) };
    }
}

/// A new session whose controlling terminal is standard input, so the terminal's signals
/// (Ctrl-C, Ctrl-Z, SIGWINCH) reach the command and not seccompose's helpers.
/// Async-signal-safe: two syscalls, no allocation.
pub fn take_terminal() -> std::io::Result<()> {
    // SAFETY: setsid takes no arguments.
    check(unsafe { libc::setsid() })?;
    // SAFETY: TIOCSCTTY takes an integer (0: do not steal the terminal from another session).
    check(unsafe { libc::ioctl(0, libc::TIOCSCTTY, 0) }).map(drop)
}

/// `execve`; returns only when it failed, with its errno. Async-signal-safe.
///
/// # Safety
///
/// `argv` and `envp` are NULL-terminated arrays of pointers to NUL-terminated strings, alive
/// across the call.
pub unsafe fn execve(path: &CStr, argv: &[*const c_char], envp: &[*const c_char]) -> i32 {
    // SAFETY: `path` is NUL-terminated; the vectors are as the caller promises.
    unsafe { libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    // SAFETY: errno is the calling thread's own.
    unsafe { *libc::__errno_location() }
}

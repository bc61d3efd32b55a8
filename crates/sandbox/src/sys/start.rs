//! How init starts the command: in a process that shares init's memory until its `execve`,
//! as `vfork` does, while init waits. A `fork` here would copy the page tables of what is
//! still a copy of seccompose, and the command would then fault on every page it touches
//! before its exec: together as much as the rest of a run's start.
//!
//! The command's side runs on a stack of its own ([`CommandStack`], mapped before the first
//! fork, as nothing may be allocated after it) and never returns into init's frames: it execs
//! or ends. When a step before its exec fails, it leaves the errno in the shared page
//! (`Handshake::start_errno`, beside the step in `stage`) and ends, and init returns that
//! error as its own, which std passes on to `spawn` as it would the child's.

use super::exit_now;
use super::page::Handshake;
use std::ffi::{c_int, c_void};
use std::num::NonZeroUsize;
use std::sync::atomic::Ordering;

/// The command's stack until its exec: the filter's load and the listener's hand-over need a
/// few kilobytes; debug builds use more.
const STACK: usize = 256 << 10;

/// The page below the stack, left inaccessible so that an overflow faults rather than writes
/// into init's memory.
const GUARD: usize = 4096;

/// An anonymous mapping for the command's stack, made before fork.
pub struct CommandStack {
    base: std::ptr::NonNull<c_void>,
}

// SAFETY: the mapping is only written by the command's process, in its parent's copy of it,
// and unmapped once, by the owner's drop.
unsafe impl Send for CommandStack {}
// SAFETY: as above: seccompose's threads never touch the memory.
unsafe impl Sync for CommandStack {}

impl CommandStack {
    /// Maps the stack and its guard page.
    pub fn new() -> std::io::Result<CommandStack> {
        use nix::sys::mman::{mmap_anonymous, mprotect, MapFlags, ProtFlags};
        let len = NonZeroUsize::new(STACK + GUARD).expect("not zero");
        // SAFETY: a fresh anonymous mapping at an address the kernel picks: it overlaps
        // nothing of ours.
        let base = unsafe {
            mmap_anonymous(
                None,
                len,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_PRIVATE | MapFlags::MAP_STACK,
            )
        }?;
        // SAFETY: the first page of the mapping made above.
        unsafe { mprotect(base, GUARD, ProtFlags::PROT_NONE) }?;
        Ok(CommandStack { base })
    }

    /// The stack's top, where it starts (it grows down), 16-byte aligned.
    fn top(&self) -> *mut c_void {
        // SAFETY: one past the end of the mapping, which `new` made this long.
        unsafe { self.base.as_ptr().cast::<u8>().add(STACK + GUARD).cast() }
    }
}

impl Drop for CommandStack {
    fn drop(&mut self) {
        // SAFETY: unmapping what new() mapped, which nothing uses after self.
        let _ = unsafe { nix::sys::mman::munmap(self.base, STACK + GUARD) };
    }
}

/// What the command's process runs: `rest` execs the command, or returns what stopped it.
struct CommandStart<'a> {
    h: &'a Handshake,
    rest: &'a mut dyn FnMut() -> std::io::Error,
}

/// The command's process from its first instruction: runs the rest of the start, and on an
/// error leaves its errno in the page and ends.
extern "C" fn command_entry(arg: *mut c_void) -> c_int {
    // SAFETY: `arg` is the `CommandStart` that `start_command` passed to clone, alive in the
    // memory shared with init, which waits (CLONE_VFORK) until this process execs or ends.
    let start = unsafe { &mut *arg.cast::<CommandStart>() };
    let error = (start.rest)();
    let errno = error.raw_os_error().unwrap_or(libc::EIO);
    start.h.start_errno.store(errno, Ordering::Release);
    exit_now(127)
}

/// In init: starts the command, which runs `rest` in init's memory on `stack` until its exec,
/// then becomes init for good (never returns). Returns only the error that kept the command
/// from its exec (or from starting).
///
/// # Safety
///
/// Only in init between fork and exec (one thread, `rest` async-signal-safe and allocating
/// nothing); `stack` is used by no other process of init's.
pub unsafe fn start_command(
    h: &Handshake,
    stack: &CommandStack,
    rest: &mut dyn FnMut() -> std::io::Error,
) -> std::io::Error {
    let mut start = CommandStart { h, rest };
    let arg: *mut CommandStart = &mut start;
    // SAFETY: the entry never returns into init's frames (it execs or ends); its stack is
    // the mapping made for it; init is suspended until then (CLONE_VFORK), so nothing else
    // touches the memory they share, errno included.
    let pid = unsafe {
        libc::clone(
            command_entry,
            stack.top(),
            libc::CLONE_VM | libc::CLONE_VFORK | libc::SIGCHLD,
            arg.cast(),
        )
    };
    if pid < 0 {
        return std::io::Error::last_os_error();
    }
    let errno = h.start_errno.load(Ordering::Acquire);
    if errno != 0 {
        // init ends with this error (std reports it to seccompose), and its namespace with it.
        return std::io::Error::from_raw_os_error(errno);
    }
    // SAFETY: this process is init from here on and never goes back to the caller.
    unsafe { super::init::init_process(pid, h) }
}

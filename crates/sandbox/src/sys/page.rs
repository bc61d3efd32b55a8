//! The page that the child and the supervisor share across fork ([`Handshake`]): where the
//! child publishes its pid, listener, steps and failures, touched only through atomics so
//! that the child (which may not lock or allocate) and seccompose's threads can both use it.

use super::futex::futex_wake;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};

/// The size of the mapping: one page.
const PAGE: NonZeroUsize = NonZeroUsize::new(4096).unwrap();

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
    /// Set by seccompose before it starts the child again: 1 when the child must not make a
    /// user namespace, because the first child could not map its ids in one.
    pub without_user_namespace: AtomicU32,
    /// The errno of the step (in `stage`) that kept the command from its exec, when init
    /// started it apart (see `start`); 0 until then.
    pub start_errno: AtomicI32,
    /// Set by seccompose: 1 when the child may run the command without a PID namespace, for
    /// which seccompose watches the spawn (the baseline of its descendants); otherwise such a
    /// child stops at [`Stage::Uncontained`].
    pub uncontained_ok: AtomicU32,
}

impl Handshake {
    /// The command's wait status, given `ours`, that of seccompose's child (or init's, for the
    /// shim): in a PID namespace init leaves the command's here before it ends.
    pub fn command_status(&self, ours: i32) -> i32 {
        if self.status_set.load(Ordering::Acquire) == 1 {
            self.status.load(Ordering::Relaxed)
        } else {
            ours
        }
    }

    /// Rings the doorbell: wakes the parent's threads waiting for the child's next step.
    pub fn ring(&self) {
        self.doorbell.fetch_add(1, Ordering::Release);
        futex_wake(&self.doorbell);
    }
}

/// The steps of `child::install`, in order.
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
    /// Mapping the user's ids in the fresh user namespace (part of making the namespaces, for
    /// an ordinary user): seccompose starts the command again without containment when it
    /// fails, as the kernel left the child in a namespace without ids.
    IdMaps = 5,
    /// No PID namespace could be made: the child stops before anything of the command runs,
    /// unless `Handshake::uncontained_ok` lets it go on without one (seccompose then starts it
    /// again, watching for the baseline such a run needs).
    Uncontained = 6,
}

impl Stage {
    /// What failed, in words, from the code the child left in the page.
    pub fn describe(code: u32) -> &'static str {
        match code {
            1 => "tying the command's life to seccompose's (PR_SET_PDEATHSIG)",
            2 => "making the PID namespace",
            3 => "setting no_new_privs",
            4 => "loading the seccomp filter",
            5 => "mapping the user's ids in a user namespace",
            6 => "running the command without a PID namespace",
            _ => "starting the command",
        }
    }
}

/// An anonymous shared mapping holding a [`Handshake`].
pub struct SharedPage {
    ptr: std::ptr::NonNull<Handshake>,
}

// SAFETY: the page is only touched through atomics, and unmapped once, by the owner's drop.
unsafe impl Send for SharedPage {}
// SAFETY: as above: shared references reach only atomics.
unsafe impl Sync for SharedPage {}

impl SharedPage {
    /// Maps a zeroed page.
    pub fn new() -> std::io::Result<SharedPage> {
        use nix::sys::mman::{mmap_anonymous, MapFlags, ProtFlags};
        // SAFETY: a fresh anonymous mapping at an address the kernel picks: it overlaps
        // nothing of ours.
        let p = unsafe {
            mmap_anonymous(
                None,
                PAGE,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_SHARED,
            )
        }?;
        Ok(SharedPage { ptr: p.cast() })
    }

    /// The handshake in the page.
    pub fn get(&self) -> &Handshake {
        // SAFETY: the mapping lives as long as self, is zero-initialised (valid atomics), and
        // page-aligned.
        unsafe { self.ptr.as_ref() }
    }
}

impl Drop for SharedPage {
    fn drop(&mut self) {
        // SAFETY: unmapping the page mapped in new(), which nothing uses after self.
        let _ = unsafe { nix::sys::mman::munmap(self.ptr.cast(), PAGE.get()) };
    }
}

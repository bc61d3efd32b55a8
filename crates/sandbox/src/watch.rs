//! Waiting without polling: for the child between fork and exec (a baseline it asks for, an
//! exec that failed under its filter), and for the command's end (a pidfd).

use super::procs;
use super::sys::futex::{futex_wait, futex_wake};
use super::sys::page::SharedPage;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use std::collections::BTreeSet;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The thread that watches the child while `spawn` runs.
pub struct SpawnWatch {
    page: Arc<SharedPage>,
    spawning: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<BTreeSet<i32>>,
}

/// While `spawn` runs: takes the baseline of our descendants when an uncontained child asks
/// for it (see [`super::sys::page::Handshake::baseline`]), and ends a child whose exec failed
/// under its filter: such a child may be unable even to exit (the filter can deny
/// `exit_group`), and `spawn` waits for it. The child rings the doorbell for the first; the
/// second happens after its filter is in place, where it can make no syscall, so it is looked
/// for at growing intervals.
pub fn watch_spawn(page: Arc<SharedPage>) -> SpawnWatch {
    let spawning = Arc::new(AtomicBool::new(true));
    let (p, s) = (page.clone(), spawning.clone());
    let thread = std::thread::spawn(move || {
        let h = p.get();
        let mut baseline = BTreeSet::new();
        let mut pause = Duration::from_micros(50);
        loop {
            let bell = h.doorbell.load(Ordering::Acquire);
            if !s.load(Ordering::Acquire) {
                return baseline;
            }
            if h.baseline.load(Ordering::Acquire) == 1 {
                let child = h.victim.load(Ordering::Acquire);
                baseline = procs::descendants(std::process::id() as i32);
                baseline.remove(&child);
                h.baseline.store(2, Ordering::Release);
                futex_wake(&h.baseline);
            }
            if h.exec_failed.load(Ordering::Acquire) == 1 {
                let victim = h.victim.load(Ordering::Acquire);
                if victim > 0 {
                    // Our own child, not yet waited for (spawn is still running).
                    let _ = kill(Pid::from_raw(victim), Signal::SIGKILL);
                }
                return baseline;
            }
            futex_wait(&h.doorbell, bell, Some(pause));
            pause = (pause * 2).min(Duration::from_millis(2));
        }
    });
    SpawnWatch {
        page,
        spawning,
        thread,
    }
}

impl SpawnWatch {
    /// Stops the watch once `spawn` returned: its thread ends when it next looks, without
    /// ending anything.
    pub fn stop(&self) {
        self.spawning.store(false, Ordering::Release);
        self.page.get().ring();
    }

    /// The baseline the watch took, if the child asked (it did so before `spawn` returned);
    /// waits for the thread, which [`SpawnWatch::stop`] ended.
    pub fn baseline(self) -> BTreeSet<i32> {
        self.thread.join().unwrap_or_default()
    }
}

/// A pidfd of a child of ours: readable once it has ended. None when the kernel has no
/// `pidfd_open` (before 5.3) or refuses it: the caller then polls.
pub fn pidfd(pid: i32) -> Option<OwnedFd> {
    super::sys::pidfd::open(pid).ok()
}

/// Waits up to `limit` for the process behind `fd` to end (or a signal); without a pidfd,
/// sleeps a short while instead. Whether it has ended, as far as the pidfd tells.
pub fn wait_exit(fd: Option<&OwnedFd>, limit: Duration) -> bool {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let Some(fd) = fd else {
        std::thread::sleep(limit.min(Duration::from_millis(2)));
        return false;
    };
    let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
    let ms = PollTimeout::try_from(limit).unwrap_or(PollTimeout::MAX);
    let n = poll(&mut fds, ms).unwrap_or(0);
    n > 0 && fds[0].revents().is_some_and(|r| !r.is_empty())
}

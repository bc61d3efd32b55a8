//! The process tree of a run: finding and ending every descendant.

use nix::sys::signal::{kill, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag};
use nix::unistd::Pid;
use std::collections::BTreeSet;

/// Makes this process adopt orphaned descendants, so a run's grandchildren stay findable.
pub fn become_subreaper() {
    let _ = nix::sys::prctl::set_child_subreaper(true);
}

/// Whether /proc numbers processes as this process sees them. Not so inside a PID namespace
/// whose creator did not mount a /proc of its own (a run nested in another run): there the
/// tree cannot be walked by pid, so every walk below finds nothing rather than the processes
/// of another namespace (killing the wrong ones, or waiting forever for ones that never end).
pub fn tree_visible() -> bool {
    static OURS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *OURS.get_or_init(|| {
        std::fs::read_link("/proc/self")
            .ok()
            .and_then(|p| p.to_str()?.parse::<u32>().ok())
            == Some(std::process::id())
    })
}

/// The pids /proc lists, when they are ours (see [`tree_visible`]).
fn listed_pids() -> Vec<i32> {
    if !tree_visible() {
        return Vec::new();
    }
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .collect()
}

/// The parent pid of a process, from /proc.
fn parent_of(pid: i32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(1)?.parse().ok()
}

/// The children of a process.
pub fn children_of(pid: i32) -> Vec<i32> {
    listed_pids()
        .into_iter()
        .filter(|&child| parent_of(child) == Some(pid))
        .collect()
}

/// Every living descendant of `root` (not `root` itself).
pub fn descendants(root: i32) -> BTreeSet<i32> {
    let parents: Vec<(i32, i32)> = listed_pids()
        .into_iter()
        .filter_map(|pid| Some((pid, parent_of(pid)?)))
        .collect();
    let mut found = BTreeSet::new();
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for &(child, parent) in &parents {
            if parent == p && found.insert(child) {
                frontier.push(child);
            }
        }
    }
    found
}

/// Sends SIGKILL to a process and all its descendants, then reaps the orphans that came to us
/// (the root itself is left for its owner to wait for).
pub fn kill_tree(root: i32, include_root: bool) {
    let mut killed = BTreeSet::new();
    // Repeat: a process may fork while we are walking the tree.
    for _ in 0..8 {
        let mut victims = descendants(root);
        if include_root {
            victims.insert(root);
        }
        if victims.is_empty() {
            break;
        }
        end_all(&victims);
        killed.extend(victims);
        reap_orphans(&killed, root);
    }
}

/// Reaps those of `tree` (processes of one run's tree) that reparented to us as subreaper and
/// died, except `keep` (the run's own child, whose status std::process collects). Only the
/// run's own tree: another child of this process (another run's, a probe's, a `man`) is
/// waited for by its owner, which would otherwise find it gone (ECHILD).
fn reap_orphans(tree: &BTreeSet<i32>, keep: i32) {
    let me = std::process::id() as i32;
    for &pid in tree {
        if pid != keep && parent_of(pid) == Some(me) && is_zombie(pid) {
            reap(pid);
        }
    }
}

/// Sends SIGKILL to each pid (from /proc: a race with exit only yields ESRCH).
fn end_all<'a>(pids: impl IntoIterator<Item = &'a i32>) {
    for &pid in pids {
        let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
    }
}

/// Reaps `pid` if it is a zombie child of ours, without waiting (else ECHILD, or nothing yet).
/// Its status is nobody's: a decoding error of nix (a real-time signal) changes nothing.
fn reap(pid: i32) {
    let _ = waitpid(Pid::from_raw(pid), Some(WaitPidFlag::WNOHANG));
}

fn is_zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rfind(')').map(|i| s[i + 2..].starts_with('Z')))
        .unwrap_or(false)
}

/// Ends our descendants that are not in `baseline` (what a run left behind), and reaps them.
pub fn end_leftovers(baseline: &BTreeSet<i32>) {
    let me = std::process::id() as i32;
    for _ in 0..8 {
        let victims: Vec<i32> = descendants(me)
            .into_iter()
            .filter(|p| !baseline.contains(p))
            .collect();
        if victims.is_empty() {
            break;
        }
        end_all(&victims);
        for pid in victims {
            reap_when_dead(pid);
        }
    }
}

/// Waits until a process we sent SIGKILL is a zombie (or gone), then reaps it if it is ours.
/// No blocking wait: in observed mode our descendants are ptrace tracees of the tracer thread,
/// and a wait from another thread of ours would take their ptrace stops (a tracee dying of
/// SIGKILL still stops at its exit), which the tracer would then never resume.
pub fn reap_when_dead(pid: i32) {
    if !tree_visible() {
        return;
    }
    loop {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| s.rfind(')').and_then(|i| s[i + 2..].chars().next()));
        match state {
            None => return,
            Some('Z') => {
                reap(pid);
                return;
            }
            Some(_) => std::thread::sleep(std::time::Duration::from_millis(1)),
        }
    }
}

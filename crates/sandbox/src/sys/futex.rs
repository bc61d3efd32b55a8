//! Sleeping on a word of the page shared with the child, instead of polling it: the child
//! may make syscalls only until its filter is in place, and afterwards only those the filter
//! lets through.

use std::sync::atomic::AtomicU32;

/// `FUTEX_WAIT` on a word of the shared page (not private: the page is shared across fork),
/// for at most `timeout` when given; returns when the word is no longer `seen`, on a wake, or
/// on time out. Async-signal-safe.
pub fn futex_wait(word: &AtomicU32, seen: u32, timeout: Option<std::time::Duration>) {
    let ts = timeout.map(|t| libc::timespec {
        tv_sec: t.as_secs() as libc::time_t,
        tv_nsec: t.subsec_nanos() as libc::c_long,
    });
    let ts_ptr = ts
        .as_ref()
        .map_or(std::ptr::null(), |t| t as *const libc::timespec);
    // SAFETY: a valid, aligned u32 in a live mapping; a timespec or NULL.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAIT,
            seen,
            ts_ptr,
        )
    };
}

/// Wakes every waiter of [`futex_wait`] on `word`. Async-signal-safe.
pub fn futex_wake(word: &AtomicU32) {
    // SAFETY: a valid, aligned u32 in a live mapping.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, i32::MAX) };
}

/// Whether `program` allows the exact `FUTEX_WAIT` on `word` that a child waiting for the
/// supervisor makes: such a wait then never reaches the listener nobody reads yet.
pub fn futex_passes(
    program: &seccompose_core::bpf::Program,
    arch: seccompose_core::profile::Arch,
    word: &AtomicU32,
) -> bool {
    let Some(nr) = seccompose_core::catalog::Catalog
        .syscall("futex")
        .and_then(|s| s.number(arch))
    else {
        return false;
    };
    let args = [word.as_ptr() as u64, libc::FUTEX_WAIT as u64, 0, 0, 0, 0];
    let data = seccompose_core::bpf::SeccompData::new(arch, nr, args);
    seccompose_core::bpf::RetAction::from_raw(seccompose_core::bpf::run(program, &data))
        == seccompose_core::bpf::RetAction::Allow
}

#[cfg(test)]
mod tests {
    use super::*;
    use seccompose_core::compile::{self, Options};
    use seccompose_core::profile::{Action, Arch, ArgCond, Op, Profile, Rule, Target};

    fn program(profile: &Profile) -> seccompose_core::bpf::Program {
        let target = Target {
            arch: Arch::X86_64,
            ..Target::host()
        };
        let built = compile::build(profile, &target, &Options::default()).unwrap();
        seccompose_core::bpf::Program::from_bytes(&built.bpf).unwrap()
    }

    #[test]
    fn the_child_sleeps_only_when_its_futex_wait_passes_the_filter() {
        let word = AtomicU32::new(0);
        let open = Profile::new(Action::Allow);
        assert!(futex_passes(&program(&open), Arch::X86_64, &word));
        let mut denied = Profile::new(Action::Allow);
        denied.syscalls = Some(vec![Rule::new(vec!["futex".into()], Action::Errno)]);
        assert!(!futex_passes(&program(&denied), Arch::X86_64, &word));
        // Denied only for FUTEX_WAIT (op 0): exactly the call the child would make.
        let mut waits = Rule::new(vec!["futex".into()], Action::Errno);
        waits.args = Some(vec![ArgCond::new(1, Op::Eq, 0, None)]);
        denied.syscalls = Some(vec![waits]);
        assert!(!futex_passes(&program(&denied), Arch::X86_64, &word));
        assert!(!futex_passes(
            &program(&Profile::new(Action::Notify)),
            Arch::X86_64,
            &word
        ));
    }
}

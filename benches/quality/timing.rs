//! Per-call nanoseconds in the real kernel: each measurement forks a child that installs its
//! filter (a filter cannot be removed again) and times tight loops of three calls.

use seccompose::bpf::Program;
use std::time::Instant;

/// A timed call: what it is, its number and first argument, and whether a filter denies it.
pub struct Timed {
    /// How the call is written in the tables.
    pub label: &'static str,
    nr: libc::c_long,
    arg0: libc::c_ulong,
    denied_by_filter: bool,
}

/// The three calls: argument-conditional allow, unconditional allow, denied (EPERM).
pub const CALLS: [Timed; 3] = [
    Timed {
        label: "personality(0xffffffff)",
        nr: libc::SYS_personality,
        arg0: 0xffff_ffff,
        denied_by_filter: false,
    },
    Timed {
        label: "getppid()",
        nr: libc::SYS_getppid,
        arg0: 0,
        denied_by_filter: false,
    },
    Timed {
        label: "unshare(0)",
        nr: libc::SYS_unshare,
        arg0: 0,
        denied_by_filter: true,
    },
];

/// Nanoseconds per call of each of [`CALLS`] (the fastest block), in a fresh child under `filter`
/// (None: no filter), from `blocks` loops of `iters` calls, interleaved.
pub fn measure(filter: Option<&Program>, iters: usize, blocks: usize) -> Result<[f64; 3], String> {
    let insns: Vec<libc::sock_filter> = filter
        .map_or(&[][..], |p| &p.insns)
        .iter()
        .map(|&i| i.into())
        .collect();
    let prog = libc::sock_fprog {
        len: insns.len() as u16,
        filter: insns.as_ptr() as *mut libc::sock_filter,
    };
    let mut samples = vec![0f64; CALLS.len() * blocks];
    let mut fds = [0; 2];
    // SAFETY: plain syscalls; the child only makes syscalls, reads the clock and writes into
    // memory allocated before the fork, then leaves with _exit.
    unsafe {
        if libc::pipe(fds.as_mut_ptr()) != 0 {
            return Err("pipe failed".into());
        }
        let pid = libc::fork();
        if pid < 0 {
            return Err("fork failed".into());
        }
        if pid == 0 {
            libc::close(fds[0]);
            let status = child(filter.map(|_| &prog), iters, blocks, &mut samples);
            if status == 0 {
                let bytes = samples.len() * 8;
                libc::write(fds[1], samples.as_ptr().cast(), bytes);
            }
            libc::_exit(status);
        }
        libc::close(fds[1]);
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = libc::read(fds[0], buf.as_mut_ptr().cast(), buf.len());
            if n <= 0 {
                break;
            }
            got.extend_from_slice(&buf[..n as usize]);
        }
        libc::close(fds[0]);
        let mut status = 0;
        libc::waitpid(pid, &mut status, 0);
        if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
            return Err(match libc::WEXITSTATUS(status) {
                2 => "the filter could not be installed".into(),
                3 => "a call did not return what the filter should make it return".into(),
                _ => format!("the child failed (wait status {status:#x})"),
            });
        }
        for (i, chunk) in got.chunks_exact(8).enumerate() {
            samples[i] = f64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8]));
        }
    }
    // The fastest block: on a shared machine, the one least disturbed by other processes.
    let mut out = [f64::INFINITY; 3];
    for (c, slot) in out.iter_mut().enumerate() {
        for b in 0..blocks {
            *slot = slot.min(samples[b * CALLS.len() + c]);
        }
    }
    Ok(out)
}

/// The child's work; returns its exit status (0 ok, 2 install failed, 3 wrong results).
unsafe fn child(
    prog: Option<&libc::sock_fprog>,
    iters: usize,
    blocks: usize,
    samples: &mut [f64],
) -> i32 {
    if let Some(prog) = prog {
        let nnp = libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
        let installed = libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            0,
            prog as *const libc::sock_fprog,
        );
        if nnp != 0 || installed != 0 {
            return 2;
        }
    }
    for call in &CALLS {
        let ret = libc::syscall(call.nr, call.arg0);
        let errno = *libc::__errno_location();
        let denied = ret == -1 && errno == libc::EPERM;
        if denied != (call.denied_by_filter && prog.is_some()) || (!denied && ret < 0) {
            return 3;
        }
    }
    for b in 0..blocks {
        for (c, call) in CALLS.iter().enumerate() {
            let start = Instant::now();
            for _ in 0..iters {
                libc::syscall(call.nr, call.arg0);
            }
            samples[b * CALLS.len() + c] = start.elapsed().as_nanos() as f64 / iters as f64;
        }
    }
    0
}

/// The median (mean of the two middle values when even); sorts `v`.
pub fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The value below which a fraction `q` of the sorted values lie (nearest rank).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i]
}

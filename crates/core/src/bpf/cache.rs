//! The kernel's constant-action cache, and what a program costs on a recorded workload.
//!
//! Since Linux 5.11 the kernel runs each filter once per syscall number when it is installed,
//! with nothing known but the number and the architecture token (`seccomp_is_const_allow`
//! in kernel/seccomp.c). When that run reaches `return ALLOW` without reading anything else,
//! the number goes into a per-architecture bitmap and later calls of it skip the filter
//! entirely. Every other call (an argument rule, a denied call, any non-ALLOW result) runs
//! the whole path each time. Only the native and compat tables have bitmaps, sized by the
//! number of syscalls, so x32 calls (`X32_SYSCALL_BIT` set) never hit the cache.

use super::emulate::{run_counted, SeccompData};
use super::{jump_target, op, Program, RET_ALLOW};
use std::collections::HashMap;

/// Numbers at or above this are outside the kernel's bitmaps (its tables end well below;
/// the calls in between fail with ENOSYS anyway). x32 numbers are all above.
pub const CACHED_NR_LIMIT: u32 = 1024;

/// Whether the kernel's installation-time walk proves the program allows this syscall number
/// on this architecture token whatever the arguments and instruction pointer: only loads of
/// `nr` and `arch`, AND with a constant, constant jumps and `return ALLOW` on the way.
pub fn const_allow(prog: &Program, arch_token: u32, nr: u32) -> bool {
    let mut a = 0u32;
    let mut pc = 0usize;
    while let Some(insn) = prog.insns.get(pc) {
        let k = insn.k;
        let mut next = pc + 1;
        match insn.code {
            op::LD_W_ABS => match k {
                0 => a = nr,
                4 => a = arch_token,
                _ => return false, // arguments or instruction pointer: not constant
            },
            op::RET_K => return k == RET_ALLOW,
            op::JMP_JA => match jump_target(pc, k) {
                Some(t) => next = t,
                None => return false,
            },
            op::JEQ_K | op::JGE_K | op::JGT_K | op::JSET_K => {
                let taken = match insn.code {
                    op::JEQ_K => a == k,
                    op::JGE_K => a >= k,
                    op::JGT_K => a > k,
                    _ => a & k != 0,
                };
                next = pc + 1 + usize::from(if taken { insn.jt } else { insn.jf });
            }
            c if c == op::ALU | op::AND | op::K => a &= k,
            _ => return false,
        }
        pc = next;
    }
    false // ran off the end: the kernel would have refused the program
}

/// Whether a call skips the filter: its number is in the kernel's bitmap for its architecture.
pub fn skips_filter(prog: &Program, data: &SeccompData) -> bool {
    let nr = data.nr as u32;
    nr < CACHED_NR_LIMIT && const_allow(prog, data.arch, nr)
}

/// What a program costs over a workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WorkloadCost {
    /// Calls in the workload.
    pub calls: u64,
    /// Instructions executed if every call ran the filter (no cache).
    pub executed: u64,
    /// Calls the constant-action cache cannot skip.
    pub uncached_calls: u64,
    /// Instructions those calls execute: what the kernel really runs.
    pub uncached_executed: u64,
}

impl WorkloadCost {
    /// Mean instructions per call without the cache.
    pub fn per_call(&self) -> f64 {
        ratio(self.executed, self.calls)
    }

    /// Mean instructions per call with the cache (cached calls count as 0).
    pub fn kernel_per_call(&self) -> f64 {
        ratio(self.uncached_executed, self.calls)
    }

    /// Mean instructions per call the cache cannot skip.
    pub fn per_uncached_call(&self) -> f64 {
        ratio(self.uncached_executed, self.uncached_calls)
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Runs the program on every distinct call (with how often it was made) and adds up the
/// instructions executed, with and without the kernel's cache.
pub fn workload_cost(
    prog: &Program,
    calls: impl IntoIterator<Item = (SeccompData, u64)>,
) -> WorkloadCost {
    let mut cached: HashMap<(u32, i32), bool> = HashMap::new();
    let mut cost = WorkloadCost::default();
    for (data, count) in calls {
        let (_, executed) = run_counted(prog, &data);
        let executed = executed as u64 * count;
        cost.calls += count;
        cost.executed += executed;
        let skips = *cached
            .entry((data.arch, data.nr))
            .or_insert_with(|| skips_filter(prog, &data));
        if !skips {
            cost.uncached_calls += count;
            cost.uncached_executed += executed;
        }
    }
    cost
}

#[cfg(test)]
mod unit {
    use super::super::testutil::{j, s};
    use super::super::RET_ERRNO;
    use super::*;
    use crate::profile::Arch;

    /// x86-64 only: read (0) allowed, write (1) allowed when arg0 is 1, getpid (39) allowed
    /// after an AND and a JA, openat (257) denied; x32 and other numbers killed.
    fn program() -> Program {
        Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, Arch::X86_64.audit_token(), 1, 0),
            s(op::RET_K, 0),
            s(op::LD_W_ABS, 0),
            j(op::JEQ_K, 0, 10, 0),
            j(op::JEQ_K, 1, 4, 0),
            j(op::JEQ_K, 257, 5, 0),
            j(op::JEQ_K, 39, 0, 5),
            s(op::ALU | op::AND | op::K, 0xff),
            s(op::JMP_JA, 4),
            s(op::LD_W_ABS, 16),
            j(op::JEQ_K, 1, 3, 1),
            s(op::RET_K, RET_ERRNO | 1),
            s(op::RET_K, 0),
            j(op::JEQ_K, 39, 0, 1),
            s(op::RET_K, RET_ALLOW),
            s(op::RET_K, 0),
        ])
    }

    fn call(nr: u32, arg0: u64) -> SeccompData {
        SeccompData::new(Arch::X86_64, nr, [arg0, 0, 0, 0, 0, 0])
    }

    #[test]
    fn only_argument_free_allows_are_constant() {
        let p = program();
        let x86_64 = Arch::X86_64.audit_token();
        assert!(const_allow(&p, x86_64, 0), "read");
        assert!(!const_allow(&p, x86_64, 1), "write reads arg0");
        assert!(const_allow(&p, x86_64, 39), "getpid through AND and JA");
        assert!(
            !const_allow(&p, x86_64, 257),
            "a constant ERRNO is not cached"
        );
        assert!(!const_allow(&p, x86_64, 2), "a constant kill is not cached");
        assert!(!const_allow(&p, Arch::X86.audit_token(), 0), "other arch");
        // The emulator agrees that these calls are allowed.
        assert_eq!(run_counted(&p, &call(1, 1)).0, RET_ALLOW);
        assert_eq!(run_counted(&p, &call(39, 0)).0, RET_ALLOW);
    }

    #[test]
    fn what_the_walk_gives_up_on() {
        let x86_64 = Arch::X86_64.audit_token();
        let unknown = [
            Program::new(vec![s(op::LD_W_ABS, 8), s(op::RET_K, RET_ALLOW)]),
            Program::new(vec![s(op::LD_IMM, 0), s(op::RET_K, RET_ALLOW)]),
            Program::new(vec![
                s(op::ALU | op::OR | op::K, 1),
                s(op::RET_K, RET_ALLOW),
            ]),
            Program::new(vec![s(op::LD_W_ABS, 0), s(op::RET_A, 0)]),
            Program::new(vec![s(op::LD_W_ABS, 0)]),
            Program::new(vec![s(op::JMP_JA, u32::MAX)]),
            Program::default(),
        ];
        for p in &unknown {
            assert!(!const_allow(p, x86_64, 0), "{p:?}");
        }
        let jset = Program::new(vec![
            s(op::LD_W_ABS, 0),
            j(op::JSET_K, 0x4000_0000, 0, 1),
            s(op::RET_K, 0),
            j(op::JGT_K, 9, 1, 0),
            s(op::RET_K, RET_ALLOW),
            s(op::RET_K, 0),
        ]);
        assert!(const_allow(&jset, x86_64, 9));
        assert!(!const_allow(&jset, x86_64, 10));
        assert!(!const_allow(&jset, x86_64, 0x4000_0001));
    }

    #[test]
    fn x32_and_large_numbers_are_never_cached() {
        let allow_all = Program::new(vec![s(op::RET_K, RET_ALLOW)]);
        assert!(skips_filter(&allow_all, &call(0, 0)));
        assert!(skips_filter(&allow_all, &call(CACHED_NR_LIMIT - 1, 0)));
        assert!(!skips_filter(&allow_all, &call(CACHED_NR_LIMIT, 0)));
        let x32 = SeccompData::new(Arch::X32, 0x4000_0000, [0; 6]);
        assert!(!skips_filter(&allow_all, &x32));
        assert!(!skips_filter(&allow_all, &SeccompData { nr: -1, ..x32 }));
    }

    #[test]
    fn workload_cost_weights_by_count_and_drops_cached_calls() {
        let p = program();
        let (read, write, open) = (call(0, 0), call(1, 1), call(257, 0));
        let per = |d: &SeccompData| run_counted(&p, d).1 as u64;
        assert_eq!((per(&read), per(&write), per(&open)), (5, 8, 7));
        let cost = workload_cost(&p, [(read, 10), (write, 3), (open, 1), (call(1, 2), 1)]);
        assert_eq!(
            cost,
            WorkloadCost {
                calls: 15,
                executed: 10 * 5 + 3 * 8 + 7 + 8,
                uncached_calls: 5,
                uncached_executed: 3 * 8 + 7 + 8,
            }
        );
        assert_eq!(cost.per_call(), 89.0 / 15.0);
        assert_eq!(cost.kernel_per_call(), 39.0 / 15.0);
        assert_eq!(cost.per_uncached_call(), 39.0 / 5.0);
        let none = workload_cost(&p, []);
        assert_eq!((none.per_call(), none.per_uncached_call()), (0.0, 0.0));
    }
}

//! What a program costs: per architecture, how much of it that arch can reach and how
//! many instructions each of its syscalls executes.

use super::emulate::{run_counted, SeccompData};
use super::flow::analyze;
use super::{Program, RetAction};
use crate::catalog::Catalog;
use crate::profile::Arch;

/// The cost of one syscall on one architecture, with all-zero arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyscallCost {
    /// Syscall name.
    pub name: &'static str,
    /// Its number on the architecture.
    pub nr: u32,
    /// Instructions executed.
    pub executed: usize,
    /// What the program returned.
    pub action: RetAction,
}

/// Minimum, median and maximum instructions executed per syscall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostSummary {
    /// Fewest instructions executed.
    pub min: usize,
    /// A syscall that executes the fewest (the first by name).
    pub min_syscall: &'static str,
    /// The median (the lower middle value when the count is even).
    pub median: usize,
    /// Most instructions executed.
    pub max: usize,
    /// A syscall that executes the most (the first by name).
    pub max_syscall: &'static str,
}

/// The figures for one architecture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchStats {
    /// The architecture.
    pub arch: Arch,
    /// Instructions in the whole program.
    pub total: usize,
    /// Distinct instructions some call of this arch can execute (any number and arguments
    /// of its calling convention; x32 and x86-64 are told apart by `X32_SYSCALL_BIT`).
    pub reachable: usize,
    /// Every syscall the catalog numbers for this arch, by name.
    pub per_syscall: Vec<SyscallCost>,
    /// Summary of `per_syscall`; None when the catalog has no numbers for the arch.
    pub summary: Option<CostSummary>,
}

/// The figures for every requested architecture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// One entry per requested architecture, in the order given.
    pub arches: Vec<ArchStats>,
}

/// Measures the program for each architecture.
pub fn stats(prog: &Program, arches: &[Arch]) -> Stats {
    Stats {
        arches: arches.iter().map(|&a| arch_stats(prog, a)).collect(),
    }
}

fn arch_stats(prog: &Program, arch: Arch) -> ArchStats {
    let reachable = analyze(prog, Some(arch))
        .iter()
        .filter(|s| s.is_some())
        .count();
    let per_syscall: Vec<SyscallCost> = Catalog
        .syscalls()
        .iter()
        .filter_map(|s| {
            let nr = s.number(arch)?;
            let (ret, executed) = run_counted(prog, &SeccompData::new(arch, nr, [0; 6]));
            Some(SyscallCost {
                name: s.name(),
                nr,
                executed,
                action: RetAction::from_raw(ret),
            })
        })
        .collect();
    ArchStats {
        arch,
        total: prog.insns.len(),
        reachable,
        summary: summarize(&per_syscall),
        per_syscall,
    }
}

fn summarize(costs: &[SyscallCost]) -> Option<CostSummary> {
    // min_by_key / max_by_key keep the first / last of equal keys; take the first for both.
    let lowest = costs.iter().min_by_key(|c| c.executed)?;
    let highest = costs
        .iter()
        .rev()
        .max_by_key(|c| c.executed)
        .unwrap_or(lowest);
    let mut counts: Vec<usize> = costs.iter().map(|c| c.executed).collect();
    counts.sort_unstable();
    Some(CostSummary {
        min: lowest.executed,
        min_syscall: lowest.name,
        median: counts[(counts.len() - 1) / 2],
        max: highest.executed,
        max_syscall: highest.name,
    })
}

#[cfg(test)]
mod unit {
    use super::super::op;
    use super::super::testutil::{j, s};
    use super::*;

    /// x86-64 allows read and write; x32 is killed; i386 gets EPERM; others are killed.
    fn program() -> Program {
        Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_003e, 0, 4),
            s(op::LD_W_ABS, 0),
            j(op::JGE_K, 0x4000_0000, 6, 0),
            j(op::JEQ_K, 0, 4, 0),
            j(op::JEQ_K, 1, 3, 2),
            j(op::JEQ_K, 0x4000_0003, 0, 3),
            s(op::RET_K, 0x0005_0001),
            s(op::RET_K, 0x0005_0001),
            s(op::RET_K, 0x7fff_0000),
            s(op::RET_K, 0x8000_0000),
        ])
    }

    #[test]
    fn costs_per_architecture() {
        let prog = program();
        let mips = Arch::parse("mips").expect("mips is a known arch");
        let st = stats(
            &prog,
            &[Arch::X86_64, Arch::X32, Arch::X86, Arch::AARCH64, mips],
        );
        let arches: Vec<Arch> = st.arches.iter().map(|a| a.arch).collect();
        assert_eq!(
            arches,
            [Arch::X86_64, Arch::X32, Arch::X86, Arch::AARCH64, mips]
        );
        assert!(st.arches.iter().all(|a| a.total == 11));
        let reachable: Vec<usize> = st.arches.iter().map(|a| a.reachable).collect();
        assert_eq!(reachable, [8, 5, 4, 4, 4]);

        let x86_64 = &st.arches[0];
        assert_eq!(x86_64.per_syscall.len(), 385);
        assert_eq!(
            x86_64.summary,
            Some(CostSummary {
                min: 6,
                min_syscall: "read",
                median: 7,
                max: 7,
                max_syscall: "_sysctl",
            })
        );
        let write = x86_64.per_syscall.iter().find(|c| c.name == "write");
        assert_eq!(
            write,
            Some(&SyscallCost {
                name: "write",
                nr: 1,
                executed: 7,
                action: RetAction::Allow
            })
        );
        let openat = x86_64.per_syscall.iter().find(|c| c.name == "openat");
        assert_eq!(openat.map(|c| c.action), Some(RetAction::Errno(1)));

        let x32 = &st.arches[1];
        assert!(x32
            .per_syscall
            .iter()
            .all(|c| c.executed == 5 && c.action == RetAction::KillProcess));
        assert!(x32.per_syscall.iter().all(|c| c.nr >= 0x4000_0000));
        let x86 = &st.arches[2];
        assert!(x86
            .per_syscall
            .iter()
            .all(|c| c.executed == 4 && c.action == RetAction::Errno(1)));
        assert_eq!(
            x86.summary.as_ref().map(|s| (s.min, s.median, s.max)),
            Some((4, 4, 4))
        );
        assert_eq!(st.arches[3].summary.as_ref().map(|s| s.max), Some(4));
        // The catalog has no numbers for mips.
        assert!(st.arches[4].per_syscall.is_empty());
        assert_eq!(st.arches[4].summary, None);
    }

    #[test]
    fn empty_program_has_no_reachable_instructions() {
        let st = stats(&Program::default(), &[Arch::X86_64]);
        assert_eq!((st.arches[0].total, st.arches[0].reachable), (0, 0));
        assert!(st.arches[0].per_syscall.iter().all(|c| c.executed == 0));
        assert_eq!(st.arches[0].summary.as_ref().map(|s| s.max), Some(0));
    }
}

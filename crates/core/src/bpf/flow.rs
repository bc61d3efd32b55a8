//! A forward abstract interpretation of a program: what A, X and the scratch words hold
//! at each instruction, which architecture the path has been narrowed to, and the range
//! the syscall number lies in. Jumps only go forward, so one pass in index order, merging
//! the states that flow into each instruction, is exact for this domain.
//!
//! The disassembler uses it to name syscall numbers with the right architecture; the
//! statistics use it (with the architecture fixed) to find what an arch can reach.

use super::op;
use super::{jump_target, Program, RetAction, MEM_WORDS};
use crate::profile::Arch;

/// What a register or scratch word holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Val {
    /// Nothing known.
    Unknown,
    /// A known constant.
    Const(u32),
    /// `seccomp_data.nr`.
    Nr,
    /// `seccomp_data.arch`.
    Arch,
    /// The 32-bit word at this byte offset (8..64) of `seccomp_data`.
    Word(u8),
}

impl Val {
    fn merge(self, other: Val) -> Val {
        if self == other {
            self
        } else {
            Val::Unknown
        }
    }
}

/// The abstract state on entry to an instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State {
    /// Register A.
    pub a: Val,
    /// Register X.
    pub x: Val,
    /// Scratch memory.
    pub mem: [Val; MEM_WORDS],
    /// The arch token every path here has been narrowed to, if any.
    pub arch: Option<u32>,
    /// Whether every path here has a little-endian arch (known even when paths of several
    /// architectures of the same byte order meet, as in libseccomp's shared tails).
    pub le: Option<bool>,
    /// Lowest possible syscall number.
    pub nr_lo: u32,
    /// Highest possible syscall number.
    pub nr_hi: u32,
}

impl State {
    fn merge(&mut self, other: &State) {
        self.a = self.a.merge(other.a);
        self.x = self.x.merge(other.x);
        for (m, o) in self.mem.iter_mut().zip(other.mem.iter()) {
            *m = m.merge(*o);
        }
        if self.arch != other.arch {
            self.arch = None;
        }
        if self.le != other.le {
            self.le = None;
        }
        self.nr_lo = self.nr_lo.min(other.nr_lo);
        self.nr_hi = self.nr_hi.max(other.nr_hi);
    }
}

/// Whether an arch token marks a little-endian architecture.
pub(crate) fn is_le(token: u32) -> bool {
    token & super::emulate::AUDIT_ARCH_LE != 0
}

/// `X32_SYSCALL_BIT`: x32 syscall numbers have it set.
pub(crate) const X32_SYSCALL_BIT: u32 = 0x4000_0000;

/// The syscall numbers a calling convention uses: x32 calls carry `X32_SYSCALL_BIT`,
/// x86-64 calls do not (they share the arch token, so only the number tells them apart).
pub(crate) fn nr_range(arch: Arch) -> (u32, u32) {
    if arch == Arch::X32 {
        (X32_SYSCALL_BIT, u32::MAX)
    } else if arch == Arch::X86_64 {
        (0, X32_SYSCALL_BIT - 1)
    } else {
        (0, u32::MAX)
    }
}

/// The entry state of every instruction; None where no path arrives. With `fixed`, the
/// data comes from that architecture's calling convention and nothing else.
pub(crate) fn analyze(prog: &Program, fixed: Option<Arch>) -> Vec<Option<State>> {
    let n = prog.insns.len();
    let mut states: Vec<Option<State>> = vec![None; n];
    if n == 0 {
        return states;
    }
    let (nr_lo, nr_hi) = fixed.map_or((0, u32::MAX), nr_range);
    states[0] = Some(State {
        a: Val::Const(0),
        x: Val::Const(0),
        mem: [Val::Unknown; MEM_WORDS],
        arch: fixed.map(Arch::audit_token),
        le: fixed.map(|a| is_le(a.audit_token())),
        nr_lo,
        nr_hi,
    });
    for pc in 0..n {
        let Some(state) = states[pc] else { continue };
        let insn = prog.insns[pc];
        let mut flow = |target: Option<usize>, s: State| {
            if let Some(slot) = target.and_then(|t| states.get_mut(t)) {
                match slot {
                    Some(existing) => existing.merge(&s),
                    None => *slot = Some(s),
                }
            }
        };
        let mut s = state;
        let k = insn.k;
        match insn.code {
            op::LD_W_ABS => {
                s.a = match k {
                    0 => Val::Nr,
                    4 => Val::Arch,
                    8..=60 if k & 3 == 0 => Val::Word(k as u8),
                    _ => Val::Unknown,
                }
            }
            op::LD_W_LEN => s.a = Val::Const(super::SECCOMP_DATA_SIZE),
            op::LDX_W_LEN => s.x = Val::Const(super::SECCOMP_DATA_SIZE),
            op::LD_IMM => s.a = Val::Const(k),
            op::LDX_IMM => s.x = Val::Const(k),
            op::LD_MEM => s.a = s.mem.get(k as usize).copied().unwrap_or(Val::Unknown),
            op::LDX_MEM => s.x = s.mem.get(k as usize).copied().unwrap_or(Val::Unknown),
            op::ST | op::STX => {
                let v = if insn.code == op::ST { s.a } else { s.x };
                if let Some(slot) = s.mem.get_mut(k as usize) {
                    *slot = v;
                }
            }
            op::RET_K | op::RET_A => continue,
            op::MISC_TAX => s.x = s.a,
            op::MISC_TXA => s.a = s.x,
            op::JMP_JA => {
                flow(jump_target(pc, k), s);
                continue;
            }
            code if op::is_classic(code) && code & 0x07 == op::ALU => {
                let v = if code & op::X != 0 {
                    s.x
                } else {
                    Val::Const(k)
                };
                s.a = match (s.a, v) {
                    (Val::Const(a), Val::Const(v)) => fold(code & 0xf0, a, v),
                    _ => Val::Unknown,
                };
            }
            code if op::is_classic(code) && code & 0x07 == op::JMP => {
                let v = if code & op::X != 0 {
                    s.x
                } else {
                    Val::Const(k)
                };
                let (on_true, on_false) = branch(&s, code & 0xf0, v);
                if let Some(t) = on_true {
                    flow(jump_target(pc, u32::from(insn.jt)), t);
                }
                if let Some(f) = on_false {
                    flow(jump_target(pc, u32::from(insn.jf)), f);
                }
                continue;
            }
            // Anything else stops the run (the emulator returns 0 there).
            _ => continue,
        }
        flow(Some(pc + 1), s);
    }
    states
}

/// Whether some call of one of `arches` (any number and arguments of its calling convention)
/// can make `prog` return an action for which `wanted` holds. A return of register A whose
/// value the analysis does not know counts as one that can.
pub fn may_return(prog: &Program, arches: &[Arch], wanted: impl Fn(RetAction) -> bool) -> bool {
    arches.iter().any(|&arch| {
        let states = analyze(prog, Some(arch));
        prog.insns.iter().zip(&states).any(|(insn, state)| {
            let Some(state) = state else { return false };
            let returned = match (insn.code, state.a) {
                (op::RET_K, _) => insn.k,
                (op::RET_A, Val::Const(a)) => a,
                (op::RET_A, _) => return true,
                _ => return false,
            };
            wanted(RetAction::from_raw(returned))
        })
    })
}

/// Constant folding of an ALU operation, with the emulator's arithmetic (division by zero
/// ends the run: Unknown is safe).
fn fold(operation: u16, a: u32, v: u32) -> Val {
    super::emulate::alu(operation, a, v).map_or(Val::Unknown, Val::Const)
}

/// Whether `a OP v` holds.
fn test(operation: u16, a: u32, v: u32) -> bool {
    match operation {
        op::JEQ => a == v,
        op::JGT => a > v,
        op::JGE => a >= v,
        _ => a & v != 0,
    }
}

/// The states after a conditional jump: (true branch, false branch), None when impossible.
fn branch(s: &State, operation: u16, v: Val) -> (Option<State>, Option<State>) {
    let (mut t, mut f) = (*s, *s);
    let Val::Const(c) = v else {
        return (Some(t), Some(f));
    };
    match s.a {
        Val::Const(a) => {
            if test(operation, a, c) {
                (Some(t), None)
            } else {
                (None, Some(f))
            }
        }
        Val::Arch => match s.arch {
            Some(token) => {
                if test(operation, token, c) {
                    (Some(t), None)
                } else {
                    (None, Some(f))
                }
            }
            None => {
                if operation == op::JEQ {
                    t.arch = Some(c);
                    t.le = Some(is_le(c));
                }
                (Some(t), Some(f))
            }
        },
        Val::Nr => {
            let (lo, hi) = (s.nr_lo, s.nr_hi);
            // Narrow [lo, hi] to the numbers for which the test is true / false.
            let (tr, fr) = match operation {
                op::JEQ => (
                    (c >= lo && c <= hi).then_some((c, c)),
                    shrink_without(lo, hi, c),
                ),
                op::JGT => (
                    c.checked_add(1).map(|m| (lo.max(m), hi)),
                    Some((lo, hi.min(c))),
                ),
                op::JGE => (
                    Some((lo.max(c), hi)),
                    c.checked_sub(1).map(|m| (lo, hi.min(m))),
                ),
                _ => (Some((lo, hi)), Some((lo, hi))),
            };
            let apply = |st: &mut State, r: Option<(u32, u32)>| match r {
                Some((l, h)) if l <= h => {
                    st.nr_lo = l;
                    st.nr_hi = h;
                    true
                }
                _ => false,
            };
            let t_ok = apply(&mut t, tr);
            let f_ok = apply(&mut f, fr);
            (t_ok.then_some(t), f_ok.then_some(f))
        }
        _ => (Some(t), Some(f)),
    }
}

/// The range [lo, hi] minus the single value c, as a range (only shrinks at the ends).
fn shrink_without(lo: u32, hi: u32, c: u32) -> Option<(u32, u32)> {
    if lo == hi && lo == c {
        None
    } else if c == lo {
        Some((lo + 1, hi))
    } else if c == hi {
        Some((lo, hi - 1))
    } else {
        Some((lo, hi))
    }
}

#[cfg(test)]
mod unit {
    use super::super::emulate::{emulate, SeccompData};
    use super::super::{op, Insn};
    use super::*;

    /// Chains of comparisons of nr against nearby constants: every path the emulator takes
    /// must be reachable in the analysis, and for chains of `>` and `>=` (where ranges are
    /// exact) the analysis must not keep branches that no number can take.
    #[test]
    fn number_ranges_are_sound_and_tight() {
        let bases = [0u32, 5, X32_SYSCALL_BIT - 2, u32::MAX - 3];
        let ops = [op::JEQ_K, op::JGT_K, op::JGE_K];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as u32
        };
        for round in 0..3000 {
            let base = bases[round % bases.len()];
            let exact = round % 2 == 0;
            let jumps = 1 + next(6) as usize;
            let mut insns = vec![Insn::stmt(op::LD_W_ABS, 0)];
            for i in 0..jumps {
                let room = (jumps - i) as u64;
                let code = if exact {
                    ops[1 + next(2) as usize]
                } else {
                    ops[next(3) as usize]
                };
                let k = base.wrapping_add(next(5));
                insns.push(Insn::jump(
                    code,
                    k,
                    next(room + 1) as u8,
                    next(room + 1) as u8,
                ));
            }
            for r in 0..=jumps as u32 {
                insns.push(Insn::stmt(op::RET_K, r));
            }
            let prog = Program::new(insns);
            assert_eq!(prog.validate(), Ok(()));
            let states = analyze(&prog, None);
            let mut seen = vec![false; prog.len()];
            for d in 0..8u32 {
                let nr = base.wrapping_add(d).wrapping_sub(1);
                let data = SeccompData {
                    nr: nr as i32,
                    arch: 0xc000_003e,
                    ..SeccompData::default()
                };
                for &i in &emulate(&prog, &data).path {
                    assert!(states[i].is_some(), "nr {nr:#x} reaches {i}: {prog:?}");
                    seen[i] = true;
                }
            }
            // The constants lie within base..base+4, so these numbers cover every
            // outcome: anything the analysis calls reachable must have been executed.
            if exact {
                for (i, s) in states.iter().enumerate() {
                    assert_eq!(s.is_some(), seen[i], "instruction {i}: {prog:?}");
                }
            }
        }
    }

    #[test]
    fn fixed_architectures_split_x86_64_and_x32() {
        let prog = Program::new(vec![
            Insn::stmt(op::LD_W_ABS, 0),
            Insn::jump(op::JGT_K, X32_SYSCALL_BIT - 1, 0, 1),
            Insn::stmt(op::RET_K, 1),
            Insn::stmt(op::RET_K, 2),
        ]);
        let reach = |arch| -> Vec<bool> {
            analyze(&prog, Some(arch))
                .iter()
                .map(Option::is_some)
                .collect()
        };
        assert_eq!(reach(Arch::X86_64), [true, true, false, true]);
        assert_eq!(reach(Arch::X32), [true, true, true, false]);
        assert_eq!(reach(Arch::X86), [true, true, true, true]);
        assert_eq!(nr_range(Arch::X32), (0x4000_0000, u32::MAX));
    }

    #[test]
    fn constants_fold_and_decide_jumps() {
        let prog = Program::new(vec![
            Insn::stmt(op::LD_IMM, 6),
            Insn::stmt(op::ALU | op::MUL | op::K, 7),
            Insn::stmt(op::MISC_TAX, 0),
            Insn::stmt(op::ST, 1),
            Insn::stmt(op::LD_W_ABS, 4),
            Insn::stmt(op::LD_MEM, 1),
            Insn::jump(op::JEQ_K, 42, 1, 0),
            Insn::stmt(op::RET_K, 0),
            Insn::jump(op::JMP | op::JEQ | op::X, 0, 0, 1),
            Insn::stmt(op::RET_K, 1),
            Insn::stmt(op::RET_K, 2),
        ]);
        let states = analyze(&prog, None);
        let reach: Vec<bool> = states.iter().map(Option::is_some).collect();
        assert_eq!(
            reach,
            [true, true, true, true, true, true, true, false, true, true, false]
        );
        let at = |i: usize| states[i].expect("reachable");
        assert_eq!(at(2).a, Val::Const(42));
        assert_eq!(at(4).mem[1], Val::Const(42));
        assert_eq!(at(5).a, Val::Arch);
        assert_eq!(at(6).x, Val::Const(42));
    }

    #[test]
    fn a_return_counts_only_when_a_call_of_the_given_abis_reaches_it() {
        let (x86_64, i386) = (Arch::X86_64.audit_token(), Arch::X86.audit_token());
        let kill = RetAction::KillProcess.to_raw();
        // Other ABIs are killed, x32 numbers get EPERM, the rest is allowed.
        let prog = Program::new(vec![
            Insn::stmt(op::LD_W_ABS, 4),
            Insn::jump(op::JEQ_K, x86_64, 2, 0),
            Insn::jump(op::JEQ_K, i386, 1, 0),
            Insn::stmt(op::RET_K, kill),
            Insn::stmt(op::LD_W_ABS, 0),
            Insn::jump(op::JGE_K, X32_SYSCALL_BIT, 0, 1),
            Insn::stmt(op::RET_K, RetAction::Errno(1).to_raw()),
            Insn::stmt(op::RET_K, RetAction::Allow.to_raw()),
        ]);
        let kills = |a: RetAction| matches!(a, RetAction::KillProcess);
        let errno = |a: RetAction| matches!(a, RetAction::Errno(_));
        let here = [Arch::X86_64, Arch::X86, Arch::X32];
        assert!(
            !may_return(&prog, &here, kills),
            "no ABI of this machine is killed"
        );
        assert!(may_return(&prog, &[Arch::AARCH64], kills));
        assert!(may_return(&prog, &here, errno), "x32 numbers get EPERM");
        assert!(
            !may_return(&prog, &[Arch::X86_64], errno),
            "x86-64 numbers are below the bit"
        );
        // A return of A: known when it was loaded as a constant, else anything.
        let ret_a = |first: Insn| Program::new(vec![first, Insn::stmt(op::RET_A, 0)]);
        let allow = RetAction::Allow.to_raw();
        assert!(!may_return(
            &ret_a(Insn::stmt(op::LD_IMM, allow)),
            &here,
            kills
        ));
        assert!(may_return(
            &ret_a(Insn::stmt(op::LD_IMM, kill)),
            &here,
            kills
        ));
        assert!(may_return(
            &ret_a(Insn::stmt(op::LD_W_ABS, 16)),
            &here,
            kills
        ));
    }
}

//! Running a program on one syscall, as the kernel does.
//!
//! The filter reads `struct seccomp_data` (nr@0, arch@4, instruction_pointer@8,
//! args[i]@16+8i) in the byte order of the syscall's architecture: little-endian when
//! the audit token has `__AUDIT_ARCH_LE` (0x4000_0000), big-endian otherwise. A and X
//! start at 0. Arithmetic is 32-bit and wraps; shift amounts from X use their low 5 bits
//! (as the kernel's interpreter and JITs do); division or modulo by 0 makes the filter
//! return 0, as classic BPF always has.
//!
//! Programs that [`Program::validate`] rejects still run without panicking: anything the
//! kernel would have refused (an unknown opcode, a load outside the 64 bytes, a missing
//! scratch slot, running off the end) stops the run with return value 0 (KILL_THREAD).

use super::op;
use super::{jump_target, Insn, Program, RetAction, MEM_WORDS};
use crate::profile::Arch;

/// `__AUDIT_ARCH_LE`: set in the audit token of little-endian architectures.
pub(crate) const AUDIT_ARCH_LE: u32 = 0x4000_0000;

/// The data a seccomp filter sees: the kernel's `struct seccomp_data`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SeccompData {
    /// The syscall number (with `X32_SYSCALL_BIT` for x32 calls).
    pub nr: i32,
    /// The `AUDIT_ARCH_*` token of the calling convention.
    pub arch: u32,
    /// Where the syscall was made from.
    pub instruction_pointer: u64,
    /// The six arguments.
    pub args: [u64; 6],
}

impl SeccompData {
    /// A call of syscall number `nr` on `arch` with these arguments, from address 0.
    pub fn new(arch: Arch, nr: u32, args: [u64; 6]) -> SeccompData {
        SeccompData {
            nr: nr as i32,
            arch: arch.audit_token(),
            instruction_pointer: 0,
            args,
        }
    }

    /// Whether the data is laid out little-endian (decided by the arch token).
    pub fn is_little_endian(&self) -> bool {
        self.arch & AUDIT_ARCH_LE != 0
    }

    /// The 64 bytes the filter reads, in the architecture's byte order.
    pub fn to_bytes(&self) -> [u8; 64] {
        let le = self.is_little_endian();
        let mut out = [0u8; 64];
        let mut put = |at: usize, bytes: &[u8]| out[at..at + bytes.len()].copy_from_slice(bytes);
        if le {
            put(0, &self.nr.to_le_bytes());
            put(4, &self.arch.to_le_bytes());
            put(8, &self.instruction_pointer.to_le_bytes());
        } else {
            put(0, &self.nr.to_be_bytes());
            put(4, &self.arch.to_be_bytes());
            put(8, &self.instruction_pointer.to_be_bytes());
        }
        for (i, arg) in self.args.iter().enumerate() {
            let bytes = if le {
                arg.to_le_bytes()
            } else {
                arg.to_be_bytes()
            };
            put(16 + 8 * i, &bytes);
        }
        out
    }
}

/// The result of one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The raw 32-bit return value.
    pub ret: u32,
    /// What the kernel does with it.
    pub action: RetAction,
    /// Indices of the executed instructions, in order.
    pub path: Vec<usize>,
}

/// Runs the program on one syscall and records the path taken.
pub fn emulate(prog: &Program, data: &SeccompData) -> Outcome {
    let mut path = Vec::with_capacity(32);
    let ret = exec(&prog.insns, data, |pc| path.push(pc));
    Outcome {
        ret,
        action: RetAction::from_raw(ret),
        path,
    }
}

/// Runs the program on one syscall and returns only the raw return value (the fast path).
pub fn run(prog: &Program, data: &SeccompData) -> u32 {
    exec(&prog.insns, data, |_| {})
}

/// Runs the program and returns the raw return value and the number of executed instructions.
pub fn run_counted(prog: &Program, data: &SeccompData) -> (u32, usize) {
    let mut count = 0usize;
    let ret = exec(&prog.insns, data, |_| count += 1);
    (ret, count)
}

/// Reads the 32-bit word at `offset`, or None outside the 64 bytes.
#[inline(always)]
fn load(bytes: &[u8; 64], offset: u32, le: bool) -> Option<u32> {
    let at = usize::try_from(offset).ok()?;
    let word: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(if le {
        u32::from_le_bytes(word)
    } else {
        u32::from_be_bytes(word)
    })
}

/// Applies an ALU operation; None for division or modulo by zero (the filter returns 0).
#[inline(always)]
pub(super) fn alu(operation: u16, a: u32, v: u32) -> Option<u32> {
    Some(match operation {
        op::ADD => a.wrapping_add(v),
        op::SUB => a.wrapping_sub(v),
        op::MUL => a.wrapping_mul(v),
        op::DIV => a.checked_div(v)?,
        op::MOD => a.checked_rem(v)?,
        op::OR => a | v,
        op::AND => a & v,
        op::XOR => a ^ v,
        op::LSH => a.wrapping_shl(v),
        op::RSH => a.wrapping_shr(v),
        _ => a.wrapping_neg(),
    })
}

/// The interpreter. `step` sees each executed index before the instruction runs.
#[inline(always)]
fn exec<F: FnMut(usize)>(insns: &[Insn], data: &SeccompData, mut step: F) -> u32 {
    let bytes = data.to_bytes();
    let le = data.is_little_endian();
    let (mut a, mut x) = (0u32, 0u32);
    let mut mem = [0u32; MEM_WORDS];
    let mut pc = 0usize;
    while let Some(insn) = insns.get(pc) {
        step(pc);
        let k = insn.k;
        let mut next = pc + 1;
        match insn.code {
            op::LD_W_ABS => match load(&bytes, k, le) {
                Some(v) => a = v,
                None => return 0,
            },
            op::LD_W_LEN => a = super::SECCOMP_DATA_SIZE,
            op::LDX_W_LEN => x = super::SECCOMP_DATA_SIZE,
            op::LD_IMM => a = k,
            op::LDX_IMM => x = k,
            op::LD_MEM => match mem.get(k as usize) {
                Some(v) => a = *v,
                None => return 0,
            },
            op::LDX_MEM => match mem.get(k as usize) {
                Some(v) => x = *v,
                None => return 0,
            },
            op::ST => match mem.get_mut(k as usize) {
                Some(slot) => *slot = a,
                None => return 0,
            },
            op::STX => match mem.get_mut(k as usize) {
                Some(slot) => *slot = x,
                None => return 0,
            },
            op::RET_K => return k,
            op::RET_A => return a,
            op::MISC_TAX => x = a,
            op::MISC_TXA => a = x,
            op::JMP_JA => match jump_target(pc, k) {
                Some(t) => next = t,
                None => return 0,
            },
            code if op::is_classic(code) && code & 0x07 == op::ALU => {
                let v = if code & op::X != 0 { x } else { k };
                match alu(code & 0xf0, a, v) {
                    Some(r) => a = r,
                    None => return 0,
                }
            }
            code if op::is_classic(code) && code & 0x07 == op::JMP => {
                let v = if code & op::X != 0 { x } else { k };
                let taken = match code & 0xf0 {
                    op::JEQ => a == v,
                    op::JGT => a > v,
                    op::JGE => a >= v,
                    _ => a & v != 0,
                };
                next = pc + 1 + usize::from(if taken { insn.jt } else { insn.jf });
            }
            _ => return 0,
        }
        pc = next;
    }
    0
}

#[cfg(test)]
mod unit {
    use super::super::testutil::{j, s};
    use super::super::{op, Insn, Program, RetAction, RET_ALLOW, RET_ERRNO};
    use super::*;

    fn alu(operation: u16, src: u16, k: u32) -> Insn {
        Insn::stmt(op::ALU | operation | src, k)
    }

    /// Runs `body` followed by `return A` and returns A.
    fn eval(body: &[Insn], data: &SeccompData) -> u32 {
        let mut insns = body.to_vec();
        insns.push(s(op::RET_A, 0));
        let prog = Program::new(insns);
        let ret = run(&prog, data);
        assert_eq!(emulate(&prog, data).ret, ret);
        ret
    }

    fn data(arch: Arch) -> SeccompData {
        SeccompData {
            nr: 257,
            arch: arch.audit_token(),
            instruction_pointer: 0x0102_0304_0506_0708,
            args: [
                0x1122_3344_5566_7788,
                0xaaaa_bbbb_cccc_dddd,
                3,
                4,
                5,
                0xffff_ffff_0000_0006,
            ],
        }
    }

    #[test]
    fn loads_follow_the_byte_order_of_the_arch() {
        let le = data(Arch::X86_64);
        let be = data(Arch::S390X);
        assert!(le.is_little_endian() && !be.is_little_endian());
        let load = |k: u32, d: &SeccompData| eval(&[s(op::LD_W_ABS, k)], d);
        for d in [&le, &be] {
            assert_eq!(load(0, d), 257);
            assert_eq!(load(4, d), d.arch);
        }
        assert_eq!(load(8, &le), 0x0506_0708);
        assert_eq!(load(12, &le), 0x0102_0304);
        assert_eq!(load(8, &be), 0x0102_0304);
        assert_eq!(load(12, &be), 0x0506_0708);
        assert_eq!(load(16, &le), 0x5566_7788);
        assert_eq!(load(20, &le), 0x1122_3344);
        assert_eq!(load(16, &be), 0x1122_3344);
        assert_eq!(load(20, &be), 0x5566_7788);
        assert_eq!(load(24, &le), 0xcccc_dddd);
        assert_eq!(load(28, &be), 0xcccc_dddd);
        assert_eq!(load(56, &le), 6);
        assert_eq!(load(60, &le), 0xffff_ffff);
        assert_eq!(load(60, &be), 6);
        // A negative nr is a 32-bit two's-complement word.
        let neg = SeccompData { nr: -1, ..le };
        assert_eq!(load(0, &neg), u32::MAX);
        assert_eq!(le.to_bytes()[..4], [1, 1, 0, 0]);
        assert_eq!(be.to_bytes()[..4], [0, 0, 1, 1]);
    }

    #[test]
    fn every_load_store_and_transfer() {
        let d = data(Arch::X86_64);
        assert_eq!(eval(&[s(op::LD_W_LEN, 0)], &d), 64);
        assert_eq!(eval(&[s(op::LDX_W_LEN, 0), s(op::MISC_TXA, 0)], &d), 64);
        assert_eq!(eval(&[s(op::LD_IMM, 42)], &d), 42);
        assert_eq!(eval(&[s(op::LDX_IMM, 9), s(op::MISC_TXA, 0)], &d), 9);
        assert_eq!(
            eval(
                &[
                    s(op::LD_IMM, 5),
                    s(op::MISC_TAX, 0),
                    s(op::LD_IMM, 0),
                    s(op::MISC_TXA, 0)
                ],
                &d
            ),
            5
        );
        let mem = [
            s(op::LD_IMM, 11),
            s(op::ST, 15),
            s(op::LDX_IMM, 22),
            s(op::STX, 0),
            s(op::LD_MEM, 0),
            s(op::LDX_MEM, 15),
            alu(op::SUB, op::X, 0),
        ];
        assert_eq!(eval(&mem, &d), 11);
        // A and X start at 0.
        assert_eq!(eval(&[], &d), 0);
        assert_eq!(eval(&[s(op::MISC_TXA, 0)], &d), 0);
    }

    #[test]
    fn every_alu_operation_with_k_and_x() {
        let d = data(Arch::X86_64);
        let cases: [(u16, u32, u32, u32); 11] = [
            (op::ADD, 0xffff_fffe, 3, 1),
            (op::SUB, 1, 3, 0xffff_fffe),
            (op::MUL, 0x8000_0001, 2, 2),
            (op::DIV, 100, 7, 14),
            (op::MOD, 100, 7, 2),
            (op::OR, 0xf0, 0x0f, 0xff),
            (op::AND, 0xff0, 0x0ff, 0x0f0),
            (op::XOR, 0xff, 0x0f, 0xf0),
            (op::LSH, 0x8000_0003, 1, 6),
            (op::RSH, 0x8000_0000, 31, 1),
            (op::RSH, 0x1234, 0, 0x1234),
        ];
        for (operation, a, v, want) in cases {
            let by_k = [s(op::LD_IMM, a), alu(operation, op::K, v)];
            assert_eq!(eval(&by_k, &d), want, "{operation:#x} K");
            let by_x = [
                s(op::LDX_IMM, v),
                s(op::LD_IMM, a),
                alu(operation, op::X, 0),
            ];
            assert_eq!(eval(&by_x, &d), want, "{operation:#x} X");
        }
        assert_eq!(
            eval(&[s(op::LD_IMM, 1), s(op::ALU | op::NEG, 0)], &d),
            u32::MAX
        );
        assert_eq!(eval(&[s(op::ALU | op::NEG, 0)], &d), 0);
        // Shift amounts from X use their low five bits.
        let wide = [s(op::LDX_IMM, 33), s(op::LD_IMM, 1), alu(op::LSH, op::X, 0)];
        assert_eq!(eval(&wide, &d), 2);
    }

    #[test]
    fn division_by_zero_returns_zero() {
        let d = data(Arch::X86_64);
        for operation in [op::DIV, op::MOD] {
            let prog = Program::new(vec![
                s(op::LD_IMM, 10),
                s(op::LDX_IMM, 0),
                alu(operation, op::X, 0),
                s(op::RET_K, RET_ALLOW),
            ]);
            let out = emulate(&prog, &d);
            assert_eq!(out.ret, 0);
            assert_eq!(out.action, RetAction::KillThread);
            assert_eq!(out.path, vec![0, 1, 2]);
        }
        // Unvalidated constant division by zero behaves the same.
        let prog = Program::new(vec![alu(op::DIV, op::K, 0), s(op::RET_K, RET_ALLOW)]);
        assert_eq!(run(&prog, &d), 0);
    }

    #[test]
    fn every_jump_with_k_and_x() {
        let d = data(Arch::X86_64);
        // (operation, A, operand, taken)
        let cases = [
            (op::JEQ, 5, 5, true),
            (op::JEQ, 5, 6, false),
            (op::JGT, 6, 5, true),
            (op::JGT, 5, 5, false),
            (op::JGE, 5, 5, true),
            (op::JGE, 4, 5, false),
            (op::JGT, 0xffff_ffff, 1, true),
            (op::JSET, 0b1010, 0b0010, true),
            (op::JSET, 0b1010, 0b0101, false),
        ];
        for (operation, a, v, taken) in cases {
            let want = if taken { 1 } else { 2 };
            for src in [op::K, op::X] {
                let prog = Program::new(vec![
                    s(op::LDX_IMM, v),
                    s(op::LD_IMM, a),
                    j(op::JMP | operation | src, v, 1, 2),
                    s(op::RET_K, 0),
                    s(op::RET_K, 1),
                    s(op::RET_K, 2),
                ]);
                let out = emulate(&prog, &d);
                assert_eq!(out.ret, want, "{operation:#x} {src:#x} {a} {v}");
                assert_eq!(out.path, vec![0, 1, 2, 2 + want as usize + 1]);
            }
        }
        let prog = Program::new(vec![
            s(op::JMP_JA, 2),
            s(op::RET_K, 0),
            s(op::RET_K, 1),
            s(op::RET_K, 2),
        ]);
        assert_eq!(emulate(&prog, &d).path, vec![0, 3]);
        assert_eq!(run(&prog, &d), 2);
    }

    #[test]
    fn a_typical_filter_and_its_path() {
        let prog = Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, Arch::X86_64.audit_token(), 1, 0),
            s(op::RET_K, 0x8000_0000),
            s(op::LD_W_ABS, 0),
            j(op::JEQ_K, 257, 0, 3),
            s(op::LD_W_ABS, 24),
            j(op::JSET_K, 1, 0, 1),
            s(op::RET_K, RET_ERRNO | 13),
            s(op::RET_K, RET_ALLOW),
        ]);
        let mut d = SeccompData::new(Arch::X86_64, 257, [0, 0o101, 0, 0, 0, 0]);
        let out = emulate(&prog, &d);
        assert_eq!(out.action, RetAction::Errno(13));
        assert_eq!(out.path, vec![0, 1, 3, 4, 5, 6, 7]);
        assert_eq!(run_counted(&prog, &d), (RET_ERRNO | 13, 7));
        d.args[1] = 0;
        assert_eq!(emulate(&prog, &d).path, vec![0, 1, 3, 4, 5, 6, 8]);
        d.nr = 0;
        assert_eq!(emulate(&prog, &d).path, vec![0, 1, 3, 4, 8]);
        let other = SeccompData::new(Arch::AARCH64, 257, [0; 6]);
        let out = emulate(&prog, &other);
        assert_eq!(
            (out.action, out.path),
            (RetAction::KillProcess, vec![0, 1, 2])
        );
    }

    #[test]
    fn invalid_programs_end_with_zero_instead_of_panicking() {
        let d = data(Arch::X86_64);
        let cases: Vec<Vec<Insn>> = vec![
            vec![],
            vec![s(op::LD_IMM, 1)],
            vec![s(op::LD_W_ABS, 62), s(op::RET_K, 1)],
            vec![s(op::LD_W_ABS, u32::MAX), s(op::RET_K, 1)],
            vec![s(op::LD_MEM, 16), s(op::RET_K, 1)],
            vec![s(op::ST, u32::MAX), s(op::RET_K, 1)],
            vec![s(op::STX, 16), s(op::RET_K, 1)],
            vec![s(op::LDX_MEM, 16), s(op::RET_K, 1)],
            vec![s(0xee, 0), s(op::RET_K, 1)],
            vec![s(op::LD | op::H | op::ABS, 0), s(op::RET_K, 1)],
            vec![s(op::JMP_JA, u32::MAX), s(op::RET_K, 1)],
            vec![j(op::JEQ_K, 0, 200, 200), s(op::RET_K, 1)],
        ];
        for insns in cases {
            let prog = Program::new(insns);
            assert_eq!(run(&prog, &d), 0, "{prog:?}");
        }
        // An unaligned load inside the 64 bytes reads those bytes in the arch's order.
        assert_eq!(
            eval(&[s(op::LD_W_ABS, 2)], &data(Arch::X86_64)),
            0x003e_0000
        );
    }
}

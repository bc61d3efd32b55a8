//! The checks the kernel makes before it installs a seccomp filter: first classic BPF's
//! (`bpf_check_classic`, with its scratch-memory check), then seccomp's own
//! (`seccomp_check_filter`). Errors name the instruction the kernel would stop at.

use super::op;
use super::{jump_target, Insn, Program, MAX_INSNS, MEM_WORDS, SECCOMP_DATA_SIZE};

/// Why a program is not a valid seccomp filter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BpfError {
    /// The byte length is not a multiple of 8: the last record is cut short.
    #[error("instruction {index}: truncated record ({extra} of 8 bytes)")]
    TrailingBytes {
        /// Index of the partial record.
        index: usize,
        /// Bytes present in it.
        extra: usize,
    },
    /// A program needs at least one instruction.
    #[error("the program is empty (it needs at least one instruction)")]
    Empty,
    /// More than 4096 instructions.
    #[error("the program has {len} instructions; the kernel accepts at most 4096")]
    TooLong {
        /// Instruction count.
        len: usize,
    },
    /// Not a classic BPF opcode at all.
    #[error("instruction {index}: invalid opcode {code:#04x}")]
    InvalidOpcode {
        /// Instruction index.
        index: usize,
        /// The opcode.
        code: u16,
    },
    /// A classic BPF opcode that seccomp refuses (byte/half loads, indirect loads, modulo).
    #[error("instruction {index}: opcode {code:#04x} is classic BPF but not allowed in a seccomp filter")]
    NotAllowedInSeccomp {
        /// Instruction index.
        index: usize,
        /// The opcode.
        code: u16,
    },
    /// Division or modulo by the constant 0.
    #[error("instruction {index}: division by the constant 0")]
    DivisionByZero {
        /// Instruction index.
        index: usize,
    },
    /// Shift by a constant of 32 or more.
    #[error("instruction {index}: shift by {k} (must be below 32)")]
    ShiftTooLarge {
        /// Instruction index.
        index: usize,
        /// The shift amount.
        k: u32,
    },
    /// Scratch memory slot out of range.
    #[error("instruction {index}: scratch memory slot M[{k}] does not exist (there are 16)")]
    ScratchOutOfRange {
        /// Instruction index.
        index: usize,
        /// The slot.
        k: u32,
    },
    /// Reading a scratch slot that some path reaches without writing it first.
    #[error("instruction {index}: reads M[{slot}], which may not have been written on every path")]
    UninitializedScratch {
        /// Instruction index.
        index: usize,
        /// The slot.
        slot: u32,
    },
    /// A jump whose target lies past the last instruction.
    #[error(
        "instruction {index}: jump target {target} is past the end (last instruction is {last})"
    )]
    JumpOutOfRange {
        /// Instruction index.
        index: usize,
        /// The target index.
        target: u64,
        /// Index of the last instruction.
        last: usize,
    },
    /// The last instruction is not a return.
    #[error("instruction {index}: the last instruction must be a return")]
    NoFinalReturn {
        /// Instruction index (the last one).
        index: usize,
    },
    /// A load from `seccomp_data` that is misaligned or beyond its 64 bytes.
    #[error("instruction {index}: load at offset {offset} (seccomp_data loads must be 4-byte aligned and below 64)")]
    BadDataOffset {
        /// Instruction index.
        index: usize,
        /// The offset.
        offset: u32,
    },
}

impl BpfError {
    /// The index of the offending instruction, when there is one.
    pub fn index(&self) -> Option<usize> {
        match self {
            BpfError::Empty | BpfError::TooLong { .. } => None,
            BpfError::TrailingBytes { index, .. }
            | BpfError::InvalidOpcode { index, .. }
            | BpfError::NotAllowedInSeccomp { index, .. }
            | BpfError::DivisionByZero { index }
            | BpfError::ShiftTooLarge { index, .. }
            | BpfError::ScratchOutOfRange { index, .. }
            | BpfError::UninitializedScratch { index, .. }
            | BpfError::JumpOutOfRange { index, .. }
            | BpfError::NoFinalReturn { index }
            | BpfError::BadDataOffset { index, .. } => Some(*index),
        }
    }
}

/// `SKF_AD_OFF`: where classic BPF's ancillary (socket metadata) loads start.
const ANCILLARY_BASE: u32 = 0xffff_f000;
/// `SKF_AD_MAX`: the end of the known ancillary offsets.
const ANCILLARY_END: u32 = 64;

impl Program {
    /// Checks the program as the kernel does when the filter is installed (same errors,
    /// same order): 1..=4096 instructions, known opcodes, in-range forward jumps,
    /// no constant division by zero, shifts below 32, scratch slots below 16 and written
    /// before read on every path, a final return, and only the opcodes seccomp allows,
    /// with 32-bit `seccomp_data` loads 4-byte aligned below offset 64.
    pub fn validate(&self) -> Result<(), BpfError> {
        let insns = &self.insns;
        if insns.is_empty() {
            return Err(BpfError::Empty);
        }
        if insns.len() > MAX_INSNS {
            return Err(BpfError::TooLong { len: insns.len() });
        }
        for (index, insn) in insns.iter().enumerate() {
            check_classic(index, insn, insns.len())?;
        }
        let last = insns.len() - 1;
        if !matches!(insns[last].code, op::RET_K | op::RET_A) {
            return Err(BpfError::NoFinalReturn { index: last });
        }
        check_scratch(insns)?;
        for (index, insn) in insns.iter().enumerate() {
            check_seccomp(index, insn)?;
        }
        Ok(())
    }
}

/// Per-instruction checks of classic BPF.
fn check_classic(index: usize, insn: &Insn, len: usize) -> Result<(), BpfError> {
    let code = insn.code;
    let k = insn.k;
    if !op::is_classic(code) {
        return Err(BpfError::InvalidOpcode { index, code });
    }
    let last = len - 1;
    let out_of_range = |offset: u64| {
        let target = index as u64 + 1 + offset;
        (target > last as u64).then_some(BpfError::JumpOutOfRange {
            index,
            target,
            last,
        })
    };
    let is_div = code == op::ALU | op::DIV | op::K || code == op::ALU | op::MOD | op::K;
    let is_shift = code == op::ALU | op::LSH | op::K || code == op::ALU | op::RSH | op::K;
    let is_mem = matches!(code, op::LD_MEM | op::LDX_MEM | op::ST | op::STX);
    let is_abs = code & 0x07 == op::LD && code & 0xe0 == op::ABS;
    if is_div && k == 0 {
        return Err(BpfError::DivisionByZero { index });
    }
    if is_shift && k >= 32 {
        return Err(BpfError::ShiftTooLarge { index, k });
    }
    if is_mem && k as usize >= MEM_WORDS {
        return Err(BpfError::ScratchOutOfRange { index, k });
    }
    let farthest = match code {
        op::JMP_JA => Some(u64::from(k)),
        c if c & 0x07 == op::JMP => Some(u64::from(insn.jt.max(insn.jf))),
        _ => None,
    };
    if let Some(e) = farthest.and_then(out_of_range) {
        return Err(e);
    }
    // Socket-filter ancillary loads are classic BPF; anything else up there is not.
    if is_abs && k >= ANCILLARY_BASE {
        let rel = k - ANCILLARY_BASE;
        if rel >= ANCILLARY_END || rel & 3 != 0 {
            return Err(BpfError::BadDataOffset { index, offset: k });
        }
    }
    Ok(())
}

/// Classic BPF's scratch-memory check: every read of M[k] must follow a write of M[k] on
/// all paths. Like the kernel, it walks in index order and meets jump targets with a mask.
fn check_scratch(insns: &[Insn]) -> Result<(), BpfError> {
    let mut masks = vec![u16::MAX; insns.len()];
    let mut valid: u16 = 0;
    for (pc, insn) in insns.iter().enumerate() {
        valid &= masks[pc];
        let bit = 1u16.checked_shl(insn.k).unwrap_or(0);
        match insn.code {
            op::ST | op::STX => valid |= bit,
            op::LD_MEM | op::LDX_MEM if valid & bit == 0 => {
                return Err(BpfError::UninitializedScratch {
                    index: pc,
                    slot: insn.k,
                });
            }
            op::JMP_JA => {
                if let Some(m) = jump_target(pc, insn.k).and_then(|t| masks.get_mut(t)) {
                    *m &= valid;
                }
                valid = u16::MAX;
            }
            c if c & 0x07 == op::JMP => {
                for off in [insn.jt, insn.jf] {
                    if let Some(m) = jump_target(pc, u32::from(off)).and_then(|t| masks.get_mut(t))
                    {
                        *m &= valid;
                    }
                }
                valid = u16::MAX;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Seccomp's own per-instruction checks.
fn check_seccomp(index: usize, insn: &Insn) -> Result<(), BpfError> {
    let code = insn.code;
    if !op::is_seccomp(code) {
        return Err(BpfError::NotAllowedInSeccomp { index, code });
    }
    if code == op::LD_W_ABS && (insn.k >= SECCOMP_DATA_SIZE || insn.k & 3 != 0) {
        return Err(BpfError::BadDataOffset {
            index,
            offset: insn.k,
        });
    }
    Ok(())
}

#[cfg(test)]
mod unit {
    use super::super::testutil::s;
    use super::super::{op, Insn, Program, RET_ALLOW};
    use super::BpfError;

    fn check(insns: &[Insn]) -> Result<(), BpfError> {
        Program::new(insns.to_vec()).validate()
    }

    const RET: Insn = Insn::stmt(op::RET_K, RET_ALLOW);

    #[test]
    fn accepts_every_seccomp_opcode() {
        let alu = |o: u16, src: u16, k: u32| s(op::ALU | o | src, k);
        let insns = vec![
            s(op::LD_W_ABS, 0),
            s(op::LD_W_ABS, 60),
            s(op::LD_W_LEN, 0),
            s(op::LDX_W_LEN, 0),
            s(op::LD_IMM, 7),
            s(op::LDX_IMM, 3),
            s(op::ST, 0),
            s(op::STX, 15),
            s(op::LD_MEM, 0),
            s(op::LDX_MEM, 15),
            alu(op::ADD, op::K, 1),
            alu(op::ADD, op::X, 0),
            alu(op::SUB, op::K, 1),
            alu(op::SUB, op::X, 0),
            alu(op::MUL, op::K, 3),
            alu(op::MUL, op::X, 0),
            alu(op::DIV, op::K, 2),
            alu(op::DIV, op::X, 0),
            alu(op::OR, op::K, 1),
            alu(op::OR, op::X, 0),
            alu(op::AND, op::K, 0xff),
            alu(op::AND, op::X, 0),
            alu(op::XOR, op::K, 1),
            alu(op::XOR, op::X, 0),
            alu(op::LSH, op::K, 31),
            alu(op::LSH, op::X, 0),
            alu(op::RSH, op::K, 0),
            alu(op::RSH, op::X, 0),
            s(op::ALU | op::NEG, 0),
            s(op::MISC_TAX, 0),
            s(op::MISC_TXA, 0),
            s(op::JMP_JA, 0),
            Insn::jump(op::JEQ_K, 1, 0, 0),
            Insn::jump(op::JMP | op::JEQ | op::X, 0, 0, 0),
            Insn::jump(op::JGT_K, 1, 0, 0),
            Insn::jump(op::JMP | op::JGT | op::X, 0, 0, 0),
            Insn::jump(op::JGE_K, 1, 0, 0),
            Insn::jump(op::JMP | op::JGE | op::X, 0, 0, 0),
            Insn::jump(op::JSET_K, 1, 0, 0),
            Insn::jump(op::JMP | op::JSET | op::X, 0, 1, 0),
            s(op::RET_A, 0),
            RET,
        ];
        assert_eq!(check(&insns), Ok(()));
    }

    #[test]
    fn length_limits() {
        assert_eq!(check(&[]), Err(BpfError::Empty));
        assert_eq!(check(&vec![RET; 4096]), Ok(()));
        assert_eq!(
            check(&vec![RET; 4097]),
            Err(BpfError::TooLong { len: 4097 })
        );
        assert_eq!(BpfError::TooLong { len: 5000 }.index(), None);
    }

    #[test]
    fn rejects_unknown_opcodes_with_their_index() {
        for code in [
            0x0e,
            0x21,
            0xff,
            0x8c,
            0x1e,
            0x4e,
            0xb4,
            0x0105,
            0x55 | 0x100,
        ] {
            let e = check(&[s(op::LD_W_ABS, 0), s(op::LD_IMM, 1), s(code, 0), RET]);
            assert_eq!(
                e,
                Err(BpfError::InvalidOpcode { index: 2, code }),
                "{code:#x}"
            );
        }
        let e = check(&[RET, s(0x0e, 0), RET]).unwrap_err();
        assert_eq!(e.index(), Some(1));
        assert_eq!(e.to_string(), "instruction 1: invalid opcode 0x0e");
    }

    #[test]
    fn rejects_classic_opcodes_that_seccomp_refuses() {
        let refused = [
            op::LD | op::H | op::ABS,
            op::LD | op::B | op::ABS,
            op::LD | op::W | op::IND,
            op::LD | op::H | op::IND,
            op::LD | op::B | op::IND,
            op::LDX | op::B | op::MSH,
            op::ALU | op::MOD | op::K,
            op::ALU | op::MOD | op::X,
        ];
        for code in refused {
            let e = check(&[s(op::LD_IMM, 0), s(code, 4), RET]);
            assert_eq!(
                e,
                Err(BpfError::NotAllowedInSeccomp { index: 1, code }),
                "{code:#x}"
            );
        }
    }

    #[test]
    fn rejects_constant_division_by_zero_and_wide_shifts() {
        let div0 = s(op::ALU | op::DIV | op::K, 0);
        assert_eq!(
            check(&[div0, RET]),
            Err(BpfError::DivisionByZero { index: 0 })
        );
        // Classic BPF's check comes first, so modulo by 0 is reported as such.
        let mod0 = s(op::ALU | op::MOD | op::K, 0);
        assert_eq!(
            check(&[RET, mod0, RET]),
            Err(BpfError::DivisionByZero { index: 1 })
        );
        let lsh = s(op::ALU | op::LSH | op::K, 32);
        assert_eq!(
            check(&[lsh, RET]),
            Err(BpfError::ShiftTooLarge { index: 0, k: 32 })
        );
        let rsh = s(op::ALU | op::RSH | op::K, 40);
        assert_eq!(
            check(&[RET, rsh, RET]),
            Err(BpfError::ShiftTooLarge { index: 1, k: 40 })
        );
        // Division by X is checked at run time instead.
        assert_eq!(check(&[s(op::ALU | op::DIV | op::X, 0), RET]), Ok(()));
    }

    #[test]
    fn rejects_jumps_past_the_end() {
        // jt reaches index 3 of a 3-instruction program.
        let e = check(&[s(op::LD_W_ABS, 0), Insn::jump(op::JEQ_K, 0, 1, 0), RET]);
        assert_eq!(
            e,
            Err(BpfError::JumpOutOfRange {
                index: 1,
                target: 3,
                last: 2
            })
        );
        let e = check(&[Insn::jump(op::JGT_K, 0, 0, 2), RET, RET]);
        assert_eq!(e.map_err(|e| e.index()), Err(Some(0)));
        assert_eq!(check(&[Insn::jump(op::JGT_K, 0, 0, 1), RET, RET]), Ok(()));
        let e = check(&[RET, s(op::JMP_JA, 1), RET]);
        assert_eq!(
            e,
            Err(BpfError::JumpOutOfRange {
                index: 1,
                target: 3,
                last: 2
            })
        );
        let e = check(&[s(op::JMP_JA, u32::MAX), RET]);
        assert_eq!(e.map_err(|e| e.index()), Err(Some(0)));
    }

    #[test]
    fn requires_a_final_return() {
        assert_eq!(
            check(&[s(op::LD_IMM, 0)]),
            Err(BpfError::NoFinalReturn { index: 0 })
        );
        assert_eq!(
            check(&[RET, s(op::LD_W_ABS, 0)]),
            Err(BpfError::NoFinalReturn { index: 1 })
        );
        assert_eq!(check(&[s(op::RET_A, 0)]), Ok(()));
    }

    #[test]
    fn checks_scratch_memory() {
        assert_eq!(
            check(&[s(op::ST, 16), RET]),
            Err(BpfError::ScratchOutOfRange { index: 0, k: 16 })
        );
        assert_eq!(
            check(&[s(op::LDX_MEM, 99), RET]),
            Err(BpfError::ScratchOutOfRange { index: 0, k: 99 })
        );
        assert_eq!(
            check(&[s(op::LD_MEM, 3), RET]),
            Err(BpfError::UninitializedScratch { index: 0, slot: 3 })
        );
        // Written on one branch only.
        let one_branch = [
            s(op::LD_W_ABS, 0),
            Insn::jump(op::JEQ_K, 1, 0, 1),
            s(op::ST, 2),
            s(op::LD_MEM, 2),
            RET,
        ];
        assert_eq!(
            check(&one_branch),
            Err(BpfError::UninitializedScratch { index: 3, slot: 2 })
        );
        // Written on both branches.
        let both = [
            s(op::LD_W_ABS, 0),
            Insn::jump(op::JEQ_K, 1, 0, 2),
            s(op::STX, 2),
            s(op::JMP_JA, 1),
            s(op::ST, 2),
            s(op::LDX_MEM, 2),
            RET,
        ];
        assert_eq!(check(&both), Ok(()));
    }

    #[test]
    fn checks_seccomp_data_offsets() {
        for bad in [2, 63, 64, 68, 0x1000] {
            assert_eq!(
                check(&[s(op::LD_W_ABS, bad), RET]),
                Err(BpfError::BadDataOffset {
                    index: 0,
                    offset: bad
                })
            );
        }
        // A known ancillary offset passes classic BPF's check, then seccomp's refuses it;
        // an unknown one fails classic BPF's check already, before later instructions.
        let ancillary = [s(op::LD_W_ABS, 0xffff_f000), s(0xee, 0), RET];
        assert_eq!(
            check(&ancillary),
            Err(BpfError::InvalidOpcode {
                index: 1,
                code: 0xee
            })
        );
        let garbage = [s(op::LD_W_ABS, 0xffff_f002), s(0xee, 0), RET];
        assert_eq!(
            check(&garbage),
            Err(BpfError::BadDataOffset {
                index: 0,
                offset: 0xffff_f002
            })
        );
        // Order as in the kernel: classic checks of all instructions before seccomp's.
        let order = [s(op::LD_W_ABS, 64), s(0xee, 0), RET];
        assert_eq!(
            check(&order),
            Err(BpfError::InvalidOpcode {
                index: 1,
                code: 0xee
            })
        );
        let order = [s(op::LD | op::H | op::ABS, 0), s(op::ST, 20), RET];
        assert_eq!(
            check(&order),
            Err(BpfError::ScratchOutOfRange { index: 1, k: 20 })
        );
    }
}

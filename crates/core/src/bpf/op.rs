//! Opcode values of classic BPF (facts from `<linux/bpf_common.h>` and `<linux/filter.h>`),
//! and the full opcodes a seccomp filter may use.

/// Instruction class: load into A.
pub const LD: u16 = 0x00;
/// Instruction class: load into X.
pub const LDX: u16 = 0x01;
/// Instruction class: store A to scratch memory.
pub const ST: u16 = 0x02;
/// Instruction class: store X to scratch memory.
pub const STX: u16 = 0x03;
/// Instruction class: arithmetic on A.
pub const ALU: u16 = 0x04;
/// Instruction class: jumps.
pub const JMP: u16 = 0x05;
/// Instruction class: return.
pub const RET: u16 = 0x06;
/// Instruction class: register transfers.
pub const MISC: u16 = 0x07;

/// Load size: 32-bit word.
pub const W: u16 = 0x00;
/// Load size: 16-bit half word.
pub const H: u16 = 0x08;
/// Load size: byte.
pub const B: u16 = 0x10;

/// Load mode: immediate constant.
pub const IMM: u16 = 0x00;
/// Load mode: absolute offset into the data.
pub const ABS: u16 = 0x20;
/// Load mode: offset relative to X.
pub const IND: u16 = 0x40;
/// Load mode: scratch memory.
pub const MEM: u16 = 0x60;
/// Load mode: the data length.
pub const LEN: u16 = 0x80;
/// Load mode: IP header length trick (`4 * (P[k] & 0xf)`).
pub const MSH: u16 = 0xa0;

/// ALU operation: add.
pub const ADD: u16 = 0x00;
/// ALU operation: subtract.
pub const SUB: u16 = 0x10;
/// ALU operation: multiply.
pub const MUL: u16 = 0x20;
/// ALU operation: unsigned divide.
pub const DIV: u16 = 0x30;
/// ALU operation: bitwise or.
pub const OR: u16 = 0x40;
/// ALU operation: bitwise and.
pub const AND: u16 = 0x50;
/// ALU operation: shift left.
pub const LSH: u16 = 0x60;
/// ALU operation: logical shift right.
pub const RSH: u16 = 0x70;
/// ALU operation: negate.
pub const NEG: u16 = 0x80;
/// ALU operation: unsigned remainder (classic BPF has it; seccomp refuses it).
pub const MOD: u16 = 0x90;
/// ALU operation: bitwise exclusive or.
pub const XOR: u16 = 0xa0;

/// Jump operation: always.
pub const JA: u16 = 0x00;
/// Jump operation: equal.
pub const JEQ: u16 = 0x10;
/// Jump operation: unsigned greater than.
pub const JGT: u16 = 0x20;
/// Jump operation: unsigned greater or equal.
pub const JGE: u16 = 0x30;
/// Jump operation: any bit in common.
pub const JSET: u16 = 0x40;

/// Operand source: the constant k.
pub const K: u16 = 0x00;
/// Operand source: the X register.
pub const X: u16 = 0x08;
/// Return source: the A register.
pub const A: u16 = 0x10;

/// Misc operation: X = A.
pub const TAX: u16 = 0x00;
/// Misc operation: A = X.
pub const TXA: u16 = 0x80;

/// `A = seccomp_data[k]` (32-bit).
pub const LD_W_ABS: u16 = LD | W | ABS;
/// `A = sizeof(seccomp_data)`.
pub const LD_W_LEN: u16 = LD | W | LEN;
/// `X = sizeof(seccomp_data)`.
pub const LDX_W_LEN: u16 = LDX | W | LEN;
/// `A = k`.
pub const LD_IMM: u16 = LD | IMM;
/// `X = k`.
pub const LDX_IMM: u16 = LDX | IMM;
/// `A = M[k]`.
pub const LD_MEM: u16 = LD | MEM;
/// `X = M[k]`.
pub const LDX_MEM: u16 = LDX | MEM;
/// `return k`.
pub const RET_K: u16 = RET | K;
/// `return A`.
pub const RET_A: u16 = RET | A;
/// `X = A`.
pub const MISC_TAX: u16 = MISC | TAX;
/// `A = X`.
pub const MISC_TXA: u16 = MISC | TXA;
/// `goto +k`.
pub const JMP_JA: u16 = JMP | JA;
/// `if (A == k)`.
pub const JEQ_K: u16 = JMP | JEQ | K;
/// `if (A > k)`.
pub const JGT_K: u16 = JMP | JGT | K;
/// `if (A >= k)`.
pub const JGE_K: u16 = JMP | JGE | K;
/// `if (A & k)`.
pub const JSET_K: u16 = JMP | JSET | K;

/// Whether classic BPF knows the opcode at all (the kernel's `chk_code_allowed` table).
pub fn is_classic(code: u16) -> bool {
    match code & 0x07 {
        LD => matches!(
            code,
            0x20 | 0x28 | 0x30 | 0x80 | 0x40 | 0x48 | 0x50 | 0x00 | 0x60
        ),
        LDX => matches!(code, 0x81 | 0xb1 | 0x01 | 0x61),
        ST => code == ST,
        STX => code == STX,
        ALU => {
            let op = code & 0xf0;
            let rest = code & !0xf0;
            if op == NEG {
                code == ALU | NEG
            } else {
                op <= XOR && (rest == ALU | K || rest == ALU | X)
            }
        }
        JMP => {
            let op = code & 0xf0;
            let rest = code & !0xf0;
            if op == JA {
                code == JMP | JA
            } else {
                op <= JSET && (rest == JMP | K || rest == JMP | X)
            }
        }
        RET => code == RET_K || code == RET_A,
        _ => code == MISC_TAX || code == MISC_TXA,
    }
}

/// Whether a seccomp filter may use the opcode (the kernel's `seccomp_check_filter` list).
pub fn is_seccomp(code: u16) -> bool {
    match code {
        LD_W_ABS | LD_W_LEN | LDX_W_LEN | LD_IMM | LDX_IMM | LD_MEM | LDX_MEM | ST | STX => true,
        RET_K | RET_A | MISC_TAX | MISC_TXA => true,
        _ if code & 0x07 == ALU => is_classic(code) && code & 0xf0 != MOD,
        _ if code & 0x07 == JMP => is_classic(code),
        _ => false,
    }
}

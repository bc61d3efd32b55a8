//! Short constructors for hand-assembled programs in the unit tests.

use super::Insn;

/// A statement: load, store, ALU or return.
pub fn s(code: u16, k: u32) -> Insn {
    Insn::stmt(code, k)
}

/// A conditional jump.
pub fn j(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
    Insn::jump(code, k, jt, jf)
}

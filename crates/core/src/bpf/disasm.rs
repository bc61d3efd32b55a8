//! Disassembly into a C-like form for people learning BPF:
//! `if (A == openat) goto 13 else goto 16`, `A = args[1] >> 32`, `return ERRNO(13)`.
//!
//! Syscall numbers are named for the architecture in effect at each instruction, found by
//! [`flow::analyze`](super::flow::analyze): a path that passed `if (A == x86_64)` compares
//! x86-64 numbers (x32 ones when the value has `X32_SYSCALL_BIT`). Where the path has
//! narrowed to one syscall, an equality test of an argument's low word names the value with
//! the argument's constants, as strace does (`if (A == AF_INET6)`).

use super::flow::{analyze, is_le, State, Val, X32_SYSCALL_BIT};
use super::op;
use super::{Insn, Program, RetAction, MEM_WORDS};
use crate::catalog::{format_value, Catalog, CATALOG_ARCHES};
use crate::profile::Arch;
use std::fmt::Write as _;

/// One disassembled instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its index in the program.
    pub index: usize,
    /// The raw instruction.
    pub insn: Insn,
    /// The decoded form, e.g. `if (A == openat) goto 13 else goto 16`.
    pub text: String,
    /// Whether any path from the start reaches it.
    pub reachable: bool,
}

impl AsRef<str> for Line {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// Disassembles every instruction.
pub fn disassemble(prog: &Program) -> Vec<Line> {
    disassemble_with(prog, None)
}

/// Disassembles, naming syscalls and argument words for `default_arch` where the program
/// has not (yet) tested the architecture (hand-written single-arch programs).
pub fn disassemble_with(prog: &Program, default_arch: Option<Arch>) -> Vec<Line> {
    let states = analyze(prog, None);
    let unknown = State {
        a: Val::Unknown,
        x: Val::Unknown,
        mem: [Val::Unknown; MEM_WORDS],
        arch: None,
        le: None,
        nr_lo: 0,
        nr_hi: u32::MAX,
    };
    prog.insns
        .iter()
        .enumerate()
        .map(|(index, insn)| {
            let state = states.get(index).copied().flatten();
            let ctx = Ctx {
                state: state.unwrap_or(unknown),
                default_arch,
            };
            Line {
                index,
                insn: *insn,
                text: ctx.text(index, insn),
                reachable: state.is_some(),
            }
        })
        .collect()
}

/// The disassembly as text: index, opcode, jt, jf, k and the decoded form, one per line.
pub fn listing(prog: &Program) -> String {
    listing_with(prog, None)
}

/// [`listing`] with a default architecture, as in [`disassemble_with`].
pub fn listing_with(prog: &Program, default_arch: Option<Arch>) -> String {
    let mut out = String::new();
    for line in disassemble_with(prog, default_arch) {
        let i = line.insn;
        let _ = writeln!(
            out,
            "{:>4}: {:#04x} {:#04x} {:#04x} {:#010x}  {}",
            line.index, i.code, i.jt, i.jf, i.k, line.text
        );
    }
    out
}

/// The architecture an audit token stands for (x86-64 for the token it shares with x32).
fn arch_of_token(token: u32) -> Option<Arch> {
    CATALOG_ARCHES
        .into_iter()
        .chain(Arch::all())
        .find(|a| a.audit_token() == token)
}

/// A plain number: decimal when small, hex otherwise.
fn num(k: u32) -> String {
    if k < 4096 {
        k.to_string()
    } else {
        format!("{k:#x}")
    }
}

/// What an instruction is decoded against: the state on entry and the fallback arch.
struct Ctx {
    state: State,
    default_arch: Option<Arch>,
}

impl Ctx {
    /// The arch token in effect, from the path or the fallback.
    fn token(&self) -> Option<u32> {
        self.state.arch.or(self.default_arch.map(Arch::audit_token))
    }

    /// The name of a `seccomp_data` word, honouring the byte order of the arch in effect.
    fn word(&self, offset: u32) -> String {
        let field = match offset {
            8 | 12 => "instruction_pointer".to_string(),
            _ => format!("args[{}]", (offset - 16) / 8),
        };
        let first_half = offset & 7 == 0;
        let le = self
            .state
            .le
            .or(self.default_arch.map(|a| is_le(a.audit_token())));
        match le {
            Some(le) if le == first_half => field,
            Some(_) => format!("{field} >> 32"),
            None => {
                let half = if first_half { "low" } else { "high" };
                format!("data[{offset}] ({field} {half} word if little-endian)")
            }
        }
    }

    /// A value compared against A, named after what A holds.
    fn operand(&self, operation: u16, k: u32) -> String {
        match self.state.a {
            Val::Nr if operation != op::JSET => self.syscall(operation, k),
            Val::Arch if operation == op::JEQ => match arch_of_token(k) {
                Some(a) => a.short_name().to_string(),
                None => format!("{k:#x}"),
            },
            _ if operation == op::JSET => format!("{k:#x}"),
            Val::Arch => format!("{k:#x}"),
            Val::Word(offset) if operation == op::JEQ => {
                self.constant(offset, k).unwrap_or_else(|| num(k))
            }
            _ => num(k),
        }
    }

    /// The arch whose numbers the syscall number `nr` is in, on this path.
    fn arch_of_nr(&self, nr: u32) -> Option<Arch> {
        let token = self.token();
        if token == Some(Arch::X86_64.audit_token()) {
            Some(if nr >= X32_SYSCALL_BIT {
                Arch::X32
            } else {
                Arch::X86_64
            })
        } else if self.state.arch.is_none() {
            self.default_arch
        } else {
            token.and_then(arch_of_token)
        }
    }

    /// `k` in the argument's own constants (`AF_INET6`, `O_WRONLY|O_CREAT`), when A holds the
    /// low word of an argument of the one syscall this path can be in, and the catalog names
    /// at least part of the value.
    fn constant(&self, offset: u8, k: u32) -> Option<String> {
        let offset = u32::from(offset);
        let low = offset & 7 == 0;
        let le = self
            .state
            .le
            .or(self.default_arch.map(|a| is_le(a.audit_token())))?;
        if offset < 16 || le != low || self.state.nr_lo != self.state.nr_hi {
            return None;
        }
        let nr = self.state.nr_lo;
        let name = Catalog.name_of(self.arch_of_nr(nr)?, nr)?;
        let arg = Catalog
            .syscall(name)?
            .args()
            .get(((offset - 16) / 8) as usize)?;
        let set = Catalog.constant_set(arg.constants()?)?;
        let text = format_value(u64::from(k), set);
        text.starts_with(|c: char| c.is_ascii_alphabetic())
            .then_some(text)
    }

    /// A syscall number, named for the arch in effect when the catalog knows it.
    fn syscall(&self, operation: u16, k: u32) -> String {
        let x86_64 = self.token() == Some(Arch::X86_64.audit_token());
        if x86_64 && k == X32_SYSCALL_BIT && operation != op::JEQ {
            return "X32_SYSCALL_BIT".to_string();
        }
        if let Some(name) = self.arch_of_nr(k).and_then(|a| Catalog.name_of(a, k)) {
            return name.to_string();
        }
        // seccomp_data.nr is a signed int: -1 is what a tracer's skipped call shows.
        match k as i32 {
            n if n < 0 => n.to_string(),
            _ if k >= X32_SYSCALL_BIT => format!("{k:#x}"),
            _ => k.to_string(),
        }
    }

    /// The decoded form of one instruction.
    fn text(&self, pc: usize, insn: &Insn) -> String {
        let k = insn.k;
        let code = insn.code;
        let target = |off: u64| pc as u64 + 1 + off;
        let not_seccomp = " (not allowed in seccomp)";
        match code {
            op::LD_W_ABS => match k {
                0 => "A = nr".to_string(),
                4 => "A = arch".to_string(),
                8..=60 if k & 3 == 0 => format!("A = {}", self.word(k)),
                _ => format!("A = data[{k}] (invalid offset for seccomp)"),
            },
            op::LD_W_LEN => "A = 64 (sizeof seccomp_data)".to_string(),
            op::LDX_W_LEN => "X = 64 (sizeof seccomp_data)".to_string(),
            op::LD_IMM => format!("A = {}", num(k)),
            op::LDX_IMM => format!("X = {}", num(k)),
            op::LD_MEM => format!("A = M[{k}]"),
            op::LDX_MEM => format!("X = M[{k}]"),
            op::ST => format!("M[{k}] = A"),
            op::STX => format!("M[{k}] = X"),
            op::RET_K => format!("return {}", RetAction::from_raw(k)),
            op::RET_A => "return A".to_string(),
            op::MISC_TAX => "X = A".to_string(),
            op::MISC_TXA => "A = X".to_string(),
            op::JMP_JA => format!("goto {}", target(u64::from(k))),
            c if c == op::LD | op::H | op::ABS => format!("A = u16 at data[{k}]{not_seccomp}"),
            c if c == op::LD | op::B | op::ABS => format!("A = u8 at data[{k}]{not_seccomp}"),
            c if c == op::LD | op::W | op::IND => format!("A = u32 at data[X + {k}]{not_seccomp}"),
            c if c == op::LD | op::H | op::IND => format!("A = u16 at data[X + {k}]{not_seccomp}"),
            c if c == op::LD | op::B | op::IND => format!("A = u8 at data[X + {k}]{not_seccomp}"),
            c if c == op::LDX | op::B | op::MSH => {
                format!("X = 4 * (data[{k}] & 0xf){not_seccomp}")
            }
            c if op::is_classic(c) && c & 0x07 == op::ALU => {
                let operation = c & 0xf0;
                if operation == op::NEG {
                    return "A = -A".to_string();
                }
                let sym = match operation {
                    op::ADD => "+",
                    op::SUB => "-",
                    op::MUL => "*",
                    op::DIV => "/",
                    op::OR => "|",
                    op::AND => "&",
                    op::LSH => "<<",
                    op::RSH => ">>",
                    op::MOD => "%",
                    _ => "^",
                };
                let value = if c & op::X != 0 {
                    "X".to_string()
                } else if matches!(operation, op::OR | op::AND | op::XOR) {
                    format!("{k:#x}")
                } else {
                    num(k)
                };
                let note = if operation == op::MOD {
                    not_seccomp
                } else {
                    ""
                };
                format!("A {sym}= {value}{note}")
            }
            c if op::is_classic(c) && c & 0x07 == op::JMP => {
                let operation = c & 0xf0;
                let sym = match operation {
                    op::JEQ => "==",
                    op::JGT => ">",
                    op::JGE => ">=",
                    _ => "&",
                };
                let value = if c & op::X != 0 {
                    "X".to_string()
                } else {
                    self.operand(operation, k)
                };
                format!(
                    "if (A {sym} {value}) goto {} else goto {}",
                    target(u64::from(insn.jt)),
                    target(u64::from(insn.jf))
                )
            }
            _ => format!("??? (invalid opcode {code:#04x})"),
        }
    }
}

#[cfg(test)]
mod unit {
    use super::super::testutil::{j, s};
    use super::super::{op, Program};
    use super::*;

    fn texts(prog: &Program) -> Vec<String> {
        disassemble(prog).into_iter().map(|l| l.text).collect()
    }

    /// x86-64 (with its x32 half), i386 and s390x in one program.
    fn multi_arch() -> Program {
        Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_003e, 0, 4),
            s(op::LD_W_ABS, 0),
            j(op::JGE_K, 0x4000_0000, 0, 1),
            j(op::JEQ_K, 0x4000_0101, 9, 10),
            j(op::JEQ_K, 257, 8, 9),
            j(op::JEQ_K, 0x4000_0003, 0, 3),
            s(op::LD_W_ABS, 0),
            j(op::JEQ_K, 257, 6, 0),
            j(op::JEQ_K, 295, 4, 5),
            j(op::JEQ_K, 0x8000_0016, 0, 5),
            s(op::LD_W_ABS, 16),
            s(op::LD_W_ABS, 20),
            j(op::JSET_K, 4, 0, 1),
            s(op::RET_K, 0x0005_000d),
            s(op::RET_K, 0x7fff_0000),
            s(op::RET_K, 0x8000_0000),
        ])
    }

    #[test]
    fn names_argument_values_with_the_arguments_constants_where_the_syscall_is_known() {
        // x86-64: socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC, ...) with a high word and a value
        // no constant names, then read's fd, an argument with no constants.
        let prog = Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_003e, 0, 14),
            s(op::LD_W_ABS, 0),
            j(op::JEQ_K, 41, 0, 8),
            s(op::LD_W_ABS, 20),
            j(op::JEQ_K, 10, 0, 11),
            s(op::LD_W_ABS, 16),
            j(op::JEQ_K, 10, 0, 9),
            s(op::LD_W_ABS, 24),
            j(op::JEQ_K, 0x80001, 0, 7),
            s(op::LD_W_ABS, 24),
            j(op::JEQ_K, 0x7777, 5, 6),
            j(op::JEQ_K, 0, 0, 5),
            s(op::LD_W_ABS, 16),
            j(op::JEQ_K, 10, 2, 3),
            s(op::RET_K, 0x7fff_0000),
            s(op::RET_K, 0x7fff_0000),
            s(op::RET_K, 0x7fff_0000),
            s(op::RET_K, 0x0005_0001),
        ]);
        assert_eq!(prog.validate(), Ok(()));
        let t = texts(&prog);
        assert_eq!(
            t[5], "if (A == 10) goto 6 else goto 17",
            "a high word stays a number"
        );
        assert_eq!(t[7], "if (A == AF_INET6) goto 8 else goto 17");
        assert_eq!(
            t[9],
            "if (A == SOCK_STREAM|SOCK_CLOEXEC) goto 10 else goto 17"
        );
        assert_eq!(
            t[11], "if (A == 0x7777) goto 17 else goto 18",
            "no name fits: {t:?}"
        );
        assert_eq!(t[12], "if (A == read) goto 13 else goto 18");
        assert_eq!(t[14], "if (A == 10) goto 17 else goto 18");
    }

    #[test]
    fn names_syscalls_per_architecture() {
        let prog = multi_arch();
        assert_eq!(prog.validate(), Ok(()));
        let want = [
            "A = arch",
            "if (A == x86_64) goto 2 else goto 6",
            "A = nr",
            "if (A >= X32_SYSCALL_BIT) goto 4 else goto 5",
            "if (A == openat) goto 14 else goto 15",
            "if (A == openat) goto 14 else goto 15",
            "if (A == x86) goto 7 else goto 10",
            "A = nr",
            "if (A == remap_file_pages) goto 15 else goto 9",
            "if (A == openat) goto 14 else goto 15",
            "if (A == s390x) goto 11 else goto 16",
            "A = args[0] >> 32",
            "A = args[0]",
            "if (A & 0x4) goto 14 else goto 15",
            "return ERRNO(13)",
            "return ALLOW",
            "return KILL_PROCESS",
        ];
        assert_eq!(texts(&prog), want);
        assert!(disassemble(&prog).iter().all(|l| l.reachable));
    }

    #[test]
    fn listing_shows_raw_fields() {
        let text = listing(&multi_arch());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 17);
        assert_eq!(lines[0], "   0: 0x20 0x00 0x00 0x00000004  A = arch");
        assert_eq!(
            lines[5],
            "   5: 0x15 0x08 0x09 0x00000101  if (A == openat) goto 14 else goto 15"
        );
        assert_eq!(
            lines[16],
            "  16: 0x06 0x00 0x00 0x80000000  return KILL_PROCESS"
        );
    }

    #[test]
    fn data_words_honour_byte_order() {
        let le = Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_00b7, 0, 7),
            s(op::LD_W_ABS, 8),
            s(op::LD_W_ABS, 12),
            s(op::LD_W_ABS, 16),
            s(op::LD_W_ABS, 20),
            s(op::LD_W_ABS, 56),
            s(op::LD_W_ABS, 60),
            s(op::RET_A, 0),
        ]);
        assert_eq!(
            texts(&le)[1..8],
            [
                "if (A == aarch64) goto 2 else goto 9",
                "A = instruction_pointer",
                "A = instruction_pointer >> 32",
                "A = args[0]",
                "A = args[0] >> 32",
                "A = args[5]",
                "A = args[5] >> 32",
            ]
        );
        let mut be = le.clone();
        be.insns[1].k = Arch::S390X.audit_token();
        assert_eq!(
            texts(&be)[2..8],
            [
                "A = instruction_pointer >> 32",
                "A = instruction_pointer",
                "A = args[0] >> 32",
                "A = args[0]",
                "A = args[5] >> 32",
                "A = args[5]",
            ]
        );
        // Without an arch test the byte order is unknown.
        let bare = Program::new(vec![
            s(op::LD_W_ABS, 16),
            s(op::LD_W_ABS, 44),
            s(op::RET_A, 0),
        ]);
        assert_eq!(
            texts(&bare)[..2],
            [
                "A = data[16] (args[0] low word if little-endian)",
                "A = data[44] (args[3] high word if little-endian)",
            ]
        );
        let lines = disassemble_with(&bare, Some(Arch::S390X));
        assert_eq!(lines[0].text, "A = args[0] >> 32");
        // Paths of two little-endian arches meeting still know the byte order.
        let shared = Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_003e, 1, 0),
            j(op::JEQ_K, 0x4000_0003, 0, 1),
            s(op::LD_W_ABS, 20),
            s(op::RET_A, 0),
        ]);
        assert_eq!(texts(&shared)[3], "A = args[0] >> 32");
        let mixed = Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_003e, 1, 0),
            j(op::JEQ_K, 0x8000_0016, 0, 1),
            s(op::LD_W_ABS, 20),
            s(op::RET_A, 0),
        ]);
        assert_eq!(
            texts(&mixed)[3],
            "A = data[20] (args[0] high word if little-endian)"
        );
    }

    #[test]
    fn default_arch_names_programs_without_an_arch_test() {
        let prog = Program::new(vec![
            s(op::LD_W_ABS, 0),
            j(op::JEQ_K, 59, 0, 1),
            s(op::RET_K, 0),
            s(op::RET_K, 0x7fff_0000),
        ]);
        assert_eq!(texts(&prog)[1], "if (A == 59) goto 2 else goto 3");
        let mut minus_one = prog.clone();
        minus_one.insns[1].k = u32::MAX;
        let lines = disassemble_with(&minus_one, Some(Arch::X86_64));
        assert_eq!(lines[1].text, "if (A == -1) goto 2 else goto 3");
        minus_one.insns[1].k = 0x4000_2000;
        let lines = disassemble_with(&minus_one, Some(Arch::X86_64));
        assert_eq!(lines[1].text, "if (A == 0x40002000) goto 2 else goto 3");
        let x86_64 = disassemble_with(&prog, Some(Arch::X86_64));
        assert_eq!(x86_64[1].text, "if (A == execve) goto 2 else goto 3");
        let aarch64 = listing_with(&prog, Some(Arch::AARCH64));
        assert!(
            aarch64.contains("if (A == pipe2) goto 2 else goto 3"),
            "{aarch64}"
        );
    }

    #[test]
    fn every_kind_of_instruction_has_a_readable_form() {
        let alu = |o: u16, src: u16, k: u32| s(op::ALU | o | src, k);
        let prog = Program::new(vec![
            s(op::LD_W_LEN, 0),
            s(op::LDX_W_LEN, 0),
            s(op::LD_IMM, 10),
            s(op::LDX_IMM, 0x10000),
            s(op::ST, 3),
            s(op::STX, 4),
            s(op::LD_MEM, 3),
            s(op::LDX_MEM, 4),
            alu(op::ADD, op::K, 5),
            alu(op::SUB, op::X, 0),
            alu(op::MUL, op::K, 3),
            alu(op::DIV, op::K, 2),
            alu(op::AND, op::K, 0xffff),
            alu(op::OR, op::K, 1),
            alu(op::XOR, op::X, 0),
            alu(op::LSH, op::K, 3),
            alu(op::RSH, op::X, 0),
            s(op::ALU | op::NEG, 0),
            alu(op::MOD, op::K, 3),
            s(op::MISC_TAX, 0),
            s(op::MISC_TXA, 0),
            s(op::JMP_JA, 0),
            j(op::JMP | op::JGT | op::X, 0, 0, 1),
            j(op::JGE_K, 5000, 1, 0),
            s(op::LD | op::B | op::ABS, 3),
            s(op::LD | op::H | op::IND, 2),
            s(op::LDX | op::B | op::MSH, 14),
            s(0xee, 0),
            s(op::LD_W_ABS, 2),
            s(op::RET_K, 0x7ffc_0000),
            s(op::RET_K, 0x7fc0_0000),
            s(op::RET_K, 0x7ff0_0005),
            s(op::RET_K, 0x0003_0000),
            s(op::RET_K, 0),
            s(op::RET_K, 0x0001_0000),
            s(op::RET_A, 0),
        ]);
        let want = [
            "A = 64 (sizeof seccomp_data)",
            "X = 64 (sizeof seccomp_data)",
            "A = 10",
            "X = 0x10000",
            "M[3] = A",
            "M[4] = X",
            "A = M[3]",
            "X = M[4]",
            "A += 5",
            "A -= X",
            "A *= 3",
            "A /= 2",
            "A &= 0xffff",
            "A |= 0x1",
            "A ^= X",
            "A <<= 3",
            "A >>= X",
            "A = -A",
            "A %= 3 (not allowed in seccomp)",
            "X = A",
            "A = X",
            "goto 22",
            "if (A > X) goto 23 else goto 24",
            "if (A >= 0x1388) goto 25 else goto 24",
            "A = u8 at data[3] (not allowed in seccomp)",
            "A = u16 at data[X + 2] (not allowed in seccomp)",
            "X = 4 * (data[14] & 0xf) (not allowed in seccomp)",
            "??? (invalid opcode 0xee)",
            "A = data[2] (invalid offset for seccomp)",
            "return LOG",
            "return NOTIFY",
            "return TRACE(5)",
            "return TRAP",
            "return KILL_THREAD",
            "return 0x00010000 (unknown action: kills the process)",
            "return A",
        ];
        assert_eq!(texts(&prog), want);
    }

    #[test]
    fn impossible_branches_are_unreachable() {
        let prog = Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_003e, 0, 5),
            s(op::LD_W_ABS, 0),
            j(op::JGE_K, 0x4000_0000, 0, 2),
            // On this path nr >= X32_SYSCALL_BIT, so nr == 1 is impossible.
            j(op::JEQ_K, 1, 0, 1),
            s(op::RET_K, 1),
            s(op::LD_W_ABS, 4),
            // The arch is known here (x86-64 on one path, not on the other): both possible.
            j(op::JEQ_K, 0x4000_0003, 0, 1),
            s(op::RET_K, 2),
            s(op::RET_K, 3),
        ]);
        let reach: Vec<bool> = disassemble(&prog).iter().map(|l| l.reachable).collect();
        assert_eq!(
            reach,
            [true, true, true, true, true, false, true, true, true, true]
        );
        let after_x86_64 = Program::new(vec![
            s(op::LD_W_ABS, 4),
            j(op::JEQ_K, 0xc000_003e, 0, 3),
            j(op::JEQ_K, 0x4000_0003, 0, 1),
            s(op::RET_K, 1),
            s(op::RET_K, 2),
            s(op::RET_K, 3),
        ]);
        let reach: Vec<bool> = disassemble(&after_x86_64)
            .iter()
            .map(|l| l.reachable)
            .collect();
        assert_eq!(reach, [true, true, true, false, true, true]);
    }
}

//! BPF for syscalls the installed libseccomp does not know on some architecture.
//!
//! libseccomp translates every rule through the host's syscall table, so it cannot add a
//! number it has no name for (EFAULT), except on the host's own architecture. For those
//! calls we emit a small block of our own, placed before libseccomp's program: per
//! architecture it checks the arch token and the syscall number, evaluates the rules in
//! profile order, and otherwise falls through to libseccomp's code (which then applies the
//! default action, since it has no rule for that number).

use crate::bpf::Insn as Raw;
use crate::profile::{Arch, ArgCond, Op};

const LD_W_ABS: u16 = 0x20;
const JMP_JA: u16 = 0x05;
const JEQ_K: u16 = 0x15;
const JGT_K: u16 = 0x25;
const JGE_K: u16 = 0x35;
const AND_K: u16 = 0x54;
const RET_K: u16 = 0x06;

fn ld(offset: u32) -> Raw {
    Raw {
        code: LD_W_ABS,
        jt: 0,
        jf: 0,
        k: offset,
    }
}

/// One rule for one syscall: OR'ed alternatives of AND'ed conditions, and the return value.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The syscall number on this architecture.
    pub nr: u32,
    /// Alternatives (an empty one matches always).
    pub alternatives: Vec<Vec<ArgCond>>,
    /// The full `SECCOMP_RET_*` value to return.
    pub ret: u32,
}

/// A jump placeholder inside a condition: where a failed or passed test goes.
#[derive(Clone, Copy)]
enum Target {
    Next,
    Fail,
    Pass,
}

struct Cond {
    insns: Vec<(Raw, Target, Target)>,
}

impl Cond {
    fn load(&mut self, offset: u32) {
        self.insns.push((ld(offset), Target::Next, Target::Next));
    }
    fn test(&mut self, code: u16, k: u32, jt: Target, jf: Target) {
        self.insns.push((
            Raw {
                code,
                jt: 0,
                jf: 0,
                k,
            },
            jt,
            jf,
        ));
    }
    fn and(&mut self, k: u32) {
        self.insns.push((
            Raw {
                code: AND_K,
                jt: 0,
                jf: 0,
                k,
            },
            Target::Next,
            Target::Next,
        ));
    }
}

/// Offsets of the low and high 32-bit halves of argument `i` in `seccomp_data`.
fn arg_offsets(arch: Arch, i: u32) -> (u32, u32) {
    let base = 16 + 8 * i;
    let little_endian = arch.audit_token() & 0x4000_0000 != 0;
    if little_endian {
        (base, base + 4)
    } else {
        (base + 4, base)
    }
}

/// Code that falls through when the condition holds and jumps to Fail otherwise.
fn condition(arch: Arch, c: &ArgCond) -> Cond {
    use Target::*;
    let (lo_off, hi_off) = arg_offsets(arch, c.index);
    let (hi, lo) = ((c.value >> 32) as u32, c.value as u32);
    let mut out = Cond { insns: Vec::new() };
    match c.op {
        Op::Eq => {
            out.load(hi_off);
            out.test(JEQ_K, hi, Next, Fail);
            out.load(lo_off);
            out.test(JEQ_K, lo, Next, Fail);
        }
        Op::Ne => {
            out.load(hi_off);
            out.test(JEQ_K, hi, Next, Pass);
            out.load(lo_off);
            out.test(JEQ_K, lo, Fail, Next);
        }
        Op::Gt | Op::Ge => {
            out.load(hi_off);
            out.test(JGT_K, hi, Pass, Next);
            out.test(JEQ_K, hi, Next, Fail);
            out.load(lo_off);
            out.test(if c.op == Op::Gt { JGT_K } else { JGE_K }, lo, Next, Fail);
        }
        Op::Lt | Op::Le => {
            out.load(hi_off);
            out.test(JGT_K, hi, Fail, Next);
            out.test(JEQ_K, hi, Next, Pass);
            out.load(lo_off);
            // a < v is !(a >= v); a <= v is !(a > v)
            out.test(if c.op == Op::Lt { JGE_K } else { JGT_K }, lo, Fail, Next);
        }
        Op::MaskedEq => {
            let datum = c.value_two.unwrap_or(0);
            out.load(hi_off);
            out.and(hi);
            out.test(JEQ_K, (datum >> 32) as u32, Next, Fail);
            out.load(lo_off);
            out.and(lo);
            out.test(JEQ_K, datum as u32, Next, Fail);
        }
    }
    out
}

/// Appends one alternative: its conditions, then `ret`; a failed test skips to what follows.
fn alternative(arch: Arch, conds: &[ArgCond], ret: u32, out: &mut Vec<Raw>) {
    let mut body: Vec<(Raw, Target, Target)> = Vec::new();
    let mut cond_ends = Vec::new();
    for c in conds {
        body.extend(condition(arch, c).insns);
        cond_ends.push(body.len());
    }
    let fail_at = body.len() + 1; // just past the ret
    for (i, (raw, jt, jf)) in body.iter().enumerate() {
        let pass_at = *cond_ends.iter().find(|&&e| e > i).unwrap_or(&body.len());
        let resolve = |t: &Target| -> u8 {
            let to = match t {
                Target::Next => i + 1,
                Target::Fail => fail_at,
                Target::Pass => pass_at,
            };
            // Conditions are a handful of instructions, so relative jumps always fit in a u8.
            (to - i - 1) as u8
        };
        let mut insn = *raw;
        if raw.code & 0x07 == 0x05 {
            insn.jt = resolve(jt);
            insn.jf = resolve(jf);
        }
        out.push(insn);
    }
    out.push(Raw {
        code: RET_K,
        jt: 0,
        jf: 0,
        k: ret,
    });
}

fn ja() -> Raw {
    Raw {
        code: JMP_JA,
        jt: 0,
        jf: 0,
        k: 0,
    }
}

/// The whole block, for every architecture that needs one; it ends by falling through to
/// whatever follows it (libseccomp's program).
///
/// Layout: load the arch token once and dispatch to one section per token (x86-64 and x32
/// share theirs: x32 numbers carry bit 30, so they never collide). A section loads nr, leaves
/// for numbers below the smallest one it handles (most calls: six instructions in all), then
/// tests one number after another; each test's false branch goes to the next test, so A
/// still holds nr there.
pub fn program(per_arch: &[(Arch, Vec<Entry>)]) -> Vec<Raw> {
    let mut groups: Vec<(u32, Vec<(Arch, &Entry)>)> = Vec::new();
    for (arch, entries) in per_arch {
        let token = arch.audit_token();
        let at = match groups.iter().position(|(t, _)| *t == token) {
            Some(i) => i,
            None => {
                groups.push((token, Vec::new()));
                groups.len() - 1
            }
        };
        groups[at].1.extend(entries.iter().map(|e| (*arch, e)));
    }
    groups.retain(|(_, entries)| !entries.is_empty());
    if groups.is_empty() {
        return Vec::new();
    }
    let mut out = vec![ld(4)];
    let mut dispatch = Vec::new();
    for (token, _) in &groups {
        out.push(Raw {
            code: JEQ_K,
            jt: 0,
            jf: 1,
            k: *token,
        });
        dispatch.push(out.len());
        out.push(ja());
    }
    let mut to_end = vec![out.len()];
    out.push(ja());
    for ((_, entries), at) in groups.iter().zip(dispatch) {
        out[at].k = (out.len() - at - 1) as u32;
        section(entries, &mut out, &mut to_end);
    }
    let end = out.len();
    for at in to_end {
        out[at].k = (end - at - 1) as u32;
    }
    out
}

/// One token's section: the number tests and the rules behind them. Jumps that leave the
/// block are recorded in `to_end` for the caller to aim.
fn section(entries: &[(Arch, &Entry)], out: &mut Vec<Raw>, to_end: &mut Vec<usize>) {
    let mut numbers: Vec<u32> = entries.iter().map(|(_, e)| e.nr).collect();
    numbers.sort_unstable();
    numbers.dedup();
    out.push(ld(0));
    out.push(Raw {
        code: JGE_K,
        jt: 1,
        jf: 0,
        k: numbers[0],
    });
    to_end.push(out.len());
    out.push(ja());
    for nr in numbers {
        let mut body = Vec::new();
        let mut always_returns = false;
        for (arch, e) in entries.iter().filter(|(_, e)| e.nr == nr) {
            for alt in &e.alternatives {
                alternative(*arch, alt, e.ret, &mut body);
                always_returns |= alt.is_empty();
            }
            if always_returns {
                break; // later rules for this call can never be reached
            }
        }
        let test = out.len();
        if body.len() + usize::from(!always_returns) <= usize::from(u8::MAX) {
            out.push(Raw {
                code: JEQ_K,
                jt: 0,
                jf: 0,
                k: nr,
            });
        } else {
            // Too far for a conditional jump: go through an unconditional one.
            out.push(Raw {
                code: JEQ_K,
                jt: 1,
                jf: 0,
                k: nr,
            });
            out.push(ja());
        }
        out.extend(body);
        if !always_returns {
            // No rule matched: libseccomp's program applies the default action.
            to_end.push(out.len());
            out.push(ja());
        }
        let next = out.len();
        if out[test].jt == 0 {
            out[test].jf = (next - test - 1) as u8;
        } else {
            out[test + 1].k = (next - test - 2) as u32;
        }
    }
}

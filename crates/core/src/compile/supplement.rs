//! BPF for syscalls the installed libseccomp does not know on some architecture.
//!
//! libseccomp translates every rule through the host's syscall table, so it cannot add a
//! number it has no name for (EFAULT), except on the host's own architecture. Hand-written
//! BPF for those calls would have to copy libseccomp's semantics exactly (which of several
//! rules wins, how MASKED_EQ treats the datum, low words only on 32-bit ABIs), and a copy
//! drifts. So libseccomp writes this code too: per architecture, the rules of each unknown
//! name are given to a *twin*, a syscall libseccomp knows there, in a scratch filter whose
//! default and bad-arch actions are a sentinel; in the exported program the twin's number
//! is replaced by the real one and every sentinel return becomes a jump past the section.
//! The block goes after libseccomp's main program, whose every return of the default action
//! becomes a jump into it ([`attach`]): only calls libseccomp leaves to the default pay for
//! the block, so an argument rule or an allowed call runs exactly libseccomp's own path.

use super::resolve::{compare, libseccomp_number, multiplexed};
use super::{filter_err, scmp_action, scmp_arch, single_arch_filter, CompileError};
use crate::bpf::{flow, op, Insn, Program, RetAction};
use crate::catalog::Catalog;
use crate::profile::{Arch, ArgCond, Pos};
use libseccomp::{ScmpArch, ScmpSyscall};
use std::ops::Range;

/// The rules of one profile rule for one syscall libseccomp cannot take on an architecture.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The syscall's name.
    pub name: String,
    /// Its number on this architecture.
    pub nr: u32,
    /// Alternatives (an empty one matches always).
    pub alternatives: Vec<Vec<ArgCond>>,
    /// What the rule returns.
    pub action: RetAction,
    /// The rule's index in `syscalls`, for errors.
    pub rule: usize,
    /// The rule's place in the source, for errors.
    pub pos: Option<Pos>,
}

/// The whole block for every architecture that needs one; it falls through to whatever
/// follows it (the default action's return, see [`attach`]). Calls below the smallest number
/// it handles leave after three instructions.
pub fn program(per_arch: &[(Arch, Vec<Entry>)]) -> Result<Vec<Insn>, CompileError> {
    let mut sections = Vec::new();
    for (arch, entries) in per_arch.iter().filter(|(_, e)| !e.is_empty()) {
        sections.extend(section(*arch, entries)?);
    }
    let Some(lowest) = per_arch.iter().flat_map(|(_, e)| e).map(|e| e.nr).min() else {
        return Ok(Vec::new());
    };
    let mut out = vec![
        Insn::stmt(op::LD_W_ABS, 0),
        Insn::jump(op::JGE_K, lowest, 1, 0),
        Insn::stmt(op::JMP_JA, sections.len() as u32),
    ];
    out.extend(sections);
    Ok(out)
}

/// libseccomp's program followed by the block (none: the program unchanged): every return of
/// `default` in the program jumps to the block instead, and a return of `default` ends it.
/// Returns the whole program and where the block is in it.
pub fn attach(main: &Program, block: &[Insn], default: RetAction) -> (Program, Range<usize>) {
    if block.is_empty() {
        return (main.clone(), 0..0);
    }
    let start = main.insns.len();
    let mut insns: Vec<Insn> = main
        .insns
        .iter()
        .enumerate()
        .map(|(at, insn)| match insn.code {
            op::RET_K if insn.k == default.to_raw() => {
                Insn::stmt(op::JMP_JA, (start - at - 1) as u32)
            }
            _ => *insn,
        })
        .collect();
    insns.extend_from_slice(block);
    insns.push(Insn::stmt(op::RET_K, default.to_raw()));
    let end = insns.len();
    (Program::new(insns), start..end)
}

/// A return value that no entry uses, to mark "not decided here".
fn sentinel(entries: &[Entry]) -> RetAction {
    (0..=u16::MAX)
        .rev()
        .map(RetAction::Trace)
        .find(|s| entries.iter().all(|e| e.action != *s))
        .expect("a handful of entries cannot use every TRACE value")
}

/// A syscall libseccomp knows, standing in for one it does not.
struct Twin {
    /// The unknown name.
    name: String,
    /// Its real number on this architecture.
    real: u32,
    /// The twin's native number (what libseccomp's rule calls take).
    native: i32,
    /// The twin's number on this architecture (what the exported program compares).
    stand_in: u32,
}

/// For each distinct unknown name, a twin: a syscall libseccomp knows natively and on `sarch`,
/// whose number on this architecture is no unknown name's number and no other twin's.
fn twins(entries: &[Entry], arch: Arch, sarch: ScmpArch) -> Vec<Twin> {
    let mut names: Vec<(&str, u32)> = entries.iter().map(|e| (e.name.as_str(), e.nr)).collect();
    names.sort_unstable();
    names.dedup();
    let reals: Vec<u32> = names.iter().map(|(_, nr)| *nr).collect();
    let mut candidates = Catalog
        .syscalls()
        .iter()
        .filter(|s| !multiplexed(s.name()))
        .filter_map(|s| {
            let native = libseccomp_number(s.name(), None)?;
            let there = u32::try_from(libseccomp_number(s.name(), Some(sarch))?).ok()?;
            (native >= 0 && s.number(arch) == Some(there) && !reals.contains(&there))
                .then_some((native, there))
        });
    names
        .into_iter()
        .filter_map(|(name, real)| {
            let (native, stand_in) = candidates.next()?;
            Some(Twin {
                name: name.to_string(),
                real,
                native,
                stand_in,
            })
        })
        .collect()
}

/// One architecture's section: libseccomp's code for the twins, renumbered, with every
/// undecided path jumping to the section's end.
fn section(arch: Arch, entries: &[Entry]) -> Result<Vec<Insn>, CompileError> {
    let sarch = scmp_arch(arch).ok_or_else(|| CompileError::Filter {
        step: "compile calls libseccomp does not know",
        message: format!("libseccomp cannot build filters for {arch}"),
    })?;
    let twins = twins(entries, arch, sarch);
    let sentinel = sentinel(entries);
    let mut ctx = single_arch_filter(sentinel, sarch)?;
    ctx.set_act_badarch(scmp_action(sentinel))
        .map_err(filter_err("set the bad-architecture action"))?;
    for e in entries {
        let Some(twin) = twins.iter().find(|t| t.name == e.name) else {
            return Err(CompileError::Rule {
                pos: e.pos,
                what: format!("syscalls[{}] ({} on {arch})", e.rule, e.name),
                message: "no syscall libseccomp knows is free to stand in for it".into(),
            });
        };
        for conds in &e.alternatives {
            let cmps: Vec<_> = conds.iter().map(compare).collect();
            ctx.add_rule_conditional(scmp_action(e.action), ScmpSyscall::from(twin.native), &cmps)
                .map_err(|err| CompileError::Rule {
                    pos: e.pos,
                    what: format!("syscalls[{}] ({} on {arch})", e.rule, e.name),
                    message: err.to_string(),
                })?;
        }
    }
    let bytes = super::export(&ctx, |c, f| c.export_bpf(f))?;
    let program = Program::from_bytes(&bytes).map_err(|e| CompileError::Filter {
        step: "read back the filter",
        message: e.to_string(),
    })?;
    relink(&program, &twins, sentinel.to_raw())
}

/// Puts the real numbers where the twins' are compared with the syscall number, and turns
/// each return of the sentinel into a jump to the end of the section. Any other test of a
/// twin's number that might be the syscall number is refused: left as it is, it would apply
/// the unknown name's rules to the twin.
fn relink(program: &Program, twins: &[Twin], sentinel: u32) -> Result<Vec<Insn>, CompileError> {
    let states = flow::analyze(program, None);
    let len = program.insns.len();
    let mut out = Vec::with_capacity(len);
    for (at, insn) in program.insns.iter().enumerate() {
        let a = states[at].map(|s| s.a);
        let twin = twins.iter().find(|t| t.stand_in == insn.k);
        let is_jump = insn.code & 0x07 == op::JMP && insn.code != op::JMP_JA;
        out.push(match (insn.code, twin) {
            (op::RET_K, _) if insn.k == sentinel => Insn::stmt(op::JMP_JA, (len - at - 1) as u32),
            (op::JEQ_K, Some(t)) if a == Some(flow::Val::Nr) => Insn { k: t.real, ..*insn },
            (_, Some(t)) if is_jump && !matches!(a, Some(flow::Val::Word(_)) | None) => {
                return Err(CompileError::Filter {
                    step: "compile calls libseccomp does not know",
                    message: format!(
                        "instruction {at} of the code for {} tests its stand-in's number in a way seccompose cannot renumber",
                        t.name
                    ),
                })
            }
            _ => *insn,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod unit {
    use super::*;
    use crate::bpf::{emulate, SeccompData, RET_ALLOW};

    #[test]
    fn the_block_takes_over_where_libseccomp_returns_the_default() {
        let deny = RetAction::Errno(1);
        // libseccomp's part: getppid (110) allowed, personality (135) allowed for arg0 == 8.
        let main = Program::new(vec![
            Insn::stmt(op::LD_W_ABS, 0),
            Insn::jump(op::JEQ_K, 110, 3, 0),
            Insn::jump(op::JEQ_K, 135, 0, 3),
            Insn::stmt(op::LD_W_ABS, 16),
            Insn::jump(op::JEQ_K, 8, 0, 1),
            Insn::stmt(op::RET_K, RET_ALLOW),
            Insn::stmt(op::RET_K, deny.to_raw()),
        ]);
        // Our block: 462 allowed.
        let block = [
            Insn::stmt(op::LD_W_ABS, 0),
            Insn::jump(op::JEQ_K, 462, 0, 1),
            Insn::stmt(op::RET_K, RET_ALLOW),
        ];
        let (whole, own) = attach(&main, &block, deny);
        assert_eq!(own, 7..11);
        assert_eq!(whole.insns[6], Insn::stmt(op::JMP_JA, 0));
        assert_eq!(whole.insns[10], Insn::stmt(op::RET_K, deny.to_raw()));
        let path = |nr, arg0| {
            emulate(
                &whole,
                &SeccompData::new(Arch::X86_64, nr, [arg0, 0, 0, 0, 0, 0]),
            )
        };
        // What libseccomp decides runs its own path only, as long as without the block.
        for (nr, arg0) in [(110, 0), (135, 8)] {
            let out = path(nr, arg0);
            let alone = emulate(
                &main,
                &SeccompData::new(Arch::X86_64, nr, [arg0, 0, 0, 0, 0, 0]),
            );
            assert_eq!((out.action, &out.path), (RetAction::Allow, &alone.path));
        }
        assert_eq!(path(462, 0).action, RetAction::Allow);
        assert_eq!(path(462, 0).path, [0, 1, 2, 6, 7, 8, 9]);
        // The default, reached in libseccomp's part, is still the default after the block.
        assert_eq!(path(135, 9).action, deny);
        assert_eq!(path(135, 9).path.last(), Some(&10));
        assert_eq!(path(39, 0).action, deny);
        // No block: the program as libseccomp wrote it.
        assert_eq!(attach(&main, &[], deny), (main.clone(), 0..0));
    }
}

//! The program an observed run installs (see `sandbox`): what a supervisor can answer goes to
//! it, what only the kernel can deliver stays with the kernel.

use crate::bpf::{op, Insn, Program, RetAction};
use crate::catalog::Catalog;
use crate::profile::Arch;

/// The TRACE data with which the observed program hands the command's own attach-like
/// `ptrace` calls (`PTRACE_TRACEME`, `PTRACE_ATTACH`, `PTRACE_SEIZE`) that the real filter
/// allows to seccompose's tracer, which lets go of the process they name before the call runs.
pub const PTRACE_ATTACH_MARK: u16 = 0x5ecc;

/// `PTRACE_TRACEME`, `PTRACE_ATTACH` and `PTRACE_SEIZE`: the requests that make a tracer.
const ATTACH_REQUESTS: [u32; 3] = [0, 16, 0x4206];

/// The observed-mode variant of a program: the returns whose effect a supervisor can give
/// (ERRNO, LOG, TRACE, NOTIFY) become NOTIFY, so that it sees each of those stops; TRAP and
/// KILL stay, because only the kernel delivers them exactly (the signal's `siginfo`, one
/// thread killed, a SIGSYS nothing can catch), and the sandbox observes them with ptrace.
/// ALLOW stays too, except for an attach-like `ptrace` call, which becomes
/// TRACE([`PTRACE_ATTACH_MARK`]): the tracer that follows the command must let go of a
/// process before the command's own debugger can attach to it.
pub fn observe_variant(program: &Program) -> Program {
    observe_watching(program, &[], true)
}

/// Whether an observed run of `program` needs seccompose's tracer: some call of an ABI this
/// machine runs can make it TRAP or KILL, which only the kernel delivers and only a tracer
/// sees. Docker's default, for one, cannot: an observed run of it starts and ends without
/// the ptrace stops (a seize, each exit) that a tracer costs.
pub fn needs_tracer(program: &Program) -> bool {
    let native = Arch::native();
    let here: Vec<Arch> = std::iter::once(native)
        .chain(native.sub_architectures().iter().copied())
        .collect();
    crate::bpf::may_return(program, &here, |a| {
        matches!(
            a,
            RetAction::Trap(_)
                | RetAction::KillThread
                | RetAction::KillProcess
                | RetAction::Unknown(_)
        )
    })
}

/// [`observe_variant`], with the calls of `watched` syscalls that the real filter allows also
/// sent to the supervisor (which lets them go on at once): the siblings of denied syscalls
/// that still do their job, so that a run can show what went through. Only these are routed;
/// every other allowed call stays in the kernel. Without `traced` (no tracer follows the
/// command: see [`needs_tracer`]) the command's own `ptrace` calls stay allowed.
pub fn observe_watching(program: &Program, watched: &[&str], traced: bool) -> Program {
    let mapped = program.map_returns(|a| match a {
        RetAction::Allow
        | RetAction::Trap(_)
        | RetAction::KillThread
        | RetAction::KillProcess
        | RetAction::Unknown(_) => a,
        RetAction::Errno(_) | RetAction::Log | RetAction::Trace(_) | RetAction::UserNotif => {
            RetAction::UserNotif
        }
    });
    let ptrace = if traced {
        numbers(&["ptrace"])
    } else {
        Vec::new()
    };
    if watched.is_empty() && ptrace.is_empty() {
        return mapped;
    }
    let allow = RetAction::Allow.to_raw();
    let tail_start = mapped.insns.len();
    // Every ALLOW jumps to the check at the end instead: same length, so no offset moves.
    let mut insns: Vec<Insn> = mapped
        .insns
        .iter()
        .enumerate()
        .map(|(pc, i)| {
            if i.code == op::RET_K && i.k == allow {
                Insn::stmt(op::JMP_JA, (tail_start - pc - 1) as u32)
            } else {
                *i
            }
        })
        .collect();
    insns.extend(allow_tail(watched, &ptrace));
    Program::new(insns)
}

/// The numbers of `names` on every ABI, grouped by the audit token that announces the ABI.
fn numbers(names: &[&str]) -> Vec<(u32, Vec<u32>)> {
    let mut by_token: Vec<(u32, Vec<u32>)> = Vec::new();
    // The native ABI first: most calls are native, and each section they pass costs two
    // instructions.
    let native = Arch::native();
    let arches = std::iter::once(native).chain(Arch::all().filter(|a| *a != native));
    for arch in arches {
        let token = arch.audit_token();
        for syscall in names.iter().filter_map(|n| Catalog.syscall(n)) {
            let Some(nr) = syscall.number(arch) else {
                continue;
            };
            // x32 calls come with x86-64's token and bit 30 set in the number.
            let nr = if arch == Arch::X32 {
                nr | 0x4000_0000
            } else {
                nr
            };
            match by_token.iter_mut().find(|(t, _)| *t == token) {
                Some((_, nrs)) => nrs.push(nr),
                None => by_token.push((token, vec![nr])),
            }
        }
    }
    by_token
}

/// The end of the observed program: ALLOW, unless the call is an attach-like `ptrace`
/// whose numbers are in `ptrace` (TRACE) or a watched syscall (NOTIFY). Watched calls of
/// ABIs past the reach of a BPF jump (255 instructions) are left out; the native ABI comes
/// first.
fn allow_tail(watched: &[&str], ptrace: &[(u32, Vec<u32>)]) -> Vec<Insn> {
    let mut watched = numbers(watched);
    loop {
        let tail = build_tail(ptrace, &watched);
        if tail.is_some() || watched.is_empty() {
            return tail.unwrap_or_else(|| build_tail(ptrace, &[]).unwrap_or_default());
        }
        watched.pop();
    }
}

/// The tail for these numbers; None when a jump would not reach.
fn build_tail(ptrace: &[(u32, Vec<u32>)], watched: &[(u32, Vec<u32>)]) -> Option<Vec<Insn>> {
    // seccomp_data: nr at 0, arch at 4, args[0] at 16 (its low word first on little-endian
    // machines; requests are small numbers, so the low word tells them apart).
    let request_low = if cfg!(target_endian = "little") {
        16
    } else {
        20
    };
    let mut tokens: Vec<u32> = ptrace.iter().map(|(t, _)| *t).collect();
    for (t, _) in watched {
        if !tokens.contains(t) {
            tokens.push(*t);
        }
    }
    let of = |list: &[(u32, Vec<u32>)], token: u32| -> Vec<u32> {
        list.iter()
            .find(|(t, _)| *t == token)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let sections: Vec<(u32, Vec<u32>, Vec<u32>)> = tokens
        .iter()
        .map(|&t| (t, of(ptrace, t), of(watched, t)))
        .collect();
    // Layout: per token [ld arch; jeq token; ld nr; jeq ptrace nr...; jeq watched nr...;
    // ja allow], then allow: ret ALLOW; notify: ret NOTIFY; request: ld arg0;
    // jeq r... -> trace; ret ALLOW; trace: ret TRACE.
    let section_len = |(_, p, w): &(u32, Vec<u32>, Vec<u32>)| 4 + p.len() + w.len();
    let sections_len: usize = sections.iter().map(section_len).sum();
    let allow_at = sections_len;
    let notify_at = allow_at + 1;
    let request_at = notify_at + 1;
    let trace_at = request_at + 1 + ATTACH_REQUESTS.len() + 1;
    let reach = |from: usize, to: usize| u8::try_from(to - from - 1).ok();
    let mut out = Vec::new();
    for section in &sections {
        let (token, ptrace_nrs, watched_nrs) = section;
        let here = out.len();
        let next = here + section_len(section);
        out.push(Insn::stmt(op::LD_W_ABS, 4));
        out.push(Insn::jump(op::JEQ_K, *token, 0, reach(here + 1, next)?));
        out.push(Insn::stmt(op::LD_W_ABS, 0));
        for nr in ptrace_nrs {
            let pc = out.len();
            out.push(Insn::jump(op::JEQ_K, *nr, reach(pc, request_at)?, 0));
        }
        for nr in watched_nrs {
            let pc = out.len();
            out.push(Insn::jump(op::JEQ_K, *nr, reach(pc, notify_at)?, 0));
        }
        let pc = out.len();
        out.push(Insn::stmt(op::JMP_JA, (allow_at - pc - 1) as u32));
    }
    out.push(Insn::stmt(op::RET_K, RetAction::Allow.to_raw()));
    out.push(Insn::stmt(op::RET_K, RetAction::UserNotif.to_raw()));
    if ptrace.is_empty() {
        return Some(out);
    }
    out.push(Insn::stmt(op::LD_W_ABS, request_low));
    for r in ATTACH_REQUESTS {
        let pc = out.len();
        out.push(Insn::jump(op::JEQ_K, r, reach(pc, trace_at)?, 0));
    }
    out.push(Insn::stmt(op::RET_K, RetAction::Allow.to_raw()));
    out.push(Insn::stmt(
        op::RET_K,
        RetAction::Trace(PTRACE_ATTACH_MARK).to_raw(),
    ));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::{self, SeccompData};

    fn run(p: &Program, arch: Arch, name: &str, args: [u64; 6]) -> RetAction {
        let nr = Catalog.syscall(name).unwrap().number(arch).unwrap();
        let nr = if arch == Arch::X32 {
            nr | 0x4000_0000
        } else {
            nr
        };
        RetAction::from_raw(bpf::run(p, &SeccompData::new(arch, nr, args)))
    }

    #[test]
    fn only_allowed_attach_requests_go_to_the_tracer() {
        let allow_all = Program::new(vec![Insn::stmt(op::RET_K, RetAction::Allow.to_raw())]);
        let observed = observe_variant(&allow_all);
        assert!(observed.validate().is_ok(), "{observed:?}");
        let mark = RetAction::Trace(PTRACE_ATTACH_MARK);
        for arch in [Arch::X86_64, Arch::X86, Arch::X32] {
            for (request, want) in [
                (0u64, mark),
                (16, mark),
                (0x4206, mark),
                (12, RetAction::Allow),
                (0x4200, RetAction::Allow),
            ] {
                let got = run(&observed, arch, "ptrace", [request, 1, 0, 0, 0, 0]);
                assert_eq!(got, want, "{arch:?} request {request:#x}");
            }
            assert_eq!(run(&observed, arch, "getpid", [0; 6]), RetAction::Allow);
        }
        // Another ABI's ptrace number is another syscall: ioperm is 101 on i386.
        let ioperm = RetAction::from_raw(bpf::run(
            &observed,
            &SeccompData::new(Arch::X86, 101, [0; 6]),
        ));
        assert_eq!(ioperm, RetAction::Allow);
    }

    #[test]
    fn watched_calls_the_filter_allows_go_to_the_supervisor_and_nothing_else() {
        let allow_all = Program::new(vec![Insn::stmt(op::RET_K, RetAction::Allow.to_raw())]);
        let observed = observe_watching(&allow_all, &["fchmodat", "fchmodat2"], true);
        assert!(observed.validate().is_ok(), "{observed:?}");
        for arch in [Arch::X86_64, Arch::X86, Arch::X32, Arch::AARCH64] {
            for name in ["fchmodat", "fchmodat2"] {
                assert_eq!(
                    run(&observed, arch, name, [0; 6]),
                    RetAction::UserNotif,
                    "{name}"
                );
            }
            assert_eq!(run(&observed, arch, "getpid", [0; 6]), RetAction::Allow);
            let mark = RetAction::Trace(PTRACE_ATTACH_MARK);
            assert_eq!(run(&observed, arch, "ptrace", [16, 1, 0, 0, 0, 0]), mark);
        }
        // A call the filter denies stays the filter's: watching adds nothing to it.
        let deny_all = Program::new(vec![Insn::stmt(op::RET_K, RetAction::Errno(1).to_raw())]);
        let observed = observe_watching(&deny_all, &["fchmodat"], true);
        assert_eq!(
            run(&observed, Arch::X86_64, "fchmodat", [0; 6]),
            RetAction::UserNotif
        );
        assert_eq!(
            observe_watching(&allow_all, &[], true),
            observe_variant(&allow_all),
            "nothing watched: the program observed mode had before"
        );
    }

    #[test]
    fn without_a_tracer_ptrace_stays_allowed_and_only_watched_calls_are_routed() {
        let allow_all = Program::new(vec![Insn::stmt(op::RET_K, RetAction::Allow.to_raw())]);
        assert_eq!(
            observe_watching(&allow_all, &[], false),
            allow_all,
            "nothing to route: the program as it was"
        );
        let observed = observe_watching(&allow_all, &["fchmodat"], false);
        assert!(observed.validate().is_ok(), "{observed:?}");
        for arch in [Arch::X86_64, Arch::X86, Arch::X32] {
            assert_eq!(
                run(&observed, arch, "fchmodat", [0; 6]),
                RetAction::UserNotif
            );
            assert_eq!(
                run(&observed, arch, "ptrace", [16, 1, 0, 0, 0, 0]),
                RetAction::Allow
            );
        }
        let traces = |p: &Program| {
            p.insns.iter().any(|i| {
                i.code == op::RET_K && matches!(RetAction::from_raw(i.k), RetAction::Trace(_))
            })
        };
        assert!(!traces(&observed), "{observed:?}");
    }

    #[test]
    fn a_tracer_is_needed_only_where_a_call_of_this_machine_can_trap_or_be_killed() {
        let ret = |a: RetAction| Program::new(vec![Insn::stmt(op::RET_K, a.to_raw())]);
        assert!(!needs_tracer(&ret(RetAction::Allow)));
        assert!(!needs_tracer(&ret(RetAction::Errno(1))));
        assert!(!needs_tracer(&ret(RetAction::Log)));
        assert!(needs_tracer(&ret(RetAction::Trap(0))));
        assert!(needs_tracer(&ret(RetAction::KillThread)));
        assert!(needs_tracer(&ret(RetAction::KillProcess)));
        let target = crate::profile::Target::host();
        let compiled = |p: &crate::profile::Profile| {
            let c = super::super::build(p, &target, &super::super::Options::default()).unwrap();
            Program::from_bytes(&c.bpf).unwrap()
        };
        // The built-in default lists every ABI of the machine: nothing is killed for its ABI.
        let default = crate::profile::starters::default_profile(&Catalog);
        assert!(!needs_tracer(&compiled(&default)));
        // One ABI left out of the list is one that can be killed.
        let mut native_only = default.clone();
        native_only.arch_map = None;
        native_only.architectures = Some(vec![Arch::native()]);
        assert!(needs_tracer(&compiled(&native_only)));
        let mut traps = default;
        traps.default_action = crate::profile::Action::Trap;
        assert!(needs_tracer(&compiled(&traps)));
    }
}

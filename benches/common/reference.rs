//! The reference for the benches: what a runtime (runc) does with libseccomp alone, from the
//! same planned rules: one filter for x86_64 + x86 + x32, rules added by name, names the
//! installed libseccomp does not know skipped.

use libseccomp::{
    ScmpAction, ScmpArch, ScmpArgCompare, ScmpCompareOp, ScmpFilterContext, ScmpSyscall,
};
use seccompose::compile::Plan;
use seccompose::profile::{self, Op};
use std::io::{Read, Seek};

/// How libseccomp lays out the reference filter.
#[allow(dead_code)] // each bench uses some of them
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefLayout {
    /// Binary tree (optimize level 2), what runc uses above 8 rules.
    Tree,
    /// One comparison after another (libseccomp's default).
    Linear,
}

/// Builds and exports the reference filter; `priorities` (syscall name, 1-255) order the
/// linear layout, hottest first (libseccomp ignores them in the tree).
pub fn bare_libseccomp(
    plan: &Plan,
    default_errno: i32,
    layout: RefLayout,
    priorities: &[(String, u8)],
) -> Vec<u8> {
    let mut ctx = ScmpFilterContext::new(ScmpAction::Errno(default_errno)).unwrap();
    ctx.add_arch(ScmpArch::X86).unwrap();
    ctx.add_arch(ScmpArch::X32).unwrap();
    if layout == RefLayout::Tree {
        ctx.set_ctl_optimize(2).unwrap();
    }
    for rule in &plan.rules {
        let action = match rule.action.semantic() {
            profile::Action::Allow => ScmpAction::Allow,
            profile::Action::Errno => ScmpAction::Errno(rule.errno as i32),
            _ => ScmpAction::KillThread,
        };
        for name in &rule.names {
            let Ok(sys) = ScmpSyscall::from_name(name) else {
                continue;
            };
            for alt in &rule.alternatives {
                let cmps: Vec<ScmpArgCompare> = alt
                    .iter()
                    .map(|c| {
                        let op = match c.op {
                            Op::MaskedEq => ScmpCompareOp::MaskedEqual(c.value),
                            Op::Eq => ScmpCompareOp::Equal,
                            Op::Ne => ScmpCompareOp::NotEqual,
                            Op::Lt => ScmpCompareOp::Less,
                            Op::Le => ScmpCompareOp::LessOrEqual,
                            Op::Gt => ScmpCompareOp::Greater,
                            Op::Ge => ScmpCompareOp::GreaterEqual,
                        };
                        let datum = if c.op == Op::MaskedEq {
                            c.value_two.unwrap_or(0)
                        } else {
                            c.value
                        };
                        ScmpArgCompare::new(c.index, op, datum)
                    })
                    .collect();
                let _ = ctx.add_rule_conditional(action, sys, &cmps);
            }
        }
    }
    for (name, priority) in priorities {
        if let Ok(sys) = ScmpSyscall::from_name(name) {
            let _ = ctx.set_syscall_priority(sys, *priority);
        }
    }
    let mut file = tempfile::tempfile().unwrap();
    ctx.export_bpf(&file).unwrap();
    file.rewind().unwrap();
    let mut out = Vec::new();
    file.read_to_end(&mut out).unwrap();
    out
}

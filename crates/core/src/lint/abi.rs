//! Holes and misreadings that come from 32-bit ABIs a filter also accepts: twins of a call
//! under another name (`chown32`), multiplexers that reach calls with arguments the filter
//! cannot see (`socketcall`, `ipc`), comparisons libseccomp compiles on the low word only.

use super::finding::{Finding, Fix};
use super::scope::{
    action_text, names, names as list_of, push_new, rule_syscalls, unique_names, Scope,
};
use crate::catalog::{Catalog, Syscall, MULTIPLEXERS};
use crate::profile::LintId;
use crate::profile::{rule_errno, Action, Arch, ArgCond, Edit, Op, Rule, Severity};
use crate::text;

/// Whether an ABI passes 32-bit arguments, so libseccomp compares only the low word: the
/// 32-bit ABIs (no `__AUDIT_ARCH_64BIT`) and x32.
pub(super) fn is_32_bit(arch: Arch) -> bool {
    arch.compares_low_word()
}

/// The filter's 32-bit ABIs that have `syscall`.
fn narrow_arches_of(s: &Scope, syscall: &Syscall) -> Vec<Arch> {
    s.arches
        .iter()
        .copied()
        .filter(|&a| is_32_bit(a) && syscall.number(a).is_some())
        .collect()
}

/// Whether a call gets through unconditionally.
fn open_call(s: &Scope, name: &str) -> bool {
    let effect = s.effects.of(name);
    effect.action.allows() && !effect.conditional
}

/// `twin-open`: a rule blocks a call while its twin on a 32-bit ABI the filter accepts
/// (`chown32` on x86) stays allowed. The fix blocks the twins the same way.
pub(super) fn twins(s: &Scope, out: &mut Vec<Finding>) {
    for (index, rule) in s.active_rules() {
        if !rule.action.blocks() || s.profile.rule_has_default_action(rule) {
            continue;
        }
        let mut blocked: Vec<&str> = Vec::new();
        let mut open: Vec<&str> = Vec::new();
        let mut arches: Vec<String> = Vec::new();
        for name in unique_names(rule) {
            let Some(syscall) = Catalog.syscall(name) else {
                continue;
            };
            for twin in syscall.twins() {
                let narrow = narrow_arches_of(s, twin);
                if narrow.is_empty() || !open_call(s, twin.name()) {
                    continue;
                }
                push_new(&mut blocked, name);
                push_new(&mut open, twin.name());
                for a in narrow {
                    push_new(&mut arches, a.to_string());
                }
            }
        }
        if open.is_empty() {
            continue;
        }
        let message = text!(
            "lint-twin-open",
            path = format!("syscalls[{index}]"),
            blocked = names(&blocked),
            action = action_text(rule.action, rule_errno(rule)),
            arches = names(&arches),
            open = names(&open),
            n = open.len(),
        );
        let help = text!("lint-twin-open-help", names = names(&open));
        let mut found = Finding::new(LintId::TwinOpen, Severity::Warning, message, help)
            .at_rule(index, rule)
            .naming(&[&blocked[..], &open[..]].concat());
        if rule.conditions().is_empty() {
            found = found.fixed_by(super::holes::deny_too(&open, rule));
        }
        out.push(found);
    }
}

/// `multiplexer-bypass`: rules that block or test the arguments of calls a multiplexer
/// reaches, while the multiplexer is allowed on a 32-bit ABI of the filter. The fix denies
/// the multiplexer (programs fall back to the direct calls, which the rules then decide).
pub(super) fn multiplexers(s: &Scope, out: &mut Vec<Finding>) {
    for (mux, reached) in MULTIPLEXERS {
        let Some(syscall) = Catalog.syscall(mux) else {
            continue;
        };
        let arches = narrow_arches_of(s, syscall);
        if arches.is_empty() || !open_call(s, mux) {
            continue;
        }
        let mut first: Option<(usize, &Rule)> = None;
        let mut filtered: Vec<&str> = Vec::new();
        for (index, rule) in s.active_rules() {
            let restricts = !rule.conditions().is_empty() || rule.action.blocks();
            if !restricts || s.profile.rule_has_default_action(rule) {
                continue;
            }
            for name in unique_names(rule) {
                if reached.contains(&name) {
                    push_new(&mut filtered, name);
                    first.get_or_insert((index, rule));
                }
            }
        }
        let Some((index, rule)) = first else {
            continue;
        };
        let arches: Vec<String> = arches.iter().map(|a| a.to_string()).collect();
        let message = text!(
            "lint-multiplexer-bypass",
            names = names(&filtered),
            n = filtered.len(),
            path = format!("syscalls[{index}]"),
            arches = names(&arches),
            mux = *mux,
        );
        let errno = rule_errno(rule);
        let help = text!("lint-multiplexer-bypass-help", mux = *mux);
        let fix = Fix::new(
            text!(
                "lint-fix-deny-with",
                names = *mux,
                action = action_text(Action::Errno, errno)
            ),
            Edit::SetAction {
                names: vec![mux.to_string()],
                action: Some(Action::Errno),
                errno: Some(errno),
            },
        );
        out.push(
            Finding::new(LintId::MultiplexerBypass, Severity::Warning, message, help)
                .at_rule(index, rule)
                .naming(&[&filtered[..], &[*mux][..]].concat())
                .fixed_by(fix),
        );
    }
}

/// Whether `v` is a 32-bit value sign-extended to 64 bits (`-100` as 0xffffffffffffff9c).
fn sign_extended(v: u64) -> bool {
    v == (v as u32 as i32 as i64 as u64)
}

/// The values of a condition libseccomp compares: the value, and the mask's operand.
fn compared(c: &ArgCond) -> Vec<u64> {
    match c.op {
        Op::MaskedEq => vec![c.value, c.value_two.unwrap_or(0)],
        _ => vec![c.value],
    }
}

/// `high-bits-32`: a comparison with bits above 32 (not just a sign extension) in a filter
/// with a 32-bit ABI, where libseccomp compiles only the low word.
pub(super) fn high_bits(s: &Scope, out: &mut Vec<Finding>) {
    for (index, rule) in s.active_rules() {
        let syscalls = rule_syscalls(rule);
        let mut arches: Vec<String> = Vec::new();
        for sc in &syscalls {
            for a in narrow_arches_of(s, sc) {
                push_new(&mut arches, a.to_string());
            }
        }
        if arches.is_empty() {
            continue;
        }
        for (at, cond) in rule.conditions().iter().enumerate() {
            let Some(&wide) = compared(cond)
                .iter()
                .find(|&&v| v > 0xFFFF_FFFF && !sign_extended(v))
            else {
                continue;
            };
            let names: Vec<&str> = syscalls.iter().map(|sc| sc.name()).collect();
            let low = match cond.op {
                Op::MaskedEq if cond.value & 0xFFFF_FFFF == 0 => text!("lint-high-bits-mask"),
                _ => text!(
                    "lint-high-bits-tests",
                    value = format!("{:#x}", wide & 0xFFFF_FFFF)
                ),
            };
            let message = text!(
                "lint-high-bits",
                path = format!("syscalls[{index}].args[{at}]"),
                index = cond.index.to_string(),
                names = list_of(&names),
                value = format!("{wide:#x}"),
                arches = list_of(&arches),
                low = low,
            );
            let help = text!("lint-high-bits-help");
            out.push(
                Finding::new(LintId::HighBits32, Severity::Warning, message, help)
                    .at_rule(index, rule)
                    .naming(&names),
            );
        }
    }
}

/// `sign-extension`: a condition on an `int` argument with a negative value or one at or
/// above 2^31. The fix for an equality: MASKED_EQ on the low 32 bits, which both forms pass.
pub(super) fn sign_extension(s: &Scope, out: &mut Vec<Finding>) {
    for (index, rule) in s.active_rules() {
        let syscalls = rule_syscalls(rule);
        for (at, cond) in rule.conditions().iter().enumerate() {
            let v = cond.value;
            let negative = v >= 0x8000_0000 && (v <= 0xFFFF_FFFF || sign_extended(v));
            if cond.op == Op::MaskedEq || !negative {
                continue;
            }
            let hit: Vec<&Syscall> = syscalls
                .iter()
                .copied()
                .filter(|sc| {
                    sc.args()
                        .get(cond.index as usize)
                        .is_some_and(|a| a.is_signed_int())
                })
                .collect();
            let Some(first) = hit.first() else {
                continue;
            };
            let arg = &first.args()[cond.index as usize];
            let names: Vec<&str> = hit.iter().map(|sc| sc.name()).collect();
            let low = v & 0xFFFF_FFFF;
            let other = if v > 0xFFFF_FFFF {
                low
            } else {
                low | 0xFFFF_FFFF_0000_0000
            };
            let message = text!(
                "lint-sign-extension",
                path = format!("syscalls[{index}].args[{at}]"),
                index = cond.index.to_string(),
                names = list_of(&names),
                arg = arg.name(),
                ty = arg.ty(),
                value = format!("{v:#x}"),
                int = (low as u32 as i32).to_string(),
                other = format!("{other:#x}"),
                op = cond.op.name(),
            );
            let help = text!("lint-sign-extension-help");
            let mut found = Finding::new(LintId::SignExtension, Severity::Warning, message, help)
                .at_rule(index, rule)
                .naming(&names);
            if cond.op == Op::Eq {
                let mut fixed = rule.clone();
                if let Some(args) = fixed.args.as_mut() {
                    args[at] = ArgCond {
                        op: Op::MaskedEq,
                        value: 0xFFFF_FFFF,
                        value_two: Some(low),
                        ..cond.clone()
                    };
                }
                found = found.fixed_by(Fix::new(
                    text!(
                        "lint-fix-low-32-bits",
                        index = cond.index.to_string(),
                        path = format!("syscalls[{index}]")
                    ),
                    Edit::ReplaceRule(index, fixed),
                ));
            }
            out.push(found);
        }
    }
}

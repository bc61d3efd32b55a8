//! Turning profile rules into libseccomp rules, runc's way.

use super::resolve::{compare, libseccomp_number, multiplexed};
use super::supplement::Entry;
use super::{effective, runtime, scmp_action, CompileError, Options};
use crate::bpf::RetAction;
use crate::catalog::Catalog;
use crate::i18n::Text;
use crate::profile::{
    alternatives, errno_problem, rule_errno, Action, Arch, ArgCond, Diagnostic, LibseccompVersion,
    Pos, Profile, RuncErrno, Target,
};
use crate::text;
use libseccomp::{ScmpArch, ScmpArgCompare, ScmpFilterContext, ScmpSyscall};

/// One profile rule as it will be compiled: active, not equal to the default, conditions grouped.
#[derive(Debug, Clone)]
pub struct PlannedRule {
    /// Index in `syscalls`.
    pub index: usize,
    /// Source position.
    pub pos: Option<Pos>,
    /// Syscall names the catalog knows.
    pub names: Vec<String>,
    /// The action and its errno.
    pub action: Action,
    /// errno for ERRNO/TRACE.
    pub errno: u64,
    /// Alternatives, OR'ed; each alternative's conditions AND. One empty alternative: unconditional.
    pub alternatives: Vec<Vec<ArgCond>>,
}

/// The rules to compile, and the warnings found while choosing them.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Rules in profile order.
    pub rules: Vec<PlannedRule>,
    /// How many profile rules are active on the target (runc's count for the tree switch).
    pub active_rules: usize,
    /// Skipped names and the like.
    pub warnings: Vec<Diagnostic>,
    /// Errno values libseccomp refuses (runc cannot load the profile): where, and why.
    pub refusals: Vec<(Option<Pos>, Text)>,
    /// Names the catalog knows that the target runtime's libseccomp does not: skipped.
    pub skipped: Vec<Skipped>,
}

/// A name of an active rule that the runtime skips because its libseccomp cannot resolve it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Index in `syscalls`.
    pub index: usize,
    /// The name.
    pub name: String,
    /// The first libseccomp release that knows it, when seccompose knows that.
    pub known_since: Option<LibseccompVersion>,
}

impl Skipped {
    /// One sentence for people: what the runtime does with the name, and why.
    pub fn describe(&self, target: &Target) -> Text {
        let skipped = text!(
            "cli-explain-skipped",
            index = self.index.to_string(),
            runtime = target.runtime.to_string(),
            version = target.libseccomp.to_string(),
            name = self.name.as_str()
        );
        match self.known_since {
            Some(v) => text!(
                "cli-explain-skipped-since",
                skipped = skipped,
                since = v.to_string()
            ),
            None => skipped,
        }
    }
}

/// Chooses what to compile: active rules whose action differs from the default.
pub fn plan(profile: &Profile, target: &Target) -> Plan {
    let mut plan = Plan::default();
    for (index, rule) in profile.rules().iter().enumerate() {
        if !target.is_active(rule) {
            continue;
        }
        plan.active_rules += 1;
        if profile.rule_has_default_action(rule) {
            continue; // libseccomp refuses it and runc skips it: it adds nothing
        }
        let mut names = Vec::new();
        for name in rule.names() {
            if Catalog.syscall(name).is_some() {
                if target.runtime.uses_libseccomp() && !runtime::target_knows(name, target) {
                    let skipped = Skipped {
                        index,
                        name: name.clone(),
                        known_since: runtime::known_since(name),
                    };
                    let pos = rule.pos.unwrap_or_default();
                    plan.warnings
                        .push(Diagnostic::warning(pos, skipped.describe(target)));
                    plan.skipped.push(skipped);
                    continue;
                }
                names.push(name.clone());
            } else {
                plan.warnings.push(Diagnostic::warning(
                    rule.pos.unwrap_or_default(),
                    crate::text!(
                        "load-compile-unknown-syscall",
                        path = format!("syscalls[{index}]"),
                        name = name
                    ),
                ));
            }
        }
        let errno = if rule.action.takes_errno() {
            let runc = RuncErrno::of(rule_errno(rule), rule.action);
            let what = format!("syscalls[{index}].errnoRet");
            if let Some(message) = errno_problem(runc, &what, rule_errno(rule)) {
                let pos = rule.pos.unwrap_or_default();
                if runc.refused {
                    plan.refusals.push((rule.pos, message));
                } else {
                    plan.warnings.push(Diagnostic::warning(pos, message));
                }
            }
            u64::from(runc.data)
        } else {
            0 // runc ignores errnoRet on other actions
        };
        plan.rules.push(PlannedRule {
            index,
            pos: rule.pos,
            names,
            action: rule.action,
            errno,
            alternatives: alternatives(rule.conditions()),
        });
    }
    plan
}

/// How a name is compiled on one architecture.
enum Resolved {
    /// libseccomp knows it: let it translate (and handle multiplexed calls), as runc does.
    ByName(ScmpSyscall),
    /// libseccomp cannot add it on this architecture: our own block, by the catalog's number.
    Supplement(u32),
    /// The architecture has no such call.
    Absent,
}

/// How a (planned, so known to the target) name is compiled on one architecture. With no
/// runtime libseccomp every number the catalog knows is compiled; with one, a name gets into
/// an architecture's section only where the target's libseccomp has a number for it, and by
/// this machine's libseccomp where that one has it too, by our own block where only a newer
/// target's has it.
fn resolve(name: &str, arch: Arch, sarch: ScmpArch, target: &Target) -> Resolved {
    let catalog_nr = Catalog.syscall(name).and_then(|s| s.number(arch));
    let target_has = || {
        !target.runtime.uses_libseccomp()
            || runtime::target_number(name, arch, target).is_some_and(|n| n >= 0)
    };
    let Some(native) = libseccomp_number(name, None) else {
        return match catalog_nr {
            Some(nr) if target_has() => Resolved::Supplement(nr),
            _ => Resolved::Absent,
        };
    };
    let on_arch = libseccomp_number(name, Some(sarch)).unwrap_or(-1);
    match catalog_nr {
        Some(nr) if on_arch < 0 && !multiplexed(name) => {
            if target_has() {
                Resolved::Supplement(nr)
            } else {
                Resolved::Absent
            }
        }
        _ => Resolved::ByName(ScmpSyscall::from(native)),
    }
}

/// Adds the planned rules for one architecture to its single-arch filter; returns the rules
/// libseccomp cannot take, for our own block.
pub(super) fn add_rules(
    ctx: &mut ScmpFilterContext,
    arch: Arch,
    sarch: ScmpArch,
    target: &Target,
    plan: &Plan,
    default: RetAction,
    options: &Options,
) -> Result<Vec<Entry>, CompileError> {
    let mut supplement = Vec::new();
    for rule in &plan.rules {
        let action = effective(rule.action, rule.errno, options);
        if action == default {
            continue;
        }
        for name in &rule.names {
            match resolve(name, arch, sarch, target) {
                Resolved::ByName(sys) => {
                    for conds in &rule.alternatives {
                        let cmps: Vec<ScmpArgCompare> = conds.iter().map(compare).collect();
                        ctx.add_rule_conditional(scmp_action(action), sys, &cmps)
                            .map_err(|e| CompileError::Rule {
                                pos: rule.pos,
                                what: format!("syscalls[{}] ({name} on {arch})", rule.index),
                                message: e.to_string(),
                            })?;
                    }
                }
                Resolved::Supplement(nr) => supplement.push(Entry {
                    name: name.clone(),
                    nr,
                    alternatives: rule.alternatives.clone(),
                    action,
                    rule: rule.index,
                    pos: rule.pos,
                }),
                Resolved::Absent => {}
            }
        }
    }
    Ok(supplement)
}

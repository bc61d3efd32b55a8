//! Holes: calls a profile means to stop but that get through another way, high-risk calls let
//! through, and profiles that stop nothing (or stop the program from starting at all).

use super::finding::{Finding, Fix};
use super::scope::{action_text, names, push_new, unique_names, Scope};
use crate::catalog::{Catalog, Risk, Syscall, MULTIPLEXERS};
use crate::i18n::{Arg, Text};
use crate::profile::LintId;
use crate::profile::{rule_errno, Action, Edit, Rule, Severity};
use crate::text;

/// What one rule (or the default action) blocks while a sibling of it stays allowed.
#[derive(Default)]
pub(super) struct Gap {
    /// The blocked syscalls.
    pub blocked: Vec<&'static str>,
    /// Their siblings that stay allowed.
    pub allowed: Vec<&'static str>,
    /// The families that tie them.
    pub families: Vec<&'static str>,
}

impl Gap {
    /// Adds a blocked syscall and those of its siblings that are still allowed.
    pub fn add(&mut self, syscall: &'static Syscall, open: &[&'static Syscall]) {
        self.blocked.push(syscall.name());
        for s in open {
            push_new(&mut self.allowed, s.name());
        }
        for family in syscall.families() {
            if family
                .members()
                .any(|m| open.iter().any(|o| o.name() == m.name()))
            {
                push_new(&mut self.families, family.name());
            }
        }
    }
}

/// Calls current software should not need (ustat, oldstat, epoll_wait_old): denying them is
/// housekeeping, not an attempt to stop their job.
pub(super) fn is_obsolete(syscall: &Syscall) -> bool {
    syscall.category().id() == "obsolete" || syscall.groups().any(|g| g.name() == "@obsolete")
}

/// The siblings of `syscall` that do its job and stay allowed on the filter's architectures.
/// A riskier call blocked beside a tamer sibling is deliberate (open_by_handle_at versus
/// openat), not a hole; so is one whose sibling needs a capability the target lacks (adjtimex
/// without CAP_SYS_TIME only reads the clock). 32-bit twins and multiplexers have checks of
/// their own (twin-open, multiplexer-bypass) that say what is special about them, unless
/// `native_twins` keeps those the native architecture has (dup2 is named like a twin of dup).
pub(super) fn open_siblings(
    s: &Scope,
    syscall: &Syscall,
    native_twins: bool,
) -> Vec<&'static Syscall> {
    let twins = syscall.twins();
    syscall
        .siblings()
        .into_iter()
        .filter(|sib| {
            !twins.iter().any(|t| t.name() == sib.name()) || (native_twins && s.on_native(sib))
        })
        .filter(|sib| !MULTIPLEXERS.iter().any(|(m, _)| *m == sib.name()))
        .filter(|sib| sib.risk >= syscall.risk && s.exists(sib))
        .filter(|sib| s.effects.of(sib.name()).action.allows() && s.lacks_cap(sib).is_none())
        .collect()
}

/// `incomplete-block` and `enosys-fallback`: a rule blocks a syscall while a sibling that does
/// the same job, and is no less risky, is allowed: the classic "blocked chmod, coreutils calls
/// fchmodat". ENOSYS says "no such call", which steers programs to the sibling: advice where
/// the default allows, nothing at all in an allowlist (Docker fails clone3 that way so that C
/// libraries fall back to clone).
pub(super) fn incomplete_blocks(s: &Scope, out: &mut Vec<Finding>) {
    let enosys = Catalog.errno_value("ENOSYS");
    let allowlist = s.profile.default_action.blocks();
    for (index, rule) in s.active_rules() {
        if !rule.action.blocks() {
            continue;
        }
        let fallback = rule.action == Action::Errno && Some(rule_errno(rule)) == enosys;
        if fallback && allowlist {
            continue;
        }
        let mut gap = Gap::default();
        for name in unique_names(rule) {
            if s.effects.decided_by(name) != Some(index) {
                continue; // another rule decides it; overlap reports that
            }
            // A name this architecture lacks still counts: its siblings are what programs use.
            let Some(syscall) = Catalog.syscall(name).filter(|sc| !is_obsolete(sc)) else {
                continue;
            };
            let open = open_siblings(s, syscall, false);
            if !open.is_empty() {
                gap.add(syscall, &open);
            }
        }
        if gap.blocked.is_empty() {
            continue;
        }
        out.push(gap_finding(s, index, rule, &gap, fallback));
    }
}

fn gap_finding(s: &Scope, index: usize, rule: &Rule, gap: &Gap, fallback: bool) -> Finding {
    let path = format!("syscalls[{index}]");
    let mut origins: Vec<String> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    for n in &gap.allowed {
        push_new(&mut origins, s.origin(n));
        push_new(
            &mut places,
            s.effects
                .decided_by(n)
                .map_or_else(|| s.origin(n), |i| s.rule_at(i)),
        );
    }
    let count = gap.allowed.len();
    let (id, severity, message, help) = if fallback {
        (
            LintId::EnosysFallback,
            Severity::Note,
            text!(
                "lint-enosys-fallback",
                path = path.as_str(),
                blocked = names(&gap.blocked),
                allowed = names(&gap.allowed),
                n = count,
                places = names(&places),
            ),
            text!("lint-enosys-fallback-help"),
        )
    } else {
        // An allowing rule keeps winning over a later block, so the hint names it too.
        let allowing: Vec<&String> = origins
            .iter()
            .filter(|o| o.starts_with("syscalls"))
            .collect();
        let help = if allowing.is_empty() {
            text!(
                "lint-incomplete-block-help",
                allowed = names(&gap.allowed),
                n = count,
                path = path.as_str()
            )
        } else {
            text!(
                "lint-incomplete-block-help-allowing",
                allowed = names(&gap.allowed),
                n = count,
                path = path.as_str(),
                rules = names(&allowing)
            )
        };
        let message = text!(
            "lint-incomplete-block",
            path = path.as_str(),
            blocked = names(&gap.blocked),
            action = action_text(rule.action, rule_errno(rule)),
            allowed = names(&gap.allowed),
            n = count,
            families = names(&gap.families),
            families_n = gap.families.len(),
            places = names(&places),
        );
        let message = match absent_note(s, &gap.blocked) {
            Some(absent) => text!("lint-and-absent", message = message, absent = absent),
            None => message,
        };
        (LintId::IncompleteBlock, Severity::Warning, message, help)
    };
    let named = [&gap.blocked[..], &gap.allowed[..]].concat();
    let found = Finding::new(id, severity, message, help)
        .at_rule(index, rule)
        .naming(&named);
    // A conditional block's conditions name arguments of its own syscalls, not the siblings'.
    if fallback || !rule.conditions().is_empty() {
        return found;
    }
    found.fixed_by(deny_too(&gap.allowed, rule))
}

/// Gives `names` the action and errno of `rule` (taking them out of the rules that allow
/// them), so they are stopped the same way.
pub(super) fn deny_too(syscalls: &[&str], rule: &Rule) -> Fix {
    let errno = rule.action.takes_errno().then(|| rule_errno(rule));
    let action = action_text(rule.action, rule_errno(rule));
    let label = if rule.action == Action::Errno {
        text!(
            "lint-fix-deny-with",
            names = names(syscalls),
            action = action
        )
    } else {
        text!(
            "lint-fix-block-with",
            names = names(syscalls),
            action = action
        )
    };
    Fix::new(
        label,
        Edit::SetAction {
            names: syscalls.iter().map(|n| n.to_string()).collect(),
            action: Some(rule.action),
            errno,
        },
    )
}

/// `open does not even exist on aarch64` for blocked names the filter's architectures lack.
fn absent_note(s: &Scope, blocked: &[&str]) -> Option<Text> {
    let absent: Vec<&str> = blocked
        .iter()
        .copied()
        .filter(|n| Catalog.syscall(n).is_some_and(|sc| !s.exists(sc)))
        .collect();
    if absent.is_empty() {
        return None;
    }
    let arches: Vec<String> = s.arches.iter().map(|a| a.to_string()).collect();
    Some(text!(
        "lint-not-even-exist",
        names = names(&absent),
        n = absent.len(),
        arches = names(&arches)
    ))
}

/// `dangerous-allow`: a high-risk syscall allowed with no argument condition, by a rule or by an
/// allowing default action.
pub(super) fn dangerous_allows(s: &Scope, out: &mut Vec<Finding>) {
    let risky = |name: &str| {
        Catalog
            .syscall(name)
            .filter(|sc| sc.risk == Risk::High && s.exists(sc))
    };
    for (index, rule) in s.active_rules() {
        for name in unique_names(rule) {
            let Some(syscall) = risky(name) else { continue };
            if s.effects.decided_by(name) != Some(index) || !rule.action.allows() {
                continue;
            }
            // A rule gated on a capability or a kernel version allows the call on purpose, for
            // that case (Docker: mount with CAP_SYS_ADMIN, ptrace from 4.8), so it is advice;
            // so is a call that can do harm only with a capability the target lacks.
            let path = format!("syscalls[{index}]");
            let reason = Arg::each(|l| syscall.risk_reason_in(l).to_string());
            let (severity, message) = match (gate(rule), s.lacks_cap(syscall)) {
                (Some(gate), _) => (
                    Severity::Note,
                    text!(
                        "lint-dangerous-allow-gated",
                        path = path,
                        name = name,
                        gate = gate,
                        reason = reason
                    ),
                ),
                (None, Some(cap)) => (
                    Severity::Note,
                    text!(
                        "lint-dangerous-allow-no-cap",
                        path = path,
                        name = name,
                        cap = cap,
                        reason = reason
                    ),
                ),
                (None, None) => (
                    Severity::Warning,
                    text!(
                        "lint-dangerous-allow",
                        path = path,
                        name = name,
                        reason = reason
                    ),
                ),
            };
            let help = text!("lint-dangerous-allow-help", name = name);
            out.push(
                Finding::new(LintId::DangerousAllow, severity, message, help)
                    .at_rule(index, rule)
                    .naming(&[name]),
            );
        }
    }
    let default = s.profile.default_action;
    if !default.allows() || is_no_op(s) {
        return; // a profile that filters nothing gets its own finding
    }
    let through: Vec<&str> = Catalog
        .syscalls()
        .iter()
        .filter(|sc| sc.risk == Risk::High && s.exists(sc) && s.lacks_cap(sc).is_none())
        .filter(|sc| s.effects.decided_by(sc.name()).is_none())
        .filter(|sc| !s.effects.of(sc.name()).conditional)
        .map(|sc| sc.name())
        .collect();
    if through.is_empty() {
        return;
    }
    let message = text!(
        "lint-dangerous-default",
        action = default.to_string(),
        n = through.len(),
        names = through.join(", ")
    );
    let help = text!("lint-dangerous-default-help");
    out.push(
        Finding::new(LintId::DangerousAllow, Severity::Warning, message, help).naming(&through),
    );
}

/// `only with CAP_SYS_ADMIN on kernel 5.8 or later`, when the rule's includes set caps or minKernel.
fn gate(rule: &Rule) -> Option<Text> {
    let includes = rule.includes.as_deref()?;
    let caps = includes.caps.as_deref().filter(|c| !c.is_empty());
    let kernel = includes.min_kernel.as_deref().filter(|k| !k.is_empty());
    match (caps, kernel) {
        (Some(caps), Some(kernel)) => Some(text!(
            "lint-gate-caps-kernel",
            caps = names(caps),
            kernel = kernel
        )),
        (Some(caps), None) => Some(text!("lint-gate-caps", caps = names(caps))),
        (None, Some(kernel)) => Some(text!("lint-gate-kernel", kernel = kernel)),
        (None, None) => None,
    }
}

/// Whether the default action allows and no active rule stops anything.
fn is_no_op(s: &Scope) -> bool {
    s.profile.default_action.allows()
        && s.active_rules()
            .all(|(_, r)| r.action.allows() || r.names().is_empty())
}

/// `no-op-profile`: the default action allows and no rule stops anything on the target.
pub(super) fn filters_nothing(s: &Scope, out: &mut Vec<Finding>) {
    if !is_no_op(s) {
        return;
    }
    let message = text!(
        "lint-no-op-profile",
        action = s.profile.default_action.to_string()
    );
    let help = text!("lint-no-op-profile-help");
    out.push(Finding::new(
        LintId::NoOpProfile,
        Severity::Warning,
        message,
        help,
    ));
}

/// `exec-blocked`: runtimes load the filter and then `execve` the program, so a profile that
/// blocks execve stops every container before it starts.
pub(super) fn exec_blocked(s: &Scope, out: &mut Vec<Finding>) {
    let effect = s.effects.of("execve");
    if !effect.action.blocks() || effect.conditional {
        return;
    }
    let message = text!(
        "lint-exec-blocked",
        action = action_text(effect.action, effect.errno),
        origin = s.origin("execve")
    );
    let help = text!("lint-exec-blocked-help");
    let mut finding = Finding::new(LintId::ExecBlocked, Severity::Warning, message, help);
    if let Some(index) = s.effects.decided_by("execve") {
        finding = finding.at_rule(index, &s.profile.rules()[index]);
    }
    out.push(finding.naming(&["execve"]));
}

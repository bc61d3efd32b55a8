//! Rules that overlap: a syscall named by several rules, where runc lets only one decide.
//! libseccomp's behaviour, which runc inherits: the first active rule without argument
//! conditions wins; such a rule overrides every conditional rule for the syscall wherever it
//! stands; two conditional rules with the same conditions but different actions make it refuse
//! the whole filter.

use super::finding::{Finding, Fix};
use super::scope::{action_text, names as list, push_new, unique_names, Scope};
use crate::profile::alternatives;
use crate::profile::LintId;
use crate::profile::{rule_errno, ArgCond, Edit, Effect, Names, Op, Rule, Severity};
use crate::text;
use std::collections::{HashMap, HashSet};

/// What a rule does to a call it decides.
fn outcome(rule: &Rule) -> Effect {
    Effect {
        action: rule.action,
        errno: rule_errno(rule),
        from_default: false,
        conditional: !rule.conditions().is_empty(),
    }
}

/// `shadowed-rule`, `duplicate-name` and `conflicting-rules`.
pub(super) fn overlapping_rules(s: &Scope, out: &mut Vec<Finding>) {
    for (index, rule) in s.profile.rules().iter().enumerate() {
        repeated_within(index, rule, out);
    }
    // Conditional rules that may decide each syscall, for the same-conditions check.
    let mut conditional: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, rule) in s.active_rules() {
        let mut overridden: Vec<(usize, Vec<&str>)> = Vec::new();
        for name in unique_names(rule) {
            match s.effects.decided_by(name) {
                Some(d) if d != index => add_to_group(&mut overridden, d, name),
                None if !rule.conditions().is_empty()
                    && !s.profile.rule_has_default_action(rule) =>
                {
                    conditional.entry(name).or_default().push(index);
                }
                _ => {}
            }
        }
        for (decider, names) in overridden {
            out.push(overridden_finding(s, index, decider, &names));
        }
    }
    same_conditions(s, &conditional, out);
}

/// Adds `item` to the group of `key`, opening the group at the end when it is new.
fn add_to_group<K: PartialEq, T>(groups: &mut Vec<(K, Vec<T>)>, key: K, item: T) {
    match groups.iter_mut().find(|(k, _)| *k == key) {
        Some((_, items)) => items.push(item),
        None => groups.push((key, vec![item])),
    }
}

/// A rule none of whose `names` it decides, because rule `decider` does.
fn overridden_finding(s: &Scope, index: usize, decider: usize, names: &[&str]) -> Finding {
    let rules = s.profile.rules();
    let (rule, winner) = (&rules[index], &rules[decider]);
    let (mine, theirs) = (outcome(rule), outcome(winner));
    let (mine_text, theirs_text) = (
        action_text(mine.action, mine.errno),
        action_text(theirs.action, theirs.errno),
    );
    let (path, other) = (format!("syscalls[{index}]"), format!("syscalls[{decider}]"));
    let (shown, n) = (list(names), names.len());
    let (id, severity, message, help) = if s.profile.rule_has_default_action(rule) {
        (
            LintId::ShadowedRule,
            Severity::Warning,
            text!(
                "lint-shadowed-default",
                path = path.as_str(),
                names = shown.clone(),
                n = n,
                mine = mine_text,
                theirs = theirs_text,
                other = other.as_str(),
            ),
            text!(
                "lint-shadowed-default-help",
                names = shown,
                n = n,
                other = other
            ),
        )
    } else if mine.same_as(&theirs) {
        let (unconditional, path) = (rule.conditions().is_empty(), path.as_str());
        let message = if unconditional {
            text!(
                "lint-names-again",
                path = path,
                names = shown.clone(),
                n = n,
                theirs = theirs_text,
                other = other
            )
        } else {
            text!(
                "lint-conditions-add-nothing",
                path = path,
                names = shown.clone(),
                n = n,
                theirs = theirs_text,
                other = other
            )
        };
        (
            LintId::DuplicateName,
            Severity::Note,
            message,
            text!("lint-remove-from-help", names = shown, path = path),
        )
    } else if rule.conditions().is_empty() {
        (
            LintId::ShadowedRule,
            Severity::Warning,
            text!(
                "lint-shadowed-rule",
                path = path.as_str(),
                names = shown.clone(),
                n = n,
                mine = mine_text.as_str(),
                theirs = theirs_text,
                other = other.as_str(),
            ),
            text!(
                "lint-shadowed-rule-help",
                names = shown,
                other = other,
                mine = mine_text,
                path = path
            ),
        )
    } else {
        (
            LintId::ShadowedRule,
            Severity::Warning,
            text!(
                "lint-shadowed-conditions",
                path = path.as_str(),
                names = shown.clone(),
                n = n,
                theirs = theirs_text,
                other = other.as_str(),
            ),
            text!(
                "lint-shadowed-conditions-help",
                names = shown,
                other = other,
                path = path
            ),
        )
    };
    let found = Finding::new(id, severity, message, help)
        .at_rule(index, rule)
        .naming(names);
    if id == LintId::DuplicateName {
        return found.fixed_by(without(index, rule, names));
    }
    found
}

/// Takes `names` out of rule `index` (removing the rule when none is left): the other rule
/// already does the same to them, so the two merge into it.
fn without(index: usize, rule: &Rule, names: &[&str]) -> Fix {
    let path = format!("syscalls[{index}]");
    let label = text!("lint-remove-from", names = list(names), path = path);
    let kept: Vec<String> = rule
        .names()
        .iter()
        .filter(|n| !names.contains(&n.as_str()))
        .cloned()
        .collect();
    if kept.is_empty() {
        return Fix::new(label, Edit::RemoveRule(index));
    }
    let mut fixed = rule.clone();
    fixed.names = Some(Names::List(kept));
    Fix::new(label, Edit::ReplaceRule(index, fixed))
}

/// `duplicate-name` for a name listed twice in one rule.
fn repeated_within(index: usize, rule: &Rule, out: &mut Vec<Finding>) {
    let unique = unique_names(rule);
    if unique.len() == rule.names().len() {
        return;
    }
    let mut twice: Vec<&str> = Vec::new();
    for (i, name) in rule.names().iter().enumerate() {
        if rule.names()[..i].contains(name) {
            push_new(&mut twice, name.as_str());
        }
    }
    let path = format!("syscalls[{index}]");
    let message = text!(
        "lint-listed-twice",
        path = path.as_str(),
        names = list(&twice)
    );
    let mut fixed = rule.clone();
    fixed.names = Some(Names::List(unique.iter().map(|n| n.to_string()).collect()));
    let fix = Fix::new(
        text!("lint-fix-list-once", names = list(&twice), path = path),
        Edit::ReplaceRule(index, fixed),
    );
    out.push(
        Finding::new(
            LintId::DuplicateName,
            Severity::Note,
            message,
            text!("lint-remove-repeats"),
        )
        .at_rule(index, rule)
        .naming(&twice)
        .fixed_by(fix),
    );
}

/// A condition as libseccomp compares it: valueTwo counts only for MASKED_EQ.
type CondKey = (u32, &'static str, u64, u64);

/// The alternatives runc makes of a rule's conditions, each as a sorted set.
fn condition_sets(rule: &Rule) -> Vec<Vec<CondKey>> {
    let key = |c: &ArgCond| {
        let two = if c.op == Op::MaskedEq {
            c.value_two.unwrap_or(0)
        } else {
            0
        };
        (c.index, c.op.name(), c.value, two)
    };
    alternatives(rule.conditions())
        .iter()
        .map(|alt| {
            let mut set: Vec<CondKey> = alt.iter().map(key).collect();
            set.sort_unstable();
            set
        })
        .collect()
}

/// `conflicting-rules` (libseccomp refuses the filter) and `duplicate-name` for conditional rules
/// that test a syscall with the same conditions. Rules are indexed by (name, condition set), so
/// a profile of many conditional rules costs what its rules and shared sets cost, not the
/// square of its rules (20,000 rules of one syscall took minutes).
fn same_conditions(s: &Scope, conditional: &HashMap<&str, Vec<usize>>, out: &mut Vec<Finding>) {
    let rules = s.profile.rules();
    let may_decide: HashSet<(&str, usize)> = conditional
        .iter()
        .flat_map(|(name, indices)| indices.iter().map(move |i| (*name, *i)))
        .collect();
    // The earlier rules testing each syscall with each set of conditions, in rule order.
    let mut seen: HashMap<(&str, Vec<CondKey>), Vec<usize>> = HashMap::new();
    // (earlier rule, later rule) → the names they share conditions for, in rule order.
    let mut pairs: Vec<((usize, usize), Vec<&str>)> = Vec::new();
    let mut pair_at: HashMap<(usize, usize), usize> = HashMap::new();
    for (index, rule) in s.active_rules() {
        let sets = condition_sets(rule);
        for name in unique_names(rule) {
            if !may_decide.contains(&(name, index)) {
                continue;
            }
            let mut earlier_rules: Vec<usize> = Vec::new();
            for set in &sets {
                let earlier = seen.entry((name, set.clone())).or_default();
                earlier_rules.extend(earlier.iter().copied());
                if earlier.last() != Some(&index) {
                    earlier.push(index);
                }
            }
            earlier_rules.sort_unstable();
            earlier_rules.dedup();
            for earlier in earlier_rules {
                let at = *pair_at.entry((earlier, index)).or_insert_with(|| {
                    pairs.push(((earlier, index), Vec::new()));
                    pairs.len() - 1
                });
                push_new(&mut pairs[at].1, name);
            }
        }
    }
    for ((earlier, index), names) in pairs {
        let (first, rule) = (&rules[earlier], &rules[index]);
        let shown = list(&names);
        let same = outcome(first).same_as(&outcome(rule));
        let (path, earlier) = (format!("syscalls[{index}]"), format!("syscalls[{earlier}]"));
        let (id, severity, message, help) = if same {
            (
                LintId::DuplicateName,
                Severity::Note,
                text!(
                    "lint-repeats-condition",
                    path = path.as_str(),
                    earlier = earlier,
                    names = shown.clone()
                ),
                text!("lint-remove-from-help", names = shown, path = path),
            )
        } else {
            (
                LintId::ConflictingRules,
                Severity::Error,
                text!(
                    "lint-conflicting-rules",
                    earlier = earlier,
                    path = path,
                    names = shown.clone(),
                    first = action_text(first.action, rule_errno(first)),
                    second = action_text(rule.action, rule_errno(rule)),
                ),
                text!("lint-conflicting-rules-help", names = shown),
            )
        };
        let found = Finding::new(id, severity, message, help)
            .at_rule(index, rule)
            .naming(&names);
        out.push(if same {
            found.fixed_by(without(index, rule, &names))
        } else {
            found
        });
    }
}

//! Turning a recorded run into additions to a draft: only the calls the draft would stop
//! (judged as replay judges them, with their arguments), each syscall as the narrowest rule
//! that lets its calls through, appended after the draft's own rules, which stay as they are.

use super::replay::{replay, stopped_calls, Call, Recording, Stopped};
use super::{describe_action, rule_place};
use crate::narrow::{additions, chosen_rules, Addition};
use seccompose_core::compile::{self, deciding_rule, CompileError};
use seccompose_core::profile::{Action, Profile, Rule, Target};

/// What a recording proposes to add to a draft.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Proposal {
    /// One per syscall the draft would stop for some recorded call, in name order.
    pub additions: Vec<Addition>,
    /// Syscalls the draft would stop that a rule added after the draft's own cannot let
    /// through: these need a change of the draft's rule by hand.
    pub held: Vec<Held>,
    /// Stopped calls whose number the catalog cannot name, so no rule can name them (the first
    /// call of each number).
    pub unnamed: Vec<Call>,
    /// A note, not additions: syscalls the run did not make that do the job of ones it
    /// made, with the one each stands in for (see [`unseen_siblings`]).
    pub unseen: Vec<(&'static str, &'static str)>,
    /// How many distinct calls were judged.
    pub distinct: usize,
    /// How many of them the draft would stop.
    pub stopped: usize,
}

impl Proposal {
    /// Whether there is nothing to add and nothing held back.
    pub fn is_empty(&self) -> bool {
        self.additions.is_empty() && self.held.is_empty() && self.unnamed.is_empty()
    }

    /// The draft with the chosen additions appended (`narrow[i]`: addition `i` in its narrow
    /// form, else by name); the draft's own rules are kept as they are.
    pub fn apply(&self, draft: &Profile, narrow: &[bool]) -> Profile {
        let mut out = draft.clone();
        out.syscalls
            .get_or_insert_with(Vec::new)
            .extend(self.rules(narrow));
        out
    }

    /// The rules the chosen additions add (see [`Proposal::apply`]).
    pub fn rules(&self, narrow: &[bool]) -> Vec<Rule> {
        chosen_rules(
            self.additions
                .iter()
                .zip(narrow.iter().copied().chain(std::iter::repeat(true))),
        )
    }
}

/// A syscall the proposal cannot allow by adding rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The syscall.
    pub name: String,
    /// The draft's rule that still decides (None: the default action, or not known).
    pub rule: Option<usize>,
    /// Why, in words.
    pub why: seccompose_core::i18n::Text,
}

/// Judges every recorded call against `draft` and proposes, for the calls it would stop, the
/// narrowest rules that let them through; what the draft's own rules would still stop after
/// the additions is held back instead (checked by compiling and judging again).
pub fn propose(
    recording: &Recording,
    draft: &Profile,
    target: &Target,
) -> Result<Proposal, CompileError> {
    let (stopped, actions) = stopped_calls(recording, draft, target)?;
    // Syscalls a rule of the draft stops on purpose (not by the default action): a call such
    // a rule decides is held back, never allowed over the rule's head.
    let stopping: Vec<&str> = draft
        .rules()
        .iter()
        .filter(|r| !r.action.allows() && !draft.rule_has_default_action(r))
        .flat_map(|r| r.names().iter().map(String::as_str))
        .collect();
    let plan = (!stopping.is_empty()).then(|| compile::plan(draft, target));
    let mut unnamed = Vec::new();
    let mut held: Vec<Held> = Vec::new();
    let mut named = Vec::new();
    let mut proposed = Recording::default();
    for ((call, count), action) in stopped.calls.iter().zip(&actions) {
        let Some(name) = call.name() else {
            if !unnamed
                .iter()
                .any(|c: &Call| (c.arch, c.nr) == (call.arch, call.nr))
            {
                unnamed.push(*call);
            }
            continue;
        };
        let decided = plan
            .as_ref()
            .filter(|_| stopping.contains(&name))
            .and_then(|plan| deciding_rule(plan, name, &call.args, *action));
        match decided {
            Some(rule) => {
                if !held.iter().any(|h| h.name == name) {
                    let place = rule_place(Some(rule), draft)
                        .unwrap_or_else(|| format!("syscalls[{rule}]"));
                    held.push(Held {
                        name: name.to_string(),
                        rule: Some(rule),
                        why: seccompose_core::text!(
                            "cli-record-held",
                            place = place,
                            action = describe_action(*action)
                        ),
                    });
                }
            }
            None => {
                named.push((call.arch, name, call.args));
                proposed.calls.push((*call, *count));
            }
        }
    }
    let mut proposal = Proposal {
        additions: additions(named),
        held,
        unnamed,
        unseen: unseen_siblings(recording, draft, target),
        distinct: recording.calls.len(),
        stopped: stopped.calls.len(),
    };
    if proposal.additions.is_empty() {
        return Ok(proposal);
    }
    // Rules of one action are OR'ed, so where every rule of the draft naming a syscall
    // allows (or only repeats the default action), an appended ALLOW rule lets its calls
    // through: only the other syscalls need compiling and judging again.
    let contested: Vec<Addition> = proposal
        .additions
        .iter()
        .filter(|a| stopping.contains(&a.name.as_str()))
        .cloned()
        .collect();
    if !contested.is_empty() {
        let still = held_back(&contested, &proposed, draft, target);
        proposal
            .additions
            .retain(|a| !still.iter().any(|h| h.name == a.name));
        proposal.held.extend(still);
    }
    proposal.held.sort_by(|a, b| a.name.cmp(&b.name));
    proposal.held.dedup_by(|a, b| a.name == b.name);
    Ok(proposal)
}

/// Syscalls the run did not make that do the same job as ones it made (the catalog's
/// families), exist on the target and are not allowed by name in the draft: another C library
/// or kernel, or an error path, may call them instead. Each comes with the call it stands in
/// for. High-risk ones are left out: a note should not nudge towards them.
pub fn unseen_siblings(
    recording: &Recording,
    draft: &Profile,
    target: &Target,
) -> Vec<(&'static str, &'static str)> {
    use seccompose_core::catalog::{Catalog, Risk};
    let made: std::collections::BTreeSet<&'static str> = recording
        .calls
        .iter()
        .filter_map(|(c, _)| c.name())
        .collect();
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for &name in &made {
        let Some(syscall) = Catalog.syscall(name) else {
            continue;
        };
        for sib in syscall.siblings() {
            let fits = sib.number(target.arch).is_some()
                && sib.risk != Risk::High
                && !made.contains(sib.name())
                && !out.iter().any(|(n, _)| *n == sib.name())
                && seccompose_core::profile::view(draft, sib.name(), target)
                    .action
                    .semantic()
                    != Action::Allow;
            if fits {
                out.push((sib.name(), name));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The additions that do not let their calls through once appended to the draft, judged by
/// compiling the draft with all of them (or, when libseccomp refuses that, with each alone)
/// and replaying the stopped calls.
fn held_back(
    adds: &[Addition],
    stopped: &Recording,
    draft: &Profile,
    target: &Target,
) -> Vec<Held> {
    // Only the rules and calls of these syscalls bear on their verdicts: the rest of the
    // draft and of the recording is left out of the check, which is a compile and a replay.
    let names = |n: &str| adds.iter().any(|a| a.name == n);
    let calls = Recording {
        calls: stopped
            .calls
            .iter()
            .filter(|(c, _)| c.name().is_some_and(names))
            .copied()
            .collect(),
    };
    let mut own = draft.clone();
    if let Some(rules) = &mut own.syscalls {
        rules.retain(|r| r.names().iter().any(|n| names(n)));
    }
    let with = |chosen: &[Addition]| {
        let mut p = own.clone();
        p.syscalls
            .get_or_insert_with(Vec::new)
            .extend(chosen_rules(chosen.iter().map(|a| (a, true))));
        replay(&calls, &p, target)
    };
    let still = |stops: Vec<Stopped>, name: &str| -> Vec<Held> {
        stops
            .into_iter()
            .filter(|s| {
                s.name == name || (name.is_empty() && adds.iter().any(|a| a.name == s.name))
            })
            .map(|s| Held {
                why: seccompose_core::text!(
                    "cli-record-held-first",
                    action = describe_action(s.action)
                ),
                name: s.name,
                rule: None,
            })
            .collect()
    };
    match with(adds) {
        Ok(r) => still(r.stopped, ""),
        Err(_) => adds
            .iter()
            .flat_map(|a| match with(std::slice::from_ref(a)) {
                Ok(r) => still(r.stopped, &a.name),
                Err(e) => vec![Held {
                    name: a.name.clone(),
                    rule: None,
                    why: seccompose_core::text!("cli-record-held-compile", error = e.to_string()),
                }],
            })
            .collect(),
    }
}

/// A profile allowing what a recording used: `base` (or, without one, a profile whose default
/// is ERRNO for the architectures seen, native first) with the proposal's additions appended,
/// narrow unless `names_only`. Returns the proposal too, for what it says.
pub fn recorded_profile(
    recording: &Recording,
    base: Option<&Profile>,
    target: &Target,
    names_only: bool,
) -> Result<(Profile, Proposal), CompileError> {
    let draft = match base {
        Some(b) => b.clone(),
        None => {
            let mut p = Profile::new(Action::Errno);
            let mut arches = vec![target.arch];
            for (call, _) in &recording.calls {
                if !arches.contains(&call.arch) {
                    arches.push(call.arch);
                }
            }
            p.architectures = Some(arches);
            p
        }
    };
    let proposal = propose(recording, &draft, target)?;
    let narrow = vec![!names_only; proposal.additions.len()];
    Ok((proposal.apply(&draft, &narrow), proposal))
}

#[cfg(test)]
mod tests;

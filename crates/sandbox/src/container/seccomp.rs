//! The `linux.seccomp` object a container run hands the runtime: the draft itself when
//! enforcing, and its observed-mode rewrite otherwise.
//!
//! The observed rewrite is the host's (`compile::observe_watching`) in the runtime's terms:
//! every rule whose effect a supervisor can give (ERRNO, LOG, TRACE, NOTIFY) becomes
//! SCMP_ACT_NOTIFY, TRAP and KILL stay with the kernel. runc refuses NOTIFY as the default
//! action and for `write` (its init writes to its parent after loading the filter), so a
//! default that would be notified stays as it is and every syscall that reaches it is named in
//! one more NOTIFY rule instead: libseccomp lets that rule replace a name's conditional rules,
//! so their calls are notified too, and the supervisor answers them as the real filter would.

use seccompose_core::catalog::Catalog;
use seccompose_core::compile::target_knows;
use seccompose_core::i18n::Text;
use seccompose_core::profile::formats::resolve;
use seccompose_core::profile::{to_value, Action, Names, Profile, Rule, Target};
use serde_json::Value;
use std::collections::BTreeSet;

/// The syscall runc will not let a NOTIFY rule name.
const NEVER_NOTIFIED: &str = "write";

/// Whether the observed filter hands `action` to the supervisor.
fn notified(action: Action) -> bool {
    matches!(
        action,
        Action::Errno | Action::Log | Action::Trace | Action::Notify
    )
}

/// The draft as the runtime reads it (Docker-only fields resolved for `target`), unchanged
/// otherwise: what enforcement loads.
pub fn enforced(profile: &Profile, target: &Target) -> Value {
    to_value(&resolve(profile, target).profile)
}

/// The observed-mode rewrite of `profile` for `target`, reporting to `listener`; and one line
/// for each thing the rewrite cannot observe.
pub fn observed(profile: &Profile, target: &Target, listener: &str) -> (Value, Vec<Text>) {
    let mut out = resolve(profile, target).profile;
    let mut notes = Vec::new();
    let mut rules = Vec::new();
    let mut decided = BTreeSet::new();
    let mut held = BTreeSet::new();
    for rule in out.syscalls.take().unwrap_or_default() {
        if rule.conditions().is_empty() {
            decided.extend(rule.names().iter().cloned());
        } else if !notified(rule.action) && rule.action != Action::Allow {
            // TRAP and KILL only the kernel gives: a NOTIFY rule must not replace them.
            held.extend(rule.names().iter().cloned());
        }
        if !notified(rule.action) {
            rules.push(rule);
            continue;
        }
        let (kept, names): (Vec<String>, Vec<String>) = rule
            .names()
            .iter()
            .cloned()
            .partition(|n| n == NEVER_NOTIFIED);
        if !kept.is_empty() {
            notes.push(unobserved_write());
            rules.push(Rule {
                names: Some(Names::List(kept)),
                ..rule.clone()
            });
        }
        if !names.is_empty() {
            rules.push(Rule {
                names: Some(Names::List(names)),
                action: Action::Notify,
                errno_ret: None,
                ..rule
            });
        }
    }
    if notified(out.default_action) {
        let reaching: Vec<String> = Catalog
            .syscalls()
            .iter()
            .map(|s| s.name())
            .filter(|n| target_knows(n, target) && !decided.contains(*n) && !held.contains(*n))
            .filter(|n| *n != NEVER_NOTIFIED)
            .map(str::to_string)
            .collect();
        if !decided.contains(NEVER_NOTIFIED) {
            notes.push(unobserved_write());
        }
        if !held.is_empty() {
            let names: Vec<String> = held.iter().cloned().collect();
            notes.push(seccompose_core::text!(
                "cli-container-held-by-default",
                names = names.join(", ")
            ));
        }
        if !reaching.is_empty() {
            rules.push(Rule::new(reaching, Action::Notify));
        }
    }
    notes.dedup();
    out.syscalls = Some(rules);
    out.listener_path = Some(listener.to_string());
    (to_value(&out), notes)
}

/// What `record --container` hands the runtime: everything allowed, every syscall the
/// catalog knows notified (but `write`, which runc will not let be), so that the agent notes
/// each call of the runtime's start-up and of the command.
pub fn recording(target: &Target, listener: &str) -> Value {
    let names: Vec<String> = Catalog
        .syscalls()
        .iter()
        .map(|s| s.name())
        .filter(|n| *n != NEVER_NOTIFIED && target_knows(n, target))
        .map(str::to_string)
        .collect();
    let mut p = Profile::new(Action::Allow);
    p.syscalls = Some(vec![Rule::new(names, Action::Notify)]);
    p.listener_path = Some(listener.to_string());
    to_value(&p)
}

/// Whether a `linux.seccomp` object has a NOTIFY rule (the runtime then connects to its
/// listener).
pub fn notifies(seccomp: &Value) -> bool {
    seccomp["syscalls"]
        .as_array()
        .is_some_and(|rules| rules.iter().any(|r| r["action"] == "SCMP_ACT_NOTIFY"))
}

fn unobserved_write() -> Text {
    seccompose_core::text!("cli-container-unobserved-write")
}

#[cfg(test)]
mod tests {
    use super::*;
    use seccompose_core::profile::parse;

    fn profile(text: &str) -> Profile {
        parse(text, &Catalog).profile.unwrap()
    }

    fn actions(v: &Value) -> Vec<(String, String)> {
        v["syscalls"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| {
                let action = r["action"].as_str().unwrap().to_string();
                r["names"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(move |n| (n.as_str().unwrap().to_string(), action.clone()))
            })
            .collect()
    }

    #[test]
    fn denied_calls_are_notified_and_the_default_is_kept() {
        let p = profile(
            r#"{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
                {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"},
                {"names": ["mkdir"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
                {"names": ["ptrace"], "action": "SCMP_ACT_KILL_PROCESS"},
                {"names": ["personality"], "action": "SCMP_ACT_TRAP",
                 "args": [{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}"#,
        );
        let (v, notes) = observed(&p, &Target::host(), "/run/x.sock");
        assert_eq!(v["defaultAction"], "SCMP_ACT_ERRNO");
        assert_eq!(v["listenerPath"], "/run/x.sock");
        let a = actions(&v);
        let of = |n: &str| -> Vec<&str> {
            a.iter()
                .filter(|(m, _)| m == n)
                .map(|(_, x)| x.as_str())
                .collect()
        };
        assert_eq!(of("read"), ["SCMP_ACT_ALLOW"]);
        assert_eq!(of("write"), ["SCMP_ACT_ALLOW"]);
        assert_eq!(of("mkdir"), ["SCMP_ACT_NOTIFY"]);
        assert_eq!(of("ptrace"), ["SCMP_ACT_KILL_PROCESS"]);
        assert_eq!(of("personality"), ["SCMP_ACT_TRAP"]);
        // Reaching the default: notified.
        assert_eq!(of("capset"), ["SCMP_ACT_NOTIFY"]);
        assert!(
            notes.iter().any(|n| n.english().contains("personality")),
            "{notes:?}"
        );
    }

    #[test]
    fn an_allowing_default_stays_and_only_the_rules_change() {
        let p = profile(
            r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
                {"names": ["mkdir", "write"], "action": "SCMP_ACT_ERRNO"}]}"#,
        );
        let (v, notes) = observed(&p, &Target::host(), "/s");
        assert_eq!(v["defaultAction"], "SCMP_ACT_ALLOW");
        let a = actions(&v);
        assert!(a.contains(&("mkdir".into(), "SCMP_ACT_NOTIFY".into())));
        assert!(a.contains(&("write".into(), "SCMP_ACT_ERRNO".into())));
        assert_eq!(a.len(), 2);
        assert!(notes[0].english().contains("write is not observed"));
        assert_eq!(
            enforced(&p, &Target::host())["syscalls"][0]["action"],
            "SCMP_ACT_ERRNO"
        );
    }
}

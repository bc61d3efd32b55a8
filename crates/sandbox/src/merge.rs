//! Merging profiles, checked the way replay judges: the rule-by-rule union
//! ([`seccompose_core::profile::merge`]) is compiled and run in the emulator on calls at the edges of
//! every condition of every file. An added rule that libseccomp refuses, or that would let
//! through a call no file allows, is taken out again, and the merge says so.

use seccompose_core::bpf::{self, Program, RetAction, SeccompData};
use seccompose_core::catalog::Catalog;
use seccompose_core::compile::{self, CompileError, Options};
use seccompose_core::i18n::Text;
use seccompose_core::profile::merge::union;
use seccompose_core::profile::{Profile, Target};
use std::collections::BTreeSet;

/// A checked union and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The union.
    pub profile: Profile,
    /// Disagreements and what was left out, in sentences.
    pub notes: Vec<Text>,
}

fn program(p: &Profile, target: &Target) -> Result<Program, CompileError> {
    compile::build(p, target, &Options::default())?.program()
}

fn allows(program: &Program, target: &Target, nr: u32, args: [u64; 6]) -> bool {
    let data = SeccompData::new(target.arch, nr, args);
    RetAction::from_raw(bpf::run(program, &data)).allows()
}

/// Calls of `name` at the edges of every condition any of `profiles` puts on it: each edge
/// value in each argument, and a spread of combinations.
fn edge_calls(name: &str, profiles: &[Profile]) -> Vec<[u64; 6]> {
    let mut edges: [BTreeSet<u64>; 6] = Default::default();
    for p in profiles {
        for r in p
            .rules()
            .iter()
            .filter(|r| r.names().iter().any(|n| n == name))
        {
            for c in r.conditions() {
                let Some(set) = edges.get_mut(c.index as usize) else {
                    continue;
                };
                let two = c.value_two.unwrap_or(0);
                for v in [c.value, two, c.value & two, two | !c.value] {
                    for x in [v, v.wrapping_sub(1), v.wrapping_add(1), v & 0xFFFF_FFFF] {
                        set.insert(x);
                    }
                }
            }
        }
    }
    let edges: Vec<Vec<u64>> = edges
        .into_iter()
        .map(|s| {
            let mut v: Vec<u64> = s.into_iter().collect();
            v.insert(0, 0);
            v
        })
        .collect();
    let mut calls = Vec::new();
    for (i, values) in edges.iter().enumerate() {
        for &v in values {
            let mut args = [0u64; 6];
            args[i] = v;
            calls.push(args);
        }
    }
    for k in 0..64usize {
        let mut args = [0u64; 6];
        for (i, values) in edges.iter().enumerate() {
            args[i] = values[(k * (2 * i + 3) + k / 7) % values.len()];
        }
        calls.push(args);
    }
    calls
}

/// The union of `profiles` (the first one's settings kept), checked in the emulator on
/// `target`; `labels` name the files in the notes.
pub fn merge(
    profiles: &[Profile],
    labels: &[String],
    target: &Target,
) -> Result<Merged, CompileError> {
    let Some((first, rest)) = profiles.split_first() else {
        return Ok(Merged {
            profile: Profile::new(seccompose_core::profile::Action::Errno),
            notes: Vec::new(),
        });
    };
    let others: Vec<&Profile> = rest.iter().collect();
    let u = union(first, &others, labels);
    let mut notes = u.notes;
    let inputs: Vec<Program> = profiles
        .iter()
        .map(|p| program(p, target))
        .collect::<Result<_, _>>()?;
    let base_len = first.rules().len();
    let mut profile = u.profile;
    // Add back one rule at a time when libseccomp refuses the whole, leaving out what it refuses.
    if program(&profile, target).is_err() {
        let added: Vec<_> = profile.rules()[base_len..].to_vec();
        profile = first.clone();
        for rule in added {
            let mut next = profile.clone();
            next.syscalls
                .get_or_insert_with(Vec::new)
                .push(rule.clone());
            match program(&next, target) {
                Ok(_) => profile = next,
                Err(e) => notes.push(seccompose_core::text!(
                    "cli-merge-left-out",
                    names = rule.names().join(", "),
                    error = e.to_string()
                )),
            }
        }
    }
    let names: BTreeSet<String> = profiles
        .iter()
        .flat_map(|p| p.rules().iter().flat_map(|r| r.names().iter().cloned()))
        .collect();
    loop {
        let merged = program(&profile, target)?;
        let mut widened = Vec::new();
        let mut short = Vec::new();
        for name in &names {
            let Some(nr) = Catalog.syscall(name).and_then(|s| s.number(target.arch)) else {
                continue;
            };
            for args in edge_calls(name, profiles) {
                let any = inputs.iter().any(|p| allows(p, target, nr, args));
                match (any, allows(&merged, target, nr, args)) {
                    (false, true) => {
                        widened.push(name.clone());
                        break;
                    }
                    (true, false) if !short.contains(name) => short.push(name.clone()),
                    _ => {}
                }
            }
        }
        if widened.is_empty() {
            if !short.is_empty() {
                notes.push(seccompose_core::text!(
                    "cli-merge-short",
                    names = short.join(", ")
                ));
            }
            break;
        }
        notes.push(seccompose_core::text!(
            "cli-merge-widened",
            names = widened.join(", ")
        ));
        let rules = profile.syscalls.get_or_insert_with(Vec::new);
        let before = rules.clone();
        for rule in rules.iter_mut().skip(base_len) {
            let kept: Vec<String> = rule
                .names()
                .iter()
                .filter(|n| !widened.contains(n))
                .cloned()
                .collect();
            rule.names = Some(seccompose_core::profile::Names::List(kept));
        }
        let mut i = 0;
        rules.retain(|r| {
            i += 1;
            i <= base_len || !r.names().is_empty()
        });
        if *rules == before {
            // Nothing added names them: the first file's own rules allow it, so some file does.
            break;
        }
    }
    Ok(Merged { profile, notes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::{random_call, random_draft, target};
    use seccompose_core::bpf::testutil::Rng;

    /// For random pairs of drafts, judged on the compiled programs: the merge allows what
    /// the first allowed, and nothing that neither allowed.
    #[test]
    fn merge_keeps_the_first_and_never_allows_what_neither_allowed() {
        let mut rng = Rng(0x00de_ad22_0b0e_0001);
        let t = target();
        let mut judged = 0;
        for _ in 0..120 {
            let (a, b) = (random_draft(&mut rng), random_draft(&mut rng));
            let (Ok(pa), Ok(pb)) = (program(&a, &t), program(&b, &t)) else {
                continue;
            };
            let merged = merge(&[a.clone(), b.clone()], &[], &t).unwrap();
            let pm = program(&merged.profile, &t).expect("the merge compiles");
            for _ in 0..300 {
                let c = random_call(&mut rng);
                let (ina, inb) = (allows(&pa, &t, c.nr, c.args), allows(&pb, &t, c.nr, c.args));
                let inm = allows(&pm, &t, c.nr, c.args);
                assert!(
                    !ina || inm,
                    "{c:?}: allowed by {a:#?}, not by {:#?}",
                    merged.profile
                );
                assert!(
                    ina || inb || !inm,
                    "{c:?} widened: {a:#?} {b:#?} -> {:#?}",
                    merged.profile
                );
            }
            judged += 1;
        }
        assert!(judged > 80, "only {judged} pairs compiled");
    }
}

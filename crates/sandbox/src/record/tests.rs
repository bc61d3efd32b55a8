//! Tests of proposals: unit cases and the property test on random drafts and recordings.

use super::*;
use crate::narrow::value_args;
use crate::replay::Tally;
use crate::testgen::{nr, random_call, random_draft, target};
use seccompose_core::bpf::testutil::Rng;
use seccompose_core::bpf::{self, Program, RetAction, SeccompData};
use seccompose_core::compile::{self, Options};
use seccompose_core::profile::{Arch, ArgCond, Op};

fn program(p: &Profile) -> Option<Program> {
    let c = compile::build(p, &target(), &Options::default()).ok()?;
    Program::from_bytes(&c.bpf).ok()
}

fn allows(program: &Program, call: &Call) -> bool {
    let data = SeccompData::new(call.arch, call.nr, call.args);
    RetAction::from_raw(bpf::run(program, &data)).allows()
}

/// The note lists same-job syscalls the run did not make and the draft does not allow by
/// name, never a high-risk one, never one the run made.
#[test]
fn unseen_siblings_are_a_note_of_what_the_run_did_not_call() {
    let mut tally = Tally::default();
    for name in ["openat", "clone"] {
        tally.add(Arch::X86_64, nr(name), [0; 6]);
    }
    let rec = tally.finish();
    let mut draft = Profile::new(Action::Errno);
    draft.syscalls = Some(vec![Rule::new(vec!["open".into()], Action::Allow)]);
    let unseen = unseen_siblings(&rec, &draft, &target());
    assert!(unseen.contains(&("openat2", "openat")), "{unseen:?}");
    assert!(unseen.contains(&("fork", "clone")), "{unseen:?}");
    assert!(!unseen.iter().any(|(n, _)| *n == "open"), "allowed already");
    assert!(!unseen
        .iter()
        .any(|(n, _)| ["unshare", "setns", "openat"].contains(n)));
    let p = propose(&rec, &draft, &target()).unwrap();
    assert_eq!(p.unseen, unseen);
    assert!(p
        .rules(&[])
        .iter()
        .all(|r| !r.names().contains(&"openat2".to_string())));
}

/// A call a rule of the draft stops on purpose is held back and said, never allowed over
/// the rule's head; other calls of the same syscall, which only the default stops, are
/// still proposed; the draft's rules stay as they are.
#[test]
fn a_stopping_rule_of_the_draft_is_held_back_not_overridden() {
    let mut tally = Tally::default();
    tally.add(Arch::X86_64, nr("socket"), [40, 1, 0, 0, 0, 0]);
    tally.add(Arch::X86_64, nr("socket"), [2, 1, 0, 0, 0, 0]);
    tally.add(Arch::X86_64, nr("personality"), [8, 0, 0, 0, 0, 0]);
    let rec = tally.finish();
    let mut draft = Profile::new(Action::Errno);
    let mut vsock = Rule::new(vec!["socket".into()], Action::Errno);
    vsock.errno_ret = Some(13);
    vsock.args = Some(vec![ArgCond::new(0, Op::Eq, 40, None)]);
    draft.syscalls = Some(vec![vsock]);
    let (result, p) = recorded_profile(&rec, Some(&draft), &target(), false).unwrap();
    let held: Vec<&str> = p.held.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(held, ["socket"]);
    let why = p.held[0].why.english();
    assert!(why.contains("syscalls[0]"), "{why}");
    assert!(why.contains("on purpose"), "{why}");
    let added: Vec<&str> = p.additions.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(added, ["personality", "socket"]);
    assert_eq!(result.rules()[0], draft.rules()[0]);
    let after = program(&result).unwrap();
    let call = |name: &str, a0: u64| Call {
        arch: Arch::X86_64,
        nr: nr(name),
        args: [a0, 1, 0, 0, 0, 0],
    };
    assert!(allows(&after, &call("socket", 2)));
    let data = SeccompData::new(Arch::X86_64, nr("socket"), [40, 1, 0, 0, 0, 0]);
    assert_eq!(
        RetAction::from_raw(bpf::run(&after, &data)),
        RetAction::Errno(13)
    );
}

/// A number the catalog cannot name is said once, never turned into a rule.
#[test]
fn an_unnamed_number_is_said_once_and_not_added() {
    let mut tally = Tally::default();
    tally.add(Arch::X86_64, 999, [1, 0, 0, 0, 0, 0]);
    tally.add(Arch::X86_64, 999, [2, 0, 0, 0, 0, 0]);
    tally.add(Arch::X86_64, nr("getpid"), [0; 6]);
    let p = propose(&tally.finish(), &Profile::new(Action::Errno), &target()).unwrap();
    assert_eq!(p.unnamed.len(), 1);
    assert_eq!(p.unnamed[0].nr, 999);
    let added: Vec<&str> = p.additions.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(added, ["getpid"]);
    assert_eq!((p.distinct, p.stopped), (3, 3));
}

/// For random drafts and recordings, judged on the compiled programs: the result of
/// `record --base` allows every recorded call (or says why not), everything the draft
/// allowed, and a call the draft denied only when a recorded call of that syscall had the
/// same values in the arguments the rules compare.
#[test]
fn record_base_allows_the_run_keeps_the_draft_and_widens_only_to_values_seen() {
    let mut rng = Rng(0x5eed_0022_c0ff_ee01);
    let mut judged = 0;
    for _ in 0..150 {
        let draft = random_draft(&mut rng);
        let Some(before) = program(&draft) else {
            continue;
        };
        let mut tally = Tally::default();
        let recorded: Vec<Call> = (0..1 + rng.below(20))
            .map(|_| random_call(&mut rng))
            .collect();
        for c in &recorded {
            tally.add(c.arch, c.nr, c.args);
        }
        let (result, proposal) =
            recorded_profile(&tally.finish(), Some(&draft), &target(), false).unwrap();
        let after = program(&result).expect("the result compiles");
        for c in &recorded {
            let held = proposal
                .held
                .iter()
                .any(|h| Some(h.name.as_str()) == c.name());
            assert!(
                allows(&after, c) || held,
                "{c:?} stays stopped unsaid in {result:#?}"
            );
        }
        let probes: Vec<Call> = (0..200)
            .map(|_| random_call(&mut rng))
            .chain(recorded.iter().copied())
            .collect();
        for c in &probes {
            match (allows(&before, c), allows(&after, c)) {
                (true, false) => panic!("{c:?} was allowed by {draft:#?}, not by {result:#?}"),
                (false, true) => {
                    let same = |r: &Call| {
                        r.nr == c.nr
                            && value_args(c.name().unwrap())
                                .iter()
                                .all(|&i| r.args[i as usize] == c.args[i as usize])
                    };
                    assert!(recorded.iter().any(same), "{c:?} widened in {result:#?}");
                }
                _ => {}
            }
        }
        judged += 1;
    }
    assert!(judged > 100, "only {judged} drafts compiled");
}

//! Replay: the distinct calls of a recorded run, judged again against another draft with the
//! BPF emulator, so an edit shows at once which calls it would now stop, without a new run.

use seccompose_core::bpf::{self, op, Program, RetAction, SeccompData};
use seccompose_core::catalog::Catalog;
use seccompose_core::compile::{self, deciding_rule, CompileError, Compiled, Options, Plan};
use seccompose_core::profile::{filter_arches, Arch, Profile, Target};
use std::collections::HashMap;

/// One distinct call: what a seccomp filter sees of it (the instruction pointer aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Call {
    /// Its ABI.
    pub arch: Arch,
    /// The syscall number as the filter sees it (x32 calls keep their flag bit).
    pub nr: u32,
    /// The six arguments.
    pub args: [u64; 6],
}

impl Call {
    /// The syscall's name, when the catalog knows the number.
    pub fn name(&self) -> Option<&'static str> {
        Catalog.name_of(self.arch, self.nr)
    }
}

/// Every distinct call of a recorded run with how often it was made, in first-seen order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recording {
    /// The calls and their counts.
    pub calls: Vec<(Call, u64)>,
}

impl Recording {
    /// How many calls were made in all.
    pub fn total(&self) -> u64 {
        self.calls.iter().map(|(_, n)| n).sum()
    }
}

/// Collects distinct calls while a run is recorded.
#[derive(Debug, Default)]
pub struct Tally {
    index: HashMap<Call, usize>,
    calls: Vec<(Call, u64)>,
}

impl Tally {
    /// Counts one call.
    pub fn add(&mut self, arch: Arch, nr: u32, args: [u64; 6]) {
        let call = Call { arch, nr, args };
        match self.index.get(&call) {
            Some(&i) => self.calls[i].1 += 1,
            None => {
                self.index.insert(call, self.calls.len());
                self.calls.push((call, 1));
            }
        }
    }

    /// The recording (the index is dropped, and the list keeps no spare room: the editor holds
    /// it for as long as it shows the run).
    pub fn finish(self) -> Recording {
        let mut calls = self.calls;
        calls.shrink_to_fit();
        Recording { calls }
    }
}

/// Calls of one syscall that a draft would not simply allow.
#[derive(Debug, Clone, PartialEq)]
pub struct Stopped {
    /// The syscall's name (`nr N` when the catalog has none).
    pub name: String,
    /// Its ABI.
    pub arch: Arch,
    /// What the draft would do.
    pub action: RetAction,
    /// The rule that would decide, for the first such call (None: the default action).
    pub rule: Option<usize>,
    /// How many calls of the recorded run (counting repeats).
    pub count: u64,
    /// How many distinct calls.
    pub distinct: usize,
    /// The arguments of the first one.
    pub first_args: [u64; 6],
}

/// What a draft would do with a recorded run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replay {
    /// The syscalls it would stop, in order of first occurrence.
    pub stopped: Vec<Stopped>,
    /// How many distinct calls were judged.
    pub distinct: usize,
    /// How many calls the run made.
    pub total: u64,
}

impl Replay {
    /// How many calls of the run would be stopped.
    pub fn stopped_calls(&self) -> u64 {
        self.stopped.iter().map(|s| s.count).sum()
    }
}

/// Judges a recording against a profile on a target: compiles it as a run would, then
/// emulates the filter on every distinct call.
pub fn replay(
    recording: &Recording,
    profile: &Profile,
    target: &Target,
) -> Result<Replay, CompileError> {
    let program = compiled_for(recording, profile, target)?;
    Ok(replay_program(
        recording,
        &program,
        &compile::plan(profile, target),
    ))
}

/// [`replay`] with the profile's filter already compiled for `target` with the default options
/// (the editor's draft): nothing is compiled.
pub fn replay_compiled(
    recording: &Recording,
    compiled: &Compiled,
    profile: &Profile,
    target: &Target,
) -> Result<Replay, CompileError> {
    let program = compiled.program()?;
    Ok(replay_program(
        recording,
        &program,
        &compile::plan(profile, target),
    ))
}

/// The calls of a recording that a profile would stop (not simply allow), with their counts,
/// and what the filter does with each: the same judgement as [`replay`], call by call.
pub fn stopped_calls(
    recording: &Recording,
    profile: &Profile,
    target: &Target,
) -> Result<(Recording, Vec<RetAction>), CompileError> {
    let program = compiled_for(recording, profile, target)?;
    let mut calls = Vec::new();
    let mut actions = Vec::new();
    judge(recording, &program, |call, count, ret| {
        let action = RetAction::from_raw(ret);
        if !action.allows() {
            calls.push((*call, count));
            actions.push(action);
        }
    });
    Ok((Recording { calls }, actions))
}

/// The filter a recording is judged by: the profile compiled as a run would compile it, for
/// the architectures the recording used.
fn compiled_for(
    recording: &Recording,
    profile: &Profile,
    target: &Target,
) -> Result<Program, CompileError> {
    let narrowed = only_used_arches(recording, profile, target);
    let compiled = compile::build(
        narrowed.as_ref().unwrap_or(profile),
        target,
        &Options::default(),
    )?;
    compiled.program()
}

/// The profile covering only the architectures the recording used, when it covers them all:
/// each architecture's part of a filter is judged on its own, so the verdicts are the same and
/// the compile (most of a replay's time) shrinks to a third for Docker's x86_64+x86+x32.
fn only_used_arches(recording: &Recording, profile: &Profile, target: &Target) -> Option<Profile> {
    let covered = filter_arches(profile, target);
    let mut used: Vec<Arch> = Vec::new();
    for (call, _) in &recording.calls {
        if !used.contains(&call.arch) {
            used.push(call.arch);
        }
    }
    if !used.iter().all(|a| covered.contains(a)) {
        return None;
    }
    let mut narrowed = profile.clone();
    narrowed.architectures = Some(covered.into_iter().filter(|a| used.contains(a)).collect());
    narrowed.arch_map = None;
    Some(narrowed)
}

/// Whether an instruction reads the arguments or the instruction pointer (offsets 8 and up).
fn reads_args(insn: &bpf::Insn) -> bool {
    let class = insn.code & 0x07;
    let mode = insn.code & 0xe0;
    (class == op::LD || class == op::LDX) && (mode == op::IND || (mode == op::ABS && insn.k >= 8))
}

/// Runs a compiled program on every distinct call of a recording, handing each call, its
/// count and the filter's raw return to `verdict`. Where the path a syscall takes never
/// reads its arguments, the verdict holds for every call of that syscall on that ABI, so
/// most calls cost a hash lookup instead of a run of the filter.
pub fn judge(recording: &Recording, program: &Program, mut verdict: impl FnMut(&Call, u64, u32)) {
    let mut by_number: HashMap<(Arch, u32), Option<u32>> = HashMap::new();
    for (call, count) in &recording.calls {
        let data = SeccompData::new(call.arch, call.nr, call.args);
        let ret = match by_number.get(&(call.arch, call.nr)) {
            Some(Some(ret)) => *ret,
            Some(None) => bpf::run(program, &data),
            None => {
                let outcome = bpf::emulate(program, &data);
                let general = !outcome
                    .path
                    .iter()
                    .any(|&pc| reads_args(&program.insns[pc]));
                by_number.insert((call.arch, call.nr), general.then_some(outcome.ret));
                outcome.ret
            }
        };
        verdict(call, *count, ret);
    }
}

/// Judges a recording against a compiled program (see [`judge`]).
pub fn replay_program(recording: &Recording, program: &Program, plan: &Plan) -> Replay {
    let mut groups: HashMap<(Arch, u32, u32), usize> = HashMap::new();
    let mut out = Replay {
        distinct: recording.calls.len(),
        total: recording.total(),
        ..Replay::default()
    };
    judge(recording, program, |call, count, ret| {
        let action = RetAction::from_raw(ret);
        if action.allows() {
            return;
        }
        match groups.get(&(call.arch, call.nr, ret)) {
            Some(&i) => {
                out.stopped[i].count += count;
                out.stopped[i].distinct += 1;
            }
            None => {
                let name = call.name();
                groups.insert((call.arch, call.nr, ret), out.stopped.len());
                out.stopped.push(Stopped {
                    name: name.map_or_else(|| format!("nr {}", call.nr), str::to_string),
                    arch: call.arch,
                    action,
                    rule: name.and_then(|n| deciding_rule(plan, n, &call.args, action)),
                    count,
                    distinct: 1,
                    first_args: call.args,
                });
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use seccompose_core::profile::{Action, ArgCond, Op, Rule};

    fn nr(name: &str) -> u32 {
        Catalog.syscall(name).unwrap().number(Arch::X86_64).unwrap()
    }

    fn target() -> Target {
        Target {
            arch: Arch::X86_64,
            ..Target::host()
        }
    }

    #[test]
    fn stops_what_the_draft_denies_with_counts_and_rules() {
        let mut tally = Tally::default();
        for fd in [3, 4, 3] {
            tally.add(Arch::X86_64, nr("getdents64"), [fd, 0, 0, 0, 0, 0]);
        }
        tally.add(Arch::X86_64, nr("write"), [1, 0, 5, 0, 0, 0]);
        tally.add(Arch::X86_64, nr("personality"), [8, 0, 0, 0, 0, 0]);
        tally.add(Arch::X86_64, nr("personality"), [0, 0, 0, 0, 0, 0]);
        let recording = tally.finish();
        assert_eq!((recording.calls.len(), recording.total()), (5, 6));

        let mut p = Profile::new(Action::Allow);
        let mut persona = Rule::new(vec!["personality".into()], Action::Errno);
        persona.args = Some(vec![ArgCond::new(0, Op::Eq, 8, None)]);
        p.syscalls = Some(vec![
            Rule::new(vec!["getdents64".into()], Action::Errno),
            persona,
        ]);
        let r = replay(&recording, &p, &target()).unwrap();
        let seen: Vec<(&str, u64, usize, Option<usize>)> = r
            .stopped
            .iter()
            .map(|s| (s.name.as_str(), s.count, s.distinct, s.rule))
            .collect();
        assert_eq!(
            seen,
            [
                ("getdents64", 3, 2, Some(0)),
                ("personality", 1, 1, Some(1))
            ]
        );
        assert_eq!(r.stopped_calls(), 4);
        assert_eq!(r.stopped[0].action, RetAction::Errno(1));
        // Compiled for x86_64 alone or with its sub-architectures: the same verdicts.
        p.architectures = Some(vec![Arch::X86_64, Arch::X86, Arch::X32]);
        assert_eq!(replay(&recording, &p, &target()).unwrap(), r);

        let open = Profile::new(Action::Allow);
        assert!(replay(&recording, &open, &target())
            .unwrap()
            .stopped
            .is_empty());
    }

    #[test]
    fn the_drafts_whole_filter_judges_as_the_recordings_architectures_do() {
        use crate::testgen::{random_call, random_draft};
        use seccompose_core::bpf::testutil::Rng;
        let mut rng = Rng(0x0f11_7e12_5eed_0026);
        let target = crate::testgen::target();
        let mut compared = 0;
        for _ in 0..40 {
            let draft = random_draft(&mut rng);
            let calls = (0..30).map(|_| (random_call(&mut rng), 1)).collect();
            let recording = Recording { calls };
            let Ok(compiled) = compile::build(&draft, &target, &Options::default()) else {
                continue;
            };
            assert_eq!(
                replay_compiled(&recording, &compiled, &draft, &target).unwrap(),
                replay(&recording, &draft, &target).unwrap()
            );
            compared += 1;
        }
        assert!(compared >= 20, "only {compared} drafts compiled");
    }
}

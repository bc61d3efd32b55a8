//! Replay: 100,000 distinct recorded calls judged against Docker's default profile after an
//! edit (what view 3 does after each key), against two references measured in the same run:
//! compiling the profile alone, and emulating the filter on every call one by one. And the
//! proposal a recording makes (judge, narrow rules, check them by compiling again), against
//! the replay of the same recording.
//!
//! Run: `cargo bench --bench replay`. Uses ../shared/corpus/moby-default.json, or a profile
//! path in SECCOMPOSE_BENCH_PROFILE; the built-in profile when neither is there.

mod support;

use criterion::{criterion_group, criterion_main, Criterion};
use seccompose::bpf::{self, Program, SeccompData};
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{Action, ArgCond, Edit, Op, Profile, Rule, Target};
use seccompose::sandbox::propose;
use seccompose::sandbox::replay::{replay, Tally};

fn load() -> Profile {
    support::docker_profile()
}

/// 100,000 distinct calls of a dozen syscalls, some of which Docker's profile judges by
/// their arguments (clone, socket, personality).
fn recording(target: &Target) -> seccompose::sandbox::replay::Recording {
    let names = [
        "read",
        "write",
        "openat",
        "mmap",
        "close",
        "fstat",
        "futex",
        "ioctl",
        "getdents64",
        "clone",
        "socket",
        "personality",
    ];
    let nrs: Vec<u32> = names
        .iter()
        .filter_map(|n| Catalog.syscall(n)?.number(target.arch))
        .collect();
    let mut tally = Tally::default();
    for i in 0..100_000u64 {
        let nr = nrs[i as usize % nrs.len()];
        tally.add(
            target.arch,
            nr,
            [i % 64, 0x7f00_0000 + i * 4096, i % 7, 0, 0, 0],
        );
        // A few repeats, as real runs have.
        if i % 10 == 0 {
            tally.add(
                target.arch,
                nr,
                [i % 64, 0x7f00_0000 + i * 4096, i % 7, 0, 0, 0],
            );
        }
    }
    tally.finish()
}

fn bench(c: &mut Criterion) {
    let mut p = load();
    let target = Target::host();
    let rec = recording(&target);
    assert_eq!(rec.calls.len(), 100_000);
    // The edit: deny getdents64 (as a user tightening the profile would).
    Edit::SetAction {
        names: vec!["getdents64".into()],
        action: Some(Action::Errno),
        errno: None,
    }
    .apply(&mut p)
    .unwrap();
    let stopped = replay(&rec, &p, &target).unwrap();
    eprintln!(
        "replay: {} distinct calls, {} would be stopped",
        stopped.distinct,
        stopped.stopped_calls()
    );
    let mut group = c.benchmark_group("replay-100k-docker-default");
    group.bench_function("reference: compile only", |b| {
        b.iter(|| compile::build(&p, &target, &Options::default()).unwrap())
    });
    group.bench_function("reference: compile + emulate every call", |b| {
        b.iter(|| {
            let compiled = compile::build(&p, &target, &Options::default()).unwrap();
            let program = Program::from_bytes(&compiled.bpf).unwrap();
            rec.calls
                .iter()
                .filter(|(call, _)| {
                    let data = SeccompData::new(call.arch, call.nr, call.args);
                    !bpf::RetAction::from_raw(bpf::run(&program, &data)).allows()
                })
                .count()
        })
    });
    group.bench_function("replay after an edit (compile + judge)", |b| {
        b.iter(|| replay(&rec, &p, &target).unwrap())
    });
    let proposal = propose(&rec, &p, &target).unwrap();
    eprintln!(
        "proposal: {} distinct calls stopped, {} syscalls to add, {} rules",
        proposal.stopped,
        proposal.additions.len(),
        proposal.rules(&[]).len()
    );
    group.bench_function("proposal (judge + narrow + check)", |b| {
        b.iter(|| propose(&rec, &p, &target).unwrap())
    });
    // The slow path: a stopping rule of the draft names a proposed syscall (socket, for a
    // domain the run never asks for), so the proposal compiles the draft with its 500-odd
    // narrow socket rules and judges those calls again.
    let mut contested = p.clone();
    let mut other = Rule::new(vec!["socket".into()], Action::Errno);
    other.errno_ret = Some(13);
    other.args = Some(vec![ArgCond::new(0, Op::Eq, 99, None)]);
    contested.syscalls.get_or_insert_with(Vec::new).push(other);
    let held = propose(&rec, &contested, &target).unwrap();
    eprintln!(
        "contested proposal: {} syscalls to add, {} held back",
        held.additions.len(),
        held.held.len()
    );
    group.bench_function(
        "proposal, a draft rule stops socket (check compiles)",
        |b| b.iter(|| propose(&rec, &contested, &target).unwrap()),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

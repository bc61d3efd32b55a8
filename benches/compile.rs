//! Compiling + disassembling Docker's default profile for x86_64+x86+x32, against a bare
//! libseccomp build + export of the same rules, measured in the same run.
//!
//! Run: `cargo bench --bench compile`. Needs ../shared/corpus/moby-default.json, or a profile
//! path in SECCOMPOSE_BENCH_PROFILE.

use criterion::{criterion_group, criterion_main, Criterion};
use libseccomp::{
    ScmpAction, ScmpArch, ScmpArgCompare, ScmpCompareOp, ScmpFilterContext, ScmpSyscall,
};
use seccompose::bpf::{self, Program};
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Op, Profile, Target};
use std::io::{Read, Seek};
use std::path::PathBuf;

fn load() -> Profile {
    let path = std::env::var_os("SECCOMPOSE_BENCH_PROFILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/moby-default.json")
        });
    profile::load(&path, &Catalog)
        .expect("readable profile")
        .profile
        .expect("valid profile")
}

/// The reference: what a runtime does with libseccomp alone (names it knows, one multi-arch filter).
fn bare_libseccomp(plan: &compile::Plan, default_errno: i32) -> Vec<u8> {
    let mut ctx = ScmpFilterContext::new(ScmpAction::Errno(default_errno)).unwrap();
    ctx.add_arch(ScmpArch::X86).unwrap();
    ctx.add_arch(ScmpArch::X32).unwrap();
    ctx.set_ctl_optimize(2).unwrap();
    for rule in &plan.rules {
        let action = match rule.action.semantic() {
            profile::Action::Allow => ScmpAction::Allow,
            profile::Action::Errno => ScmpAction::Errno(rule.errno as i32),
            _ => ScmpAction::KillThread,
        };
        for name in &rule.names {
            let Ok(sys) = ScmpSyscall::from_name(name) else {
                continue;
            };
            for alt in &rule.alternatives {
                let cmps: Vec<ScmpArgCompare> = alt
                    .iter()
                    .map(|c| {
                        let op = match c.op {
                            Op::MaskedEq => ScmpCompareOp::MaskedEqual(c.value),
                            Op::Eq => ScmpCompareOp::Equal,
                            Op::Ne => ScmpCompareOp::NotEqual,
                            Op::Lt => ScmpCompareOp::Less,
                            Op::Le => ScmpCompareOp::LessOrEqual,
                            Op::Gt => ScmpCompareOp::Greater,
                            Op::Ge => ScmpCompareOp::GreaterEqual,
                        };
                        let datum = if c.op == Op::MaskedEq {
                            c.value_two.unwrap_or(0)
                        } else {
                            c.value
                        };
                        ScmpArgCompare::new(c.index, op, datum)
                    })
                    .collect();
                let _ = ctx.add_rule_conditional(action, sys, &cmps);
            }
        }
    }
    let mut file = tempfile::tempfile().unwrap();
    ctx.export_bpf(&file).unwrap();
    file.rewind().unwrap();
    let mut out = Vec::new();
    file.read_to_end(&mut out).unwrap();
    out
}

fn bench(c: &mut Criterion) {
    let p = load();
    let target = Target::host();
    let plan = compile::plan(&p, &target);
    let errno = p.default_errno() as i32;
    let mut group = c.benchmark_group("docker-default-3-arches");
    group.bench_function("reference: bare libseccomp build+export", |b| {
        b.iter(|| bare_libseccomp(&plan, errno))
    });
    group.bench_function("seccompose compile+disassemble", |b| {
        b.iter(|| {
            let compiled = compile::build(&p, &target, &Options::default()).unwrap();
            let program = Program::from_bytes(&compiled.bpf).unwrap();
            bpf::disassemble(&program)
        })
    });
    group.bench_function(
        "editor preview: compile+disassemble+costs (worker thread)",
        |b| b.iter(|| compile::Preview::build(&p, &target, &Options::default()).unwrap()),
    );
    group.bench_function("seccompose compile only", |b| {
        b.iter(|| compile::build(&p, &target, &Options::default()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

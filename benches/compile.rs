//! Compiling + disassembling Docker's default profile for x86_64+x86+x32, against a bare
//! libseccomp build + export of the same rules, measured in the same run.
//!
//! Run: `cargo bench --bench compile`. Needs ../shared/corpus/moby-default.json, or a profile
//! path in SECCOMPOSE_BENCH_PROFILE.

#[path = "common/reference.rs"]
mod reference;

use criterion::{criterion_group, criterion_main, Criterion};
use reference::{bare_libseccomp, RefLayout};
use seccompose::bpf::{self, Program};
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Profile, Target};
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

fn bench(c: &mut Criterion) {
    let p = load();
    let target = Target::host();
    let plan = compile::plan(&p, &target);
    let errno = p.default_errno() as i32;
    let mut group = c.benchmark_group("docker-default-3-arches");
    group.bench_function("reference: bare libseccomp build+export", |b| {
        b.iter(|| bare_libseccomp(&plan, errno, RefLayout::Tree, &[]))
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

//! First use of the catalog (tables are compiled in; the number index is built on first use),
//! against parsing Docker's default profile as the reference, in the same run; and view 1's
//! search (one keystroke searches every syscall) in pt-BR, which also matches the Portuguese
//! summaries, against the same search in English.
//!
//! Run: `cargo bench --bench catalog`.

use criterion::{criterion_group, criterion_main, Criterion};
use seccompose::catalog::{Catalog, Language, Searcher};
use seccompose::profile::Arch;

/// What "loading the catalog" costs a fresh process: touching every entry, its category,
/// groups and families, and building the number → name index for one architecture.
fn first_use() -> usize {
    let mut n = 0;
    for s in Catalog.syscalls() {
        n += s.category().title().len() + s.groups().count() + s.siblings().len();
    }
    n + Catalog.name_of(Arch::X86_64, 257).map_or(0, str::len)
}

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/moby-default.json"
    ))
    .unwrap_or_else(|_| include_str!("../profiles/default.json").to_string());
    let mut group = c.benchmark_group("catalog");
    group.bench_function("reference: parse a profile", |b| {
        b.iter(|| seccompose::profile::parse(&text, &Catalog))
    });
    group.bench_function("catalog first use (all entries, families, groups)", |b| {
        b.iter(first_use)
    });
    group.finish();
    // Queries as typed: a name's prefix, a word of a summary, two words.
    let queries = ["chm", "memory", "memória", "socket em escuta", "open file"];
    let mut group = c.benchmark_group("search");
    for language in Language::ALL {
        let mut searcher = Searcher::in_language(language);
        group.bench_function(format!("{language}: 5 queries over every syscall"), |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|q| searcher.search(q).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Reading a minified profile (one line of megabytes) against the same profile pretty-printed
//! (the reference, in the same run): positions are looked up for every node, so a lookup that
//! counted columns from the line's start made the single line quadratic (25.5 s for 10 MB).
//!
//! Run: `cargo bench --bench positions`.

use criterion::{criterion_group, criterion_main, Criterion};
use seccompose::catalog::Catalog;

/// About `bytes` of rules shaped like a runtime default's, minified or pretty-printed.
fn profile(bytes: usize, pretty: bool) -> String {
    let rule = r#"{"names": ["read", "write", "openat", "mkdirat"], "action": "SCMP_ACT_ALLOW", "comment": "é€"}"#;
    let (sep, open, close) = if pretty {
        (
            ",\n    ",
            "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    ",
            "\n  ]\n}\n",
        )
    } else {
        (
            ",",
            r#"{"defaultAction":"SCMP_ACT_ERRNO","syscalls":["#,
            "]}",
        )
    };
    let mut text = String::from(open);
    text.push_str(rule);
    while text.len() < bytes {
        text.push_str(sep);
        text.push_str(rule);
    }
    text.push_str(close);
    text
}

fn bench(c: &mut Criterion) {
    let size = 10 << 20;
    let (pretty, minified) = (profile(size, true), profile(size, false));
    let mut group = c.benchmark_group("positions");
    group.sample_size(10);
    group.bench_function("reference: parse 10 MB pretty-printed", |b| {
        b.iter(|| seccompose::profile::parse(&pretty, &Catalog))
    });
    group.bench_function("parse the same minified (one line)", |b| {
        b.iter(|| seccompose::profile::parse(&minified, &Catalog))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Filter quality (issue 14, item 4): what Docker's default costs the kernel per syscall
//! under seccompose's filter against libseccomp's own tree and linear layouts of the same
//! rules, and whether ordering by recorded frequency helps.
//!
//! 1. Instructions executed (BPF emulator) on recorded workloads (`cc`, `tar`, `python3 -c
//!    pass`, `find`), weighted by how often each call was made, with and without the kernel's
//!    constant-action cache (which skips the filter for calls allowed whatever the arguments).
//! 2. Nanoseconds per call in the real kernel, each filter in a fresh child, all variants
//!    alternated round by round: an argument-conditional allow, an unconditional allow and a
//!    denied call, against the bare call measured in the same rounds.
//!
//! Run: `cargo bench --bench quality` (as root or a user who may record; QUALITY_ROUNDS,
//! QUALITY_ITERS set the effort). The profile is SECCOMPOSE_BENCH_PROFILE, else
//! ../shared/corpus/moby-default.json when present, else the project's Docker-shaped fixture
//! tests/fixtures/runtime-default.json.

#[path = "../common/reference.rs"]
mod reference;
mod timing;
mod workloads;

use reference::{bare_libseccomp, RefLayout};
use seccompose::bpf::{self, Program, SeccompData};
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Arch, Profile, Target};
use std::collections::HashMap;
use std::path::PathBuf;
use timing::{median, quantile, CALLS};

/// One filter under test.
struct Variant {
    name: String,
    program: Program,
}

impl Variant {
    fn new(name: &str, bpf: Vec<u8>) -> Variant {
        let program = Program::from_bytes(&bpf).expect("a whole number of instructions");
        Variant {
            name: name.to_string(),
            program,
        }
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn load() -> (PathBuf, Profile) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/moby-default.json");
    let path = if let Some(chosen) = std::env::var_os("SECCOMPOSE_BENCH_PROFILE") {
        PathBuf::from(chosen)
    } else if corpus.is_file() {
        corpus
    } else {
        eprintln!("note: ../shared/corpus is missing; using the project's Docker-shaped fixture");
        root.join("tests/fixtures/runtime-default.json")
    };
    let profile = profile::load(&path, &Catalog)
        .expect("readable profile")
        .profile
        .expect("valid profile");
    (path, profile)
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Syscall priorities for libseccomp's linear layout: names ranked by `key`, the hottest 255.
fn priorities(
    counts: &HashMap<String, (u64, u64)>,
    key: impl Fn(&(u64, u64)) -> (u64, u64),
) -> Vec<(String, u8)> {
    let mut ranked: Vec<(&String, &(u64, u64))> = counts.iter().collect();
    ranked.sort_by(|a, b| key(b.1).cmp(&key(a.1)).then(a.0.cmp(b.0)));
    ranked
        .into_iter()
        .enumerate()
        .map(|(rank, (name, _))| (name.clone(), 255u8.saturating_sub(rank.min(254) as u8)))
        .collect()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and friends
    }
    let (path, p) = load();
    let target = Target::host();
    let plan = compile::plan(&p, &target);
    let errno = p.default_errno() as i32;
    println!(
        "# machine: {} cores, kernel {}, libseccomp {}, load average at start {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .unwrap_or_default()
            .trim(),
        libseccomp::ScmpVersion::current().map_or("?".into(), |v| format!(
            "{}.{}.{}",
            v.major, v.minor, v.micro
        )),
        loadavg()
    );
    println!("# profile: {}", path.display());
    let ours = compile::build(&p, &target, &Options::default()).expect("the profile compiles");
    let mut variants = vec![
        Variant::new("seccompose", ours.bpf.clone()),
        Variant::new(
            "libseccomp tree",
            bare_libseccomp(&plan, errno, RefLayout::Tree, &[]),
        ),
        Variant::new(
            "libseccomp linear",
            bare_libseccomp(&plan, errno, RefLayout::Linear, &[]),
        ),
    ];

    let dir = tempfile::tempdir().expect("a temporary directory");
    match workloads::record_all(dir.path()) {
        Ok(recorded) => {
            // Per syscall name (native ABI): (calls the cache cannot skip, all calls).
            let mut counts: HashMap<String, (u64, u64)> = HashMap::new();
            for w in &recorded {
                for (data, n) in w.calls() {
                    let Some(name) = Catalog.name_of(Arch::native(), data.nr as u32) else {
                        continue;
                    };
                    let e = counts.entry(name.to_string()).or_default();
                    if !bpf::skips_filter(&variants[0].program, &data) {
                        e.0 += n;
                    }
                    e.1 += n;
                }
            }
            let by_all = priorities(&counts, |&(u, a)| (a, u));
            let by_uncached = priorities(&counts, |&(u, a)| (u, a));
            variants.push(Variant::new(
                "linear, hot first",
                bare_libseccomp(&plan, errno, RefLayout::Linear, &by_all),
            ));
            variants.push(Variant::new(
                "linear, hot uncached first",
                bare_libseccomp(&plan, errno, RefLayout::Linear, &by_uncached),
            ));
            instruction_table(&recorded, &variants, &counts);
        }
        Err(why) => {
            println!("\nSKIPPED: the recorded workloads (recording is not possible here: {why})")
        }
    }
    for v in &variants {
        let costs: Vec<String> = CALLS
            .iter()
            .map(|c| {
                let nr = Catalog
                    .syscall(c.label.split('(').next().unwrap_or_default())
                    .and_then(|s| s.number(Arch::native()))
                    .unwrap_or(0);
                let arg0 = if c.label.starts_with("personality") {
                    0xffff_ffff
                } else {
                    0
                };
                let data = SeccompData::new(Arch::native(), nr, [arg0, 0, 0, 0, 0, 0]);
                let (_, n) = bpf::run_counted(&v.program, &data);
                format!("{} {n}", c.label)
            })
            .collect();
        println!(
            "# {}: {} instructions; executed: {}",
            v.name,
            v.program.len(),
            costs.join(", ")
        );
    }
    more_than_tree(&variants);
    ns_table(&variants);
    println!("# load average at the end {}", loadavg());
}

/// Instructions per call, weighted by the recorded counts, per workload and variant.
fn instruction_table(
    recorded: &[workloads::Workload],
    variants: &[Variant],
    counts: &HashMap<String, (u64, u64)>,
) {
    println!(
        "\n## Instructions the kernel runs per call (BPF emulator, weighted by recorded counts)\n"
    );
    println!("| workload | calls | cache cannot skip | filter | per call, no cache | per call, with cache | per call it cannot skip |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for w in recorded {
        for (i, v) in variants.iter().enumerate() {
            let c = bpf::workload_cost(&v.program, w.calls());
            let (name, calls, uncached) = if i == 0 {
                (
                    w.name.to_string(),
                    c.calls.to_string(),
                    format!(
                        "{} ({:.1}%)",
                        c.uncached_calls,
                        100.0 * c.uncached_calls as f64 / c.calls.max(1) as f64
                    ),
                )
            } else {
                Default::default()
            };
            println!(
                "| {name} | {calls} | {uncached} | {} | {:.1} | {:.2} | {:.1} |",
                v.name,
                c.per_call(),
                c.kernel_per_call(),
                c.per_uncached_call()
            );
        }
    }
    let mut hot: Vec<(&String, &(u64, u64))> = counts.iter().filter(|(_, c)| c.0 > 0).collect();
    hot.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let list: Vec<String> = hot.iter().map(|(n, c)| format!("{n} {}", c.0)).collect();
    println!(
        "\nCalls the cache cannot skip, all workloads: {}",
        list.join(", ")
    );
}

/// Every catalog syscall with arguments 0 on the native ABI: where seccompose runs more or
/// fewer instructions than libseccomp's tree.
fn more_than_tree(variants: &[Variant]) {
    let arch = [Arch::native()];
    let ours = bpf::stats(&variants[0].program, &arch);
    let tree = bpf::stats(&variants[1].program, &arch);
    let (mut more, mut fewer, mut same) = (Vec::new(), 0, 0);
    for (a, b) in ours.arches[0]
        .per_syscall
        .iter()
        .zip(&tree.arches[0].per_syscall)
    {
        match a.executed.cmp(&b.executed) {
            std::cmp::Ordering::Greater => more.push((a.name, a.executed - b.executed, a.action)),
            std::cmp::Ordering::Less => fewer += 1,
            std::cmp::Ordering::Equal => same += 1,
        }
    }
    // Grouped by what the filter returns: (action, how many, most extra instructions).
    let mut by_action: Vec<(&str, usize, usize)> = Vec::new();
    for (_, d, a) in &more {
        match by_action.iter_mut().find(|(n, _, _)| *n == a.scmp_name()) {
            Some(e) => (e.1, e.2) = (e.1 + 1, e.2.max(*d)),
            None => by_action.push((a.scmp_name(), 1, *d)),
        }
    }
    let detail: Vec<String> = by_action
        .iter()
        .map(|(n, c, d)| format!("{c} returning {n} (up to +{d})"))
        .collect();
    println!(
        "# every {} syscall, arguments 0: seccompose runs the same instructions as libseccomp's tree for {same}, fewer for {fewer}, more for {}{}{}",
        Arch::native(),
        more.len(),
        if more.is_empty() { "" } else { ": " },
        detail.join(", ")
    );
}

/// Per-call nanoseconds of each variant and the bare call, alternated over many rounds.
fn ns_table(variants: &[Variant]) {
    let rounds = env_usize("QUALITY_ROUNDS", 31);
    let iters = env_usize("QUALITY_ITERS", 10_000);
    let blocks = env_usize("QUALITY_BLOCKS", 9);
    let mut names = vec!["no filter".to_string()];
    names.extend(variants.iter().map(|v| v.name.clone()));
    let filters: Vec<Option<&Program>> = std::iter::once(None)
        .chain(variants.iter().map(|v| Some(&v.program)))
        .collect();
    // samples[variant][call] = one median per round
    let mut samples = vec![vec![Vec::new(); CALLS.len()]; filters.len()];
    for round in 0..rounds {
        for k in 0..filters.len() {
            let i = (round + k) % filters.len(); // rotate who goes first
            match timing::measure(filters[i], iters, blocks) {
                Ok(ns) => (0..CALLS.len()).for_each(|c| samples[i][c].push(ns[c])),
                Err(e) => {
                    println!("\n{}: {e}; the timing is skipped", names[i]);
                    return;
                }
            }
        }
    }
    println!(
        "\n## Nanoseconds per call ({rounds} rounds, each the fastest of {blocks} blocks x {iters} calls; medians of the rounds; p25-p75 of ns over bare)\n"
    );
    println!("| call | filter | ns per call | ns over bare | p25-p75 | x bare | over bare vs libseccomp tree |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let tree = names.iter().position(|n| n == "libseccomp tree");
    for (c, call) in CALLS.iter().enumerate() {
        let bare = &samples[0][c];
        let bare_median = median(&mut bare.clone());
        for (i, name) in names.iter().enumerate() {
            let mut over: Vec<f64> = samples[i][c].iter().zip(bare).map(|(v, b)| v - b).collect();
            let m = median(&mut samples[i][c].clone());
            let over_median = median(&mut over);
            let spread = format!(
                "{:.1} to {:.1}",
                quantile(&over, 0.25),
                quantile(&over, 0.75)
            );
            let vs_tree = match tree {
                Some(t) if i > 0 => {
                    let mut tree_over: Vec<f64> =
                        samples[t][c].iter().zip(bare).map(|(v, b)| v - b).collect();
                    let t_median = median(&mut tree_over);
                    // Paired per round: both ran in the same round, seconds apart.
                    let mut diff: Vec<f64> = samples[i][c]
                        .iter()
                        .zip(&samples[t][c])
                        .map(|(v, t)| v - t)
                        .collect();
                    let wins = diff.iter().filter(|d| **d <= 0.0).count();
                    // Over bare is negative for a denied call (its body never runs): no ratio.
                    let ratio = if t_median > 0.0 {
                        format!("{:.2}x; ", over_median / t_median)
                    } else {
                        String::new()
                    };
                    format!(
                        "{ratio}{:+.1} ns per round (median), ≤ tree in {wins}/{rounds}",
                        median(&mut diff)
                    )
                }
                _ => String::new(),
            };
            println!(
                "| {} | {name} | {m:.1} | {over_median:.1} | {} | {:.2} | {vs_tree} |",
                if i == 0 { call.label } else { "" },
                if i == 0 { String::new() } else { spread },
                m / bare_median
            );
        }
    }
}

//! How each stage's cost grows with the profile: synthetic profiles of 10 to 10,000 rules,
//! in two shapes (many names per unconditional rule, like Docker's; many conditional rules,
//! like an argument-heavy policy) over 1, 3 or 9 architectures. For each stage it prints the
//! median time at every size, the growth exponent between sizes (1.0 is linear, 2.0
//! quadratic) and a small chart. `cargo bench --bench growth` (GROWTH_MAX=N caps the size).

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use seccompose::bpf::{self, Program};
use seccompose::catalog::Catalog;
use seccompose::compile::{self, Options};
use seccompose::profile::{self, Arch, Target};
use seccompose::sandbox::replay::{self, Tally};
use seccompose::tui::app::{App, Options as AppOptions};
use seccompose::tui::keymap::KeyMap;
use seccompose::tui::man::ManSource;
use seccompose::tui::memory::Memory;
use seccompose::tui::recovery::Recovery;
use seccompose::tui::theme::Theme;
use std::time::{Duration, Instant};

/// Syscall names that exist on x86_64, in catalog order.
fn names() -> Vec<&'static str> {
    Catalog
        .syscalls()
        .iter()
        .filter(|s| s.number(Arch::X86_64).is_some())
        .map(|s| s.name())
        .collect()
}

/// Little-endian ABIs only: libseccomp cannot merge filters of both byte orders.
const ARCHES: [&str; 9] = [
    "SCMP_ARCH_X86_64",
    "SCMP_ARCH_X86",
    "SCMP_ARCH_X32",
    "SCMP_ARCH_AARCH64",
    "SCMP_ARCH_ARM",
    "SCMP_ARCH_RISCV64",
    "SCMP_ARCH_PPC64LE",
    "SCMP_ARCH_MIPSEL64",
    "SCMP_ARCH_MIPSEL",
];

/// A synthetic profile with `rules` rules. `conditional`: each rule is one syscall with an
/// argument condition (values differ per rule); otherwise each rule allows a few names,
/// cycling through the catalog.
fn synthetic(rules: usize, conditional: bool, arches: usize) -> String {
    let names = names();
    let mut out = Vec::with_capacity(rules);
    for i in 0..rules {
        if conditional {
            let name = names[i % names.len()];
            out.push(format!(
                r#"{{"names": ["{name}"], "action": "SCMP_ACT_ALLOW", "args": [{{"index": {}, "value": {}, "op": "SCMP_CMP_EQ"}}]}}"#,
                i % 3,
                i / names.len() + 1
            ));
        } else {
            // Past the catalog's size names repeat; each repeat keeps its first action, as
            // libseccomp refuses one syscall with two unconditional actions on some ABIs.
            let cycle = names.len() / 4 * 4;
            let first = (i * 4) % cycle;
            let picked: Vec<String> = (0..4)
                .map(|k| format!("\"{}\"", names[first + k]))
                .collect();
            let action = ["SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "SCMP_ACT_TRAP"][(first / 4) % 3];
            out.push(format!(
                r#"{{"names": [{}], "action": "{action}"}}"#,
                picked.join(", ")
            ));
        }
    }
    let arch_list: Vec<String> = ARCHES[..arches]
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect();
    format!(
        "{{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"architectures\": [{}], \"syscalls\": [\n{}\n]}}\n",
        arch_list.join(", "),
        out.join(",\n")
    )
}

/// The median of `runs` timings of `f`, after one warm-up run.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn runs_for(rules: usize) -> usize {
    match rules {
        0..=100 => 15,
        101..=1000 => 7,
        _ => 3,
    }
}

/// One row of results: a stage and its median time at each size (None: failed or skipped).
struct Row {
    stage: String,
    times: Vec<Option<Duration>>,
}

fn measure(sizes: &[usize], conditional: bool, arches: usize) -> Vec<Row> {
    let target = Target::host();
    let stages = [
        "load + validate",
        "compile",
        "disassemble",
        "lint",
        "explain",
        "key to frame",
        "replay 10k calls",
    ];
    let mut rows: Vec<Row> = stages
        .iter()
        .map(|s| Row {
            stage: s.to_string(),
            times: Vec::new(),
        })
        .collect();
    for &n in sizes {
        let text = synthetic(n, conditional, arches);
        let runs = runs_for(n);
        let p = profile::parse(&text, &Catalog)
            .profile
            .expect("synthetic profiles are valid");
        rows[0].times.push(Some(median(runs, || {
            let _ = profile::parse(&text, &Catalog);
        })));
        let compiled = compile::build(&p, &target, &Options::default());
        rows[1].times.push(compiled.as_ref().ok().map(|_| {
            median(runs, || {
                let _ = compile::build(&p, &target, &Options::default());
            })
        }));
        if let Err(e) = &compiled {
            eprintln!("  {n} rules: compile refused: {e}");
        }
        let program = compiled
            .as_ref()
            .ok()
            .and_then(|c| Program::from_bytes(&c.bpf).ok());
        rows[2].times.push(program.as_ref().map(|prog| {
            median(runs, || {
                let _ = bpf::disassemble(prog);
            })
        }));
        rows[3].times.push(Some(median(runs, || {
            let _ = seccompose::lint::lint(&p, &target);
        })));
        let plan = compile::plan(&p, &target);
        rows[4].times.push(compiled.as_ref().ok().map(|c| {
            median(runs, || {
                let _ = compile::explain(c, &plan, target.arch, "read", [0; 6]);
            })
        }));
        rows[5].times.push(Some(key_to_frame(p.clone())));
        let mut tally = Tally::default();
        for i in 0..10_000u64 {
            let nr = (i % 300) as u32;
            tally.add(Arch::X86_64, nr, [i, 0, 0, 0, 0, 0]);
        }
        let recording = tally.finish();
        rows[6].times.push(compiled.as_ref().ok().map(|_| {
            median(runs.min(5), || {
                let _ = replay::replay(&recording, &p, &target);
            })
        }));
    }
    rows
}

/// The median time of `j` then a frame, on an editor holding `p`.
fn key_to_frame(p: profile::Profile) -> Duration {
    let options = AppOptions {
        target: Target::host(),
        memory: Memory::in_memory(true),
        keymap: KeyMap::builtin(),
        theme: Theme::from_env(),
        man: ManSource::Fixed(|name, _| format!("{name}(2)\n")),
        recovery: Recovery::for_document(None, None),
        run_history: None,
        container_dirs: None,
    };
    let mut app = App::new(p, None, options);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let mut flip = false;
    median(21, || {
        flip = !flip;
        let code = if flip {
            KeyCode::Char('j')
        } else {
            KeyCode::Char('k')
        };
        app.key(KeyEvent::new(code, KeyModifiers::NONE));
        terminal
            .draw(|f| seccompose::tui::draw::draw(f, &mut app))
            .expect("draw");
    })
}

fn fmt(d: Option<Duration>) -> String {
    match d {
        Some(d) if d.as_secs_f64() >= 1.0 => format!("{:.2} s", d.as_secs_f64()),
        Some(d) => format!("{:.3} ms", d.as_secs_f64() * 1e3),
        None => "refused".into(),
    }
}

/// The exponent k in t ~ n^k between consecutive sizes.
fn exponents(sizes: &[usize], times: &[Option<Duration>]) -> Vec<String> {
    sizes
        .windows(2)
        .zip(times.windows(2))
        .map(|(n, t)| match (t[0], t[1]) {
            (Some(a), Some(b)) if a.as_nanos() > 0 => {
                let k = (b.as_secs_f64() / a.as_secs_f64()).ln() / (n[1] as f64 / n[0] as f64).ln();
                format!("{k:.2}")
            }
            _ => "-".into(),
        })
        .collect()
}

/// A bar of width proportional to log10 of the time (1 µs to 10 s over 28 columns).
fn bar(d: Option<Duration>) -> String {
    let Some(d) = d else { return String::new() };
    let us = d.as_secs_f64() * 1e6;
    let width = ((us.max(1.0).log10() / 7.0) * 28.0).round() as usize;
    "█".repeat(width.clamp(1, 28))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // cargo test --benches asks for a listing
    }
    let max: usize = std::env::var("GROWTH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let sizes: Vec<usize> = [10, 100, 1000, 10_000]
        .into_iter()
        .filter(|n| *n <= max)
        .collect();
    for (conditional, arches) in [(false, 1), (false, 3), (true, 1), (true, 3), (false, 9)] {
        let shape = if conditional {
            "conditional rules"
        } else {
            "names per rule"
        };
        println!("\n## {shape}, {arches} architecture(s)\n");
        let rows = measure(&sizes, conditional, arches);
        let head: Vec<String> = sizes.iter().map(|n| format!("{n} rules")).collect();
        println!("| stage | {} | growth exponents |", head.join(" | "));
        println!("|---|{}---|", "---|".repeat(sizes.len()));
        for row in &rows {
            let cells: Vec<String> = row.times.iter().map(|t| fmt(*t)).collect();
            println!(
                "| {} | {} | {} |",
                row.stage,
                cells.join(" | "),
                exponents(&sizes, &row.times).join(", ")
            );
        }
        println!("\n```text");
        for row in &rows {
            for (n, t) in sizes.iter().zip(&row.times) {
                println!("{:<18} {:>6} {:<28} {}", row.stage, n, bar(*t), fmt(*t));
            }
        }
        println!("```");
    }
}

//! The language changes texts for people, never what scripts read: the machine outputs print
//! the same bytes under `LANG=pt_BR.UTF-8` as under `LANG=C`, while the same environment does
//! turn the human listing Portuguese (so the variable reaches the program).

use crate::common;

use std::process::Output;

/// `seccompose ARGS...` with LANG set to `lang` (and nothing above it), its cache in `cache`.
fn run(lang: &str, cache: &std::path::Path, args: &[&str]) -> Output {
    common::seccompose()
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("seccompose runs")
}

#[test]
fn machine_outputs_are_the_same_bytes_in_every_language() {
    let cache = tempfile::tempdir().unwrap();
    let seed = common::fixture("seed-mkdir-chmod-chown.json");
    let seed = seed.to_str().unwrap();
    let small = common::fixture("bpf-small.json");
    let small = small.to_str().unwrap();
    let runtime = common::fixture("runtime-default.json");
    let runtime = runtime.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["lint", seed, "--format", "json"],
        &["lint", seed, "--format", "sarif"],
        &["compile", small],
        &["compile", small, "--format", "bpf"],
        &["compile", seed, "--format", "pfc"],
        &["explain", seed, "mkdir", "--json"],
        &["explain", seed, "chmod", "--json"],
        &[
            "explain",
            runtime,
            "mseal",
            "--libseccomp",
            "2.5.4",
            "--json",
        ],
        &[
            "explain", seed, "getpid", "--arch", "x86", "--arch", "x86_64", "--json",
        ],
        &["diff", seed, small, "--json"],
        &[
            "diff", seed, seed, "--arch", "x86_64", "--arch", "aarch64", "--json",
        ],
        &["syscalls", "--json"],
        &["syscalls", "--category", "network", "--json"],
    ];
    for args in commands {
        let c = run("C", cache.path(), args);
        let pt = run("pt_BR.UTF-8", cache.path(), args);
        assert!(!c.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(c.status.code(), pt.status.code(), "{args:?}");
        assert!(
            c.stdout == pt.stdout,
            "{args:?}: stdout differs by language"
        );
        assert!(
            c.stderr == pt.stderr,
            "{args:?}: stderr differs by language"
        );
    }
    // The JSON listing is the English catalog, word for word.
    let listing = run("pt_BR.UTF-8", cache.path(), &["syscalls", "--json"]);
    let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    let accept = listing
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "accept")
        .unwrap();
    let english = seccompose::catalog::Catalog
        .syscall("accept")
        .unwrap()
        .summary;
    assert_eq!(accept["summary"], english);
}

/// `syscalls` without --json is for people: its summaries follow the locale, as `apt-cache
/// search` descriptions do; LC_ALL wins over LANG.
#[test]
fn the_human_listing_follows_the_locale() {
    use seccompose::catalog::{Catalog, Language};
    let cache = tempfile::tempdir().unwrap();
    let accept = Catalog.syscall("accept").unwrap();
    let portuguese = accept.summary_in(Language::PtBr);
    assert_ne!(portuguese, accept.summary, "part0 is written in Portuguese");
    let listing = |env: &[(&str, &str)]| {
        let mut cmd = common::seccompose();
        cmd.args(["syscalls", "--category", "network"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("XDG_CACHE_HOME", cache.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let pt = listing(&[("LANG", "pt_BR.UTF-8")]);
    assert!(pt.contains(portuguese), "{pt}");
    let c = listing(&[("LANG", "C")]);
    assert!(c.contains(accept.summary) && !c.contains(portuguese), "{c}");
    let overridden = listing(&[("LANG", "pt_BR.UTF-8"), ("LC_ALL", "C.UTF-8")]);
    assert!(overridden.contains(accept.summary), "{overridden}");
}

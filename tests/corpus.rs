//! Every real-world profile passes `check` and survives `fmt` with the same meaning.

mod common;

use seccompose::catalog::Catalog;
use seccompose::profile::{self, has_errors};
use serde_json::Value;

#[test]
fn corpus_profiles_check_and_round_trip() {
    let files = common::corpus();
    for path in &files {
        let parsed = profile::load(path, &Catalog).unwrap();
        assert!(
            !has_errors(&parsed.diagnostics),
            "{}: {:?}",
            path.display(),
            parsed.diagnostics
        );
        let p = parsed.profile.expect("no errors, so a profile");
        let text = profile::to_canonical_string(&p);
        // Same meaning: the JSON values are equal (object key order aside; arrays in order).
        let before: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let after: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            before,
            after,
            "{} changed meaning through fmt",
            path.display()
        );
        // Canonical text is a fixed point.
        let again = profile::parse(&text, &Catalog).profile.unwrap();
        assert_eq!(
            profile::to_canonical_string(&again),
            text,
            "{}: fmt is not idempotent",
            path.display()
        );
    }
}

#[test]
fn check_cli_accepts_the_corpus() {
    let files = common::corpus();
    if files.is_empty() {
        return;
    }
    common::seccompose()
        .arg("check")
        .args(&files)
        .assert()
        .success();
}

#[test]
fn fmt_check_and_in_place_rewrite() {
    let Some(src) = common::corpus()
        .into_iter()
        .find(|p| p.ends_with("moby-default.json"))
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.json");
    std::fs::copy(&src, &file).unwrap();
    // The corpus is read-only, and so is a copy of it (fmt refuses read-only files).
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    // Docker's file uses tabs, so it is not canonical.
    common::seccompose()
        .args(["fmt", "--check"])
        .arg(&file)
        .assert()
        .code(1);
    common::seccompose()
        .arg("fmt")
        .arg(&file)
        .assert()
        .success();
    let backup = std::fs::read(dir.path().join("p.json~")).unwrap();
    assert_eq!(
        backup,
        std::fs::read(&src).unwrap(),
        "the previous version is kept as FILE~"
    );
    let formatted = std::fs::read(&file).unwrap();
    common::seccompose()
        .args(["fmt", "--check"])
        .arg(&file)
        .assert()
        .success();
    common::seccompose()
        .arg("fmt")
        .arg("--no-backup")
        .arg(&file)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        formatted,
        "canonical files are written back byte-identical"
    );
}

/// Truncated and mutated copies of the corpus never make the loader panic.
#[test]
fn damaged_profiles_never_panic() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let replacements: &[&[u8]] = &[
        b"",
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"",
        b",",
        b":",
        b"null",
        b"-1",
        b"1e9",
        b"\xff",
        b"\"x\"",
        b"18446744073709551616",
    ];
    for path in common::corpus() {
        let bytes = std::fs::read(&path).unwrap();
        for cut in (0..bytes.len()).step_by((bytes.len() / 40).max(1)) {
            let _ = profile::parse_bytes(&bytes[..cut], &Catalog);
        }
        for _ in 0..60 {
            let mut b = bytes.clone();
            let at = (next() as usize) % b.len().max(1);
            let len = ((next() % 8) as usize).min(b.len() - at);
            let with = replacements[(next() as usize) % replacements.len()];
            b.splice(at..at + len, with.iter().copied());
            let parsed = profile::parse_bytes(&b, &Catalog);
            if let Some(p) = parsed.profile {
                let _ = profile::to_canonical_string(&p);
            }
        }
    }
}

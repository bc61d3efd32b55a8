//! Every realistic profile (the project's fixtures, and ../shared/corpus when present) passes
//! `check` and survives `fmt` with the same meaning.

use crate::common;

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

/// `check` accepts every profile the runtime can load and refuses exactly those `compile`
/// refuses too (in the shared corpus, moby's fixture with errnoRet 12345, which libseccomp
/// refuses): one answer to "will runc load it?". The project's own fixtures all load.
#[test]
fn check_cli_accepts_the_corpus_the_runtime_can_load() {
    let files = common::corpus();
    for file in &files {
        let checked = common::seccompose()
            .arg("check")
            .arg(file)
            .output()
            .unwrap();
        let compiled = common::seccompose()
            .arg("compile")
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(
            checked.status.success(),
            compiled.status.success(),
            "{}: check and compile disagree\n{}\n{}",
            file.display(),
            String::from_utf8_lossy(&checked.stderr),
            String::from_utf8_lossy(&compiled.stderr)
        );
    }
    common::seccompose()
        .arg("check")
        .args(common::REALISTIC.iter().map(|n| common::fixture(n)))
        .assert()
        .success();
}

/// The fixtures are indented with tabs and with 4 spaces and CRLF: not canonical.
#[test]
fn fmt_check_and_in_place_rewrite() {
    for name in common::REALISTIC {
        let src = common::fixture(name);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.json");
        std::fs::copy(&src, &file).unwrap();
        common::fmt_check(&file).code(1);
        common::seccompose()
            .arg("fmt")
            .arg(&file)
            .assert()
            .success();
        let backup = std::fs::read(dir.path().join("p.json~")).unwrap();
        assert_eq!(
            backup,
            std::fs::read(&src).unwrap(),
            "{name}: the previous version is kept as FILE~"
        );
        let formatted = std::fs::read(&file).unwrap();
        common::fmt_check(&file).success();
        common::seccompose()
            .arg("fmt")
            .arg("--no-backup")
            .arg(&file)
            .assert()
            .success();
        assert_eq!(
            std::fs::read(&file).unwrap(),
            formatted,
            "{name}: canonical files are written back byte-identical"
        );
    }
}

/// The fixtures keep the shapes the tests rely on (tabs; 4 spaces and CRLF; a big rule), so
/// that an edit of them cannot quietly make the tests above weaker.
#[test]
fn fixtures_have_the_shapes_they_promise() {
    let tabs = std::fs::read_to_string(common::fixture("runtime-default.json")).unwrap();
    assert!(tabs.starts_with("{\n\t\"") && !tabs.contains('\r'));
    let spaces = std::fs::read_to_string(common::fixture("service-4space.json")).unwrap();
    assert!(spaces.starts_with("{\r\n    \"") && !spaces.contains('\t'));
    assert_eq!(spaces.matches('\n').count(), spaces.matches("\r\n").count());
    let p = profile::parse(&tabs, &Catalog).profile.unwrap();
    let rules = p.rules();
    assert!(rules[0].names().len() >= 300, "one big allow rule");
    let filters = rules
        .iter()
        .flat_map(|r| [&r.includes, &r.excludes])
        .flatten();
    let (mut caps, mut arches, mut kernel) = (0, 0, 0);
    for f in filters {
        caps += usize::from(f.caps.is_some());
        arches += usize::from(f.arches.is_some());
        kernel += usize::from(f.min_kernel.is_some());
    }
    assert!(
        caps >= 5 && arches >= 5 && kernel >= 2,
        "{caps} {arches} {kernel}"
    );
    let masked = rules
        .iter()
        .flat_map(|r| r.conditions())
        .filter(|c| c.op == profile::Op::MaskedEq)
        .count();
    assert!(masked >= 3);
    assert!(p.arch_map.as_ref().is_some_and(|m| m.len() >= 4));
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

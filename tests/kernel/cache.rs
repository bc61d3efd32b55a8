//! The compile cache never changes what a run enforces: an entry that is damaged or made for
//! another profile is ignored and rewritten, racing runs both work, and `--no-cache` writes
//! nothing (as root and as an ordinary user, each with a cache folder of their own).

use crate::common::users::*;
use std::path::{Path, PathBuf};
use std::process::Output;

const DENY_MKDIR: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}"#;
const ALLOW_ALL: &str = r#"{"defaultAction": "SCMP_ACT_ALLOW"}"#;

fn run(who: As, cache_home: &Path, profile: &Path, made: &Path, extra: &[&str]) -> Output {
    seccompose(who)
        .env("XDG_CACHE_HOME", cache_home)
        .arg("run")
        .arg("--enforce")
        .args(extra)
        .arg(profile)
        .arg("--")
        .arg("mkdir")
        .arg(made)
        .output()
        .unwrap()
}

/// The run was stopped from making the folder, as the profile says.
fn assert_denied(o: &Output, made: &Path, context: &str) {
    assert!(!o.status.success(), "{context}: {}", stderr(o));
    assert!(
        stderr(o).contains("Operation not permitted"),
        "{context}: {}",
        stderr(o)
    );
    assert!(!made.exists(), "{context}: the folder was made");
}

fn entries(cache_home: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(cache_home.join("seccompose"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn a_damaged_or_foreign_entry_never_changes_what_is_enforced() {
    for who in users() {
        let dir = scratch();
        let deny = dir.path().join("deny.json");
        let allow = dir.path().join("allow.json");
        for (path, text) in [(&deny, DENY_MKDIR), (&allow, ALLOW_ALL)] {
            std::fs::write(path, text).unwrap();
        }
        let cache = dir.path().join("cache");
        let made = dir.path().join("made");
        let o = run(who, &cache, &deny, &made, &[]);
        assert_denied(&o, &made, &format!("{who:?}, first run"));
        assert_eq!(
            entries(&cache).len(),
            1,
            "{who:?}: a cold run keeps one entry"
        );
        let o = run(who, &cache, &deny, &made, &[]);
        assert_denied(&o, &made, &format!("{who:?}, second run"));
        // One entry found by the profile, and from the second run one by the file's bytes
        // (which a warm enforced run looks up first).
        let good: Vec<(PathBuf, Vec<u8>)> = entries(&cache)
            .into_iter()
            .map(|e| (e.clone(), std::fs::read(&e).unwrap()))
            .collect();
        assert_eq!(good.len(), 2, "{who:?}: {good:?}");
        // Each entry damaged alone, the other gone (so that the run must consult this one).
        let only = |damaged: &Path| {
            for (other, _) in good.iter().filter(|(e, _)| e != damaged) {
                std::fs::remove_file(other).unwrap();
            }
        };
        let all_good = |context: &str| {
            for (entry, bytes) in &good {
                assert_eq!(
                    &std::fs::read(entry).unwrap(),
                    bytes,
                    "{context}: rewritten"
                );
            }
        };
        for (entry, bytes) in &good {
            only(entry);
            std::fs::write(entry, &bytes[..bytes.len() / 3]).unwrap();
            // Two runs: the first compiles again, the second keeps the filter by the bytes.
            for round in 0..2 {
                let o = run(who, &cache, &deny, &made, &[]);
                assert_denied(&o, &made, &format!("{who:?}, truncated entry, {round}"));
            }
            all_good(&format!("{who:?}, truncated {entry:?}"));
        }

        // The allow-all profile's entries, sound in themselves, put where the deny profile's are.
        for _ in 0..2 {
            let o = run(who, &cache, &allow, &made, &[]);
            assert!(
                o.status.success() && made.exists(),
                "{who:?}: {}",
                stderr(&o)
            );
            std::fs::remove_dir(&made).unwrap();
        }
        let others: Vec<PathBuf> = entries(&cache)
            .into_iter()
            .filter(|e| good.iter().all(|(g, _)| g != e))
            .collect();
        assert_eq!(others.len(), 2, "{who:?}: {others:?}");
        for (entry, _) in &good {
            for other in &others {
                only(entry);
                std::fs::copy(other, entry).unwrap();
                for round in 0..2 {
                    let o = run(who, &cache, &deny, &made, &[]);
                    assert_denied(&o, &made, &format!("{who:?}, another's entry, {round}"));
                }
                all_good(&format!("{who:?}, {other:?} copied over {entry:?}"));
            }
        }

        // Two runs filling one entry at once.
        let fresh = dir.path().join("fresh");
        let racing: Vec<_> = (0..2)
            .map(|_| {
                let (fresh, deny, made) = (fresh.clone(), deny.clone(), made.clone());
                std::thread::spawn(move || run(who, &fresh, &deny, &made, &[]))
            })
            .collect();
        for r in racing {
            assert_denied(&r.join().unwrap(), &made, &format!("{who:?}, racing"));
        }
        // Each run one entry, or two when it found the other's (then kept by the bytes too).
        let kept = entries(&fresh).len();
        assert!((1..=2).contains(&kept), "{who:?}: {:?}", entries(&fresh));

        let none = dir.path().join("none");
        let o = run(who, &none, &deny, &made, &["--no-cache"]);
        assert_denied(&o, &made, &format!("{who:?}, --no-cache"));
        assert!(
            entries(&none).is_empty(),
            "{who:?}: --no-cache wrote {:?}",
            entries(&none)
        );
    }
}

/// A filter compiled beforehand (the editor's draft of this generation) is the one a run
/// installs: the pane starts its command without compiling again, and what it runs is what
/// view 2 shows. Here the profile passed allows everything and the filter given denies mkdir.
#[test]
fn a_run_installs_the_filter_compiled_for_it() {
    use seccompose::catalog::Catalog;
    use seccompose::profile::{parse, Action, Profile, Target};
    use seccompose::sandbox::{self, Mode, RunOptions, Termination};
    let target = Target::host();
    let deny = parse(DENY_MKDIR, &Catalog).profile.unwrap();
    let compiled =
        seccompose::compile::build(&deny, &target, &seccompose::compile::Options::default())
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("made");
    let argv: Vec<std::ffi::OsString> = vec!["mkdir".into(), made.clone().into()];
    for mode in [Mode::Enforce, Mode::Observe] {
        let options = RunOptions {
            mode,
            compiled: Some(compiled.clone()),
            stdio: Some((
                std::process::Stdio::null(),
                std::process::Stdio::null(),
                std::process::Stdio::null(),
            )),
            ..RunOptions::default()
        };
        let allow = Profile::new(Action::Allow);
        let finished = sandbox::run(&allow, &target, &argv, options).unwrap();
        assert_eq!(finished.termination, Termination::Exited(1), "{mode:?}");
        assert!(!made.exists(), "{mode:?}: the folder was made");
    }
}

/// A warm enforced run finds its filter by the profile file's bytes, without reading them as a
/// profile: change one byte (here the errno a denied mkdir gets) and the next run enforces the
/// new profile, change it back and the first filter is used again; the same bytes under a
/// `.yaml` name are another kind of file (a manifest) and are read as such, not taken from the
/// JSON file's entry.
#[test]
fn a_filter_found_by_the_file_s_bytes_follows_every_change_to_them() {
    let eacces = DENY_MKDIR.replace(
        r#""action": "SCMP_ACT_ERRNO""#,
        r#""action": "SCMP_ACT_ERRNO", "errnoRet": 13"#,
    );
    for who in users() {
        let dir = scratch();
        let profile = dir.path().join("profile.json");
        let cache = dir.path().join("cache");
        let made = dir.path().join("made");
        for (round, text) in [DENY_MKDIR, &eacces, DENY_MKDIR, ALLOW_ALL]
            .iter()
            .enumerate()
        {
            std::fs::write(&profile, text).unwrap();
            for warm in [false, true] {
                let o = run(who, &cache, &profile, &made, &[]);
                let context = format!("{who:?}, round {round}, warm {warm}");
                match round {
                    1 => assert!(
                        stderr(&o).contains("Permission denied"),
                        "{context}: {}",
                        stderr(&o)
                    ),
                    3 => {
                        assert!(
                            o.status.success() && made.exists(),
                            "{context}: {}",
                            stderr(&o)
                        );
                        std::fs::remove_dir(&made).unwrap();
                    }
                    _ => assert_denied(&o, &made, &context),
                }
            }
        }
        // The same bytes as a manifest: not a SeccompProfile, so the run refuses the file.
        let yaml = dir.path().join("profile.yaml");
        std::fs::write(&yaml, DENY_MKDIR).unwrap();
        let o = run(who, &cache, &yaml, &made, &[]);
        assert!(
            !o.status.success() && !made.exists(),
            "{who:?}: {}",
            stderr(&o)
        );
        assert!(
            !stderr(&o).contains("Operation not permitted"),
            "{who:?}: {}",
            stderr(&o)
        );
    }
}

/// A warm observed run (its filter and the siblings it watches found by the file's bytes, the
/// profile read only to word what it reports) reports what a cold one does: the stop with its
/// errno and the rule that decided, and the sibling that went through; a changed byte is seen
/// at once.
#[test]
fn a_warm_observed_run_reports_what_a_cold_one_does() {
    let deny = r#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures":
      ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
      "syscalls": [{"names": ["chmod", "mkdir"], "action": "SCMP_ACT_ERRNO"}]}"#;
    let eacces = deny.replace(
        r#""action": "SCMP_ACT_ERRNO""#,
        r#""action": "SCMP_ACT_ERRNO", "errnoRet": 13"#,
    );
    for who in users() {
        let dir = scratch();
        let (profile, cache) = (dir.path().join("profile.json"), dir.path().join("cache"));
        let file = dir.path().join("f");
        std::fs::write(&file, "").unwrap();
        std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o666))
            .unwrap();
        let script = format!("chmod 600 {0}; mkdir {0}.d", file.display());
        let observe = || {
            let o = seccompose(who)
                .env("XDG_CACHE_HOME", &cache)
                .arg("run")
                .arg(&profile)
                .args(["--", "sh", "-c", &script])
                .output()
                .unwrap();
            stderr(&o)
        };
        for (text, errno) in [(deny, "ERRNO(EPERM)"), (&eacces, "ERRNO(EACCES)")] {
            std::fs::write(&profile, text).unwrap();
            let reports: Vec<String> = (0..3).map(|_| observe()).collect();
            let context = format!("{who:?} {errno}: {reports:#?}");
            assert!(reports[0].contains(errno), "{context}");
            assert!(reports[0].contains("syscalls[0]"), "{context}");
            assert!(reports[0].contains("went through: fchmodat("), "{context}");
            assert_eq!(reports[1], reports[0], "{context}");
            assert_eq!(reports[2], reports[0], "the warm run: {context}");
        }
        // The profile's entry, and from its second run the file's and the watched siblings'.
        assert_eq!(entries(&cache).len(), 6, "{who:?}: {:?}", entries(&cache));
    }
}

//! What the target runtime does beyond the profile: names its libseccomp cannot resolve (runc
//! and crun skip them) and runc's -ENOSYS stub for syscalls newer than the profile.

use super::finding::Finding;
use super::scope::{names, texts, unique_names, Scope};
use crate::catalog::Catalog;
use crate::compile::{self, known_since, target_knows};
use crate::i18n::Text;
use crate::profile::{LintId, Runtime, Severity, Target};
use crate::text;

/// `runtime-unknown-name`: a rule names a syscall the target runtime's libseccomp cannot
/// resolve, so the runtime skips it and the rule does not apply to it. A warning when the
/// rule stops calls (skipped, they get the default action, which may let them through); a
/// note when it allows them (skipped, they are stopped: stricter than written, not weaker).
pub(super) fn unknown_names(s: &Scope, target: &Target, out: &mut Vec<Finding>) {
    if !target.runtime.uses_libseccomp() {
        return;
    }
    for (index, rule) in s.active_rules() {
        let skipped: Vec<&str> = unique_names(rule)
            .into_iter()
            .filter(|n| Catalog.syscall(n).is_some() && !target_knows(n, target))
            .collect();
        if skipped.is_empty() {
            continue;
        }
        let newer: Vec<Text> = skipped
            .iter()
            .filter_map(|n| {
                let version = known_since(n)?.to_string();
                Some(text!("lint-known-from", name = *n, version = version))
            })
            .collect();
        let (path, runtime) = (format!("syscalls[{index}]"), target.runtime.to_string());
        let (skipped_n, libseccomp) = (skipped.len(), target.libseccomp.to_string());
        let message = if newer.is_empty() {
            text!(
                "lint-runtime-unknown-name",
                path = path,
                names = names(&skipped),
                n = skipped_n,
                runtime = runtime,
                libseccomp = libseccomp,
            )
        } else {
            text!(
                "lint-runtime-unknown-name-newer",
                path = path,
                names = names(&skipped),
                n = skipped_n,
                runtime = runtime,
                libseccomp = libseccomp,
                newer = texts(newer),
            )
        };
        let help = text!("lint-runtime-unknown-name-help");
        let severity = if rule.action.blocks() {
            Severity::Warning
        } else {
            Severity::Note
        };
        out.push(
            Finding::new(LintId::RuntimeUnknownName, severity, message, help)
                .at_rule(index, rule)
                .naming(&skipped),
        );
    }
}

/// `enosys-stub`, a note once per profile: from which number on runc answers new syscalls
/// with ENOSYS, per architecture.
pub(super) fn enosys_stub(
    profile: &crate::profile::Profile,
    target: &Target,
    out: &mut Vec<Finding>,
) {
    if target.runtime != Runtime::Runc || !compile::stub_applies(profile, target) {
        return;
    }
    let limits = compile::limits(profile, target);
    if limits.is_empty() {
        return;
    }
    let each: Vec<Text> = limits
        .iter()
        .map(|l| {
            text!(
                "lint-stub-from",
                first = (u64::from(l.nr) + 1).to_string(),
                arch = l.arch.to_string(),
                name = l.name.to_string(),
                nr = l.nr.to_string(),
            )
        })
        .collect();
    let message = text!("lint-enosys-stub", limits = texts(each));
    let help = text!("lint-enosys-stub-help");
    out.push(Finding::new(
        LintId::EnosysStub,
        Severity::Note,
        message,
        help,
    ));
}

#[cfg(test)]
mod unit {
    use crate::catalog::Catalog;
    use crate::lint::lint;
    use crate::profile::{parse, Arch, LibseccompVersion, LintId, Runtime, Severity, Target};

    fn target(runtime: Runtime, libseccomp: &str) -> Target {
        Target {
            arch: Arch::X86_64,
            runtime,
            libseccomp: LibseccompVersion::parse(libseccomp).expect("a version"),
            ..Target::host()
        }
    }

    const TEXT: &str = r#"{"defaultAction": "SCMP_ACT_ERRNO",
      "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X32"],
      "syscalls": [{"names": ["read", "write", "openat", "mseal"], "action": "SCMP_ACT_ALLOW"}]}"#;

    fn ids(text: &str, t: &Target) -> Vec<(LintId, String)> {
        let p = parse(text, &Catalog).profile.expect("valid");
        lint(&p, t)
            .into_iter()
            .filter(|f| matches!(f.id, LintId::RuntimeUnknownName | LintId::EnosysStub))
            .map(|f| (f.id, f.message.english()))
            .collect()
    }

    #[test]
    fn a_name_the_runtime_cannot_resolve_is_a_warning_naming_the_release_that_can() {
        let found = ids(TEXT, &target(Runtime::Runc, "2.5.4"));
        let warning = found
            .iter()
            .find(|(id, _)| *id == LintId::RuntimeUnknownName)
            .expect("mseal is unknown to 2.5.4");
        assert!(warning.1.contains("mseal from 2.5.6"), "{}", warning.1);
        assert!(ids(TEXT, &target(Runtime::Runc, "2.6.0"))
            .iter()
            .all(|(id, _)| *id != LintId::RuntimeUnknownName));
        assert!(ids(TEXT, &target(Runtime::None, "2.5.4"))
            .iter()
            .all(|(id, _)| *id != LintId::RuntimeUnknownName));
    }

    /// Skipping a name an allow rule names makes the profile stricter (a note); skipping one a
    /// deny rule names may let its calls through (a warning).
    #[test]
    fn skipping_an_allowed_name_is_a_note_and_a_denied_one_a_warning() {
        let severity = |action: &str| {
            let text = format!(
                r#"{{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{{"names": ["mseal"], "action": "{action}"}}]}}"#
            );
            let p = parse(&text, &Catalog).profile.expect("valid");
            lint(&p, &target(Runtime::Runc, "2.5.4"))
                .into_iter()
                .find(|f| f.id == LintId::RuntimeUnknownName)
                .map(|f| f.severity)
        };
        assert_eq!(severity("SCMP_ACT_ERRNO"), Some(Severity::Warning));
        assert_eq!(severity("SCMP_ACT_KILL_PROCESS"), Some(Severity::Warning));
        assert_eq!(severity("SCMP_ACT_LOG"), Some(Severity::Note));
    }

    #[test]
    fn the_stub_note_says_where_enosys_starts_once_and_only_under_runc() {
        // openat is 257 on x86_64 and x32; with 2.5.4 mseal does not count.
        let found = ids(TEXT, &target(Runtime::Runc, "2.5.4"));
        let notes: Vec<_> = found
            .iter()
            .filter(|(id, _)| *id == LintId::EnosysStub)
            .collect();
        assert_eq!(notes.len(), 1, "{found:?}");
        assert!(
            notes[0]
                .1
                .contains("from 258 on x86_64 (above openat, 257)")
                && notes[0].1.contains("from 258 on x32 (above openat, 257)"),
            "{}",
            notes[0].1
        );
        // A libseccomp that knows mseal moves the limit to it.
        let newer = ids(TEXT, &target(Runtime::Runc, "2.6.0"));
        assert!(newer
            .iter()
            .any(|(_, m)| m.contains("from 463 on x86_64 (above mseal, 462)")));
        for runtime in [Runtime::Crun, Runtime::None] {
            assert!(ids(TEXT, &target(runtime, "2.5.4"))
                .iter()
                .all(|(id, _)| *id != LintId::EnosysStub));
        }
        let allow = TEXT.replace("SCMP_ACT_ERRNO", "SCMP_ACT_LOG");
        assert!(ids(&allow, &target(Runtime::Runc, "2.5.4"))
            .iter()
            .all(|(id, _)| *id != LintId::EnosysStub));
    }
}

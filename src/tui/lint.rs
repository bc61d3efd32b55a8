//! View 4's findings, computed off the UI thread after every change: lint itself takes a few
//! milliseconds on a runtime's default profile, and the translation check behind it needs the
//! filter compiled (about 14 ms, shared with view 2), too long for a keystroke. Results carry
//! the session generation, as view 2's filter does.

use super::worker::Keyed;
use crate::compile::{Draft, SharedDraft};
use crate::lint::{self, Finding};
use crate::profile::{Profile, Severity, Target};
use crate::sandbox::SharedObservation;

/// The findings for one generation, with how many there are of each severity.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Errors first, then warnings, then notes; in source order within each.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Lint's findings and the compiler's translation check (in `draft`, the profile compiled
    /// for the target, when it compiles) for a profile on a target.
    pub fn of(profile: &Profile, target: &Target, draft: Option<&Draft>) -> Report {
        let mut findings = lint::lint(profile, target);
        if let Some(draft) = draft {
            let differences = draft.mismatches.iter();
            let differences = differences.map(|m| (m.name.clone(), m.describe()));
            lint::add_translation(&mut findings, differences, profile.rules());
        }
        findings.sort_by(|a, b| (b.severity, a.pos).cmp(&(a.severity, b.pos)));
        Report { findings }
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// The latest report and the request in flight, keyed by session generation.
pub type LintLoader = Keyed<u64, (Profile, Target, SharedDraft, SharedObservation), Report>;

/// A loader that lints on its own thread, and readies an observed run of the same version
/// (which shares lint's sibling analysis and the compile) before it answers.
pub fn lint_loader() -> LintLoader {
    Keyed::new(|(profile, target, draft, observation)| {
        let compiled = draft.get(&profile, &target);
        let report = Report::of(&profile, &target, compiled);
        observation.get(&profile, &target, compiled.map(|d| &d.compiled));
        report
    })
}

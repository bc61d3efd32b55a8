//! View 4's findings, computed off the UI thread after every change: lint itself takes a few
//! milliseconds on a runtime's default profile, and the translation check behind it compiles
//! the filter (about 10 ms), too long for a keystroke. Results carry the session generation,
//! as view 2's filter does.

use super::worker::Keyed;
use crate::compile;
use crate::lint::{self, Finding};
use crate::profile::{Profile, Severity, Target};

/// The findings for one generation, with how many there are of each severity.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Errors first, then warnings, then notes; in source order within each.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Lint's findings and the compiler's translation check for a profile on a target.
    pub fn of(profile: &Profile, target: &Target) -> Report {
        let mut findings = lint::lint(profile, target);
        if let Ok(compiled) = compile::build(profile, target, &compile::Options::default()) {
            let differences = compile::translation_check(profile, target, &compiled);
            let differences = differences.iter().map(|m| (m.name.clone(), m.describe()));
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
pub type LintLoader = Keyed<u64, (Profile, Target), Report>;

/// A loader that lints on its own thread.
pub fn lint_loader() -> LintLoader {
    Keyed::new(|(profile, target)| Report::of(&profile, &target))
}

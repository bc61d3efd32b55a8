//! A draft compiled once for everything that shows it: view 2 disassembles the filter and lint
//! reports its translation check, and on Docker's default the compile is most of the cost of
//! either (about 14 ms of 16), so the first of them to ask compiles and the other shares it.
//! libseccomp's pseudo-filter code (about 1 ms more) is made only when view 2 asked for it.

use super::{filter, pfc_of, translation_check, CompileError, Compiled, Mismatch, Options};
use crate::profile::{Profile, Target};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// A compiled filter with what the views of it need: the calls where the filter and the
/// profile disagree, and libseccomp's pseudo-filter code when asked for.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The filter as the kernel will load it.
    pub compiled: Compiled,
    /// libseccomp's pseudo-filter code of the same filter, one line each, when asked for.
    pub pfc: Option<Vec<String>>,
    /// Calls where the filter does not do what the profile says.
    pub mismatches: Vec<Mismatch>,
}

impl Draft {
    /// Compiles `profile` for `target`, checks the translation, and exports the pseudo-filter
    /// code when `with_pfc`.
    pub fn build(
        profile: &Profile,
        target: &Target,
        options: &Options,
        with_pfc: bool,
    ) -> Result<Draft, CompileError> {
        let (ctx, compiled) = filter(profile, target, options)?;
        let pfc = match with_pfc {
            true => Some(pfc_of(&ctx)?.lines().map(str::to_string).collect()),
            false => None,
        };
        let mismatches = translation_check(profile, target, &compiled);
        Ok(Draft {
            compiled,
            pfc,
            mismatches,
        })
    }
}

/// One version of a draft's compile, shared between threads: made by the first caller of
/// [`SharedDraft::get`], waited for by the others. A new version of the draft needs a new one.
#[derive(Clone, Default)]
pub struct SharedDraft(Arc<Shared>);

#[derive(Default)]
struct Shared {
    draft: OnceLock<Option<Draft>>,
    pfc_wanted: AtomicBool,
}

impl SharedDraft {
    /// Asks for the pseudo-filter code too; it counts if asked before the compile starts.
    pub fn want_pfc(&self) {
        self.0.pfc_wanted.store(true, Ordering::Release);
    }

    /// Whether this generation's draft has been compiled (or found not to compile).
    pub fn ready(&self) -> bool {
        self.0.draft.get().is_some()
    }

    /// The draft compiled with the default options, or None when it does not compile (the
    /// caller that needs the error compiles again). Every caller must pass the same version.
    pub fn get(&self, profile: &Profile, target: &Target) -> Option<&Draft> {
        let with_pfc = self.0.pfc_wanted.load(Ordering::Acquire);
        self.0
            .draft
            .get_or_init(|| Draft::build(profile, target, &Options::default(), with_pfc).ok())
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Action;

    #[test]
    fn a_version_is_compiled_once_and_shared() {
        let (docker, allow_all) = (
            crate::profile::starters::default_profile(&crate::catalog::Catalog),
            Profile::new(Action::Allow),
        );
        let host = Target::host();
        let shared = SharedDraft::default();
        let first = shared.get(&docker, &host).unwrap().compiled.bpf.clone();
        let other = shared.clone();
        let again =
            std::thread::spawn(move || other.get(&allow_all, &host).unwrap().compiled.bpf.clone());
        assert_eq!(
            first,
            again.join().unwrap(),
            "the second caller compiled again"
        );
        let allow_all = Profile::new(Action::Allow);
        let own = Draft::build(&allow_all, &Target::host(), &Options::default(), false).unwrap();
        assert_ne!(first, own.compiled.bpf);
    }

    #[test]
    fn the_pseudo_filter_code_is_made_only_when_asked_for() {
        let (profile, host) = (
            crate::profile::starters::default_profile(&crate::catalog::Catalog),
            Target::host(),
        );
        let lint_only = SharedDraft::default();
        assert!(lint_only.get(&profile, &host).unwrap().pfc.is_none());
        let shown = SharedDraft::default();
        shown.want_pfc();
        let pfc = shown.get(&profile, &host).unwrap().pfc.as_ref().unwrap();
        assert!(pfc.iter().any(|line| line.contains("mkdir")), "{pfc:?}");
    }
}

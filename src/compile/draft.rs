//! A draft compiled once for everything that shows it: view 2 disassembles the filter and lint
//! reports its translation check, and on Docker's default the compile is most of the cost of
//! either (about 14 ms of 16), so the first of them to ask compiles and the other shares it.

use super::{filter, pfc_of, translation_check, CompileError, Compiled, Mismatch, Options};
use crate::profile::{Profile, Target};
use std::sync::{Arc, OnceLock};

/// A compiled filter with what every view of it needs: libseccomp's pseudo-filter code and
/// the calls where the filter and the profile disagree.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The filter as the kernel will load it.
    pub compiled: Compiled,
    /// libseccomp's pseudo-filter code of the same filter, one line each.
    pub pfc: Vec<String>,
    /// Calls where the filter does not do what the profile says.
    pub mismatches: Vec<Mismatch>,
}

impl Draft {
    /// Compiles `profile` for `target` and checks the translation.
    pub fn build(
        profile: &Profile,
        target: &Target,
        options: &Options,
    ) -> Result<Draft, CompileError> {
        let (ctx, compiled) = filter(profile, target, options)?;
        let pfc = pfc_of(&ctx)?.lines().map(str::to_string).collect();
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
pub struct SharedDraft(Arc<OnceLock<Option<Draft>>>);

impl SharedDraft {
    /// The draft compiled with the default options, or None when it does not compile (the
    /// caller that needs the error compiles again). Every caller must pass the same version.
    pub fn get(&self, profile: &Profile, target: &Target) -> Option<&Draft> {
        self.0
            .get_or_init(|| Draft::build(profile, target, &Options::default()).ok())
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Action;

    #[test]
    fn a_version_is_compiled_once_and_shared() {
        let (docker, allow_all) = (crate::tui::default_profile(), Profile::new(Action::Allow));
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
        let own = Draft::build(&allow_all, &Target::host(), &Options::default()).unwrap();
        assert_ne!(first, own.compiled.bpf);
    }
}

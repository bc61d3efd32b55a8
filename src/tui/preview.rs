//! The compiled filter for the BPF view, built off the UI thread: libseccomp takes about
//! 10 ms on Docker's profile, too long for a keystroke. Each request carries the session's
//! generation; the worker skips requests that newer ones superseded, and a result is shown
//! as current only while its generation is the session's.

use super::worker::Keyed;
use crate::catalog::Catalog;
use crate::compile::{CompileError, Options, Preview, SharedDraft};
use crate::profile::{Profile, RenderedText, Source, Target};
use std::time::Duration;

/// A compile result, or why there is none.
pub type Outcome = Result<Preview, CompileError>;

/// The two layouts of the same filter (linear, binary tree), or why they do not compile.
pub type Layouts = Result<Box<[Preview; 2]>, CompileError>;

/// What the worker makes for one generation of the document.
pub struct Rendered {
    /// The compiled filter with its disassembly and PFC.
    pub outcome: Outcome,
    /// The document as `Ctrl-s` would write it.
    pub json: RenderedText,
    /// Both layouts, when they were asked for.
    pub layouts: Option<Layouts>,
}

/// One request: what it is compiled from, and whether to compare layouts.
pub struct Request {
    profile: Profile,
    target: Target,
    source: Option<Source>,
    layouts: bool,
    /// The draft's compile, which the lint worker may have made already.
    draft: SharedDraft,
}

fn render(r: Request) -> Rendered {
    let outcome = match r.draft.get(&r.profile, &r.target) {
        Some(draft) if draft.pfc.is_some() => {
            Preview::of_draft(draft.clone(), &r.profile, &r.target)
        }
        // It does not compile (compile again for the error, which is not shared), or it was
        // compiled for lint alone before view 2 was shown.
        _ => Preview::build(&r.profile, &r.target, &Options::default()),
    };
    let json = crate::profile::rendered(r.source.as_ref(), &r.profile, &Catalog);
    let layouts = r
        .layouts
        .then(|| Preview::layouts(&r.profile, &r.target).map(Box::new));
    Rendered {
        outcome,
        json,
        layouts,
    }
}

/// The latest compiled filter and the request in flight, keyed by session generation and
/// whether the layouts were asked for.
pub struct PreviewLoader {
    keyed: Keyed<(u64, bool), Request, Rendered>,
    layouts: bool,
}

impl Default for PreviewLoader {
    fn default() -> Self {
        PreviewLoader {
            keyed: Keyed::new(render),
            layouts: false,
        }
    }
}

impl PreviewLoader {
    /// Asks for the filter of `generation` (with both layouts when `layouts`) unless it is
    /// here or on its way; `source` is the file's text, for the JSON a save would write, and
    /// `draft` the generation's shared compile.
    pub fn want(
        &mut self,
        generation: u64,
        (profile, target): (&Profile, &Target),
        source: Option<&Source>,
        draft: &SharedDraft,
        layouts: bool,
    ) {
        self.layouts = layouts;
        // Before the lint worker is asked for the same generation (the app asks view 2 first).
        draft.want_pfc();
        self.keyed.want((generation, layouts), || Request {
            profile: profile.clone(),
            target: target.clone(),
            source: source.cloned(),
            layouts,
            draft: draft.clone(),
        });
    }

    /// Collects finished compiles; true when one arrived.
    pub fn poll(&mut self) -> bool {
        self.keyed.poll()
    }

    /// Waits up to `timeout` for the requested filter (tests, and a first frame that should
    /// not flash "compiling"); true when it is here.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        self.keyed.wait(timeout)
    }

    /// Whether the last requested filter has arrived.
    pub fn is_done(&self) -> bool {
        self.keyed.is_done()
    }

    /// Everything made for `generation`, when it has arrived.
    pub fn rendered(&self, generation: u64) -> Option<&Rendered> {
        self.keyed.current((generation, self.layouts))
    }

    /// The filter of `generation`, when it has arrived.
    pub fn current(&self, generation: u64) -> Option<&Outcome> {
        self.rendered(generation).map(|r| &r.outcome)
    }

    /// The newest filter that arrived, whatever its generation (shown as outdated while the
    /// current one compiles).
    pub fn latest(&self) -> Option<&Outcome> {
        self.keyed.latest().map(|r| &r.outcome)
    }

    /// The newest of everything that arrived, whatever its generation.
    pub fn latest_rendered(&self) -> Option<&Rendered> {
        self.keyed.latest()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Arch;

    fn target() -> Target {
        Target::host_as(Arch::X86_64)
    }

    #[test]
    fn only_the_newest_generation_counts_as_current() {
        let profile = crate::profile::starters::default_profile(&crate::catalog::Catalog);
        let mut loader = PreviewLoader::default();
        let shared = SharedDraft::default();
        assert!(!loader.poll() && !loader.is_done() && loader.latest().is_none());
        loader.want(
            1,
            (&profile, &target()),
            None,
            &SharedDraft::default(),
            false,
        );
        loader.want(2, (&profile, &target()), None, &shared, false);
        assert!(
            loader.wait(Duration::from_secs(30)),
            "generation 2 compiles"
        );
        assert!(loader.is_done());
        assert!(matches!(loader.current(2), Some(Ok(_))));
        assert!(
            loader.current(1).is_none(),
            "a superseded result is never current"
        );
        loader.want(2, (&profile, &target()), None, &shared, false);
        assert!(
            loader.is_done(),
            "asking again for what is here sends nothing"
        );
        let json = &loader.rendered(2).unwrap().json;
        assert_eq!(json.text, crate::profile::to_canonical_string(&profile));
        assert!(loader.rendered(2).unwrap().layouts.is_none());
        loader.want(2, (&profile, &target()), None, &shared, true);
        assert!(!loader.is_done(), "the layouts are on their way");
        assert!(loader.wait(Duration::from_secs(30)));
        let layouts = loader.rendered(2).unwrap().layouts.as_ref().unwrap();
        let [linear, tree] = &**layouts.as_ref().unwrap();
        assert!(!linear.compiled.tree && tree.compiled.tree);
        loader.want(
            3,
            (&profile, &target()),
            None,
            &SharedDraft::default(),
            false,
        );
        assert!(loader.current(3).is_none() && loader.latest().is_some());
    }
}

//! The compiled filter for the BPF view, built off the UI thread: libseccomp takes about
//! 10 ms on Docker's profile, too long for a keystroke. Each request carries the session's
//! generation; the worker skips requests that newer ones superseded, and a result is shown
//! as current only while its generation is the session's.

use super::worker::Keyed;
use crate::compile::{CompileError, Options, Preview};
use crate::profile::{Profile, Target};

/// A compile result, or why there is none.
pub type Outcome = Result<Preview, CompileError>;

/// The latest compiled filter and the request in flight, keyed by session generation.
pub type PreviewLoader = Keyed<u64, (Profile, Target), Outcome>;

/// A loader that compiles on its own thread.
pub fn preview_loader() -> PreviewLoader {
    Keyed::new(|(profile, target)| Preview::build(&profile, &target, &Options::default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Arch;
    use std::time::Duration;

    fn target() -> Target {
        Target {
            arch: Arch::X86_64,
            ..Target::host()
        }
    }

    #[test]
    fn only_the_newest_generation_counts_as_current() {
        let profile = crate::tui::default_profile();
        let mut loader = preview_loader();
        assert!(!loader.poll() && !loader.is_done() && loader.latest().is_none());
        loader.want(1, || (profile.clone(), target()));
        loader.want(2, || (profile.clone(), target()));
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
        loader.want(2, || (profile.clone(), target()));
        assert!(
            loader.is_done(),
            "asking again for what is here sends nothing"
        );
        loader.want(3, || (profile.clone(), target()));
        assert!(loader.current(3).is_none() && loader.latest().is_some());
    }
}

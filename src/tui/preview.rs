//! The compiled filter for the BPF view, built off the UI thread: libseccomp takes about
//! 10 ms on Docker's profile, too long for a keystroke. Each request carries the session's
//! generation; the worker skips requests that newer ones superseded, and a result is shown
//! as current only while its generation is the session's.

use super::worker::spawn_newest;
use crate::compile::{CompileError, Options, Preview};
use crate::profile::{Profile, Target};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// A compile result, or why there is none.
pub type Outcome = Result<Preview, CompileError>;

type Request = (u64, Profile, Target);
/// The channel to the worker thread and the one back.
type Worker = (Sender<Request>, Receiver<(u64, Outcome)>);

/// The latest compiled filter and the request in flight.
#[derive(Default)]
pub struct PreviewLoader {
    worker: Option<Worker>,
    requested: Option<u64>,
    latest: Option<(u64, Outcome)>,
}

impl PreviewLoader {
    /// Asks for the filter of `generation` unless it is here or on its way.
    pub fn want(&mut self, generation: u64, profile: &Profile, target: &Target) {
        if self.requested == Some(generation) {
            return;
        }
        self.requested = Some(generation);
        let (tx, _) = self.worker.get_or_insert_with(spawn);
        // A send fails only when the worker is gone, which it never is while we hold its
        // receiver; the request then stays unanswered and the view keeps saying so.
        let _ = tx.send((generation, profile.clone(), target.clone()));
    }

    /// Collects finished compiles; true when one arrived.
    pub fn poll(&mut self) -> bool {
        let Some((_, rx)) = &self.worker else {
            return false;
        };
        let mut arrived = false;
        while let Ok(result) = rx.try_recv() {
            self.latest = Some(result);
            arrived = true;
        }
        arrived
    }

    /// Waits up to `timeout` for the requested filter (tests, and a first frame that should
    /// not flash "compiling"); true when it is here.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while !self.is_done() {
            let Some((_, rx)) = &self.worker else {
                return false;
            };
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(result) => self.latest = Some(result),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }

    /// Whether the last requested filter has arrived.
    pub fn is_done(&self) -> bool {
        self.requested.is_some() && self.requested == self.latest.as_ref().map(|(g, _)| *g)
    }

    /// The filter of `generation`, when it has arrived.
    pub fn current(&self, generation: u64) -> Option<&Outcome> {
        self.latest
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, o)| o)
    }

    /// The newest filter that arrived, whatever its generation (shown as outdated while the
    /// current one compiles).
    pub fn latest(&self) -> Option<&Outcome> {
        self.latest.as_ref().map(|(_, o)| o)
    }
}

fn spawn() -> Worker {
    spawn_newest(|(generation, profile, target): Request| {
        let outcome = Preview::build(&profile, &target, &Options::default());
        (generation, outcome)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Arch;

    fn target() -> Target {
        Target {
            arch: Arch::X86_64,
            ..Target::host()
        }
    }

    #[test]
    fn only_the_newest_generation_counts_as_current() {
        let profile = crate::tui::default_profile();
        let mut loader = PreviewLoader::default();
        assert!(!loader.poll() && !loader.is_done() && loader.latest().is_none());
        loader.want(1, &profile, &target());
        loader.want(2, &profile, &target());
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
        loader.want(2, &profile, &target());
        assert!(
            loader.is_done(),
            "asking again for what is here sends nothing"
        );
        loader.want(3, &profile, &target());
        assert!(loader.current(3).is_none() && loader.latest().is_some());
    }
}

//! Where a learner is in a lesson: steps complete in order, each when its checks hold over
//! the editor's state, and stay complete.

use super::check::{all_hold, Snapshot};
use super::Lesson;

/// Progress through one lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The lesson's index in its set.
    pub lesson: usize,
    /// The current step's index; the number of steps once all are done.
    pub step: usize,
    /// The run serial when the lesson started: earlier runs do not count.
    pub runs_before: usize,
}

impl Progress {
    /// The start of lesson `lesson`, when the editor has made `runs` runs so far.
    pub fn new(lesson: usize, runs: usize) -> Progress {
        Progress {
            lesson,
            step: 0,
            runs_before: runs,
        }
    }

    /// Completes the current step when the state shows it, then the next ones that the same
    /// state shows too; returns how many steps completed.
    pub fn update(&mut self, lesson: &Lesson, snap: &Snapshot<'_>) -> usize {
        let before = self.step;
        while let Some(step) = lesson.steps.get(self.step) {
            if !all_hold(&step.check, snap, self.runs_before) {
                break;
            }
            self.step += 1;
        }
        self.step - before
    }

    /// Whether every step is done.
    pub fn finished(&self, lesson: &Lesson) -> bool {
        self.step >= lesson.steps.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::{fallback, Pane};
    use crate::profile::{Action, Edit, Target};

    #[test]
    fn steps_complete_in_order_from_the_state_and_stay_complete() {
        let lesson = &fallback().lessons[fallback().find("block-a-syscall").unwrap()];
        let target = Target::host();
        let mut profile = lesson.start.profile().unwrap();
        let mut progress = Progress::new(1, 0);
        fn snap<'a>(
            p: &'a crate::profile::Profile,
            target: &'a Target,
            pane: Pane,
        ) -> Snapshot<'a> {
            Snapshot {
                profile: p,
                target,
                pane,
                run: None,
                lint: None,
                traced: None,
                layouts_compared: false,
                recording_stops: None,
            }
        }
        for pane in [Pane::Syscalls, Pane::Run, Pane::Lint] {
            assert_eq!(progress.update(lesson, &snap(&profile, &target, pane)), 0);
        }
        Edit::SetAction {
            names: vec!["mkdir".into()],
            action: Some(Action::Errno),
            errno: None,
        }
        .apply(&mut profile)
        .unwrap();
        assert_eq!(
            progress.update(lesson, &snap(&profile, &target, Pane::Syscalls)),
            1
        );
        assert_eq!(progress.step, 1);
        // Undoing the denial does not take a done step back.
        let start = lesson.start.profile().unwrap();
        assert_eq!(
            progress.update(lesson, &snap(&start, &target, Pane::Syscalls)),
            0
        );
        assert_eq!(progress.step, 1);
        assert!(!progress.finished(lesson));
    }
}

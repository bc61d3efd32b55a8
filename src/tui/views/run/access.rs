//! What the rest of the editor reads of view 3 (the lessons, the app, tests), and the way a
//! recording made elsewhere is taken in: the view's fields stay its own.

use super::{Phase, Recorded, RunView};
use crate::sandbox::{Mode, StopSummary};
use crate::tui::replay::ReplayLoader;
use std::time::Duration;

impl RunView {
    /// How many runs were started (numbers them on screen).
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// The command line of the last run.
    pub fn ran(&self) -> &str {
        &self.ran
    }

    /// The mode of the last run.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Where the last run is.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The last run's stops, grouped by syscall.
    pub fn summary(&self) -> &[StopSummary] {
        &self.summary
    }

    /// Observed mode: the last run's calls that went through to watched siblings of denied
    /// syscalls.
    pub fn through(&self) -> &[StopSummary] {
        &self.through
    }

    /// The text on the last run's terminal screen.
    pub fn screen_text(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// The last recorded run.
    pub fn recorded(&self) -> Option<&Recorded> {
        self.recorded.as_ref()
    }

    /// The last recording judged against the draft.
    pub fn replay(&self) -> &ReplayLoader {
        &self.replay
    }

    /// The proposal after a recording.
    pub fn proposal(&self) -> Option<&super::Proposal> {
        self.proposal.as_ref()
    }

    /// Waits up to `timeout` for the replay asked for last; true when it is here.
    pub fn wait_for_replay(&mut self, timeout: Duration) -> bool {
        self.replay.wait(timeout)
    }

    /// Puts `text` on the command line (what the next run runs).
    pub fn set_command(&mut self, text: &str) {
        self.line.input.set(text);
    }

    /// Takes in a recording made elsewhere (tests, benchmarks): it is replayed against
    /// each draft from now on.
    pub fn take_recording(&mut self, recorded: Recorded) {
        self.recorded = Some(recorded);
    }

    /// Takes in a recording as if it had just ended, with `names` syscalls seen: its
    /// command on the command line, and the proposal worked out next (tests).
    pub fn recording_ended(&mut self, recorded: Recorded, names: usize) {
        self.set_command(&recorded.command);
        self.mode = Mode::Record;
        self.ran = recorded.command.clone();
        self.recorded_names = names;
        self.phase = Phase::Finished {
            cause: crate::text!("ed-cause-exited", status = 0),
            ok: true,
        };
        self.recorded = Some(recorded);
        self.proposing = true;
    }
}

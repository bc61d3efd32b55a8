//! How a run ends in view 3: the stops and the cause in the state line, the recording kept
//! for the proposal and replay, and why a run did not happen.

use super::{Focus, Phase, Recorded, RunView};
use crate::msg;
use crate::sandbox::{Mode, Report, SandboxError};
use crate::tui::runner::{Ended, Runner};
use crate::tui::session::Session;
use std::sync::Arc;

impl RunView {
    /// Takes in how the run ended.
    pub(super) fn finish(&mut self, result: Result<Ended, SandboxError>, session: &mut Session) {
        self.parsed = self.runner.as_ref().map(Runner::parsed);
        self.catching_up = self.runner.take().map(|r| r.freshness());
        if self.focus == Focus::Terminal {
            self.focus = Focus::Stops;
        }
        let (finished, container) = match result {
            Ok(ended) => (ended.finished, ended.container),
            Err(e) => {
                self.phase = Phase::Failed(failure_text(&e, session));
                return;
            }
        };
        if container.is_some() && self.mode == Mode::Record {
            // The container's agent reports no first uses while recording: its syscalls are
            // counted at the end.
            let used: std::collections::BTreeSet<_> = finished
                .calls
                .calls
                .iter()
                .map(|(call, _)| (call.arch, call.nr))
                .collect();
            self.recorded_names = used.len();
        }
        let runtime_cause = container
            .as_deref()
            .and_then(|c| self.container_cause(c, session));
        let report = Report {
            termination: finished.termination,
            summary: self.summary.clone(),
            went_through: self.through.clone(),
            stops: Vec::new(),
            containment: finished.containment,
        };
        let profile = self.ran_with.as_ref().unwrap_or(session.profile());
        self.phase = Phase::Finished {
            ok: runtime_cause.is_none()
                && finished.termination == crate::sandbox::Termination::Exited(0),
            cause: runtime_cause.unwrap_or_else(|| report.cause(profile)),
        };
        if self.mode != Mode::Record {
            session.memory.finish_run_lesson();
            return;
        }
        let serial = self.recorded.as_ref().map_or(1, |r| r.serial + 1);
        self.recorded = Some(Recorded {
            serial,
            command: self.ran.clone(),
            calls: Arc::new(finished.calls),
        });
        self.proposing = true;
        self.keep_proposal_current(session);
    }
}

/// Why a run did not happen, in words; a profile libseccomp refuses names the rule's place.
pub(super) fn failure_text(e: &SandboxError, session: &Session) -> String {
    match e {
        SandboxError::Compile(c) => {
            let file = session
                .path
                .as_ref()
                .map_or_else(|| msg!("ed-run-the-profile"), |p| p.display().to_string());
            msg!("ed-run-no-compile", why = c.render(&file))
        }
        SandboxError::CannotStart(why) => msg!("cli-run-cannot-start", why = why.text().local()),
        other => other.to_string(),
    }
}

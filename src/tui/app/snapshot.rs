//! The editor's state as the lessons' steps (`crate::learn`) see it: read from the views by
//! the app, which holds them all.

use crate::learn::{Pane, RunState, Snapshot, Traced};
use crate::tui::session::Session;
use crate::tui::views::bpf::BpfView;
use crate::tui::views::lint::LintView;
use crate::tui::views::run::{Phase, RunView};
use crate::tui::views::View;

/// The editor's state as the steps see it.
pub fn snapshot<'a>(
    session: &'a Session,
    view: View,
    run: &'a RunView,
    lint: &'a LintView,
    bpf: &'a BpfView,
) -> Snapshot<'a> {
    let pane = match view {
        View::Syscalls => Pane::Syscalls,
        View::Bpf => Pane::Bpf,
        View::Run => Pane::Run,
        View::Lint => Pane::Lint,
        View::Settings => Pane::Settings,
    };
    let run_state = (run.runs() > 0).then(|| RunState {
        serial: run.runs(),
        command: run.ran(),
        mode: run.mode(),
        ended_ok: match run.phase() {
            Phase::Idle | Phase::Running => None,
            Phase::Finished { ok, .. } => Some(*ok),
            Phase::Failed(_) => Some(false),
        },
        stops: run.summary(),
        went_through: run.through(),
        output: run.screen_text(),
        current: run.ran_with() == Some(session.profile()),
    });
    let traced = bpf
        .traced()
        .filter(|t| t.generation == session.generation())
        .and_then(|t| {
            let e = t.result.as_ref().ok()?;
            Some(Traced {
                syscall: &t.call.name,
                action: e.action,
            })
        });
    let recording_stops = run.recorded().and_then(|rec| {
        match run.replay().current((session.generation(), rec.serial)) {
            Some(Ok(r)) => Some(r.stopped.len()),
            _ => None,
        }
    });
    Snapshot {
        profile: session.profile(),
        target: &session.target,
        pane,
        run: run_state,
        lint: lint.current(session).map(|r| r.findings.as_slice()),
        traced,
        layouts_compared: bpf.comparing(),
        recording_stops,
    }
}

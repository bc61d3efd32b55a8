//! View 4: the findings about the draft, recomputed off the UI thread after every change and
//! grouped by severity; the selected one's explanation, the rule it concerns (Enter jumps to
//! it) and its fix (`f` applies it as one undoable edit).

mod detail;
mod list;

use crate::catalog::Catalog;
use crate::lint::{Finding, LintId};
use crate::tui::component::{Component, Handled, Intent};
use crate::tui::ctx::DrawCtx;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::{Command, Context};
use crate::tui::lint::{lint_loader, LintLoader, Report};
use crate::tui::session::{Session, Tone};
use ratatui::crossterm::event::{MouseButton, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::Frame;
use std::time::Duration;

pub use crate::tui::component::Jump;

/// View 4's state.
pub struct LintView {
    /// The findings, current or on their way.
    loader: LintLoader,
    /// The selected finding.
    cursor: Cursor,
    /// Where the list was drawn last (for the mouse).
    list_area: Rect,
    /// The finding on each row of the list as last drawn (None: a group heading).
    rows: Vec<Option<usize>>,
}

impl Default for LintView {
    fn default() -> Self {
        LintView {
            loader: lint_loader(),
            cursor: Cursor::new(0),
            list_area: Rect::default(),
            rows: Vec::new(),
        }
    }
}

/// Findings whose rule is best looked at in the rule editor: they are about its conditions.
const ABOUT_CONDITIONS: &[LintId] = &[
    LintId::PointerArgument,
    LintId::MissingArgument,
    LintId::RepeatedArgument,
    LintId::SignExtension,
    LintId::HighBits32,
    LintId::Translation,
];

impl LintView {
    /// Asks for the findings of the session's generation and collects them; true when a
    /// report arrived. Runs on every view: the title bar counts the findings.
    pub fn sync(&mut self, session: &Session) -> bool {
        let arrived = self.loader.poll();
        self.loader.want(session.generation(), || {
            let draft = session.compiled().clone();
            let observation = session.observation().clone();
            (
                session.profile().clone(),
                session.target.clone(),
                draft,
                observation,
            )
        });
        if let Some(report) = self.loader.latest() {
            self.cursor.len = report.findings.len();
            self.cursor.step(0);
        }
        arrived
    }

    /// Waits up to `timeout` for the current generation's report (tests, benchmarks).
    pub fn wait(&mut self, session: &Session, timeout: Duration) -> bool {
        self.sync(session);
        let done = self.loader.wait(timeout);
        self.sync(session);
        done
    }

    /// The report for the session's generation, when it has arrived.
    pub fn current(&self, session: &Session) -> Option<&Report> {
        self.loader.current(session.generation())
    }

    /// The newest report and whether it is for an older draft.
    pub fn shown(&self, session: &Session) -> Option<(&Report, bool)> {
        match self.current(session) {
            Some(r) => Some((r, false)),
            None => self.loader.latest().map(|r| (r, true)),
        }
    }

    fn selected<'r>(&self, report: &'r Report) -> Option<&'r Finding> {
        report.findings.get(self.cursor.selected)
    }

    /// Applies the selected finding's fix, when the findings are the current draft's.
    fn apply_fix(&mut self, session: &mut Session) {
        let Some(report) = self.current(session) else {
            session.say(crate::msg!("lint-still-looking"), Tone::Info);
            return;
        };
        let Some(finding) = self.selected(report) else {
            return;
        };
        match &finding.fix {
            Some(fix) => {
                let edit = fix.edit();
                session.apply(&edit);
            }
            None => session.say(
                crate::msg!(
                    "lint-no-fix",
                    id = finding.id.as_str(),
                    help = finding.help.local()
                ),
                Tone::Info,
            ),
        }
    }

    /// Where Enter on the selected finding leads.
    fn jump(&self, session: &Session) -> Option<Jump> {
        let (report, _) = self.shown(session)?;
        let finding = self.selected(report)?;
        let syscall = finding.syscalls.iter().find_map(|n| Catalog.syscall(n))?;
        Some(if ABOUT_CONDITIONS.contains(&finding.id) {
            Jump::Rules(syscall)
        } else {
            Jump::Syscall(syscall)
        })
    }

    /// A mouse click: selects the finding under it.
    fn click(&mut self, at: Position) {
        if self.list_area.contains(at) {
            let row = self.cursor.offset + at.y.saturating_sub(self.list_area.y) as usize;
            if let Some(Some(index)) = self.rows.get(row) {
                self.cursor.selected = *index;
            }
        }
    }
}

impl Component for LintView {
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        if self.cursor.navigate(command) {
            return Handled::DONE;
        }
        match command {
            Command::ApplyFix => self.apply_fix(session),
            Command::JumpToRule => match self.jump(session) {
                Some(jump) => return Handled::Consumed(Some(Intent::Jump(jump))),
                None => session.say(crate::msg!("lint-names-no-syscall"), Tone::Info),
            },
            _ => return Handled::NotConsumed,
        }
        Handled::DONE
    }

    fn contexts(&self) -> &'static [Context] {
        &[Context::Lint, Context::Navigation, Context::Global]
    }

    fn mouse(&mut self, at: Position, kind: MouseEventKind, _session: &Session) {
        if kind == MouseEventKind::Down(MouseButton::Left) {
            self.click(at);
        } else {
            self.cursor.wheel(kind);
        }
    }
}

/// Draws view 4: the findings grouped by severity over the selected one's details.
pub fn render(frame: &mut Frame, area: Rect, view: &mut LintView, cx: &DrawCtx) {
    let detail_height = (area.height / 3).clamp(6, 14);
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(detail_height)]).areas(area);
    list::render(frame, list_area, view, cx);
    let selected = view
        .shown(cx.session)
        .and_then(|(r, _)| r.findings.get(view.cursor.selected));
    detail::render(frame, detail_area, selected, cx);
}

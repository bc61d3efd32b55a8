//! The run pane's "went through" list: calls to allowed siblings of syscalls the draft
//! denies, which the observed run watched and let go on; `d` denies them the same way.

use super::RunView;
use crate::lint::Fix;
use crate::msg;
use crate::sandbox::{summarize, went_through_line, Mode, Observation, Stop};
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::session::{Session, Tone};
use crate::tui::widgets::hints::{self, Hint};
use crate::tui::widgets::pane_block;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

impl RunView {
    /// Before a run: what it watches (an observed run's siblings), and nothing gone through
    /// yet.
    pub(super) fn watch(&mut self, observation: Option<&Observation>) {
        self.through.clear();
        self.open = observation.map(|o| o.open.clone()).unwrap_or_default();
    }

    /// Takes a stop that went through; false for a real stop.
    pub(super) fn take_through(&mut self, stop: &Stop) -> bool {
        if self.mode != Mode::Observe || !stop.went_through() {
            return false;
        }
        summarize(&mut self.through, stop);
        true
    }

    /// `d`: denies every syscall that went through like the denied sibling whose job it did,
    /// as one undoable edit.
    pub(super) fn deny_through(&mut self, session: &mut Session) {
        let fixes = self
            .through
            .iter()
            .filter_map(|s| self.open.iter().find(|o| o.name == s.name))
            .map(|o| &o.fix);
        let Some(fix) = Fix::merge(fixes) else {
            session.say(msg!("ed-run-nothing-through"), Tone::Info);
            return;
        };
        session.apply(&fix.edit());
    }
}

/// Splits the stops column between the stops and the went-through list: with no stop, the
/// stops shrink to one line and the list gets the rest; with stops, it gets at most half.
pub fn split(view: &RunView, area: Rect) -> (Rect, Rect) {
    let wanted = height(view, area.width);
    let room = if view.summary.is_empty() {
        area.height.saturating_sub(3)
    } else {
        area.height / 2
    };
    let rows = wanted.min(room);
    let [stops, through] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(rows)]).areas(area);
    (stops, through)
}

/// The stops when there are none but calls went through: one line.
pub fn render_no_stops(frame: &mut Frame, area: Rect, view: &RunView, cx: &DrawCtx, focused: bool) {
    let theme = cx.theme;
    let block = pane_block(&crate::msg!("run-stops"), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(Line::styled(super::stops::no_stops(view), theme.dim())),
        inner,
    );
}

/// Rows the list needs in `width` columns (0 when nothing went through).
fn height(view: &RunView, width: u16) -> u16 {
    if view.through.is_empty() {
        return 0;
    }
    let width = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines(view)
        .iter()
        .map(|l| l.chars().count().div_ceil(width).max(1))
        .sum();
    rows as u16 + 3
}

fn lines(view: &RunView) -> Vec<String> {
    let Some(profile) = view.ran_with() else {
        return Vec::new();
    };
    view.through
        .iter()
        .map(|s| went_through_line(s, &view.open, profile))
        .collect()
}

/// Draws the list, with the keys that act on it.
pub fn render(frame: &mut Frame, area: Rect, view: &RunView, cx: &DrawCtx) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let block = pane_block(&crate::msg!("run-went-through"), false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut text: Vec<Line> = lines(view)
        .into_iter()
        .map(|l| Line::styled(l, theme.warning()))
        .collect();
    let keys = [
        Hint::new(Context::Run, &[Command::Deny], "hint-deny-them-too"),
        Hint::new(Context::Run, &[Command::Rerun], "hint-runs-again"),
    ];
    text.push(Line::styled(hints::line(keymap, &keys), theme.dim()));
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
}

//! The category pane: categories and groups, each with its size and a bar of how its
//! syscalls split across actions. Action keys here act on the whole category.

use crate::tui::component::{action_of, Component, Handled};
use crate::tui::ctx::DrawCtx;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::Command;
use crate::tui::session::Session;
use crate::tui::widgets::scrolling;
use crate::tui::widgets::{bar, pane_block};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// The category pane's state.
#[derive(Debug, Clone)]
pub struct CategoryPane {
    /// Which scope is selected.
    pub(super) cursor: Cursor,
}

impl CategoryPane {
    /// A pane over `len` scopes.
    pub fn new(len: usize) -> CategoryPane {
        CategoryPane {
            cursor: Cursor::new(len),
        }
    }
}

impl Component for CategoryPane {
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        if self.cursor.navigate(command) {
            return Handled::DONE;
        }
        if let Some((action, errno)) = action_of(command, session) {
            let Some(scope) = session.scopes.get(self.cursor.selected) else {
                return Handled::DONE;
            };
            let names = scope
                .members()
                .iter()
                .map(|s| s.name().to_string())
                .collect();
            session.set_action(names, action, errno);
            return Handled::DONE;
        }
        Handled::NotConsumed
    }
}

/// Draws the pane.
pub fn render(frame: &mut Frame, area: Rect, pane: &mut CategoryPane, cx: &DrawCtx, focused: bool) {
    let (session, theme) = (cx.session, cx.theme);
    let block = pane_block(&crate::msg!("syscalls-categories"), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let bar_width = if width >= 34 { 10 } else { 6 };
    let title_width = width.saturating_sub(bar_width + 5);
    let rows = session
        .scopes
        .iter()
        .zip(&session.splits)
        .map(|(scope, split)| {
            let title = fit(scope.title(session.language), title_width);
            let mut spans = vec![
                Span::raw(format!("{title:<title_width$}")),
                Span::styled(format!("{:>4} ", split.total), theme.dim()),
            ];
            spans.extend(bar::spans(split, bar_width, theme));
            Line::from(spans)
        });
    scrolling::render(
        frame,
        inner,
        rows,
        &mut pane.cursor,
        theme.selected(focused),
    );
}

/// Cuts text to `width` characters, marking the cut with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

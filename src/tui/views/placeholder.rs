//! Views 3-4 (run, lint) come with later work; until then their pane says what will be there.

use crate::tui::theme::Theme;
use crate::tui::widgets::pane_block;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Draws a pane titled `title` that says, in one line, what it will show.
pub fn render(frame: &mut Frame, area: Rect, title: &str, promise: &str, theme: Theme) {
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text = vec![
        Line::raw(""),
        Line::styled(format!("Not built yet: {promise}"), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

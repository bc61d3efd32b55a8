//! The starter picker: the profiles in `profiles/`, one line each; Enter starts the document
//! over from the selected one (one undoable edit).

use super::{centered, pane_block};
use crate::profile::starters::STARTERS;
use crate::tui::ctx::DrawCtx;
use crate::tui::cursor::Cursor;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

/// Draws the picker with the cursor's line selected.
pub fn render(frame: &mut Frame, area: Rect, cursor: &mut Cursor, cx: &DrawCtx) {
    let theme = cx.theme;
    let window = centered(area, 96, STARTERS.len() as u16 + 4);
    frame.render_widget(Clear, window);
    let block = pane_block(&crate::msg!("ed-starters-title"), true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    cursor.len = STARTERS.len();
    let mut lines: Vec<Line> = STARTERS
        .iter()
        .map(|s| {
            Line::from(vec![
                Span::raw(format!(" {:<24}", s.name)),
                Span::styled(s.about_text().local(), theme.dim()),
            ])
        })
        .collect();
    if let Some(line) = lines.get_mut(cursor.selected) {
        *line = line.clone().style(theme.selected(true));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {}", crate::msg!("ed-starters-keys")),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

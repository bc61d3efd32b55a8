//! The selected finding in full: message, what the kind of finding means, how to fix it, and
//! what the two keys do with it.

use crate::lint::Finding;
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::widgets::pane_block;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Draws the details of `finding` (or a hint when there is none).
pub fn render(frame: &mut Frame, area: Rect, finding: Option<&Finding>, cx: &DrawCtx) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let title = match finding {
        Some(f) => crate::msg!(
            "lint-finding-title",
            severity = f.severity.to_string(),
            id = f.id.to_string(),
            line = f.pos.line,
            col = f.pos.col
        ),
        None => crate::msg!("lint-finding"),
    };
    let block = pane_block(&title, false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(f) = finding else {
        return;
    };
    let key = |c| keymap.key_for(Context::Lint, c).to_string();
    let mut keys = Vec::new();
    if let Some(fix) = &f.fix {
        keys.push(Span::styled(
            crate::msg!(
                "lint-key-fix",
                key = key(Command::ApplyFix),
                fix = fix.label.local()
            ),
            theme.ok(),
        ));
    }
    if let Some(name) = f.syscalls.first() {
        if !keys.is_empty() {
            keys.push(Span::raw(" · "));
        }
        keys.push(Span::raw(crate::msg!(
            "lint-key-go-to",
            key = key(Command::JumpToRule),
            name = name.as_str()
        )));
    }
    // What can be done first: the message of a wide finding may fill the pane.
    let mut lines = Vec::new();
    if !keys.is_empty() {
        lines.push(Line::from(keys));
    }
    lines.push(Line::raw(f.message.local()));
    lines.push(Line::from(vec![
        Span::styled(crate::msg!("lint-help-label") + " ", theme.accent()),
        Span::raw(f.help.local()),
    ]));
    lines.push(Line::styled(f.id.explanation().local(), theme.dim()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

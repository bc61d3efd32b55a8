//! The first-start tour: a box in a corner that tells about the view that is open, while
//! every key goes to the editor; it follows the user from view to view until closed.

use super::hints::{self, Hint};
use super::pane_block;
use crate::msg;
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::tabs::View;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// What the tour says about each view: a title and a few sentences.
pub fn page(view: View) -> (String, String) {
    match view {
        View::Syscalls => (msg!("tour-syscalls-title"), msg!("tour-syscalls")),
        View::Bpf => (msg!("tour-bpf-title"), msg!("tour-bpf")),
        View::Run => (msg!("tour-run-title"), msg!("tour-run")),
        View::Lint => (msg!("tour-lint-title"), msg!("tour-lint")),
        View::Settings => (msg!("tour-settings-title"), msg!("tour-settings")),
    }
}

/// Draws the tour for `view` in the bottom-right corner of `area`.
pub fn render(frame: &mut Frame, area: Rect, view: View, cx: &DrawCtx) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let (title, text) = page(view);
    let width = area.width.min(48);
    let height = area.height.min(11);
    let window = Rect {
        x: area.x + area.width - width,
        y: area.y + area.height - height,
        width,
        height,
    };
    frame.render_widget(Clear, window);
    let block = pane_block(&msg!("tour-title", view = title), false, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let keys = [
        Hint::new(Context::Global, &[], "hint-other-views"),
        Hint::new(
            Context::Global,
            &[Command::CloseTour],
            "hint-close-shown-once",
        ),
    ];
    let lines = vec![
        Line::raw(text),
        Line::styled(hints::line(keymap, &keys), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

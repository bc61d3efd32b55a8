//! The first-start tour: a box in a corner that tells about the view that is open, while
//! every key goes to the editor; it follows the user from view to view until closed.

use super::hints::{self, Hint};
use super::pane_block;
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::tabs::View;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// What the tour says about each view: a title and a few sentences.
pub fn page(view: View) -> (&'static str, &'static str) {
    match view {
        View::Syscalls => (
            "1 Syscalls",
            "A seccomp profile decides, for every syscall, whether it runs, fails with an errno, \
             or kills. Left: categories; middle: their syscalls; right: what one does and which \
             rule decides it. a allow, d deny, x kill, - back to the default; / searches.",
        ),
        View::Bpf => (
            "2 BPF",
            "The program the kernel will run for this draft, recompiled after every edit. The \
             syscall selected in view 1 is followed; e explains any call you type, v switches \
             between disassembly, PFC and JSON.",
        ),
        View::Run => (
            "3 Run",
            "Try a command under the draft: Enter edits the command line, Enter again runs it. \
             Every stop is listed with the rule that decided; a allows it, R records what a \
             command needs.",
        ),
        View::Lint => (
            "4 Lint",
            "Likely mistakes and holes, such as a denied syscall whose sibling still does the \
             job. Enter goes to the rule, f applies the fix (u undoes it).",
        ),
        View::Settings => (
            "5 Profile",
            "The default action and errno, the architectures, the flags, and the target the \
             profile is judged for (architecture, kernel, runtime, capabilities).",
        ),
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
    let block = pane_block(&format!("Tour: {title}"), false, theme);
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

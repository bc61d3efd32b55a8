//! The first-start tour: a few short pages about the panes, dismissable, shown once.

use super::{centered, pane_block};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// The pages of the tour.
pub const PAGES: [(&str, &str); 4] = [
    (
        "Welcome to seccompose",
        "A seccomp profile decides, for every syscall a container makes, whether it runs, fails \
         with an errno, or kills the process. This editor shows all of them and writes the JSON for you.",
    ),
    (
        "Categories, syscalls, details",
        "Left: categories and groups, with a bar of how their syscalls split across actions. \
         Middle: the syscalls of the selected one. Right (or below): what the selected syscall \
         does, which rules decide it, and its man page. Tab moves between them.",
    ),
    (
        "Deciding",
        "a allow, d deny, x kill, l log, t trap, n notify, - back to the default. On a category \
         they act on all its syscalls; space marks several. Enter opens the argument rules. \
         u undoes, Ctrl-s saves.",
    ),
    (
        "Finding things",
        "/ searches names, summaries and groups as you type. 5 shows the profile's settings and \
         the target it is judged for. ? lists every key.",
    ),
];

/// Draws page `page` of the tour.
pub fn render(frame: &mut Frame, area: Rect, page: usize, theme: Theme) {
    let (title, text) = PAGES[page.min(PAGES.len() - 1)];
    let window = centered(area, 64, 11);
    frame.render_widget(Clear, window);
    let block = pane_block(
        &format!("Tour {}/{}: {title}", page + 1, PAGES.len()),
        true,
        theme,
    );
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let lines = vec![
        Line::raw(text),
        Line::raw(""),
        Line::styled(
            "enter next · esc skip the tour (it will not show again)",
            theme.dim(),
        ),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

//! Small building blocks shared by the views.

pub mod bar;
pub mod dialog;
pub mod help;
pub mod hints;
pub mod lesson;
pub mod scrolling;
pub mod starters;
pub mod status;
pub mod title;
pub mod tour;
pub mod usage;
pub mod vt;

use super::theme::Theme;
use crate::catalog::Catalog;
use crate::profile::{Action, Effect};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders};

/// A pane's frame, highlighted when it has the focus.
pub fn pane_block(title: &str, focused: bool, theme: Theme) -> Block<'static> {
    let style = if focused {
        theme.accent()
    } else {
        theme.border()
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(Span::styled(format!(" {title} "), style))
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// A short label for what a syscall gets: `allow`, `EPERM`, `kill`...
pub fn action_label(effect: &Effect) -> String {
    match effect.action.semantic() {
        Action::Allow => "allow".into(),
        Action::Errno => Catalog
            .errno_name(effect.errno)
            .map_or_else(|| format!("errno {}", effect.errno), str::to_string),
        Action::KillProcess => "kill".into(),
        Action::KillThread | Action::Kill => "kill-thread".into(),
        Action::Trap => "trap".into(),
        Action::Log => "log".into(),
        Action::Trace => format!("trace {}", effect.errno),
        Action::Notify => "notify".into(),
    }
}

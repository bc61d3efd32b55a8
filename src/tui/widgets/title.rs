//! The title bar: the file, a modified mark, the default action, the architectures, the views.

use crate::profile::covered_arches;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::views::syscalls::list::action_label;
use crate::tui::views::View;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What the title bar says about the document.
pub fn document_text(session: &Session) -> String {
    let name = session
        .path
        .as_ref()
        .map_or("built-in default (unsaved)".to_string(), |p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        });
    let modified = if session.doc.is_modified() {
        " ●"
    } else {
        ""
    };
    let p = session.profile();
    let default = crate::profile::Effect {
        action: p.default_action,
        errno: p.default_errno(),
        from_default: true,
        conditional: false,
    };
    let arches: Vec<String> = covered_arches(p)
        .iter()
        .map(|a| a.short_name().to_string())
        .collect();
    let arches = match arches.len() {
        0 => "native arch only".to_string(),
        1..=2 => arches.join("+"),
        n => format!("{}+{} more", arches[..2].join("+"), n - 2),
    };
    format!(
        " {name}{modified} │ default {} │ {arches}",
        action_label(&default)
    )
}

/// Draws the bar.
pub fn render(frame: &mut Frame, area: Rect, session: &Session, view: View, theme: Theme) {
    let wide = area.width >= 120;
    let mut tabs = Vec::new();
    for (i, v) in View::ALL.iter().enumerate() {
        let active = *v == view;
        let text = if active || wide {
            format!(" {} {} ", i + 1, v.label())
        } else {
            format!(" {} ", i + 1)
        };
        let style = if active {
            theme
                .bar()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            theme.bar()
        };
        tabs.push(Span::styled(text, style));
    }
    let tabs_width: u16 = tabs.iter().map(|s| s.width() as u16).sum();
    let [left, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(tabs_width)]).areas(area);
    let title = Line::from(vec![
        Span::styled(" seccompose", theme.bar().add_modifier(Modifier::BOLD)),
        Span::styled(document_text(session), theme.bar()),
    ]);
    frame.render_widget(Paragraph::new(title).style(theme.bar()), left);
    frame.render_widget(Paragraph::new(Line::from(tabs)).style(theme.bar()), right);
}

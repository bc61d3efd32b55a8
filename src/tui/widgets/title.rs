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
        .map_or(format!("{} (unsaved)", session.origin), |p| {
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
        " {name}{modified} │ default {} │ {arches} │ {}",
        action_label(&default),
        session.target.runtime
    )
}

/// How many findings lint has about the draft, for the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LintCounts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Whether they are about an older draft (the newest is being checked).
    pub stale: bool,
}

/// The counts as the bar shows them: `E1 W2 N3` (words when `wide`), `lint ok` when none.
fn lint_text(counts: Option<LintCounts>, wide: bool) -> String {
    let Some(c) = counts else {
        return " lint … ".into();
    };
    let parts: Vec<String> = [
        (c.errors, "E", "error", "errors"),
        (c.warnings, "W", "warning", "warnings"),
        (c.notes, "N", "note", "notes"),
    ]
    .iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, short, one, many)| match (wide, *n) {
        (false, n) => format!("{short}{n}"),
        (true, 1) => format!("1 {one}"),
        (true, n) => format!("{n} {many}"),
    })
    .collect();
    let body = if parts.is_empty() {
        "lint ok".to_string()
    } else if wide {
        format!("lint: {}", parts.join(", "))
    } else {
        parts.join(" ")
    };
    format!(" {body}{} ", if c.stale { "…" } else { "" })
}

/// Draws the bar.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    session: &Session,
    view: View,
    lint: Option<LintCounts>,
    labels: [&str; 5],
    theme: Theme,
) {
    let wide = area.width >= 120;
    let mut tabs = Vec::new();
    for (i, v) in View::ALL.iter().enumerate() {
        let active = *v == view;
        let text = if active || wide {
            format!(" {} {} ", i + 1, labels[i])
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
    let lint_style = match lint {
        Some(c) if c.errors + c.warnings > 0 => theme.bar().add_modifier(Modifier::BOLD),
        _ => theme.bar(),
    };
    tabs.insert(0, Span::styled(lint_text(lint, wide), lint_style));
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

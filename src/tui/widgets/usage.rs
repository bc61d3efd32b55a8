//! The usage panel: the exact lines to apply the document (Docker, podman, Kubernetes, the
//! operator, systemd, bubblewrap), as `seccompose usage` prints them.

use super::{centered, pane_block};
use crate::catalog::Catalog;
use crate::profile::formats::Format;
use crate::profile::usage::{usage, Kind};
use crate::tui::ctx::DrawCtx;
use crate::tui::lesson::Lessons;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// The panel's text, made when it opens, and how far it is scrolled.
pub struct UsagePanel {
    /// The lines.
    pub lines: Vec<Line<'static>>,
    /// Rows scrolled.
    pub scroll: u16,
}

impl UsagePanel {
    /// The lines for the session's document as it is on disk (or will be, once saved).
    pub fn new(session: &Session, lessons: &Lessons, theme: Theme) -> UsagePanel {
        let file = session
            .path
            .as_ref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()));
        let format = session
            .source
            .as_ref()
            .map_or(Format::Docker, |s| s.container().format());
        let mut lines = Vec::new();
        let warning = match (&file, session.doc.is_modified()) {
            (None, _) => Some(lessons.ui("usage.unsaved")),
            (Some(_), true) => Some(lessons.ui("usage.modified")),
            _ => None,
        };
        if let Some(w) = warning {
            lines.push(Line::styled(w.to_string(), theme.warning()));
            lines.push(Line::raw(""));
        }
        let sections = usage(
            session.profile(),
            &session.target,
            file.as_deref(),
            format,
            &Catalog,
        );
        for section in sections {
            lines.push(Line::styled(section.title.local(), theme.accent()));
            for block in &section.blocks {
                let style = match block.kind {
                    Kind::Shell => theme.text(),
                    Kind::Yaml | Kind::Unit => theme.dim(),
                };
                lines.extend(
                    block
                        .text
                        .lines()
                        .map(|l| Line::styled(format!("  {l}"), style)),
                );
            }
            for note in &section.notes {
                lines.push(Line::styled(format!("  · {}", note.local()), theme.dim()));
            }
            lines.push(Line::raw(""));
        }
        UsagePanel { lines, scroll: 0 }
    }
}

/// Draws the panel over `area`, scrolled (clamped to the text).
pub fn render(frame: &mut Frame, area: Rect, panel: &mut UsagePanel, cx: &DrawCtx) {
    let (title, theme) = (cx.lessons.ui("usage.title"), cx.theme);
    let window = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, window);
    let block = pane_block(title, true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let max = panel.lines.len().saturating_sub(inner.height as usize) as u16;
    panel.scroll = panel.scroll.min(max);
    frame.render_widget(
        Paragraph::new(panel.lines.clone())
            .wrap(Wrap { trim: false })
            .scroll((panel.scroll, 0)),
        inner,
    );
}

//! View 5's "unsaved changes" pane: what the edits since the last save do, as the effective
//! diff (per syscall, as runc reads the profile on the target), not as a text diff.

use crate::catalog::Catalog;
use crate::msg;
use crate::profile;
use crate::tui::ctx::DrawCtx;
use crate::tui::session::Session;
use crate::tui::widgets::pane_block;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// The diff, kept until the document or the target changes.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// The document generation, saved state and language the diff was made for.
    made_for: Option<(u64, bool, crate::lang::Language)>,
    title: String,
    lines: Vec<String>,
}

impl Changes {
    fn refresh(&mut self, session: &Session) {
        let now = (
            session.generation(),
            session.doc.is_modified(),
            session.language,
        );
        if self.made_for == Some(now) {
            return;
        }
        self.made_for = Some(now);
        let saved = session
            .source
            .as_ref()
            .and_then(|s| s.saved_profile(&Catalog));
        let (base, against) = match &saved {
            Some(p) => (p, msg!("ed-changes-saved-file")),
            None => (session.doc.original(), msg!("ed-changes-start")),
        };
        let diff = profile::diff(base, session.profile(), &session.target);
        self.title = msg!(
            "ed-changes-title",
            arch = session.target.arch.to_string(),
            against = against
        );
        self.lines = if diff.is_empty() && !session.doc.is_modified() {
            vec![msg!("ed-changes-none")]
        } else if diff.is_empty() {
            vec![msg!("ed-changes-text-only")]
        } else {
            diff.lines()
        };
    }
}

/// Draws the pane.
pub fn render(frame: &mut Frame, area: Rect, changes: &mut Changes, cx: &DrawCtx) {
    let (session, theme) = (cx.session, cx.theme);
    changes.refresh(session);
    let block = pane_block(&changes.title, false, theme);
    let lines: Vec<Line> = changes.lines.iter().map(|l| Line::raw(l.clone())).collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

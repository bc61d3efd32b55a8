//! The findings, grouped under a heading per severity, each on one row: place, id, whether
//! it has a fix, message.

use super::LintView;
use crate::lint::Finding;
use crate::profile::Severity;
use crate::tui::ctx::DrawCtx;
use crate::tui::lint::Report;
use crate::tui::theme::Theme;
use crate::tui::views::syscalls::categories::fit;
use crate::tui::widgets::pane_block;
use crate::tui::widgets::scrolling;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// The severities in the order the list shows them, with their group headings.
const GROUPS: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Note];

/// `2 warnings, 1 note`, or `nothing found`.
pub fn summary(count: impl Fn(Severity) -> usize) -> String {
    let parts: Vec<String> = GROUPS
        .iter()
        .filter(|s| count(**s) > 0)
        .map(|s| {
            let n = count(*s);
            match s {
                Severity::Error => crate::msg!("lint-errors", n = n),
                Severity::Warning => crate::msg!("lint-warnings", n = n),
                Severity::Note => crate::msg!("lint-notes", n = n),
            }
        })
        .collect();
    if parts.is_empty() {
        crate::msg!("lint-nothing-found")
    } else {
        parts.join(", ")
    }
}

fn style_of(severity: Severity, theme: Theme) -> Style {
    match severity {
        Severity::Error | Severity::Warning => theme.warning(),
        Severity::Note => theme.dim(),
    }
}

/// One finding's row.
fn row(f: &Finding, width: usize, theme: Theme) -> Line<'static> {
    let place = format!("{:>5}:{:<3} ", f.pos.line, f.pos.col);
    let id = format!("{:<19} ", fit(f.id.as_str(), 19));
    let fix = if f.fix.is_some() { "fix " } else { "    " };
    let used = place.len() + id.len() + fix.len();
    Line::from(vec![
        Span::styled(place, theme.dim()),
        Span::styled(id, style_of(f.severity, theme)),
        Span::styled(fix, theme.ok()),
        Span::raw(fit(&f.message.local(), width.saturating_sub(used))),
    ])
}

/// The list's lines and the finding on each (None: a heading), for a report.
fn lines(
    report: &Report,
    selected: usize,
    width: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, Vec<Option<usize>>) {
    let mut rows: Vec<Option<usize>> = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    for severity in GROUPS {
        let members: Vec<usize> = (0..report.findings.len())
            .filter(|&i| report.findings[i].severity == severity)
            .collect();
        if members.is_empty() {
            continue;
        }
        rows.push(None);
        let heading = match severity {
            Severity::Error => crate::msg!("lint-heading-errors", n = members.len()),
            Severity::Warning => crate::msg!("lint-heading-warnings", n = members.len()),
            Severity::Note => crate::msg!("lint-heading-notes", n = members.len()),
        };
        lines.push(Line::styled(heading, style_of(severity, theme)));
        for i in members {
            rows.push(Some(i));
            let mut line = row(&report.findings[i], width, theme);
            if i == selected {
                line = line.style(theme.selected(true));
            }
            lines.push(line);
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled(crate::msg!("lint-no-findings"), theme.dim()));
    }
    (lines, rows)
}

/// Draws the list in its pane, keeping the selected finding in sight.
pub fn render(frame: &mut Frame, area: Rect, view: &mut LintView, cx: &DrawCtx) {
    let (session, theme) = (cx.session, cx.theme);
    let (title, content) = match view.shown(session) {
        None => (crate::msg!("lint-title-checking"), None),
        Some((report, stale)) => (
            if stale {
                crate::msg!("lint-title-stale", summary = summary(|s| report.count(s)))
            } else {
                crate::msg!("lint-title", summary = summary(|s| report.count(s)))
            },
            Some(report),
        ),
    };
    let block = pane_block(&title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(report) = content else {
        view.list_area = inner;
        view.rows.clear();
        return;
    };
    let (lines, rows) = lines(report, view.cursor.selected, inner.width as usize, theme);
    view.list_area = inner;
    // Scroll by rows so the selected finding (and its heading, near the top) stays visible.
    let height = inner.height as usize;
    let at = rows
        .iter()
        .position(|r| *r == Some(view.cursor.selected))
        .unwrap_or(0);
    let offset = &mut view.cursor.offset;
    if at < *offset + 1 {
        *offset = at.saturating_sub(1);
    } else if height > 0 && at >= *offset + height {
        *offset = at + 1 - height;
    }
    *offset = (*offset).min(lines.len().saturating_sub(height.max(1)));
    view.cursor.page = height.saturating_sub(1).max(1);
    let first = *offset;
    view.rows = rows;
    scrolling::render_from(frame, inner, lines, first);
}

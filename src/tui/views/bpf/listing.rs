//! The disassembly, one instruction a row: `▶` on the followed syscall's path, `+` on
//! seccompose's own block, the index, the raw fields when there is room, the decoded form.

use super::text::{selectable, window, Emphasis, Pane};
use crate::bpf::{op, RetAction};
use crate::compile::{Explanation, Preview};
use crate::tui::highlight::{self, Language};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Pane width from which the raw `sock_filter` fields are shown.
const RAW_FROM_WIDTH: u16 = 100;

/// What to point out in the listing.
pub struct Marks<'a> {
    /// The followed syscall's path.
    pub(super) path: Option<&'a Explanation>,
    /// The find text.
    pub(super) query: Option<&'a str>,
    /// The filter is not the current document's (a newer one is compiling): all dimmed.
    pub(super) outdated: bool,
}

/// Draws the rule line with the position, and the instructions under it, highlighted through
/// the pane's cache (keyed by the filter's generation) when it has one.
pub fn render(frame: &mut Frame, mut pane: Pane, preview: &Preview, marks: &Marks) {
    let shown = window(
        frame,
        &mut pane,
        preview.lines.len(),
        Language::Disassembly,
        marks.query,
    );
    let (area, theme, cursor) = (pane.rows, pane.theme, &*pane.cursor);
    let pieces = pane.highlighting.and_then(|(cache, key)| {
        cache.lines(Language::Disassembly, key, &preview.lines, shown.clone())
    });
    let digits = preview.lines.len().max(1).to_string().len();
    let query = marks.query.map(str::to_lowercase);
    let rows: Vec<Line> = shown
        .clone()
        .enumerate()
        .map(|(row, i)| {
            let line = &preview.lines[i];
            let on_path = marks.path.is_some_and(|p| p.visits(i));
            let raw = if area.width >= RAW_FROM_WIDTH {
                let n = line.insn;
                format!(
                    "{:#04x} {:#04x} {:#04x} {:#010x}  ",
                    n.code, n.jt, n.jf, n.k
                )
            } else {
                String::new()
            };
            let found = query
                .as_deref()
                .is_some_and(|q| line.text.to_lowercase().contains(q));
            let mut spans = vec![
                Span::styled(if on_path { "▶" } else { " " }, theme.accent()),
                Span::styled(if preview.is_own(i) { "+" } else { " " }, theme.dim()),
                Span::styled(format!("{i:>digits$}  "), theme.dim()),
                Span::styled(raw, theme.dim()),
            ];
            let body = match &pieces {
                Some(p) => highlight::spans(&line.text, Some(p[row]), theme),
                // Before the syntaxes are loaded: a return in its action's colour.
                None => vec![Span::styled(line.text.as_str(), plain_style(line, theme))],
            };
            let emphasis = Emphasis {
                dim: marks.outdated || !line.reachable,
                bold: on_path,
                underline: found,
            };
            spans.extend(emphasis.apply(body, theme));
            selectable(spans, i == cursor.selected && !marks.outdated, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), area);
}

/// The style of an instruction drawn without highlighting.
fn plain_style(line: &crate::bpf::Line, theme: Theme) -> Style {
    match line.insn.code {
        op::RET_K => theme.action(RetAction::from_raw(line.insn.k).profile_action()),
        _ => theme.text(),
    }
}

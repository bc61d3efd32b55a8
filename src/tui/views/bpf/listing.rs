//! The disassembly, one instruction a row: `▶` on the followed syscall's path, `+` on
//! seccompose's own block, the index, the raw fields when there is room, the decoded form.

use crate::bpf::{op, RetAction};
use crate::compile::{Explanation, Preview};
use crate::tui::component::Cursor;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Pane width from which the raw `sock_filter` fields are shown.
const RAW_FROM_WIDTH: u16 = 100;

/// What to point out in the listing.
pub struct Marks<'a> {
    /// The followed syscall's path.
    pub path: Option<&'a Explanation>,
    /// The find text.
    pub query: Option<&'a str>,
    /// The filter is not the current document's (a newer one is compiling): all dimmed.
    pub outdated: bool,
}

/// Draws the rule line with the position in `rule_area`, and the instructions in `area`.
pub fn render(
    frame: &mut Frame,
    rule_area: Rect,
    area: Rect,
    cursor: &mut Cursor,
    preview: &Preview,
    marks: &Marks,
    theme: Theme,
) {
    // The shown filter may be an older one than the cursor was last set for (while a newer
    // one compiles), so the cursor is fitted to it here.
    cursor.len = preview.lines.len();
    cursor.step(0);
    let height = area.height as usize;
    let first = cursor.visible(height).min(preview.lines.len());
    let last = (first + height).min(preview.lines.len());
    let mut rule = if last > first {
        format!("── {first}-{} of {} ", last - 1, preview.lines.len())
    } else {
        // No row fits (a tiny terminal): only the length.
        format!("── {} instructions ", preview.lines.len())
    };
    if let Some(q) = marks.query {
        rule.push_str(&format!("· find \"{q}\" (n/N) "));
    }
    rule.push_str(&"─".repeat(rule_area.width as usize));
    frame.render_widget(Paragraph::new(Line::styled(rule, theme.dim())), rule_area);

    let digits = preview.lines.len().max(1).to_string().len();
    let query = marks.query.map(str::to_lowercase);
    let rows: Vec<Line> = preview.lines[first..last]
        .iter()
        .map(|line| {
            let i = line.index;
            let on_path = marks.path.is_some_and(|p| p.visits(i));
            let mut text_style = match line.insn.code {
                _ if marks.outdated || !line.reachable => theme.dim(),
                op::RET_K => theme.action(RetAction::from_raw(line.insn.k).profile_action()),
                _ => theme.text(),
            };
            if on_path {
                text_style = text_style.add_modifier(Modifier::BOLD);
            }
            if query
                .as_deref()
                .is_some_and(|q| line.text.to_lowercase().contains(q))
            {
                text_style = text_style.add_modifier(Modifier::UNDERLINED);
            }
            let raw = if area.width >= RAW_FROM_WIDTH {
                let n = line.insn;
                format!(
                    "{:#04x} {:#04x} {:#04x} {:#010x}  ",
                    n.code, n.jt, n.jf, n.k
                )
            } else {
                String::new()
            };
            let row = Line::from(vec![
                Span::styled(if on_path { "▶" } else { " " }, theme.accent()),
                Span::styled(if preview.is_own(i) { "+" } else { " " }, theme.dim()),
                Span::styled(format!("{i:>digits$}  "), theme.dim()),
                Span::styled(raw, theme.dim()),
                Span::styled(line.text.clone(), text_style),
            ]);
            if i == cursor.selected && !marks.outdated {
                row.style(theme.selected(true))
            } else {
                row
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), area);
}

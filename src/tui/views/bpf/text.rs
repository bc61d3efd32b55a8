//! The text renderings of view 2 (libseccomp's PFC, the profile's JSON): numbered lines,
//! highlighted, with the part that decides the traced call marked in the gutter; and the
//! rule line with the position that every rendering shares.

use crate::msg;
use crate::tui::cursor::Cursor;
use crate::tui::highlight::{self, Cache, Language};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::ops::Range;

/// A marked run of lines: `▶` where the traced call is decided, `│` for the rest of its part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The lines (0-based).
    pub(super) lines: Range<usize>,
    /// Whether this part decided the call.
    pub(super) deciding: bool,
}

/// What to point out in a text rendering.
pub struct TextMarks<'a> {
    /// The parts of the text that concern the traced call.
    pub(super) marked: &'a [Marked],
    /// The find text.
    pub(super) query: Option<&'a str>,
    /// The text is not the current document's (a newer one is compiling): all dimmed.
    pub(super) outdated: bool,
}

/// Where a rendering is drawn and how: the rule line with the position, the rows under it,
/// the cursor that scrolls them, the highlighting cache (keyed by the text's generation)
/// when highlighting is on, and the colours.
pub struct Pane<'a> {
    /// The rule line.
    pub(super) rule: Rect,
    /// The rows of text.
    pub(super) rows: Rect,
    /// The selected line and the first one shown.
    pub(super) cursor: &'a mut Cursor,
    /// The cache and the key the text is highlighted under, if it is.
    pub(super) highlighting: Option<(&'a mut Cache, u64)>,
    /// The colours.
    pub(super) theme: Theme,
}

/// Fits the cursor to `len` lines in the pane's rows, draws the rule line with the position
/// (and the find text, and what the rendering in `language` is); returns the lines to show.
pub fn window(
    frame: &mut Frame,
    pane: &mut Pane,
    len: usize,
    language: Language,
    query: Option<&str>,
) -> Range<usize> {
    let what = match language {
        Language::Pfc => msg!("ed-bpf-what-pfc"),
        Language::Json => msg!("ed-bpf-what-json"),
        Language::Disassembly => msg!("ed-bpf-what-disassembly"),
    };
    let (rule_area, area, theme) = (pane.rule, pane.rows, pane.theme);
    let cursor = &mut *pane.cursor;
    // The shown text may be an older one than the cursor was last set for (while a newer
    // one compiles), so the cursor is fitted to it here.
    cursor.len = len;
    cursor.step(0);
    let height = area.height as usize;
    let first = cursor.visible(height).min(len);
    let last = (first + height).min(len);
    // Instructions count from 0 as BPF does, text lines from 1 as editors do.
    let base = usize::from(language != Language::Disassembly);
    let mut rule = if last > first {
        let range = msg!(
            "ed-bpf-rule-range",
            first = first + base,
            last = (last + base).saturating_sub(1),
            len = len
        );
        format!("── {what} · {range} ")
    } else {
        // No row fits (a tiny terminal): only the length.
        format!("── {what} · {} ", msg!("ed-bpf-rule-lines", len = len))
    };
    if let Some(q) = query {
        rule.push_str(&format!("· {} ", msg!("ed-bpf-rule-find", query = q)));
    }
    rule.push_str(&"─".repeat(rule_area.width as usize));
    frame.render_widget(Paragraph::new(Line::styled(rule, theme.dim())), rule_area);
    first..last
}

/// Draws a text rendering in the pane: the rule line, and numbered lines highlighted through
/// the pane's cache when it has one.
pub fn render<S: AsRef<str>>(
    frame: &mut Frame,
    mut pane: Pane,
    text: &[S],
    language: Language,
    marks: &TextMarks,
) {
    let shown = window(frame, &mut pane, text.len(), language, marks.query);
    let (area, theme, cursor) = (pane.rows, pane.theme, &*pane.cursor);
    let pieces = pane
        .highlighting
        .and_then(|(cache, key)| cache.lines(language, key, text, shown.clone()));
    let digits = text.len().max(1).to_string().len();
    let query = marks.query.map(str::to_lowercase);
    let rows: Vec<Line> = shown
        .clone()
        .enumerate()
        .map(|(row, i)| {
            let line = text[i].as_ref();
            let mark = marks.marked.iter().find(|m| m.lines.contains(&i));
            let gutter = match mark {
                Some(m) if m.deciding => "▶",
                Some(_) => "│",
                None => " ",
            };
            let mut spans = vec![
                Span::styled(gutter, theme.accent()),
                Span::styled(format!("{:>digits$}  ", i + 1), theme.dim()),
            ];
            let body = highlight::spans(line, pieces.as_ref().map(|p| p[row]), theme);
            let found = query
                .as_deref()
                .is_some_and(|q| line.to_lowercase().contains(q));
            let emphasis = Emphasis {
                dim: marks.outdated,
                bold: mark.is_some_and(|m| m.deciding),
                underline: found,
            };
            spans.extend(emphasis.apply(body, theme));
            selectable(spans, i == cursor.selected && !marks.outdated, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), area);
}

/// How a line's text is set off from the rest.
pub struct Emphasis {
    /// Dimmed all over (outdated, unreachable).
    pub(super) dim: bool,
    /// Bold (on the traced path).
    pub(super) bold: bool,
    /// Underlined (matches the find).
    pub(super) underline: bool,
}

impl Emphasis {
    /// The spans of a line's text with the emphasis laid over their highlighting.
    pub fn apply<'a>(&self, body: Vec<Span<'a>>, theme: Theme) -> impl Iterator<Item = Span<'a>> {
        let (dim, bold, underline) = (self.dim, self.bold, self.underline);
        body.into_iter().map(move |s| {
            let mut style = if dim { theme.dim() } else { s.style };
            if bold {
                style = style.add_modifier(Modifier::BOLD);
            }
            if underline {
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            s.style(style)
        })
    }
}

/// A row of spans, in reverse video when it is the selected one.
pub fn selectable(spans: Vec<Span<'_>>, selected: bool, theme: Theme) -> Line<'_> {
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected(true))
    } else {
        line
    }
}

//! Drawing the proposal: each syscall with its narrow rule in words (or "by name"), the
//! notes (held back, unnamed numbers, same-job syscalls not called) and the keys.

use super::proposal::{unseen_note, Item, Proposal};
use crate::catalog::Catalog;
use crate::msg;
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::views::syscalls::categories::fit;
use crate::tui::widgets::hints::{self, Hint};
use crate::tui::widgets::pane_block;
use crate::tui::widgets::scrolling;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// The line a proposal item shows: the narrow rule in words, or "every call".
fn rule_text(item: &Item) -> String {
    if item.narrow && item.addition.is_narrow() {
        item.addition.describe().join(" ; ")
    } else {
        msg!("ed-proposal-every-call")
    }
}

/// The keys under the proposal.
const KEYS: [Hint; 7] = [
    Hint::new(Context::Proposal, &[Command::Yes], "hint-accept"),
    Hint::new(Context::Proposal, &[Command::No], "hint-reject"),
    Hint::new(
        Context::Proposal,
        &[Command::ToggleNarrow],
        "hint-narrow-by-name",
    ),
    Hint::new(Context::Proposal, &[Command::AcceptAll], "hint-all"),
    Hint::new(Context::Proposal, &[Command::RejectAll], "hint-none"),
    Hint::new(Context::Proposal, &[Command::Apply], "hint-apply-one-edit"),
    Hint::new(Context::Proposal, &[Command::Cancel], "hint-put-away"),
];

/// Draws the proposal, or says it is being worked out for this draft.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    p: Option<&mut Proposal>,
    cx: &DrawCtx,
    focused: bool,
) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let Some(p) = p else {
        let block = pane_block(&crate::msg!("run-proposal"), focused, theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(Line::styled(msg!("ed-proposal-judging"), theme.dim())),
            inner,
        );
        return;
    };
    let accepted = p.items.iter().filter(|i| i.accepted).count();
    let title = msg!("ed-proposal-title", accepted = accepted, n = p.items.len());
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut notes: Vec<Line> = Vec::new();
    for h in &p.found.held {
        notes.push(Line::styled(
            msg!(
                "ed-proposal-held",
                name = h.name.as_str(),
                why = h.why.local()
            ),
            theme.warning(),
        ));
    }
    if !p.found.unnamed.is_empty() {
        let numbers: Vec<String> = p
            .found
            .unnamed
            .iter()
            .map(|c| format!("{} ({})", c.nr, c.arch.short_name()))
            .collect();
        notes.push(Line::styled(
            msg!("ed-proposal-unnamed", numbers = numbers.join(", ")),
            theme.warning(),
        ));
    }
    if !p.found.unseen.is_empty() {
        notes.push(Line::styled(unseen_note(&p.found), theme.dim()));
    }
    let help = hints::line(keymap, &KEYS);
    let selected = p.items.get(p.cursor.selected);
    let detail = selected.map(|i| {
        let summary = Catalog
            .syscall(&i.addition.name)
            .map_or("", |s| s.summary_in(cx.session.language));
        let how = match &i.addition.why_by_name {
            Some(why) => msg!("ed-proposal-by-name-only", why = why.local()),
            None if i.narrow => msg!("ed-proposal-narrow", n = i.addition.distinct),
            None => msg!("ed-proposal-by-name"),
        };
        format!("{summary} {how}")
    });
    // A short pane keeps its rows for the list itself.
    let roomy = inner.height >= 10;
    let [list_area, notes_area, detail_area, help_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(if roomy { notes.len().min(4) as u16 } else { 0 }),
        Constraint::Length(if detail.is_some() && roomy { 2 } else { 0 }),
        Constraint::Length(2),
    ])
    .areas(inner);
    let width = list_area.width as usize;
    let rows = p.items.iter().map(|item| {
        Line::from(vec![
            Span::styled(if item.accepted { "[x] " } else { "[ ] " }, theme.accent()),
            Span::raw(format!("{:<14} ", fit(&item.addition.name, 14))),
            Span::styled(
                fit(&rule_text(item), width.saturating_sub(19)),
                if item.narrow && item.addition.is_narrow() {
                    theme.ok()
                } else {
                    theme.warning()
                },
            ),
        ])
    });
    scrolling::render(
        frame,
        list_area,
        rows,
        &mut p.cursor,
        theme.selected(focused),
    );
    frame.render_widget(Paragraph::new(notes).wrap(Wrap { trim: true }), notes_area);
    if let Some(d) = detail {
        frame.render_widget(
            Paragraph::new(Line::styled(d, theme.dim())).wrap(Wrap { trim: true }),
            detail_area,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::styled(help, theme.dim())).wrap(Wrap { trim: true }),
        help_area,
    );
}

//! The syscall list: the members of the selected category, or the search hits. Each row:
//! mark, name, what it gets (coloured), a `+` when arguments decide, risk, summary.

use super::categories::fit;
use crate::catalog::{Risk, Syscall};
use crate::msg;
use crate::tui::component::{action_of, Component, Handled};
use crate::tui::ctx::DrawCtx;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::Command;
use crate::tui::session::Session;
pub use crate::tui::widgets::action_label;
use crate::tui::widgets::pane_block;
use crate::tui::widgets::scrolling;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::collections::BTreeSet;

/// The list's state.
#[derive(Debug, Clone, Default)]
pub struct SyscallList {
    /// The syscalls shown.
    pub(super) items: Vec<&'static Syscall>,
    /// The selected row.
    pub(super) cursor: Cursor,
    /// Syscalls marked with space, to act on together.
    pub(super) marked: BTreeSet<&'static str>,
    /// What the list is showing, for its title.
    pub(super) heading: String,
}

impl SyscallList {
    /// Shows other syscalls, selecting the first.
    pub fn show(&mut self, items: Vec<&'static Syscall>, heading: String) {
        self.cursor = Cursor {
            page: self.cursor.page,
            ..Cursor::new(items.len())
        };
        self.items = items;
        self.heading = heading;
    }

    /// Selects a syscall by name, if it is in the list.
    pub fn select(&mut self, name: &str) {
        if let Some(i) = self.items.iter().position(|s| s.name() == name) {
            self.cursor.selected = i;
        }
    }

    /// The selected syscall.
    pub fn selected(&self) -> Option<&'static Syscall> {
        self.items.get(self.cursor.selected).copied()
    }

    /// What an action key acts on: the marked syscalls, else the selected one.
    pub fn targets(&self) -> Vec<String> {
        if self.marked.is_empty() {
            self.selected()
                .map(|s| vec![s.name().to_string()])
                .unwrap_or_default()
        } else {
            self.marked.iter().map(|s| s.to_string()).collect()
        }
    }
}

impl Component for SyscallList {
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        if self.cursor.navigate(command) {
            return Handled::DONE;
        }
        if let Some((action, errno)) = action_of(command, session) {
            session.set_action(self.targets(), action, errno);
            self.marked.clear();
            return Handled::DONE;
        }
        match command {
            Command::Mark => {
                if let Some(s) = self.selected() {
                    if !self.marked.remove(s.name()) {
                        self.marked.insert(s.name());
                    }
                    self.cursor.step(1);
                }
                Handled::DONE
            }
            Command::Back if !self.marked.is_empty() => {
                self.marked.clear();
                Handled::DONE
            }
            _ => Handled::NotConsumed,
        }
    }
}

/// The risk badge text.
pub fn risk_label(risk: Risk) -> String {
    match risk {
        Risk::Low => msg!("ed-risk-badge-low"),
        Risk::Medium => msg!("ed-risk-badge-medium"),
        Risk::High => msg!("ed-risk-badge-high"),
    }
}

/// The risk in words, for the detail pane.
pub fn risk_name(risk: Risk) -> String {
    match risk {
        Risk::Low => msg!("ed-risk-low"),
        Risk::Medium => msg!("ed-risk-medium"),
        Risk::High => msg!("ed-risk-high"),
    }
}

/// Draws the list.
pub fn render(frame: &mut Frame, area: Rect, list: &mut SyscallList, cx: &DrawCtx, focused: bool) {
    let (session, theme) = (cx.session, cx.theme);
    let marks = if list.marked.is_empty() {
        String::new()
    } else {
        format!(" · {}", msg!("ed-list-marked", n = list.marked.len()))
    };
    let block = pane_block(&format!("{}{marks}", list.heading), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let name_width = 18.min(width / 3);
    if list.items.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("  {}", msg!("ed-list-nothing-matches")),
                theme.dim(),
            )),
            inner,
        );
        return;
    }
    let marked = &list.marked;
    // The badges' column: the longest badge in this language, and a space.
    let risk_width = [Risk::Low, Risk::Medium, Risk::High]
        .map(|r| risk_label(r).chars().count())
        .into_iter()
        .max()
        .unwrap_or(4)
        + 1;
    let summary_width = width.saturating_sub(name_width + 17 + risk_width);
    let rows = list.items.iter().map(|s| {
        let effect = session.effects.of(s.name());
        let mark = if marked.contains(s.name()) { "*" } else { " " };
        let label = action_label(&effect);
        let label = if effect.from_default {
            format!("{label}·")
        } else {
            label
        };
        Line::from(vec![
            Span::styled(mark, theme.accent()),
            Span::raw(format!("{:<name_width$} ", fit(s.name(), name_width))),
            Span::styled(
                format!("{:<12}", fit(&label, 12)),
                theme.action(effect.action),
            ),
            Span::styled(
                if effect.conditional { "+ " } else { "  " },
                theme.warning(),
            ),
            Span::styled(
                format!("{:<risk_width$}", risk_label(s.risk)),
                theme.risk(s.risk),
            ),
            Span::styled(
                fit(s.summary_in(session.language), summary_width),
                theme.dim(),
            ),
        ])
    });
    scrolling::render(
        frame,
        inner,
        rows,
        &mut list.cursor,
        theme.selected(focused),
    );
}

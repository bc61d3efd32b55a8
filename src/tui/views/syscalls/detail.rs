//! The detail pane: signature, summary, risk, what the syscall gets and from which rules
//! (active or not on the target), its siblings and whether they get the same, then the man page.

use super::list::{action_label, risk_name};
use super::{Focus, SyscallsView};
use crate::catalog::{describe_condition, Syscall};
use crate::msg;
use crate::profile::{rule_errno, rules_for, Effect, Rule};
use crate::tui::component::{Component, Handled};
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::Command;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::pane_block;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// The detail pane's state: how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct DetailPane {
    /// Lines scrolled past.
    pub(super) scroll: u16,
    /// How many lines the pane showed last time (for paging).
    pub(super) page: u16,
}

impl DetailPane {
    /// Scrolls by `delta` lines.
    pub fn scroll_by(&mut self, delta: i32) {
        self.scroll = (self.scroll as i32 + delta).max(0) as u16;
    }
}

impl Component for DetailPane {
    fn handle(&mut self, command: Command, _: &mut Session) -> Handled {
        let page = self.page.max(1) as i32;
        match command {
            Command::Up | Command::DetailUp => self.scroll_by(-1),
            Command::Down | Command::DetailDown => self.scroll_by(1),
            Command::PageUp => self.scroll_by(-page),
            Command::PageDown => self.scroll_by(page),
            Command::Top => self.scroll = 0,
            _ => return Handled::NotConsumed,
        }
        Handled::DONE
    }
}

/// What a rule does, in words: `allow if flags & CLONE_NEWUSER == 0`.
pub fn rule_text(rule: &Rule, syscall: Option<&Syscall>) -> String {
    let effect = Effect {
        action: rule.action,
        errno: rule_errno(rule),
        from_default: false,
        conditional: false,
    };
    let mut text = action_label(&effect);
    let conds: Vec<String> = rule
        .conditions()
        .iter()
        .map(|c| describe_condition(syscall, c))
        .collect();
    if !conds.is_empty() {
        let and = format!(" {} ", msg!("ed-rule-and"));
        text.push_str(&format!(
            " {}",
            msg!("ed-rule-if", conditions = conds.join(&and))
        ));
    }
    text
}

/// Why a rule may not apply: its `includes`/`excludes`, in words.
pub fn filter_text(rule: &Rule) -> String {
    let mut parts = Vec::new();
    if let Some(f) = &rule.includes {
        for c in f.caps.iter().flatten() {
            parts.push(msg!("ed-filter-needs-cap", cap = c.as_str()));
        }
        if let Some(a) = f.arches.as_ref().filter(|a| !a.is_empty()) {
            parts.push(msg!("ed-filter-only-on", arches = a.join(", ")));
        }
        if let Some(k) = f.min_kernel.as_ref().filter(|k| !k.is_empty()) {
            parts.push(msg!("ed-filter-needs-kernel", kernel = k.as_str()));
        }
    }
    if let Some(f) = &rule.excludes {
        for c in f.caps.iter().flatten() {
            parts.push(msg!("ed-filter-not-with-cap", cap = c.as_str()));
        }
        if let Some(a) = f.arches.as_ref().filter(|a| !a.is_empty()) {
            parts.push(msg!("ed-filter-not-on", arches = a.join(", ")));
        }
        if let Some(k) = f.min_kernel.as_ref().filter(|k| !k.is_empty()) {
            parts.push(msg!("ed-filter-not-from-kernel", kernel = k.as_str()));
        }
    }
    parts.join(", ")
}

/// The pane's lines for a syscall, before the man page.
pub fn facts(s: &'static Syscall, session: &Session, theme: Theme) -> Vec<Line<'static>> {
    let effect = session.effects.of(s.name());
    let mut lines = vec![
        Line::styled(s.signature().to_string(), theme.accent()),
        Line::raw(s.summary_in(session.language).to_string()),
    ];
    let mut risk = vec![
        Span::raw(format!("{} ", msg!("detail-risk"))),
        Span::styled(risk_name(s.risk), theme.risk(s.risk)),
    ];
    let reason = s.risk_reason_in(session.language);
    if !reason.is_empty() {
        risk.push(Span::raw(format!(" — {reason}")));
    }
    lines.push(Line::from(risk));
    let source = if effect.from_default {
        format!(" ({})", msg!("detail-from-default"))
    } else {
        String::new()
    };
    let args = if effect.conditional {
        format!("; {}", msg!("detail-conditional"))
    } else {
        String::new()
    };
    lines.push(Line::from(vec![
        Span::raw(format!("{} ", msg!("detail-gets"))),
        Span::styled(action_label(&effect), theme.action(effect.action)),
        Span::styled(format!("{source}{args}"), theme.dim()),
    ]));
    if let Some(lesson) = session.lesson {
        lines.push(Line::styled(
            msg!(
                "ed-detail-new-action",
                action = lesson.name(),
                meaning = lesson.meaning().local()
            ),
            theme.ok(),
        ));
    }
    lines.extend(siblings(s, session, theme));
    lines.extend(rules(s, session, theme));
    lines
}

/// The siblings line: each sibling with what it gets, and a warning when one differs.
pub fn siblings(s: &'static Syscall, session: &Session, theme: Theme) -> Vec<Line<'static>> {
    let names: Vec<&str> = s.siblings().iter().map(|x| x.name()).collect();
    if names.is_empty() {
        return Vec::new();
    }
    let coverage = session.effects.sibling_coverage(s.name(), &names);
    let mut spans = vec![Span::raw(format!("{} ", msg!("detail-siblings")))];
    for (i, c) in coverage.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(", "));
        }
        spans.push(Span::raw(c.name.to_string()));
        if c.same {
            spans.push(Span::styled(
                format!(" ({})", msg!("detail-same")),
                theme.dim(),
            ));
        } else {
            spans.push(Span::styled(
                format!(" ({})", action_label(&c.effect)),
                theme.warning(),
            ));
        }
    }
    let mut out = vec![Line::from(spans)];
    if coverage.iter().any(|c| !c.same) {
        out.push(Line::styled(
            format!("  {}", msg!("detail-siblings-warning")),
            theme.dim(),
        ));
    }
    out
}

fn rules(s: &'static Syscall, session: &Session, theme: Theme) -> Vec<Line<'static>> {
    let refs = rules_for(session.profile(), s.name(), &session.target);
    if refs.is_empty() {
        return vec![Line::styled(msg!("detail-no-rule"), theme.dim())];
    }
    let mut out = vec![Line::raw(msg!("detail-rules"))];
    for r in refs {
        let state = if r.active {
            Span::styled(format!(" {}", msg!("detail-active")), theme.ok())
        } else {
            Span::styled(
                format!(" {}", msg!("detail-inactive", why = filter_text(r.rule))),
                theme.dim(),
            )
        };
        let condition = filter_text(r.rule);
        let mut spans = vec![
            Span::raw(format!("  #{} ", r.index)),
            Span::styled(rule_text(r.rule, Some(s)), theme.action(r.rule.action)),
            state,
        ];
        if r.active && !condition.is_empty() {
            spans.push(Span::styled(format!(" ({condition})"), theme.dim()));
        }
        out.push(Line::from(spans));
    }
    out
}

/// Draws the pane: facts, then the man page (or a note that it is on its way).
pub fn render(frame: &mut Frame, area: Rect, view: &mut SyscallsView, cx: &DrawCtx) {
    let (session, theme) = (cx.session, cx.theme);
    let focused = view.focus == Focus::Detail;
    let content = view.selected().map(|s| (s, cx.man.text(s.name())));
    let pane = &mut view.detail;
    let title = content.map_or(crate::msg!("syscalls-details"), |(s, _)| {
        format!("{}(2)", s.name())
    });
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    pane.page = inner.height;
    let Some((s, man)) = content else {
        return;
    };
    let mut lines = facts(s, session, theme);
    lines.push(Line::styled(msg!("detail-manual"), theme.dim()));
    match man {
        Some(text) => lines.extend(text.lines().map(|l| Line::raw(l.to_string()))),
        None => lines.push(Line::styled(msg!("detail-man-loading"), theme.dim())),
    }
    // Lines longer than the pane wrap, so this bound is generous; it only stops runaway scrolling.
    pane.scroll = pane.scroll.min(lines.len().saturating_sub(1) as u16);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(paragraph.scroll((pane.scroll, 0)), inner);
}

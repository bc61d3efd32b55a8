//! View 5: the profile's own settings (default action and errno, architectures, flags) and
//! the target the profile is evaluated for (architecture, kernel, capabilities).

use crate::catalog::{Catalog, CATALOG_ARCHES};
use crate::lang::Language;
use crate::msg;
use crate::profile::{
    covered_arches, toggle_arch, toggle_flag, Action, Arch, Edit, Profile, FILTER_FLAGS,
};
use crate::tui::component::{cycle, Component, Handled, Intent};
use crate::tui::ctx::DrawCtx;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::{Command, Context};
use crate::tui::prompt::PromptKind;
use crate::tui::session::Session;
use crate::tui::views::changes::{self, Changes};
use crate::tui::widgets::hints::{self, Hint};
use crate::tui::widgets::pane_block;
use crate::tui::widgets::scrolling;
use ratatui::crossterm::event::{MouseButton, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// One line of the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// `defaultAction`.
    DefaultAction,
    /// `defaultErrnoRet`.
    DefaultErrno,
    /// A native architecture (with its sub-architectures).
    Arch(Arch),
    /// A filter flag.
    Flag(&'static str),
    /// The target's native architecture.
    TargetArch,
    /// The target's kernel version.
    Kernel,
    /// The runtime that loads the profile, with its libseccomp.
    Runtime,
    /// The target's capabilities.
    Caps,
    /// The editor's language (not the profile's: remembered for the next start).
    Language,
}

/// The native architectures offered (the catalog's, without the ones that run on another).
fn natives() -> Vec<Arch> {
    let subs: Vec<Arch> = CATALOG_ARCHES
        .iter()
        .flat_map(|a| a.sub_architectures().iter().copied())
        .collect();
    CATALOG_ARCHES
        .into_iter()
        .filter(|a| !subs.contains(a))
        .collect()
}

/// The architectures a document can be toggled for: the catalog's natives, then any other its
/// profiles (as opened, and as edited) list as a native (Docker's archMap has MIPS, which the
/// catalog has not), so one toggled off can be toggled on again.
fn arch_rows(profiles: &[&Profile]) -> Vec<Arch> {
    let mut out = natives();
    let listed: Vec<Arch> = profiles
        .iter()
        .flat_map(|p| match (&p.arch_map, &p.architectures) {
            (Some(map), _) => map.iter().map(|e| e.architecture).collect(),
            (None, Some(list)) => list.clone(),
            (None, None) => Vec::new(),
        })
        .collect();
    let subs: Vec<Arch> = listed
        .iter()
        .flat_map(|a| a.sub_architectures().iter().copied())
        .collect();
    for a in listed {
        if !out.contains(&a) && !subs.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// Every row, in order, for a session's document.
pub fn rows(session: &Session) -> Vec<Row> {
    let mut out = vec![Row::DefaultAction, Row::DefaultErrno];
    let profiles = [session.doc.original(), session.profile()];
    out.extend(arch_rows(&profiles).into_iter().map(Row::Arch));
    out.extend(FILTER_FLAGS.iter().map(|f| Row::Flag(f)));
    out.extend([
        Row::TargetArch,
        Row::Kernel,
        Row::Runtime,
        Row::Caps,
        Row::Language,
    ]);
    out
}

/// The settings view's state.
#[derive(Debug, Clone)]
pub struct SettingsView {
    /// The selected row.
    cursor: Cursor,
    /// Whether the unsaved-changes pane is shown, and its diff.
    changes: Option<Changes>,
    /// Where the view was last drawn (for mouse clicks).
    area: Rect,
}

impl Default for SettingsView {
    fn default() -> Self {
        SettingsView {
            cursor: Cursor::new(0),
            changes: None,
            area: Rect::default(),
        }
    }
}

const DEFAULT_ACTIONS: [Action; 7] = [
    Action::Errno,
    Action::KillProcess,
    Action::KillThread,
    Action::Trap,
    Action::Log,
    Action::Allow,
    Action::Notify,
];

impl SettingsView {
    /// Selects the row under a click at `at`, if the click is in the view.
    fn click(&mut self, at: Position) {
        if self.area.contains(at) {
            let row = at.y.saturating_sub(self.area.y + 1) as usize;
            self.cursor.click(row);
        }
    }

    fn change(&mut self, row: Row, step: isize, session: &mut Session) -> Option<Intent> {
        match row {
            Row::DefaultAction => {
                let p = session.profile();
                let action = cycle(&DEFAULT_ACTIONS, p.default_action, step);
                let errno = p.default_errno_ret;
                session.apply(&Edit::SetDefault { action, errno });
            }
            Row::TargetArch => {
                let mut target = session.target.clone();
                target.arch = cycle(&natives(), target.arch, step);
                session.set_target(target);
            }
            Row::Runtime => {
                let mut target = session.target.clone();
                target.runtime = cycle(&crate::profile::Runtime::ALL, target.runtime, step);
                session.set_target(target);
            }
            Row::Language => {
                let next = cycle(&Language::ALL, session.language, step);
                return Some(Intent::SetLanguage(next));
            }
            other => return self.toggle(other, session),
        }
        None
    }

    fn toggle(&mut self, row: Row, session: &mut Session) -> Option<Intent> {
        match row {
            Row::Arch(a) => {
                let edit = toggle_arch(session.profile(), a);
                session.apply(&edit);
            }
            Row::Flag(f) => {
                let edit = toggle_flag(session.profile(), f);
                session.apply(&edit);
            }
            Row::DefaultErrno => return Some(Intent::Prompt(PromptKind::DefaultErrno)),
            Row::Kernel => return Some(Intent::Prompt(PromptKind::Kernel)),
            Row::Caps => return Some(Intent::Prompt(PromptKind::Capability)),
            Row::DefaultAction | Row::TargetArch | Row::Runtime | Row::Language => {
                return self.change(row, 1, session)
            }
        }
        None
    }
}

impl Component for SettingsView {
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        let all = rows(session);
        self.cursor.len = all.len();
        if self.cursor.navigate(command) {
            return Handled::DONE;
        }
        let row = all[self.cursor.selected.min(all.len() - 1)];
        let intent = match command {
            Command::ChangeNext => self.change(row, 1, session),
            Command::ChangePrev => self.change(row, -1, session),
            Command::Toggle => self.toggle(row, session),
            Command::ShowChanges => {
                self.changes = match self.changes {
                    Some(_) => None,
                    None => Some(Changes::default()),
                };
                None
            }
            _ => return Handled::NotConsumed,
        };
        Handled::Consumed(intent)
    }

    fn contexts(&self) -> &'static [Context] {
        &[Context::Settings, Context::Navigation, Context::Global]
    }

    fn mouse(&mut self, at: Position, kind: MouseEventKind, _session: &Session) {
        if kind == MouseEventKind::Down(MouseButton::Left) {
            self.click(at);
        } else {
            self.cursor.wheel(kind);
        }
    }
}

fn row_text(row: Row, session: &Session) -> (String, String) {
    let p = session.profile();
    let check = |on: bool| if on { "[x]" } else { "[ ]" };
    match row {
        Row::DefaultAction => (
            msg!("settings-default-action"),
            format!(
                "‹ {} ›  {}",
                p.default_action.name(),
                p.default_action.meaning().local()
            ),
        ),
        Row::DefaultErrno => {
            let e = p.default_errno();
            let name = Catalog.errno_name(e).unwrap_or("?");
            let note = if p.default_errno_ret.is_none() {
                format!(" ({})", msg!("settings-errno-not-set"))
            } else {
                String::new()
            };
            (
                msg!("settings-default-errno"),
                format!("{name} ({e}){note}"),
            )
        }
        Row::Arch(a) => {
            let subs: Vec<&str> = a
                .sub_architectures()
                .iter()
                .map(|s| s.short_name())
                .collect();
            let subs = if subs.is_empty() {
                String::new()
            } else {
                format!(" (+ {})", subs.join(", "))
            };
            let label = if natives().first() == Some(&a) {
                msg!("settings-architectures")
            } else {
                String::new()
            };
            let on = covered_arches(p).contains(&a);
            (label, format!("{} {}{subs}", check(on), a.short_name()))
        }
        Row::Flag(f) => {
            let label = if FILTER_FLAGS.first() == Some(&f) {
                msg!("settings-flags")
            } else {
                String::new()
            };
            let on = p.flags.iter().flatten().any(|x| x == f);
            (label, format!("{} {f}", check(on)))
        }
        Row::TargetArch => (
            msg!("settings-target-arch"),
            format!(
                "‹ {} ›  {}",
                session.target.arch.short_name(),
                msg!("settings-target-arch-about")
            ),
        ),
        Row::Kernel => (
            msg!("settings-target-kernel"),
            session.target.kernel.to_string(),
        ),
        Row::Runtime => {
            let t = &session.target;
            let what = match t.runtime {
                crate::profile::Runtime::Runc => msg!("settings-runtime-runc"),
                crate::profile::Runtime::Crun => msg!("settings-runtime-crun"),
                crate::profile::Runtime::None => msg!("settings-runtime-none"),
            };
            let libseccomp = if t.runtime.uses_libseccomp() {
                format!(" (libseccomp {})", t.libseccomp)
            } else {
                String::new()
            };
            (
                msg!("settings-runtime"),
                format!("‹ {}{libseccomp} ›  {what}", t.runtime),
            )
        }
        Row::Caps => {
            let docker: Vec<&str> = crate::profile::DOCKER_DEFAULT_CAPS.to_vec();
            let extra: Vec<&str> = session
                .target
                .caps
                .iter()
                .map(String::as_str)
                .filter(|c| !docker.contains(c))
                .collect();
            let missing = docker
                .iter()
                .filter(|c| !session.target.caps.contains(**c))
                .count();
            let mut text = msg!("settings-caps-count", n = session.target.caps.len());
            if extra.is_empty() && missing == 0 {
                text.push_str(&format!(" ({})", msg!("settings-caps-docker")));
            } else {
                if !extra.is_empty() {
                    let added = msg!("settings-caps-added", caps = extra.join(", "));
                    text.push_str(&format!(", {added}"));
                }
                if missing > 0 {
                    text.push_str(&format!(", {}", msg!("settings-caps-removed", n = missing)));
                }
            }
            (msg!("settings-capabilities"), text)
        }
        Row::Language => (
            msg!("ed-settings-language"),
            format!(
                "‹ {} ›  {}",
                session.language.name(),
                msg!("ed-settings-language-about")
            ),
        ),
    }
}

/// The keys under the rows.
const KEYS: [Hint; 4] = [
    Hint::new(
        Context::Settings,
        &[Command::ChangePrev, Command::ChangeNext],
        "hint-change",
    ),
    Hint::new(Context::Settings, &[Command::Toggle], "hint-toggle-or-type"),
    Hint::new(
        Context::Settings,
        &[Command::ShowChanges],
        "hint-unsaved-changes",
    ),
    Hint::new(Context::Settings, &[], "hint-target-not-saved"),
];

/// Draws the view.
pub fn render(frame: &mut Frame, area: Rect, view: &mut SettingsView, cx: &DrawCtx) {
    let (session, keymap, theme) = (cx.session, cx.keymap, cx.theme);
    view.area = area;
    let area = match &mut view.changes {
        Some(c) => {
            let [top, bottom] =
                Layout::vertical([Constraint::Min(8), Constraint::Percentage(40)]).areas(area);
            changes::render(frame, bottom, c, cx);
            top
        }
        None => area,
    };
    let block = pane_block(&msg!("settings-title"), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let all = rows(session);
    view.cursor.len = all.len();
    view.cursor.selected = view.cursor.selected.min(all.len() - 1);
    let [list_area, _] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
    let rows = all.iter().map(|row| {
        let (label, value) = row_text(*row, session);
        Line::from(vec![
            Span::styled(format!("{label:<16}"), theme.dim()),
            Span::raw(value),
        ])
    });
    let shown = scrolling::render(
        frame,
        list_area,
        rows,
        &mut view.cursor,
        theme.selected(true),
    );
    // The keys follow the last row, a blank line between.
    let hint_area = Rect {
        y: inner.y + shown as u16,
        height: inner.height.saturating_sub(shown as u16),
        ..inner
    };
    let lines = vec![
        Line::raw(""),
        Line::styled(hints::line(keymap, &KEYS), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines), hint_area);
}

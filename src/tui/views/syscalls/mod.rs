//! View 1: categories, the syscall list and the detail pane, plus the live search.

pub mod categories;
pub mod detail;
pub mod list;

use self::categories::CategoryPane;
use self::detail::DetailPane;
use self::list::SyscallList;
use crate::catalog::{Searcher, Syscall};
use crate::msg;
use crate::tui::component::{Component, Handled, Intent};
use crate::tui::ctx::DrawCtx;
use crate::tui::input::TextInput;
use crate::tui::keymap::{Command, Context};
use crate::tui::layout;
use crate::tui::man::ManLoader;
use crate::tui::prompt::PromptKind;
use crate::tui::session::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::Frame;
use std::collections::BTreeSet;
use std::time::Instant;

/// Which pane of view 1 has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Categories and groups.
    Categories,
    /// The syscall list.
    List,
    /// The detail pane.
    Detail,
}

/// Where each pane was drawn, for the mouse.
#[derive(Debug, Clone, Copy, Default)]
pub struct Areas {
    /// The category pane.
    pub categories: Rect,
    /// The syscall list.
    pub list: Rect,
    /// The detail pane.
    pub detail: Rect,
}

/// View 1's state.
pub struct SyscallsView {
    /// The category pane.
    categories: CategoryPane,
    /// The syscall list.
    list: SyscallList,
    /// The detail pane.
    detail: DetailPane,
    /// The focused pane.
    focus: Focus,
    /// The search text while typing (None: not typing).
    search_input: Option<TextInput>,
    /// The active search filter (None: the list shows the selected category).
    filter: Option<String>,
    /// Where the panes were drawn last.
    areas: Areas,
    searcher: Searcher,
    shown_scope: Option<usize>,
    shown_detail: Option<&'static str>,
}

impl SyscallsView {
    /// The view on a session, first category selected.
    pub fn new(session: &Session) -> SyscallsView {
        let mut v = SyscallsView {
            categories: CategoryPane::new(session.scopes.len()),
            list: SyscallList::default(),
            detail: DetailPane::default(),
            focus: Focus::List,
            search_input: None,
            filter: None,
            areas: Areas::default(),
            searcher: Searcher::new(),
            shown_scope: None,
            shown_detail: None,
        };
        v.sync(session);
        v
    }

    /// The selected syscall.
    pub fn selected(&self) -> Option<&'static Syscall> {
        self.list.selected()
    }

    /// The focused pane.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The selected rows: in the category pane and in the list.
    pub fn rows(&self) -> (usize, usize) {
        (self.categories.cursor.selected, self.list.cursor.selected)
    }

    /// The syscalls marked in the list.
    pub fn marked(&self) -> &BTreeSet<&'static str> {
        &self.list.marked
    }

    /// Where the panes were drawn last.
    pub fn areas(&self) -> Areas {
        self.areas
    }

    /// Shows `s` selected in its own category with the focus on the list (where a lint
    /// finding leads).
    pub fn go_to(&mut self, s: &'static Syscall, session: &Session) {
        self.reveal(s, session);
        self.focus = Focus::List;
    }

    /// What an action key acts on: the members of the selected category when the categories
    /// have the focus, else the list's marked or selected syscalls.
    fn action_targets(&self, session: &Session) -> Vec<String> {
        match self.focus {
            Focus::Categories => session
                .scopes
                .get(self.categories.cursor.selected)
                .map(|s| s.members().iter().map(|m| m.name().to_string()).collect())
                .unwrap_or_default(),
            _ => self.list.targets(),
        }
    }

    /// The commands that ask for more than the view: the rule editor, view 2, a question.
    fn intent(&self, command: Command, session: &Session) -> Option<Handled> {
        let intent = match command {
            Command::OpenRules if self.focus != Focus::Categories => {
                self.selected().map(Intent::OpenRules)
            }
            Command::OpenInBpf if self.selected().is_some() => Some(Intent::ShowInBpf),
            Command::DenyWith => {
                let names = self.action_targets(session);
                (!names.is_empty()).then_some(Intent::Prompt(PromptKind::DenyWith(names)))
            }
            _ => return None,
        };
        Some(Handled::Consumed(intent))
    }

    fn cycle_focus(&mut self, step: i32) -> Handled {
        let order = [Focus::Categories, Focus::List, Focus::Detail];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0) as i32;
        self.focus = order[(at + step).rem_euclid(3) as usize];
        Handled::DONE
    }

    /// A key while the search box is open: typing filters live, Enter keeps the filter and
    /// jumps to the first match, Esc clears it.
    fn search_key(&mut self, key: &KeyEvent, command: Option<Command>, session: &Session) {
        let Some(input) = &mut self.search_input else {
            return;
        };
        match (command, key.code) {
            (Some(Command::Apply), _) | (_, KeyCode::Enter) => {
                self.search_input = None;
                self.focus = Focus::List;
                self.list.cursor.selected = 0;
            }
            (Some(Command::Cancel), _) | (_, KeyCode::Esc) => {
                self.search_input = None;
                self.clear_filter(session);
            }
            _ => {
                if input.edit(key) {
                    let text = input.text().to_string();
                    self.apply_filter(text, session);
                }
            }
        }
        self.sync(session);
    }

    fn apply_filter(&mut self, query: String, session: &Session) {
        if query.trim().is_empty() {
            self.filter = None;
            self.shown_scope = None;
            return;
        }
        self.searcher.set_language(session.language);
        let hits = self.searcher.search(&query);
        let heading = crate::msg!("search-heading", query = query.as_str(), n = hits.len());
        self.list.show(hits, heading);
        self.filter = Some(query);
    }

    /// Drops the filter and shows the selected syscall in its own category.
    fn clear_filter(&mut self, session: &Session) {
        if let Some(s) = self.selected() {
            self.reveal(s, session);
        } else {
            self.filter = None;
            self.shown_scope = None;
        }
    }

    /// Shows `s` selected in its own category, with no search filter.
    pub fn reveal(&mut self, s: &'static Syscall, session: &Session) {
        self.filter = None;
        self.shown_scope = None;
        let home = session.scopes.iter().position(
            |scope| matches!(scope, crate::tui::session::Scope::Category(c) if c.id() == s.category().id()),
        );
        if let Some(i) = home {
            self.categories.cursor.selected = i;
        }
        self.sync(session);
        self.list.select(s.name());
    }

    /// Draws the list's heading and search hits again after the session's language changed.
    pub fn relabel(&mut self, session: &Session) {
        self.shown_scope = None;
        match self.filter.take() {
            Some(query) => self.apply_filter(query, session),
            None => self.sync(session),
        }
    }

    /// Keeps the list showing the selected category (unless a search filter is active) and
    /// resets the detail scroll when the syscall changes.
    pub fn sync(&mut self, session: &Session) {
        if self.filter.is_none() && self.shown_scope != Some(self.categories.cursor.selected) {
            if let Some(scope) = session.scopes.get(self.categories.cursor.selected) {
                let lang = session.language;
                let heading = format!("{} — {}", scope.title(lang), scope.about(lang));
                self.list.show(scope.members(), heading);
            }
            self.shown_scope = Some(self.categories.cursor.selected);
        }
        let now = self.selected().map(|s| s.name());
        if now != self.shown_detail {
            self.detail.scroll = 0;
            self.shown_detail = now;
        }
    }

    /// A mouse click at a position: focuses the pane and selects the row under it.
    pub fn click(&mut self, at: Position, session: &Session) {
        let row = |area: Rect| at.y.saturating_sub(area.y + 1) as usize;
        if self.areas.categories.contains(at) {
            self.focus = Focus::Categories;
            self.categories.cursor.click(row(self.areas.categories));
        } else if self.areas.list.contains(at) {
            self.focus = Focus::List;
            self.list.cursor.click(row(self.areas.list));
        } else if self.areas.detail.contains(at) {
            self.focus = Focus::Detail;
        }
        self.sync(session);
    }

    /// The mouse wheel at a position: scrolls the pane under it.
    pub fn wheel(&mut self, at: Position, down: bool, session: &Session) {
        let step = if down { 3 } else { -3 };
        if self.areas.categories.contains(at) {
            self.categories.cursor.step(step);
        } else if self.areas.list.contains(at) {
            self.list.cursor.step(step);
        } else if self.areas.detail.contains(at) {
            self.detail.scroll_by(step as i32);
        }
        self.sync(session);
    }

    /// Asks the man loader for the selected syscall's page at the detail pane's width.
    pub fn want_man(&self, man: &mut ManLoader, now: Instant) {
        if let Some(s) = self.selected() {
            let width = self.areas.detail.width.saturating_sub(2).max(20);
            man.want(s.name(), width, now);
        }
    }
}

impl Component for SyscallsView {
    /// Offers a command to the view's own intents, the focused pane, then the view.
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        if let Some(handled) = self.intent(command, session) {
            return handled;
        }
        let handled = match self.focus {
            Focus::Categories => self.categories.handle(command, session),
            Focus::List => self.list.handle(command, session),
            Focus::Detail => self.detail.handle(command, session),
        };
        let handled = match (handled, command) {
            (used @ Handled::Consumed(_), _) => used,
            (_, Command::DetailUp | Command::DetailDown) => self.detail.handle(command, session),
            (_, Command::DenySiblings) => {
                if !session.deny_siblings() {
                    session.say(msg!("ed-no-siblings-left"), crate::tui::session::Tone::Info);
                }
                Handled::DONE
            }
            (_, Command::FocusNext) => self.cycle_focus(1),
            (_, Command::FocusPrev) => self.cycle_focus(-1),
            (_, Command::Search) => {
                self.search_input = Some(TextInput::default());
                Handled::DONE
            }
            (_, Command::Back) if self.filter.is_some() => {
                self.clear_filter(session);
                Handled::DONE
            }
            _ => Handled::NotConsumed,
        };
        self.sync(session);
        handled
    }

    fn contexts(&self) -> &'static [Context] {
        match self.focus {
            Focus::Categories | Focus::List => {
                &[Context::Actions, Context::Navigation, Context::Global]
            }
            Focus::Detail => &[Context::Navigation, Context::Global],
        }
    }

    fn typing(&self) -> Option<&'static [Context]> {
        self.search_input.as_ref().map(|_| &[Context::Prompt][..])
    }

    fn typing_key(
        &mut self,
        key: &KeyEvent,
        command: Option<Command>,
        session: &mut Session,
    ) -> Handled {
        self.search_key(key, command, session);
        Handled::DONE
    }

    /// Into the search box when it is open (the filter follows).
    fn paste(&mut self, text: &str, session: &Session) -> bool {
        let Some(input) = &mut self.search_input else {
            return false;
        };
        input.paste(text);
        let text = input.text().to_string();
        self.apply_filter(text, session);
        self.sync(session);
        true
    }

    fn search_box(&self) -> Option<&TextInput> {
        self.search_input.as_ref()
    }

    fn mouse(&mut self, at: Position, kind: MouseEventKind, session: &Session) {
        match kind {
            MouseEventKind::Down(MouseButton::Left) => self.click(at, session),
            MouseEventKind::ScrollDown => self.wheel(at, true, session),
            MouseEventKind::ScrollUp => self.wheel(at, false, session),
            _ => {}
        }
    }
}

/// Draws view 1 into `area`: three columns when wide, else the detail pane under the list.
pub fn render(frame: &mut Frame, area: Rect, view: &mut SyscallsView, cx: &DrawCtx) {
    let [cats, list_area, detail_area] = layout::view_1(area);
    view.areas = Areas {
        categories: cats,
        list: list_area,
        detail: detail_area,
    };
    let focus = view.focus;
    categories::render(
        frame,
        cats,
        &mut view.categories,
        cx,
        focus == Focus::Categories,
    );
    list::render(frame, list_area, &mut view.list, cx, focus == Focus::List);
    detail::render(frame, detail_area, view, cx);
}

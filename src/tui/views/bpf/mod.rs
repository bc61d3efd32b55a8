//! View 2: the BPF program the kernel will run for the document on the target, compiled off
//! the UI thread after every change, with its costs, the compiler's warnings, and the path
//! of the syscall selected in view 1.

mod header;
mod listing;

use crate::compile::{Explanation, Preview};
use crate::tui::component::{Component, Cursor, Handled};
use crate::tui::keymap::{Command, Context};
use crate::tui::preview::{preview_loader, PreviewLoader};
use crate::tui::session::{Session, Tone};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::pane_block;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::Frame;

/// The followed syscall's path through one generation's filter.
#[derive(Debug, Clone)]
pub struct Traced {
    /// The session generation the filter was compiled for.
    pub generation: u64,
    /// The syscall.
    pub name: &'static str,
    /// Its path and outcome, or why it has none (it does not exist on the target's arch).
    pub result: Result<Explanation, String>,
}

/// View 2's state.
pub struct BpfView {
    /// The compiled filter, current or on its way.
    pub loader: PreviewLoader,
    /// The selected instruction and the first one shown.
    pub cursor: Cursor,
    /// Whether the view follows the syscall selected in view 1.
    pub follow: bool,
    /// The followed syscall's path, for the filter it was traced in.
    pub traced: Option<Traced>,
    /// The find text while typing (None: not typing).
    pub search_input: Option<TextInput>,
    /// The text the listing was last searched for.
    pub query: Option<String>,
    /// Where the listing was drawn last (for the mouse).
    pub listing_area: Rect,
}

impl Default for BpfView {
    fn default() -> Self {
        BpfView {
            loader: preview_loader(),
            cursor: Cursor::new(0),
            follow: true,
            traced: None,
            search_input: None,
            query: None,
            listing_area: Rect::default(),
        }
    }
}

impl BpfView {
    /// The key contexts of the view, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        &[Context::Bpf, Context::Navigation, Context::Global]
    }

    /// Asks for the filter of the session's generation, collects it when it arrives and
    /// traces `selected` through it; true when a filter arrived.
    pub fn sync(&mut self, session: &Session, selected: Option<&'static str>) -> bool {
        let arrived = self.loader.poll();
        let generation = session.generation();
        self.loader.want(generation, || {
            (session.profile().clone(), session.target.clone())
        });
        let Some(Ok(preview)) = self.loader.current(generation) else {
            return arrived;
        };
        self.cursor.len = preview.lines.len();
        self.cursor.step(0);
        let stale = self
            .traced
            .as_ref()
            .is_none_or(|t| t.generation != generation || Some(t.name) != selected);
        match selected.filter(|_| self.follow) {
            Some(name) if stale => {
                let result = preview.follow(name).map_err(|e| e.to_string());
                if let Some(at) = result.as_ref().ok().and_then(Explanation::decision) {
                    // The deciding test a third of the way down, its return below it.
                    self.cursor.selected = at;
                    self.cursor.offset = at.saturating_sub(self.cursor.page / 3);
                }
                self.traced = Some(Traced {
                    generation,
                    name,
                    result,
                });
            }
            Some(_) => {}
            None => self.traced = None,
        }
        arrived
    }

    /// The filter of the session's generation, when it compiled.
    fn preview(&self, session: &Session) -> Option<&Preview> {
        self.loader.current(session.generation())?.as_ref().ok()
    }

    /// Moves the cursor to the next (or previous) instruction matching the query; `inclusive`
    /// lets the current one match (while typing).
    fn find(&mut self, session: &Session, forward: bool, inclusive: bool) {
        let (Some(query), Some(preview)) = (&self.query, self.preview(session)) else {
            return;
        };
        let len = preview.lines.len().max(1);
        let from = if inclusive {
            (self.cursor.selected + len - 1) % len
        } else {
            self.cursor.selected
        };
        if let Some(at) = preview.find(query, from, forward) {
            self.cursor.selected = at;
        }
    }

    /// A key while the find box is open: typing finds as it goes, Enter keeps the query for
    /// `n`/`N`, Esc clears it.
    pub fn search_key(&mut self, key: &KeyEvent, command: Option<Command>, session: &Session) {
        let Some(input) = &mut self.search_input else {
            return;
        };
        match (command, key.code) {
            (Some(Command::Apply), _) | (_, KeyCode::Enter) => self.search_input = None,
            (Some(Command::Cancel), _) | (_, KeyCode::Esc) => {
                self.search_input = None;
                self.query = None;
            }
            _ => {
                if input.edit(key) {
                    let text = input.text().to_string();
                    self.query = (!text.is_empty()).then_some(text);
                    self.find(session, true, true);
                }
            }
        }
    }

    /// A mouse click: selects the instruction under it.
    pub fn click(&mut self, at: Position) {
        if self.listing_area.contains(at) {
            let row = at.y.saturating_sub(self.listing_area.y) as usize;
            self.cursor.click(row);
        }
    }

    /// The mouse wheel: scrolls the listing.
    pub fn wheel(&mut self, down: bool) {
        self.cursor.step(if down { 3 } else { -3 });
    }
}

impl Component for BpfView {
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        if self.cursor.navigate(command) {
            return Handled::Consumed;
        }
        match command {
            Command::ToggleFollow => {
                self.follow = !self.follow;
                self.traced = None;
                let state = if self.follow { "on" } else { "off" };
                session.say(
                    format!("Following the selected syscall: {state}"),
                    Tone::Info,
                );
            }
            Command::FindInListing => self.search_input = Some(TextInput::default()),
            Command::FindNext => self.find(session, true, false),
            Command::FindPrev => self.find(session, false, false),
            Command::Back if self.query.is_some() => self.query = None,
            _ => return Handled::NotConsumed,
        }
        Handled::Consumed
    }
}

/// Draws view 2: the header (figures, warnings, the followed path) over the listing, or the
/// compiler's error, or a note that the filter is being compiled.
pub fn render(frame: &mut Frame, area: Rect, view: &mut BpfView, session: &Session, theme: Theme) {
    let block = pane_block("BPF", true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let generation = session.generation();
    let file = header::file_label(session);
    let traced = view.traced.as_ref().filter(|t| t.generation == generation);
    let (head, shown, outdated) = match view.loader.current(generation) {
        Some(Ok(preview)) => {
            let head = header::current(preview, traced, view.follow, &file, theme);
            (head, Some(preview), false)
        }
        Some(Err(error)) => {
            view.listing_area = Rect::default();
            header::render_error(frame, inner, error, &file, session.target.arch, theme);
            return;
        }
        None => {
            let previous = view.loader.latest().and_then(|o| o.as_ref().ok());
            (header::compiling(previous.is_some(), theme), previous, true)
        }
    };
    let [head_area, rule_area, listing_area] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    header::render(frame, head_area, head);
    view.listing_area = listing_area;
    let Some(preview) = shown else {
        return;
    };
    let marks = listing::Marks {
        path: traced.and_then(|t| t.result.as_ref().ok()),
        query: view.query.as_deref(),
        outdated,
    };
    listing::render(
        frame,
        rule_area,
        listing_area,
        &mut view.cursor,
        preview,
        &marks,
        theme,
    );
}

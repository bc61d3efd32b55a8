//! View 2: the BPF program the kernel will run for the document on the target, compiled off
//! the UI thread after every change, with its costs and the compiler's warnings; shown as
//! our disassembly, libseccomp's PFC or the JSON a save would write (`v`), highlighted; and
//! the path of a call through it: the syscall selected in view 1, or one typed with `e`, made
//! in any ABI the filter covers (`A`).

mod access;
mod compare;
mod draw;
mod explain;
mod header;
mod listing;
mod text;
mod trace;

pub use draw::render;
pub use explain::{Call, ExplainPrompt};
pub use text::Marked;

use crate::compile::{find_in, ExplainError, Explanation, Preview};
use crate::msg;
use crate::profile::Arch;
use crate::tui::component::{Component, Handled};
use crate::tui::cursor::Cursor;
use crate::tui::highlight::{self, Cache};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Command, Context};
use crate::tui::preview::PreviewLoader;
use crate::tui::session::{Session, Tone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};
use trace::json_lines;

/// The ways view 2 shows the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// seccompose's annotated disassembly.
    Disassembly,
    /// libseccomp's pseudo filter code.
    Pfc,
    /// The profile's JSON as a save would write it.
    Json,
}

impl Rendering {
    const ALL: [Rendering; 3] = [Rendering::Disassembly, Rendering::Pfc, Rendering::Json];

    fn index(self) -> usize {
        self as usize
    }

    fn title(self) -> String {
        match self {
            Rendering::Disassembly => crate::msg!("bpf-title-disassembly"),
            Rendering::Pfc => crate::msg!("ed-bpf-title-pfc"),
            Rendering::Json => crate::msg!("ed-bpf-title-json"),
        }
    }
}

/// A call's path through one generation's filter.
#[derive(Debug, Clone)]
pub struct Traced {
    /// The session generation the filter was compiled for.
    pub generation: u64,
    /// The call.
    pub call: Call,
    /// The ABI it was made in.
    pub abi: Arch,
    /// Its path and outcome, or why it has none (it does not exist in that ABI).
    pub result: Result<Explanation, ExplainError>,
}

/// View 2's state.
pub struct BpfView {
    /// The compiled filter and the JSON, current or on their way.
    loader: PreviewLoader,
    /// What is shown.
    rendering: Rendering,
    /// The selected line and the first one shown, per rendering.
    cursors: [Cursor; 3],
    /// Whether the view follows the syscall selected in view 1.
    follow: bool,
    /// A call typed in the explain prompt, traced instead of the followed one.
    explained: Option<Call>,
    /// The ABI calls are made in; None: the target's own.
    abi: Option<Arch>,
    /// The traced call's path, for the filter it was traced in.
    traced: Option<Traced>,
    /// The find text while typing (None: not typing).
    search_input: Option<TextInput>,
    /// The explain prompt while it is open.
    explain_input: Option<ExplainPrompt>,
    /// The text the rendering was last searched for.
    query: Option<String>,
    /// Whether the linear and tree layouts are compared above the listing.
    compare: bool,
    /// Where the listing was drawn last (for the mouse).
    listing_area: Rect,
    /// Whether the renderings are highlighted (benchmarks compare with plain drawing).
    highlight: bool,
    highlights: [Cache; 3],
    highlighted: bool,
}

impl Default for BpfView {
    fn default() -> Self {
        BpfView {
            loader: PreviewLoader::default(),
            rendering: Rendering::Disassembly,
            cursors: [Cursor::new(0); 3],
            follow: true,
            explained: None,
            abi: None,
            traced: None,
            search_input: None,
            explain_input: None,
            query: None,
            compare: false,
            listing_area: Rect::default(),
            highlight: true,
            highlights: Default::default(),
            highlighted: false,
        }
    }
}

impl BpfView {
    /// The cursor of the rendering shown.
    pub fn cursor(&self) -> &Cursor {
        &self.cursors[self.rendering.index()]
    }

    fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursors[self.rendering.index()]
    }

    /// The ABI calls are traced in, among those the filter covers.
    pub fn abi_for(&self, preview: &Preview) -> Arch {
        self.abi
            .filter(|a| preview.compiled.arches.contains(a))
            .unwrap_or(preview.arch)
    }

    /// Drops the highlighting done so far (benchmarks measure lines seen for the first time).
    pub fn forget_highlighting(&mut self) {
        self.highlights = Default::default();
    }

    /// Opens the view on `name`'s part of the program for the target's architecture (`b` in
    /// view 1): following it, in every rendering.
    pub fn show_syscall(&mut self) {
        self.follow = true;
        self.explained = None;
        self.abi = None;
        self.traced = None;
    }

    /// Asks for the filter of the session's generation, collects it when it arrives and
    /// traces the call through it; true when something new is there to draw.
    pub fn sync(&mut self, session: &Session, selected: Option<&'static str>) -> bool {
        let mut arrived = self.loader.poll();
        // The editor starts loading the syntaxes at once; elsewhere (tests) the view does.
        highlight::load_in_background();
        if !self.highlighted && highlight::ready().is_some() {
            self.highlighted = true;
            arrived = true;
        }
        let generation = session.generation();
        let source = session.source.as_ref();
        self.loader.want(
            generation,
            (session.profile(), &session.target),
            source,
            session.compiled(),
            self.compare,
        );
        let Some(rendered) = self.loader.rendered(generation) else {
            return arrived;
        };
        let Ok(preview) = &rendered.outcome else {
            return arrived;
        };
        let lens = [
            preview.lines.len(),
            preview.pfc.len(),
            json_lines(&rendered.json).len(),
        ];
        for (cursor, len) in self.cursors.iter_mut().zip(lens) {
            cursor.len = len;
            cursor.step(0);
        }
        let abi = self.abi_for(preview);
        let call = self.explained.clone().or_else(|| {
            selected.filter(|_| self.follow).map(|name| Call {
                name: name.to_string(),
                args: [0; 6],
                typed: false,
            })
        });
        let Some(call) = call else {
            self.traced = None;
            return arrived;
        };
        let stale = self
            .traced
            .as_ref()
            .is_none_or(|t| t.generation != generation || t.call != call || t.abi != abi);
        if stale {
            let result = preview.trace(&call.name, call.args, abi);
            let traced = Traced {
                generation,
                call,
                abi,
                result,
            };
            trace::place_cursors(&mut self.cursors, rendered, preview, &traced, session);
            self.traced = Some(traced);
        }
        arrived
    }

    /// Moves the cursor to the next (or previous) line matching the query; `inclusive` lets
    /// the current one match (while typing).
    fn find(&mut self, session: &Session, forward: bool, inclusive: bool) {
        let Some(query) = self.query.clone() else {
            return;
        };
        let Some(rendered) = self.loader.rendered(session.generation()) else {
            return;
        };
        let Ok(preview) = &rendered.outcome else {
            return;
        };
        let cursor = self.cursors[self.rendering.index()];
        let len = cursor.len.max(1);
        let from = if inclusive {
            (cursor.selected + len - 1) % len
        } else {
            cursor.selected
        };
        let found = match self.rendering {
            Rendering::Disassembly => preview.find(&query, from, forward),
            Rendering::Pfc => find_in(&preview.pfc, &query, from, forward),
            Rendering::Json => find_in(&json_lines(&rendered.json), &query, from, forward),
        };
        if let Some(at) = found {
            self.cursor_mut().selected = at;
        }
    }

    /// A bracketed paste: into the find box or the explain prompt, whichever is open; false
    /// when neither is.
    fn paste_text(&mut self, text: &str, session: &Session) -> bool {
        if let Some(prompt) = &mut self.explain_input {
            prompt.input.paste(text);
            prompt.edited();
            return true;
        }
        let Some(input) = &mut self.search_input else {
            return false;
        };
        input.paste(text);
        let text = input.text().to_string();
        self.query = (!text.is_empty()).then_some(text);
        self.find(session, true, true);
        true
    }

    /// A key while the find box is open: typing finds as it goes, Enter keeps the query for
    /// `n`/`N`, Esc clears it.
    fn search_key(&mut self, key: &KeyEvent, command: Option<Command>, session: &Session) {
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

    /// A key while the explain prompt is open: Tab completes, Enter traces the call typed,
    /// Esc closes the prompt.
    fn explain_key(&mut self, key: &KeyEvent, command: Option<Command>, session: &mut Session) {
        let Some(prompt) = &mut self.explain_input else {
            return;
        };
        match (command, key.code) {
            (_, KeyCode::Tab) => prompt.complete(),
            (Some(Command::Apply), _) | (_, KeyCode::Enter) => match prompt.submit() {
                Ok(call) => {
                    session.say(msg!("ed-bpf-explaining", call = call.label()), Tone::Info);
                    self.explained = Some(call);
                    self.explain_input = None;
                }
                Err(e) => prompt.error = Some(e.to_string()),
            },
            (Some(Command::Cancel), _) | (_, KeyCode::Esc) => self.explain_input = None,
            _ => {
                if prompt.input.edit(key) {
                    prompt.edited();
                }
            }
        }
    }

    /// A mouse click: selects the line under it.
    fn click(&mut self, at: Position) {
        if self.listing_area.contains(at) {
            let row = at.y.saturating_sub(self.listing_area.y) as usize;
            self.cursor_mut().click(row);
        }
    }

    /// The mouse wheel: scrolls the rendering.
    fn wheel(&mut self, down: bool) {
        self.cursor_mut().step(if down { 3 } else { -3 });
    }

    /// `A`: the next ABI the filter covers.
    fn cycle_abi(&mut self, session: &mut Session) {
        let Some(Ok(preview)) = self.loader.current(session.generation()) else {
            return;
        };
        let arches = &preview.compiled.arches;
        if arches.is_empty() {
            return;
        }
        let now = self.abi_for(preview);
        let at = arches.iter().position(|a| *a == now).unwrap_or(0);
        let next = arches[(at + 1) % arches.len()];
        let native = preview.arch;
        self.abi = (next != native).then_some(next);
        let (next, native) = (next.to_string(), native.to_string());
        let text = if next == native {
            msg!("ed-bpf-abi-own", abi = next)
        } else {
            msg!("ed-bpf-abi-other", abi = next, host = native)
        };
        session.say(text, Tone::Info);
    }
}

impl Component for BpfView {
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        if self.cursor_mut().navigate(command) {
            return Handled::DONE;
        }
        match command {
            Command::ToggleFollow => {
                self.follow = !self.follow;
                self.explained = None;
                self.traced = None;
                let text = if self.follow {
                    msg!("ed-bpf-following-on")
                } else {
                    msg!("ed-bpf-following-off")
                };
                session.say(text, Tone::Info);
            }
            Command::CycleRendering => {
                let at = Rendering::ALL.iter().position(|r| *r == self.rendering);
                self.rendering = Rendering::ALL[(at.unwrap_or(0) + 1) % Rendering::ALL.len()];
            }
            Command::ExplainCall => {
                let text = match &self.explained {
                    Some(c) => format!("{} ", c.name),
                    None => String::new(),
                };
                self.explain_input = Some(ExplainPrompt::new(&text));
            }
            Command::CycleAbi => self.cycle_abi(session),
            Command::CompareLayouts => self.compare = !self.compare,
            Command::FindInListing => self.search_input = Some(TextInput::default()),
            Command::FindNext => self.find(session, true, false),
            Command::FindPrev => self.find(session, false, false),
            Command::Back if self.query.is_some() => self.query = None,
            Command::Back if self.explained.is_some() => {
                self.explained = None;
                self.traced = None;
            }
            _ => return Handled::NotConsumed,
        }
        Handled::DONE
    }

    fn contexts(&self) -> &'static [Context] {
        &[Context::Bpf, Context::Navigation, Context::Global]
    }

    /// A line of text is typed in the view while the find box or the explain prompt is open.
    fn typing(&self) -> Option<&'static [Context]> {
        (self.search_input.is_some() || self.explain_input.is_some())
            .then_some(&[Context::Prompt][..])
    }

    fn typing_key(
        &mut self,
        key: &KeyEvent,
        command: Option<Command>,
        session: &mut Session,
    ) -> Handled {
        if self.explain_input.is_some() {
            self.explain_key(key, command, session);
        } else {
            self.search_key(key, command, session);
        }
        Handled::DONE
    }

    fn paste(&mut self, text: &str, session: &Session) -> bool {
        self.paste_text(text, session)
    }

    fn search_box(&self) -> Option<&TextInput> {
        self.search_input.as_ref()
    }

    fn mouse(&mut self, at: Position, kind: MouseEventKind, _session: &Session) {
        match kind {
            MouseEventKind::Down(MouseButton::Left) => self.click(at),
            MouseEventKind::ScrollDown => self.wheel(true),
            MouseEventKind::ScrollUp => self.wheel(false),
            _ => {}
        }
    }
}

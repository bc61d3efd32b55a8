//! What every pane has in common: it gets a semantic command and says whether it used it,
//! so the app can offer the command to the next handler (the gitui way).

use super::input::TextInput;
use super::keymap::{Command, Context};
use super::prompt::PromptKind;
use super::session::Session;
use crate::catalog::Syscall;
use crate::profile::Action;
use ratatui::crossterm::event::{KeyEvent, MouseEventKind};
use ratatui::layout::Position;

/// Whether a pane used a command, and what it wants the app to do about it.
#[derive(Debug, Clone)]
pub enum Handled {
    /// The pane acted on it; nobody else should. The app carries out the intent, if any.
    Consumed(Option<Intent>),
    /// Not for this pane.
    NotConsumed,
}

impl Handled {
    /// Used, with nothing more for the app to do.
    pub const DONE: Handled = Handled::Consumed(None);
}

/// What a pane asks of the app, beyond its own state: windows, other views.
#[derive(Debug, Clone)]
pub enum Intent {
    /// The rule editor on a syscall.
    OpenRules(&'static Syscall),
    /// The rule editor on a syscall, with a new rule's form filled from a call seen (its
    /// arguments).
    RuleForCall(&'static Syscall, [u64; 6]),
    /// View 1 on a syscall, or its rule editor (where a lint finding points).
    Jump(Jump),
    /// A one-line question.
    Prompt(PromptKind),
    /// View 2, following the syscall selected in view 1.
    ShowInBpf,
    /// The editor in another language, at once and from the next start on.
    SetLanguage(crate::lang::Language),
}

/// Where a lint finding leads.
#[derive(Debug, Clone, Copy)]
pub enum Jump {
    /// The syscall in view 1.
    Syscall(&'static Syscall),
    /// The rule editor of the syscall (findings about argument conditions).
    Rules(&'static Syscall),
}

/// A pane that reacts to commands. The app asks the focused view for its key contexts and
/// whether it is typing, and gives it keys, pastes and the mouse; it never looks inside.
pub trait Component {
    /// Reacts to a command, possibly editing the session's document.
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled;

    /// The key contexts where the focus is, most specific first.
    fn contexts(&self) -> &'static [Context] {
        &[Context::Navigation, Context::Global]
    }

    /// While text is typed into the pane (a search box, a command line, a command's
    /// terminal), the contexts its keys are read in: keys then go to `typing_key` as they
    /// are, not through the commands.
    fn typing(&self) -> Option<&'static [Context]> {
        None
    }

    /// A key while typing; `command` is what the keymap makes of it in the typing contexts.
    fn typing_key(
        &mut self,
        _key: &KeyEvent,
        _command: Option<Command>,
        _session: &mut Session,
    ) -> Handled {
        Handled::NotConsumed
    }

    /// A bracketed paste; false when no field of the pane takes text.
    fn paste(&mut self, _text: &str, _session: &Session) -> bool {
        false
    }

    /// The search box shown in the status bar while it is open.
    fn search_box(&self) -> Option<&TextInput> {
        None
    }

    /// A click or the wheel at a position.
    fn mouse(&mut self, _at: Position, _kind: MouseEventKind, _session: &Session) {}
}

/// The action an action key stands for, with its errno: `Some(None)` is "back to default".
pub fn action_of(command: Command, session: &Session) -> Option<(Option<Action>, Option<u64>)> {
    let errno = Some(session.profile().default_errno());
    Some(match command {
        Command::Allow => (Some(Action::Allow), None),
        Command::Deny => (Some(Action::Errno), errno),
        Command::Kill => (Some(Action::KillProcess), None),
        Command::Log => (Some(Action::Log), None),
        Command::Trap => (Some(Action::Trap), None),
        Command::Notify => (Some(Action::Notify), None),
        Command::Default => (None, None),
        _ => return None,
    })
}

/// The item `step` places after `now` in `items`, wrapping around (the first when `now` is absent).
pub fn cycle<T: Copy + PartialEq>(items: &[T], now: T, step: isize) -> T {
    let at = items.iter().position(|x| *x == now).unwrap_or(0) as isize;
    items[(at + step).rem_euclid(items.len() as isize) as usize]
}

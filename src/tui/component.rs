//! What every pane has in common: it gets a semantic command and says whether it used it,
//! so the app can offer the command to the next handler (the gitui way).

use super::keymap::Command;
use super::session::Session;
use crate::profile::Action;

/// Whether a pane used a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// The pane acted on it; nobody else should.
    Consumed,
    /// Not for this pane.
    NotConsumed,
}

/// A pane that reacts to commands.
pub trait Component {
    /// Reacts to a command, possibly editing the session's document.
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled;
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

/// A selection in a list of `len` items, with the first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The selected index.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    /// How many items there are.
    pub len: usize,
    /// How many rows were visible at the last render (for paging).
    pub page: usize,
}

impl Cursor {
    /// A cursor at the top of `len` items.
    pub fn new(len: usize) -> Cursor {
        Cursor {
            len,
            page: 10,
            ..Cursor::default()
        }
    }

    /// Moves by `delta` rows, staying inside the list.
    pub fn step(&mut self, delta: isize) {
        if self.len == 0 {
            return;
        }
        let max = self.len as isize - 1;
        self.selected = (self.selected as isize + delta).clamp(0, max) as usize;
    }

    /// Handles the navigation commands; false for any other command.
    pub fn navigate(&mut self, command: Command) -> bool {
        let page = self.page.max(1) as isize;
        match command {
            Command::Up => self.step(-1),
            Command::Down => self.step(1),
            Command::PageUp => self.step(-page),
            Command::PageDown => self.step(page),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = self.len.saturating_sub(1),
            _ => return false,
        }
        true
    }

    /// Scrolls so the selection is visible in `height` rows; returns the first row to show.
    pub fn visible(&mut self, height: usize) -> usize {
        self.page = height;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if height > 0 && self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.len.saturating_sub(height.max(1)));
        self.offset
    }

    /// Selects the item on visible row `row`, if there is one.
    pub fn click(&mut self, row: usize) -> bool {
        let index = self.offset + row;
        if index < self.len {
            self.selected = index;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_stays_inside_and_scrolls_to_the_selection() {
        let mut c = Cursor::new(30);
        c.navigate(Command::Up);
        assert_eq!(c.selected, 0);
        c.navigate(Command::Bottom);
        assert_eq!(c.selected, 29);
        assert_eq!(c.visible(10), 20);
        c.navigate(Command::Top);
        assert_eq!(c.visible(10), 0);
        assert!(c.click(3));
        assert_eq!(c.selected, 3);
        assert!(!c.click(40));
        let mut empty = Cursor::new(0);
        empty.navigate(Command::Down);
        assert_eq!(empty.selected, 0);
    }
}

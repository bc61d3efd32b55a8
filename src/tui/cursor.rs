//! A selection in a list that scrolls: the one cursor every list of the editor moves.

use super::keymap::Command;
use ratatui::crossterm::event::MouseEventKind;

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

    /// The wheel moves the selection three rows; false for any other mouse event.
    pub fn wheel(&mut self, kind: MouseEventKind) -> bool {
        match kind {
            MouseEventKind::ScrollDown => self.step(3),
            MouseEventKind::ScrollUp => self.step(-3),
            _ => return false,
        }
        true
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

//! A one-line text field: the search box, prompts and the rule form's values.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Text being typed, with a cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position, in characters.
    cursor: usize,
}

impl TextInput {
    /// A field holding `text`, cursor at the end.
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, text: &str) {
        *self = TextInput::new(text);
    }

    /// Edits the text with a key; false when the key is not an editing key.
    pub fn edit(&mut self, key: &KeyEvent) -> bool {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if plain => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < self.text.chars().count() => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left if plain && self.cursor > 0 => self.cursor -= 1,
            KeyCode::Right if plain && self.cursor < self.text.chars().count() => self.cursor += 1,
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.chars().count(),
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// The text as spans, the cursor shown in reverse video when `active`.
    pub fn spans(&self, style: Style, active: bool) -> Line<'static> {
        if !active {
            return Line::from(Span::styled(self.text.clone(), style));
        }
        let at = self.byte_at(self.cursor);
        let (before, rest) = self.text.split_at(at);
        let mut chars = rest.chars();
        let under = chars.next().map_or(" ".to_string(), |c| c.to_string());
        Line::from(vec![
            Span::styled(before.to_string(), style),
            Span::styled(under, style.add_modifier(Modifier::REVERSED)),
            Span::styled(chars.collect::<String>(), style),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_and_deleting_in_the_middle() {
        let mut t = TextInput::new("rmir");
        t.edit(&key(KeyCode::Left));
        t.edit(&key(KeyCode::Left));
        t.edit(&key(KeyCode::Char('d')));
        assert_eq!(t.text(), "rmdir");
        t.edit(&key(KeyCode::End));
        t.edit(&key(KeyCode::Backspace));
        assert_eq!(t.text(), "rmdi");
        assert!(!t.edit(&key(KeyCode::Enter)));
        assert!(!t.edit(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
    }
}

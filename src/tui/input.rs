//! A one-line text field: the search box, prompts and the rule form's values.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use tui_input::{Input, InputRequest};

/// Text being typed, with a cursor; the editing itself is tui-input's, the keys a shell's.
#[derive(Debug, Clone, Default)]
pub struct TextInput {
    input: Input,
}

/// Two fields are equal when they hold the same text with the cursor at the same place.
impl PartialEq for TextInput {
    fn eq(&self, other: &TextInput) -> bool {
        self.text() == other.text() && self.input.cursor() == other.input.cursor()
    }
}

impl Eq for TextInput {}

impl TextInput {
    /// A field holding `text`, cursor at the end.
    pub fn new(text: &str) -> TextInput {
        TextInput {
            input: Input::new(text.to_string()),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, text: &str) {
        *self = TextInput::new(text);
    }

    /// Inserts pasted text at the cursor, line breaks as spaces (a field holds one line).
    pub fn paste(&mut self, text: &str) {
        for c in text.chars() {
            let c = if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            };
            self.input.handle(InputRequest::InsertChar(c));
        }
    }

    /// Edits the text with a key; false when the key is not an editing key.
    pub fn edit(&mut self, key: &KeyEvent) -> bool {
        match request(key) {
            Some(r) => {
                self.input.handle(r);
                true
            }
            None => false,
        }
    }

    /// The cursor's byte offset in the text.
    fn byte_at_cursor(&self) -> usize {
        let text = self.text();
        text.char_indices()
            .nth(self.input.cursor())
            .map_or(text.len(), |(i, _)| i)
    }

    /// The text as spans, the cursor shown in reverse video when `active`.
    pub fn spans(&self, style: Style, active: bool) -> Line<'static> {
        if !active {
            return Line::from(Span::styled(self.text().to_string(), style));
        }
        let (before, rest) = self.text().split_at(self.byte_at_cursor());
        let mut chars = rest.chars();
        let under = chars.next().map_or(" ".to_string(), |c| c.to_string());
        Line::from(vec![
            Span::styled(before.to_string(), style),
            Span::styled(under, style.add_modifier(Modifier::REVERSED)),
            Span::styled(chars.collect::<String>(), style),
        ])
    }
}

/// The editing a key asks for, as a shell's line editor reads it: Ctrl-a/e start and end,
/// Ctrl-b/f and the arrows by character, Alt-b/f and Ctrl-arrows by word, Ctrl-u/k delete to
/// the start and the end, Ctrl-w and Alt-Backspace the word before, Alt-d the word after,
/// Ctrl-y yanks what was deleted.
fn request(key: &KeyEvent) -> Option<InputRequest> {
    use InputRequest::*;
    use KeyCode::*;
    let (ctrl, alt) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
    let mods = key.modifiers - KeyModifiers::SHIFT;
    Some(match (key.code, mods) {
        (Char(c), m) if m.is_empty() => InsertChar(c),
        (Backspace, m) if m.is_empty() => DeletePrevChar,
        (Char('h'), m) if m == ctrl => DeletePrevChar,
        (Delete, m) if m.is_empty() => DeleteNextChar,
        (Left, m) if m.is_empty() => GoToPrevChar,
        (Char('b'), m) if m == ctrl => GoToPrevChar,
        (Right, m) if m.is_empty() => GoToNextChar,
        (Char('f'), m) if m == ctrl => GoToNextChar,
        (Left, m) if m == ctrl || m == alt => GoToPrevWord,
        (Char('b'), m) if m == alt => GoToPrevWord,
        (Right, m) if m == ctrl || m == alt => GoToNextWord,
        (Char('f'), m) if m == alt => GoToNextWord,
        (Home, _) => GoToStart,
        (Char('a'), m) if m == ctrl => GoToStart,
        (End, _) => GoToEnd,
        (Char('e'), m) if m == ctrl => GoToEnd,
        (Char('u'), m) if m == ctrl => DeleteFromStart,
        (Char('k'), m) if m == ctrl => DeleteTillEnd,
        (Char('w'), m) if m == ctrl => DeletePrevWord,
        (Backspace, m) if m == alt || m == ctrl => DeletePrevWord,
        (Char('d'), m) if m == alt => DeleteNextWord,
        (Delete, m) if m == ctrl => DeleteNextWord,
        (Char('y'), m) if m == ctrl => Yank,
        _ => return None,
    })
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

    fn with(c: char, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), m)
    }

    /// The keys of a shell's line editor.
    #[test]
    fn shell_line_editing_keys() {
        let (ctrl, alt) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
        let mut t = TextInput::new("mkdir x");
        t.edit(&with('a', ctrl));
        t.edit(&with('k', ctrl));
        assert_eq!(t.text(), "", "ctrl-a, ctrl-k");
        t.edit(&with('y', ctrl));
        assert_eq!(t.text(), "mkdir x", "ctrl-y yanks what ctrl-k took");
        t.edit(&with('w', ctrl));
        assert_eq!(t.text(), "mkdir ", "ctrl-w");
        t.edit(&with('b', alt));
        t.edit(&with('d', KeyModifiers::NONE));
        assert_eq!(t.text(), "dmkdir ", "alt-b went to the word's start");
        t.edit(&with('e', ctrl));
        t.edit(&with('u', ctrl));
        assert_eq!(t.text(), "", "ctrl-u deletes to the start");
        t.paste("ls\n-la");
        assert_eq!(t.text(), "ls -la", "a paste's line break is a space");
        t.edit(&KeyEvent::new(KeyCode::Left, ctrl));
        t.edit(&KeyEvent::new(KeyCode::Backspace, alt));
        assert_eq!(
            t.text(),
            "la",
            "ctrl-left, alt-backspace (words are runs of letters)"
        );
    }
}

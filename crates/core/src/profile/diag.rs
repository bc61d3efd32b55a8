//! Compiler-style diagnostics: `FILE:LINE:COL: error: MESSAGE`.

use super::model::Pos;
use super::LintId;
use crate::i18n::Text;
use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; the profile still works as written.
    Note,
    /// Accepted by Docker, but probably a mistake.
    Warning,
    /// Docker would reject it, or it cannot mean anything.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding about a place in a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the source.
    pub pos: Pos,
    /// The message, naming the offending value and its JSON path: `.local()` for people,
    /// `.english()` for machine outputs.
    pub message: Text,
    /// A stable id for the kind of finding (`default-action-rule`), so lint can report it as its own.
    pub code: Option<LintId>,
}

impl Diagnostic {
    /// Its severity for `check` and `lint`, which ask whether the runtime will load the
    /// profile: a finding that stops the runtime ([`LintId::stops_the_runtime`]) is an error,
    /// though the document it was found in still loads (to be fixed in the editor).
    pub fn checked_severity(&self) -> Severity {
        if self.code.is_some_and(LintId::stops_the_runtime) {
            Severity::Error
        } else {
            self.severity
        }
    }

    /// An error at `pos`.
    pub fn error(pos: Pos, message: Text) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            pos,
            message,
            code: None,
        }
    }

    /// A warning at `pos`.
    pub fn warning(pos: Pos, message: Text) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            pos,
            message,
            code: None,
        }
    }

    /// The same diagnostic, tagged with the id of its kind.
    pub fn with_code(self, code: LintId) -> Diagnostic {
        Diagnostic {
            code: Some(code),
            ..self
        }
    }

    /// Renders as `FILE:LINE:COL: SEVERITY: MESSAGE` for people: the message in their
    /// language; the position and the severity word stay as they are in every language (what
    /// editors and CI problem matchers parse).
    pub fn render(&self, file: &str) -> String {
        format!(
            "{file}:{}:{}: {}: {}",
            self.pos.line,
            self.pos.col,
            self.severity,
            self.message.local()
        )
    }
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// Maps byte offsets of a text to line and column, each lookup in bounded time whatever the
/// lines' lengths (a minified profile is one line of megabytes).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Characters before every `CHECKPOINT`-th byte: a column is counted from the nearest one.
    chars_before: Vec<usize>,
}

/// How many bytes apart the character-count checkpoints are.
const CHECKPOINT: usize = 256;

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: &u8) -> bool {
    b & 0xc0 != 0x80
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts and character counts of `text`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut total = 0;
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            chars_before.push(total);
            // Profiles are nearly all ASCII, where every byte is a character.
            total += if chunk.is_ascii() {
                chunk.len()
            } else {
                chunk.iter().filter(|b| starts_char(b)).count()
            };
        }
        // One more for the text's end, so every offset up to `text.len()` has a slot.
        chars_before.push(total);
        LineIndex {
            text,
            starts,
            chars_before,
        }
    }

    /// How many characters the text has before a byte offset (`offset <= text.len()`; at
    /// most `CHECKPOINT` bytes are counted).
    fn chars_upto(&self, offset: usize) -> usize {
        let slot = offset / CHECKPOINT;
        let from = slot * CHECKPOINT;
        self.chars_before[slot]
            + self.text.as_bytes()[from..offset]
                .iter()
                .filter(|b| starts_char(b))
                .count()
    }

    /// The position of a byte offset (columns in characters).
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = self.chars_upto(offset) - self.chars_upto(start);
        Pos {
            line: line as u32 + 1,
            col: col as u32 + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The column as the definition says: characters from the line's start.
    fn counted(text: &str, offset: usize) -> Pos {
        let before = &text[..offset];
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos {
            line: before.matches('\n').count() as u32 + 1,
            col: before[start..].chars().count() as u32 + 1,
        }
    }

    #[test]
    fn positions_match_counting_on_long_lines_and_wide_characters() {
        let mut rng = crate::bpf::testutil::Rng(0x9e37_79b9);
        let pieces = ["a", "\n", "é", "€", "𝄞", "{\"x\": 1}", "\r\n"];
        for len in [0, 1, 255, 256, 257, 511, 512, 513, 3000] {
            let mut text = String::new();
            while text.len() < len {
                // Mostly one long line, as a minified profile is.
                let roll = rng.below(40);
                text.push_str(if roll >= pieces.len() {
                    "b"
                } else {
                    pieces[roll]
                });
            }
            let index = LineIndex::new(&text);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                assert_eq!(
                    index.pos(offset),
                    counted(&text, offset),
                    "offset {offset} of {text:?}"
                );
            }
        }
    }
}

//! The run view's command line: the text being typed, and the history of commands run,
//! kept in the state folder so the last command is there again next time.

use crate::msg;
use crate::tui::input::TextInput;
use std::path::PathBuf;

/// How many commands the history keeps.
const KEEP: usize = 200;

/// The command line and its history.
#[derive(Debug, Clone, Default)]
pub struct CommandLine {
    /// The text.
    pub(super) input: TextInput,
    /// Commands run, oldest first.
    pub(super) history: Vec<String>,
    /// The history entry shown while browsing with up/down.
    browsing: Option<usize>,
    /// What was being typed when browsing began, given back by Down past the newest entry.
    draft: Option<String>,
    file: Option<PathBuf>,
}

impl CommandLine {
    /// The command line with the history in `file` (None: not kept), the last command in it.
    pub fn load(file: Option<PathBuf>) -> CommandLine {
        let history: Vec<String> = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        let input = TextInput::new(history.last().map_or("", String::as_str));
        CommandLine {
            input,
            history,
            browsing: None,
            draft: None,
            file,
        }
    }

    /// The words of the command, split as a shell would (quotes, backslashes), without a
    /// shell; Err when the quotes do not close.
    pub fn words(&self) -> Result<Vec<String>, String> {
        let text = self.input.text().trim();
        match shlex::split(text) {
            Some(w) if !w.is_empty() => Ok(w),
            Some(_) => Err(msg!("ed-run-type-a-command")),
            None => Err(msg!("ed-run-unclosed-quote")),
        }
    }

    /// Remembers the current text as the newest command (and writes the history out).
    pub fn remember(&mut self) {
        let text = self.input.text().trim().to_string();
        self.browsing = None;
        self.draft = None;
        // Run again, the newest command changes nothing: no write on the way to the run.
        if text.is_empty() || self.history.last() == Some(&text) {
            return;
        }
        self.history.retain(|h| *h != text);
        self.history.push(text);
        let extra = self.history.len().saturating_sub(KEEP);
        self.history.drain(..extra);
        // Losing the history is not worth interrupting a run for.
        if let Some(file) = &self.file {
            if let Some(dir) = file.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = std::fs::write(file, self.history.join("\n") + "\n");
        }
    }

    /// Moves through the history as a shell does: `older` goes back in time; from a line
    /// that already holds the newest command (the pre-filled one) Up goes to the one before;
    /// Down past the newest gives back what was being typed.
    pub fn browse(&mut self, older: bool) {
        if self.history.is_empty() {
            return;
        }
        let last = self.history.len() - 1;
        let at = match (self.browsing, older) {
            (None, true) => {
                let typed = self.input.text().to_string();
                let prefilled = typed.trim() == self.history[last];
                self.draft = Some(typed);
                if prefilled {
                    last.saturating_sub(1)
                } else {
                    last
                }
            }
            (None, false) => return,
            (Some(i), true) => i.saturating_sub(1),
            (Some(i), false) if i < last => i + 1,
            (Some(_), false) => {
                self.browsing = None;
                let typed = self.draft.take().unwrap_or_default();
                self.input.set(&typed);
                return;
            }
        };
        self.browsing = Some(at);
        self.input.set(&self.history[at]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_is_kept_and_browsed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("state/run-history");
        let mut line = CommandLine::load(Some(file.clone()));
        assert_eq!(line.input.text(), "");
        for cmd in ["ls -la /", "mkdir 'a b'", "ls -la /"] {
            line.input.set(cmd);
            line.remember();
        }
        assert_eq!(line.history, ["mkdir 'a b'", "ls -la /"]);
        let mut again = CommandLine::load(Some(file));
        assert_eq!(
            again.input.text(),
            "ls -la /",
            "the last command is pre-filled"
        );
        again.browse(true);
        again.browse(true);
        assert_eq!(again.words().unwrap(), ["mkdir", "a b"]);
        again.browse(false);
        assert_eq!(again.input.text(), "ls -la /");
        again.input.set("echo 'oops");
        assert!(again.words().is_err());
    }

    /// Running the newest command again writes nothing (`r` after `r` touches no file on the
    /// way to the run); another command is written as before.
    #[test]
    fn running_the_newest_command_again_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("run-history");
        let mut line = CommandLine::load(Some(file.clone()));
        line.input.set("true");
        line.remember();
        std::fs::write(&file, "written by someone else\n").unwrap();
        line.input.set("true");
        line.remember();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "written by someone else\n"
        );
        line.input.set("false");
        line.remember();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "true\nfalse\n");
    }

    /// As in a shell: Up from the pre-filled newest command goes to the one before it, Down
    /// past the newest gives back what was being typed.
    #[test]
    fn up_and_down_work_as_in_a_shell() {
        let mut line = CommandLine::load(None);
        for cmd in ["one", "two", "three"] {
            line.input.set(cmd);
            line.remember();
        }
        line.input.set("three");
        line.browse(true);
        assert_eq!(
            line.input.text(),
            "two",
            "the pre-filled line is not shown again"
        );
        line.browse(false);
        assert_eq!(line.input.text(), "three");
        line.browse(false);
        assert_eq!(line.input.text(), "three", "what was there before browsing");
        line.input.set("half-typ");
        line.browse(true);
        assert_eq!(line.input.text(), "three");
        line.browse(true);
        line.browse(false);
        line.browse(false);
        assert_eq!(
            line.input.text(),
            "half-typ",
            "down past the newest gives the draft back"
        );
    }
}

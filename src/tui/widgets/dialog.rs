//! Windows over the editor: a text prompt, and questions with a few answers.

use super::{centered, pane_block};
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::prompt::Prompt;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// A question with a few answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Quitting with unsaved changes: save, discard, or cancel.
    Quit,
    /// A recovery file from an earlier session: restore it or not.
    Recover {
        /// The draft it holds.
        profile: Box<crate::profile::Profile>,
        /// Since when no key came: keys typed in a burst (begun before the question was
        /// shown) are not taken as answers.
        quiet_since: std::time::Instant,
    },
    /// Saving found the file changed by someone else: overwrite, reload or cancel.
    ChangedOnDisk {
        /// What happened to the file.
        state: crate::profile::DiskState,
        /// Whether the save was on the way out.
        then_quit: bool,
    },
    /// Saving found the file read-only: write it anyway, or cancel.
    ReadOnly {
        /// Whether the save was on the way out.
        then_quit: bool,
        /// Whether the user already agreed to write over a file changed on disk.
        changed_on_disk: bool,
    },
    /// Quitting while a command runs in view 3: end it (and its whole tree) and quit, or not.
    StopRun,
}

/// Draws a prompt window.
pub fn render_prompt(frame: &mut Frame, area: Rect, prompt: &Prompt, cx: &DrawCtx) {
    let theme = cx.theme;
    let window = centered(area, 70, 6);
    frame.render_widget(Clear, window);
    let block = pane_block("Question", true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let mut lines = vec![
        Line::raw(prompt.question()),
        prompt.input.spans(theme.accent(), true),
    ];
    if let Some(e) = &prompt.error {
        lines.push(Line::styled(e.clone(), theme.warning()));
    } else {
        lines.push(Line::styled("enter accept · esc cancel", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Draws a dialog window.
pub fn render_dialog(frame: &mut Frame, area: Rect, dialog: &Dialog, cx: &DrawCtx) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let k = |c| keymap.key_for(Context::Dialog, c).to_string();
    let (title, text, answers) = match dialog {
        Dialog::Quit => (
            "Unsaved changes",
            "Save changes before quitting?".to_string(),
            format!(
                "{} save and quit · {} discard and quit · {} cancel",
                k(Command::Yes),
                k(Command::No),
                k(Command::Cancel)
            ),
        ),
        Dialog::StopRun => (
            "A command is running",
            "The command in the run view is still running. End it, with every process it started, and quit?".to_string(),
            format!(
                "{} end it and quit · {} keep it running",
                keymap.key_for(Context::Dialog, Command::Yes),
                k(Command::No)
            ),
        ),
        Dialog::Recover { .. } => (
            "Recovery file",
            "An earlier session left unsaved changes to this profile. Restore them?".to_string(),
            format!(
                "{} restore (undo goes back to the file) · {} ignore and delete them",
                keymap.key_for(Context::Dialog, Command::Yes),
                k(Command::No)
            ),
        ),
        Dialog::ReadOnly { .. } => (
            "Read-only file",
            "The file is read-only (no write permission for you). Write it anyway?".to_string(),
            format!(
                "{} write anyway · {} cancel",
                k(Command::Overwrite),
                k(Command::Cancel)
            ),
        ),
        Dialog::ChangedOnDisk { state, .. } => {
            use crate::profile::DiskState;
            let text = match state {
                DiskState::Gone => "The file was removed since it was opened. Write it again?",
                DiskState::Appeared => "A file of this name was created meanwhile. Replace it?",
                _ => "The file was changed on disk since it was opened (by another editor, git, ...). Saving would overwrite those changes.",
            };
            let reload = if *state == DiskState::Gone {
                String::new()
            } else {
                format!(
                    "{} reload it (u brings back your edits) · ",
                    k(Command::Reload)
                )
            };
            (
                "File changed on disk",
                text.to_string(),
                format!(
                    "{} overwrite · {reload}{} cancel",
                    k(Command::Overwrite),
                    k(Command::Cancel)
                ),
            )
        }
    };
    let window = centered(area, 72, 7);
    frame.render_widget(Clear, window);
    let block = pane_block(title, true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let lines = vec![
        Line::raw(text),
        Line::raw(""),
        Line::styled(answers, theme.accent()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

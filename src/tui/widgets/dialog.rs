//! Windows over the editor: a text prompt, and questions with a few answers.

use super::hints::{self, Hint};
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
        lines.push(Line::styled(e.to_string(), theme.warning()));
    } else {
        lines.push(Line::styled("enter accept · esc cancel", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Draws a dialog window.
pub fn render_dialog(frame: &mut Frame, area: Rect, dialog: &Dialog, cx: &DrawCtx) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let (title, text, answers): (_, _, Vec<Hint>) = match dialog {
        Dialog::Quit => (
            "Unsaved changes",
            "Save changes before quitting?",
            vec![
                Hint::new(Context::Dialog, &[Command::Yes], "{} save and quit"),
                Hint::new(Context::Dialog, &[Command::No], "{} discard and quit"),
                Hint::new(Context::Dialog, &[Command::Cancel], "{} cancel"),
            ],
        ),
        Dialog::StopRun => (
            "A command is running",
            "The command in the run view is still running. End it, with every process it started, and quit?",
            vec![
                Hint::new(Context::Dialog, &[Command::Yes], "{} end it and quit"),
                Hint::new(Context::Dialog, &[Command::No], "{} keep it running"),
            ],
        ),
        Dialog::Recover { .. } => (
            "Recovery file",
            "An earlier session left unsaved changes to this profile. Restore them?",
            vec![
                Hint::new(Context::Dialog, &[Command::Yes], "{} restore (undo goes back to the file)"),
                Hint::new(Context::Dialog, &[Command::No], "{} ignore and delete them"),
            ],
        ),
        Dialog::ReadOnly { .. } => (
            "Read-only file",
            "The file is read-only (no write permission for you). Write it anyway?",
            vec![
                Hint::new(Context::Dialog, &[Command::Overwrite], "{} write anyway"),
                Hint::new(Context::Dialog, &[Command::Cancel], "{} cancel"),
            ],
        ),
        Dialog::ChangedOnDisk { state, .. } => {
            use crate::profile::DiskState;
            let text = match state {
                DiskState::Gone => "The file was removed since it was opened. Write it again?",
                DiskState::Appeared => "A file of this name was created meanwhile. Replace it?",
                _ => "The file was changed on disk since it was opened (by another editor, git, ...). Saving would overwrite those changes.",
            };
            let overwrite = Hint::new(Context::Dialog, &[Command::Overwrite], "{} overwrite");
            let cancel = Hint::new(Context::Dialog, &[Command::Cancel], "{} cancel");
            let answers = if *state == DiskState::Gone {
                vec![overwrite, cancel]
            } else {
                vec![
                    overwrite,
                    Hint::new(Context::Dialog, &[Command::Reload], "{} reload it (u brings back your edits)"),
                    cancel,
                ]
            };
            ("File changed on disk", text, answers)
        }
    };
    let answers = hints::line(keymap, &answers);
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

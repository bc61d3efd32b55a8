//! Windows over the editor: a text prompt, and questions with a few answers.

use super::{centered, pane_block};
use crate::msg;
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
    let block = pane_block(&msg!("prompt-title"), true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let mut lines = vec![
        Line::raw(prompt.question()),
        prompt.input.spans(theme.accent(), true),
    ];
    if let Some(e) = &prompt.error {
        lines.push(Line::styled(e.to_string(), theme.warning()));
    } else {
        lines.push(Line::styled(msg!("prompt-keys"), theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Draws a dialog window.
pub fn render_dialog(frame: &mut Frame, area: Rect, dialog: &Dialog, cx: &DrawCtx) {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let key = |c| keymap.key_for(Context::Dialog, c);
    let (title, text, answers) = match dialog {
        Dialog::Quit => (
            msg!("dialog-quit-title"),
            msg!("dialog-quit-text"),
            vec![
                msg!("dialog-quit-save", key = key(Command::Yes)),
                msg!("dialog-quit-discard", key = key(Command::No)),
                msg!("dialog-cancel", key = key(Command::Cancel)),
            ],
        ),
        Dialog::StopRun => (
            msg!("dialog-stop-run-title"),
            msg!("dialog-stop-run-text"),
            vec![
                msg!("dialog-stop-run-end", key = key(Command::Yes)),
                msg!("dialog-stop-run-keep", key = key(Command::No)),
            ],
        ),
        Dialog::Recover { .. } => (
            msg!("dialog-recover-title"),
            msg!("dialog-recover-text"),
            vec![
                msg!("dialog-recover-restore", key = key(Command::Yes)),
                msg!("dialog-recover-ignore", key = key(Command::No)),
            ],
        ),
        Dialog::ReadOnly { .. } => (
            msg!("dialog-read-only-title"),
            msg!("dialog-read-only-text"),
            vec![
                msg!("dialog-read-only-write", key = key(Command::Overwrite)),
                msg!("dialog-cancel", key = key(Command::Cancel)),
            ],
        ),
        Dialog::ChangedOnDisk { state, .. } => {
            use crate::profile::DiskState;
            let text = match state {
                DiskState::Gone => msg!("dialog-disk-gone-text"),
                DiskState::Appeared => msg!("dialog-disk-appeared-text"),
                _ => msg!("dialog-disk-changed-text"),
            };
            let overwrite = msg!("dialog-disk-overwrite", key = key(Command::Overwrite));
            let cancel = msg!("dialog-cancel", key = key(Command::Cancel));
            let answers = if *state == DiskState::Gone {
                vec![overwrite, cancel]
            } else {
                let reload = msg!("dialog-disk-reload", key = key(Command::Reload));
                vec![overwrite, reload, cancel]
            };
            (msg!("dialog-disk-title"), text, answers)
        }
    };
    let answers = answers.join(" · ");
    let window = centered(area, 72, 7);
    frame.render_widget(Clear, window);
    let block = pane_block(&title, true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let lines = vec![
        Line::raw(text),
        Line::raw(""),
        Line::styled(answers, theme.accent()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

//! The windows that take the keys while they are open (help, lessons, starters, prompts,
//! questions, the rule editor), and saving, which may open one.

use super::{App, Modal};
use crate::catalog::Catalog;
use crate::profile::starters::STARTERS;
use crate::profile::{Consent, DiskState, Edit};
use crate::tui::keymap::{Command, Context};
use crate::tui::prompt::{Prompt, PromptKind};
use crate::tui::session::{Began, SaveOutcome, Tone};
use crate::tui::widgets::dialog::Dialog;
use ratatui::crossterm::event::KeyEvent;
use std::time::{Duration, Instant};

/// How long no key must have come before one answers the recovery question.
pub const ANSWER_AFTER_QUIET: Duration = Duration::from_millis(400);

/// A scrolling window's new position after `command`; None for a key that closes it.
fn scrolled(scroll: u16, command: Option<Command>) -> Option<u16> {
    match command {
        Some(Command::Down) => Some(scroll.saturating_add(1)),
        Some(Command::Up) => Some(scroll.saturating_sub(1)),
        Some(Command::PageDown) => Some(scroll.saturating_add(10)),
        Some(Command::PageUp) => Some(scroll.saturating_sub(10)),
        _ => None,
    }
}

impl App {
    /// Saves the document, asking for a file name when it has none.
    pub(super) fn save(&mut self) {
        if self.session.path.is_none() {
            self.open_prompt(PromptKind::SaveAs);
        } else {
            self.save_to_file(Consent::default(), false);
        }
    }

    /// Saves to the document's file; when the file changed on disk, asks what to do.
    /// Returns whether the file was written.
    pub(super) fn save_to_file(&mut self, consent: Consent, then_quit: bool) -> bool {
        match self.session.save(consent) {
            SaveOutcome::Saved => {
                self.recovery.discard();
                self.quit |= then_quit;
                true
            }
            SaveOutcome::ChangedOnDisk(state) => {
                self.modal = Some(Modal::Dialog(Dialog::ChangedOnDisk { state, then_quit }));
                false
            }
            SaveOutcome::ReadOnly => {
                self.modal = Some(Modal::Dialog(Dialog::ReadOnly {
                    then_quit,
                    changed_on_disk: consent.changed_on_disk,
                }));
                false
            }
            SaveOutcome::Failed => false,
        }
    }

    /// Gives a key to the open window; returns the window that stays open, if any.
    pub(super) fn modal_key(&mut self, modal: Modal, key: &KeyEvent) -> Option<Modal> {
        match modal {
            Modal::Help(_)
                if self.keymap.command(key, &[Context::Global]) == Some(Command::Lessons) =>
            {
                Some(Modal::Lessons(self.lessons.chooser_cursor()))
            }
            Modal::Lessons(cursor) => {
                let command = self.keymap.command(
                    key,
                    &[Context::Prompt, Context::Navigation, Context::Global],
                );
                let runs = self.run.runs();
                self.lessons
                    .chooser_key(cursor, command, &mut self.session, runs)
                    .map(Modal::Lessons)
            }
            Modal::Starters(mut cursor) => {
                let command = self
                    .keymap
                    .command(key, &[Context::Prompt, Context::Navigation]);
                match command {
                    Some(Command::Apply) => {
                        let starter = &STARTERS[cursor.selected.min(STARTERS.len() - 1)];
                        let profile = starter.profile(&Catalog);
                        if self.session.apply(&Edit::ReplaceAll(Box::new(profile))) {
                            self.session.origin = Began::Starter(starter.name);
                        }
                        self.session.say(
                            crate::msg!("ed-started-from-starter", name = starter.name),
                            Tone::Good,
                        );
                        None
                    }
                    Some(Command::Cancel) => None,
                    Some(c) => {
                        cursor.navigate(c);
                        Some(Modal::Starters(cursor))
                    }
                    None => Some(Modal::Starters(cursor)),
                }
            }
            Modal::Usage(mut panel) => {
                let command = self.keymap.command(key, &[Context::Navigation]);
                panel.scroll = scrolled(panel.scroll, command)?;
                Some(Modal::Usage(panel))
            }
            Modal::Help(scroll) => {
                let command = self.keymap.command(key, &[Context::Navigation]);
                Some(Modal::Help(scrolled(scroll, command)?))
            }
            Modal::Prompt(mut prompt) => match self.keymap.command(key, &[Context::Prompt]) {
                Some(Command::Cancel) => {
                    self.quit_after_save = false;
                    None
                }
                Some(Command::Apply) => match prompt.submit(&mut self.session) {
                    Ok(()) => {
                        if prompt.kind == PromptKind::SaveAs {
                            self.recovery.discard();
                            self.quit |= self.quit_after_save;
                        }
                        None
                    }
                    Err(e) => {
                        prompt.error = Some(e);
                        Some(Modal::Prompt(prompt))
                    }
                },
                _ => {
                    prompt.input.edit(key);
                    prompt.error = None;
                    Some(Modal::Prompt(prompt))
                }
            },
            Modal::Dialog(dialog) => self.dialog_key(dialog, key),
            Modal::Rules(mut editor) => {
                if let Some(command) = editor.key(key, &self.keymap, &mut self.session) {
                    if matches!(command, Command::Undo | Command::Redo | Command::Save) {
                        self.global(command);
                    }
                }
                if editor.is_closed() {
                    None
                } else {
                    Some(Modal::Rules(editor))
                }
            }
        }
    }

    /// Answers a question the editor asked.
    fn dialog_key(&mut self, dialog: Dialog, key: &KeyEvent) -> Option<Modal> {
        let command = self.keymap.command(key, &[Context::Dialog]);
        match (dialog, command) {
            // Typing that went on from before the question (a command being typed as the
            // editor started) answers nothing, and no other key does either.
            (
                Dialog::Recover {
                    profile,
                    quiet_since,
                },
                command,
            ) if quiet_since.elapsed() < ANSWER_AFTER_QUIET
                || !matches!(
                    command,
                    Some(Command::Yes | Command::Reload | Command::No | Command::Cancel)
                ) =>
            {
                Some(Modal::Dialog(Dialog::Recover {
                    profile,
                    quiet_since: Instant::now(),
                }))
            }
            (Dialog::Quit, Some(Command::Yes)) => {
                if self.session.path.is_none() {
                    self.quit_after_save = true;
                    return Some(Modal::Prompt(Prompt::new(
                        PromptKind::SaveAs,
                        &self.session,
                    )));
                }
                self.save_to_file(Consent::default(), true);
                self.modal.take()
            }
            (Dialog::Quit, Some(Command::No)) => {
                self.recovery.discard();
                self.quit = true;
                None
            }
            (Dialog::StopRun, Some(Command::Yes)) => {
                self.run.end_run(&mut self.session);
                if self.session.doc.is_modified() {
                    return Some(Modal::Dialog(Dialog::Quit));
                }
                self.quit = true;
                None
            }
            (Dialog::StopRun, Some(Command::No)) => None,
            (Dialog::Recover { profile, .. }, Some(Command::Yes | Command::Reload)) => {
                self.recovery.answered();
                self.session.apply(&Edit::ReplaceAll(profile));
                self.session.say(crate::msg!("ed-restored"), Tone::Good);
                None
            }
            (Dialog::Recover { .. }, Some(Command::No)) => {
                self.recovery.answered();
                None
            }
            (Dialog::ChangedOnDisk { then_quit, .. }, Some(Command::Overwrite)) => {
                // The read-only question, if the file is read-only, comes next on its own.
                let consent = Consent {
                    changed_on_disk: true,
                    read_only: false,
                };
                self.save_to_file(consent, then_quit);
                self.modal.take()
            }
            (
                Dialog::ReadOnly {
                    then_quit,
                    changed_on_disk,
                },
                Some(Command::Overwrite),
            ) => {
                let consent = Consent {
                    changed_on_disk,
                    read_only: true,
                };
                self.save_to_file(consent, then_quit);
                self.modal.take()
            }
            (Dialog::ChangedOnDisk { state, .. }, Some(Command::Reload))
                if state != DiskState::Gone =>
            {
                if self.session.reload() {
                    self.recovery.discard();
                }
                None
            }
            (_, Some(Command::Cancel)) => None,
            (dialog, _) => Some(Modal::Dialog(dialog)),
        }
    }
}

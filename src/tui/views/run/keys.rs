//! How view 3 takes commands and keys: the stops and the proposal through the commands, the
//! command line and the command's terminal as typed.

use super::{input, Focus, Mode, RunView};
use crate::catalog::Catalog;
use crate::msg;
use crate::profile::Action;
use crate::tui::component::{Component, Handled, Intent};
use crate::tui::emulation::SCROLLBACK;
use crate::tui::keymap::{Command, Context};
use crate::tui::session::{Session, Tone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEventKind};
use ratatui::layout::Position;

impl RunView {
    /// A page back or forward through the command's output.
    fn page(&mut self, command: Command) {
        let page = usize::from(self.size.0.max(2) - 1);
        self.scroll(if command == Command::ScrollBack {
            page as isize
        } else {
            -(page as isize)
        });
    }

    /// `lines` further back (negative: forward) through the output, within the scrollback.
    fn scroll(&mut self, lines: isize) {
        self.scrolled = self.scrolled.saturating_add_signed(lines).min(SCROLLBACK);
    }
}

impl Component for RunView {
    fn handle(&mut self, command: Command, session: &mut Session) -> Handled {
        if let used @ Handled::Consumed(_) = self.proposal_command(command, session) {
            return used;
        }
        if self.cursor.navigate(command) {
            return Handled::DONE;
        }
        match command {
            Command::EditCommand => self.focus = Focus::Command,
            Command::Rerun => {
                let mode = if self.enforce {
                    Mode::Enforce
                } else {
                    Mode::Observe
                };
                self.start(mode, session);
            }
            Command::Record => self.start(Mode::Record, session),
            Command::StopRun => match &self.runner {
                Some(r) => r.stop(),
                None => session.say(msg!("ed-run-nothing-running"), Tone::Info),
            },
            Command::ToggleEnforce => {
                self.enforce = !self.enforce;
                let what = if self.enforce {
                    msg!("ed-run-enforce-mode")
                } else {
                    msg!("ed-run-observed-mode")
                };
                session.say(what, Tone::Info);
            }
            Command::ToggleTarget if self.runner.is_some() => {
                session.say(msg!("ed-run-still-running-target"), Tone::Warning)
            }
            Command::ToggleTarget => self.toggle_target(session),
            Command::FocusTerminal if self.runner.is_some() => self.focus = Focus::Terminal,
            Command::ScrollBack | Command::ScrollForward => self.page(command),
            Command::Deny => self.deny_through(session),
            Command::Allow => {
                if let Some(s) = self.selected() {
                    let name = s.name.clone();
                    session.set_action(vec![name], Some(Action::Allow), None);
                }
            }
            Command::OpenRules => {
                let seen = self.selected().and_then(|s| {
                    Some(Intent::RuleForCall(Catalog.syscall(&s.name)?, s.last_args))
                });
                return Handled::Consumed(seen);
            }
            _ => return Handled::NotConsumed,
        }
        Handled::DONE
    }

    fn contexts(&self) -> &'static [Context] {
        match (self.focus, self.proposal.is_some() || self.proposing) {
            (Focus::Command | Focus::Dir, _) => &[Context::Prompt],
            (Focus::Terminal, _) => &[Context::Terminal],
            (Focus::Stops, true) => &[
                Context::Proposal,
                Context::Run,
                Context::Navigation,
                Context::Global,
            ],
            (Focus::Stops, false) => &[Context::Run, Context::Navigation, Context::Global],
        }
    }

    /// Keys go straight to the command line or the command's terminal while either has
    /// the keyboard, read in the view's contexts there.
    fn typing(&self) -> Option<&'static [Context]> {
        (self.focus != Focus::Stops).then(|| self.contexts())
    }

    /// A key while the command line or the terminal has the keyboard.
    fn typing_key(
        &mut self,
        key: &KeyEvent,
        command: Option<Command>,
        session: &mut Session,
    ) -> Handled {
        match self.focus {
            Focus::Terminal if command == Some(Command::ReleaseTerminal) => {
                self.focus = Focus::Stops;
            }
            Focus::Terminal
                if matches!(command, Some(Command::ScrollBack | Command::ScrollForward)) =>
            {
                self.page(command.unwrap_or(Command::ScrollForward));
            }
            Focus::Terminal => match &mut self.runner {
                Some(r) => {
                    let bytes = input::key_bytes(key, r.app_cursor());
                    r.write(&bytes);
                }
                None => self.focus = Focus::Stops,
            },
            Focus::Command => match (command, key.code) {
                (Some(Command::Apply), _) => {
                    self.focus = Focus::Stops;
                    let mode = if self.enforce {
                        Mode::Enforce
                    } else {
                        Mode::Observe
                    };
                    self.start(mode, session);
                }
                (Some(Command::Cancel), _) => self.focus = Focus::Stops,
                (_, KeyCode::Up) => self.line.browse(true),
                (_, KeyCode::Down) => self.line.browse(false),
                _ => {
                    self.line.input.edit(key);
                }
            },
            Focus::Dir => self.dir_key(key, command, session),
            Focus::Stops => return Handled::NotConsumed,
        }
        Handled::DONE
    }

    /// A bracketed paste: inserted into the command line being edited (line breaks become
    /// spaces: nothing runs before Enter, as in a shell), or typed into the running command's
    /// terminal; false when neither has the keyboard.
    /// The mouse wheel over the terminal pages through its output, three lines a notch.
    fn mouse(&mut self, at: Position, kind: MouseEventKind, _session: &Session) {
        if self.terminal_area.contains(at) {
            match kind {
                MouseEventKind::ScrollUp => self.scroll(3),
                MouseEventKind::ScrollDown => self.scroll(-3),
                _ => {}
            }
        }
    }

    fn paste(&mut self, text: &str, _session: &Session) -> bool {
        match self.focus {
            Focus::Command => {
                self.line.input.paste(text);
                true
            }
            Focus::Terminal => match &mut self.runner {
                Some(r) => {
                    r.write(text.as_bytes());
                    true
                }
                None => false,
            },
            Focus::Dir => {
                self.paste_dir(text);
                true
            }
            Focus::Stops => false,
        }
    }
}

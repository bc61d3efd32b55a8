//! The proposal after a recording: the syscalls whose recorded calls the draft would stop,
//! each as its narrow rule (the values seen) or, on a key, by name; computed off the UI
//! thread for the current draft, so it always agrees with the replay line beside it.

use crate::compile::CompileError;
use crate::msg;
use crate::profile::{Edit, Profile, Target};
use crate::sandbox::narrow::Addition;
use crate::sandbox::replay::Recording;
use crate::sandbox::{propose, Proposal as Proposed};
use crate::tui::component::Handled;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::Command;
use crate::tui::session::{Session, Tone};
use crate::tui::worker::Keyed;
use std::sync::Arc;

/// What a proposal is for: the session generation and the recording's serial number.
pub type Key = (u64, u64);

/// Proposals computed on their own thread.
pub type ProposalLoader =
    Keyed<Key, (Profile, Target, Arc<Recording>), Result<Proposed, CompileError>>;

/// A loader that proposes on its own thread.
pub fn proposal_loader() -> ProposalLoader {
    Keyed::new(|(profile, target, recording)| propose(&recording, &profile, &target))
}

/// One proposed syscall and the user's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The rules it would add.
    pub addition: Addition,
    /// Whether it is accepted.
    pub accepted: bool,
    /// Narrow (the values seen) or by name.
    pub narrow: bool,
}

/// The proposal on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// What it was computed for.
    pub(super) key: Key,
    /// The syscalls.
    pub(super) items: Vec<Item>,
    /// What the engine found (held back and unnamed calls, counts).
    pub(super) found: Proposed,
    /// The selected item.
    pub(super) cursor: Cursor,
}

/// The first six of `all` joined by commas, and how many more there are.
pub fn first_six<S: AsRef<str>>(all: &[S]) -> String {
    let names: Vec<&str> = all.iter().take(6).map(AsRef::as_ref).collect();
    match all.len().saturating_sub(6) {
        0 => names.join(", "),
        more => format!("{} {}", names.join(", "), msg!("ed-and-more", n = more)),
    }
}

/// The note on calls the run did not make (not additions), at most six named.
pub fn unseen_note(found: &Proposed) -> String {
    let names: Vec<&str> = found.unseen.iter().map(|(n, _)| *n).collect();
    msg!("ed-proposal-unseen", names = first_six(&names))
}

impl Proposal {
    /// The syscalls proposed, with the choices made on them.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The proposal for `found`, keeping the choices made on `old` for the same syscalls.
    pub fn new(key: Key, found: Proposed, old: Option<&Proposal>) -> Proposal {
        let items: Vec<Item> = found
            .additions
            .iter()
            .map(|a| {
                let before = old.and_then(|o| o.items.iter().find(|i| i.addition.name == a.name));
                Item {
                    addition: a.clone(),
                    accepted: before.is_none_or(|b| b.accepted),
                    narrow: before.is_none_or(|b| b.narrow),
                }
            })
            .collect();
        let mut cursor = Cursor::new(items.len());
        // The selection follows its syscall, wherever it moved in the new list.
        let selected = old.and_then(|o| o.items.get(o.cursor.selected));
        if let Some(at) = selected.and_then(|sel| {
            items
                .iter()
                .position(|i| i.addition.name == sel.addition.name)
        }) {
            cursor.selected = at;
        }
        Proposal {
            key,
            items,
            found,
            cursor,
        }
    }

    /// The edit adding the accepted items (None: nothing accepted).
    fn edit(&self) -> Option<Edit> {
        let chosen: Vec<(&Addition, bool)> = self
            .items
            .iter()
            .filter(|i| i.accepted)
            .map(|i| (&i.addition, i.narrow))
            .collect();
        if chosen.is_empty() {
            return None;
        }
        let count = chosen.len();
        let edits = crate::sandbox::narrow::chosen_rules(chosen)
            .into_iter()
            .map(|rule| Edit::AddRule { rule, at: None })
            .collect();
        Some(Edit::Batch {
            label: crate::text!("edit-allow-recorded", n = count),
            edits,
        })
    }

    /// A key on the proposal; `Some(true)` when it was applied or put away.
    pub fn command(&mut self, command: Command, session: &mut Session) -> (Handled, bool) {
        if self.cursor.navigate(command) {
            return (Handled::DONE, false);
        }
        let at = self.cursor.selected;
        match command {
            Command::Yes | Command::No => {
                if let Some(item) = self.items.get_mut(at) {
                    item.accepted = command == Command::Yes;
                }
                self.cursor.step(1);
            }
            Command::Mark => {
                if let Some(item) = self.items.get_mut(at) {
                    item.accepted = !item.accepted;
                }
            }
            Command::ToggleNarrow => {
                if let Some(item) = self.items.get_mut(at) {
                    match &item.addition.why_by_name {
                        Some(why) => session.say(
                            msg!(
                                "ed-proposal-only-by-name",
                                name = item.addition.name.as_str(),
                                why = why.local()
                            ),
                            Tone::Info,
                        ),
                        None => item.narrow = !item.narrow,
                    }
                }
            }
            Command::AcceptAll | Command::RejectAll => {
                for item in &mut self.items {
                    item.accepted = command == Command::AcceptAll;
                }
            }
            Command::Apply => {
                match self.edit() {
                    Some(edit) => {
                        session.apply(&edit);
                    }
                    None => session.say(msg!("ed-proposal-nothing-accepted"), Tone::Info),
                }
                return (Handled::DONE, true);
            }
            Command::Cancel => return (Handled::DONE, true),
            _ => return (Handled::NotConsumed, false),
        }
        (Handled::DONE, false)
    }
}

impl super::RunView {
    /// Asks for the proposal for the current draft while one is wanted or shown, and takes it
    /// in when it arrives (keeping the choices made); true when it changed.
    pub(super) fn keep_proposal_current(&mut self, session: &mut Session) -> bool {
        let Some(rec) = &self.recorded else {
            return false;
        };
        if !self.proposing && self.proposal.is_none() {
            return false;
        }
        let key = (session.generation(), rec.serial);
        self.proposer.want(key, || {
            (
                session.profile().clone(),
                session.target.clone(),
                Arc::clone(&rec.calls),
            )
        });
        self.proposer.poll();
        if self.proposal.as_ref().is_some_and(|p| p.key == key) {
            return false;
        }
        let Some(found) = self.proposer.current(key) else {
            // A proposal for an older draft is kept for its choices but not shown (see
            // `live_proposal`): it could contradict the replay line.
            return false;
        };
        let was_pending = std::mem::take(&mut self.proposing);
        match found {
            Err(e) => {
                session.say(
                    msg!("ed-proposal-no-compile", why = e.to_string()),
                    Tone::Warning,
                );
                self.proposal = None;
            }
            Ok(found) if found.is_empty() => {
                let text = if was_pending {
                    let mut text = msg!("ed-proposal-all-allowed", n = found.distinct);
                    if !found.unseen.is_empty() {
                        text = format!("{text}. {}", unseen_note(found));
                    }
                    text
                } else {
                    msg!("ed-proposal-nothing-left")
                };
                session.say(text, Tone::Good);
                self.proposal = None;
            }
            Ok(found) => {
                let old = self.proposal.take();
                self.proposal = Some(Proposal::new(key, found.clone(), old.as_ref()));
            }
        }
        true
    }

    /// The proposal's key for the current draft and recording.
    pub fn proposal_key(&self, session: &Session) -> Option<Key> {
        self.recorded
            .as_ref()
            .map(|r| (session.generation(), r.serial))
    }

    /// The proposal, when it was worked out for the current draft (only then is it shown or
    /// taken keys: an older one could contradict the replay line).
    pub fn live_proposal(&mut self, key: Option<Key>) -> Option<&mut Proposal> {
        self.proposal.as_mut().filter(|p| Some(p.key) == key)
    }

    pub(super) fn proposal_command(&mut self, command: Command, session: &mut Session) -> Handled {
        let key = self.proposal_key(session);
        let proposing = self.proposing || self.proposal.is_some();
        let Some(p) = self.live_proposal(key) else {
            // While the proposal is worked out, esc gives it up.
            if proposing && command == Command::Cancel {
                self.proposing = false;
                self.proposal = None;
                return Handled::DONE;
            }
            let proposal_keys = [
                Command::Yes,
                Command::No,
                Command::Mark,
                Command::ToggleNarrow,
                Command::AcceptAll,
                Command::RejectAll,
                Command::Apply,
            ];
            if proposing && proposal_keys.contains(&command) {
                session.say(msg!("ed-proposal-working"), Tone::Info);
                return Handled::DONE;
            }
            return Handled::NotConsumed;
        };
        let (handled, done) = p.command(command, session);
        if done {
            self.proposal = None;
        }
        handled
    }
}

//! Undoable edits of a profile.

use super::model::{ArchMapEntry, ArgCond, Names, Profile, Rule, EPERM};
use super::vocab::{Action, Arch};
use crate::i18n::Text;
use crate::text;

/// One change to a profile.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Give syscalls one action (None: back to the default), moving each name out of the
    /// rules that held it and into a rule with the new action.
    SetAction {
        /// The syscalls.
        names: Vec<String>,
        /// The new action; None means "whatever the default action does".
        action: Option<Action>,
        /// The errno for ERRNO/TRACE (None: EPERM).
        errno: Option<u64>,
    },
    /// Replace the argument conditions that one rule applies to one of its syscalls;
    /// a rule shared with other syscalls is split so they keep theirs.
    SetConditions {
        /// The rule's index.
        rule: usize,
        /// The syscall.
        name: String,
        /// The new conditions (empty: unconditional).
        args: Vec<ArgCond>,
        /// The action of the rule.
        action: Action,
        /// Its errno.
        errno: Option<u64>,
    },
    /// Insert a rule at an index (None: at the end).
    AddRule {
        /// The rule.
        rule: Rule,
        /// Where.
        at: Option<usize>,
    },
    /// Remove the rule at an index.
    RemoveRule(usize),
    /// Replace the rule at an index.
    ReplaceRule(usize, Rule),
    /// Set the default action and `defaultErrnoRet`.
    SetDefault {
        /// The action.
        action: Action,
        /// `defaultErrnoRet` (None: absent, meaning EPERM).
        errno: Option<u64>,
    },
    /// Set `architectures`.
    SetArchitectures(Option<Vec<Arch>>),
    /// Set `archMap`.
    SetArchMap(Option<Vec<ArchMapEntry>>),
    /// Set `flags`.
    SetFlags(Option<Vec<String>>),
    /// Replace the whole profile (restoring a recovery file, say) as one undoable step.
    ReplaceAll(Box<Profile>),
    /// Several edits applied in order as one undoable step (a lint fix), under one label.
    Batch {
        /// What the edits do together, for undo/redo messages.
        label: Text,
        /// The edits, each seeing the profile the previous one left.
        edits: Vec<Edit>,
    },
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// A rule index past the end.
    #[error("{}", crate::msg!("err-no-such-rule", index = *.0))]
    NoSuchRule(usize),
    /// The rule does not name the syscall.
    #[error("{}", crate::msg!("err-not-in-rule", index = *.0, name = .1.as_str()))]
    NotInRule(usize, String),
    /// An errno outside 0..4095.
    #[error("{}", crate::msg!("err-bad-errno", errno = .0.to_string()))]
    BadErrno(u64),
}

impl Edit {
    /// A short description for undo/redo messages, in the language it is shown in.
    pub fn label(&self) -> Text {
        match self {
            Edit::SetAction { names, action, .. } => match (names.as_slice(), action) {
                ([one], Some(a)) => text!("edit-set-action", name = one, action = a.name()),
                ([one], None) => text!("edit-set-action-default", name = one),
                (many, Some(a)) => text!("edit-set-actions", n = many.len(), action = a.name()),
                (many, None) => text!("edit-set-actions-default", n = many.len()),
            },
            Edit::SetConditions { name, .. } => text!("edit-set-conditions", name = name),
            Edit::AddRule { .. } => text!("edit-add-rule"),
            Edit::RemoveRule(i) => text!("edit-remove-rule", index = i.to_string()),
            Edit::ReplaceRule(i, _) => text!("edit-change-rule", index = i.to_string()),
            Edit::SetDefault { action, .. } => {
                text!("edit-set-default", action = action.to_string())
            }
            Edit::SetArchitectures(_) => text!("edit-set-architectures"),
            Edit::SetArchMap(_) => text!("edit-set-arch-map"),
            Edit::SetFlags(_) => text!("edit-set-flags"),
            Edit::ReplaceAll(_) => text!("edit-replace-all"),
            Edit::Batch { label, .. } => label.clone(),
        }
    }

    /// Applies the edit to a profile.
    pub fn apply(&self, p: &mut Profile) -> Result<(), EditError> {
        match self {
            Edit::SetAction {
                names,
                action,
                errno,
            } => {
                check_errno(*errno)?;
                for name in names {
                    set_action(p, name, *action, *errno);
                }
            }
            Edit::SetConditions {
                rule,
                name,
                args,
                action,
                errno,
            } => {
                check_errno(*errno)?;
                set_conditions(p, *rule, name, args.clone(), *action, *errno)?;
            }
            Edit::AddRule { rule, at } => {
                let rules = p.syscalls.get_or_insert_with(Vec::new);
                let at = at.unwrap_or(rules.len()).min(rules.len());
                rules.insert(at, rule.clone());
            }
            Edit::RemoveRule(i) => {
                rule_at(p, *i)?;
                p.syscalls.as_mut().expect("checked").remove(*i);
            }
            Edit::ReplaceRule(i, rule) => *rule_at(p, *i)? = rule.clone(),
            Edit::SetDefault { action, errno } => {
                check_errno(*errno)?;
                p.default_action = *action;
                p.default_errno_ret = *errno;
            }
            Edit::SetArchitectures(a) => p.architectures = a.clone(),
            Edit::SetArchMap(m) => p.arch_map = m.clone(),
            Edit::SetFlags(f) => p.flags = f.clone(),
            Edit::ReplaceAll(whole) => *p = (**whole).clone(),
            Edit::Batch { edits, .. } => {
                for edit in edits {
                    edit.apply(p)?;
                }
            }
        }
        Ok(())
    }
}

fn check_errno(errno: Option<u64>) -> Result<(), EditError> {
    match errno {
        Some(e) if e > super::vocab::MAX_ERRNO => Err(EditError::BadErrno(e)),
        _ => Ok(()),
    }
}

fn rule_at(p: &mut Profile, i: usize) -> Result<&mut Rule, EditError> {
    p.syscalls
        .as_mut()
        .and_then(|r| r.get_mut(i))
        .ok_or(EditError::NoSuchRule(i))
}

/// Takes `name` out of a rule; returns whether the rule is now empty.
fn remove_name(rule: &mut Rule, name: &str) -> bool {
    match &mut rule.names {
        Some(Names::List(v)) => {
            v.retain(|n| n != name);
            v.is_empty()
        }
        Some(Names::Single(s)) => s == name,
        None => true,
    }
}

/// Adds `name` to a list, keeping it sorted if it was.
fn insert_name(names: &mut Vec<String>, name: &str) {
    if names.iter().any(|n| n == name) {
        return;
    }
    if names.windows(2).all(|w| w[0] <= w[1]) {
        let at = names.partition_point(|n| n.as_str() < name);
        names.insert(at, name.to_string());
    } else {
        names.push(name.to_string());
    }
}

/// Removes `name` from every rule; returns the slot just after the first rule that named it
/// (or where that rule was, if it is now gone), so a new rule lands next to its old home.
fn take_out(rules: &mut Vec<Rule>, name: &str) -> Option<usize> {
    let mut slot = None;
    let mut i = 0;
    while i < rules.len() {
        if rules[i].names().iter().any(|n| n == name) {
            if remove_name(&mut rules[i], name) {
                rules.remove(i);
                slot.get_or_insert(i);
                continue;
            }
            slot.get_or_insert(i + 1);
        }
        i += 1;
    }
    slot
}

fn set_action(p: &mut Profile, name: &str, action: Option<Action>, errno: Option<u64>) {
    let adds_nothing = action.is_some_and(|a| p.is_default_action(a, errno.unwrap_or(EPERM)));
    let rules = p.syscalls.get_or_insert_with(Vec::new);
    let first = take_out(rules, name);
    let Some(action) = action else { return };
    let errno = errno.filter(|_| action.takes_errno());
    if adds_nothing {
        return; // a rule with the default action adds nothing
    }
    let home = rules.iter_mut().find(|r| {
        r.action == action
            && r.errno_ret.unwrap_or(EPERM) == errno.unwrap_or(EPERM)
            && r.errno.is_none()
            && r.is_unconditional()
            && matches!(r.names, Some(Names::List(_)))
    });
    match home {
        Some(rule) => {
            if let Some(Names::List(v)) = &mut rule.names {
                insert_name(v, name);
            }
        }
        None => {
            let mut rule = Rule::new(vec![name.to_string()], action);
            rule.errno_ret = errno.filter(|&e| e != EPERM);
            let at = first.unwrap_or(rules.len()).min(rules.len());
            rules.insert(at, rule);
        }
    }
}

fn set_conditions(
    p: &mut Profile,
    index: usize,
    name: &str,
    args: Vec<ArgCond>,
    action: Action,
    errno: Option<u64>,
) -> Result<(), EditError> {
    let rule = rule_at(p, index)?;
    if !rule.names().iter().any(|n| n == name) {
        return Err(EditError::NotInRule(index, name.to_string()));
    }
    let errno = errno.filter(|_| action.takes_errno());
    let update = |r: &mut Rule| {
        r.args = if args.is_empty() && r.args.is_none() {
            None
        } else {
            Some(args.clone())
        };
        r.action = action;
        r.errno_ret = errno;
    };
    if rule.names().len() == 1 {
        update(rule);
        return Ok(());
    }
    let mut split = rule.clone();
    remove_name(rule, name);
    split.names = Some(Names::List(vec![name.to_string()]));
    split.pos = None;
    update(&mut split);
    p.syscalls
        .as_mut()
        .expect("checked")
        .insert(index + 1, split);
    Ok(())
}

/// A profile with its edit history.
#[derive(Debug, Clone)]
pub struct Document {
    profile: Profile,
    undo: Vec<(Profile, u64, Text)>,
    redo: Vec<(Profile, u64, Text)>,
    state: u64,
    next_state: u64,
    saved_state: u64,
}

impl Document {
    /// A document whose current content counts as saved.
    pub fn new(profile: Profile) -> Document {
        Document {
            profile,
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved_state: 0,
        }
    }

    /// The current profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Applies an edit as one undoable step; a failed edit changes nothing.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        let mut next = self.profile.clone();
        edit.apply(&mut next)?;
        if next == self.profile {
            return Ok(());
        }
        let before = std::mem::replace(&mut self.profile, next);
        self.undo.push((before, self.state, edit.label()));
        self.redo.clear();
        self.state = self.next_state;
        self.next_state += 1;
        Ok(())
    }

    /// Undoes the last edit; returns its label.
    pub fn undo(&mut self) -> Option<Text> {
        let (profile, state, label) = self.undo.pop()?;
        let current = std::mem::replace(&mut self.profile, profile);
        self.redo.push((current, self.state, label.clone()));
        self.state = state;
        Some(label)
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&mut self) -> Option<Text> {
        let (profile, state, label) = self.redo.pop()?;
        let current = std::mem::replace(&mut self.profile, profile);
        self.undo.push((current, self.state, label.clone()));
        self.state = state;
        Some(label)
    }

    /// Whether the content differs from the last save (or load).
    pub fn is_modified(&self) -> bool {
        self.state != self.saved_state
    }

    /// Records that the current content was saved.
    pub fn mark_saved(&mut self) {
        self.saved_state = self.state;
    }

    /// Takes the rules' positions from `saved`, the same profile read back from the file as
    /// saved, so that what points into the file points where the rules are now. Nothing
    /// changes when `saved` means something else (positions aside).
    pub fn relocate(&mut self, saved: &Profile) {
        let unplaced = |p: &Profile| {
            let mut p = p.clone();
            for rule in p.syscalls.iter_mut().flatten() {
                rule.pos = None;
            }
            p
        };
        if unplaced(saved) != unplaced(&self.profile) {
            return;
        }
        let theirs = saved.syscalls.iter().flatten();
        for (mine, theirs) in self.profile.syscalls.iter_mut().flatten().zip(theirs) {
            mine.pos = theirs.pos;
        }
    }

    /// The profile the document started from (before the oldest edit it can undo).
    pub fn original(&self) -> &Profile {
        self.undo.first().map_or(&self.profile, |(p, _, _)| p)
    }
}

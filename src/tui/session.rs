//! The editing session every pane works on: the document, where it lives, the target it is
//! evaluated for, and what the panes derive from them (kept fresh after every change).

pub use super::began::Began;
use super::memory::Memory;
use crate::catalog::{Catalog, Category, Group, Language, Syscall};
use crate::compile::SharedDraft;
use crate::lint::{siblings_left_open, SiblingsLeftOpen};
use crate::msg;
use crate::profile::{
    self, Action, ActionSplit, DiskState, Document, Edit, Effects, Profile, Rendering, SaveError,
    Source, Target,
};
use crate::sandbox::SharedObservation;
use std::path::PathBuf;

/// A set of syscalls the category pane offers: a primary category or a known group.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// A primary category of the catalog.
    Category(&'static Category),
    /// A systemd `@`-set or strace `%`-class.
    Group(&'static Group),
}

impl Scope {
    /// Every category, then every group.
    pub fn all() -> Vec<Scope> {
        let cats = Catalog.categories().iter().map(Scope::Category);
        cats.chain(Catalog.groups().iter().map(Scope::Group))
            .collect()
    }

    /// What the pane shows, in `lang` (a group's name is the same in every language).
    pub fn title(&self, lang: Language) -> &'static str {
        match self {
            Scope::Category(c) => c.title_in(lang),
            Scope::Group(g) => g.name(),
        }
    }

    /// One line about it, in `lang`.
    pub fn about(&self, lang: Language) -> &'static str {
        match self {
            Scope::Category(c) => c.about_in(lang),
            Scope::Group(g) => g.about_in(lang),
        }
    }

    /// Its syscalls, by name.
    pub fn members(&self) -> Vec<&'static Syscall> {
        let mut v: Vec<&'static Syscall> = match self {
            Scope::Category(c) => Catalog.in_category(c).collect(),
            Scope::Group(g) => g.members().collect(),
        };
        v.sort_by_key(|s| s.name());
        v.dedup_by_key(|s| s.name());
        v
    }
}

/// What came of a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written.
    Saved,
    /// Not written: the file on disk is not what the document was read from.
    ChangedOnDisk(DiskState),
    /// Not written: the file is read-only.
    ReadOnly,
    /// Not written; the status bar says why.
    Failed,
}

/// How a status message should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain news.
    Info,
    /// Something went right that the user waited for (saved).
    Good,
    /// Something went wrong or needs attention.
    Warning,
}

/// The editor's document and what is derived from it.
pub struct Session {
    /// The document with its history.
    pub doc: Document,
    /// The file it is saved to; None for the built-in profile until "save as".
    pub path: Option<PathBuf>,
    /// What the document began as, which the title names while it has no file.
    pub origin: Began,
    /// The file's text as read or last saved, so a save changes only what the edits changed;
    /// None when the document has no file yet.
    pub source: Option<Source>,
    /// Where the profile is evaluated (native arch, capabilities, kernel).
    pub target: Target,
    /// What every syscall gets, for the current profile and target.
    pub effects: Effects,
    /// The categories and groups, in pane order.
    pub scopes: Vec<Scope>,
    /// How each scope splits across actions (same order as `scopes`).
    pub splits: Vec<ActionSplit>,
    /// The last message for the status bar.
    pub status: Option<(String, Tone)>,
    /// What the user has already been taught.
    pub memory: Memory,
    /// An action just used for the first time, to explain in the detail pane.
    pub lesson: Option<Action>,
    /// Siblings the last deny left allowed, and their fix, until the next edit.
    pub siblings_open: Option<SiblingsLeftOpen>,
    /// The key that applies that fix, for the status line.
    pub deny_siblings_key: String,
    /// The language of the catalog's texts (summaries, risk reasons, categories, groups):
    /// the lessons' language, set through `App::set_language`.
    pub language: Language,
    generation: u64,
    /// The draft's compile for this generation, shared by view 2 and the lint worker.
    compiled: SharedDraft,
    /// What an observed run of this generation needs, readied by the lint worker.
    observation: SharedObservation,
}

impl Session {
    /// A session on a profile (the loaded content counts as saved).
    pub fn new(profile: Profile, path: Option<PathBuf>, target: Target, memory: Memory) -> Session {
        let effects = Effects::new(&profile, &target);
        let mut s = Session {
            doc: Document::new(profile),
            path,
            origin: Began::Builtin,
            source: None,
            target,
            effects,
            scopes: Scope::all(),
            splits: Vec::new(),
            status: None,
            memory,
            lesson: None,
            siblings_open: None,
            deny_siblings_key: "f".into(),
            language: Language::En,
            generation: 0,
            compiled: SharedDraft::default(),
            observation: SharedObservation::default(),
        };
        s.refresh();
        s
    }

    /// The current profile.
    pub fn profile(&self) -> &Profile {
        self.doc.profile()
    }

    /// Counts changes of the profile or the target (edits, undo, redo, target changes), so
    /// that work derived from them off the UI thread can tell whether it is still current.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The compile of this generation's draft, made once by the first worker that needs it.
    pub fn compiled(&self) -> &SharedDraft {
        &self.compiled
    }

    /// What an observed run of this generation's draft needs, made once.
    pub fn observation(&self) -> &SharedObservation {
        &self.observation
    }

    /// Recomputes what the panes derive from the profile and the target.
    pub fn refresh(&mut self) {
        self.generation += 1;
        self.compiled = SharedDraft::default();
        self.observation = SharedObservation::default();
        self.effects = Effects::new(self.doc.profile(), &self.target);
        let effects = &self.effects;
        self.splits = self
            .scopes
            .iter()
            .map(|s| effects.split(s.members().iter().map(|m| m.name())))
            .collect();
    }

    /// Applies an edit; reports it (or why it failed) in the status bar.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        self.siblings_open = None;
        match self.doc.apply(edit) {
            Ok(()) => {
                let done = crate::msg!("edit-done", edit = edit.label().local());
                self.say(upper_first(&done), Tone::Info);
                self.refresh();
                true
            }
            Err(e) => {
                self.say(
                    crate::msg!("status-not-changed", why = e.to_string()),
                    Tone::Warning,
                );
                false
            }
        }
    }

    /// Gives syscalls an action (None: the default), and explains a first-used action.
    pub fn set_action(&mut self, names: Vec<String>, action: Option<Action>, errno: Option<u64>) {
        if names.is_empty() {
            return;
        }
        let edit = Edit::SetAction {
            names: names.clone(),
            action,
            errno,
        };
        if self.apply(&edit) {
            self.lesson = action.filter(|a| self.memory.first_use(*a));
            // Only a deny can leave a sibling doing the job (allowing is not looked at).
            let denies = action.map_or(self.profile().default_action.blocks(), Action::blocks);
            self.siblings_open = denies
                .then(|| siblings_left_open(self.profile(), &self.target, &names))
                .flatten();
            if let Some(open) = &self.siblings_open {
                let sentence = open.sentence(&self.deny_siblings_key).local();
                self.say(sentence, Tone::Warning);
            }
        }
    }

    /// Denies the siblings the last deny left allowed, as one undoable edit; false when there
    /// are none.
    pub fn deny_siblings(&mut self) -> bool {
        match self.siblings_open.take() {
            Some(open) => self.apply(&open.fix.edit()),
            None => false,
        }
    }

    /// Undoes the last edit.
    pub fn undo(&mut self) {
        self.siblings_open = None;
        match self.doc.undo() {
            Some(label) => {
                self.say(
                    crate::msg!("status-undid", edit = label.local()),
                    Tone::Info,
                );
                self.refresh();
            }
            None => self.say(crate::msg!("status-nothing-to-undo"), Tone::Info),
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        self.siblings_open = None;
        match self.doc.redo() {
            Some(label) => {
                self.say(
                    crate::msg!("status-redid", edit = label.local()),
                    Tone::Info,
                );
                self.refresh();
            }
            None => self.say(crate::msg!("status-nothing-to-redo"), Tone::Info),
        }
    }

    /// Changes the target and re-evaluates.
    pub fn set_target(&mut self, target: Target) {
        self.target = target;
        self.refresh();
    }

    /// Saves atomically to the document's file (keeping the previous version as FILE~),
    /// changing only what the edits changed. A file that changed on disk since it was read, or
    /// is read-only, is left alone unless `consent` says otherwise, for the editor to ask.
    pub fn save(&mut self, consent: profile::Consent) -> SaveOutcome {
        let Some(path) = self.path.clone() else {
            self.say(crate::msg!("status-no-file-yet"), Tone::Warning);
            return SaveOutcome::Failed;
        };
        let saved = profile::save_document(
            &path,
            self.source.as_ref(),
            self.doc.profile(),
            &Catalog,
            consent,
            true,
        );
        match saved {
            Ok(saved) => {
                self.doc.mark_saved();
                // Lines may have moved: what points into the file follows the saved text.
                if let Some(placed) = saved.source.saved_profile(&Catalog) {
                    self.doc.relocate(&placed);
                    self.refresh();
                }
                self.source = Some(saved.source);
                let (text, tone) = match saved.rendering {
                    Rendering::Fallback(why) => (
                        crate::msg!(
                            "status-saved-canonical",
                            file = path.display().to_string(),
                            why = why.to_string()
                        ),
                        Tone::Warning,
                    ),
                    _ => (
                        crate::msg!("status-saved", file = path.display().to_string()),
                        Tone::Good,
                    ),
                };
                self.say(text, tone);
                SaveOutcome::Saved
            }
            Err(SaveError::ChangedOnDisk(state)) => SaveOutcome::ChangedOnDisk(state),
            Err(SaveError::ReadOnly(r)) => {
                self.say(upper_first(&r.to_string()), Tone::Warning);
                SaveOutcome::ReadOnly
            }
            Err(e) => {
                self.say(
                    crate::msg!(
                        "status-could-not-save",
                        file = path.display().to_string(),
                        why = e.to_string()
                    ),
                    Tone::Warning,
                );
                SaveOutcome::Failed
            }
        }
    }

    /// Reads the file again after someone else changed it: the edits made here stay one undo
    /// away, and the document counts as saved.
    pub fn reload(&mut self) -> bool {
        let Some(path) = self.path.clone() else {
            return false;
        };
        let container = self.source.as_ref().map(|s| s.container().clone());
        let loaded = profile::open(
            &path,
            container.as_ref().map(|c| c.format()),
            container.as_ref().and_then(|c| match c {
                profile::formats::Container::Spo { name } => Some(name.as_str()),
                _ => None,
            }),
            &Catalog,
        )
        .map(|o| (o.imported.parsed, o.source));
        match loaded {
            Ok((parsed, Some(source))) => {
                let profile = parsed.profile.expect("a source comes with its profile");
                self.apply(&Edit::ReplaceAll(Box::new(profile)));
                self.doc.mark_saved();
                self.source = Some(source);
                self.say(
                    msg!("ed-reloaded", file = path.display().to_string()),
                    Tone::Good,
                );
                true
            }
            Ok((parsed, None)) => {
                let why = parsed
                    .diagnostics
                    .first()
                    .map(|d| {
                        let at = msg!("ed-place-line", line = d.pos.line, col = d.pos.col);
                        format!("{at}: {}", d.message.local())
                    })
                    .unwrap_or_else(|| msg!("ed-reload-not-a-profile"));
                self.say(
                    msg!(
                        "ed-cannot-reload",
                        file = path.display().to_string(),
                        why = why
                    ),
                    Tone::Warning,
                );
                false
            }
            Err(e) => {
                self.say(
                    msg!(
                        "ed-cannot-reload",
                        file = path.display().to_string(),
                        why = e.to_string()
                    ),
                    Tone::Warning,
                );
                false
            }
        }
    }

    /// Puts a message in the status bar.
    pub fn say(&mut self, text: String, tone: Tone) {
        self.status = Some((text, tone));
    }
}

/// The text with its first letter in upper case.
pub(crate) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

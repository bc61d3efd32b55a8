//! Keys as data: `assets/keys.toml` maps keys to semantic commands per context, the user's
//! `keys.toml` may override them, and the `?` help is generated from the same tables.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The keymap that ships with the editor.
pub const DEFAULT_KEYS: &str = include_str!("../../assets/keys.toml");

/// Where a key is interpreted; also a group of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Everywhere outside text fields.
    Global,
    /// Lists and scrolling panes.
    Navigation,
    /// The category pane and the syscall list.
    Actions,
    /// The BPF view's listing.
    Bpf,
    /// The rule editor's list of rules.
    Rules,
    /// The rule editor's form.
    Form,
    /// The profile settings view.
    Settings,
    /// The run view.
    Run,
    /// The run view's proposal after a recording.
    Proposal,
    /// The lint view.
    Lint,
    /// The command's terminal in the run view, while it has the keyboard.
    Terminal,
    /// Text prompts and the search box.
    Prompt,
    /// Questions with a few answers (quit with unsaved changes, restore a recovery file).
    Dialog,
}

impl Context {
    /// Every context, in help order.
    pub const ALL: [Context; 13] = [
        Context::Global,
        Context::Navigation,
        Context::Actions,
        Context::Bpf,
        Context::Rules,
        Context::Form,
        Context::Settings,
        Context::Run,
        Context::Proposal,
        Context::Lint,
        Context::Terminal,
        Context::Prompt,
        Context::Dialog,
    ];

    /// The help heading, in the current language.
    pub fn title(self) -> String {
        crate::i18n::text(&self.title_id(), &[])
    }

    /// The message id of its help heading (`keys-<table>`).
    pub fn title_id(self) -> String {
        format!("keys-{}", self.key())
    }

    fn key(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Navigation => "navigation",
            Context::Actions => "actions",
            Context::Bpf => "bpf",
            Context::Rules => "rules",
            Context::Form => "form",
            Context::Settings => "settings",
            Context::Run => "run",
            Context::Proposal => "proposal",
            Context::Lint => "lint",
            Context::Terminal => "terminal",
            Context::Prompt => "prompt",
            Context::Dialog => "dialog",
        }
    }
}

/// What a key means, independent of which key it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each command's help line lives in assets/keys.toml
pub enum Command {
    ViewSyscalls,
    ViewBpf,
    ViewRun,
    ViewLint,
    ViewSettings,
    FocusNext,
    FocusPrev,
    Search,
    Undo,
    Redo,
    Save,
    ToggleTheme,
    Help,
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    DetailDown,
    DetailUp,
    Back,
    Allow,
    Deny,
    DenyWith,
    Kill,
    Log,
    Trap,
    Notify,
    Default,
    Mark,
    OpenRules,
    ToggleFollow,
    FindInListing,
    FindNext,
    FindPrev,
    CycleRendering,
    ExplainCall,
    CycleAbi,
    CompareLayouts,
    OpenInBpf,
    DenySiblings,
    NewRule,
    EditRule,
    DeleteRule,
    Close,
    NextField,
    PrevField,
    Complete,
    ChoiceNext,
    ChoicePrev,
    AddCondition,
    RemoveCondition,
    Apply,
    Cancel,
    ChangeNext,
    ChangePrev,
    Toggle,
    Yes,
    No,
    Overwrite,
    Reload,
    EditCommand,
    Rerun,
    StopRun,
    Record,
    ToggleEnforce,
    ToggleTarget,
    FocusTerminal,
    ReleaseTerminal,
    ScrollBack,
    ScrollForward,
    AcceptAll,
    ToggleNarrow,
    RejectAll,
    ToggleRunStops,
    JumpToRule,
    ApplyFix,
    ShowChanges,
    Usage,
    Lessons,
    Starters,
    CloseTour,
}

/// One line of the help: a command, its keys as written, what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The command.
    pub command: Command,
    /// Its keys, as the TOML spells them.
    pub keys: Vec<String>,
    /// The message id of its line of help (`keys-<table>-<command>`).
    pub help_id: String,
}

impl Binding {
    /// Its line of help, in the current language.
    pub fn help(&self) -> String {
        crate::i18n::text(&self.help_id, &[])
    }
}

#[derive(Deserialize)]
struct Entry {
    keys: Vec<String>,
}

type RawTables = BTreeMap<String, BTreeMap<String, Entry>>;

/// Keys to commands, per context.
#[derive(Debug, Clone)]
pub struct KeyMap {
    lookup: HashMap<(Context, KeyCode, KeyModifiers), Command>,
    groups: Vec<(Context, Vec<Binding>)>,
}

impl KeyMap {
    /// The built-in keymap.
    pub fn builtin() -> KeyMap {
        KeyMap::with_overrides(None).expect("assets/keys.toml is valid")
    }

    /// The built-in keymap with a user's TOML applied on top; Err explains what is wrong.
    pub fn with_overrides(user: Option<&str>) -> Result<KeyMap, KeyMapError> {
        let mut groups = tables(DEFAULT_KEYS)?;
        if let Some(text) = user {
            for (context, bindings) in tables(text)? {
                let group = groups
                    .iter_mut()
                    .find(|(c, _)| *c == context)
                    .map(|(_, b)| b)
                    .ok_or_else(|| KeyMapError::UnknownSection(context.key().to_string()))?;
                for b in bindings {
                    match group.iter_mut().find(|x| x.command == b.command) {
                        Some(existing) => existing.keys = b.keys,
                        None => {
                            return Err(KeyMapError::NotInSection(
                                context.key().to_string(),
                                format!("{:?}", b.command),
                            ))
                        }
                    }
                }
            }
        }
        let mut lookup = HashMap::new();
        for (context, bindings) in &groups {
            for b in bindings {
                for k in &b.keys {
                    let (code, mods) = parse_key(k)?;
                    if let Some(other) = lookup.insert((*context, code, mods), b.command) {
                        if other != b.command {
                            return Err(KeyMapError::TwoMeanings {
                                key: k.clone(),
                                one: format!("{other:?}"),
                                other: format!("{:?}", b.command),
                                section: context.key().to_string(),
                            });
                        }
                    }
                }
            }
        }
        Ok(KeyMap { lookup, groups })
    }

    /// The command of a key, trying the contexts in order.
    pub fn command(&self, key: &KeyEvent, contexts: &[Context]) -> Option<Command> {
        let (code, mods) = normalize(key);
        contexts
            .iter()
            .find_map(|c| self.lookup.get(&(*c, code, mods)).copied())
    }

    /// Every binding, grouped by context in help order.
    pub fn groups(&self) -> &[(Context, Vec<Binding>)] {
        &self.groups
    }

    /// The first key of a command in a context, for hints (`?` when unbound).
    pub fn key_for(&self, context: Context, command: Command) -> &str {
        self.groups
            .iter()
            .filter(|(c, _)| *c == context)
            .flat_map(|(_, b)| b)
            .find(|b| b.command == command)
            .and_then(|b| b.keys.first())
            .map_or("?", String::as_str)
    }
}

fn tables(text: &str) -> Result<Vec<(Context, Vec<Binding>)>, KeyMapError> {
    let raw: RawTables = toml::from_str(text).map_err(|e| KeyMapError::Toml(e.to_string()))?;
    let mut out = Vec::new();
    for (section, entries) in raw {
        let context: Context = Context::deserialize(serde::de::value::StrDeserializer::<
            serde::de::value::Error,
        >::new(&section))
        .map_err(|_| KeyMapError::UnknownSection(section.clone()))?;
        let mut bindings = Vec::new();
        for (name, entry) in entries {
            let command = Command::deserialize(serde::de::value::StrDeserializer::<
                serde::de::value::Error,
            >::new(&name))
            .map_err(|_| KeyMapError::UnknownCommand(name.clone(), section.clone()))?;
            bindings.push(Binding {
                command,
                keys: entry.keys,
                help_id: format!("keys-{section}-{name}"),
            });
        }
        out.push((context, bindings));
    }
    // BTreeMap sorted sections and commands by name; restore the file's meaningful order.
    out.sort_by_key(|(c, _)| Context::ALL.iter().position(|x| x == c));
    let order = file_order(text);
    for (_, bindings) in &mut out {
        bindings.sort_by_key(|b| order.iter().position(|c| *c == b.command));
    }
    Ok(out)
}

/// Commands in the order the text defines them.
fn file_order(text: &str) -> Vec<Command> {
    text.lines()
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim()))
        .filter_map(|name| {
            Command::deserialize(
                serde::de::value::StrDeserializer::<serde::de::value::Error>::new(name),
            )
            .ok()
        })
        .collect()
}

/// Shift is part of the character itself (`G`, `?`), so it is ignored for characters and
/// back-tab; only Ctrl and Alt are kept.
fn normalize(key: &KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut mods =
        key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    (key.code, mods)
}

/// What is wrong with a keymap file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyMapError {
    /// Not TOML.
    #[error("{0}")]
    Toml(String),
    /// A section no context has.
    #[error("{}", crate::msg!("ed-keys-unknown-section", section = .0.as_str()))]
    UnknownSection(String),
    /// A command no one has heard of.
    #[error("{}", crate::msg!("ed-keys-unknown-command", command = .0.as_str(), section = .1.as_str()))]
    UnknownCommand(String, String),
    /// A command that belongs to another section.
    #[error("{}", crate::msg!("ed-keys-not-in-section", section = .0.as_str(), command = .1.as_str()))]
    NotInSection(String, String),
    /// A key name that does not read.
    #[error("{}", crate::msg!("ed-keys-unknown-key", key = .0.as_str(), keys = .1.as_str()))]
    UnknownKey(String, String),
    /// One key bound to two commands in one section.
    #[error("{}", crate::msg!(
        "ed-keys-two-meanings",
        key = key.as_str(),
        one = one.as_str(),
        other = other.as_str(),
        section = section.as_str()
    ))]
    TwoMeanings {
        /// The key.
        key: String,
        /// The command it had.
        one: String,
        /// The command it was given too.
        other: String,
        /// Where.
        section: String,
    },
}

/// Parses `ctrl-r`, `G`, `space`, `backtab`, `f1`...
pub fn parse_key(text: &str) -> Result<(KeyCode, KeyModifiers), KeyMapError> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-") {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("shift-") {
            mods |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
            KeyCode::F(f[1..].parse().expect("checked"))
        }
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().expect("one char")),
        other => return Err(KeyMapError::UnknownKey(other.to_string(), text.to_string())),
    };
    Ok((code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn the_contract_keys_are_bound() {
        let map = KeyMap::builtin();
        let list = [Context::Actions, Context::Navigation, Context::Global];
        let cmd = |c, m| map.command(&key(c, m), &list);
        assert_eq!(
            cmd(KeyCode::Char('d'), KeyModifiers::NONE),
            Some(Command::Deny)
        );
        assert_eq!(
            cmd(KeyCode::Char('r'), KeyModifiers::CONTROL),
            Some(Command::Redo)
        );
        assert_eq!(
            cmd(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Command::Bottom)
        );
        assert_eq!(
            cmd(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Command::FocusPrev)
        );
        assert_eq!(
            cmd(KeyCode::Char(' '), KeyModifiers::NONE),
            Some(Command::Mark)
        );
        assert_eq!(cmd(KeyCode::Char('z'), KeyModifiers::NONE), None);
    }

    #[test]
    fn the_first_context_wins() {
        let map = KeyMap::builtin();
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            map.command(&enter, &[Context::Rules]),
            Some(Command::EditRule)
        );
        assert_eq!(map.command(&enter, &[Context::Form]), Some(Command::Apply));
    }

    #[test]
    fn user_overrides_replace_keys_and_bad_ones_are_reported() {
        let map = KeyMap::with_overrides(Some("[actions]\ndeny = { keys = [\"D\"] }\n")).unwrap();
        let ctx = [Context::Actions];
        assert_eq!(
            map.command(&key(KeyCode::Char('D'), KeyModifiers::SHIFT), &ctx),
            Some(Command::Deny)
        );
        assert_eq!(
            map.command(&key(KeyCode::Char('d'), KeyModifiers::NONE), &ctx),
            None
        );
        // A user's file from before the help lines moved to assets/messages still reads.
        let old = "[actions]\ndeny = { keys = [\"D\"], help = \"mine\" }\n";
        assert!(KeyMap::with_overrides(Some(old)).is_ok());
        assert!(KeyMap::with_overrides(Some("[actions]\nfly = { keys = [\"f\"] }\n")).is_err());
        assert!(KeyMap::with_overrides(Some("[actions]\ndeny = { keys = [\"a\"] }\n")).is_err());
    }

    #[test]
    fn help_groups_keep_the_file_order() {
        let map = KeyMap::builtin();
        let (first, bindings) = &map.groups()[0];
        assert_eq!(*first, Context::Global);
        assert_eq!(bindings[0].command, Command::ViewSyscalls);
        assert!(map.groups().iter().all(|(_, b)| b
            .iter()
            .all(|b| crate::i18n::has(crate::lang::Language::En, &b.help_id))));
    }
}

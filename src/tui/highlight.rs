//! Syntax highlighting of view 2's renderings with syntect, by our own definitions in
//! assets/syntaxes: the disassembly, libseccomp's PFC and JSON (syntect's bundled set is
//! not built in: it held a hundred languages, twice).
//!
//! syntect's theme here does not hold colours: each scope selector maps to a [`Code`] kind
//! (carried in the colour's red byte), and the editor's [`Theme`] styles the kinds. So the
//! cached highlighting survives a theme switch, and `NO_COLOR` needs nothing special.
//!
//! Loading the syntaxes takes tens of milliseconds, so it happens once, on a thread of its
//! own started with the editor; until it is done the renderings are drawn plain.

use super::theme::{Code, Theme};
use crate::profile::Action;
use ratatui::text::Span;
use std::collections::HashMap;
use std::ops::Range;
use std::str::FromStr;
use std::sync::{Once, OnceLock};
use syntect::highlighting::{
    Color, HighlightIterator, HighlightState, Highlighter, ScopeSelectors, StyleModifier,
    Theme as Scheme, ThemeItem, ThemeSettings,
};
use syntect::parsing::{ParseState, ScopeStack, SyntaxDefinition, SyntaxSet, SyntaxSetBuilder};

/// Which language a text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// seccompose's disassembly (one instruction a line, no state across lines).
    Disassembly,
    /// libseccomp's PFC (no state across lines).
    Pfc,
    /// The profile's JSON.
    Json,
}

impl Language {
    /// Whether each line can be highlighted on its own (our syntaxes are written so).
    fn stateless(self) -> bool {
        self != Language::Json
    }
}

const DISASSEMBLY: &str = include_str!("../../assets/syntaxes/seccomp-bpf.sublime-syntax");
const PFC: &str = include_str!("../../assets/syntaxes/libseccomp-pfc.sublime-syntax");
const JSON: &str = include_str!("../../assets/syntaxes/json.sublime-syntax");

/// Scope selectors and the kind they mark; syntect picks the most specific match.
const KINDS: &[(&str, Code)] = &[
    ("comment", Code::Comment),
    ("keyword.control", Code::Keyword),
    ("keyword.operator", Code::Plain),
    ("variable", Code::Variable),
    ("constant.numeric", Code::Number),
    ("constant.language", Code::Constant),
    ("constant.other", Code::Constant),
    ("support.constant", Code::Constant),
    ("entity.name.function", Code::Name),
    ("string", Code::Text),
    ("meta.mapping.key string", Code::Key),
    ("meta.structure.dictionary.key string", Code::Key),
    ("invalid", Code::Invalid),
    (
        "constant.language.action.allow",
        Code::Action(Action::Allow),
    ),
    (
        "constant.language.action.errno",
        Code::Action(Action::Errno),
    ),
    (
        "constant.language.action.kill",
        Code::Action(Action::KillThread),
    ),
    ("constant.language.action.trap", Code::Action(Action::Trap)),
    ("constant.language.action.log", Code::Action(Action::Log)),
    (
        "constant.language.action.trace",
        Code::Action(Action::Trace),
    ),
    (
        "constant.language.action.notify",
        Code::Action(Action::Notify),
    ),
];

/// The loaded syntaxes and the scope-to-kind scheme.
pub struct Syntaxes {
    set: SyntaxSet,
    scheme: Scheme,
}

static SYNTAXES: OnceLock<Syntaxes> = OnceLock::new();
static STARTED: Once = Once::new();

/// Starts loading the syntaxes on a thread of their own (once per process).
pub fn load_in_background() {
    STARTED.call_once(|| {
        std::thread::spawn(loaded);
    });
}

/// The syntaxes when they are loaded; None while they load.
pub fn ready() -> Option<&'static Syntaxes> {
    SYNTAXES.get()
}

/// The syntaxes, loading them here if no one has (tests and benchmarks).
pub fn loaded() -> &'static Syntaxes {
    SYNTAXES.get_or_init(Syntaxes::load)
}

impl Syntaxes {
    fn load() -> Syntaxes {
        let mut builder = SyntaxSetBuilder::new();
        for text in [DISASSEMBLY, PFC, JSON] {
            let syntax = SyntaxDefinition::load_from_str(text, true, None)
                .expect("the syntaxes in assets/syntaxes are valid");
            builder.add(syntax);
        }
        let scopes = KINDS
            .iter()
            .map(|(selector, code)| ThemeItem {
                scope: ScopeSelectors::from_str(selector).expect("valid selector"),
                style: StyleModifier {
                    foreground: Some(encode(*code)),
                    background: None,
                    font_style: None,
                },
            })
            .collect();
        let scheme = Scheme {
            name: Some("seccompose kinds".into()),
            author: None,
            settings: ThemeSettings {
                foreground: Some(encode(Code::Plain)),
                ..ThemeSettings::default()
            },
            scopes,
        };
        Syntaxes {
            set: builder.build(),
            scheme,
        }
    }

    fn set_and_syntax(
        &self,
        language: Language,
    ) -> (&SyntaxSet, &syntect::parsing::SyntaxReference) {
        let set = &self.set;
        let scope = match language {
            Language::Disassembly => "source.seccomp-bpf",
            Language::Pfc => "source.libseccomp-pfc",
            Language::Json => "source.json",
        };
        let selector = syntect::parsing::Scope::new(scope).expect("valid scope");
        let syntax = set
            .find_syntax_by_scope(selector)
            .unwrap_or_else(|| set.find_syntax_plain_text());
        (set, syntax)
    }
}

/// A kind as syntect carries it: 0 is plain, then each entry of [`KINDS`] by position.
fn encode(code: Code) -> Color {
    let index = KINDS
        .iter()
        .position(|(_, c)| *c == code)
        .map_or(0, |i| i + 1);
    Color {
        r: index as u8,
        g: 0,
        b: 0,
        a: 0,
    }
}

fn decode(color: Color) -> Code {
    match color.r as usize {
        0 => Code::Plain,
        i => KINDS.get(i - 1).map_or(Code::Plain, |(_, c)| *c),
    }
}

/// One highlighted line: byte ranges of the line and their kinds.
pub type Pieces = Vec<(Range<usize>, Code)>;

/// Where parsing stands before a line (JSON carries its nesting from line to line).
#[derive(Clone)]
struct Checkpoint {
    parse: ParseState,
    highlight: HighlightState,
}

/// JSON keeps a checkpoint every this many lines, so a jump re-parses at most that many.
const CHECKPOINT_EVERY: usize = 64;

/// The highlighting of one text, line by line, done as lines are shown and kept.
#[derive(Default)]
pub struct Cache {
    key: Option<(Language, u64)>,
    lines: HashMap<usize, Pieces>,
    checkpoints: Vec<Checkpoint>,
    /// The state after the last line parsed, and that line's successor.
    resume: Option<(usize, Checkpoint)>,
}

impl Cache {
    /// The pieces of lines `range` of `text` (`key` names the text: a new key starts over);
    /// None while the syntaxes load.
    pub fn lines<S: AsRef<str>>(
        &mut self,
        language: Language,
        key: u64,
        text: &[S],
        range: Range<usize>,
    ) -> Option<Vec<&Pieces>> {
        let syntaxes = ready()?;
        if self.key != Some((language, key)) {
            *self = Cache {
                key: Some((language, key)),
                ..Cache::default()
            };
        }
        let range = range.start.min(text.len())..range.end.min(text.len());
        let highlighter = Highlighter::new(&syntaxes.scheme);
        for i in range.clone() {
            if !self.lines.contains_key(&i) {
                let pieces = self.highlight(syntaxes, &highlighter, language, text, i);
                self.lines.insert(i, pieces);
            }
        }
        Some(range.map(|i| &self.lines[&i]).collect())
    }

    fn highlight<S: AsRef<str>>(
        &mut self,
        syntaxes: &Syntaxes,
        highlighter: &Highlighter,
        language: Language,
        text: &[S],
        index: usize,
    ) -> Pieces {
        let (set, syntax) = syntaxes.set_and_syntax(language);
        let fresh = || Checkpoint {
            parse: ParseState::new(syntax),
            highlight: HighlightState::new(highlighter, ScopeStack::new()),
        };
        if language.stateless() {
            return one_line(set, highlighter, &mut fresh(), text[index].as_ref());
        }
        // Go on from the line before when it was the last one parsed (scrolling down), else
        // from the last checkpoint at or before the line, keeping checkpoints on the way.
        if self.checkpoints.is_empty() {
            self.checkpoints.push(fresh());
        }
        let (from, mut state) = match self.resume.take() {
            Some((next, state)) if next == index => (index, state),
            _ => {
                let at = (index / CHECKPOINT_EVERY).min(self.checkpoints.len() - 1);
                (at * CHECKPOINT_EVERY, self.checkpoints[at].clone())
            }
        };
        for (i, line) in text.iter().enumerate().take(index + 1).skip(from) {
            let chunk = i / CHECKPOINT_EVERY;
            if i.is_multiple_of(CHECKPOINT_EVERY) && chunk == self.checkpoints.len() {
                self.checkpoints.push(state.clone());
            }
            let pieces = one_line(set, highlighter, &mut state, line.as_ref());
            if i == index {
                self.resume = Some((index + 1, state));
                return pieces;
            }
            self.lines.entry(i).or_insert(pieces);
        }
        Pieces::new()
    }
}

/// Highlights one line from `state`, leaving `state` after it.
fn one_line(
    set: &SyntaxSet,
    highlighter: &Highlighter,
    state: &mut Checkpoint,
    line: &str,
) -> Pieces {
    // The syntaxes are loaded for lines that end in a newline.
    let with_newline = format!("{line}\n");
    let Ok(ops) = state.parse.parse_line(&with_newline, set) else {
        return vec![(0..line.len(), Code::Plain)];
    };
    let mut pieces = Pieces::new();
    let mut at = 0;
    for (style, piece) in
        HighlightIterator::new(&mut state.highlight, &ops, &with_newline, highlighter)
    {
        let end = (at + piece.len()).min(line.len());
        if end > at {
            let mut code = decode(style.foreground);
            if code == Code::Text {
                // A JSON string that names an action takes the action's colour.
                let word = piece.trim_matches('"');
                if let Some(action) = Action::from_name(word) {
                    code = Code::Action(action);
                }
            }
            pieces.push((at..end, code));
        }
        at += piece.len();
    }
    pieces
}

/// The spans of a line, styled by `theme`; plain when there are no pieces.
pub fn spans<'a>(line: &'a str, pieces: Option<&Pieces>, theme: Theme) -> Vec<Span<'a>> {
    match pieces {
        Some(pieces) => pieces
            .iter()
            .filter_map(|(range, code)| {
                let text = line.get(range.clone())?;
                Some(Span::styled(text, theme.code(*code)))
            })
            .collect(),
        None => vec![Span::raw(line)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(language: Language, text: &[&str], line: usize) -> Vec<(String, Code)> {
        loaded();
        let mut cache = Cache::default();
        let pieces = cache.lines(language, 1, text, line..line + 1).unwrap()[0].clone();
        pieces
            .into_iter()
            .map(|(r, c)| (text[line][r].to_string(), c))
            .filter(|(t, _)| !t.trim().is_empty())
            .collect()
    }

    #[test]
    fn the_disassembly_names_keywords_registers_names_and_actions() {
        let text = [
            "if (A == openat) goto 13 else goto 16",
            "return ERRNO(1)",
            "A = args[1] >> 32",
            "if (A == SOCK_STREAM|SOCK_CLOEXEC) goto 9 else goto 11",
        ];
        let first = kinds_of(Language::Disassembly, &text, 0);
        assert!(first.contains(&("if".into(), Code::Keyword)), "{first:?}");
        assert!(first.contains(&("A".into(), Code::Variable)));
        assert!(first.contains(&("openat".into(), Code::Name)));
        assert!(first.contains(&("13".into(), Code::Number)));
        let named = kinds_of(Language::Disassembly, &text, 3);
        assert!(
            named.contains(&("SOCK_STREAM".into(), Code::Constant)),
            "{named:?}"
        );
        assert!(
            named.contains(&("SOCK_CLOEXEC".into(), Code::Constant)),
            "{named:?}"
        );
        let ret = kinds_of(Language::Disassembly, &text, 1);
        assert!(
            ret.contains(&("ERRNO".into(), Code::Action(Action::Errno))),
            "{ret:?}"
        );
        let load = kinds_of(Language::Disassembly, &text, 2);
        assert!(load.contains(&("args".into(), Code::Variable)), "{load:?}");
    }

    #[test]
    fn pfc_comments_fields_and_actions() {
        let text = [
            "# filter for syscall \"read\" (0) [priority: 65535]",
            "if ($a0.hi32 & 0x0 == 0)",
            "  action KILL;",
        ];
        assert_eq!(kinds_of(Language::Pfc, &text, 0)[0].1, Code::Comment);
        let test = kinds_of(Language::Pfc, &text, 1);
        assert!(
            test.contains(&("$a0.hi32".into(), Code::Variable)),
            "{test:?}"
        );
        let action = kinds_of(Language::Pfc, &text, 2);
        assert!(
            action.contains(&("KILL".into(), Code::Action(Action::KillThread))),
            "{action:?}"
        );
    }

    #[test]
    fn json_keys_strings_and_actions_across_lines_from_any_line() {
        let mut text = vec!["{".to_string(), "  \"syscalls\": [".to_string()];
        for i in 0..200 {
            text.push(format!(
                "    {{\"names\": [\"read{i}\"], \"action\": \"SCMP_ACT_ALLOW\"}},"
            ));
        }
        text.push("  ]".into());
        text.push("}".into());
        let refs: Vec<&str> = text.iter().map(String::as_str).collect();
        let late = kinds_of(Language::Json, &refs, 150);
        assert!(
            late.iter()
                .any(|(t, c)| t.contains("names") && *c == Code::Key),
            "{late:?}"
        );
        assert!(
            late.iter()
                .any(|(t, c)| t.contains("SCMP_ACT_ALLOW") && *c == Code::Action(Action::Allow)),
            "{late:?}"
        );
        // The same line highlighted after walking from the top is the same.
        loaded();
        let mut cache = Cache::default();
        let walked = cache.lines(Language::Json, 1, &refs, 0..203).unwrap()[150].clone();
        let mut jumped = Cache::default();
        assert_eq!(
            jumped.lines(Language::Json, 1, &refs, 150..151).unwrap()[0],
            &walked
        );
    }

    #[test]
    fn json_values_numbers_constants_and_comments_of_a_jsonc_file() {
        let text = [
            "{ // kept by the save",
            "  \"errnoRet\": 1, \"comment\": \"a \\\"quoted\\\" word\", /* two",
            "  lines */ \"flags\": [true, null, -2.5e3]",
            "}",
        ];
        let kind = |line: usize, piece: &str| {
            let pieces = kinds_of(Language::Json, &text, line);
            let found = pieces
                .iter()
                .find(|(t, _)| t.contains(piece))
                .map(|(_, c)| *c);
            assert!(found.is_some(), "{piece:?} in {pieces:?}");
            found
        };
        assert_eq!(kind(0, "kept"), Some(Code::Comment));
        assert_eq!(kind(1, "errnoRet"), Some(Code::Key));
        assert_eq!(kind(1, "1"), Some(Code::Number));
        assert_eq!(kind(1, "quoted"), Some(Code::Text));
        assert_eq!(kind(1, "two"), Some(Code::Comment));
        assert_eq!(kind(2, "lines"), Some(Code::Comment));
        assert_eq!(kind(2, "flags"), Some(Code::Key));
        assert_eq!(kind(2, "true"), Some(Code::Constant));
        assert_eq!(kind(2, "null"), Some(Code::Constant));
        assert_eq!(kind(2, "-2.5e3"), Some(Code::Number));
    }
}

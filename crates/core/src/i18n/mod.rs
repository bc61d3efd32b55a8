//! Messages for people, in the user's language: Project Fluent files under
//! `assets/messages/` (one per language, built into the binary), asked for by id with
//! [`msg!`](crate::msg). English is the fallback for a message a language lacks, and the id
//! itself the last resort, so a message is never empty. Machine outputs never come from here.
//!
//! The language is chosen once at start ([`set_language`]) and holds for the whole process; a
//! thread may override it ([`set_thread_language`]), which is how the tests draw one editor in
//! Portuguese beside another in English in the same test process.

mod index;
mod store;

use crate::lang::Language;
use fluent_bundle::FluentArgs;
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use store::Store;

pub use fluent_bundle::FluentValue;

/// The message files, one per language, in [`Language::ALL`]'s order.
pub const FILES: [(Language, &str); 2] = [
    (
        Language::En,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/messages/en.ftl"
        )),
    ),
    (
        Language::PtBr,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/messages/pt-BR.ftl"
        )),
    ),
];

/// A message id with its arguments, in the current language:
/// `msg!("status-saved", file = name)`.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language of every message of this process (once, at start).
pub fn set_language(language: Language) {
    PROCESS.store(language as u8, Ordering::Relaxed);
}

/// Sets the language of this thread's messages, over the process's.
pub fn set_thread_language(language: Language) {
    THREAD.with(|t| t.set(Some(language)));
}

/// The language messages are given in on this thread.
pub fn language() -> Language {
    THREAD.with(Cell::get).unwrap_or_else(|| {
        let i = PROCESS.load(Ordering::Relaxed) as usize;
        Language::ALL.get(i).copied().unwrap_or_default()
    })
}

/// The message `id` with `args`, in the current language.
pub fn text(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    text_in(language(), id, args)
}

/// The message `id` with `args` in `language`, else in English, else the id itself.
pub fn text_in(language: Language, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        fargs.set(*name, value.clone());
    }
    [language, Language::En]
        .into_iter()
        .find_map(|l| Store::of(l).format(id, &fargs))
        .filter(|out| !out.is_empty())
        .unwrap_or_else(|| id.to_string())
}

/// Whether `language` has its own text for `id` (not English's in its place).
pub fn has(language: Language, id: &str) -> bool {
    Store::of(language).has(id)
}

/// A message for people kept as its id and arguments, so that each output gives it in its own
/// language: [`Text::local`] for people, [`Text::english`] for machine outputs (JSON, SARIF),
/// which never change with the language. Made with [`text!`](crate::text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Given as it is (names, paths, constants).
    Str(String),
    /// A count: Fluent picks plural forms by it.
    Num(i64),
    /// A message of its own, given in the same language as the one it is part of.
    Text(Box<Text>),
    /// A text written outside the message files in each language, in [`Language::ALL`]'s
    /// order (the catalog's risk reasons): the one of the message's language is given.
    Each(Vec<String>),
}

impl Arg {
    /// The text `write` gives for each language (the catalog's, say), kept for all of them.
    pub fn each(write: impl Fn(Language) -> String) -> Arg {
        Arg::Each(Language::ALL.iter().map(|l| write(*l)).collect())
    }
}

/// `text!("lint-unknown-name", name = n)`: a [`Text`] with its arguments.
#[macro_export]
macro_rules! text {
    ($id:literal) => {
        $crate::i18n::Text::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Text::new($id)$(.arg(stringify!($name), $value))+
    };
}

impl Text {
    /// The message `id`, with no arguments yet.
    pub fn new(id: &'static str) -> Text {
        Text {
            id,
            args: Vec::new(),
        }
    }

    /// The same message with the argument `name` set to `value`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        self.args.push((name, value.into()));
        self
    }

    /// Its id in the message files.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in `language` (English where that language lacks it).
    pub fn in_language(&self, language: Language) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Str(s) => FluentValue::from(s.as_str()),
                    Arg::Num(n) => FluentValue::from(*n),
                    Arg::Text(t) => FluentValue::from(t.in_language(language)),
                    Arg::Each(each) => {
                        let text = each.get(language.index()).or(each.first());
                        FluentValue::from(text.map_or("", String::as_str))
                    }
                };
                (*name, value)
            })
            .collect();
        text_in(language, self.id, &args)
    }

    /// The message in the language of this thread, for people.
    pub fn local(&self) -> String {
        self.in_language(language())
    }

    /// The message in English, for machine outputs and logs that must not change with the
    /// language.
    pub fn english(&self) -> String {
        self.in_language(Language::En)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(Box::new(t))
    }
}

/// Counts: anything that converts to an i64 without loss (larger values are given as text).
macro_rules! count_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                i64::try_from(n).map(Arg::Num).unwrap_or_else(|_| Arg::Str(n.to_string()))
            }
        }
    )*};
}
count_arg!(i32, u32, i64, u64, usize, u16, u8);

/// A [`Text`] kept on disk (the compile cache's warnings): its id and arguments as JSON, read
/// back into the same `Text`, which then speaks whatever language reads it.
impl Text {
    /// `{"id": ..., "args": [[name, value], ...]}`: a string, a count, a text of its own, or
    /// `{"each": [...]}` (one string per language).
    pub fn to_json(&self) -> serde_json::Value {
        let args: Vec<serde_json::Value> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Str(s) => serde_json::Value::from(s.as_str()),
                    Arg::Num(n) => serde_json::Value::from(*n),
                    Arg::Text(t) => t.to_json(),
                    Arg::Each(each) => serde_json::json!({ "each": each }),
                };
                serde_json::json!([name, value])
            })
            .collect();
        serde_json::json!({ "id": self.id, "args": args })
    }

    /// The text [`Text::to_json`] wrote; None when it is not one, or its id is not a message
    /// of this build.
    pub fn from_json(v: &serde_json::Value) -> Option<Text> {
        let id = v["id"].as_str().filter(|id| has(Language::En, id))?;
        let mut text = Text::new(interned(id));
        for arg in v["args"].as_array()? {
            let name = interned(arg[0].as_str()?);
            let value = match &arg[1] {
                serde_json::Value::String(s) => Arg::Str(s.clone()),
                serde_json::Value::Number(n) => Arg::Num(n.as_i64()?),
                serde_json::Value::Object(o) if o.contains_key("each") => {
                    let each = o["each"].as_array()?;
                    let each: Option<Vec<String>> = each
                        .iter()
                        .map(|e| e.as_str().map(str::to_string))
                        .collect();
                    Arg::Each(each.filter(|e| e.len() == Language::ALL.len())?)
                }
                other => Arg::Text(Box::new(Text::from_json(other)?)),
            };
            text.args.push((name, value));
        }
        Some(text)
    }
}

/// One `'static` copy of each id and argument name read back (a few dozen at most: the ids of
/// the message files, checked before, and their arguments' names).
fn interned(s: &str) -> &'static str {
    static SEEN: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = seen.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The engine's errors for people are said in the reader's language, with the names and
    /// values as they are; in English word for word as before.
    #[test]
    fn engine_errors_speak_the_readers_language() {
        use crate::profile::{EditError, UnknownCapability};
        let errors = || {
            [
                EditError::NotInRule(3, "mkdir".into()).to_string(),
                UnknownCapability("CAP_NOPE".into()).to_string(),
                crate::profile::ReadOnly {
                    path: "/tmp/p.json".into(),
                    mode: 0o444,
                }
                .to_string(),
            ]
        };
        set_thread_language(Language::PtBr);
        assert_eq!(
            errors(),
            [
                "a regra 3 não cita mkdir",
                "capability desconhecida \"CAP_NOPE\"",
                "/tmp/p.json é somente leitura (modo 0444); ele não foi alterado",
            ]
        );
        set_thread_language(Language::En);
        assert_eq!(
            errors(),
            [
                "rule 3 does not name mkdir",
                "unknown capability \"CAP_NOPE\"",
                "/tmp/p.json is read-only (mode 0444); it was not changed",
            ]
        );
    }

    /// A compile error reads in the user's language where people read it (`render`), and in
    /// English where it becomes a finding's JSON (`Display`, `english`).
    #[test]
    fn a_compile_error_is_english_for_machines_and_local_for_people() {
        let e = crate::compile::CompileError::TooLong(5000);
        let english = "the filter has 5000 instructions, more than the kernel's limit of 4096";
        set_thread_language(Language::PtBr);
        assert_eq!(e.to_string(), english);
        assert_eq!(
            e.render("p.json"),
            "p.json: error: o filtro tem 5000 instruções, mais do que o limite de 4096 do kernel"
        );
        let found = crate::lint::too_long(e.text());
        assert_eq!(found.message.english(), english);
        assert!(found.message.local().starts_with("o filtro tem 5000"));
        set_thread_language(Language::En);
        assert_eq!(e.render("p.json"), format!("p.json: error: {english}"));
    }

    /// `bundle` finds a language's file at its discriminant.
    #[test]
    fn the_files_are_in_the_languages_order() {
        for (i, (language, _)) in FILES.iter().enumerate() {
            assert_eq!(*language as usize, i);
            assert_eq!(Language::ALL[i], *language);
        }
    }

    #[test]
    fn a_text_keeps_its_arguments_for_every_language() {
        let t = crate::text!("status-saved", file = "a.json");
        let en = t.english();
        let pt = t.in_language(Language::PtBr);
        assert!(
            en.contains("a.json") && pt.contains("a.json"),
            "{en} / {pt}"
        );
        assert_ne!(en, pt);
        assert_eq!(crate::text!("no-such-id").english(), "no-such-id");
        let big = Arg::from(u64::MAX);
        assert_eq!(big, Arg::Str(u64::MAX.to_string()));
    }

    #[test]
    fn a_text_reads_back_from_json_as_it_was() {
        let inner = crate::text!("load-kind-string");
        let t = crate::text!("load-not-array", path = "syscalls[0].names", found = inner);
        let counted = crate::text!(
            "load-loaded-with",
            n = 2,
            line = "3",
            col = "5",
            message = t.clone()
        );
        let each = crate::text!("load-loaded-with", n = 1, line = "1", col = "1")
            .arg("message", Arg::each(|l| format!("in {l}")));
        for text in [t, counted, each] {
            let back = Text::from_json(&text.to_json()).expect("reads back");
            assert_eq!(back, text);
            assert_eq!(
                back.in_language(Language::PtBr),
                text.in_language(Language::PtBr)
            );
        }
        let unknown = serde_json::json!({"id": "no-such-message", "args": []});
        assert_eq!(Text::from_json(&unknown), None);
        assert_eq!(
            Text::from_json(&serde_json::json!("load-kind-string")),
            None
        );
    }
}

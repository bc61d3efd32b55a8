//! Messages for people, in the editor's language: Project Fluent files under
//! `assets/messages/` (one per language, built into the binary), asked for by id with
//! [`msg!`](crate::msg). English is the fallback for a message a language lacks, and the id
//! itself the last resort, so a message is never empty. Machine outputs never come from here.
//!
//! The language is chosen once at start ([`set_language`]) and holds for the whole process; a
//! thread may override it ([`set_thread_language`]), which is how the tests draw one editor in
//! Portuguese beside another in English in the same test process.

use crate::lang::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue;

/// The message files, one per language, in [`Language::ALL`]'s order.
pub const FILES: [(Language, &str); 2] = [
    (Language::En, include_str!("../assets/messages/en.ftl")),
    (Language::PtBr, include_str!("../assets/messages/pt-BR.ftl")),
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
    let bundles = bundles();
    let found = [language, Language::En]
        .into_iter()
        .map(|l| &bundles[l as usize])
        .find_map(|b| b.get_message(id).and_then(|m| m.value()).map(|p| (b, p)));
    let Some((bundle, pattern)) = found else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        fargs.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
    if out.is_empty() {
        id.to_string()
    } else {
        out.into_owned()
    }
}

/// Whether `language` has its own text for `id` (not English's in its place).
pub fn has(language: Language, id: &str) -> bool {
    bundles()[language as usize].has_message(id)
}

/// One bundle per language, built on first use.
fn bundles() -> &'static [FluentBundle<FluentResource>] {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        FILES
            .iter()
            .map(|(language, source)| {
                let tag: unic_langid::LanguageIdentifier =
                    language.tag().parse().expect("our tags are valid");
                let mut bundle = FluentBundle::new_concurrent(vec![tag]);
                // Bidi isolation marks (U+2068/U+2069) would reach the terminal as characters.
                bundle.set_use_isolating(false);
                // A file that does not parse keeps what does; the tests fail on any error.
                let resource =
                    FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
                let _ = bundle.add_resource(resource);
                bundle
            })
            .collect()
    })
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;

//! Each language's messages, parsed one at a time when first asked for: a `run` that says
//! three things parses three messages, not a file of a thousand (parsing a whole file took
//! about as long as the rest of a run's start-up). Where each message is in its file comes
//! from a table the build script made, so finding one costs a binary search and no start-up.

use super::index::Entry;
use super::FILES;
use crate::lang::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::{Mutex, OnceLock};

// `ENTRIES` and `LANGUAGE_ENTRIES`, from assets/messages.
include!(concat!(env!("OUT_DIR"), "/message_index.rs"));

/// One language's file: where each message's text is, and the bundle of those parsed so far.
pub(super) struct Store {
    source: &'static str,
    /// Its entries, sorted by id.
    entries: &'static [Entry],
    bundle: Mutex<FluentBundle<FluentResource>>,
}

impl Store {
    /// `language`'s store, made on first use.
    pub(super) fn of(language: Language) -> &'static Store {
        static STORES: [OnceLock<Store>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];
        STORES[language as usize].get_or_init(|| Store::new(language))
    }

    fn new(language: Language) -> Store {
        let tag: unic_langid::LanguageIdentifier =
            language.tag().parse().expect("our tags are valid");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Bidi isolation marks (U+2068/U+2069) would reach the terminal as characters.
        bundle.set_use_isolating(false);
        let (first, end) = LANGUAGE_ENTRIES[language as usize];
        Store {
            source: FILES[language as usize].1,
            entries: &ENTRIES[first..end],
            bundle: Mutex::new(bundle),
        }
    }

    /// The text of the message `id` in the file; None when this language lacks it.
    fn find(&self, id: &str) -> Option<&'static str> {
        let source = self.source;
        let i = self
            .entries
            .binary_search_by(|e| e.id(source).cmp(id))
            .ok()?;
        Some(self.entries[i].text(source))
    }

    /// Whether this language has the message `id`.
    pub(super) fn has(&self, id: &str) -> bool {
        self.find(id).is_some()
    }

    /// The message `id` with `args`; None when this language lacks it.
    pub(super) fn format(&self, id: &str, args: &FluentArgs) -> Option<String> {
        let source = self.find(id)?;
        let mut bundle = self.bundle.lock().unwrap_or_else(|e| e.into_inner());
        if !bundle.has_message(id) {
            // A message that does not parse keeps what does; the tests fail on any error.
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(args), &mut errors)
                .into_owned(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::index;
    use super::*;
    use fluent_bundle::FluentValue;
    use fluent_syntax::ast::{self, Expression, InlineExpression, PatternElement};

    /// The table has as many entries as the whole file has messages, and each message formats
    /// alone exactly as it does in a bundle of the whole file.
    #[test]
    fn each_message_alone_reads_as_in_the_whole_file() {
        for (language, source) in FILES {
            let whole = FluentResource::try_new(source.to_string()).expect("the file parses");
            let mut bundle = FluentBundle::new_concurrent(vec![language.tag().parse().unwrap()]);
            bundle.set_use_isolating(false);
            bundle.add_resource(whole).expect("no id twice");
            let store = Store::new(language);
            let reparsed = FluentResource::try_new(source.to_string()).unwrap();
            let mut ids = 0;
            for entry in reparsed.entries() {
                let ast::Entry::Message(m) = entry else {
                    assert!(
                        matches!(entry, ast::Entry::Comment(_) | ast::Entry::GroupComment(_)),
                        "{language}: only messages and comments: {entry:?}"
                    );
                    continue;
                };
                ids += 1;
                let id = m.id.name;
                let mut args = FluentArgs::new();
                for name in variables(m.value.as_ref().map(|p| p.elements.as_slice())) {
                    args.set(name, FluentValue::from(2));
                }
                let pattern = bundle.get_message(id).unwrap().value().unwrap();
                let expected = bundle.format_pattern(pattern, Some(&args), &mut Vec::new());
                assert_eq!(store.format(id, &args).as_deref(), Some(&*expected), "{id}");
            }
            assert_eq!(store.entries.len(), ids, "{language}");
        }
    }

    /// The build script's table: each language's entries strictly sorted by id, each at the
    /// start of a line and holding, parsed alone, exactly the message of the id the table
    /// gives; and the same entries the splitting rule finds in the file as it is now.
    #[test]
    fn the_table_is_sorted_and_each_id_is_the_message_at_its_place() {
        for (language, source) in FILES {
            let store = Store::new(language);
            let ids: Vec<&str> = store.entries.iter().map(|e| e.id(source)).collect();
            if let Some(pair) = ids.windows(2).find(|pair| pair[0] >= pair[1]) {
                panic!("{language}: {} before {}", pair[0], pair[1]);
            }
            for entry in store.entries {
                let at = entry.id_start as usize;
                assert!(
                    at == 0 || source.as_bytes()[at - 1] == b'\n',
                    "{language}: {at}"
                );
                let alone = FluentResource::try_new(entry.text(source).to_string())
                    .unwrap_or_else(|(_, e)| panic!("{language}: at {at}: {e:?}"));
                let messages: Vec<&str> = alone
                    .entries()
                    .filter_map(|e| match e {
                        ast::Entry::Message(m) => Some(m.id.name),
                        _ => None,
                    })
                    .collect();
                assert_eq!(messages, [entry.id(source)], "{language}: at {at}");
                assert!(store.has(entry.id(source)));
            }
            assert!(!store.has("no-such-message") && !store.has(""));
            let mut now = index::entries(source);
            now.sort_by_key(|e| e.id(source));
            assert_eq!(
                store.entries, now,
                "{language}: the table is older than the file"
            );
        }
    }

    /// The variables a pattern uses, anywhere in it.
    fn variables<'s>(elements: Option<&[PatternElement<&'s str>]>) -> Vec<&'s str> {
        let mut out = Vec::new();
        for element in elements.into_iter().flatten() {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, &mut out);
            }
        }
        out
    }

    fn expression_variables<'s>(e: &Expression<&'s str>, out: &mut Vec<&'s str>) {
        match e {
            Expression::Inline(inline) => inline_variables(inline, out),
            Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    out.extend(variables(Some(&v.value.elements)));
                }
            }
        }
    }

    fn inline_variables<'s>(e: &InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name),
            InlineExpression::Placeable { expression } => expression_variables(expression, out),
            _ => {}
        }
    }
}

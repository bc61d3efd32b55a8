//! Each language's messages, parsed one at a time when first asked for: a `run` that says
//! three things parses three messages, not a file of a thousand (parsing a whole file took
//! about as long as the rest of a run's start-up).

use super::FILES;
use crate::lang::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// One language's file: where each message's text is, and the bundle of those parsed so far.
pub(super) struct Store {
    entries: HashMap<&'static str, &'static str>,
    bundle: Mutex<FluentBundle<FluentResource>>,
}

impl Store {
    /// `language`'s store, indexed on first use.
    pub(super) fn of(language: Language) -> &'static Store {
        static STORES: [OnceLock<Store>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];
        let i = language as usize;
        STORES[i].get_or_init(|| Store::new(FILES[i].0, FILES[i].1))
    }

    fn new(language: Language, source: &'static str) -> Store {
        let tag: unic_langid::LanguageIdentifier =
            language.tag().parse().expect("our tags are valid");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Bidi isolation marks (U+2068/U+2069) would reach the terminal as characters.
        bundle.set_use_isolating(false);
        Store {
            entries: index(source),
            bundle: Mutex::new(bundle),
        }
    }

    /// Whether this language has the message `id`.
    pub(super) fn has(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// The message `id` with `args`; None when this language lacks it.
    pub(super) fn format(&self, id: &str, args: &FluentArgs) -> Option<String> {
        let source = self.entries.get(id)?;
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

/// Each message's id and text: an entry begins at a line that begins with a letter and runs
/// to the next such line or comment (its pattern's further lines begin with a space, or with
/// `}`, `[` or `*` inside a selector). The files have no terms and no references between
/// messages, so each entry parses alone (a test holds them to that).
fn index(source: &'static str) -> HashMap<&'static str, &'static str> {
    let mut entries = HashMap::new();
    let mut current: Option<(&'static str, usize)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let first = line.as_bytes().first().copied().unwrap_or(b' ');
        if first.is_ascii_alphabetic() || first == b'#' {
            if let Some((id, start)) = current.take() {
                entries.insert(id, &source[start..offset]);
            }
            if first != b'#' {
                current = line.split_once('=').map(|(id, _)| (id.trim(), offset));
            }
        }
        offset += line.len();
    }
    if let Some((id, start)) = current {
        entries.insert(id, &source[start..]);
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentValue;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};

    /// The index finds every message the whole file holds, and each one formats alone exactly
    /// as it does in a bundle of the whole file.
    #[test]
    fn each_message_alone_reads_as_in_the_whole_file() {
        for (language, source) in FILES {
            let whole = FluentResource::try_new(source.to_string()).expect("the file parses");
            let mut bundle = FluentBundle::new_concurrent(vec![language.tag().parse().unwrap()]);
            bundle.set_use_isolating(false);
            bundle.add_resource(whole).expect("no id twice");
            let store = Store::new(language, source);
            let reparsed = FluentResource::try_new(source.to_string()).unwrap();
            let mut ids = 0;
            for entry in reparsed.entries() {
                let Entry::Message(m) = entry else {
                    assert!(
                        matches!(entry, Entry::Comment(_) | Entry::GroupComment(_)),
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

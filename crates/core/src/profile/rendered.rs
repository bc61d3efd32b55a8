//! The document as a save would write it, and where each rule sits in that text, so a pane
//! can show the JSON the user is really writing and point at the rules that decide a call.

use super::diag::LineIndex;
use super::load::Lexicon;
use super::model::{Pos, Profile};
use super::save::to_canonical_string;
use super::source::Source;
use jsonc_parser::ast;
use jsonc_parser::common::Ranged;

/// Where one rule is in a text: the line and column of its `{` and of its `}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSpan {
    /// The opening brace.
    pub start: Pos,
    /// The closing brace.
    pub end: Pos,
}

/// The text `Ctrl-s` would write for a profile, with its rules' places.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenderedText {
    /// The text, byte for byte.
    pub text: String,
    /// `syscalls[i]` is at `rules[i]`.
    pub rules: Vec<RuleSpan>,
}

/// What a save of `profile` writes: the smallest change to `source` when the document has a
/// file, else the canonical form.
pub fn save_text(source: Option<&Source>, profile: &Profile, lexicon: &dyn Lexicon) -> String {
    match source {
        Some(s) => s.render(profile, lexicon).0,
        None => to_canonical_string(profile),
    }
}

/// The text a save would write, with the place of every rule in it.
pub fn rendered(source: Option<&Source>, profile: &Profile, lexicon: &dyn Lexicon) -> RenderedText {
    let text = save_text(source, profile, lexicon);
    let rules = rule_spans(&text);
    RenderedText { text, rules }
}

/// The places of the objects in the `syscalls` array of a profile text; empty when the text
/// is not such an object.
pub fn rule_spans(text: &str) -> Vec<RuleSpan> {
    let Ok(parsed) = jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default())
    else {
        return Vec::new();
    };
    let Some(ast::Value::Object(root)) = parsed.value else {
        return Vec::new();
    };
    let Some(rules) = root.get_array("syscalls") else {
        return Vec::new();
    };
    let index = LineIndex::new(text);
    rules
        .elements
        .iter()
        .map(|rule| RuleSpan {
            start: index.pos(rule.start()),
            end: index.pos(rule.end().saturating_sub(1)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::profile::{parse, Action, Edit, Rule};

    const TEXT: &str = "{\n\t\"defaultAction\": \"SCMP_ACT_ERRNO\",\n\t\"syscalls\": [\n\t\t{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\"},\n\t\t{\n\t\t\t\"names\": [\"ptrace\"],\n\t\t\t\"action\": \"SCMP_ACT_KILL\"\n\t\t}\n\t]\n}\n";

    #[test]
    fn spans_start_where_the_loader_puts_rules_and_end_at_their_brace() {
        let spans = rule_spans(TEXT);
        let profile = parse(TEXT, &Catalog).profile.unwrap();
        let starts: Vec<Pos> = profile.rules().iter().map(|r| r.pos.unwrap()).collect();
        assert_eq!(spans.iter().map(|s| s.start).collect::<Vec<_>>(), starts);
        assert_eq!(spans[0].end.line, 4);
        assert_eq!((spans[1].start.line, spans[1].end.line), (5, 8));
        assert!(rule_spans("[1, 2]").is_empty() && rule_spans("{").is_empty());
    }

    #[test]
    fn the_rendering_is_what_a_save_writes() {
        let mut profile = parse(TEXT, &Catalog).profile.unwrap();
        let source = Source::new(TEXT.into(), &profile);
        let edit = Edit::ReplaceAll(Box::new({
            let mut p = profile.clone();
            p.syscalls
                .as_mut()
                .unwrap()
                .insert(0, Rule::new(vec!["mkdir".into()], Action::Allow));
            p
        }));
        let mut doc = crate::profile::Document::new(profile.clone());
        doc.apply(&edit).unwrap();
        profile = doc.profile().clone();
        let shown = rendered(Some(&source), &profile, &Catalog);
        assert_eq!(shown.text, source.render(&profile, &Catalog).0);
        assert!(
            shown.text.contains("\t\t{\n\t\t\t\"names\": [\"ptrace\"]"),
            "the file's own layout stays"
        );
        assert_eq!(shown.rules.len(), 3);
        let back = parse(&shown.text, &Catalog).profile.unwrap();
        assert_eq!(back.rules()[2].pos, Some(shown.rules[2].start));
        let canonical = rendered(None, &profile, &Catalog);
        assert_eq!(canonical.text, to_canonical_string(&profile));
        assert_eq!(canonical.rules.len(), 3);
    }
}

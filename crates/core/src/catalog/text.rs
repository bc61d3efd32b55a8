//! The catalog's texts for people in a language: summaries, risk reasons, categories, groups
//! and families, each in English where the language has no text for it yet (never empty).

use super::{Catalog, Category, Family, Group, Str, Syscall, Translations};
use crate::lang::Language;

/// A text in every language but English, as [`Translations`] gives it.
type Texts = [&'static str; Language::ALL.len() - 1];

fn texts(tr: &Translations) -> Texts {
    tr.map(Str::get)
}

/// The text as written in `lang`, None where it is not written (yet).
fn written(english: &'static str, tr: &Texts, lang: Language) -> Option<&'static str> {
    let text = match lang.index().checked_sub(1) {
        None => english,
        Some(i) => tr[i],
    };
    (!text.is_empty()).then_some(text)
}

/// The text in `lang`, English where it is not written.
fn pick(english: &'static str, tr: &Texts, lang: Language) -> &'static str {
    written(english, tr, lang).unwrap_or(english)
}

impl Syscall {
    /// Its one-line summary in `lang` (English where not written).
    pub fn summary_in(&self, lang: Language) -> &'static str {
        pick(self.summary(), &texts(&self.tr_summary), lang)
    }

    /// Why allowing it is risky, in `lang` (English where not written; "" for a low risk
    /// without a reason).
    pub fn risk_reason_in(&self, lang: Language) -> &'static str {
        pick(self.risk_reason(), &texts(&self.tr_risk_reason), lang)
    }
}

impl Category {
    /// Its title in `lang` (English where not written).
    pub fn title_in(&self, lang: Language) -> &'static str {
        pick(self.title(), &texts(&self.tr_title), lang)
    }

    /// What belongs here, in `lang` (English where not written).
    pub fn about_in(&self, lang: Language) -> &'static str {
        pick(self.about(), &texts(&self.tr_about), lang)
    }
}

impl Group {
    /// Its one line in `lang` (English where not written).
    pub fn about_in(&self, lang: Language) -> &'static str {
        pick(self.about(), &texts(&self.tr_about), lang)
    }
}

impl Family {
    /// What its syscalls do, in `lang` (English where not written).
    pub fn about_in(&self, lang: Language) -> &'static str {
        pick(self.about(), &texts(&self.tr_about), lang)
    }
}

/// One text of the catalog: what it is (`syscall read: summary`), its English, its other
/// languages.
type Text = (String, &'static str, Texts);

/// The texts that English has and `lang` lacks, by what they are.
fn gaps(texts: impl IntoIterator<Item = Text>, lang: Language) -> Vec<String> {
    texts
        .into_iter()
        .filter(|(_, english, tr)| !english.is_empty() && written(english, tr, lang).is_none())
        .map(|(what, _, _)| what)
        .collect()
}

impl Catalog {
    /// Every text of the catalog not written in `lang` yet (`syscall read: summary`,
    /// `category files: title`, `group @mount: about`): empty when the language is complete.
    pub fn missing_texts(&self, lang: Language) -> Vec<String> {
        let mut all: Vec<Text> = Vec::new();
        let mut add = |what: String, english, tr| all.push((what, english, texts(tr)));
        for s in self.syscalls() {
            let name = s.name();
            add(
                format!("syscall {name}: summary"),
                s.summary(),
                &s.tr_summary,
            );
            let reason = s.risk_reason();
            add(
                format!("syscall {name}: risk_reason"),
                reason,
                &s.tr_risk_reason,
            );
        }
        for c in self.categories() {
            add(
                format!("category {}: title", c.id()),
                c.title(),
                &c.tr_title,
            );
            add(
                format!("category {}: about", c.id()),
                c.about(),
                &c.tr_about,
            );
        }
        for g in self.groups() {
            add(format!("group {}: about", g.name()), g.about(), &g.tr_about);
        }
        for f in self.families() {
            add(
                format!("family {}: about", f.name()),
                f.about(),
                &f.tr_about,
            );
        }
        gaps(all, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_text_falls_back_to_english_and_a_written_one_is_used() {
        static WRITTEN: Texts = ["Lê de um descritor."];
        static MISSING: Texts = [""];
        assert_eq!(
            pick("Read.", &WRITTEN, Language::PtBr),
            "Lê de um descritor."
        );
        assert_eq!(pick("Read.", &WRITTEN, Language::En), "Read.");
        assert_eq!(pick("Read.", &MISSING, Language::PtBr), "Read.");
        assert_eq!(written("Read.", &MISSING, Language::PtBr), None);
        let missing = gaps(
            [
                ("a".to_string(), "Read.", WRITTEN),
                ("b".to_string(), "Write.", MISSING),
                ("c".to_string(), "", MISSING),
            ],
            Language::PtBr,
        );
        assert_eq!(missing, ["b"], "only a text English has can be missing");
        assert!(Catalog.missing_texts(Language::En).is_empty());
    }

    /// Whatever is written so far, no text the editor shows is ever empty, and where
    /// Portuguese is missing the English one shows.
    #[test]
    fn every_text_in_every_language_is_there() {
        for lang in Language::ALL {
            for s in Catalog.syscalls() {
                assert!(!s.summary_in(lang).is_empty(), "{} in {lang}", s.name());
                assert_eq!(
                    s.risk_reason_in(lang).is_empty(),
                    s.risk_reason().is_empty(),
                    "{} in {lang}",
                    s.name()
                );
                if written(s.summary(), &texts(&s.tr_summary), lang).is_none() {
                    assert_eq!(s.summary_in(lang), s.summary());
                }
            }
            for c in Catalog.categories() {
                assert!(!c.title_in(lang).is_empty() && !c.about_in(lang).is_empty());
            }
            assert!(Catalog
                .groups()
                .iter()
                .all(|g| !g.about_in(lang).is_empty()));
            assert!(Catalog
                .families()
                .iter()
                .all(|f| !f.about_in(lang).is_empty()));
        }
    }
}

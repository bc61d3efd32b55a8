//! Guided lessons: short sequences of steps, written as data in `assets/lessons/` (one file
//! per language), each step completed when the editor's state shows it (the profile, the
//! last run, lint's findings, the view), never because a key was pressed.
//!
//! The front-end hands the engine a [`Snapshot`] of its state after every change; a
//! [`Progress`] moves through the steps whose checks hold. Nothing here touches a terminal.

mod check;
mod progress;

use crate::lang::normalize_tag;
pub use check::{
    ActionWord, Check, Outcome, Pane, RunCheck, RunState, Snapshot, TraceCheck, Traced,
};
pub use progress::Progress;

use crate::catalog::Catalog;
use crate::lang::Language;
use crate::profile::{starters, Action, Edit, Profile};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

// `LESSON_FILES`: every `assets/lessons/*.toml`, as (language tag, text), listed by build.rs
// so that a new language is a new file.
include!(concat!(env!("OUT_DIR"), "/lessons_data.rs"));

/// The language every other one falls back to.
pub const FALLBACK: &str = "en";

/// The lessons and the interface strings they show, in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonSet {
    /// The language tag (`en`, `pt-BR`), from the file name.
    #[serde(skip)]
    pub tag: String,
    /// The language's own name for itself.
    pub language: String,
    /// Interface strings by key (`panel.title`, `chooser.title`, ...).
    #[serde(default)]
    pub ui: BTreeMap<String, String>,
    /// The lessons, in order.
    #[serde(rename = "lesson")]
    pub lessons: Vec<Lesson>,
}

/// One lesson.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id, the same in every language (`block-a-syscall`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// What the lesson is about, shown before the first step.
    pub intro: String,
    /// What was learnt, shown when the last step is done.
    pub end: String,
    /// The profile the lesson starts from.
    pub start: Start,
    /// The steps, in order.
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
}

/// One step: what to do, and the checks that show it was done.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id within the lesson, the same in every language.
    pub id: String,
    /// A few words for the list of steps.
    pub title: String,
    /// What to do and what to look at.
    pub text: String,
    /// All of these must hold.
    pub check: Vec<Check>,
}

/// The profile a lesson starts from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    /// `allow-all` (everything allowed, no rules), `deny-all` (everything fails with EPERM,
    /// no rules) or the name of a starter profile.
    pub profile: String,
    /// Syscalls put back to the default action.
    #[serde(default)]
    pub reset: Vec<String>,
}

/// Why a lesson, its start or its language is not there.
#[derive(Debug, thiserror::Error)]
pub enum LessonError {
    /// A lesson starts from a starter profile that does not exist.
    #[error("no starter profile \"{0}\"")]
    NoStarter(String),
    /// The lesson's start could not be set up.
    #[error(transparent)]
    Start(#[from] crate::profile::EditError),
    /// A lesson file does not read.
    #[error("{tag}: {error}")]
    Unreadable {
        /// Its language.
        tag: String,
        /// Why.
        error: String,
    },
    /// No lessons in the language asked for.
    #[error("no lessons in \"{tag}\"; there are: {there}")]
    NoLanguage {
        /// The language asked for.
        tag: String,
        /// The languages there are.
        there: String,
    },
}

impl Start {
    /// The profile, or why there is none.
    pub fn profile(&self) -> Result<Profile, LessonError> {
        let mut p = match self.profile.as_str() {
            "allow-all" => Profile::new(Action::Allow),
            "deny-all" => Profile::new(Action::Errno),
            name => starters::find(name)
                .ok_or_else(|| LessonError::NoStarter(name.to_string()))?
                .profile(&Catalog),
        };
        if !self.reset.is_empty() {
            let edit = Edit::SetAction {
                names: self.reset.clone(),
                action: None,
                errno: None,
            };
            edit.apply(&mut p)?;
        }
        Ok(p)
    }
}

impl LessonSet {
    /// Reads a lesson file; `tag` is its language.
    pub fn parse(tag: &str, text: &str) -> Result<LessonSet, LessonError> {
        let mut set: LessonSet = toml::from_str(text).map_err(|e| LessonError::Unreadable {
            tag: tag.to_string(),
            error: e.to_string(),
        })?;
        set.tag = tag.to_string();
        Ok(set)
    }

    /// An interface string in this language, English when it has none, the key itself when
    /// no language has it.
    pub fn ui<'a>(&'a self, key: &'a str) -> &'a str {
        self.ui
            .get(key)
            .or_else(|| fallback().ui.get(key))
            .map_or(key, String::as_str)
    }

    /// An interface string with `{name}` placeholders filled in.
    pub fn ui_with(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.ui(key), values)
    }

    /// A lesson by its number (from 1) or id.
    pub fn find(&self, which: &str) -> Option<usize> {
        match which.parse::<usize>() {
            Ok(n) if (1..=self.lessons.len()).contains(&n) => Some(n - 1),
            Ok(_) => None,
            Err(_) => self.lessons.iter().position(|l| l.id == which),
        }
    }
}

/// `text` with each `{name}` replaced by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_string(), |t, (k, v)| {
        t.replace(&format!("{{{k}}}"), v)
    })
}

/// Every lesson set that ships, English first. A file that does not read is left out here
/// (the tests read each one and fail on it).
pub fn all() -> &'static [LessonSet] {
    static SETS: OnceLock<Vec<LessonSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut sets: Vec<LessonSet> = LESSON_FILES
            .iter()
            .filter_map(|(tag, text)| LessonSet::parse(tag, text).ok())
            .collect();
        sets.sort_by_key(|s| (s.tag != FALLBACK, s.tag.clone()));
        sets
    })
}

/// The English lessons.
pub fn fallback() -> &'static LessonSet {
    all()
        .iter()
        .find(|s| s.tag == FALLBACK)
        .expect("assets/lessons/en.toml ships and reads")
}

/// The languages there are lessons in.
pub fn languages() -> Vec<&'static str> {
    all().iter().map(|s| s.tag.as_str()).collect()
}

/// The lessons in the language asked for: the exact tag (`pt-BR`), else one of the same
/// language (`pt`), else none.
pub fn find_language(tag: &str) -> Option<&'static LessonSet> {
    let tag = normalize_tag(tag)?;
    let primary = |t: &str| t.split('-').next().unwrap_or("").to_ascii_lowercase();
    all()
        .iter()
        .find(|s| s.tag.eq_ignore_ascii_case(&tag))
        .or_else(|| all().iter().find(|s| primary(&s.tag) == primary(&tag)))
}

/// The language for `--lang` when given (Err when there are no lessons in it), else the
/// environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`; English when it names the C locale or a
/// language without texts). The editor shows its lessons and the catalog in it.
pub fn choose_language(requested: Option<&str>) -> Result<Language, LessonError> {
    match requested {
        // Which files ship is enough to know; reading the lessons is for when they are shown.
        Some(tag) => Language::parse(tag)
            .filter(|l| LESSON_FILES.iter().any(|(t, _)| *t == l.tag()))
            .ok_or_else(|| LessonError::NoLanguage {
                tag: tag.to_string(),
                there: languages().join(", "),
            }),
        None => Ok(Language::from_environment()),
    }
}

/// The lessons in `language` (English when there are none in it).
pub fn lessons_in(language: Language) -> &'static LessonSet {
    find_language(language.tag()).unwrap_or_else(fallback)
}

/// The lessons for `--lang` when given (Err when there are none in it), else for the
/// environment's language, else English.
pub fn choose(requested: Option<&str>) -> Result<&'static LessonSet, LessonError> {
    choose_language(requested).map(lessons_in)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_file_reads_and_english_is_first() {
        assert_eq!(
            all().len(),
            LESSON_FILES.len(),
            "a lesson file does not read"
        );
        for (tag, text) in LESSON_FILES {
            LessonSet::parse(tag, text).unwrap();
        }
        assert_eq!(all()[0].tag, "en");
    }

    #[test]
    fn languages_are_found_by_tag_by_locale_and_by_primary_language() {
        assert_eq!(find_language("pt-BR").unwrap().tag, "pt-BR");
        assert_eq!(find_language("pt_BR.UTF-8").unwrap().tag, "pt-BR");
        assert_eq!(find_language("pt_PT").unwrap().tag, "pt-BR");
        assert_eq!(find_language("en_GB.UTF-8").unwrap().tag, "en");
        assert!(find_language("fr_FR").is_none());
        assert!(find_language("C").is_none());
        assert!(choose(Some("xx")).is_err());
        assert_eq!(choose(Some("pt-br")).unwrap().tag, "pt-BR");
    }

    #[test]
    fn lessons_are_found_by_number_or_id() {
        let set = fallback();
        assert_eq!(set.find("2"), Some(1));
        assert_eq!(set.find("block-a-syscall"), Some(1));
        assert_eq!(set.find("0"), None);
        assert_eq!(set.find("99"), None);
        assert_eq!(set.find("nope"), None);
    }

    #[test]
    fn interface_strings_fall_back_to_english_then_to_the_key() {
        let pt = find_language("pt-BR").unwrap();
        let mut partial = pt.clone();
        partial.ui.remove("panel.lessons");
        assert_eq!(partial.ui("panel.lessons"), fallback().ui("panel.lessons"));
        assert_eq!(partial.ui("no.such.key"), "no.such.key");
        assert_eq!(
            fill("Lesson {n}/{total}", &[("n", "2"), ("total", "6")]),
            "Lesson 2/6"
        );
    }

    #[test]
    fn every_start_profile_builds() {
        for set in all() {
            for lesson in &set.lessons {
                lesson
                    .start
                    .profile()
                    .unwrap_or_else(|e| panic!("{}: {e}", lesson.id));
            }
        }
    }
}

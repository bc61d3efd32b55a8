//! The language of texts for people: which one the environment asks for (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, as the C library reads them), and the languages there are texts in.
//! Machine outputs (JSON, SARIF, BPF) never depend on it.

use std::fmt;

/// A language seccompose has texts in; English is the fallback for any text not written yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Language {
    /// English, the language every text is written in first.
    #[default]
    En,
    /// Brazilian Portuguese.
    PtBr,
}

impl Language {
    /// Every language, English first (the order of the catalog's text columns).
    pub const ALL: [Language; 2] = [Language::En, Language::PtBr];

    /// Its tag (`en`, `pt-BR`).
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::PtBr => "pt-BR",
        }
    }

    /// Its own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::PtBr => "Português (Brasil)",
        }
    }

    /// The language of a tag or locale name (`pt-BR`, `pt_BR.UTF-8`, `pt`, `en_GB`): the exact
    /// tag, else one of the same primary language (`pt_PT` reads Brazilian Portuguese rather
    /// than English); None for the C locale and for languages without texts.
    pub fn parse(raw: &str) -> Option<Language> {
        let tag = normalize_tag(raw)?;
        let primary = tag.split('-').next().unwrap_or("");
        Language::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(&tag))
            .or_else(|| {
                Language::ALL
                    .into_iter()
                    .find(|l| l.tag().split('-').next() == Some(primary))
            })
    }

    /// The language the environment asks for, through `get` (an environment lookup): the
    /// first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set decides; English when it names
    /// the C locale or a language without texts.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Language {
        language_from_env(get)
            .and_then(|tag| Language::parse(&tag))
            .unwrap_or_default()
    }

    /// The language this process's environment asks for.
    pub fn from_environment() -> Language {
        Language::from_env(|k| std::env::var(k).ok())
    }

    /// Its position in [`Language::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A BCP 47-style tag (`pt-BR`) from a tag or a locale name (`pt_BR.UTF-8`, `en_US@euro`);
/// None for the C locale and for nothing at all.
pub fn normalize_tag(raw: &str) -> Option<String> {
    let name = raw.split(['.', '@']).next().unwrap_or("").trim();
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    let mut parts = name.split(['_', '-']);
    let language = parts.next()?.to_ascii_lowercase();
    if language.is_empty() || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(match parts.next() {
        Some(region) if !region.is_empty() => format!("{language}-{}", region.to_ascii_uppercase()),
        _ => language,
    })
}

/// The language of the messages, as the C library picks it: `LC_ALL`, then `LC_MESSAGES`,
/// then `LANG` (the first one set and not empty); None for the C locale.
pub fn language_from_env(get: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| get(k))
        .find(|v| !v.is_empty())
        .and_then(|v| normalize_tag(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_become_tags() {
        assert_eq!(normalize_tag("pt_BR.UTF-8").as_deref(), Some("pt-BR"));
        assert_eq!(normalize_tag("pt-br").as_deref(), Some("pt-BR"));
        assert_eq!(normalize_tag("de_DE@euro").as_deref(), Some("de-DE"));
        assert_eq!(normalize_tag("en").as_deref(), Some("en"));
        assert_eq!(normalize_tag("C.UTF-8"), None);
        assert_eq!(normalize_tag("POSIX"), None);
        assert_eq!(normalize_tag(""), None);
    }

    #[test]
    fn lc_all_wins_over_lang_and_empty_values_are_skipped() {
        fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
            move |k| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        }
        const BOTH: &[(&str, &str)] = &[("LC_ALL", "en_US.UTF-8"), ("LANG", "pt_BR.UTF-8")];
        assert_eq!(language_from_env(env(BOTH)).as_deref(), Some("en-US"));
        const EMPTY_ALL: &[(&str, &str)] = &[("LC_ALL", ""), ("LANG", "pt_BR.UTF-8")];
        assert_eq!(language_from_env(env(EMPTY_ALL)).as_deref(), Some("pt-BR"));
        assert_eq!(language_from_env(env(&[])), None);
        assert_eq!(Language::from_env(env(BOTH)), Language::En);
        assert_eq!(Language::from_env(env(EMPTY_ALL)), Language::PtBr);
        assert_eq!(Language::from_env(env(&[])), Language::En);
        const FRENCH_FIRST: &[(&str, &str)] =
            &[("LC_MESSAGES", "fr_FR.UTF-8"), ("LANG", "pt_BR.UTF-8")];
        assert_eq!(
            Language::from_env(env(FRENCH_FIRST)),
            Language::En,
            "the variable that decides names a language without texts: English, as lessons do"
        );
    }

    #[test]
    fn languages_from_tags_and_locale_names() {
        for raw in [
            "pt-BR",
            "pt_BR.UTF-8",
            "pt",
            "PT_br",
            "pt_PT.UTF-8",
            "pt_BR@x",
        ] {
            assert_eq!(Language::parse(raw), Some(Language::PtBr), "{raw}");
        }
        for raw in ["en", "en_US.UTF-8", "en-GB"] {
            assert_eq!(Language::parse(raw), Some(Language::En), "{raw}");
        }
        for raw in ["C", "C.UTF-8", "POSIX", "", "fr_FR.UTF-8", "de"] {
            assert_eq!(Language::parse(raw), None, "{raw}");
        }
        for l in Language::ALL {
            assert_eq!(Language::parse(l.tag()), Some(l));
            assert_eq!(Language::ALL[l.index()], l);
        }
    }
}

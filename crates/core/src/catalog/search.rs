//! Finding syscalls by what a person types: fuzzy over names and group tags, words of the summaries,
//! ranked so that a name typed in full comes first. In a language other than English the
//! summaries in that language match as well as the English ones (the man pages stay English).

use super::{Catalog, Language, Syscall};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};
use std::sync::OnceLock;

/// A reusable fuzzy searcher over the catalog (it keeps its scratch memory between queries).
pub struct Searcher {
    matcher: Matcher,
    buf: Vec<char>,
    language: Language,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher::new()
    }
}

// Tiers on top of the fuzzy score, far enough apart that a better kind of match always wins:
// the name itself, then names that start with the query, names that contain it, summaries
// and group tags that contain its words, and last names that hold its letters in order.
const TIER: u32 = 1_000_000;
const EXACT_NAME: u32 = 4 * TIER;
const NAME_PREFIX: u32 = 3 * TIER;
const NAME_SUBSTRING: u32 = 2 * TIER;
const WORDS: u32 = TIER;

impl Searcher {
    /// A searcher with the default matching rules, over the English summaries.
    pub fn new() -> Searcher {
        Searcher::in_language(Language::En)
    }

    /// A searcher that also matches the summaries written in `language`.
    pub fn in_language(language: Language) -> Searcher {
        Searcher {
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            language,
        }
    }

    /// Matches the summaries in `language` from now on (and the English ones).
    pub fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    /// How well `query` matches a syscall, or None when it does not match at all.
    /// A name match counts double a summary or tag match.
    pub fn score(&mut self, query: &str, syscall: &Syscall) -> Option<u32> {
        let parsed = Query::parse(query)?;
        let index = Catalog
            .syscalls()
            .binary_search_by(|s| s.name().cmp(syscall.name()))
            .ok();
        self.score_parsed(&parsed, index, syscall)
    }

    /// `score` for a query parsed once; `index` is the syscall's place in the catalog (its
    /// translated summary is read from the cache there).
    fn score_parsed(&mut self, q: &Query, index: Option<usize>, syscall: &Syscall) -> Option<u32> {
        let mut best = self.fuzzy(&q.pattern, syscall.name()).map(|s| s * 2);
        let tier = if syscall.name() == q.lower {
            EXACT_NAME
        } else if syscall.name().starts_with(&q.lower) {
            NAME_PREFIX
        } else if syscall.name().contains(&q.lower) {
            NAME_SUBSTRING
        } else {
            0
        };
        if tier > 0 {
            best = Some(best.unwrap_or(0).min(TIER - 1) + tier);
        }
        let summary = self.fuzzy(&q.words, syscall.summary());
        let translated = match (translated_summaries(self.language), index) {
            (Some(all), Some(i)) => q.words.score(all[i].slice(..), &mut self.matcher),
            _ => None,
        };
        let tags = syscall
            .groups()
            .filter_map(|g| self.fuzzy(&q.pattern, g.name()))
            .max();
        for s in [summary, translated, tags].into_iter().flatten() {
            let s = s.min(TIER - 1) + WORDS;
            best = Some(best.map_or(s, |b| b.max(s)));
        }
        best
    }

    /// Every syscall that matches, best first (ties by name).
    pub fn search(&mut self, query: &str) -> Vec<&'static Syscall> {
        let all = Catalog.syscalls();
        let Some(parsed) = Query::parse(query) else {
            return all.iter().collect();
        };
        let mut hits: Vec<(u32, &'static Syscall)> = all
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                self.score_parsed(&parsed, Some(i), s)
                    .map(|score| (score, s))
            })
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name().cmp(b.1.name())));
        hits.into_iter().map(|(_, s)| s).collect()
    }

    fn fuzzy(&mut self, pattern: &Pattern, text: &str) -> Option<u32> {
        pattern.score(Utf32Str::new(text, &mut self.buf), &mut self.matcher)
    }
}

/// A query as typed, parsed once for every syscall it is scored against (None: empty, which
/// matches everything).
struct Query {
    /// Fuzzy, for names and group tags.
    pattern: Pattern,
    /// Each word a substring, for summaries: in long prose almost any letters appear in
    /// order somewhere. Accents are optional in a query that has none: `memoria` finds
    /// `memória` (nucleo's smart normalization).
    words: Pattern,
    /// For the name tiers.
    lower: String,
}

impl Query {
    fn parse(query: &str) -> Option<Query> {
        let query = query.trim();
        (!query.is_empty()).then(|| Query {
            pattern: Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart),
            words: Pattern::new(
                query,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Substring,
            ),
            lower: query.to_ascii_lowercase(),
        })
    }
}

/// The summaries in `language` as the matcher reads them, in catalog order, converted once
/// (splitting accented text into characters costs more than matching it); None for English,
/// whose summaries are matched as they are.
fn translated_summaries(language: Language) -> Option<&'static [Utf32String]> {
    static CACHE: [OnceLock<Vec<Utf32String>>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    if language == Language::En {
        return None;
    }
    let cached = CACHE[language.index()].get_or_init(|| {
        Catalog
            .syscalls()
            .iter()
            .map(|s| match s.summary_in(language) {
                // Not written yet: the English summary is matched already.
                text if text == s.summary() => Utf32String::default(),
                text => Utf32String::from(text),
            })
            .collect()
    });
    Some(cached)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str) -> Vec<&'static str> {
        names_in(Language::En, query)
    }

    fn names_in(language: Language, query: &str) -> Vec<&'static str> {
        Searcher::in_language(language)
            .search(query)
            .iter()
            .map(|s| s.name())
            .collect()
    }

    /// Words of the Portuguese summaries find their syscall under pt-BR only; English words
    /// and names still find theirs under pt-BR.
    #[test]
    fn portuguese_summaries_match_in_portuguese() {
        let accept = Catalog.syscall("accept").unwrap();
        assert_ne!(
            accept.summary_in(Language::PtBr),
            accept.summary(),
            "part0 is written"
        );
        for query in ["conexão pendente", "conexao pendente", "CONEXÃO"] {
            assert!(
                names_in(Language::PtBr, query).contains(&"accept"),
                "{query} under pt-BR"
            );
            assert!(
                !names_in(Language::En, query).contains(&"accept"),
                "{query} under English"
            );
        }
        assert!(names_in(Language::PtBr, "pending connection").contains(&"accept"));
        assert_eq!(names_in(Language::PtBr, "rmdir").first(), Some(&"rmdir"));
    }

    #[test]
    fn a_full_name_comes_first() {
        assert_eq!(names("rmdir").first(), Some(&"rmdir"));
        assert_eq!(names("open").first(), Some(&"open"));
        assert_eq!(names("READ").first(), Some(&"read"));
    }

    #[test]
    fn prefixes_beat_scattered_letters() {
        let hits = names("chmo");
        let chmod = hits.iter().position(|n| *n == "chmod").unwrap();
        let fchmod = hits.iter().position(|n| *n == "fchmod").unwrap();
        assert!(chmod < fchmod, "{hits:?}");
    }

    /// The name itself, then names starting with the query, then names containing it, then
    /// summaries and tags, and last names that only hold its letters in order.
    #[test]
    fn names_that_contain_the_query_come_before_scattered_letters() {
        for query in ["chmod", "clone", "mkdir", "open"] {
            let hits = names(query);
            assert_eq!(hits.first(), Some(&query), "{hits:?}");
            let last_containing = hits.iter().rposition(|n| n.contains(query)).unwrap();
            let first_other = hits.iter().position(|n| !n.contains(query));
            if let Some(first_other) = first_other {
                assert!(last_containing < first_other, "{query}: {hits:?}");
            }
            let prefixed = hits.iter().rposition(|n| n.starts_with(query)).unwrap();
            let inner = hits
                .iter()
                .position(|n| !n.starts_with(query) && n.contains(query));
            if let Some(inner) = inner {
                assert!(prefixed < inner, "{query}: {hits:?}");
            }
        }
        let clone = names("clone");
        let clock = clone.iter().position(|n| *n == "clock_nanosleep");
        let clone3 = clone.iter().position(|n| *n == "clone3").unwrap();
        assert!(clock.is_none_or(|c| c > clone3), "{clone:?}");
    }

    #[test]
    fn summaries_and_tags_match_too() {
        assert!(names("@mount").contains(&"mount"), "systemd group tag");
        assert!(names("no entries").contains(&"rmdir"), "summary words");
    }

    #[test]
    fn nothing_matches_nonsense_and_everything_matches_nothing() {
        assert!(names("zzqqxxj").is_empty());
        let rmdir = names("rmdir");
        assert!(
            rmdir.len() < 10,
            "scattered letters in summaries do not count: {rmdir:?}"
        );
        assert_eq!(names("").len(), Catalog.syscalls().len());
    }
}

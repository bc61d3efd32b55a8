//! Language tags from locale names: `pt_BR.UTF-8` is `pt-BR`, `C` and `POSIX` are none.

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
    }
}

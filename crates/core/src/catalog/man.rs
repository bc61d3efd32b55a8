//! The full manual page of a syscall, read from the system at run time.

use super::Catalog;
use crate::lang::Language;
use crate::text;
use std::collections::HashMap;
use std::process::Command;
use std::sync::Mutex;

/// Where a page's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The system's manual (`man 2 NAME`).
    System,
    /// No page is installed: the catalog's own summary and signature.
    Catalog,
}

/// A rendered manual page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManPage {
    /// Plain text, wrapped to the requested width.
    pub text: String,
    /// System page or catalog fallback.
    pub source: Source,
}

/// The page for `name`, wrapped to `width` columns, in `language` where the system has the
/// page translated (else in English); cached per name, width and language.
pub fn page(name: &str, width: u16, language: Language) -> ManPage {
    type Key = (String, u16, Language);
    static CACHE: Mutex<Option<HashMap<Key, ManPage>>> = Mutex::new(None);
    let key = (name.to_string(), width, language);
    if let Some(hit) = CACHE
        .lock()
        .ok()
        .and_then(|c| c.as_ref()?.get(&key).cloned())
    {
        return hit;
    }
    let page = system_page(name, width, language).unwrap_or_else(|| fallback(name, language));
    if let Ok(mut cache) = CACHE.lock() {
        cache
            .get_or_insert_with(HashMap::new)
            .insert(key, page.clone());
    }
    page
}

/// The directory name of `language`'s manual pages (`/usr/share/man/pt_BR`), none for English.
fn man_locale(language: Language) -> Option<&'static str> {
    match language {
        Language::En => None,
        Language::PtBr => Some("pt_BR"),
    }
}

/// Renders `man 2 NAME` as plain text (the translated page when `language` has one: man-db's
/// `-L` falls back to English by itself); None when the system has no such page.
fn system_page(name: &str, width: u16, language: Language) -> Option<ManPage> {
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let mut man = Command::new("man");
    if let Some(locale) = man_locale(language) {
        man.args(["-L", locale]);
    }
    // LC_ALL stays C.UTF-8 (so the output is UTF-8 whatever the user's locale): `-L` alone
    // picks the page's language.
    let out = man
        .args(["-P", "cat", "2", name])
        .env("MANWIDTH", width.max(20).to_string())
        .env("MAN_KEEP_FORMATTING", "0")
        .env("GROFF_NO_SGR", "1")
        .env("LC_ALL", "C.UTF-8")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() || out.stdout.is_empty() {
        return None;
    }
    let text = tidy_frame(
        &strip_overstrike(&String::from_utf8_lossy(&out.stdout)),
        name,
    );
    Some(ManPage {
        text,
        source: Source::System,
    })
}

/// Removes the backspace overstrikes (`X\bX` bold, `_\bX` underline) of terminal output.
pub fn strip_overstrike(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out
}

/// The catalog's own words when the system has no page: summary, signature, what to install.
fn fallback(name: &str, language: Language) -> ManPage {
    let text = match Catalog.syscall(name) {
        Some(s) => format!(
            "{name}(2)\n\n{}\n\n    {}\n\n{}\n",
            s.summary_in(language),
            s.signature(),
            text!("man-not-installed", name = name).in_language(language)
        ),
        None => format!(
            "{}\n",
            text!("man-unknown", name = name).in_language(language)
        ),
    };
    ManPage {
        text,
        source: Source::Catalog,
    }
}

/// In a pane narrower than the page's header and footer (`access(2)  System Calls Manual
/// access(2)`), groff runs their parts into each other (`accesSystem Calls Maccess(2)`): such a
/// line becomes the page's name alone; lines whose parts stand apart are kept.
fn tidy_frame(text: &str, name: &str) -> String {
    let tag = format!("{name}(2)");
    let apart = |line: &str| {
        let line = line.trim();
        line == tag
            || line.starts_with(&tag) && line[tag.len()..].starts_with("  ")
            || line.ends_with(&tag) && line[..line.len() - tag.len()].ends_with("  ")
    };
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let frame = Some(i) == first || Some(i) == last;
        if frame && !apart(line) && line.contains(&tag[..tag.len().min(4)]) {
            out.push_str(&tag);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod frame_tests {
    use super::tidy_frame;

    #[test]
    fn run_together_headers_and_footers_become_the_name() {
        let narrow =
            "accesSystem Calls Maccess(2)\n\nNAME\n  access\n\nLinux man2023-02-05access(2)\n";
        assert_eq!(
            tidy_frame(narrow, "access"),
            "access(2)\n\nNAME\n  access\n\naccess(2)\n"
        );
        let wide = "access(2)           System Calls Manual          access(2)\n\nNAME\n\nLinux man-pages 6.03    2023-02-05               access(2)\n";
        assert_eq!(tidy_frame(wide, "access"), wide);
        let tight = "access(2) System Calls Manualaccess(2)\nNAME\nLinux man-page2023-02-05     access(2)\n";
        assert_eq!(
            tidy_frame(tight, "access"),
            "access(2)\nNAME\nLinux man-page2023-02-05     access(2)\n"
        );
    }
}

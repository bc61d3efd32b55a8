//! The language of the whole process, chosen once at start, before clap reads the command
//! line (so that `--help` is already in it).

use super::{help, Cli};
use std::ffi::OsString;
use std::process::ExitCode;

/// Chooses the language of the whole process (`--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`),
/// then reads the command line with its help in that language. Err: the exit status to end
/// with, the reason printed (an unknown language, a bad command line; clap prints and ends on
/// its own for --help and --version).
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = std::env::args_os().collect();
    match seccompose::learn::choose_language(requested_language(&args).as_deref()) {
        Ok(language) => seccompose::i18n::set_language(language),
        Err(e) => {
            eprintln!("seccompose: {e}");
            return Err(ExitCode::from(2));
        }
    }
    // Help texts matter only for --help and errors: a line that reads needs no translated
    // tree (relabelling all of it cost as much as the rest of a run's start).
    let matches = match <Cli as clap::CommandFactory>::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(_) => help::command()
            .try_get_matches_from(args)
            .map_err(|e| super::clap_errors::report(&e))?,
    };
    <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
        .map_err(|e| super::clap_errors::report(&e))
}

/// The value of `--lang` (`--lang TAG` or `--lang=TAG`, anywhere before `--`), read before
/// clap so that `--help` is already in that language.
fn requested_language(args: &[OsString]) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        } else if word == "--lang" {
            return words.next().map(|v| v.into_owned());
        } else if let Some(tag) = word.strip_prefix("--lang=") {
            return Some(tag.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::requested_language;
    use std::ffi::OsString;

    fn asked(args: &[&str]) -> Option<String> {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        requested_language(&args)
    }

    #[test]
    fn lang_is_read_wherever_it_stands_but_not_in_the_command() {
        assert_eq!(
            asked(&["seccompose", "--lang", "pt-BR", "doctor"]).as_deref(),
            Some("pt-BR")
        );
        assert_eq!(
            asked(&["seccompose", "doctor", "--lang=en"]).as_deref(),
            Some("en")
        );
        assert_eq!(
            asked(&["seccompose", "run", "p.json", "--", "x", "--lang", "en"]),
            None
        );
        assert_eq!(asked(&["seccompose", "doctor"]), None);
    }
}

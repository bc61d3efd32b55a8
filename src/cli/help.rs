//! `--help` in the user's language. The doc comments of [`Cli`](super::Cli) are the English
//! text (en.ftl holds the same words, which a test holds them to); in any other language each
//! about, argument help and possible value's help is replaced by its message, and so are the
//! headings and clap's own help and version flags. Clap's error messages stay English.
//!
//! Ids: `cli-about-SUB` for a command's about (`seccompose` for the top), `cli-help-SUB-ARG`
//! for an argument's help, or `cli-help-ARG` when the same words serve every subcommand that
//! has it; `cli-value-SUB-VALUE` for a possible value's help (no subcommand has two enums with
//! a value of the same name).

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, Command, CommandFactory, ValueEnum};
use seccompose::i18n;
use seccompose::lang::Language;

/// The name the top command's ids use.
const TOP: &str = "seccompose";

/// The command line's definition, its texts in the current language.
pub fn command() -> Command {
    let cmd = super::Cli::command();
    if i18n::language() == Language::En {
        return cmd;
    }
    let mut cmd = localize(cmd, TOP);
    // Clap adds its help and version flags and its `help` subcommand when it builds.
    cmd.build();
    flags(cmd)
}

/// The id of the English message for one text: the subcommand's own, else the shared one.
pub fn resolve(kind: &str, sub: &str, name: &str) -> String {
    let own = format!("cli-{kind}-{sub}-{name}");
    if i18n::has(Language::En, &own) {
        own
    } else {
        format!("cli-{kind}-{name}")
    }
}

/// An argument id as a message id's part (`no_cache` → `no-cache`).
pub fn id_part(arg: &Arg) -> String {
    arg.get_id().as_str().replace('_', "-")
}

/// One command's about, headings and arguments, then its subcommands'.
fn localize(mut cmd: Command, sub: &str) -> Command {
    if cmd.get_about().is_some() {
        cmd = cmd.about(i18n::text(&format!("cli-about-{sub}"), &[]));
    }
    cmd = cmd
        .help_template(template())
        .subcommand_help_heading(seccompose::msg!("cli-heading-commands"))
        .subcommand_value_name(seccompose::msg!("cli-heading-command-name"));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, sub));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &name));
    }
    cmd
}

/// One argument's help, heading and possible values.
fn localize_arg(mut arg: Arg, sub: &str) -> Arg {
    let name = id_part(&arg);
    if arg.get_help().is_some() {
        arg = arg.help(i18n::text(&resolve("help", sub, &name), &[]));
    }
    let heading = if arg.is_positional() {
        seccompose::msg!("cli-heading-arguments")
    } else {
        seccompose::msg!("cli-heading-options")
    };
    arg = arg.help_heading(heading);
    let arg = match (value_help(&arg, sub), parser_of(sub, &name)) {
        (Some(values), Some(parser)) => parser(arg, values),
        // A value enum without a parser here keeps its English help (a test finds it).
        _ => arg,
    };
    value_notes(arg)
}

/// Clap's "[default: X]" and "Possible values:" in the current language: the argument's help
/// says them itself, and clap's own are hidden.
fn value_notes(arg: Arg) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && defaults.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let default = (!defaults.is_empty())
        .then(|| seccompose::msg!("cli-heading-default", value = defaults.join(", ")));
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let listed = (!values.is_empty())
        .then(|| seccompose::msg!("cli-heading-possible", values = names.join(", ")));
    let short: Vec<String> = [Some(help.clone()), default.clone(), listed]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    let short = short.join(" ");
    let long = if values.iter().any(|v| v.get_help().is_some()) {
        let width = names.iter().map(|n| n.len() + 1).max().unwrap_or(0);
        let lines: Vec<String> = values
            .iter()
            .map(|v| {
                let name = format!("{}:", v.get_name());
                let help = v.get_help().map(|h| h.to_string()).unwrap_or_default();
                format!("- {name:<width$} {help}")
            })
            .collect();
        let heading = seccompose::msg!("cli-heading-possible-list");
        let mut long = format!("{help}\n\n{heading}\n{}", lines.join("\n"));
        if let Some(default) = default {
            long.push_str(&format!("\n\n{default}"));
        }
        long
    } else {
        short.clone()
    };
    let arg = if long == short {
        arg
    } else {
        arg.long_help(long)
    };
    arg.help(short)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// How to rebuild the parser of an argument whose possible values have help.
type Rebuild = fn(Arg, Vec<PossibleValue>) -> Arg;

/// The parser of each value enum argument, by subcommand and argument.
fn parser_of(sub: &str, arg: &str) -> Option<Rebuild> {
    Some(match (sub, arg) {
        ("compile", "format") => enum_parser::<super::compile::Format>,
        ("compile", "layout") => enum_parser::<super::compile::LayoutArg>,
        ("lint", "format") => enum_parser::<super::lint::Format>,
        ("lint", "deny") => enum_parser::<super::lint::Deny>,
        ("convert", "to" | "from") => enum_parser::<super::convert::FormatArg>,
        _ => return None,
    })
}

/// The argument's possible values with their help in the current language, when they have
/// help (clap's own true/false have none).
fn value_help(arg: &Arg, sub: &str) -> Option<Vec<PossibleValue>> {
    let values = arg.get_possible_values();
    if values.iter().all(|v| v.get_help().is_none()) {
        return None;
    }
    Some(
        values
            .into_iter()
            .map(|v| {
                let id = format!("cli-value-{sub}-{}", v.get_name());
                v.help(i18n::text(&id, &[]))
            })
            .collect(),
    )
}

/// A value parser for the enum `E` that offers `values` (the same names, their help in the
/// current language) and gives `E`, as the derived one does.
fn enum_parser<E: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    values: Vec<PossibleValue>,
) -> Arg {
    arg.value_parser(
        PossibleValuesParser::new(values).map(|s| {
            E::from_str(&s, true).expect("the parser only lets the enum's own names through")
        }),
    )
}

/// The help layout clap uses, with its "Usage:" heading in the current language.
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        seccompose::msg!("cli-heading-usage")
    )
}

/// Clap's help and version flags and its `help` subcommand, in every command.
fn flags(mut cmd: Command) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id == "help" || id == "version")
        .collect();
    for id in &ids {
        cmd = cmd.mut_arg(id, |a| {
            // Clap gives its help flag a long help of its own where the command has any.
            let a = match (id.as_str(), a.get_long_help().is_some()) {
                ("help", false) => a.help(seccompose::msg!("cli-flag-help")),
                ("help", true) => a
                    .help(seccompose::msg!("cli-flag-help-more"))
                    .long_help(seccompose::msg!("cli-flag-help-summary")),
                ("version", _) => a.help(seccompose::msg!("cli-flag-version")),
                _ => return a,
            };
            a.help_heading(seccompose::msg!("cli-heading-options"))
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = if name == "help" {
                s.about(seccompose::msg!("cli-about-help"))
                    .help_template(template())
                    .subcommand_help_heading(seccompose::msg!("cli-heading-commands"))
            } else {
                s
            };
            flags(s)
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The prefixes of the ids built from the command line's definition (as src/i18n_tests.rs
    /// knows them).
    const TREE_IDS: [&str; 3] = ["cli-about-", "cli-help-", "cli-value-"];

    /// Every text of the English tree: (message id, the doc comment's words).
    fn english_texts() -> Vec<(String, String)> {
        fn walk(cmd: &Command, sub: &str, out: &mut Vec<(String, String)>) {
            if let Some(about) = cmd.get_about() {
                out.push((format!("cli-about-{sub}"), about.to_string()));
            }
            for arg in cmd.get_arguments() {
                let name = id_part(arg);
                if let Some(help) = arg.get_help() {
                    out.push((resolve("help", sub, &name), help.to_string()));
                }
                for v in arg.get_possible_values() {
                    if let Some(help) = v.get_help() {
                        let id = format!("cli-value-{sub}-{}", v.get_name());
                        out.push((id, help.to_string()));
                    }
                }
                assert!(arg.get_long_help().is_none(), "{sub} {name}: long help");
            }
            assert!(cmd.get_long_about().is_none(), "{sub}: long about");
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), out);
            }
        }
        let mut out = Vec::new();
        walk(&super::super::Cli::command(), TOP, &mut out);
        out
    }

    /// en.ftl says what the doc comments say, and pt-BR has each of those messages.
    #[test]
    fn every_help_text_is_in_both_languages() {
        let texts = english_texts();
        assert!(texts.len() > 90, "{}", texts.len());
        for (id, english) in &texts {
            assert_eq!(
                &i18n::text_in(Language::En, id, &[]),
                english,
                "{id}: en.ftl and the doc comment differ"
            );
            assert!(i18n::has(Language::PtBr, id), "pt-BR lacks {id}");
        }
    }

    /// Under pt-BR every about, help and possible value of the tree clap prints is the
    /// Portuguese one (none left in English), clap's own flags and headings too.
    #[test]
    fn the_portuguese_tree_has_no_english_left() {
        i18n::set_thread_language(Language::PtBr);
        let english: BTreeSet<String> = english_texts().into_iter().map(|(_, t)| t).collect();
        fn walk(cmd: &Command, english: &BTreeSet<String>, seen: &mut usize) {
            let mut texts: Vec<String> =
                cmd.get_about().map(|a| a.to_string()).into_iter().collect();
            for arg in cmd.get_arguments() {
                let help = arg.get_help().map(|h| h.to_string());
                assert!(
                    help.is_some(),
                    "{} {}: no help",
                    cmd.get_name(),
                    arg.get_id()
                );
                texts.extend(help);
                let heading = arg.get_help_heading().unwrap_or("");
                assert!(
                    ["Opções", "Argumentos"].contains(&heading),
                    "{} {}: heading {heading:?}",
                    cmd.get_name(),
                    arg.get_id()
                );
                texts.extend(
                    arg.get_possible_values()
                        .iter()
                        .filter_map(|v| v.get_help().map(|h| h.to_string())),
                );
            }
            texts.extend(
                cmd.get_arguments()
                    .filter_map(|a| a.get_long_help().map(|h| h.to_string())),
            );
            for text in texts {
                *seen += 1;
                assert!(
                    !english.contains(&text),
                    "{}: still English: {text}",
                    cmd.get_name()
                );
            }
            for s in cmd.get_subcommands() {
                walk(s, english, seen);
            }
        }
        let mut seen = 0;
        let cmd = command();
        walk(&cmd, &english, &mut seen);
        assert!(seen > english.len(), "{seen} texts");
        let flag = cmd.get_arguments().find(|a| a.get_id() == "help").unwrap();
        assert_eq!(flag.get_help().unwrap().to_string(), "Mostra a ajuda");
        i18n::set_thread_language(Language::En);
        let english_cmd = command();
        let about = english_cmd
            .find_subcommand("doctor")
            .unwrap()
            .get_about()
            .unwrap();
        assert!(english.contains(&about.to_string()));
    }

    /// Every --help id in en.ftl is one the tree asks for (the i18n tests leave them to this).
    #[test]
    fn every_help_message_is_asked_for() {
        let asked: BTreeSet<String> = english_texts().into_iter().map(|(id, _)| id).collect();
        let unused: Vec<&str> = i18n::FILES[0]
            .1
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| TREE_IDS.iter().any(|p| id.starts_with(p)))
            .filter(|id| !asked.contains(*id) && *id != "cli-about-help")
            .collect();
        assert!(
            unused.is_empty(),
            "in en.ftl but not in the command line: {unused:?}"
        );
    }
}

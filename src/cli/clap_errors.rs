//! Clap's errors for a bad command line in the user's language: the kinds people meet most
//! are said again from their parts (the argument, the value, the usage); any other kind, or
//! one with a tip in English prose, keeps clap's own English.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use seccompose::i18n;
use seccompose::lang::Language;
use seccompose::msg;

/// Prints `e` and gives the exit status to end with: in the current language where it can.
pub fn report(e: &clap::Error) -> std::process::ExitCode {
    if i18n::language() != Language::En {
        if let Some(text) = localized(e) {
            eprint!("{text}");
            return std::process::ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    }
    e.exit()
}

/// One part of the error as text.
fn part(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The whole error in the current language, or None to leave it to clap.
fn localized(e: &clap::Error) -> Option<String> {
    if e.get(ContextKind::Suggested).is_some() {
        return None;
    }
    let arg = || part(e, ContextKind::InvalidArg);
    let line = match e.kind() {
        ErrorKind::UnknownArgument => msg!("cli-clap-unknown-argument", arg = arg()?),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-clap-unknown-subcommand",
            name = part(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingRequiredArgument => {
            let ContextValue::Strings(args) = e.get(ContextKind::InvalidArg)? else {
                return None;
            };
            let list: Vec<String> = args.iter().map(|a| format!("\n  {a}")).collect();
            msg!("cli-clap-missing", args = list.concat())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = part(e, ContextKind::InvalidValue)?;
            let mut line = if value.is_empty() {
                msg!("cli-clap-no-value", arg = arg()?)
            } else {
                msg!("cli-clap-invalid-value", value = value, arg = arg()?)
            };
            if let Some(values) = part(e, ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                line.push_str(&format!(
                    "\n  {}",
                    msg!("cli-heading-possible", values = values)
                ));
            }
            line
        }
        ErrorKind::ArgumentConflict => {
            let prior = part(e, ContextKind::PriorArg)?;
            let arg = arg()?;
            if prior == arg {
                msg!("cli-clap-repeated", arg = arg)
            } else {
                msg!("cli-clap-conflict", arg = arg, other = prior)
            }
        }
        _ => return None,
    };
    let mut out = msg!("cli-error", error = line);
    let tips = [
        part(e, ContextKind::SuggestedArg).map(|n| msg!("cli-clap-similar-argument", names = n)),
        part(e, ContextKind::SuggestedSubcommand)
            .map(|n| msg!("cli-clap-similar-subcommand", names = n)),
        part(e, ContextKind::SuggestedValue).map(|n| msg!("cli-clap-similar-value", names = n)),
    ];
    for (i, tip) in tips.into_iter().flatten().enumerate() {
        out.push_str(if i == 0 { "\n\n" } else { "\n" });
        out.push_str(&format!("  {tip}"));
    }
    if let Some(usage) = part(e, ContextKind::Usage) {
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        out.push_str(&format!("\n\n{} {usage}", msg!("cli-heading-usage")));
    }
    out.push_str(&format!("\n\n{}\n", msg!("cli-clap-try-help")));
    Some(out)
}

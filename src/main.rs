//! The `seccompose` command: the editor and its command-line twins.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes away (`| head`).
    // SAFETY: setting a signal disposition before any thread starts.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    // Messages for people follow the environment's language (the editor and --lang may
    // choose again); machine outputs never change with it.
    seccompose::i18n::set_language(seccompose::lang::Language::from_environment());
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("seccompose: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

//! The `seccompose` command: the editor and its command-line twins.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("seccompose: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

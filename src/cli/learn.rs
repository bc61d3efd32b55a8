//! `learn`: the guided lessons in the editor, in the language asked for (or the
//! environment's); `--list` prints them.

use seccompose::learn;
use std::process::ExitCode;

/// Exit status for a lesson or language that does not exist.
const USAGE: u8 = 2;

/// Lists the lessons, or opens the editor on one (the chooser when none is named).
pub fn learn(lesson: Option<&str>, lang: Option<&str>, list: bool) -> anyhow::Result<ExitCode> {
    let set = match learn::choose(lang) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("seccompose: {e}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    let index = match lesson.map(|l| (l, set.find(l))) {
        None => None,
        Some((_, Some(i))) => Some(i),
        Some((l, None)) => {
            let last = set.lessons.len().to_string();
            let no = seccompose::msg!("cli-learn-no-lesson", lesson = l, last = last);
            eprintln!("seccompose: {no}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    if list {
        for (i, l) in set.lessons.iter().enumerate() {
            println!("{}  {}  {}", i + 1, l.id, l.title);
        }
        return Ok(ExitCode::SUCCESS);
    }
    seccompose::tui::run(seccompose::tui::Open {
        lang: Some(&set.tag),
        lesson: Some(index),
        ..Default::default()
    })
}

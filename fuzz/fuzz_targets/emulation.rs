//! The run pane's skimming (`tui::unseen`) on arbitrary output: a terminal that parses every
//! byte and one that parses only what `Unseen` says can still be seen show the same screen and
//! cursor after every chunk. The first two bytes choose the screen's size (1-8 rows, 1-16
//! columns), and each chunk's length is read from the byte before it, so chunks end inside
//! characters and escape sequences too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccompose::tui::unseen::{Unseen, Visible};
use std::num::NonZeroU16;

fn parser(rows: u16, cols: u16) -> vt100::Parser {
    let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
    vt100::Parser::new(size(rows), size(cols), 0)
}

fuzz_target!(|data: &[u8]| {
    let [rows, cols, rest @ ..] = data else {
        return;
    };
    let (rows, cols) = (u16::from(rows % 8) + 1, u16::from(cols % 16) + 1);
    let (mut full, mut skimmed) = (parser(rows, cols), parser(rows, cols));
    let mut unseen = Unseen::default();
    let mut rest = rest;
    while let [len, after @ ..] = rest {
        let (chunk, next) = after.split_at((usize::from(*len) + 1).min(after.len()));
        rest = next;
        full.process(chunk);
        match unseen.visible(chunk, rows) {
            Visible::All(all) => skimmed.process(all),
            Visible::Tail { before, tail } => {
                for piece in before {
                    skimmed.process(piece);
                }
                skimmed.process(b"\r\n");
                skimmed.process(tail);
            }
        }
        let (a, b) = (full.screen(), skimmed.screen());
        assert_eq!(
            (a.contents_formatted(), a.cursor_position()),
            (b.contents_formatted(), b.cursor_position()),
            "after {chunk:?}"
        );
    }
});

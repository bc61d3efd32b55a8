//! Skipping output nobody could see. Until a command's output holds an escape sequence, the
//! cursor only moves down or along its line and every row below it is blank, so a chunk with
//! more line breaks than the screen has rows decides the screen by its tail alone. The
//! emulation then parses a line break and that tail, and drops the lines that would have
//! scrolled past between two frames: for a flood such as `seq 1 2000000`, nearly all of the
//! parsing, which otherwise takes the CPU the command itself needs.

/// What the emulation must parse of one chunk of output.
#[derive(Debug, PartialEq, Eq)]
pub enum Visible<'a> {
    /// All of it.
    All(&'a [u8]),
    /// A `\r\n` and then this tail: everything before it scrolls out of sight.
    Tail(&'a [u8]),
}

/// Follows one run's output, chunk by chunk, to find what of each chunk can still be seen.
#[derive(Default)]
pub struct Unseen {
    /// An escape sequence came: the cursor may move anywhere, so everything is parsed.
    escaped: bool,
    /// The chunk before ended with a carriage return.
    after_cr: bool,
}

impl Unseen {
    /// The part of `chunk`, the next bytes of output, a screen of `rows` rows must parse.
    pub fn visible<'a>(&mut self, chunk: &'a [u8], rows: u16) -> Visible<'a> {
        let after_cr = std::mem::replace(&mut self.after_cr, chunk.last() == Some(&b'\r'));
        if self.escaped || chunk.contains(&0x1b) {
            self.escaped = true;
            return Visible::All(chunk);
        }
        match tail_start(chunk, rows, after_cr) {
            Some(start) if start > 0 => Visible::Tail(&chunk[start..]),
            _ => Visible::All(chunk),
        }
    }
}

/// Where a tail of `chunk` holding `rows` line breaks of its own can begin: just after a
/// `\r\n`, so the full stream has the cursor at the start of a blank row there, as a parser
/// that skipped to it has after its own `\r\n`.
fn tail_start(chunk: &[u8], rows: u16, after_cr: bool) -> Option<usize> {
    let breaks = chunk.iter().enumerate().rev().filter(|&(_, &b)| b == b'\n');
    breaks
        .map(|(at, _)| at)
        .skip(usize::from(rows))
        .find(|&at| match at {
            0 => after_cr,
            _ => chunk[at - 1] == b'\r',
        })
        .map(|at| at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so a failure names the seed that shows it.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Pieces of plain output, including those that wrap, move the cursor along the line,
    /// are wide, combine, are not UTF-8, or are control bytes the emulator ignores.
    const PIECES: &[&[u8]] = &[
        b"a",
        b"12345",
        b"\r\n",
        b"\r\n",
        b"\r\n",
        b"\n",
        b"\r",
        b"\t",
        b"\x08",
        b"\x07",
        b"\x0b",
        "é".as_bytes(),
        "中".as_bytes(),
        "\u{301}".as_bytes(),
        "\u{9b}".as_bytes(),
        b"\xff",
        b"\xe4\xb8",
        b"a line long enough to wrap on a narrow screen",
    ];

    fn parser(rows: u16, cols: u16) -> vt100::Parser {
        vt100::Parser::new(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
            0,
        )
    }

    fn resize(parser: &mut vt100::Parser, rows: u16, cols: u16) {
        let size = |n| std::num::NonZeroU16::new(n).unwrap();
        parser.set_size(size(rows), size(cols));
    }

    /// What a screen shows and where its cursor is.
    fn exactly(screen: &vt100::Screen) -> (String, (u16, u16)) {
        (screen.contents_formatted(), screen.cursor_position())
    }

    /// The rows a screen shows that are not blank, in order.
    fn written_rows(screen: &vt100::Screen) -> Vec<String> {
        let cols = screen.size().1.get();
        screen
            .rows(0, cols)
            .filter(|row| !row.trim().is_empty())
            .collect()
    }

    /// Feeds random plain output, in random chunks and with random resizes, to a parser that
    /// sees everything and one that skips what `Unseen` says it may; returns how many
    /// chunks were cut to their tail.
    fn compare_screens(seed: u64, grow: bool) -> usize {
        let mut tails = 0;
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (mut rows, mut cols) = (1 + rng.below(6) as u16, 1 + rng.below(12) as u16);
        let (mut full, mut skimmed) = (parser(rows, cols), parser(rows, cols));
        let mut unseen = Unseen::default();
        for _ in 0..12 {
            let mut chunk = Vec::new();
            for _ in 0..rng.below(60) {
                chunk.extend_from_slice(PIECES[rng.below(PIECES.len())]);
            }
            full.process(&chunk);
            match unseen.visible(&chunk, rows) {
                Visible::All(all) => skimmed.process(all),
                Visible::Tail(tail) => {
                    tails += 1;
                    skimmed.process(b"\r\n");
                    skimmed.process(tail);
                }
            }
            let (a, b) = (full.screen(), skimmed.screen());
            if grow {
                assert_eq!(
                    written_rows(a),
                    written_rows(b),
                    "seed {seed}, chunk {chunk:?}"
                );
            } else {
                assert_eq!(exactly(a), exactly(b), "seed {seed}, chunk {chunk:?}");
            }
            if rng.below(4) == 0 {
                let most = if grow { 6 } else { rows };
                (rows, cols) = (1 + rng.below(most.into()) as u16, 1 + rng.below(12) as u16);
                resize(&mut full, rows, cols);
                resize(&mut skimmed, rows, cols);
            }
        }
        tails
    }

    #[test]
    fn skipping_what_scrolls_away_leaves_the_same_screen() {
        let tails: usize = (1..400).map(|seed| compare_screens(seed, false)).sum();
        assert!(tails > 500, "the shortcut was taken only {tails} times");
    }

    #[test]
    fn a_screen_that_grows_shows_the_same_lines() {
        // Growing, vt100 pulls a blank row in at the top for each line it ever scrolled away
        // (its scrollback is empty), so a parser that scrolled fewer lines puts the blank rows
        // below instead. The lines shown, and their order, are the same.
        let tails: usize = (1..400).map(|seed| compare_screens(seed, true)).sum();
        assert!(tails > 500, "the shortcut was taken only {tails} times");
    }

    #[test]
    fn a_flood_of_lines_is_cut_to_a_screenful() {
        let lines: String = (1..=1000).map(|n| format!("{n}\r\n")).collect();
        let Visible::Tail(tail) = Unseen::default().visible(lines.as_bytes(), 24) else {
            panic!("a thousand lines were all parsed");
        };
        assert!(
            tail.starts_with(b"977\r\n"),
            "{:?}",
            String::from_utf8_lossy(tail)
        );
    }

    #[test]
    fn after_an_escape_everything_is_parsed() {
        let lines = "line\r\n".repeat(100);
        let mut unseen = Unseen::default();
        assert!(matches!(unseen.visible(b"\x1b[2J", 24), Visible::All(_)));
        assert_eq!(
            unseen.visible(lines.as_bytes(), 24),
            Visible::All(lines.as_bytes())
        );
    }

    #[test]
    fn lines_without_a_carriage_return_are_all_parsed() {
        // A raw-mode program's `\n` keeps the column, which depends on what came before.
        let lines = "line\n".repeat(100);
        assert!(matches!(
            Unseen::default().visible(lines.as_bytes(), 24),
            Visible::All(_)
        ));
    }
}

//! Skipping output nobody could see. Until a command's output holds an escape sequence other
//! than colours and text attributes (SGR, `ESC [ ... m`) or erasing in the cursor's line
//! (`ESC [ ... K`, which `grep --color` prints), the cursor only moves down or along
//! its line and every row below it is blank, so a chunk with more line breaks than the screen
//! has rows decides the screen by its tail alone, given the attributes in force where the tail
//! begins. The emulation then parses those attributes, a line break and the tail, and drops the
//! lines that would have scrolled past between two frames: for a flood such as
//! `seq 1 2000000` or `cat` of a coloured log, nearly all of the parsing, which otherwise
//! takes the CPU the command itself needs.

/// What the emulation must parse of one chunk of output.
#[derive(Debug, PartialEq, Eq)]
pub enum Visible<'a> {
    /// All of it.
    All(&'a [u8]),
    /// These pieces (the end of a sequence the chunk before began, the attribute sequences
    /// still in force), a `\r\n`, then the tail: everything else scrolls out of sight.
    Tail {
        /// Parsed first, in order.
        before: Vec<&'a [u8]>,
        /// Parsed after the `\r\n`.
        tail: &'a [u8],
    },
}

/// Where the output stands between escape sequences.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Scan {
    /// Text and control characters.
    #[default]
    Text,
    /// Just after `ESC`.
    Escape,
    /// Inside `ESC [`, reading parameters.
    Csi,
}

/// An attribute sequence (`ESC [ ... m`) found in a chunk.
#[derive(Debug, Clone, Copy)]
struct Attributes {
    start: usize,
    end: usize,
    /// It sets every attribute back to the default (`ESC [ m`, `ESC [ 0 m`).
    resets: bool,
}

/// Follows one run's output, chunk by chunk, to find what of each chunk can still be seen.
#[derive(Default)]
pub struct Unseen {
    /// A sequence other than attributes came: the cursor may move anywhere, so everything is
    /// parsed from then on.
    escaped: bool,
    /// The chunk before ended with a carriage return.
    after_cr: bool,
    /// Where the chunk before left the output.
    scan: Scan,
}

/// How one chunk scanned: where a sequence carried over from the chunk before ends, and the
/// attribute sequences that begin in it; None when it holds any other kind of sequence.
struct Scanned {
    carried_end: usize,
    attributes: Vec<Attributes>,
}

impl Unseen {
    /// The part of `chunk`, the next bytes of output, a screen of `rows` rows must parse.
    pub fn visible<'a>(&mut self, chunk: &'a [u8], rows: u16) -> Visible<'a> {
        let after_cr = std::mem::replace(&mut self.after_cr, chunk.last() == Some(&b'\r'));
        if self.escaped {
            return Visible::All(chunk);
        }
        let Some(scanned) = self.scan(chunk) else {
            self.escaped = true;
            return Visible::All(chunk);
        };
        let start = match tail_start(chunk, rows, after_cr) {
            Some(start) if start > scanned.carried_end => start,
            _ => return Visible::All(chunk),
        };
        let passed: Vec<Attributes> = scanned
            .attributes
            .into_iter()
            .take_while(|a| a.end <= start)
            .collect();
        // Attributes before the last reset no longer matter.
        let from = passed.iter().rposition(|a| a.resets).unwrap_or(0);
        let mut before = vec![&chunk[..scanned.carried_end]];
        before.extend(passed[from..].iter().map(|a| &chunk[a.start..a.end]));
        Visible::Tail {
            before,
            tail: &chunk[start..],
        }
    }

    /// Scans `chunk` for escape sequences, continuing where the chunk before ended.
    fn scan(&mut self, chunk: &[u8]) -> Option<Scanned> {
        // Inside a sequence that began in the chunk before: its end is found first.
        let mut in_carried = self.scan != Scan::Text;
        let mut carried_end = 0;
        let mut attributes = Vec::new();
        let (mut start, mut resets) = (0, true);
        for (at, &byte) in chunk.iter().enumerate() {
            self.scan = match (self.scan, byte) {
                (Scan::Text, 0x1b) => {
                    (start, resets) = (at, true);
                    Scan::Escape
                }
                (Scan::Text, _) => Scan::Text,
                (Scan::Escape, b'[') => Scan::Csi,
                (Scan::Csi, b'0') => Scan::Csi,
                (Scan::Csi, b'1'..=b'9' | b';' | b':') => {
                    resets = false;
                    Scan::Csi
                }
                (Scan::Csi, b'm' | b'K') if in_carried => {
                    in_carried = false;
                    carried_end = at + 1;
                    Scan::Text
                }
                (Scan::Csi, b'm') => {
                    let end = at + 1;
                    attributes.push(Attributes { start, end, resets });
                    Scan::Text
                }
                // Erasing (part of) the cursor's row changes that row only, as text does.
                (Scan::Csi, b'K') => Scan::Text,
                // Anything else moves the cursor, changes modes, or is not understood here.
                _ => return None,
            };
        }
        Some(Scanned {
            carried_end,
            attributes,
        })
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

    /// Pieces of output: text that wraps, moves the cursor along the line, is wide, combines,
    /// is not UTF-8, or is a control byte the emulator ignores; and attribute sequences
    /// (colours, bold, inverse, resets).
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
        b"\x1b[31m",
        b"\x1b[1;4m",
        b"\x1b[7m",
        b"\x1b[38;5;200m",
        b"\x1b[48;2;1;2;3m",
        b"\x1b[0m",
        b"\x1b[m",
        b"\x1b[00m",
        b"\x1b[K",
        b"\x1b[1K",
        b"\x1b[2K",
        b"\x1b[0K",
    ];

    /// Sequences that move the cursor or change the screen otherwise: after one, the emulation
    /// must parse everything.
    const MOVES: &[&[u8]] = &[b"\x1b[2A", b"\x1b[H", b"\x1b[2J", b"\x1b[?1049h", b"\x1bM"];

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

    /// Feeds random output, cut into chunks at random bytes (inside characters and sequences
    /// too) and with random resizes, to a parser that sees everything and one that skips what
    /// `Unseen` says it may; returns how many chunks were cut to their tail, and how many of
    /// those carried attributes over.
    fn compare_screens(seed: u64, grow: bool) -> (usize, usize) {
        let (mut tails, mut coloured) = (0, 0);
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (mut rows, mut cols) = (1 + rng.below(6) as u16, 1 + rng.below(12) as u16);
        let (mut full, mut skimmed) = (parser(rows, cols), parser(rows, cols));
        let mut unseen = Unseen::default();
        let mut stream = Vec::new();
        for _ in 0..rng.below(600) {
            // One stream in ten moves the cursor somewhere along the way.
            let piece = match rng.below(1000) {
                0 if seed.is_multiple_of(10) => MOVES[rng.below(MOVES.len())],
                _ => PIECES[rng.below(PIECES.len())],
            };
            stream.extend_from_slice(piece);
        }
        let mut rest = &stream[..];
        while !rest.is_empty() {
            let (chunk, after) = rest.split_at(rng.below(rest.len().min(120)) + 1);
            rest = after;
            full.process(chunk);
            match unseen.visible(chunk, rows) {
                Visible::All(all) => skimmed.process(all),
                Visible::Tail { before, tail } => {
                    tails += 1;
                    coloured += usize::from(before.iter().any(|piece| !piece.is_empty()));
                    for piece in before {
                        skimmed.process(piece);
                    }
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
        (tails, coloured)
    }

    /// Runs `compare_screens` on many seeds; checks the shortcut and its attributes were used.
    fn compare_many(grow: bool) {
        let (tails, coloured) = (1..400)
            .map(|seed| compare_screens(seed, grow))
            .fold((0, 0), |(t, c), (a, b)| (t + a, c + b));
        assert!(tails > 500, "the shortcut was taken only {tails} times");
        assert!(
            coloured > 200,
            "attributes were carried over only {coloured} times"
        );
    }

    #[test]
    fn skipping_what_scrolls_away_leaves_the_same_screen() {
        compare_many(false);
    }

    #[test]
    fn a_screen_that_grows_shows_the_same_lines() {
        // Growing, vt100 pulls a blank row in at the top for each line it ever scrolled away
        // (its scrollback is empty), so a parser that scrolled fewer lines puts the blank rows
        // below instead. The lines shown, and their order, are the same.
        compare_many(true);
    }

    #[test]
    fn a_flood_of_lines_is_cut_to_a_screenful() {
        let lines: String = (1..=1000).map(|n| format!("{n}\r\n")).collect();
        let Visible::Tail { tail, .. } = Unseen::default().visible(lines.as_bytes(), 24) else {
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

//! The terminal emulation of a run: it parses the command's output into a screen of its own
//! and publishes a copy to the shown one at most once per frame (and whenever it has caught
//! up), so drawing never waits for parsing and parsing never waits for drawing. It answers
//! the queries programs make of their terminal (cursor position, status, device attributes),
//! which shells and full-screen programs wait for.

use crate::sandbox::support::test_hook;
use crate::tui::backlog;
use crate::tui::unseen::{Unseen, Visible};
use std::fs::File;
use std::io::Write;
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The emulated screen a run draws on, shared with the thread that reads the output.
pub type Screen = Arc<Mutex<vt100::Parser>>;

/// How many lines of output that scrolled off the screen a run keeps for paging back.
pub const SCROLLBACK: usize = 1000;

/// A blank screen of `rows` x `cols` (with room for [`SCROLLBACK`] lines).
pub fn blank_screen(rows: u16, cols: u16) -> Screen {
    Arc::new(Mutex::new(vt100::Parser::new(
        nonzero(rows),
        nonzero(cols),
        SCROLLBACK,
    )))
}

/// How much output the emulation parses between two looks at the clock.
const SLICE: usize = 64 << 10;

/// How often a busy emulation shows its screen: about the editor's frame rate.
const PUBLISH_EVERY: Duration = Duration::from_millis(15);

/// Tests set this to a number of milliseconds the emulation waits before each batch of output,
/// to play a machine too busy for it to keep up with the command.
pub const SLOW_EMULATION: &str = "SECCOMPOSE_TEST_SLOW_EMULATION";

/// A screen dimension the emulator accepts (at least 1).
pub fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

/// A terminal size in one word, so the emulation thread can pick up a resize without a lock.
pub fn packed(rows: u16, cols: u16) -> u32 {
    (u32::from(rows) << 16) | u32::from(cols)
}

/// What the terminal says back to the program: answers to its queries, in order.
#[derive(Default)]
struct Replies(Vec<u8>);

impl vt100::Callbacks for Replies {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied().unwrap_or(0);
        match (i1, c, first) {
            // Device status report: "all is well".
            (None, 'n', 5) => self.0.extend_from_slice(b"\x1b[0n"),
            // Cursor position report, 1-based.
            (None, 'n', 6) => {
                let (row, col) = screen.cursor_position();
                let _ = write!(self.0, "\x1b[{};{}R", row + 1, col + 1);
            }
            // Primary device attributes: a VT100 with advanced video.
            (None, 'c', 0) => self.0.extend_from_slice(b"\x1b[?1;2c"),
            // Secondary device attributes: a VT100, firmware 0.
            (Some(b'>'), 'c', 0) => self.0.extend_from_slice(b"\x1b[>0;0;0c"),
            _ => {}
        }
    }
}

/// The emulation thread's state.
pub struct Emulation {
    own: vt100::Parser<Replies>,
    /// What of the output can be skipped because it would scroll away unseen.
    unseen: Unseen,
    shown: Screen,
    fresh: Arc<AtomicBool>,
    wanted: Arc<AtomicU32>,
    /// The terminal's master side, where replies go.
    master: File,
    /// A wait before each batch (tests: see [`SLOW_EMULATION`]).
    delay: Option<Duration>,
}

impl Emulation {
    /// An emulation of `size` that shows on `shown`, flags `fresh` when it did, follows the
    /// size in `wanted`, and answers queries on `master`.
    pub fn new(
        (rows, cols): (NonZeroU16, NonZeroU16),
        shown: Screen,
        fresh: Arc<AtomicBool>,
        wanted: Arc<AtomicU32>,
        master: File,
    ) -> Emulation {
        Emulation {
            own: vt100::Parser::new_with_callbacks(rows, cols, SCROLLBACK, Replies::default()),
            unseen: Unseen::default(),
            shown,
            fresh,
            wanted,
            master,
            delay: test_hook(SLOW_EMULATION)
                .and_then(|ms| ms.to_str()?.parse().ok())
                .map(Duration::from_millis),
        }
    }

    /// Parses what arrives until the command's terminal closes.
    pub fn run(mut self, backlog: backlog::Reader) {
        // The command's CPU comes first: on a busy machine the emulation runs behind it and
        // catches up, rather than slowing the command it shows.
        lower_this_threads_priority();
        let mut published = Instant::now();
        while let Some(bytes) = backlog.take(backlog::SLICE) {
            if let Some(delay) = self.delay {
                std::thread::sleep(delay);
            }
            self.follow_resize();
            for slice in bytes.chunks(SLICE) {
                self.parse(slice);
                self.send_replies();
                if published.elapsed() >= PUBLISH_EVERY {
                    self.publish();
                    published = Instant::now();
                }
            }
            // Caught up with what had arrived: show it now (typed echo appears at once).
            self.publish();
            published = Instant::now();
        }
        self.publish();
    }

    fn parse(&mut self, bytes: &[u8]) {
        // What scrolls past the screen and the scrollback is never seen: skipped.
        let rows = self.own.screen().size().0.get();
        let kept = rows.saturating_add(u16::try_from(SCROLLBACK).unwrap_or(u16::MAX));
        match self.unseen.visible(bytes, kept) {
            Visible::All(all) => self.own.process(all),
            Visible::Tail { before, tail } => {
                for piece in before {
                    self.own.process(piece);
                }
                self.own.process(b"\r\n");
                self.own.process(tail);
            }
        }
    }

    fn send_replies(&mut self) {
        let replies = std::mem::take(&mut self.own.callbacks_mut().0);
        if !replies.is_empty() {
            // A program that stopped reading its terminal loses the answer, as on a real one.
            let _ = self.master.write_all(&replies);
        }
    }

    fn follow_resize(&mut self) {
        let wanted = self.wanted.load(Ordering::Acquire);
        let (rows, cols) = ((wanted >> 16) as u16, wanted as u16);
        if self.own.screen().size() != (nonzero(rows), nonzero(cols)) {
            self.own.set_size(nonzero(rows), nonzero(cols));
        }
    }

    fn publish(&self) {
        // Copied outside the lock; the old screen is dropped outside it too.
        let copy = self.own.screen().clone();
        let old = match self.shown.lock() {
            Ok(mut shown) => std::mem::replace(shown.screen_mut(), copy),
            Err(_) => return,
        };
        drop(old);
        self.fresh.store(true, Ordering::Release);
    }
}

/// Gives the calling thread the lowest scheduling priority (Linux applies `nice` per thread).
fn lower_this_threads_priority() {
    // SAFETY: gettid has no preconditions; setpriority only reads its arguments.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 19);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replies_to(output: &[u8]) -> Vec<u8> {
        let mut parser =
            vt100::Parser::new_with_callbacks(nonzero(24), nonzero(80), 0, Replies::default());
        parser.process(output);
        std::mem::take(&mut parser.callbacks_mut().0)
    }

    #[test]
    fn queries_are_answered_in_order() {
        assert_eq!(replies_to(b"ab\r\ncd\x1b[6n"), b"\x1b[2;3R");
        assert_eq!(replies_to(b"\x1b[5n\x1b[c"), b"\x1b[0n\x1b[?1;2c");
        assert_eq!(replies_to(b"\x1b[>c"), b"\x1b[>0;0;0c");
        assert_eq!(replies_to(b"plain text, colours \x1b[31mred\x1b[0m"), b"");
    }

    #[test]
    fn skipped_output_leaves_the_same_screen_and_scrollback() {
        // 3,000 lines in one piece on a 5-row screen: all but the last 1,005 are skipped.
        let text: String = (1..=3000).map(|i| format!("line {i}\r\n")).collect();
        let shown = blank_screen(5, 40);
        let mut emulation = Emulation::new(
            (nonzero(5), nonzero(40)),
            shown.clone(),
            Arc::default(),
            Arc::new(AtomicU32::new(packed(5, 40))),
            File::create("/dev/null").unwrap(),
        );
        emulation.parse(text.as_bytes());
        emulation.publish();
        let mut full = vt100::Parser::new(nonzero(5), nonzero(40), SCROLLBACK);
        full.process(text.as_bytes());
        let mut skimmed = shown.lock().unwrap();
        for back in [0, 1, 500, SCROLLBACK, SCROLLBACK + 10] {
            full.screen_mut().set_scrollback(back);
            skimmed.screen_mut().set_scrollback(back);
            assert_eq!(
                skimmed.screen().contents(),
                full.screen().contents(),
                "{back} back"
            );
        }
        assert!(full.screen().contents().starts_with("line 1997\n"));
    }
}

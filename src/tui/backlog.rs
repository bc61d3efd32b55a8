//! Output waiting for the terminal emulation: bytes, bounded by their count (not by how many
//! reads they came in), so a fast command is held up only when the emulation is a whole
//! limit behind; the emulation takes them a slice at a time, so that memory holds the limit
//! and one slice, not two limits.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};

/// How many bytes of output may wait for the terminal emulation before the command waits:
/// a burst of `seq 1 2000000` (15 MB) fits, so the command never waits for the emulation
/// (which parses it in a little more time than `seq` takes to print it); a command printing
/// without end costs the editor at most this much.
pub const LIMIT: usize = 24 << 20;

/// The most the emulation takes at a time.
pub const SLICE: usize = 1 << 20;

#[derive(Default)]
struct State {
    /// The reads, in order.
    chunks: VecDeque<Vec<u8>>,
    /// How many bytes they hold.
    bytes: usize,
    /// The writer is done (the command's terminal closed).
    closed: bool,
    /// The reader is gone: writing is pointless.
    abandoned: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

/// The end that adds output.
pub struct Writer(Arc<Shared>);

/// The end that takes it.
pub struct Reader(Arc<Shared>);

/// A new, empty backlog.
pub fn backlog() -> (Writer, Reader) {
    let shared = Arc::new(Shared::default());
    (Writer(Arc::clone(&shared)), Reader(shared))
}

impl Writer {
    /// Adds `bytes`, waiting while `limit` bytes are already waiting; false when the reader
    /// is gone.
    pub fn push(&self, bytes: &[u8], limit: usize) -> bool {
        let Ok(mut state) = self.0.state.lock() else {
            return false;
        };
        while state.bytes >= limit && !state.abandoned {
            state = match self.0.changed.wait(state) {
                Ok(s) => s,
                Err(_) => return false,
            };
        }
        if state.abandoned {
            return false;
        }
        state.chunks.push_back(bytes.to_vec());
        state.bytes += bytes.len();
        self.0.changed.notify_all();
        true
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if let Ok(mut state) = self.0.state.lock() {
            state.closed = true;
        }
        self.0.changed.notify_all();
    }
}

impl Reader {
    /// What is waiting, up to about `most` bytes (whole reads, at least one), after waiting
    /// for something; `None` once the writer is done and all was taken.
    pub fn take(&self, most: usize) -> Option<Vec<u8>> {
        let mut state = self.0.state.lock().ok()?;
        while state.chunks.is_empty() && !state.closed {
            state = self.0.changed.wait(state).ok()?;
        }
        let mut out = state.chunks.pop_front()?;
        while out.len() < most {
            match state.chunks.pop_front() {
                Some(next) => out.extend_from_slice(&next),
                None => break,
            }
        }
        state.bytes -= out.len();
        self.0.changed.notify_all();
        Some(out)
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if let Ok(mut state) = self.0.state.lock() {
            state.abandoned = true;
        }
        self.0.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_arrive_in_order_and_the_end_is_seen() {
        let (w, r) = backlog();
        let writer = std::thread::spawn(move || {
            for i in 0..1000u32 {
                assert!(w.push(&i.to_le_bytes(), 64));
            }
        });
        let mut got = Vec::new();
        while let Some(b) = r.take(usize::MAX) {
            got.extend(b);
        }
        writer.join().unwrap();
        let want: Vec<u8> = (0..1000u32).flat_map(|i| i.to_le_bytes()).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_full_backlog_holds_the_writer_until_taken() {
        let (w, r) = backlog();
        assert!(w.push(&[1; 10], 10));
        let writer = std::thread::spawn(move || w.push(&[2; 5], 10));
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(!writer.is_finished(), "the writer should wait for room");
        assert_eq!(r.take(usize::MAX), Some(vec![1; 10]));
        assert!(writer.join().unwrap());
        assert_eq!(r.take(usize::MAX), Some(vec![2; 5]));
        assert_eq!(r.take(usize::MAX), None);
    }

    #[test]
    fn the_reader_takes_whole_reads_up_to_about_what_it_asks() {
        let (w, r) = backlog();
        for b in 1..=3u8 {
            assert!(w.push(&[b; 10], 100));
        }
        let first = r.take(15).unwrap();
        assert_eq!(first, [[1u8; 10], [2; 10]].concat());
        drop(w);
        assert_eq!(r.take(15), Some(vec![3; 10]));
        assert_eq!(r.take(15), None);
    }

    #[test]
    fn a_writer_is_released_when_the_reader_goes() {
        let (w, r) = backlog();
        assert!(w.push(&[1; 10], 10));
        let writer = std::thread::spawn(move || w.push(&[2; 5], 10));
        drop(r);
        assert!(!writer.join().unwrap());
    }
}

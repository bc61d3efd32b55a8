//! Output waiting for the terminal emulation: bytes, bounded by their count (not by how many
//! reads they came in), so a fast command is held up only when the emulation is a whole
//! limit behind, and the emulation takes everything waiting in one go.

use std::sync::{Arc, Condvar, Mutex};

/// How many bytes of output may wait for the terminal emulation before the command waits.
pub const LIMIT: usize = 64 << 20;

#[derive(Default)]
struct State {
    bytes: Vec<u8>,
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
        while state.bytes.len() >= limit && !state.abandoned {
            state = match self.0.changed.wait(state) {
                Ok(s) => s,
                Err(_) => return false,
            };
        }
        if state.abandoned {
            return false;
        }
        state.bytes.extend_from_slice(bytes);
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
    /// Everything waiting, after waiting for something; `None` once the writer is done and
    /// all was taken.
    pub fn take(&self) -> Option<Vec<u8>> {
        let mut state = self.0.state.lock().ok()?;
        while state.bytes.is_empty() && !state.closed {
            state = self.0.changed.wait(state).ok()?;
        }
        if state.bytes.is_empty() {
            return None;
        }
        let bytes = std::mem::take(&mut state.bytes);
        self.0.changed.notify_all();
        Some(bytes)
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
        while let Some(b) = r.take() {
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
        assert_eq!(r.take(), Some(vec![1; 10]));
        assert!(writer.join().unwrap());
        assert_eq!(r.take(), Some(vec![2; 5]));
        assert_eq!(r.take(), None);
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

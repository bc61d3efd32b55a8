//! A thread that works on the newest of its requests: the UI asks as often as the user types,
//! and only the last request still matters by the time the worker is free.

use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// Starts a thread that runs `work` on each request, skipping requests a newer one superseded;
/// it ends when the sender is dropped.
pub fn spawn_newest<Q, R>(mut work: impl FnMut(Q) -> R + Send + 'static) -> (Sender<Q>, Receiver<R>)
where
    Q: Send + 'static,
    R: Send + 'static,
{
    let (req_tx, req_rx) = channel::<Q>();
    let (res_tx, res_rx) = channel();
    std::thread::spawn(move || {
        while let Ok(mut request) = req_rx.recv() {
            while let Ok(newer) = req_rx.try_recv() {
                request = newer;
            }
            if res_tx.send(work(request)).is_err() {
                break;
            }
        }
    });
    (req_tx, res_rx)
}

/// The way to a worker thread and back.
type Channels<K, Q, R> = (Sender<(K, Q)>, Receiver<(K, R)>);

/// Work done on a worker thread for a key (a session generation, say): the newest answer,
/// and whether the last key asked for has been answered. An answer counts as current only
/// for the key it was computed for.
pub struct Keyed<K, Q, R> {
    work: fn(Q) -> R,
    worker: Option<Channels<K, Q, R>>,
    requested: Option<K>,
    latest: Option<(K, R)>,
}

impl<K, Q, R> Keyed<K, Q, R>
where
    K: Copy + PartialEq + Send + 'static,
    Q: Send + 'static,
    R: Send + 'static,
{
    /// Nothing asked yet; `work` runs on the thread, started at the first request.
    pub fn new(work: fn(Q) -> R) -> Self {
        Keyed {
            work,
            worker: None,
            requested: None,
            latest: None,
        }
    }

    /// Asks for the answer for `key` (building the request only then) unless it is here or
    /// on its way.
    pub fn want(&mut self, key: K, request: impl FnOnce() -> Q) {
        if self.requested == Some(key) {
            return;
        }
        self.requested = Some(key);
        let work = self.work;
        let (tx, _) = self
            .worker
            .get_or_insert_with(|| spawn_newest(move |(k, q): (K, Q)| (k, work(q))));
        // A send fails only when the worker is gone, which it never is while we hold its
        // receiver; the request then stays unanswered and the view keeps saying so.
        let _ = tx.send((key, request()));
    }

    /// Collects finished work; true when an answer arrived.
    pub fn poll(&mut self) -> bool {
        let Some((_, rx)) = &self.worker else {
            return false;
        };
        let mut arrived = false;
        while let Ok(answer) = rx.try_recv() {
            self.latest = Some(answer);
            arrived = true;
        }
        arrived
    }

    /// Waits up to `timeout` for the answer to the last request (tests, and a first frame
    /// that should not flash "working"); true when it is here.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while !self.is_done() {
            let Some((_, rx)) = &self.worker else {
                return false;
            };
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(answer) => self.latest = Some(answer),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }

    /// Whether the last request has been answered.
    pub fn is_done(&self) -> bool {
        self.requested.is_some() && self.requested == self.latest.as_ref().map(|(k, _)| *k)
    }

    /// The answer for `key`, when it has arrived.
    pub fn current(&self, key: K) -> Option<&R> {
        self.latest
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, r)| r)
    }

    /// The newest answer, whatever it was for.
    pub fn latest(&self) -> Option<&R> {
        self.latest.as_ref().map(|(_, r)| r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_the_newest_request_and_skips_what_it_superseded() {
        let (busy_tx, busy_rx) = channel::<()>();
        let (gate_tx, gate_rx) = channel::<()>();
        let (tx, rx) = spawn_newest(move |n: u32| {
            // Request 1 holds the worker until the test has queued more behind it.
            if n == 1 {
                let _ = busy_tx.send(());
                let _ = gate_rx.recv();
            }
            n * 10
        });
        tx.send(1).unwrap();
        busy_rx.recv().unwrap();
        tx.send(2).unwrap();
        tx.send(3).unwrap();
        gate_tx.send(()).unwrap();
        assert_eq!(rx.recv().unwrap(), 10);
        assert_eq!(rx.recv().unwrap(), 30, "2 was superseded by 3");
        drop(tx);
        assert!(rx.recv().is_err(), "the worker ends with its sender");
    }
}

//! A thread that works on the newest of its requests: the UI asks as often as the user types,
//! and only the last request still matters by the time the worker is free.

use std::sync::mpsc::{channel, Receiver, Sender};

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

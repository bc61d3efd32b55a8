//! Man pages for the detail pane, loaded off the UI thread once the selection settles, so
//! scrolling through the list never waits for `man` and never starts one per keystroke.

use super::worker::spawn_newest;
use crate::catalog::man;
use crate::lang::Language;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

/// How long the selection must stay put before its page is fetched.
pub const SETTLE: Duration = Duration::from_millis(150);

/// Where pages come from.
pub enum ManSource {
    /// The system's `man`, through the catalog's cache, on a worker thread.
    System,
    /// A fixed function, called at once (tests and benchmarks: deterministic, no processes).
    Fixed(fn(&str, u16) -> String),
}

type Request = (String, u16, Language);
/// The channel to the worker thread and the one back.
type Worker = (Sender<Request>, Receiver<(Request, String)>);

/// The man page of the selected syscall, as far as it has arrived.
pub struct ManLoader {
    source: ManSource,
    wanted: Option<(Request, Instant)>,
    requested: Option<Request>,
    current: Option<(Request, String)>,
    worker: Option<Worker>,
    /// The language pages are asked in.
    language: Language,
}

impl ManLoader {
    /// A loader reading from `source`.
    pub fn new(source: ManSource) -> ManLoader {
        ManLoader {
            source,
            wanted: None,
            requested: None,
            current: None,
            worker: None,
            language: Language::En,
        }
    }

    /// Asks for pages in `language` from now on (the page shown is fetched again).
    pub fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    /// Asks for `name`'s page at `width`; it arrives through [`ManLoader::poll`].
    pub fn want(&mut self, name: &str, width: u16, now: Instant) {
        let request = (name.to_string(), width, self.language);
        if self.wanted.as_ref().is_some_and(|(r, _)| *r == request) {
            return;
        }
        if let ManSource::Fixed(f) = &self.source {
            let text = f(name, width);
            self.current = Some((request.clone(), text));
        }
        self.wanted = Some((request, now));
    }

    /// Starts a settled request and collects finished pages; true when a page arrived.
    pub fn poll(&mut self, now: Instant) -> bool {
        let mut arrived = false;
        if let Some((_, rx)) = &self.worker {
            while let Ok((request, text)) = rx.try_recv() {
                self.current = Some((request, text));
                arrived = true;
            }
        }
        let Some((request, since)) = &self.wanted else {
            return arrived;
        };
        let have = self.current.as_ref().is_some_and(|(r, _)| r == request);
        let asked = self.requested.as_ref() == Some(request);
        if !have && !asked && now.duration_since(*since) >= SETTLE {
            let request = request.clone();
            self.send(request.clone());
            self.requested = Some(request);
        }
        arrived
    }

    /// The page of `name` if it is here (at whatever width it was asked).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.current
            .as_ref()
            .filter(|((n, ..), _)| n == name)
            .map(|(_, t)| t.as_str())
    }

    fn send(&mut self, request: Request) {
        let (tx, _) = self.worker.get_or_insert_with(|| {
            spawn_newest(|request: Request| {
                let page = man::page(&request.0, request.1, request.2);
                (request, page.text)
            })
        });
        let _ = tx.send(request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_pages_arrive_at_once() {
        let mut m = ManLoader::new(ManSource::Fixed(|n, w| format!("{n} at {w}")));
        assert_eq!(m.text("read"), None);
        m.want("read", 40, Instant::now());
        assert_eq!(m.text("read"), Some("read at 40"));
        assert_eq!(m.text("write"), None);
    }
}

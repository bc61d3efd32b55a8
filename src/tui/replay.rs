//! The last recorded run judged against the draft after every edit, off the UI thread (a
//! compile plus up to 100,000 emulated calls is too long for a keystroke). Results carry the
//! session generation and the recording they were computed for, as view 2's filter does.

use super::worker::Keyed;
use crate::compile::{CompileError, SharedDraft};
use crate::profile::{Profile, Target};
use crate::sandbox::replay::{replay, replay_compiled, Recording, Replay};
use std::sync::Arc;

/// A replay, or why the draft could not be compiled.
pub type Outcome = Result<Replay, CompileError>;

/// What a replay is for: the session generation and the recording's serial number.
pub type Key = (u64, u64);

/// The latest replay and the request in flight.
pub type ReplayLoader = Keyed<Key, (Profile, Target, Arc<Recording>, SharedDraft), Outcome>;

/// A loader that replays on its own thread.
pub fn replay_loader() -> ReplayLoader {
    Keyed::new(|(profile, target, recording, draft)| {
        // The draft's filter when view 2 or lint has compiled it already; else a compile for
        // the recording's architectures only, which is faster than the whole filter.
        match draft
            .ready()
            .then(|| draft.get(&profile, &target))
            .flatten()
        {
            Some(d) => replay_compiled(&recording, &d.compiled, &profile, &target),
            None => replay(&recording, &profile, &target),
        }
    })
}

//! What every drawing function reads besides its own pane: passed by reference, so a render
//! function takes the frame, its area, its pane's state and this, not six loose parameters.

use super::keymap::KeyMap;
use super::lesson::Lessons;
use super::man::ManLoader;
use super::session::Session;
use super::theme::Theme;

/// The read-only state a frame is drawn from.
#[derive(Clone, Copy)]
pub struct DrawCtx<'a> {
    /// The document and what is derived from it.
    pub session: &'a Session,
    /// The keys (hints name them as the user bound them).
    pub keymap: &'a KeyMap,
    /// The colours.
    pub theme: Theme,
    /// The lessons, in the editor's language (labels, the lesson followed).
    pub lessons: &'a Lessons,
    /// Man pages for view 1's detail pane.
    pub man: &'a ManLoader,
}

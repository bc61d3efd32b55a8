//! What the rest of the editor reads of view 2 (the lessons, the app, tests, benchmarks): the
//! view's fields stay its own.

use super::explain::{Call, ExplainPrompt};
use super::{BpfView, Rendering, Traced};
use crate::tui::preview::PreviewLoader;
use std::time::Duration;

impl BpfView {
    /// The compiled filter and the JSON, current or on their way.
    pub fn loader(&self) -> &PreviewLoader {
        &self.loader
    }

    /// Waits up to `timeout` for the filter asked for last; true when it is here.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        self.loader.wait(timeout)
    }

    /// What is shown.
    pub fn rendering(&self) -> Rendering {
        self.rendering
    }

    /// The traced call's path, for the filter it was traced in.
    pub fn traced(&self) -> Option<&Traced> {
        self.traced.as_ref()
    }

    /// The explain prompt while it is open.
    pub fn explain_prompt(&self) -> Option<&ExplainPrompt> {
        self.explain_input.as_ref()
    }

    /// A call typed in the explain prompt, traced instead of the followed one.
    pub fn explained(&self) -> Option<&Call> {
        self.explained.as_ref()
    }

    /// The text the rendering was last searched for.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// Whether the linear and tree layouts are compared above the listing.
    pub fn comparing(&self) -> bool {
        self.compare
    }

    /// Highlights the renderings or not (benchmarks compare with plain drawing).
    pub fn set_highlight(&mut self, on: bool) {
        self.highlight = on;
    }
}

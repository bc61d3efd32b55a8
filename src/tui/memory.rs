//! What the editor remembers between runs: whether the tour was seen, which actions it has
//! already explained, and the language chosen in view 5. A small line-based file in the state
//! folder.

use crate::lang::Language;
use crate::profile::Action;
use std::path::PathBuf;

/// Things learnt by the user, as far as the editor knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memory {
    file: Option<PathBuf>,
    /// The first-start tour was finished or dismissed.
    pub tour_done: bool,
    /// Actions whose one-line explanation was shown.
    pub explained: Vec<Action>,
    /// The run view has explained observed mode (after the first run).
    pub run_explained: bool,
    /// The language chosen in view 5 (None: never chosen, the locale decides).
    pub language: Option<Language>,
}

impl Memory {
    /// Reads the memory kept in `state` (nothing remembered when absent or unreadable).
    pub fn load(state: Option<PathBuf>) -> Memory {
        let file = state.map(|s| s.join("memory"));
        let text = file
            .as_ref()
            .and_then(|f| crate::profile::read_input_text(f).ok())
            .unwrap_or_default();
        let mut memory = Memory {
            file,
            ..Memory::default()
        };
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("explained", name)) => memory.explained.extend(Action::from_name(name)),
                Some(("language", tag)) => memory.language = Language::parse(tag),
                _ if line == "tour-done" => memory.tour_done = true,
                _ if line == "run-explained" => memory.run_explained = true,
                _ => {}
            }
        }
        memory
    }

    /// A memory that is never written anywhere (tests, benchmarks).
    pub fn in_memory(tour_done: bool) -> Memory {
        Memory {
            file: None,
            tour_done,
            explained: Vec::new(),
            run_explained: false,
            language: None,
        }
    }

    /// Records the language chosen, for the next start.
    pub fn choose_language(&mut self, language: Language) {
        if self.language != Some(language) {
            self.language = Some(language);
            self.store();
        }
    }

    /// Records that an action was explained; true when this is the first time.
    pub fn first_use(&mut self, action: Action) -> bool {
        if self.explained.contains(&action) {
            return false;
        }
        self.explained.push(action);
        self.store();
        true
    }

    /// Records that the tour is over.
    pub fn finish_tour(&mut self) {
        self.tour_done = true;
        self.store();
    }

    /// Records that observed mode was explained.
    pub fn finish_run_lesson(&mut self) {
        if !self.run_explained {
            self.run_explained = true;
            self.store();
        }
    }

    // Failing to remember is not worth interrupting anyone: the worst case is a repeated hint.
    fn store(&self) {
        let Some(file) = &self.file else { return };
        let mut text = String::new();
        if self.tour_done {
            text.push_str("tour-done\n");
        }
        if self.run_explained {
            text.push_str("run-explained\n");
        }
        for a in &self.explained {
            text.push_str(&format!("explained {}\n", a.name()));
        }
        if let Some(language) = self.language {
            text.push_str(&format!("language {}\n", language.tag()));
        }
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(file, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_across_loads() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Memory::load(Some(dir.path().to_path_buf()));
        assert!(!m.tour_done);
        assert!(m.first_use(Action::Log));
        assert!(!m.first_use(Action::Log));
        m.finish_tour();
        let again = Memory::load(Some(dir.path().to_path_buf()));
        assert!(again.tour_done);
        assert_eq!(again.explained, vec![Action::Log]);
        assert_eq!(again.language, None, "no language chosen yet");
    }

    #[test]
    fn remembers_the_language_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Memory::load(Some(dir.path().to_path_buf()));
        m.finish_tour();
        m.choose_language(Language::PtBr);
        let again = Memory::load(Some(dir.path().to_path_buf()));
        assert_eq!(again.language, Some(Language::PtBr));
        assert!(again.tour_done, "the other things remembered stay");
        let mut back = again;
        back.choose_language(Language::En);
        let last = Memory::load(Some(dir.path().to_path_buf()));
        assert_eq!(last.language, Some(Language::En));
    }
}

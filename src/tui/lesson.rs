//! The editor's side of the lessons: the language, the lesson being followed and the
//! chooser's keys (the snapshot of the editor the step engine checks is the app's: `app/snapshot.rs`).

use super::cursor::Cursor;
use super::keymap::Command;
use super::session::{Session, Tone};
use crate::learn::{self, Lesson, LessonSet, Progress, Snapshot};
use crate::profile::Edit;

/// The lessons in the editor's language and the one being followed.
pub struct Lessons {
    /// The lessons and interface strings, in the chosen language.
    pub set: &'static LessonSet,
    /// The lesson being followed, if any.
    pub progress: Option<Progress>,
}

impl Lessons {
    /// The lessons in `set`, none started.
    pub fn new(set: &'static LessonSet) -> Lessons {
        Lessons {
            set,
            progress: None,
        }
    }

    /// An interface string in the editor's language.
    pub fn ui(&self, key: &'static str) -> &str {
        self.set.ui(key)
    }

    /// The lesson followed and where the learner is in it.
    pub fn current(&self) -> Option<(usize, &Lesson, &Progress)> {
        let p = self.progress.as_ref()?;
        Some((p.lesson, self.set.lessons.get(p.lesson)?, p))
    }

    /// Starts lesson `index` on a session that already holds its profile; `runs` is how many
    /// runs view 3 made so far (they do not count for the lesson).
    pub fn begin(&mut self, index: usize, runs: usize) {
        self.progress = Some(Progress::new(index, runs));
    }

    /// Starts lesson `index` in a running editor: the lesson's profile replaces the document
    /// as one undoable edit.
    pub fn start(&mut self, index: usize, session: &mut Session, runs: usize) {
        let Some(lesson) = self.set.lessons.get(index) else {
            return;
        };
        match lesson.start.profile() {
            Ok(p) => {
                session.apply(&Edit::ReplaceAll(Box::new(p)));
                self.begin(index, runs);
                let n = (index + 1).to_string();
                session.origin = crate::tui::session::Began::Lesson(index + 1);
                let text = self
                    .set
                    .ui_with("panel.started", &[("n", &n), ("title", &lesson.title)]);
                session.say(text, Tone::Info);
            }
            Err(e) => session.say(format!("{}: {e}", lesson.id), Tone::Warning),
        }
    }

    /// Moves through the steps the state shows done; a message when some were.
    pub fn update(&mut self, snap: &Snapshot<'_>) -> Option<String> {
        let progress = self.progress.as_mut()?;
        let lesson = self.set.lessons.get(progress.lesson)?;
        if progress.update(lesson, snap) == 0 {
            return None;
        }
        let n = (progress.lesson + 1).to_string();
        Some(if progress.finished(lesson) {
            self.set
                .ui_with("panel.lesson_done", &[("n", &n), ("title", &lesson.title)])
        } else {
            let done = &lesson.steps[progress.step - 1].title;
            self.set.ui_with("panel.step_done", &[("step", done)])
        })
    }

    /// The chooser's rows: every lesson, then "stop" while one is followed.
    pub fn chooser_len(&self) -> usize {
        self.set.lessons.len() + usize::from(self.progress.is_some())
    }

    /// A cursor for the chooser, on the lesson followed (the next one once it is done).
    pub fn chooser_cursor(&self) -> Cursor {
        let mut cursor = Cursor::new(self.chooser_len());
        if let Some((i, lesson, p)) = self.current() {
            let next = if p.finished(lesson) { i + 1 } else { i };
            cursor.selected = next.min(self.set.lessons.len() - 1);
        }
        cursor
    }

    /// A command in the chooser; None closes it.
    pub fn chooser_key(
        &mut self,
        mut cursor: Cursor,
        command: Option<Command>,
        session: &mut Session,
        runs: usize,
    ) -> Option<Cursor> {
        match command {
            Some(Command::Apply) if cursor.selected < self.set.lessons.len() => {
                self.start(cursor.selected, session, runs);
                None
            }
            Some(Command::Apply) => {
                self.progress = None;
                None
            }
            Some(Command::Cancel | Command::Lessons) => None,
            Some(c) => {
                cursor.navigate(c);
                Some(cursor)
            }
            None => Some(cursor),
        }
    }
}

impl Default for Lessons {
    fn default() -> Self {
        Lessons::new(learn::fallback())
    }
}

//! The editor's side of the lessons: the language, the lesson being followed, the snapshot of
//! the editor's state that the step engine (`crate::learn`) checks, and the chooser's keys.

use super::component::Cursor;
use super::keymap::Command;
use super::session::{Session, Tone};
use super::views::bpf::BpfView;
use super::views::lint::LintView;
use super::views::run::{Phase, RunView};
use super::views::View;
use crate::learn::{self, Lesson, LessonSet, Pane, Progress, RunState, Snapshot, Traced};
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
                session.origin = format!("lesson {n}");
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

/// The editor's state as the steps see it.
pub fn snapshot<'a>(
    session: &'a Session,
    view: View,
    run: &'a RunView,
    lint: &'a LintView,
    bpf: &'a BpfView,
) -> Snapshot<'a> {
    let pane = match view {
        View::Syscalls => Pane::Syscalls,
        View::Bpf => Pane::Bpf,
        View::Run => Pane::Run,
        View::Lint => Pane::Lint,
        View::Settings => Pane::Settings,
    };
    let run_state = (run.runs() > 0).then(|| RunState {
        serial: run.runs(),
        command: run.ran(),
        mode: run.mode(),
        ended_ok: match run.phase() {
            Phase::Idle | Phase::Running => None,
            Phase::Finished { ok, .. } => Some(*ok),
            Phase::Failed(_) => Some(false),
        },
        stops: run.summary(),
        went_through: run.through(),
        output: run.screen_text(),
        current: run.ran_with() == Some(session.profile()),
    });
    let traced = bpf
        .traced()
        .filter(|t| t.generation == session.generation())
        .and_then(|t| {
            let e = t.result.as_ref().ok()?;
            Some(Traced {
                syscall: &t.call.name,
                action: e.action,
            })
        });
    let recording_stops = run.recorded().and_then(|rec| {
        match run.replay().current((session.generation(), rec.serial)) {
            Some(Ok(r)) => Some(r.stopped.len()),
            _ => None,
        }
    });
    Snapshot {
        profile: session.profile(),
        target: &session.target,
        pane,
        run: run_state,
        lint: lint.current(session).map(|r| r.findings.as_slice()),
        traced,
        layouts_compared: bpf.comparing(),
        recording_stops,
    }
}

//! View 3: run a command under the draft in a terminal inside the pane, see what the draft
//! stopped, fix the profile from there and run again; record a run to get a proposal, and
//! see after every edit what the last recorded run would now hit.

mod access;
pub mod command;
mod finish;
pub mod input;
mod keys;
pub mod proposal;
mod proposal_draw;
mod render;
mod stops;
mod target;
mod through;

pub use render::{render, render_stops_column};

use self::command::CommandLine;
use self::finish::failure_text;
use self::proposal::{proposal_loader, Proposal, ProposalLoader};
use crate::msg;
use crate::profile::{Action, Profile};
use crate::sandbox::replay::Recording;
use crate::sandbox::{summarize, Mode, StopSummary};
use crate::tui::cursor::Cursor;
use crate::tui::replay::{replay_loader, ReplayLoader};
use crate::tui::run_target::RunTarget;
use crate::tui::runner::{blank_screen, Runner, Screen, Update};
use crate::tui::session::{upper_first, Session, Tone};
use ratatui::layout::Rect;
use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// What has the keyboard in view 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The stops list (or the proposal): the editor's keys.
    Stops,
    /// The command line, being edited.
    Command,
    /// The running command's terminal: every key goes to the command.
    Terminal,
    /// The container DIR, being typed.
    Dir,
}

/// Where the pane is in a run's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Nothing has run yet.
    Idle,
    /// A command runs.
    Running,
    /// The last command ended: how, in words, and whether it succeeded.
    Finished {
        /// `exited with status 1`, `killed by SIGSYS: ...` (drawn in the language of the
        /// moment).
        cause: crate::i18n::Text,
        /// Exit status 0.
        ok: bool,
    },
    /// The command could not run: why.
    Failed(String),
}

/// The last recorded run, kept for replay.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Numbers recordings, so replays of an older one are never taken as current.
    pub serial: u64,
    /// The command line.
    pub command: String,
    /// Its distinct calls.
    pub calls: Arc<Recording>,
}

/// View 3's state.
pub struct RunView {
    /// The command line and its history.
    line: CommandLine,
    /// What has the keyboard.
    focus: Focus,
    /// Run with the exact filter instead of observing.
    enforce: bool,
    /// Where the last run is.
    phase: Phase,
    /// The mode of the last run.
    mode: Mode,
    /// The command line of the last run.
    ran: String,
    /// How many runs were started (numbers them on screen).
    runs: usize,
    /// The last run's terminal screen.
    screen: Screen,
    /// After a run: its emulation's "something new to draw" flag, while it catches up.
    catching_up: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// After a run: set when its emulation has parsed all of its output.
    parsed: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// The last run's stops, grouped by syscall.
    summary: Vec<StopSummary>,
    /// Observed mode: the last run's calls that went through to watched siblings of denied
    /// syscalls, grouped by syscall.
    through: Vec<StopSummary>,
    /// What the last observed run watched (lint's open siblings of its draft).
    open: Vec<crate::lint::OpenSibling>,
    /// Record mode: how many syscalls were seen so far.
    recorded_names: usize,
    /// The selected stop.
    cursor: Cursor,
    /// The proposal after a recording.
    proposal: Option<Proposal>,
    /// A recording ended and its proposal is being worked out.
    proposing: bool,
    /// Works out proposals off the UI thread.
    proposer: ProposalLoader,
    /// The last recorded run.
    recorded: Option<Recorded>,
    /// The last recording judged against the draft.
    replay: ReplayLoader,
    /// The size of the terminal area last drawn (rows, columns).
    size: (u16, u16),
    /// Where the terminal was last drawn (for the mouse wheel).
    terminal_area: Rect,
    /// How many lines back through the output the terminal shows (0: the live screen).
    scrolled: usize,
    /// The profile the last run used (for the rules' places).
    ran_with: Option<Profile>,
    runner: Option<Runner>,
    /// Whether an observed run of the draft as it stands would need a tracer (true until its
    /// observation is known), for the mode shown before a run where tracing is refused.
    draft_traced: bool,
    /// Where commands run: the host, or a container.
    target: target::Target,
}

impl RunView {
    /// The view, with the command history kept in `history` and the container DIRs of
    /// profiles in `container_dirs` (None: not kept).
    pub fn new(history: Option<PathBuf>, container_dirs: Option<PathBuf>) -> RunView {
        RunView {
            line: CommandLine::load(history),
            focus: Focus::Stops,
            enforce: false,
            phase: Phase::Idle,
            mode: Mode::Observe,
            ran: String::new(),
            runs: 0,
            screen: blank_screen(20, 80),
            catching_up: None,
            parsed: None,
            summary: Vec::new(),
            through: Vec::new(),
            open: Vec::new(),
            recorded_names: 0,
            cursor: Cursor::new(0),
            proposal: None,
            proposing: false,
            proposer: proposal_loader(),
            recorded: None,
            replay: replay_loader(),
            size: (20, 80),
            terminal_area: Rect::default(),
            scrolled: 0,
            ran_with: None,
            runner: None,
            draft_traced: true,
            target: target::Target::new(container_dirs),
        }
    }

    /// Whether an observed run of the session's draft needs a tracer (its filter can TRAP or
    /// KILL); true while that is unknown (the draft does not compile: the run says why).
    fn needs_tracer(&self, session: &Session) -> bool {
        let (profile, target) = (session.profile(), &session.target);
        let draft = session.compiled().get(profile, target).map(|d| &d.compiled);
        let observation = session.observation().get(profile, target, draft);
        observation.is_none_or(|o| o.traced())
    }

    /// Whether a command is running.
    pub fn is_running(&self) -> bool {
        self.runner.is_some()
    }

    /// When the running command was started; None when none runs.
    pub fn running_since(&self) -> Option<std::time::Instant> {
        self.runner.as_ref().map(Runner::started)
    }

    /// Starts the command line's command under the session's draft.
    pub fn start(&mut self, mode: Mode, session: &mut Session) {
        if self.runner.is_some() {
            session.say(msg!("ed-run-still-running"), Tone::Warning);
            return;
        }
        let container = match &self.target.current {
            RunTarget::Container(dir) => Some(dir.clone()),
            RunTarget::Host => None,
        };
        // A container run needs neither ptrace nor the host's notification probe: the runtime
        // loads the filter, and says so when it cannot.
        let available = match container {
            Some(_) => Ok((mode, None)),
            None => {
                let traced = mode == Mode::Observe && self.needs_tracer(session);
                crate::sandbox::support::available_mode(mode, traced)
            }
        };
        let mode = match available {
            Ok((mode, fell_back)) => {
                if let Some(why) = fell_back {
                    self.enforce = true;
                    session.say(upper_first(&why.local()), Tone::Warning);
                }
                mode
            }
            Err(why) => {
                session.say(upper_first(&why.local()), Tone::Warning);
                return;
            }
        };
        let words = match self.line.words() {
            Ok(w) => w,
            Err(e) => {
                session.say(e, Tone::Warning);
                self.focus = Focus::Command;
                return;
            }
        };
        self.line.remember();
        self.ran = self.line.input.text().trim().to_string();
        self.runs += 1;
        self.mode = mode;
        self.summary.clear();
        self.target.in_start_up.clear();
        self.target.runtime = container
            .as_ref()
            .and_then(|_| crate::tui::run_target::container_runtime().ok());
        // Recording lets everything through: the draft plays no part until the proposal.
        let allow_all = Profile::new(Action::Allow);
        let (profile, compiled, observation) = match mode {
            Mode::Record => (&allow_all, None, None),
            // The filter view 2 and lint compiled for this very draft, and what lint's worker
            // readied for observing it (or made here, once, for them too).
            _ => {
                let (profile, target) = (session.profile(), &session.target);
                let draft = session.compiled().get(profile, target).map(|d| &d.compiled);
                let observation = (mode == Mode::Observe)
                    .then(|| session.observation().get(profile, target, draft))
                    .flatten();
                (profile, draft.cloned(), observation)
            }
        };
        self.watch(observation.as_deref());
        self.recorded_names = 0;
        self.cursor = Cursor::new(0);
        self.proposal = None;
        self.proposing = false;
        self.screen = blank_screen(self.size.0, self.size.1);
        self.scrolled = 0;
        self.ran_with = Some(session.profile().clone());
        let argv: Vec<OsString> = words.into_iter().map(OsString::from).collect();
        let screen = self.screen.clone();
        let started = match &container {
            Some(dir) => {
                let how = (mode, dir.as_path());
                Runner::start_container(profile, &session.target, &argv, how, screen, compiled)
            }
            None => {
                let known = (compiled, observation);
                Runner::start(profile, &session.target, &argv, mode, screen, known)
            }
        };
        match started {
            Ok(r) => {
                self.runner = Some(r);
                self.phase = Phase::Running;
                self.focus = Focus::Terminal;
            }
            Err(e) => self.phase = Phase::Failed(failure_text(&e, session)),
        }
    }

    /// Takes in what the run did since the last call, and keeps the replay current; true
    /// when the screen needs drawing.
    pub fn tick(&mut self, session: &mut Session) -> bool {
        let traced = session.observation().peek().is_none_or(|o| o.traced());
        let mut changed = traced != self.draft_traced;
        self.draft_traced = traced;
        let updates = match &mut self.runner {
            Some(r) => {
                changed |= r.take_fresh();
                r.poll()
            }
            None => {
                // The last run's screen may still be catching up with its output.
                if let Some(fresh) = &self.catching_up {
                    changed |= fresh.swap(false, std::sync::atomic::Ordering::AcqRel);
                }
                Vec::new()
            }
        };
        for update in updates {
            changed = true;
            match update {
                Update::Stop(_, _) if self.mode == Mode::Record => {
                    self.recorded_names += 1;
                }
                Update::Stop(s, _) if self.take_through(&s) => {}
                Update::Stop(s, phase) => {
                    self.target.note(&s, phase);
                    summarize(&mut self.summary, &s);
                    self.cursor.len = self.summary.len();
                }
                Update::Done(result) => self.finish(result, session),
            }
        }
        if let Some(rec) = &self.recorded {
            let key = (session.generation(), rec.serial);
            self.replay.want(key, || {
                (
                    session.profile().clone(),
                    session.target.clone(),
                    Arc::clone(&rec.calls),
                    session.compiled().clone(),
                )
            });
            changed |= self.replay.poll();
        }
        changed |= self.keep_proposal_current(session);
        changed
    }

    /// Waits up to `patience` for the running command to end, taking in what it did (tests,
    /// which need a settled screen); true when it ended.
    pub fn wait(&mut self, session: &mut Session, patience: Duration) -> bool {
        let deadline = std::time::Instant::now() + patience;
        let parsed = |v: &RunView| {
            v.parsed
                .as_ref()
                .is_none_or(|p| p.load(std::sync::atomic::Ordering::Acquire))
        };
        while (self.runner.is_some() || !parsed(self)) && std::time::Instant::now() < deadline {
            self.tick(session);
            std::thread::sleep(Duration::from_millis(5));
        }
        self.tick(session);
        self.runner.is_none()
    }

    /// Ends the running command and its whole process tree, and takes in how it ended.
    pub fn end_run(&mut self, session: &mut Session) {
        if let Some(r) = &mut self.runner {
            match r.end(Duration::from_secs(5)) {
                Some(result) => self.finish(result, session),
                None => self.runner = None,
            }
        }
    }

    /// The profile the last run used.
    pub fn ran_with(&self) -> Option<&Profile> {
        self.ran_with.as_ref()
    }

    /// The selected stop.
    pub fn selected(&self) -> Option<&StopSummary> {
        self.summary.get(self.cursor.selected)
    }
}

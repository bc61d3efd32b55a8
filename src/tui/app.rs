//! The application state and its update: keys and mouse in, document edits and view changes
//! out. Drawing lives in `draw`, which only reads the state (apart from scroll bookkeeping);
//! the windows that take the keys while open, and saving, live in `modal`.

use super::component::Jump;
use super::component::{Component, Handled, Intent};
use super::cursor::Cursor;
use super::dirs::Dirs;
use super::keymap::{Command, Context, KeyMap};
use super::lesson::Lessons;
use super::man::{ManLoader, ManSource};
use super::memory::Memory;
use super::prompt::{Prompt, PromptKind};
use super::recovery::{Origin, Recovery};
use super::session::{Session, Tone};
use super::theme::Theme;
use super::views::bpf::BpfView;
use super::views::lint::LintView;
use super::views::rules::RuleEditor;
use super::views::run::RunView;
use super::views::settings::SettingsView;
use super::views::syscalls::SyscallsView;
use super::views::View;
use super::widgets::dialog::Dialog;
use super::widgets::usage::UsagePanel;
use crate::catalog::{Catalog, Language};
use crate::learn;
use crate::profile::starters::STARTERS;
use crate::profile::{self, Profile, Target};
use ratatui::crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Position;
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod modal;
mod snapshot;

pub use modal::ANSWER_AFTER_QUIET;

/// A window over the views that takes the keys while it is open.
pub enum Modal {
    /// The key help, scrolled by this many lines.
    Help(u16),
    /// The first-start tour, at this page.
    /// A one-line question.
    Prompt(Prompt),
    /// A question with a few answers.
    Dialog(Dialog),
    /// The rule editor.
    Rules(Box<RuleEditor>),
    /// The lesson chooser.
    Lessons(Cursor),
    /// The lines that apply the profile (Docker, Kubernetes, systemd, bubblewrap).
    Usage(Box<UsagePanel>),
    /// The starter picker.
    Starters(Cursor),
}

/// Everything the app is started with that tests and benchmarks replace.
pub struct Options {
    /// What the profile is evaluated for.
    pub target: Target,
    /// What the user was already taught.
    pub memory: Memory,
    /// The keys.
    pub keymap: KeyMap,
    /// The colours.
    pub theme: Theme,
    /// Where man pages come from.
    pub man: ManSource,
    /// Where unsaved changes are kept.
    pub recovery: Recovery,
    /// Where the run view keeps its command history (None: not kept).
    pub run_history: Option<PathBuf>,
    /// Where the run view keeps each profile's container DIR (None: not kept).
    pub container_dirs: Option<PathBuf>,
}

impl Options {
    /// Options for a user's real session on `document`: their folders, keys and this machine.
    /// Returns also a problem with their keys.toml, if any.
    pub fn for_user(origin: Origin) -> (Options, Option<String>) {
        let dirs = Dirs::of_user();
        let user_keys = dirs
            .user_keys()
            .and_then(|p| crate::profile::read_input_text(&p).ok());
        let (keymap, problem) = match KeyMap::with_overrides(user_keys.as_deref()) {
            Ok(k) => (k, None),
            Err(e) => (
                KeyMap::builtin(),
                Some(crate::msg!("ed-keys-ignored", why = e.to_string())),
            ),
        };
        let options = Options {
            target: Target::host(),
            memory: Memory::load(dirs.state.clone()),
            keymap,
            theme: Theme::from_env(),
            man: ManSource::System,
            recovery: Recovery::for_origin(dirs.state.as_deref(), origin),
            run_history: dirs.state.as_ref().map(|s| s.join("run-history")),
            container_dirs: dirs.state.as_ref().map(|s| s.join("container-dirs.json")),
        };
        (options, problem)
    }
}

/// The editor.
pub struct App {
    /// The document and what is derived from it.
    pub session: Session,
    /// The keys.
    pub keymap: KeyMap,
    /// The colours.
    pub theme: Theme,
    /// The view in the body.
    pub view: View,
    /// View 1.
    pub syscalls: SyscallsView,
    /// View 2.
    pub bpf: BpfView,
    /// View 3.
    pub run: RunView,
    /// View 1 shows the run's stops beside the list (on wide terminals).
    pub run_beside: bool,
    /// View 4 (its findings are counted in the title bar on every view).
    pub lint: LintView,
    /// View 5.
    pub settings: SettingsView,
    /// The open window, if any.
    pub modal: Option<Modal>,
    /// Man pages for the detail pane.
    pub man: ManLoader,
    /// The recovery file.
    pub recovery: Recovery,
    /// The lessons, in the editor's language, and the one followed.
    pub lessons: Lessons,
    /// Set when the app should end.
    pub quit: bool,
    quit_after_save: bool,
    /// Whether the first-run tour shows, beside whatever view is open (it takes no keys).
    pub tour: bool,
    /// Where the keyboard was when `?` opened the help: its keys come first there.
    help_from: &'static [Context],
}

impl App {
    /// The editor on a profile; `path` None is the built-in profile.
    pub fn new(profile: Profile, path: Option<PathBuf>, options: Options) -> App {
        let mut session = Session::new(profile, path, options.target, options.memory);
        session.deny_siblings_key = options
            .keymap
            .key_for(Context::Actions, Command::DenySiblings)
            .to_string();
        let syscalls = SyscallsView::new(&session);
        let mut app = App {
            session,
            keymap: options.keymap,
            theme: options.theme,
            view: View::Syscalls,
            syscalls,
            bpf: BpfView::default(),
            run: RunView::new(options.run_history, options.container_dirs),
            run_beside: false,
            lint: LintView::default(),
            settings: SettingsView::default(),
            modal: None,
            man: ManLoader::new(options.man),
            recovery: options.recovery,
            lessons: Lessons::default(),
            quit: false,
            quit_after_save: false,
            tour: false,
            help_from: &[],
        };
        app.modal = app.recovery_offer();
        app.tour = !app.session.memory.tour_done;
        app
    }

    /// A recovery file that differs from what was opened, as a question.
    fn recovery_offer(&mut self) -> Option<Modal> {
        let text = self.recovery.pending()?;
        let recovered = profile::parse(&text, &Catalog).profile?;
        let same = profile::to_canonical_string(&recovered)
            == profile::to_canonical_string(self.session.profile());
        (!same).then(|| {
            Modal::Dialog(Dialog::Recover {
                profile: Box::new(recovered),
                quiet_since: std::time::Instant::now(),
            })
        })
    }

    /// Where the keyboard was when the help opened (its keys are listed first).
    pub fn help_from(&self) -> &'static [Context] {
        self.help_from
    }

    /// The key contexts where the focus is (for dispatch and the status hints).
    pub fn contexts(&self) -> &'static [Context] {
        match &self.modal {
            Some(Modal::Rules(r)) => r.contexts(),
            Some(_) => &[Context::Dialog],
            None => self.focused().contexts(),
        }
    }

    /// The view in the body, as the component the app talks to.
    pub fn focused(&self) -> &dyn Component {
        match self.view {
            View::Syscalls => &self.syscalls,
            View::Bpf => &self.bpf,
            View::Run => &self.run,
            View::Lint => &self.lint,
            View::Settings => &self.settings,
        }
    }

    /// The view in the body and the session it edits.
    fn focused_mut(&mut self) -> (&mut dyn Component, &mut Session) {
        let view: &mut dyn Component = match self.view {
            View::Syscalls => &mut self.syscalls,
            View::Bpf => &mut self.bpf,
            View::Run => &mut self.run,
            View::Lint => &mut self.lint,
            View::Settings => &mut self.settings,
        };
        (view, &mut self.session)
    }

    /// A bracketed paste: into the text field that has the keyboard, or nowhere (a paste is
    /// never taken for keys, so its letters and line breaks run no command).
    pub fn paste(&mut self, text: &str) {
        let taken = match &mut self.modal {
            Some(Modal::Prompt(prompt)) => {
                prompt.input.paste(text);
                true
            }
            Some(Modal::Rules(editor)) => editor.paste(text),
            Some(_) => false,
            None => {
                let (view, session) = self.focused_mut();
                view.paste(text, session)
            }
        };
        if !taken {
            self.session
                .say(crate::msg!("ed-paste-nowhere"), Tone::Info);
        }
    }

    /// Reacts to a key press.
    pub fn key(&mut self, key: KeyEvent) {
        let before = self.syscalls.selected().map(|s| s.name());
        self.session.status = None;
        if let Some(modal) = self.modal.take() {
            self.modal = self.modal_key(modal, &key);
        } else if let Some(contexts) = self.focused().typing() {
            let command = self.keymap.command(&key, contexts);
            let (view, session) = self.focused_mut();
            let handled = view.typing_key(&key, command, session);
            self.apply(handled);
        } else if let Some(command) = self.keymap.command(&key, self.contexts()) {
            self.command(command);
        }
        if self.syscalls.selected().map(|s| s.name()) != before {
            self.session.lesson = None;
        }
        self.syscalls.want_man(&mut self.man, Instant::now());
        self.sync_bpf();
        self.lint.sync(&self.session);
        self.check_lesson();
    }

    /// Shows the lessons, the catalog's texts (summaries, risk reasons, categories, groups) and
    /// the messages this thread draws in `language`; the lesson followed, if any, goes on in it.
    /// (The binary sets the process's language once at start too: `i18n::set_language`.)
    pub fn set_language(&mut self, language: Language) {
        crate::i18n::set_thread_language(language);
        self.session.language = language;
        self.man.set_language(language);
        self.lessons.set = learn::lessons_in(language);
        self.syscalls.relabel(&self.session);
    }

    /// Starts lesson `index` on the document as it is (the lesson's own profile), in place of
    /// the first-start tour.
    pub fn begin_lesson(&mut self, index: usize) {
        self.lessons.begin(index, self.run.runs());
        self.tour = false; // the lesson's panel takes over from the tour
        self.check_lesson();
    }

    /// Moves the lesson followed through the steps the editor's state shows done; true when
    /// it moved.
    fn check_lesson(&mut self) -> bool {
        if self.lessons.progress.is_none() {
            return false;
        }
        let snap = snapshot::snapshot(&self.session, self.view, &self.run, &self.lint, &self.bpf);
        let news = self.lessons.update(&snap);
        drop(snap);
        match news {
            Some(text) => {
                // After what the key did, not instead of it.
                let text = match self.session.status.take() {
                    Some((before, _)) => format!("{before} · {text}"),
                    None => text,
                };
                self.session.say(text, Tone::Good);
                true
            }
            None => false,
        }
    }

    /// Offers a command to the view, then to the app's own keys.
    fn command(&mut self, command: Command) {
        let (view, session) = self.focused_mut();
        let handled = view.handle(command, session);
        if let Handled::NotConsumed = handled {
            self.global(command);
        } else {
            self.apply(handled);
        }
    }

    /// Carries out what a view asked for: the one place views reach beyond themselves.
    fn apply(&mut self, handled: Handled) {
        let Handled::Consumed(Some(intent)) = handled else {
            return;
        };
        match intent {
            Intent::OpenRules(syscall) => {
                let editor = RuleEditor::new(syscall, &self.session);
                self.modal = Some(Modal::Rules(Box::new(editor)));
            }
            Intent::RuleForCall(syscall, args) => {
                let editor = RuleEditor::for_call(syscall, &args, &self.session);
                self.modal = Some(Modal::Rules(Box::new(editor)));
            }
            Intent::Jump(jump) => self.jump(jump),
            Intent::Prompt(kind) => self.open_prompt(kind),
            Intent::ShowInBpf => {
                self.bpf.show_syscall();
                self.view = View::Bpf;
            }
            Intent::SetLanguage(language) => {
                self.set_language(language);
                self.session.memory.choose_language(language);
                let text = crate::msg!("ed-language-chosen", language = language.name());
                self.session.say(text, Tone::Info);
            }
        }
    }

    /// Goes where a finding points: its syscall in view 1, or the rule editor for it.
    fn jump(&mut self, jump: Jump) {
        let (Jump::Syscall(s) | Jump::Rules(s)) = jump;
        self.view = View::Syscalls;
        self.syscalls.go_to(s, &self.session);
        if let Jump::Rules(s) = jump {
            let editor = RuleEditor::new(s, &self.session);
            self.modal = Some(Modal::Rules(Box::new(editor)));
        }
    }

    fn open_prompt(&mut self, kind: PromptKind) {
        self.modal = Some(Modal::Prompt(Prompt::new(kind, &self.session)));
    }

    fn global(&mut self, command: Command) {
        match command {
            Command::ViewSyscalls => self.view = View::Syscalls,
            Command::ViewBpf => self.view = View::Bpf,
            Command::ViewRun => self.view = View::Run,
            Command::ViewLint => self.view = View::Lint,
            Command::ViewSettings => self.view = View::Settings,
            Command::Search => {
                self.view = View::Syscalls;
                self.syscalls.handle(Command::Search, &mut self.session);
            }
            Command::Undo => self.session.undo(),
            Command::Redo => self.session.redo(),
            Command::Save => self.save(),
            Command::ToggleTheme => self.theme = self.theme.toggled(),
            Command::Help => {
                self.help_from = self.contexts();
                self.modal = Some(Modal::Help(0));
            }
            Command::Lessons => self.modal = Some(Modal::Lessons(self.lessons.chooser_cursor())),
            Command::CloseTour if self.tour => {
                self.tour = false;
                self.session.memory.finish_tour();
            }
            Command::Starters => self.modal = Some(Modal::Starters(Cursor::new(STARTERS.len()))),
            Command::Usage => {
                let panel = UsagePanel::new(&self.session, &self.lessons, self.theme);
                self.modal = Some(Modal::Usage(Box::new(panel)));
            }
            Command::ToggleRunStops => self.run_beside = !self.run_beside,
            Command::Quit => {
                if self.run.is_running() {
                    self.modal = Some(Modal::Dialog(Dialog::StopRun));
                } else if self.session.doc.is_modified() {
                    self.modal = Some(Modal::Dialog(Dialog::Quit));
                } else {
                    self.quit = true;
                }
            }
            _ => {}
        }
    }

    /// Reacts to the mouse: a click selects, the wheel scrolls.
    pub fn mouse(&mut self, event: MouseEvent) {
        let at = Position::new(event.column, event.row);
        match (&mut self.modal, event.kind) {
            (Some(Modal::Help(scroll)), MouseEventKind::ScrollDown) => *scroll += 3,
            (Some(Modal::Help(scroll)), MouseEventKind::ScrollUp) => {
                *scroll = scroll.saturating_sub(3)
            }
            (Some(_), _) => {}
            (None, kind) => {
                let (view, session) = self.focused_mut();
                view.mouse(at, kind, session);
            }
        }
        self.syscalls.want_man(&mut self.man, Instant::now());
        self.sync_bpf();
        self.lint.sync(&self.session);
        self.check_lesson();
    }

    /// Keeps view 2 on the current document and target while it is shown (nothing is
    /// compiled for a view nobody looks at); true when a compiled filter arrived.
    fn sync_bpf(&mut self) -> bool {
        if self.view != View::Bpf {
            return false;
        }
        let selected = self.syscalls.selected().map(|s| s.name());
        self.bpf.sync(&self.session, selected)
    }

    /// Whether view 2 is shown and waits for its filter.
    pub fn compiling(&self) -> bool {
        self.view == View::Bpf && !self.bpf.loader().is_done()
    }

    /// Waits up to `timeout` for view 2's filter to arrive and takes it in; true when it did
    /// (tests and benchmarks, which need a settled screen).
    pub fn wait_for_filter(&mut self, timeout: Duration) -> bool {
        self.sync_bpf();
        let done = self.bpf.wait(timeout);
        self.sync_bpf();
        done
    }

    /// Waits up to `timeout` for the findings about the current draft; true when they are
    /// here (tests, which need a settled title bar and view 4).
    pub fn wait_for_lint(&mut self, timeout: Duration) -> bool {
        self.lint.wait(&self.session, timeout)
    }

    /// Time passing: man pages and compiled filters arrive, unsaved changes go to the
    /// recovery file. Returns whether the screen needs drawing again.
    pub fn tick(&mut self, now: Instant) -> bool {
        self.syscalls.want_man(&mut self.man, now);
        let arrived = self.man.poll(now)
            | self.sync_bpf()
            | self.run.tick(&mut self.session)
            | self.lint.sync(&self.session);
        let arrived = arrived | self.check_lesson();
        let profile = self.session.profile();
        self.recovery.track(
            self.session.doc.is_modified(),
            self.session.generation(),
            || profile::to_canonical_string(profile),
            now,
        );
        arrived
    }

    /// Writes the recovery file at once (before an exit that is not a clean quit).
    pub fn flush_recovery(&mut self) {
        if self.session.doc.is_modified() {
            let text = profile::to_canonical_string(self.session.profile());
            self.recovery.write(text);
        }
    }
}

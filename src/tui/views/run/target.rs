//! View 3's target: on this machine, or in a container made from a DIR. One key switches;
//! switching to a container asks for the DIR (offering the one last used with the profile),
//! and a container run adds what the runtime says: the phase of each stop, its own failures.

use super::{Focus, RunView};
use crate::i18n::Text;
use crate::sandbox::container::{ContainerFinished, Phase};
use crate::sandbox::Stop;
use crate::tui::ctx::DrawCtx;
use crate::tui::input::TextInput;
use crate::tui::keymap::{Command, Context};
use crate::tui::run_target::{container_dir, container_runtime, ContainerDirs, RunTarget};
use crate::tui::session::{upper_first, Session, Tone};
use crate::{msg, text};
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::{Line, Span};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Where view 3 runs commands, and what the last container run said.
#[derive(Debug, Default)]
pub struct Target {
    /// Where the next run goes.
    pub(super) current: RunTarget,
    /// The DIR last used with each profile.
    dirs: ContainerDirs,
    /// The DIR being typed, and why the last answer was refused.
    pub(super) asking: Option<(TextInput, Option<String>)>,
    /// The syscalls the last container run stopped in the runtime's own start-up.
    pub(super) in_start_up: BTreeSet<String>,
    /// The runtime of the last container run (`runc`).
    pub(super) runtime: Option<&'static str>,
    /// Why the last switch to a container could not be (no runtime, no user namespaces).
    unavailable: Option<String>,
}

impl Target {
    /// On this machine, with the DIRs kept in `file` (None: not kept).
    pub fn new(file: Option<PathBuf>) -> Target {
        Target {
            dirs: ContainerDirs::load(file),
            ..Target::default()
        }
    }

    /// Notes the phase of a stop of a container run.
    pub(super) fn note(&mut self, stop: &Stop, phase: Option<Phase>) {
        if phase == Some(Phase::Runtime) {
            self.in_start_up.insert(
                stop.name
                    .map_or_else(|| stop.nr.to_string(), str::to_string),
            );
        }
    }
}

impl RunView {
    /// Where commands run, for the status bar: `target: host`, `target: container DIR`.
    pub fn target_label(&self) -> String {
        match &self.target.current {
            RunTarget::Host => msg!("ed-target-host"),
            RunTarget::Container(dir) => {
                msg!("ed-target-container", dir = dir.display().to_string())
            }
        }
    }

    /// The target key: back to the host, or (when a runtime is usable) the prompt for the DIR.
    pub(super) fn toggle_target(&mut self, session: &mut Session) {
        if let RunTarget::Container(_) = self.target.current {
            self.target.current = RunTarget::Host;
            session.say(msg!("ed-target-now-host"), Tone::Info);
            return;
        }
        if let Err(why) = container_runtime() {
            session.say(
                msg!("ed-target-stays-host-why", why = why.as_str()),
                Tone::Warning,
            );
            self.target.unavailable = Some(why);
            return;
        }
        self.target.unavailable = None;
        let offered = self
            .target
            .dirs
            .get(session.path.as_deref())
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.target.asking = Some((TextInput::new(&offered), None));
        self.focus = Focus::Dir;
    }

    /// A key while the DIR is typed: enter checks it and switches, esc leaves the host.
    pub(super) fn dir_key(
        &mut self,
        key: &KeyEvent,
        command: Option<Command>,
        session: &mut Session,
    ) {
        let Some((input, refused)) = &mut self.target.asking else {
            self.focus = Focus::Stops;
            return;
        };
        match command {
            Some(Command::Apply) => match container_dir(input.text()) {
                Ok(dir) => {
                    let runtime = container_runtime().unwrap_or("runc");
                    session.say(
                        msg!(
                            "ed-target-now-container",
                            dir = dir.display().to_string(),
                            runtime = runtime
                        ),
                        Tone::Info,
                    );
                    self.target.dirs.remember(session.path.as_deref(), &dir);
                    self.target.current = RunTarget::Container(dir);
                    self.target.asking = None;
                    self.focus = Focus::Stops;
                }
                Err(why) => {
                    session.say(why.clone(), Tone::Warning);
                    *refused = Some(why);
                }
            },
            Some(Command::Cancel) => {
                self.target.asking = None;
                self.focus = Focus::Stops;
                session.say(msg!("ed-target-stays-host"), Tone::Info);
            }
            _ => {
                input.edit(key);
            }
        }
    }

    /// A pasted DIR.
    pub(super) fn paste_dir(&mut self, text: &str) {
        if let Some((input, _)) = &mut self.target.asking {
            input.paste(text.trim());
        }
    }

    /// How a container run ended, in the words of the pane's state line (None: as on the
    /// host); says the run's notes.
    pub(super) fn container_cause(
        &mut self,
        f: &ContainerFinished,
        session: &mut Session,
    ) -> Option<Text> {
        let name = f.runtime.kind.name();
        self.target.runtime = Some(name);
        let mut notes: Vec<String> = f.notes.iter().map(|n| n.local()).collect();
        if !self.target.in_start_up.is_empty() && !f.no_new_privileges {
            notes.push(msg!("ed-target-nnp-off", runtime = name));
        }
        if !notes.is_empty() {
            session.say(upper_first(&notes.join("; ")), Tone::Info);
        }
        if let Some(why) = f.never_connected_reason() {
            return Some(text!("ed-target-nothing-observed", why = why.to_string()));
        }
        let error = f.runtime_error.as_ref()?;
        let needed: Vec<&str> = self.target.in_start_up.iter().map(String::as_str).collect();
        Some(if needed.is_empty() {
            text!(
                "ed-target-did-not-start",
                runtime = name,
                error = error.to_string()
            )
        } else {
            text!(
                "ed-target-init-needed",
                runtime = name,
                names = needed.join(", "),
                error = error.to_string()
            )
        })
    }
}

/// The target line of view 3's header.
pub(super) fn target_line(view: &RunView, cx: &DrawCtx) -> Line<'static> {
    let theme = cx.theme;
    let key = cx.keymap.key_for(Context::Run, Command::ToggleTarget);
    if let Some((input, refused)) = &view.target.asking {
        let mut spans = vec![Span::styled(
            format!("{} ", crate::msg!("run-target-ask")),
            theme.accent(),
        )];
        spans.extend(input.spans(theme.text(), true).spans);
        let after = match refused {
            Some(why) => Span::styled(format!("   {why}"), theme.warning()),
            None => Span::styled(
                format!("   {}", crate::msg!("run-target-ask-keys")),
                theme.dim(),
            ),
        };
        spans.push(after);
        return Line::from(spans);
    }
    let (target, other) = match &view.target.current {
        RunTarget::Host => (
            crate::msg!("run-target-host"),
            crate::msg!("run-target-switch-container"),
        ),
        RunTarget::Container(dir) => (
            crate::msg!("run-target-container", dir = dir.display().to_string()),
            crate::msg!("run-target-switch-host"),
        ),
    };
    let mut spans = vec![
        Span::styled(format!("{} ", crate::msg!("run-target")), theme.dim()),
        Span::styled(target, theme.accent()),
    ];
    match &view.target.unavailable {
        // The whole reason, which the status bar may have to shorten.
        Some(why) => spans.push(Span::styled(
            format!(
                "   {}",
                crate::msg!("run-target-unavailable", why = why.as_str())
            ),
            theme.warning(),
        )),
        None => spans.push(Span::styled(format!("   {key} {other}"), theme.dim())),
    }
    Line::from(spans)
}

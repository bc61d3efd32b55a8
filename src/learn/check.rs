//! What a step checks, and the state it checks it on: a plain snapshot of the editor (the
//! profile and target, the view shown, the last run, lint's findings, the traced call).

use crate::bpf::RetAction;
use crate::catalog::parse_call;
use crate::lint::{Finding, LintId};
use crate::profile::{policy, Action, Policy, Profile, Target};
use crate::sandbox::{Mode, StopSummary};
use serde::Deserialize;

/// The editor's views, as lessons name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    /// View 1.
    Syscalls,
    /// View 2.
    Bpf,
    /// View 3.
    Run,
    /// View 4.
    Lint,
    /// View 5.
    Settings,
}

/// An action as lessons name it (`errno`, `allow`...), by its effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionWord {
    /// The call goes through (ALLOW or LOG).
    Allow,
    /// The call fails with an errno.
    Errno,
    /// The process or thread is killed.
    Kill,
    /// SIGSYS.
    Trap,
    /// Another process decides (TRACE, NOTIFY).
    Other,
}

impl ActionWord {
    /// The word for a profile action.
    pub fn of(action: Action) -> ActionWord {
        match action.semantic() {
            Action::Allow | Action::Log => ActionWord::Allow,
            Action::Errno => ActionWord::Errno,
            Action::Kill | Action::KillThread | Action::KillProcess => ActionWord::Kill,
            Action::Trap => ActionWord::Trap,
            Action::Trace | Action::Notify => ActionWord::Other,
        }
    }

    /// The word for what a filter returned.
    pub fn of_ret(action: RetAction) -> ActionWord {
        match action {
            RetAction::Allow | RetAction::Log => ActionWord::Allow,
            RetAction::Errno(_) => ActionWord::Errno,
            RetAction::KillProcess | RetAction::KillThread | RetAction::Unknown(_) => {
                ActionWord::Kill
            }
            RetAction::Trap(_) => ActionWord::Trap,
            RetAction::Trace(_) | RetAction::UserNotif => ActionWord::Other,
        }
    }
}

/// How a run ended, as lessons ask about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Exit status 0.
    Success,
    /// Anything else: a status, a signal, not started.
    Failure,
}

/// What a step asks of the last run. Every field given must hold; the run must have ended,
/// and have started after the lesson did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunCheck {
    /// The program (its file name: `mkdir` matches `/bin/mkdir teste`).
    pub program: Option<String>,
    /// The mode it ran in: `observe`, `enforce` or `record`.
    #[serde(default, deserialize_with = "mode")]
    pub mode: Option<Mode>,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Text its terminal shows.
    pub output: Option<String>,
    /// Syscalls the draft stopped during the run.
    #[serde(default)]
    pub stopped: Vec<String>,
    /// Syscalls the pane lists as gone through: allowed siblings of denied syscalls, called
    /// during the run (observed mode).
    #[serde(default)]
    pub went_through: Vec<String>,
    /// Whether it ran under the draft as it is now (no edit since).
    #[serde(default)]
    pub current: bool,
}

fn mode<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Mode>, D::Error> {
    let word = String::deserialize(d)?;
    match word.as_str() {
        "observe" => Ok(Some(Mode::Observe)),
        "enforce" => Ok(Some(Mode::Enforce)),
        "record" => Ok(Some(Mode::Record)),
        other => Err(serde::de::Error::custom(format!(
            "unknown mode \"{other}\" (observe, enforce, record)"
        ))),
    }
}

/// What a step asks of the call traced in the BPF view.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceCheck {
    /// The syscall.
    pub syscall: Option<String>,
    /// What the filter returned for it.
    pub action: Option<ActionWord>,
}

/// One condition of a step, over a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// This view is shown.
    Pane(Pane),
    /// Each of these syscalls is stopped outright on the target (ERRNO, TRAP or a kill, for
    /// every argument).
    Denied(Vec<String>),
    /// Each of these syscalls goes through on the target, whatever its arguments.
    Allowed(Vec<String>),
    /// This call (`socket AF_UNIX SOCK_STREAM 0`, as the explain prompt reads it) goes
    /// through.
    CallAllowed(String),
    /// This call is stopped.
    CallDenied(String),
    /// The default action, by its effect.
    DefaultAction(ActionWord),
    /// The last run.
    Run(RunCheck),
    /// Lint has a finding of this id (`incomplete-block`).
    Lint(LintId),
    /// Lint has no finding of this id (and has finished checking the draft).
    NoLint(LintId),
    /// The call traced in the BPF view.
    Traced(TraceCheck),
    /// The BPF view compares the linear and the binary-tree layouts.
    LayoutsCompared,
    /// The last recorded run would run without a stop under the draft.
    RecordingFits,
}

/// The last run as the editor shows it.
#[derive(Debug, Clone)]
pub struct RunState<'a> {
    /// Counts the runs of the session; a run belongs to a lesson when its serial is above
    /// the count when the lesson started.
    pub serial: usize,
    /// The command line.
    pub command: &'a str,
    /// Its mode.
    pub mode: Mode,
    /// None while it runs; then whether it exited with status 0.
    pub ended_ok: Option<bool>,
    /// The stops, grouped.
    pub stops: &'a [StopSummary],
    /// The calls that went through to watched siblings, grouped.
    pub went_through: &'a [StopSummary],
    /// The text of its terminal.
    pub output: String,
    /// Whether the draft is still the one it ran under.
    pub current: bool,
}

/// The call traced in the BPF view.
#[derive(Debug, Clone, Copy)]
pub struct Traced<'a> {
    /// The syscall.
    pub syscall: &'a str,
    /// What the filter returned.
    pub action: RetAction,
}

/// The editor's state, as steps see it.
#[derive(Debug, Clone)]
pub struct Snapshot<'a> {
    /// The draft.
    pub profile: &'a Profile,
    /// What it is judged for.
    pub target: &'a Target,
    /// The view shown.
    pub pane: Pane,
    /// The last run, if any.
    pub run: Option<RunState<'a>>,
    /// Lint's findings about the draft as it is (None while they are being computed).
    pub lint: Option<&'a [Finding]>,
    /// The call traced in the BPF view, for the current draft.
    pub traced: Option<Traced<'a>>,
    /// Whether the BPF view compares the layouts.
    pub layouts_compared: bool,
    /// For the last recorded run: how many of its distinct calls the draft would stop
    /// (None: nothing recorded, or not judged yet).
    pub recording_stops: Option<usize>,
}

/// What a program is called: the file name of the first word.
fn program(command: &str) -> &str {
    let first = command.split_whitespace().next().unwrap_or("");
    first.rsplit('/').next().unwrap_or(first)
}

impl Check {
    /// Whether the check holds; `runs_before` is the run serial when the lesson started.
    pub fn holds(&self, snap: &Snapshot<'_>, policy: &Policy, runs_before: usize) -> bool {
        let verdict = |name: &str, args: &[u64; 6]| policy.treatment(name).decide(args).action;
        let every_call = |name: &str, want: fn(Action) -> bool| {
            let t = policy.treatment(name);
            t.when.iter().all(|(_, v)| want(v.action)) && want(t.otherwise.action)
        };
        match self {
            Check::Pane(p) => snap.pane == *p,
            Check::Denied(names) => names.iter().all(|n| every_call(n, Action::blocks)),
            Check::Allowed(names) => names.iter().all(|n| every_call(n, Action::allows)),
            Check::CallAllowed(call) | Check::CallDenied(call) => match parse_call(call) {
                Ok((name, args)) => {
                    verdict(&name, &args).allows() == matches!(self, Check::CallAllowed(_))
                }
                Err(_) => false,
            },
            Check::DefaultAction(word) => ActionWord::of(snap.profile.default_action) == *word,
            Check::Run(want) => snap
                .run
                .as_ref()
                .is_some_and(|run| run.serial > runs_before && run_matches(want, run)),
            Check::Lint(id) => snap.lint.is_some_and(|f| f.iter().any(|f| f.id == *id)),
            Check::NoLint(id) => snap.lint.is_some_and(|f| f.iter().all(|f| f.id != *id)),
            Check::Traced(want) => snap.traced.is_some_and(|t| {
                want.syscall.as_ref().is_none_or(|s| s == t.syscall)
                    && want
                        .action
                        .is_none_or(|a| ActionWord::of_ret(t.action) == a)
            }),
            Check::LayoutsCompared => snap.layouts_compared,
            Check::RecordingFits => snap.recording_stops == Some(0),
        }
    }

    /// Syscall names and calls the check names that the catalog does not know (for the
    /// tests of the lesson files).
    pub fn unknown_names(&self) -> Vec<String> {
        let known = |n: &String| crate::catalog::Catalog.syscall(n).is_some();
        let names: Vec<String> = match self {
            Check::Denied(n) | Check::Allowed(n) => n.clone(),
            Check::Run(r) => [r.stopped.clone(), r.went_through.clone()].concat(),
            Check::Traced(t) => t.syscall.iter().cloned().collect(),
            Check::CallAllowed(c) | Check::CallDenied(c) => match parse_call(c) {
                Ok((name, _)) => vec![name],
                Err(e) => return vec![format!("{c}: {e}")],
            },
            _ => Vec::new(),
        };
        names.into_iter().filter(|n| !known(n)).collect()
    }
}

fn run_matches(want: &RunCheck, run: &RunState<'_>) -> bool {
    let Some(ok) = run.ended_ok else {
        return false;
    };
    want.program
        .as_ref()
        .is_none_or(|p| program(run.command) == p)
        && want.mode.is_none_or(|m| m == run.mode)
        && want.outcome.is_none_or(|o| (o == Outcome::Success) == ok)
        && want
            .output
            .as_ref()
            .is_none_or(|t| run.output.contains(t.as_str()))
        && want
            .stopped
            .iter()
            .all(|n| run.stops.iter().any(|s| &s.name == n))
        && want
            .went_through
            .iter()
            .all(|n| run.went_through.iter().any(|s| &s.name == n))
        && (!want.current || run.current)
}

/// Every check of a step holds.
pub(super) fn all_hold(checks: &[Check], snap: &Snapshot<'_>, runs_before: usize) -> bool {
    let policy = policy(snap.profile, snap.target);
    checks.iter().all(|c| c.holds(snap, &policy, runs_before))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ArgCond, Op, Rule};

    fn snap<'a>(profile: &'a Profile, target: &'a Target) -> Snapshot<'a> {
        Snapshot {
            profile,
            target,
            pane: Pane::Syscalls,
            run: None,
            lint: None,
            traced: None,
            layouts_compared: false,
            recording_stops: None,
        }
    }

    #[derive(Deserialize, Debug)]
    struct One {
        check: Check,
    }

    fn check(text: &str) -> Check {
        toml::from_str::<One>(&format!("check = {text}"))
            .unwrap()
            .check
    }

    #[test]
    fn a_lesson_naming_no_kind_of_finding_does_not_load() {
        let e = toml::from_str::<One>(r#"check = { lint = "incomplete_block" }"#).unwrap_err();
        assert!(
            e.to_string().contains("`incomplete_block` is not the id"),
            "{e}"
        );
    }

    fn holds(c: &str, s: &Snapshot<'_>) -> bool {
        check(c).holds(s, &policy(s.profile, s.target), 0)
    }

    #[test]
    fn denied_and_allowed_read_the_effective_policy() {
        let target = Target::host();
        let mut p = Profile::new(Action::Allow);
        p.syscalls = Some(vec![Rule::new(vec!["mkdir".into()], Action::Errno)]);
        let s = snap(&p, &target);
        assert!(holds(r#"{ denied = ["mkdir"] }"#, &s));
        assert!(!holds(r#"{ denied = ["mkdir", "mkdirat"] }"#, &s));
        assert!(holds(r#"{ allowed = ["mkdirat"] }"#, &s));
        assert!(holds(r#"{ default_action = "allow" }"#, &s));
        assert!(!holds(r#"{ default_action = "errno" }"#, &s));
    }

    #[test]
    fn argument_rules_decide_calls() {
        let target = Target::host();
        let mut p = Profile::new(Action::Errno);
        let mut rule = Rule::new(vec!["socket".into()], Action::Allow);
        rule.args = Some(vec![ArgCond::new(0, Op::Eq, 1, None)]);
        p.syscalls = Some(vec![rule]);
        let s = snap(&p, &target);
        assert!(holds(
            r#"{ call_allowed = "socket AF_UNIX SOCK_STREAM 0" }"#,
            &s
        ));
        assert!(holds(
            r#"{ call_denied = "socket AF_INET SOCK_STREAM 0" }"#,
            &s
        ));
        assert!(
            !holds(r#"{ allowed = ["socket"] }"#, &s),
            "not for every call"
        );
        assert!(
            !holds(r#"{ denied = ["socket"] }"#, &s),
            "not for every call"
        );
    }

    #[test]
    fn run_checks_need_a_finished_run_of_the_lesson() {
        let target = Target::host();
        let p = Profile::new(Action::Allow);
        let mut s = snap(&p, &target);
        let mkdir =
            r#"{ run = { program = "mkdir", outcome = "failure", output = "not permitted" } }"#;
        assert!(!holds(mkdir, &s), "no run");
        s.run = Some(RunState {
            serial: 1,
            command: "/usr/bin/mkdir teste",
            mode: Mode::Observe,
            ended_ok: None,
            stops: &[],
            went_through: &[],
            output: "mkdir: cannot create directory 'teste': Operation not permitted".into(),
            current: true,
        });
        assert!(!holds(mkdir, &s), "still running");
        s.run.as_mut().unwrap().ended_ok = Some(false);
        assert!(holds(mkdir, &s));
        assert!(
            !check(mkdir).holds(&s, &policy(&p, &target), 1),
            "a run from before the lesson does not count"
        );
        assert!(!holds(
            r#"{ run = { program = "mkdir", stopped = ["mkdir"] } }"#,
            &s
        ));
        assert!(!holds(r#"{ run = { mode = "record" } }"#, &s));
        s.run.as_mut().unwrap().current = false;
        assert!(!holds(r#"{ run = { current = true } }"#, &s));
    }

    #[test]
    fn a_run_check_can_ask_what_went_through() {
        let target = Target::host();
        let p = Profile::new(Action::Allow);
        let mut s = snap(&p, &target);
        let through = [StopSummary {
            name: "fchmodat".into(),
            arch: target.arch,
            action: RetAction::Allow,
            count: 1,
            first_args: [0; 6],
            first_texts: Default::default(),
            rule: Some(0),
            stub: false,
            last_args: [0; 6],
            last_texts: Default::default(),
        }];
        s.run = Some(RunState {
            serial: 1,
            command: "chmod 600 f",
            mode: Mode::Observe,
            ended_ok: Some(true),
            stops: &[],
            went_through: &[],
            output: String::new(),
            current: true,
        });
        let chmod = r#"{ run = { program = "chmod", went_through = ["fchmodat"] } }"#;
        assert!(!holds(chmod, &s), "nothing went through");
        s.run.as_mut().unwrap().went_through = &through;
        assert!(holds(chmod, &s));
        assert!(!holds(r#"{ run = { went_through = ["fchownat"] } }"#, &s));
        assert!(
            !holds(r#"{ run = { stopped = ["fchmodat"] } }"#, &s),
            "going through is not a stop"
        );
    }

    #[test]
    fn traced_lint_and_recording_checks() {
        let target = Target::host();
        let p = Profile::new(Action::Allow);
        let mut s = snap(&p, &target);
        assert!(!holds(r#"{ traced = { syscall = "mkdir" } }"#, &s));
        s.traced = Some(Traced {
            syscall: "mkdir",
            action: RetAction::Errno(1),
        });
        assert!(holds(
            r#"{ traced = { syscall = "mkdir", action = "errno" } }"#,
            &s
        ));
        assert!(!holds(r#"{ traced = { action = "allow" } }"#, &s));
        assert!(
            !holds(r#"{ no_lint = "incomplete-block" }"#, &s),
            "not known yet"
        );
        s.lint = Some(&[]);
        assert!(holds(r#"{ no_lint = "incomplete-block" }"#, &s));
        assert!(!holds(r#"{ lint = "incomplete-block" }"#, &s));
        assert!(!holds(r#""recording_fits""#, &s));
        s.recording_stops = Some(0);
        assert!(holds(r#""recording_fits""#, &s));
        assert!(!holds(r#""layouts_compared""#, &s));
    }

    #[test]
    fn unknown_names_are_reported() {
        assert_eq!(
            check(r#"{ denied = ["mkdri"] }"#).unknown_names(),
            vec!["mkdri"]
        );
        assert!(check(r#"{ call_allowed = "socket AF_UNIX 1 0" }"#)
            .unknown_names()
            .is_empty());
        assert_eq!(
            check(r#"{ call_allowed = "socket AF_NOPE" }"#)
                .unknown_names()
                .len(),
            1
        );
    }
}

//! What a run reports: the stops grouped by syscall, and how the command ended.

use super::{Containment, Finished, Stop, Termination};
use nix::errno::Errno;
use nix::sys::signal::Signal;
use seccompose_core::bpf::RetAction;
use seccompose_core::catalog::{describe_call, Catalog};
use seccompose_core::i18n::{Arg, Text};
use seccompose_core::msg;
use seccompose_core::profile::{Arch, Profile};
use seccompose_core::text;
use serde_json::{json, Value};

/// One syscall the policy stopped, with how often.
#[derive(Debug, Clone, PartialEq)]
pub struct StopSummary {
    /// The syscall's name (or `nr N` when the catalog has none).
    pub name: String,
    /// Its ABI.
    pub arch: Arch,
    /// What the policy did.
    pub action: RetAction,
    /// How many calls.
    pub count: usize,
    /// The arguments of the first call.
    pub first_args: [u64; 6],
    /// Strings its pointer arguments pointed to (when they could be read).
    pub first_texts: [Option<String>; 6],
    /// The rule that decided (None: the default action, or the stub).
    pub rule: Option<usize>,
    /// Whether runc's -ENOSYS stub answered.
    pub stub: bool,
    /// The arguments of the latest call.
    pub last_args: [u64; 6],
    /// Strings its pointer arguments pointed to.
    pub last_texts: [Option<String>; 6],
}

/// Adds one stop to a summary: counted in its group (same syscall, ABI, action and rule),
/// or a new group at the end.
pub fn summarize(summary: &mut Vec<StopSummary>, s: &Stop) {
    let name = stop_name(s);
    match summary
        .iter_mut()
        .find(|x| x.name == name && x.action == s.action && x.rule == s.rule && x.arch == s.arch)
    {
        Some(x) => {
            x.count += 1;
            x.last_args = s.args;
            x.last_texts = s.texts.clone();
        }
        None => summary.push(StopSummary {
            name,
            arch: s.arch,
            action: s.action,
            count: 1,
            first_args: s.args,
            first_texts: s.texts.clone(),
            rule: s.rule,
            stub: s.stub,
            last_args: s.args,
            last_texts: s.texts.clone(),
        }),
    }
}

/// The whole outcome of a run.
#[derive(Debug, Clone)]
pub struct Report {
    /// How the command ended.
    pub termination: Termination,
    /// Stops grouped by syscall, action and rule, in order of first occurrence.
    pub summary: Vec<StopSummary>,
    /// Observed mode: calls to watched siblings of denied syscalls that the filter let go on,
    /// grouped the same way.
    pub went_through: Vec<StopSummary>,
    /// Every stop.
    pub stops: Vec<Stop>,
    /// What kept the command's processes from outliving the run.
    pub containment: Containment,
}

/// The exit status seccompose passes on: the command's, or 128+N for signal N (our own
/// SIGKILL at a timeout or stop included); a command that was never run gets a shell's 127
/// (not found) or 126 (could not be executed).
pub fn exit_code(t: Termination) -> i32 {
    match t {
        Termination::Exited(c) => c,
        Termination::Signaled(s) => 128 + s,
        Termination::TimedOut | Termination::Stopped => 128 + Signal::SIGKILL as i32,
        Termination::NotRun { errno, .. } if errno == Errno::ENOENT as i32 => 127,
        Termination::NotRun { .. } => 126,
    }
}

/// What the containment means for the user, one line.
fn containment_line(c: Containment) -> String {
    let line = match c {
        Containment::PidNamespace => msg!("cli-run-contained-pid"),
        Containment::UserAndPidNamespace => msg!("cli-run-contained-user-pid"),
        Containment::None if !super::procs::tree_visible() => msg!("cli-run-not-contained-foreign"),
        Containment::None => msg!("cli-run-not-contained"),
    };
    format!("seccompose: {line}\n")
}

fn stop_name(s: &Stop) -> String {
    s.name
        .map_or_else(|| format!("nr {}", s.nr), str::to_string)
}

/// An action in words: `ERRNO(EPERM)`, `KILL_PROCESS`.
pub fn describe_action(a: RetAction) -> String {
    match a {
        RetAction::Errno(e) => match Catalog.errno_name(u64::from(e)) {
            Some(n) => format!("ERRNO({n})"),
            None => format!("ERRNO({e})"),
        },
        other => other.to_string(),
    }
}

impl Report {
    /// Groups a finished run's stops.
    pub fn new(finished: &Finished) -> Report {
        let mut summary: Vec<StopSummary> = Vec::new();
        let mut went_through: Vec<StopSummary> = Vec::new();
        for s in &finished.stops {
            if s.went_through() {
                summarize(&mut went_through, s);
            } else {
                summarize(&mut summary, s);
            }
        }
        Report {
            termination: finished.termination,
            summary,
            went_through,
            stops: finished.stops.clone(),
            containment: finished.containment,
        }
    }

    /// The syscall whose kill action ended the command, if a kill did.
    pub fn killer(&self) -> Option<&StopSummary> {
        let killed_by_sigsys =
            matches!(self.termination, Termination::Signaled(s) if s == Signal::SIGSYS as i32);
        if !killed_by_sigsys {
            return None;
        }
        self.summary.iter().rev().find(|s| {
            matches!(
                s.action,
                RetAction::KillProcess
                    | RetAction::KillThread
                    | RetAction::Trap(_)
                    | RetAction::Unknown(_)
            )
        })
    }

    /// The summary for people, one line a stopped syscall, then how the command ended.
    pub fn render_text(&self) -> String {
        format!("{}{}", self.render_stops(), self.render_ending())
    }

    /// The summary for people, one line a stopped syscall.
    pub fn render_stops(&self) -> String {
        let mut out = String::new();
        if self.summary.is_empty() {
            out.push_str(&format!("seccompose: {}\n", msg!("cli-run-stopped-none")));
        } else {
            let calls: usize = self.summary.iter().map(|s| s.count).sum();
            let stopped = msg!("cli-run-stopped", n = self.summary.len(), calls = calls);
            out.push_str(&format!("seccompose: {stopped}\n"));
            for s in &self.summary {
                let rule = match (s.rule, s.stub) {
                    (Some(i), _) => format!("syscalls[{i}]"),
                    (None, true) => msg!("cli-run-by-stub"),
                    (None, false) => msg!("cli-run-by-default"),
                };
                let first = msg!(
                    "cli-run-first",
                    call = describe_call(&s.name, &s.first_args, &s.first_texts)
                );
                out.push_str(&format!(
                    "  {:<18} {:<16} {:>5}x  {:<18} {first}\n",
                    s.name,
                    describe_action(s.action),
                    s.count,
                    rule,
                ));
            }
        }
        out
    }

    /// The last lines of the text report: the containment, then how the command ended (all
    /// an enforced run reports).
    pub fn render_ending(&self) -> String {
        format!("{}{}", containment_line(self.containment), self.ending())
    }

    /// How the command ended, in one line (no containment line).
    pub(crate) fn ending(&self) -> String {
        self.ending_for(&msg!("cli-run-the-command"))
    }

    /// [`Report::ending`] saying `who` for the command ("the container's command").
    pub(crate) fn ending_for(&self, who: &str) -> String {
        let line = match self.termination {
            Termination::Exited(c) => msg!("cli-run-exited", who = who, status = c.to_string()),
            Termination::Signaled(sig) => {
                let signal = signal_name(sig);
                match self.killer() {
                    Some(k) if matches!(k.action, RetAction::Trap(_)) => {
                        msg!(
                            "cli-run-killed-trap",
                            signal = signal,
                            syscall = k.name.as_str()
                        )
                    }
                    Some(k) => msg!(
                        "cli-run-killed-kill",
                        signal = signal,
                        syscall = k.name.as_str()
                    ),
                    None => msg!("cli-run-killed", signal = signal),
                }
            }
            Termination::TimedOut => msg!("cli-run-timed-out"),
            Termination::Stopped => msg!("cli-run-stopped-on-request"),
            Termination::NotRun { errno, denied } => not_run(errno, denied, who),
        };
        format!("seccompose: {line}\n")
    }

    /// How the command ended, in words for the run pane, naming the rule behind a kill with
    /// its place in `profile` (the profile the run used): `killed by SIGSYS: a KILL_PROCESS
    /// rule for ptrace, line 40:5`.
    pub fn cause(&self, profile: &Profile) -> Text {
        match self.termination {
            Termination::Exited(c) => text!("ed-cause-exited", status = c),
            Termination::Signaled(sig) => {
                let signal = signal_name(sig);
                let Some(k) = self.killer() else {
                    return text!("ed-cause-killed", signal = signal);
                };
                let (action, name) = (k.action.scmp_name(), k.name.as_str());
                let by = match k.rule {
                    Some(_) => text!("ed-cause-by-rule", action = action, name = name),
                    None => text!("ed-cause-by-default", action = action, name = name),
                };
                let place =
                    k.rule.map(
                        |index| match profile.rules().get(index).and_then(|r| r.pos) {
                            Some(p) => {
                                Arg::from(text!("ed-place-line", line = p.line, col = p.col))
                            }
                            None => Arg::from(format!("syscalls[{index}]")),
                        },
                    );
                match place {
                    Some(place) => text!(
                        "ed-cause-killed-by-at",
                        signal = signal,
                        by = by,
                        place = place
                    ),
                    None => text!("ed-cause-killed-by", signal = signal, by = by),
                }
            }
            Termination::TimedOut => text!("ed-cause-timeout"),
            Termination::Stopped => text!("ed-cause-stopped"),
            Termination::NotRun { errno, denied } => {
                let name = Catalog
                    .errno_name(errno as u64)
                    .map_or_else(|| format!("errno {errno}"), str::to_string);
                if denied {
                    text!("ed-cause-not-run-denied", errno = name)
                } else {
                    text!("ed-cause-not-run-failed", errno = name)
                }
            }
        }
    }

    /// The report as JSON, with every event.
    pub fn to_json(&self) -> Value {
        let (kind, value) = match self.termination {
            Termination::Exited(c) => ("exited", c),
            Termination::Signaled(s) => ("signaled", s),
            Termination::TimedOut => ("timeout", Signal::SIGKILL as i32),
            Termination::Stopped => ("stopped", Signal::SIGKILL as i32),
            Termination::NotRun { errno, .. } => ("not_run", errno),
        };
        json!({
            "exit_code": exit_code(self.termination),
            "termination": {"kind": kind, "value": value},
            "killed_by_policy": self.killer().map(|k| k.name.clone()),
            "containment": self.containment.name(),
            "summary": self.summary.iter().map(|s| json!({
                "syscall": s.name,
                "arch": s.arch.short_name(),
                "action": s.action.scmp_name(),
                "errno": s.action.data().filter(|_| matches!(s.action, RetAction::Errno(_) | RetAction::Trace(_))),
                "count": s.count,
                "first_call": describe_call(&s.name, &s.first_args, &s.first_texts),
                "rule": s.rule,
                "stub": s.stub,
            })).collect::<Vec<_>>(),
            "went_through": self.went_through.iter().map(|s| json!({
                "syscall": s.name,
                "arch": s.arch.short_name(),
                "count": s.count,
                "first_call": describe_call(&s.name, &s.first_args, &s.first_texts),
                "rule": s.rule,
            })).collect::<Vec<_>>(),
            "events": self.stops.iter().map(|e| json!({
                "time_ms": e.elapsed.as_secs_f64() * 1000.0,
                "pid": e.pid,
                "arch": e.arch.short_name(),
                "nr": e.nr,
                "syscall": e.name,
                "args": e.args,
                "strings": e.texts,
                "action": e.action.scmp_name(),
                "errno": e.action.data().filter(|_| matches!(e.action, RetAction::Errno(_) | RetAction::Trace(_))),
                "rule": e.rule,
                "stub": e.stub,
            })).collect::<Vec<_>>(),
        })
    }
}

/// Where a rule is: `line 40:5` when the profile was read from a file, else `syscalls[3]`;
/// None for the default action.
pub fn rule_place(rule: Option<usize>, profile: &Profile) -> Option<String> {
    let index = rule?;
    Some(match profile.rules().get(index).and_then(|r| r.pos) {
        Some(p) => msg!(
            "cli-run-rule-line",
            line = p.line.to_string(),
            col = p.col.to_string()
        ),
        None => format!("syscalls[{index}]"),
    })
}

/// A signal's name (`SIGSYS`), or `signal N`.
pub fn signal_name(sig: i32) -> String {
    Catalog
        .constant_set("signal")
        .and_then(|set| set.values().iter().find(|v| v.value == sig as u64))
        .map_or_else(|| format!("signal {sig}"), |v| v.name().to_string())
}

/// Why the command never ran, in words.
fn not_run(errno: i32, denied: bool, who: &str) -> String {
    let name = seccompose_core::catalog::Catalog
        .errno_name(errno as u64)
        .map_or_else(|| format!("errno {errno}"), str::to_string);
    if denied {
        msg!("cli-run-not-run-denied", who = who, errno = name)
    } else {
        msg!("cli-run-not-run-failed", who = who, errno = name)
    }
}

//! What a container run says: the stops of the runtime's start-up apart from the command's,
//! each with the rule that decided and where it is, then how the container ended.

use super::{ContainerFinished, NeverConnected, Phase};
use crate::report::rule_place;
use crate::{exit_code, Containment, Finished, Mode, Report, Termination};
use seccompose_core::msg;
use seccompose_core::profile::Profile;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt::Write;

impl ContainerFinished {
    /// The stops of one phase (None: of both) as a host run's [`Report`] groups them.
    fn report_of(&self, phase: impl Into<Option<Phase>>) -> Report {
        let phase = phase.into();
        Report::new(&Finished {
            termination: self.termination,
            stops: self
                .stops
                .iter()
                .filter(|(p, _)| phase.is_none_or(|phase| *p == phase))
                .map(|(_, s)| s.clone())
                .collect(),
            calls: Default::default(),
            containment: Containment::None,
        })
    }

    /// Whether the container never ran the command because the runtime failed.
    pub fn did_not_start(&self) -> bool {
        self.runtime_error.is_some()
    }

    /// Whether the run failed for a reason of the runtime's (it did not start the container,
    /// or never came to the listener): seccompose's own failure, not the command's.
    pub fn failed(&self) -> bool {
        self.did_not_start() || self.never_connected.is_some()
    }

    /// The exit status seccompose ends with: 125 when the runtime failed, else the
    /// container's (128+N for signal N).
    pub fn exit_code(&self) -> i32 {
        if self.failed() {
            125
        } else {
            exit_code(self.termination)
        }
    }

    /// The report as JSON: the keys of a host run's `--report` (each stop and summary line
    /// with the `phase` it happened in, `runtime` or `command`; `containment` is `container`),
    /// and what only a container run has: the runtime, its error, whether it connected.
    pub fn to_json(&self) -> Value {
        let mut json = self.report_of(None).to_json();
        for key in ["summary", "went_through"] {
            let phased: Vec<Value> = [Phase::Runtime, Phase::Command]
                .into_iter()
                .flat_map(|phase| {
                    let mut lines = self.report_of(phase).to_json()[key].take();
                    let lines = lines.as_array_mut().map(std::mem::take).unwrap_or_default();
                    lines.into_iter().map(move |mut l| {
                        l["phase"] = json!(phase.name());
                        l
                    })
                })
                .collect();
            json[key] = json!(phased);
        }
        if let Some(events) = json["events"].as_array_mut() {
            for (e, (phase, _)) in events.iter_mut().zip(&self.stops) {
                e["phase"] = json!(phase.name());
            }
        }
        json["exit_code"] = json!(self.exit_code());
        json["containment"] = json!("container");
        json["mode"] = json!(match self.mode {
            Mode::Enforce => "enforce",
            Mode::Record => "record",
            _ => "observe",
        });
        json["runtime"] = json!({
            "name": self.runtime.kind.name(),
            "path": self.runtime.path,
            "error": self.runtime_error,
            "connected": self.connected,
            "never_connected": self.never_connected.map(|n| match n {
                NeverConnected::Ended => json!({"ended": true}),
                NeverConnected::TimedOut(wait) => json!({"timed_out_after_s": wait.as_secs_f64()}),
            }),
        });
        json["started"] = json!(!self.did_not_start());
        json["no_new_privileges"] = json!(self.no_new_privileges);
        // In English whatever the language: scripts read the report.
        let notes: Vec<String> = self.notes.iter().map(|n| n.english()).collect();
        json["notes"] = json!(notes);
        json
    }

    /// How the runtime failed to come to the listener, when it did not.
    pub fn never_connected_reason(&self) -> Option<String> {
        let runtime = self.runtime.path.display();
        let runtime = runtime.to_string();
        Some(match self.never_connected? {
            NeverConnected::Ended => msg!("cli-container-never-connected", runtime = runtime),
            NeverConnected::TimedOut(wait) => msg!(
                "cli-container-not-connected-in-time",
                runtime = runtime,
                seconds = wait.as_secs_f64().to_string()
            ),
        })
    }

    /// Why nothing was observed when the runtime never came to the listener.
    fn never_connected_text(&self) -> Option<String> {
        let what = self.never_connected_reason()?;
        let nothing = msg!("cli-container-nothing-observed");
        Some(format!("seccompose: {what}\nseccompose: {nothing}\n"))
    }

    /// The text report, for standard error; `profile` is the one the run used.
    pub fn render(&self, profile: &Profile) -> String {
        let mut out = String::new();
        let name = self.runtime.kind.name();
        for n in &self.notes {
            let _ = writeln!(out, "seccompose: {}", msg!("cli-note", note = n.local()));
        }
        if self.mode == Mode::Observe {
            if !self.no_new_privileges && self.never_connected.is_none() {
                let off = msg!("cli-container-no-new-privileges-off", runtime = name);
                let _ = writeln!(out, "seccompose: {off}");
            }
            let start_up = self.report_of(Phase::Runtime);
            if !start_up.summary.is_empty() {
                let start = msg!("cli-container-start-up", runtime = name);
                let _ = writeln!(out, "seccompose: {start}");
                out.push_str(&indent(&start_up.render_stops()));
                out.push_str(&places(&start_up, profile));
                let names: Vec<&str> = start_up.summary.iter().map(|s| s.name.as_str()).collect();
                if self.did_not_start() {
                    let needed = msg!(
                        "cli-container-init-needed",
                        runtime = name,
                        names = names.join(", ")
                    );
                    let _ = writeln!(out, "seccompose: {needed}");
                }
            }
            if !self.failed() {
                let _ = writeln!(out, "seccompose: {}", msg!("cli-container-in-command"));
                let command = self.report_of(Phase::Command);
                out.push_str(&indent(&command.render_stops()));
                out.push_str(&places(&command, profile));
            }
        }
        if let Some(e) = &self.runtime_error {
            let failed = msg!(
                "cli-container-runtime-failed",
                runtime = name,
                error = e.as_str()
            );
            let _ = writeln!(out, "seccompose: {failed}");
            let _ = writeln!(out, "seccompose: {}", msg!("cli-container-not-started"));
            return out;
        }
        if let Some(text) = self.never_connected_text() {
            out.push_str(&text);
            return out;
        }
        let who = msg!("cli-run-the-container-command");
        out.push_str(&self.report_of(Phase::Command).ending_for(&who));
        if let Termination::Signaled(sig) = self.termination {
            if sig == nix::sys::signal::Signal::SIGSYS as i32 && self.mode != Mode::Enforce {
                let _ = writeln!(out, "seccompose: {}", msg!("cli-container-sigsys"));
            }
            let status = (128 + sig).to_string();
            let reports = msg!(
                "cli-container-signal-status",
                runtime = name,
                status = status
            );
            let _ = writeln!(out, "seccompose: {reports}");
        }
        out
    }
}

/// Report lines, two spaces in (under their phase's heading).
fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {}\n", l.trim_start_matches("seccompose: ")))
        .collect()
}

/// Where each rule that decided a stop is: `syscalls[3] is line 12:5`.
fn places(report: &Report, profile: &Profile) -> String {
    let rules: BTreeSet<usize> = report.summary.iter().filter_map(|s| s.rule).collect();
    rules
        .into_iter()
        .filter_map(|i| {
            let place = rule_place(Some(i), profile)?;
            (place != format!("syscalls[{i}]")).then(|| {
                let at = msg!(
                    "cli-container-rule-at",
                    rule = format!("syscalls[{i}]"),
                    place = place
                );
                format!("    {at}\n")
            })
        })
        .collect()
}

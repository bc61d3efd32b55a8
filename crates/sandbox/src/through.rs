//! What went through: in observed mode the calls to an allowed sibling of a syscall the draft
//! denies (lint's `incomplete-block`) are routed to the supervisor too, which lets them go on
//! at once, so that a run shows the job was done anyway: "blocked chmod, coreutils called
//! fchmodat".

use super::report::{rule_place, StopSummary};
use super::Stop;
use seccompose_core::bpf::RetAction;
use seccompose_core::catalog::describe_call;
use seccompose_core::lint::OpenSibling;
use seccompose_core::msg;
use seccompose_core::profile::{Profile, Target};

impl Stop {
    /// Whether the real filter let the call go on: in observed mode, a watched sibling's call
    /// that went through (in record mode, every call).
    pub fn went_through(&self) -> bool {
        self.action == RetAction::Allow
    }
}

/// One call that went through, in words: `went through: fchmodat(AT_FDCWD, "f", 0600),
/// which does what chmod does; the draft denies chmod but allows fchmodat (line 44:3)`.
/// `open` is [`seccompose_core::lint::open_siblings`] of `profile`, the profile the run used.
pub fn went_through_line(s: &StopSummary, open: &[OpenSibling], profile: &Profile) -> String {
    let call = describe_call(&s.name, &s.first_args, &s.first_texts);
    let call = if s.count > 1 {
        format!("{call} ({}x)", s.count)
    } else {
        call
    };
    let Some(o) = open.iter().find(|o| o.name == s.name) else {
        return msg!("cli-run-went-through", call = call);
    };
    let denied = seccompose_core::lint::list(&o.denied);
    let place = rule_place(o.rule, profile).unwrap_or_else(|| msg!("cli-run-the-default"));
    msg!(
        "cli-run-went-through-sibling",
        call = call,
        denied = denied,
        n = o.denied.len(),
        allowed = s.name.as_str(),
        place = place
    )
}

/// The went-through part of a run's text report (empty when nothing went through).
pub fn render_went_through(summary: &[StopSummary], profile: &Profile, target: &Target) -> String {
    if summary.is_empty() {
        return String::new();
    }
    let open = seccompose_core::lint::open_siblings(profile, target);
    let mut out = String::new();
    for s in summary {
        out.push_str(&format!(
            "seccompose: {}\n",
            went_through_line(s, &open, profile)
        ));
    }
    out
}

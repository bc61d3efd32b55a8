//! The stops column: the syscalls the draft stopped, grouped, with the selected one's last
//! call, catalog summary and siblings; or, after a recording, the proposed additions.

use super::RunView;
use crate::catalog::Catalog;
use crate::msg;
use crate::profile::Profile;
use crate::sandbox::{describe_action, Mode, StopSummary};
use crate::tui::ctx::DrawCtx;
use crate::tui::keymap::{Command, Context};
use crate::tui::views::syscalls::categories::fit;
use crate::tui::views::syscalls::detail::siblings;
use crate::tui::widgets::pane_block;
use crate::tui::widgets::scrolling;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Where rule `rule` of `profile` is, for people: `line 12:5`, or `syscalls[3]` for a rule
/// that did not come from the file (the run report's `rule_place`, in the user's language).
pub fn rule_place(rule: Option<usize>, profile: &Profile) -> Option<String> {
    let index = rule?;
    Some(match profile.rules().get(index).and_then(|r| r.pos) {
        Some(p) => msg!("ed-place-line", line = p.line, col = p.col),
        None => format!("syscalls[{index}]"),
    })
}

/// Which rule decided: `line 12:5`, `syscalls[3]` or `default`.
fn decided_by(s: &StopSummary, ran_with: Option<&Profile>) -> String {
    match ran_with.and_then(|p| rule_place(s.rule, p)) {
        Some(place) => place,
        None if s.rule.is_some() => format!("syscalls[{}]", s.rule.unwrap_or(0)),
        None => msg!("ed-place-default"),
    }
}

/// Draws the stops (or the proposal) with the selected stop's details under them.
pub fn render(frame: &mut Frame, area: Rect, view: &mut RunView, cx: &DrawCtx, focused: bool) {
    let theme = cx.theme;
    if view.proposal.is_some() || view.proposing {
        let key = view.proposal_key(cx.session);
        super::proposal_draw::render(frame, area, view.live_proposal(key), cx, focused);
        return;
    }
    let calls: usize = view.summary.iter().map(|s| s.count).sum();
    let title = match (view.mode, view.summary.len()) {
        (Mode::Record, _) => crate::msg!("run-recording-title", n = view.recorded_names),
        (Mode::Enforce, _) => crate::msg!("run-stops-enforce"),
        (_, 0) => crate::msg!("run-stops"),
        (_, n) => crate::msg!("run-stops-count", syscalls = n, calls = calls),
    };
    let detail_height = detail_height(area.height, view.summary.len());
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(detail_height)]).areas(area);
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    view.cursor.len = view.summary.len();
    let width = inner.width as usize;
    let ran_with = view.ran_with.as_ref();
    let (start_up, runtime) = (&view.target.in_start_up, view.target.runtime);
    // A container run's stops in the runtime's own start-up say so before their rule.
    let decided = |s: &StopSummary| match runtime.filter(|_| start_up.contains(&s.name)) {
        Some(rt) => format!(
            "{} · {}",
            msg!("ed-place-start-up", runtime = rt.to_string()),
            decided_by(s, ran_with)
        ),
        None => decided_by(s, ran_with),
    };
    let rows = view.summary.iter().map(|s| {
        Line::from(vec![
            Span::raw(format!("{:<16} ", fit(&s.name, 16))),
            Span::styled(
                format!("{:<14} ", fit(&describe_action(s.action), 14)),
                theme.action(s.action.profile_action()),
            ),
            Span::raw(format!("{:>5}x ", s.count)),
            Span::styled(fit(&decided(s), width.saturating_sub(38)), theme.dim()),
        ])
    });
    let empty = match view.mode {
        Mode::Enforce => crate::msg!("run-empty-enforce"),
        Mode::Record => crate::msg!("run-empty-record"),
        Mode::Observe => no_stops(view),
    };
    if view.summary.is_empty() {
        let text = Paragraph::new(Line::styled(empty, theme.dim())).wrap(Wrap { trim: true });
        frame.render_widget(text, inner);
    } else {
        scrolling::render(
            frame,
            inner,
            rows,
            &mut view.cursor,
            theme.selected(focused),
        );
    }
    render_detail(frame, detail_area, view, cx);
}

/// The selected stop's detail takes the rows the stop list does not use (its stops and
/// borders), leaving the list at least two rows, but never fewer than 7 (5 in a short pane,
/// where the detail comes first); with no stop there is no detail to show, and the list
/// keeps the space for its message.
fn detail_height(height: u16, stops: usize) -> u16 {
    let least = if height >= 16 { 7 } else { 5 };
    let list = match stops {
        0 => height,
        n => u16::try_from(n.max(2))
            .unwrap_or(u16::MAX)
            .saturating_add(2),
    };
    let most = height.saturating_sub(4);
    height.saturating_sub(list).min(most).max(least).min(height)
}

fn render_detail(frame: &mut Frame, area: Rect, view: &RunView, cx: &DrawCtx) {
    let (session, keymap, theme) = (cx.session, cx.keymap, cx.theme);
    let stop = view.selected();
    let title = stop.map_or(crate::msg!("run-stop"), |s| {
        crate::msg!("run-stop-last-call", name = s.name.as_str())
    });
    let block = pane_block(&title, false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(s) = stop else {
        return;
    };
    let mut lines = vec![Line::styled(
        crate::catalog::describe_call(&s.name, &s.last_args, &s.last_texts),
        theme.accent(),
    )];
    let decided = match view.ran_with.as_ref().and_then(|p| rule_place(s.rule, p)) {
        Some(place) => crate::msg!("run-decided-by-rule", place = place.to_string()),
        None => crate::msg!("run-decided-by-default"),
    };
    lines.push(Line::styled(
        format!("{decided}: {}", describe_action(s.action)),
        theme.dim(),
    ));
    // Judged again against the draft as it is now: an edit since the run may have changed it.
    let allowed_now =
        session.effects.of(&s.name).action.semantic() == crate::profile::Action::Allow;
    if allowed_now {
        lines.push(Line::styled(
            msg!(
                "ed-stop-allowed-now",
                name = s.name.as_str(),
                key = keymap.key_for(Context::Run, Command::Rerun)
            ),
            theme.ok(),
        ));
    }
    if let Some(syscall) = Catalog.syscall(&s.name) {
        lines.push(Line::raw(syscall.summary_in(session.language).to_string()));
        lines.extend(siblings(syscall, session, theme));
        let open: Vec<&str> = syscall
            .siblings()
            .iter()
            .filter(|x| {
                session.effects.of(x.name()).action.semantic() == crate::profile::Action::Allow
            })
            .map(|x| x.name())
            .collect();
        if !open.is_empty() && !allowed_now {
            lines.push(Line::styled(
                msg!(
                    "ed-stop-may-try",
                    name = s.name.as_str(),
                    others = open.join(&format!(" {} ", msg!("ed-or")))
                ),
                theme.warning(),
            ));
        }
    }
    let k = |c| keymap.key_for(Context::Run, c).to_string();
    lines.push(Line::styled(
        msg!(
            "ed-stop-keys",
            allow = k(Command::Allow),
            name = s.name.as_str(),
            rules = k(Command::OpenRules),
            again = k(Command::Rerun)
        ),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// What an empty stop list says: nothing yet while a command runs or before the first run,
/// nothing at all once a run has ended.
pub fn no_stops(view: &RunView) -> String {
    if view.runs > 0 && !view.is_running() {
        crate::msg!("run-no-stops")
    } else {
        crate::msg!("run-no-stops-yet")
    }
}

#[cfg(test)]
mod tests {
    use super::detail_height;

    #[test]
    fn the_detail_takes_what_the_list_leaves() {
        // 40 rows, 3 stops: the list takes 5 (3 and borders), the detail the other 35.
        assert_eq!(detail_height(40, 3), 35);
        // Many stops: the detail keeps its 7 rows, the list scrolls.
        assert_eq!(detail_height(40, 100), 7);
        // Short panes: 5 rows of detail, and the list always keeps two rows and borders.
        assert_eq!(detail_height(40, 0), 7, "no stop, no detail to show");
        assert_eq!(detail_height(12, 1), 8);
        assert_eq!(detail_height(12, 30), 5);
        assert_eq!(detail_height(8, 30), 5);
        assert_eq!(detail_height(3, 1), 3);
    }
}

//! The linear and the binary-tree layout of the draft side by side: size, what the traced call
//! runs in each, and the spread over every call, so one sees why runc picks the tree above 8
//! rules.

use super::explain::Call;
use crate::compile::{CompileError, Preview};
use crate::msg;
use crate::profile::Arch;
use crate::tui::preview::Layouts;
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row, Table};
use ratatui::Frame;

/// Rows the comparison takes, its heading included.
pub const HEIGHT: u16 = 6;

/// The rule count above which runc asks libseccomp for the binary tree.
const RUNC_TREE_ABOVE: usize = 8;

/// What the traced call (on its ABI) runs in one layout.
fn runs(preview: &Preview, traced: Option<(&Call, Arch)>) -> String {
    let Some((call, abi)) = traced else {
        return "-".into();
    };
    match preview.trace(&call.name, call.args, abi) {
        Ok(ex) => ex.path.len().to_string(),
        Err(_) => "-".into(),
    }
}

/// Draws the comparison, or why it is not there yet.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    layouts: Option<&Layouts>,
    traced: Option<(&Call, Arch)>,
    theme: Theme,
) {
    let [linear, tree] = match layouts {
        Some(Ok(both)) => &**both,
        Some(Err(e)) => return note(frame, area, &compile_failed(e), theme),
        None => return note(frame, area, &msg!("ed-cmp-comparing"), theme),
    };
    let spread = |p: &Preview| match &p.cost.summary {
        Some(s) => format!("{} / {} / {}", s.min, s.median, s.max),
        None => "-".into(),
    };
    let arch = linear.arch.short_name();
    let name = traced.map_or_else(|| msg!("ed-cmp-traced-call"), |(c, _)| c.name.clone());
    let rows = [
        (
            msg!("ed-cmp-instructions"),
            linear.compiled.instruction_count().to_string(),
            tree.compiled.instruction_count().to_string(),
        ),
        (
            msg!("ed-cmp-run-by", name = name),
            runs(linear, traced),
            runs(tree, traced),
        ),
        (
            msg!("ed-cmp-spread", arch = arch),
            spread(linear),
            spread(tree),
        ),
    ];
    let active = linear.plan.active_rules;
    let choice = if active > RUNC_TREE_ABOVE {
        msg!("ed-bpf-tree")
    } else {
        msg!("ed-bpf-linear")
    };
    let table = Table::new(
        rows.into_iter()
            .map(|(what, l, t)| Row::new(vec![Cell::from(what), Cell::from(l), Cell::from(t)])),
        [
            Constraint::Length(30),
            Constraint::Length(16),
            Constraint::Length(16),
        ],
    )
    .header(
        Row::new(vec![
            msg!("ed-cmp-layout"),
            msg!("ed-bpf-linear"),
            msg!("ed-bpf-tree"),
        ])
        .style(theme.accent()),
    );
    let [table_area, footer, _] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(table, table_area);
    let why = msg!(
        "ed-cmp-why",
        active = active,
        choice = choice,
        above = RUNC_TREE_ABOVE
    );
    note(frame, footer, &why, theme);
}

fn compile_failed(e: &CompileError) -> String {
    msg!("ed-cmp-failed", why = e.to_string())
}

fn note(frame: &mut Frame, area: Rect, text: &str, theme: Theme) {
    frame.render_widget(
        ratatui::widgets::Paragraph::new(Line::styled(text.to_string(), theme.dim())),
        area,
    );
}

//! The small horizontal bar that shows how a set of syscalls splits across actions.

use crate::profile::ActionSplit;
use crate::tui::theme::Theme;
use ratatui::text::Span;

/// Cells per action for a bar `width` wide: proportional, every present action gets at
/// least one cell when there is room, and the cells add up to `width`.
pub fn cells(split: &ActionSplit, width: usize) -> Vec<usize> {
    let n = split.by_action.len();
    if split.total == 0 || width == 0 || n == 0 {
        return vec![0; n];
    }
    let exact: Vec<f64> = split
        .by_action
        .iter()
        .map(|(_, c)| *c as f64 * width as f64 / split.total as f64)
        .collect();
    let mut out: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    if width >= n {
        for c in out.iter_mut() {
            *c = (*c).max(1);
        }
    }
    // Hand out (or take back) the difference by largest (smallest) remainder.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.total_cmp(&ra)
    });
    let mut sum: usize = out.iter().sum();
    let mut i = 0;
    while sum < width {
        out[order[i % n]] += 1;
        sum += 1;
        i += 1;
    }
    while sum > width {
        let biggest = (0..n).max_by_key(|&k| out[k]).expect("n > 0");
        out[biggest] -= 1;
        sum -= 1;
    }
    out
}

/// The bar as coloured spans.
pub fn spans(split: &ActionSplit, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = split
        .by_action
        .iter()
        .zip(cells(split, width))
        .filter(|(_, n)| *n > 0)
        .map(|((action, _), n)| {
            Span::styled(
                theme.bar_glyph(*action).to_string().repeat(n),
                theme.action(*action),
            )
        })
        .collect();
    if split.total == 0 {
        out.push(Span::raw(" ".repeat(width)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Action;

    fn split(counts: &[(Action, usize)]) -> ActionSplit {
        ActionSplit {
            total: counts.iter().map(|c| c.1).sum(),
            conditional: 0,
            by_action: counts.to_vec(),
        }
    }

    #[test]
    fn cells_fill_the_width_and_show_small_shares() {
        let s = split(&[
            (Action::Allow, 98),
            (Action::Errno, 1),
            (Action::KillProcess, 1),
        ]);
        let c = cells(&s, 10);
        assert_eq!(c.iter().sum::<usize>(), 10);
        assert!(c.iter().all(|&n| n >= 1), "{c:?}");
        assert_eq!(
            cells(&split(&[(Action::Allow, 3), (Action::Errno, 1)]), 8),
            vec![6, 2]
        );
        assert!(cells(&split(&[]), 8).is_empty());
    }
}

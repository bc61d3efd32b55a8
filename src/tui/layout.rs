//! Where the screen changes with its width, decided in one place: which panes stand side by
//! side on a wide terminal and one over the other on a narrow one, and from which width.

use ratatui::layout::{Constraint, Layout, Rect};

/// From this body width view 1 shows the run's stops in a column beside it (when asked).
const STOPS_BESIDE_VIEW_1: u16 = 160;
/// From this width view 1's details stand beside the list: the list then still has room for
/// 30 characters of summary (name, action and risk take about 36).
const DETAILS_BESIDE_LIST: u16 = 140;
/// The list's least width beside the details (30 characters of summary and an ellipsis).
const LIST_BESIDE: u16 = 74;
/// From this width view 1's categories column is wider (titles unshortened).
const WIDE_CATEGORIES: u16 = 170;
/// From this width view 3's terminal stands beside the stops.
const TERMINAL_BESIDE_STOPS: u16 = 120;
/// From this width the title bar names every view, not only the current one.
const TAB_LABELS: u16 = 120;

/// The body of view 1 and, when it is shown, the run's stops column beside it.
pub fn stops_beside_view_1(body: Rect, wanted: bool) -> (Rect, Option<Rect>) {
    if wanted && body.width >= STOPS_BESIDE_VIEW_1 {
        let [main, side] =
            Layout::horizontal([Constraint::Min(100), Constraint::Length(60)]).areas(body);
        (main, Some(side))
    } else {
        (body, None)
    }
}

/// View 1's three panes: categories, list, details (beside the list when wide, else under it).
pub fn view_1(area: Rect) -> [Rect; 3] {
    let cat_width = if area.width >= WIDE_CATEGORIES {
        36
    } else {
        26
    };
    let [cats, rest] =
        Layout::horizontal([Constraint::Length(cat_width), Constraint::Min(20)]).areas(area);
    let [list, detail] = if area.width >= DETAILS_BESIDE_LIST {
        let list = (rest.width * 52 / 100).max(LIST_BESIDE);
        Layout::horizontal([Constraint::Length(list), Constraint::Min(20)]).areas(rest)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(rest)
    };
    [cats, list, detail]
}

/// View 3's terminal and stops: side by side when wide, else the terminal over the stops.
pub fn view_3(body: Rect) -> [Rect; 2] {
    if body.width >= TERMINAL_BESIDE_STOPS {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body)
    }
}

/// Whether the title bar has room to name every view.
pub fn tab_labels(bar: Rect) -> bool {
    bar.width >= TAB_LABELS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_panes_stand_side_by_side_and_narrow_ones_stack() {
        let wide = Rect::new(0, 0, 160, 40);
        let narrow = Rect::new(0, 0, 80, 24);
        let [_, list, detail] = view_1(wide);
        assert_eq!((list.y, detail.y), (0, 0));
        assert!(detail.x > list.x);
        let [_, list, detail] = view_1(narrow);
        assert_eq!(list.x, detail.x);
        assert!(detail.y > list.y);
        let [term, stops] = view_3(wide);
        assert!(stops.x > term.x);
        let [term, stops] = view_3(narrow);
        assert!(stops.y > term.y);
        assert!(stops_beside_view_1(wide, true).1.is_some());
        assert!(stops_beside_view_1(wide, false).1.is_none());
        assert!(stops_beside_view_1(narrow, true).1.is_none());
        assert!(tab_labels(wide) && !tab_labels(narrow));
    }
}

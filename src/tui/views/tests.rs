//! The views say what they want of the app as intents, and never open windows themselves.

use super::settings::SettingsView;
use super::syscalls::{Focus, SyscallsView};
use crate::profile::starters::default_profile;
use crate::profile::{Arch, Target};
use crate::tui::component::{Component, Handled, Intent};
use crate::tui::keymap::Command;
use crate::tui::memory::Memory;
use crate::tui::prompt::PromptKind;
use crate::tui::session::Session;

fn session() -> Session {
    Session::new(
        default_profile(&crate::catalog::Catalog),
        None,
        Target::host_as(Arch::X86_64),
        Memory::in_memory(true),
    )
}

#[test]
fn view_1_asks_for_the_rule_editor_view_2_and_the_errno_question() {
    let mut session = session();
    let mut view = SyscallsView::new(&session);
    let selected = view.selected().expect("the first category has members");
    match view.handle(Command::OpenRules, &mut session) {
        Handled::Consumed(Some(Intent::OpenRules(s))) => assert_eq!(s.name(), selected.name()),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        view.handle(Command::OpenInBpf, &mut session),
        Handled::Consumed(Some(Intent::ShowInBpf))
    ));
    match view.handle(Command::DenyWith, &mut session) {
        Handled::Consumed(Some(Intent::Prompt(PromptKind::DenyWith(names)))) => {
            assert_eq!(names, [selected.name()])
        }
        other => panic!("{other:?}"),
    }
    // On the categories, the rule editor has no syscall to open on.
    view.handle(Command::FocusPrev, &mut session);
    assert!(!matches!(
        view.handle(Command::OpenRules, &mut session),
        Handled::Consumed(Some(_))
    ));
    assert_eq!(view.focus(), Focus::Categories);
}

#[test]
fn view_5_asks_a_question_for_the_rows_typed_in() {
    let mut session = session();
    let mut view = SettingsView::default();
    // The first row (the default action) changes in place.
    assert!(matches!(
        view.handle(Command::Toggle, &mut session),
        Handled::Consumed(None)
    ));
    view.handle(Command::Down, &mut session);
    assert!(matches!(
        view.handle(Command::Toggle, &mut session),
        Handled::Consumed(Some(Intent::Prompt(PromptKind::DefaultErrno)))
    ));
    assert!(matches!(
        view.handle(Command::Quit, &mut session),
        Handled::NotConsumed
    ));
}

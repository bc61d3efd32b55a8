//! The five views the keys 1-5 switch between (a name only: the views themselves are in
//! `views`, so the widgets that show the tabs need not import them).

/// Which view fills the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// 1: categories, syscalls, details.
    Syscalls,
    /// 2: the compiled filter.
    Bpf,
    /// 3: run a command under the profile.
    Run,
    /// 4: lint findings.
    Lint,
    /// 5: profile settings and target.
    Settings,
}

impl View {
    /// Every view, in key order.
    pub const ALL: [View; 5] = [
        View::Syscalls,
        View::Bpf,
        View::Run,
        View::Lint,
        View::Settings,
    ];

    /// The tab label, in the user's language.
    pub fn label(self) -> String {
        match self {
            View::Syscalls => crate::msg!("ed-view-syscalls"),
            View::Bpf => crate::msg!("ed-view-bpf"),
            View::Run => crate::msg!("ed-view-run"),
            View::Lint => crate::msg!("ed-view-lint"),
            View::Settings => crate::msg!("ed-view-settings"),
        }
    }
}

//! The editor's views (keys 1-5) and the rule editor window.

pub mod bpf;
pub mod changes;
pub mod lint;
pub mod rules;
pub mod run;
pub mod settings;
pub mod syscalls;

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

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            View::Syscalls => "Syscalls",
            View::Bpf => "BPF",
            View::Run => "Run",
            View::Lint => "Lint",
            View::Settings => "Profile",
        }
    }
}

//! What an observed run of one version of a profile works out before its command starts: the
//! siblings it watches, the program the command loads, the rules that name a stop's rule, and
//! whether a tracer must follow the command. The editor has it made in the background for each
//! version of the draft, so that `r` starts the command at once.

use super::{program_of, SandboxError};
use seccompose_core::bpf::Program;
use seccompose_core::compile::{self, Compiled, Plan};
use seccompose_core::lint::{open_siblings, OpenSibling};
use seccompose_core::profile::{Profile, Target};
use std::sync::{Arc, OnceLock};

/// Everything an observed run of one profile on one target needs besides its command.
#[derive(Debug)]
pub struct Observation {
    /// The allowed siblings of denied syscalls: their calls are watched (see `through`).
    pub open: Vec<OpenSibling>,
    /// The real filter, which the supervisor runs each stopped call through.
    pub(crate) program: Arc<Program>,
    /// The program the command loads (see [`compile::observe_watching`]).
    pub(crate) installed: Program,
    /// The compiled rules, for naming the rule that decided a stop.
    pub(crate) plan: Arc<Plan>,
    /// Whether a call of this machine can make the filter TRAP or KILL: only then does a
    /// tracer follow the command (see [`compile::needs_tracer`]).
    pub(crate) traced: bool,
}

impl Observation {
    /// Works it out for `profile` on `target`, whose filter is `real`.
    pub fn new(
        profile: &Profile,
        target: &Target,
        real: &Compiled,
    ) -> Result<Observation, SandboxError> {
        let program = program_of(real)?;
        let open = open_siblings(profile, target);
        let watched: Vec<&str> = open.iter().map(|o| o.name.as_str()).collect();
        let traced = compile::needs_tracer(&program);
        let installed = compile::observe_watching(&program, &watched, traced);
        Ok(Observation {
            program: Arc::new(program),
            installed,
            plan: Arc::new(compile::plan(profile, target)),
            traced,
            open,
        })
    }

    /// The names of the watched syscalls.
    pub fn watched(&self) -> impl Iterator<Item = &str> {
        self.open.iter().map(|o| o.name.as_str())
    }
}

/// One version's observation, made once by its first caller (the editor's background worker,
/// or the run itself when it comes first) and shared. A new version needs a new one.
#[derive(Clone, Default)]
pub struct SharedObservation(Arc<OnceLock<Option<Arc<Observation>>>>);

impl SharedObservation {
    /// The observation of `profile` on `target`, whose filter is `real`; None when the
    /// profile does not compile (`real` is None) or its filter is unreadable. Every caller
    /// must pass the same version.
    pub fn get(
        &self,
        profile: &Profile,
        target: &Target,
        real: Option<&Compiled>,
    ) -> Option<Arc<Observation>> {
        self.0
            .get_or_init(|| {
                let real = real?;
                Observation::new(profile, target, real).ok().map(Arc::new)
            })
            .clone()
    }
}

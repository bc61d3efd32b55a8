//! What an observed run of one version of a profile works out before its command starts: the
//! siblings it watches, the program the command loads, the rules that name a stop's rule, and
//! whether a tracer must follow the command. The editor has it made in the background for each
//! version of the draft, so that `r` starts the command at once.

use super::{program_of, SandboxError};
use seccompose_core::bpf::Program;
use seccompose_core::compile::{self, Compiled, Plan};
use seccompose_core::lint::{open_siblings, OpenSibling};
use seccompose_core::profile::{Profile, Target};
use std::sync::{Arc, LazyLock, OnceLock};

/// The compiled rules, which name the rule that decided a stop: worked out at once, or only
/// when a first stop needs them (a warm observed run then reads its profile only if the
/// command is stopped at all).
pub type Rules = Arc<LazyLock<Plan, Box<dyn FnOnce() -> Plan + Send>>>;

/// Rules worked out already.
pub(crate) fn rules_of(plan: Plan) -> Rules {
    Arc::new(LazyLock::new(Box::new(move || plan)))
}

/// Everything an observed run of one profile on one target needs besides its command.
#[derive(Debug)]
pub struct Observation {
    /// The allowed siblings of denied syscalls, with the rules that allow them and their fix
    /// (empty when only their names were known ahead: see [`Observation::ahead`]).
    pub open: Vec<OpenSibling>,
    /// The syscalls whose calls are watched (see `through`): the names of `open`'s siblings.
    pub watched: Vec<String>,
    /// The real filter, which the supervisor runs each stopped call through.
    pub(crate) program: Arc<Program>,
    /// The program the command loads (see [`compile::observe_watching`]).
    pub(crate) installed: Program,
    /// The compiled rules.
    pub(crate) plan: Rules,
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
        let open = open_siblings(profile, target);
        let watched = open.iter().map(|o| o.name.clone()).collect();
        let plan = rules_of(compile::plan(profile, target));
        let mut observation = Observation::ahead(real, watched, plan)?;
        observation.open = open;
        Ok(observation)
    }

    /// Whether a tracer follows the command (its filter can TRAP or KILL a call of this
    /// machine): only then does an observed run need ptrace.
    pub fn traced(&self) -> bool {
        self.traced
    }

    /// From what was known ahead of reading the profile (a warm cache's): its filter `real`,
    /// the names of the syscalls to watch, and its rules, to be worked out when needed.
    pub fn ahead(
        real: &Compiled,
        watched: Vec<String>,
        plan: Rules,
    ) -> Result<Observation, SandboxError> {
        let program = program_of(real)?;
        let names: Vec<&str> = watched.iter().map(String::as_str).collect();
        let traced = compile::needs_tracer(&program);
        let installed = compile::observe_watching(&program, &names, traced);
        Ok(Observation {
            open: Vec::new(),
            watched,
            program: Arc::new(program),
            installed,
            plan,
            traced,
        })
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

    /// The observation if it has been made, without making it.
    pub fn peek(&self) -> Option<Arc<Observation>> {
        self.0.get().cloned().flatten()
    }
}

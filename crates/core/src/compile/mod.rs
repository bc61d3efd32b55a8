//! Profile + Target → the BPF program the kernel runs, through libseccomp, with runc's semantics.

mod bound;
mod cache;
mod draft;
mod explain;
mod observe;
mod preview;
mod resolve;
mod rules;
mod runtime;
mod supplement;
mod translation;

pub use cache::{build_with, Cache, Usage};
pub use draft::{Draft, SharedDraft};
pub use explain::{deciding_rule, explain, explain_nr, known_syscall, ExplainError, Explanation};
pub use observe::{needs_tracer, observe_variant, observe_watching, PTRACE_ATTACH_MARK};
pub use preview::{find_in, Preview};
pub use rules::{plan, Plan, PlannedRule, Skipped};
pub use runtime::{
    known_since, limits, stub_applies, target_knows, target_number, Limit, Stub, OLDEST_KNOWN,
};
pub use translation::{translation_check, Mismatch};

use crate::bpf::RetAction;
use crate::profile::{
    errno_problem, filter_arches, Action, Arch, Diagnostic, Pos, Profile, RuncErrno, Target,
};
use libseccomp::{ScmpAction, ScmpArch, ScmpFilterContext};
use std::io::{Read, Seek};

/// The most instructions the kernel takes in one filter (BPF_MAXINSNS).
pub const MAX_INSTRUCTIONS: usize = 4096;

/// How libseccomp lays out the syscall checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// As runc does: a binary tree above 8 rules, linear otherwise.
    #[default]
    Auto,
    /// One comparison after another.
    Linear,
    /// A binary tree over syscall numbers (libseccomp optimize level 2).
    Tree,
}

/// Compiler settings beyond the profile and target.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Linear or tree layout.
    pub layout: Layout,
    /// Build the program of the sandbox's observed mode (see [`observe_variant`]).
    pub observe: bool,
}

/// A compiled filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    /// The raw `sock_filter` array (native endian), as `bwrap --seccomp` loads it.
    pub bpf: Vec<u8>,
    /// The architectures the filter covers, native first.
    pub arches: Vec<Arch>,
    /// Whether the binary-tree layout was used.
    pub tree: bool,
    /// Where seccompose's own block for calls libseccomp lacks is (empty when there is none):
    /// the end of the program, reached where libseccomp's part would return the default.
    pub own: std::ops::Range<usize>,
    /// runc's -ENOSYS stub at the start of the program (an empty range when the target's
    /// runtime adds none).
    pub stub: Stub,
    /// Names skipped or compiled by number, and similar notes.
    pub warnings: Vec<Diagnostic>,
}

impl CompileError {
    /// Renders compiler-style for people, in their language, `FILE:LINE:COL: error: ...` when
    /// the error has a position.
    pub fn render(&self, file: &str) -> String {
        let words = self.text().local();
        match self {
            CompileError::Rule { pos: Some(p), .. } => {
                format!("{file}:{}:{}: error: {words}", p.line, p.col)
            }
            _ => format!("{file}: error: {words}"),
        }
    }

    /// The error as a message: `Display` gives it in English (it reaches lint's JSON and SARIF
    /// as a finding), [`Text::local`](crate::i18n::Text::local) for people.
    pub fn text(&self) -> crate::i18n::Text {
        use crate::text;
        match self {
            CompileError::Rule { what, message, .. } => text!(
                "compile-rejected",
                what = what.as_str(),
                message = message.as_str()
            ),
            CompileError::Filter { step, message } => {
                text!("compile-failed", step = *step, message = message.as_str())
            }
            CompileError::TooLong(n) => text!("compile-too-long", n = n.to_string()),
            CompileError::AtLeastTooLong(n) => {
                text!("compile-at-least-too-long", n = n.to_string())
            }
        }
    }
}

impl Compiled {
    /// The filter as a program (for the emulator, the disassembler, the sandbox).
    pub fn program(&self) -> Result<crate::bpf::Program, CompileError> {
        crate::bpf::Program::from_bytes(&self.bpf).map_err(|e| CompileError::Filter {
            step: "read back the filter",
            message: e.to_string(),
        })
    }

    /// Number of BPF instructions.
    pub fn instruction_count(&self) -> usize {
        self.bpf.len() / 8
    }
}

/// Why a profile could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// libseccomp refused a rule.
    #[error("{}", self.text().english())]
    Rule {
        /// Where the rule is in the source.
        pos: Option<Pos>,
        /// What was being added (`syscalls[3] (mkdir on x86_64)`).
        what: String,
        /// libseccomp's words.
        message: String,
    },
    /// libseccomp failed outside any rule.
    #[error("{}", self.text().english())]
    Filter {
        /// What we asked for.
        step: &'static str,
        /// libseccomp's words.
        message: String,
    },
    /// The program is longer than the kernel accepts.
    #[error("{}", self.text().english())]
    TooLong(usize),
    /// The program would be longer than the kernel accepts, known before compiling it.
    #[error("{}", self.text().english())]
    AtLeastTooLong(usize),
}

fn filter_err(step: &'static str) -> impl Fn(libseccomp::error::SeccompError) -> CompileError {
    move |e| CompileError::Filter {
        step,
        message: e.to_string(),
    }
}

/// The libseccomp token for one of our architectures.
pub fn scmp_arch(arch: Arch) -> Option<ScmpArch> {
    use ScmpArch::*;
    Some(match arch.scmp_name() {
        "SCMP_ARCH_X86_64" => X8664,
        "SCMP_ARCH_X86" => X86,
        "SCMP_ARCH_X32" => X32,
        "SCMP_ARCH_AARCH64" => Aarch64,
        "SCMP_ARCH_ARM" => Arm,
        "SCMP_ARCH_RISCV64" => Riscv64,
        "SCMP_ARCH_PPC64LE" => Ppc64Le,
        "SCMP_ARCH_PPC64" => Ppc64,
        "SCMP_ARCH_PPC" => Ppc,
        "SCMP_ARCH_S390X" => S390X,
        "SCMP_ARCH_S390" => S390,
        "SCMP_ARCH_MIPS" => Mips,
        "SCMP_ARCH_MIPS64" => Mips64,
        "SCMP_ARCH_MIPS64N32" => Mips64N32,
        "SCMP_ARCH_MIPSEL" => Mipsel,
        "SCMP_ARCH_MIPSEL64" => Mipsel64,
        "SCMP_ARCH_MIPSEL64N32" => Mipsel64N32,
        "SCMP_ARCH_PARISC" => Parisc,
        "SCMP_ARCH_PARISC64" => Parisc64,
        _ => return None,
    })
}

/// The return action of a profile action and its errno.
pub fn ret_action(action: Action, errno: u64) -> RetAction {
    match action.semantic() {
        Action::KillProcess => RetAction::KillProcess,
        Action::Trap => RetAction::Trap(0),
        Action::Errno => RetAction::Errno(errno as u16),
        Action::Trace => RetAction::Trace(errno as u16),
        Action::Allow => RetAction::Allow,
        Action::Log => RetAction::Log,
        Action::Notify => RetAction::UserNotif,
        Action::Kill | Action::KillThread => RetAction::KillThread,
    }
}

/// The libseccomp action for a return action.
fn scmp_action(action: RetAction) -> ScmpAction {
    match action {
        RetAction::KillProcess | RetAction::Unknown(_) => ScmpAction::KillProcess,
        RetAction::KillThread => ScmpAction::KillThread,
        RetAction::Trap(_) => ScmpAction::Trap,
        RetAction::Errno(e) => ScmpAction::Errno(i32::from(e)),
        RetAction::UserNotif => ScmpAction::Notify,
        RetAction::Trace(d) => ScmpAction::Trace(d),
        RetAction::Log => ScmpAction::Log,
        RetAction::Allow => ScmpAction::Allow,
    }
}

/// The action a rule or default takes in the filter.
fn effective(action: Action, errno: u64, _options: &Options) -> RetAction {
    ret_action(action, errno)
}

/// An empty libseccomp filter for one architecture with a default action.
fn single_arch_filter(
    default: RetAction,
    sarch: ScmpArch,
) -> Result<ScmpFilterContext, CompileError> {
    let mut ctx =
        ScmpFilterContext::new(scmp_action(default)).map_err(filter_err("create a filter"))?;
    let native = ScmpArch::native();
    if sarch != native {
        ctx.add_arch(sarch)
            .map_err(filter_err("add an architecture"))?;
        ctx.remove_arch(native)
            .map_err(filter_err("remove the native architecture"))?;
    }
    // The filter is loaded by our own code or the runtime, which set no_new_privs themselves.
    ctx.set_ctl_nnp(false)
        .map_err(filter_err("clear no_new_privs"))?;
    Ok(ctx)
}

/// Builds the libseccomp filter for a profile on a target.
pub fn filter(
    profile: &Profile,
    target: &Target,
    options: &Options,
) -> Result<(ScmpFilterContext, Compiled), CompileError> {
    let arches = filter_arches(profile, target);
    let planned = plan(profile, target);
    // Refused before libseccomp spends minutes finding out (see `bound`).
    let least = bound::lower_bound(&planned, &arches);
    if least > MAX_INSTRUCTIONS {
        return Err(CompileError::AtLeastTooLong(least));
    }
    let tree = match options.layout {
        Layout::Auto => planned.active_rules > 8,
        Layout::Linear => false,
        Layout::Tree => true,
    };
    // What runc would refuse, refused here too: a preview must not run what cannot load.
    if let Some((pos, message)) = planned.refusals.first() {
        return Err(CompileError::Rule {
            pos: *pos,
            what: "an errnoRet".into(),
            message: message.english(),
        });
    }
    let mut warnings = planned.warnings.clone();
    let runc_default = RuncErrno::of(profile.default_errno(), profile.default_action);
    let default_problem = profile
        .default_action
        .takes_errno()
        .then(|| errno_problem(runc_default, "defaultErrnoRet", profile.default_errno()))
        .flatten();
    if let Some(message) = default_problem {
        if runc_default.refused {
            return Err(CompileError::Filter {
                step: "create the filter",
                message: message.english(),
            });
        }
        warnings.push(Diagnostic::warning(Pos::default(), message));
    }
    let default = effective(
        profile.default_action,
        u64::from(runc_default.data),
        options,
    );
    let mut merged: Option<ScmpFilterContext> = None;
    let mut extras = Vec::new();
    for &arch in &arches {
        let Some(sarch) = scmp_arch(arch) else {
            warnings.push(Diagnostic::warning(
                Pos::default(),
                crate::text!("load-compile-arch-left-out", arch = arch.to_string()),
            ));
            continue;
        };
        let mut ctx = single_arch_filter(default, sarch)?;
        if tree {
            ctx.set_ctl_optimize(2)
                .map_err(filter_err("choose the binary tree"))?;
        }
        let extra = rules::add_rules(&mut ctx, arch, sarch, target, &planned, default, options)?;
        if !extra.is_empty() {
            extras.push((arch, extra));
        }
        match merged.as_mut() {
            None => merged = Some(ctx),
            Some(m) => {
                m.merge(ctx)
                    .map_err(filter_err("merge per-architecture filters"))?;
            }
        }
    }
    let ctx = match merged {
        Some(c) => c,
        None => {
            ScmpFilterContext::new(scmp_action(default)).map_err(filter_err("create a filter"))?
        }
    };
    let block = supplement::program(&extras)?;
    let main =
        crate::bpf::Program::from_bytes(&export(&ctx, |c, f| c.export_bpf(f))?).map_err(|e| {
            CompileError::Filter {
                step: "read back the filter",
                message: e.to_string(),
            }
        })?;
    let (program, own) = supplement::attach(&main, &block, default);
    let (program, own, stub) = match runtime::stub(profile, target) {
        Some((insns, limits)) => {
            let n = insns.len();
            let stub = Stub {
                range: 0..n,
                limits,
            };
            let own = if own.is_empty() {
                own
            } else {
                own.start + n..own.end + n
            };
            (runtime::prepend(&insns, &program), own, stub)
        }
        None => (program, own, Stub::default()),
    };
    let bpf = if options.observe {
        observe_variant(&program).to_bytes()
    } else {
        program.to_bytes()
    };
    if bpf.len() / 8 > MAX_INSTRUCTIONS {
        return Err(CompileError::TooLong(bpf.len() / 8));
    }
    Ok((
        ctx,
        Compiled {
            bpf,
            arches,
            tree,
            own,
            stub,
            warnings,
        },
    ))
}

/// Compiles a profile for a target.
pub fn build(
    profile: &Profile,
    target: &Target,
    options: &Options,
) -> Result<Compiled, CompileError> {
    filter(profile, target, options).map(|(_, c)| c)
}

/// libseccomp's own pseudo-filter-code text of the filter.
pub fn pfc(profile: &Profile, target: &Target, options: &Options) -> Result<String, CompileError> {
    let (ctx, _) = filter(profile, target, options)?;
    pfc_of(&ctx)
}

/// libseccomp's PFC text of a filter it built.
fn pfc_of(ctx: &ScmpFilterContext) -> Result<String, CompileError> {
    let bytes = export(ctx, |c, f| c.export_pfc(f))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs one of libseccomp's exporters into an in-memory file and reads it back.
fn export(
    ctx: &ScmpFilterContext,
    write: impl Fn(&ScmpFilterContext, &std::fs::File) -> Result<(), libseccomp::error::SeccompError>,
) -> Result<Vec<u8>, CompileError> {
    let io = |e: std::io::Error| CompileError::Filter {
        step: "export the filter",
        message: e.to_string(),
    };
    let fd =
        nix::sys::memfd::memfd_create(c"seccompose-export", nix::sys::memfd::MFdFlags::MFD_CLOEXEC)
            .map_err(|e| io(e.into()))?;
    let mut file = std::fs::File::from(fd);
    write(ctx, &file).map_err(filter_err("export the filter"))?;
    file.rewind().map_err(io)?;
    let mut out = Vec::new();
    file.read_to_end(&mut out).map_err(io)?;
    Ok(out)
}

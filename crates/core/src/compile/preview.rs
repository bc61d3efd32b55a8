//! What a BPF pane shows for a profile on a target: the compiled filter, disassembled and
//! measured once, and the path any syscall takes through it.

use super::{explain, CompileError, Compiled, Draft, ExplainError, Explanation};
use super::{Layout, Options, Plan, PlannedRule};
use crate::bpf::{self, ArchStats};
use crate::profile::{Arch, Profile, Target};

/// A compiled filter with everything derived from it that does not depend on the cursor.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The filter as the kernel will load it.
    pub compiled: Compiled,
    /// The rules it was compiled from (to name the rule that decides a call).
    pub plan: Plan,
    /// The architecture paths and costs are measured on: the target's.
    pub arch: Arch,
    /// Every instruction, disassembled.
    pub lines: Vec<bpf::Line>,
    /// What the filter costs on `arch`: reachable instructions and executed ones per syscall.
    pub cost: ArchStats,
    /// libseccomp's pseudo-filter code of the same filter, one line each (empty for a filter
    /// that did not come from libseccomp); it leaves out seccompose's own block.
    pub pfc: Vec<String>,
    /// Calls where the filter does not do what the profile says (the translation check).
    pub mismatches: Vec<super::Mismatch>,
}

impl Preview {
    /// Compiles `profile` for `target`, then disassembles and measures the filter.
    pub fn build(
        profile: &Profile,
        target: &Target,
        options: &Options,
    ) -> Result<Preview, CompileError> {
        Preview::of_draft(
            Draft::build(profile, target, options, true)?,
            profile,
            target,
        )
    }

    /// Disassembles and measures `draft`, compiled from `profile` for `target` (with its
    /// pseudo-filter code, when it has it).
    pub fn of_draft(
        draft: Draft,
        profile: &Profile,
        target: &Target,
    ) -> Result<Preview, CompileError> {
        let mut preview = Preview::new(draft.compiled, super::plan(profile, target), target.arch)?;
        preview.pfc = draft.pfc.unwrap_or_default();
        preview.mismatches = draft.mismatches;
        Ok(preview)
    }

    /// The filter in the linear and in the binary-tree layout, to compare what each costs.
    pub fn layouts(profile: &Profile, target: &Target) -> Result<[Preview; 2], CompileError> {
        let with = |layout| {
            let options = Options {
                layout,
                ..Options::default()
            };
            let compiled = super::build(profile, target, &options)?;
            Preview::new(compiled, super::plan(profile, target), target.arch)
        };
        Ok([with(Layout::Linear)?, with(Layout::Tree)?])
    }

    /// Disassembles and measures an already compiled filter on `arch`.
    pub fn new(compiled: Compiled, plan: Plan, arch: Arch) -> Result<Preview, CompileError> {
        let program = compiled.program()?;
        let lines = bpf::disassemble(&program);
        let cost = bpf::stats(&program, &[arch])
            .arches
            .pop()
            .expect("stats has one entry per requested architecture");
        Ok(Preview {
            compiled,
            plan,
            arch,
            lines,
            cost,
            pfc: Vec::new(),
            mismatches: Vec::new(),
        })
    }

    /// Whether instruction `index` belongs to seccompose's own block for calls that the
    /// installed libseccomp does not know.
    pub fn is_own(&self, index: usize) -> bool {
        self.compiled.own.contains(&index)
    }

    /// The path `name` takes on the target's architecture with every argument 0, what the
    /// filter returns, and the rule that decided.
    pub fn follow(&self, name: &str) -> Result<Explanation, ExplainError> {
        self.trace(name, [0; 6], self.arch)
    }

    /// The path `name(args)` takes when made in the ABI `abi` (a 32-bit process meets the
    /// same filter as a 64-bit one), what the filter returns, and the rule that decided.
    pub fn trace(
        &self,
        name: &str,
        args: [u64; 6],
        abi: Arch,
    ) -> Result<Explanation, ExplainError> {
        explain(&self.compiled, &self.plan, abi, name, args)
    }

    /// The lines of the PFC that test `name` in the section of `abi`: the comment that names
    /// it, its `if`, and what is nested under them.
    pub fn pfc_part(&self, abi: Arch, name: &str) -> Option<std::ops::Range<usize>> {
        let header = format!("# filter for arch {} (", abi.short_name());
        let token = format!("({})", abi.audit_token());
        let section = self.pfc.iter().position(|l| {
            l.starts_with(&header) || (l.starts_with("# filter for arch") && l.ends_with(&token))
        })?;
        let named = format!("# filter for syscall \"{name}\" (");
        let rest = &self.pfc[section + 1..];
        let end = rest
            .iter()
            .position(|l| l.starts_with("# filter for arch"))
            .unwrap_or(rest.len());
        let at = rest[..end]
            .iter()
            .position(|l| l.trim_start().starts_with(&named))?;
        let indent = |l: &str| l.len() - l.trim_start().len();
        let depth = indent(&rest[at]);
        let len = 2 + rest[at + 2..end]
            .iter()
            .take_while(|l| indent(l) > depth)
            .count();
        let start = section + 1 + at;
        Some(start..(start + len).min(section + 1 + end))
    }

    /// The planned rule made from `syscalls[index]`.
    pub fn rule(&self, index: usize) -> Option<&PlannedRule> {
        self.plan.rules.iter().find(|r| r.index == index)
    }

    /// The next instruction after `from` (wrapping around; backwards when `forward` is false)
    /// whose disassembly contains `needle`, ignoring case.
    pub fn find(&self, needle: &str, from: usize, forward: bool) -> Option<usize> {
        let needle = needle.to_lowercase();
        next_match(self.lines.len(), from, forward, |i| {
            !needle.is_empty() && self.lines[i].text.to_lowercase().contains(&needle)
        })
    }
}

/// The next line after `from` (wrapping around; backwards when `forward` is false) that
/// contains `needle`, ignoring case.
pub fn find_in<S: AsRef<str>>(
    lines: &[S],
    needle: &str,
    from: usize,
    forward: bool,
) -> Option<usize> {
    let needle = needle.to_lowercase();
    next_match(lines.len(), from, forward, |i| {
        !needle.is_empty() && lines[i].as_ref().to_lowercase().contains(&needle)
    })
}

/// The next index after `from` among `len` (wrapping around) for which `hit` holds.
fn next_match(
    len: usize,
    from: usize,
    forward: bool,
    hit: impl Fn(usize) -> bool,
) -> Option<usize> {
    if len == 0 {
        return None;
    }
    (1..=len)
        .map(|step| {
            if forward {
                (from + step) % len
            } else {
                (from + len - step % len) % len
            }
        })
        .find(|&i| hit(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::{Insn, Program, RetAction};
    use crate::catalog::Catalog;
    use crate::profile::{parse, Action, Pos};

    fn profile(json: &str) -> Profile {
        parse(json, &Catalog).profile.expect("test profile loads")
    }

    fn x86_64() -> Target {
        Target {
            arch: Arch::X86_64,
            ..Target::host()
        }
    }

    const SMALL: &str = r#"{
  "defaultAction": "SCMP_ACT_ERRNO",
  "architectures": ["SCMP_ARCH_X86_64"],
  "syscalls": [
    {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"}
  ]
}"#;

    /// SMALL with a rule for a name no architecture has (the loader refuses those; an edit or
    /// a newer catalog elsewhere can still bring one in).
    fn small_with_unknown_name() -> Profile {
        let mut p = profile(SMALL);
        let unknown = crate::profile::Rule::new(vec!["nosuchcall".into()], Action::Allow);
        p.syscalls.as_mut().expect("SMALL has rules").push(unknown);
        p
    }

    #[test]
    fn lists_measures_and_follows_the_compiled_filter() {
        // Without runc's stub, which would answer the numbers above write's before libseccomp's
        // first test.
        let target = Target {
            runtime: crate::profile::Runtime::None,
            ..x86_64()
        };
        let p = Preview::build(&small_with_unknown_name(), &target, &Options::default()).unwrap();
        assert_eq!(p.lines.len(), p.compiled.instruction_count());
        assert_eq!(p.compiled.arches, [Arch::X86_64]);
        let summary = p.cost.summary.as_ref().expect("x86_64 has numbers");
        assert!(summary.min <= summary.median && summary.median <= summary.max);
        assert_eq!(summary.min_syscall, "read", "read is tested first");
        assert!(
            p.compiled.warnings[0]
                .message
                .english()
                .contains("nosuchcall"),
            "unknown names are skipped with a warning"
        );

        let write = p.follow("write").unwrap();
        assert_eq!((write.action, write.rule), (RetAction::Allow, Some(0)));
        assert_eq!(write.path.first(), Some(&0));
        let last = *write.path.last().unwrap();
        assert_eq!(p.lines[last].text, "return ALLOW");
        assert!(p.lines[write.decision().unwrap()].text.contains("write"));
        assert!(write.visits(last) && !write.visits(last + 1));
        assert_eq!(
            p.rule(0).map(|r| r.pos),
            Some(Some(Pos { line: 5, col: 5 }))
        );

        let pfc = p
            .pfc_part(Arch::X86_64, "write")
            .expect("write has a part in the PFC");
        assert!(
            p.pfc[pfc.start].contains("\"write\""),
            "{:?}",
            &p.pfc[pfc.clone()]
        );
        assert!(
            p.pfc[pfc.end - 1].trim() == "action ALLOW;",
            "{:?}",
            &p.pfc[pfc.clone()]
        );
        assert_eq!(p.pfc_part(Arch::X86_64, "mkdir"), None);
        assert_eq!(p.pfc_part(Arch::X86, "write"), None, "no x86 section");
        let on_x86 = p.trace("write", [0; 6], Arch::X86).unwrap();
        assert!(!on_x86.covered && on_x86.rule.is_none());
        assert!(p.find("write", 0, true).is_some());
        assert_eq!(
            find_in(&p.pfc, "ALLOW", 0, true),
            p.pfc
                .iter()
                .skip(1)
                .position(|l| l.contains("ALLOW"))
                .map(|i| i + 1)
        );

        let mkdir = p.follow("mkdir").unwrap();
        assert_eq!((mkdir.action, mkdir.rule), (RetAction::Errno(1), None));
        assert!(p.follow("mkdri").is_err());
    }

    #[test]
    fn a_rule_libseccomp_refuses_is_an_error_with_its_place() {
        let conflicting = r#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
  {"names": ["getpid"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]},
  {"names": ["getpid"], "action": "SCMP_ACT_KILL", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]}]}"#;
        let err = Preview::build(&profile(conflicting), &x86_64(), &Options::default())
            .expect_err("libseccomp refuses two actions for the same condition");
        assert!(
            matches!(&err, CompileError::Rule { pos: Some(p), .. } if p.line == 3),
            "{err:?}"
        );
    }

    fn hand_made(own: std::ops::Range<usize>) -> Preview {
        let insns = [
            Insn::stmt(bpf::op::LD_W_ABS, 0),
            Insn::jump(bpf::op::JEQ_K, 39, 0, 1),
            Insn::stmt(bpf::op::RET_K, bpf::RET_ALLOW),
            Insn::stmt(bpf::op::RET_K, bpf::RET_KILL_PROCESS),
        ];
        let compiled = Compiled {
            bpf: Program::new(insns.to_vec()).to_bytes(),
            arches: vec![Arch::X86_64],
            tree: false,
            own,
            stub: Default::default(),
            warnings: Vec::new(),
        };
        Preview::new(compiled, Plan::default(), Arch::X86_64).unwrap()
    }

    #[test]
    fn the_own_block_is_the_range_it_says() {
        let p = hand_made(2..4);
        let own: Vec<bool> = (0..p.lines.len()).map(|i| p.is_own(i)).collect();
        assert_eq!(own, [false, false, true, true]);
        assert!(!hand_made(0..0).is_own(0));
    }

    #[test]
    fn find_wraps_around_in_both_directions() {
        let p = hand_made(0..0);
        assert_eq!(p.find("RETURN", 0, true), Some(2));
        assert_eq!(p.find("return", 2, true), Some(3));
        assert_eq!(p.find("return", 3, true), Some(2), "wraps to the top");
        assert_eq!(p.find("return", 2, false), Some(3), "wraps to the bottom");
        assert_eq!(p.find("== 39", 3, true), Some(1));
        assert_eq!(p.find("nothing like it", 0, true), None);
        assert_eq!(p.find("", 0, true), None);
    }
}

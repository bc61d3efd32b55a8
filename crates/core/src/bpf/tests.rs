//! Tests against programs that the real libseccomp writes: they must validate, disassemble
//! with syscall names, and emulate to the actions the rules ask for.

use super::*;
use crate::catalog::Catalog;
use crate::profile::Arch;
use libseccomp::{
    ScmpAction, ScmpArch, ScmpArgCompare, ScmpCompareOp, ScmpFilterContext, ScmpSyscall,
};
use std::io::{Read, Seek};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Exports a filter through a temporary file, as `seccomp_export_bpf` writes it.
fn export(ctx: &ScmpFilterContext) -> Result<Program, Box<dyn std::error::Error>> {
    let mut file = tempfile::tempfile()?;
    ctx.export_bpf(&file)?;
    file.rewind()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let prog = Program::from_bytes(&bytes)?;
    assert_eq!(prog.to_bytes(), bytes);
    Ok(prog)
}

fn cmp(arg: u32, op: ScmpCompareOp, datum: u64) -> ScmpArgCompare {
    ScmpArgCompare::new(arg, op, datum)
}

/// Default EPERM; one rule of every action; argument conditions of several kinds.
fn build(optimize: u32) -> Result<(ScmpFilterContext, bool), Box<dyn std::error::Error>> {
    let mut ctx = ScmpFilterContext::new(ScmpAction::Errno(1))?;
    ctx.add_arch(ScmpArch::X86)?;
    ctx.set_ctl_optimize(optimize)?;
    ctx.add_rule(ScmpAction::Allow, ScmpSyscall::from_name("read")?)?;
    ctx.add_rule(ScmpAction::Allow, ScmpSyscall::from_name("write")?)?;
    ctx.add_rule(ScmpAction::Errno(13), ScmpSyscall::from_name("openat")?)?;
    ctx.add_rule(ScmpAction::Log, ScmpSyscall::from_name("getpid")?)?;
    ctx.add_rule(ScmpAction::Trace(5), ScmpSyscall::from_name("uname")?)?;
    ctx.add_rule(ScmpAction::Trap, ScmpSyscall::from_name("ptrace")?)?;
    ctx.add_rule(ScmpAction::KillProcess, ScmpSyscall::from_name("kill")?)?;
    ctx.add_rule(ScmpAction::KillThread, ScmpSyscall::from_name("reboot")?)?;
    // Notify needs kernel support that libseccomp probes for; tolerate its absence.
    let notify = ctx
        .add_rule(ScmpAction::Notify, ScmpSyscall::from_name("mount")?)
        .is_ok();
    let personality = ScmpSyscall::from_name("personality")?;
    ctx.add_rule_conditional(
        ScmpAction::Allow,
        personality,
        &[cmp(0, ScmpCompareOp::Equal, 0xffff_ffff)],
    )?;
    let fcntl = ScmpSyscall::from_name("fcntl")?;
    for cmd in [1, 3] {
        ctx.add_rule_conditional(
            ScmpAction::Allow,
            fcntl,
            &[cmp(1, ScmpCompareOp::Equal, cmd)],
        )?;
    }
    ctx.add_rule_conditional(
        ScmpAction::Errno(22),
        ScmpSyscall::from_name("lseek")?,
        &[cmp(2, ScmpCompareOp::Greater, 4)],
    )?;
    ctx.add_rule_conditional(
        ScmpAction::Allow,
        ScmpSyscall::from_name("mprotect")?,
        &[cmp(2, ScmpCompareOp::MaskedEqual(4), 0)],
    )?;
    Ok((ctx, notify))
}

/// What the filter should do with `name(args)` on `arch`.
fn check_call(prog: &Program, arch: Arch, name: &str, args: [u64; 6], want: RetAction) {
    let nr = Catalog
        .syscall(name)
        .and_then(|s| s.number(arch))
        .unwrap_or_else(|| panic!("{name} has no number on {arch}"));
    let out = emulate(prog, &SeccompData::new(arch, nr, args));
    assert_eq!(
        out.action, want,
        "{name}{args:?} on {arch}, path {:?}",
        out.path
    );
    assert_eq!(run(prog, &SeccompData::new(arch, nr, args)), out.ret);
}

fn check_program(prog: &Program, notify: bool) {
    assert_eq!(prog.validate(), Ok(()));
    for arch in [Arch::X86_64, Arch::X86] {
        let call = |name: &str, args: [u64; 6], want| check_call(prog, arch, name, args, want);
        let zero = [0; 6];
        call("read", zero, RetAction::Allow);
        call("write", [1, 2, 3, 0, 0, 0], RetAction::Allow);
        call("openat", zero, RetAction::Errno(13));
        call("getpid", zero, RetAction::Log);
        call("uname", zero, RetAction::Trace(5));
        call("ptrace", zero, RetAction::Trap(0));
        call("kill", zero, RetAction::KillProcess);
        call("reboot", zero, RetAction::KillThread);
        if notify {
            call("mount", zero, RetAction::UserNotif);
        }
        call("chdir", zero, RetAction::Errno(1));
        call(
            "personality",
            [0xffff_ffff, 0, 0, 0, 0, 0],
            RetAction::Allow,
        );
        call("personality", zero, RetAction::Errno(1));
        call("fcntl", [0, 1, 0, 0, 0, 0], RetAction::Allow);
        call("fcntl", [0, 3, 0, 0, 0, 0], RetAction::Allow);
        call("fcntl", [0, 4, 0, 0, 0, 0], RetAction::Errno(1));
        call("lseek", [0, 0, 5, 0, 0, 0], RetAction::Errno(22));
        call("lseek", [0, 0, 4, 0, 0, 0], RetAction::Errno(1));
        call("mprotect", [0, 4096, 3, 0, 0, 0], RetAction::Allow);
        call("mprotect", [0, 4096, 7, 0, 0, 0], RetAction::Errno(1));
    }
    // On x86-64 the high word of an argument counts; i386 arguments are 32-bit.
    let high = [0x1_ffff_ffff, 0, 0, 0, 0, 0];
    check_call(prog, Arch::X86_64, "personality", high, RetAction::Errno(1));
    check_call(prog, Arch::X86, "personality", high, RetAction::Allow);
    // x32 calls and other architectures get libseccomp's bad-arch action (kill thread).
    check_call(prog, Arch::X32, "read", [0; 6], RetAction::KillThread);
    check_call(prog, Arch::AARCH64, "read", [0; 6], RetAction::KillThread);
}

fn check_disassembly(prog: &Program) {
    let text = listing(prog);
    assert!(!text.contains("???"), "{text}");
    assert!(!text.contains("not allowed"), "{text}");
    // Argument words are named even where the arches' paths meet (both little-endian).
    assert!(!text.contains("data["), "{text}");
    for needle in [
        "A = arch",
        "A = nr",
        "if (A == x86_64)",
        "if (A == x86)",
        "X32_SYSCALL_BIT",
        "A = args[0] >> 32",
        "A = args[2]",
        "return ERRNO(13)",
        "return ERRNO(22)",
        "return TRACE(5)",
        "return LOG",
        "return TRAP",
        "return ALLOW",
        "return KILL_PROCESS",
        "return KILL_THREAD",
    ] {
        assert!(text.contains(needle), "no {needle:?} in\n{text}");
    }
    // openat is named in both halves: 257 on x86-64, 295 on i386.
    let openat: Vec<u32> = disassemble(prog)
        .into_iter()
        .filter(|l| l.text.contains("openat"))
        .map(|l| l.insn.k)
        .collect();
    assert!(
        openat.contains(&257) && openat.contains(&295),
        "{openat:?}\n{text}"
    );
    // And 257 on i386 (remap_file_pages) is never called openat.
    assert!(
        !text.contains("0x00000127  if (A == remap_file_pages)"),
        "{text}"
    );
}

#[test]
fn libseccomp_linear_program() -> TestResult {
    let (ctx, notify) = build(1)?;
    let prog = export(&ctx)?;
    check_program(&prog, notify);
    check_disassembly(&prog);
    Ok(())
}

#[test]
fn libseccomp_binary_tree_program() -> TestResult {
    let (ctx, notify) = build(2)?;
    let prog = export(&ctx)?;
    check_program(&prog, notify);
    check_disassembly(&prog);
    Ok(())
}

#[test]
fn libseccomp_numbers_match_the_catalog() -> TestResult {
    for (arch, scmp) in [(Arch::X86_64, ScmpArch::X8664), (Arch::X86, ScmpArch::X86)] {
        for name in [
            "read",
            "openat",
            "personality",
            "fcntl",
            "mprotect",
            "mount",
        ] {
            let theirs = ScmpSyscall::from_name_by_arch(name, scmp)?.as_raw_syscall();
            let ours = Catalog.syscall(name).and_then(|s| s.number(arch));
            assert_eq!(ours.map(|n| n as i32), Some(theirs), "{name} on {arch}");
        }
    }
    Ok(())
}

#[test]
fn libseccomp_program_statistics() -> TestResult {
    let (ctx, _) = build(1)?;
    let prog = export(&ctx)?;
    let st = stats(&prog, &[Arch::X86_64, Arch::X86, Arch::X32]);
    for a in &st.arches {
        assert_eq!(a.total, prog.len());
        assert!(a.reachable > 0 && a.reachable < a.total, "{a:?}");
        let summary = a.summary.as_ref().ok_or("no summary")?;
        assert!(summary.min <= summary.median && summary.median <= summary.max);
        let cost = |name: &str| a.per_syscall.iter().find(|c| c.name == name);
        let max = cost(summary.max_syscall).ok_or("max syscall missing")?;
        assert_eq!(max.executed, summary.max);
        let min = cost(summary.min_syscall).ok_or("min syscall missing")?;
        assert_eq!(min.executed, summary.min);
    }
    // Every x32 call is refused before any syscall comparison.
    let x32 = &st.arches[2];
    assert!(x32
        .per_syscall
        .iter()
        .all(|c| c.action == RetAction::KillThread));
    assert_eq!(
        x32.summary.as_ref().map(|s| s.min),
        x32.summary.as_ref().map(|s| s.max)
    );
    Ok(())
}

#[test]
fn an_instruction_becomes_the_kernels_struct_field_by_field() {
    let insn = Insn::jump(op::JEQ_K, 0xc000_003e, 3, 7);
    let raw: libc::sock_filter = insn.into();
    assert_eq!((raw.code, raw.jt, raw.jf, raw.k), (0x15, 3, 7, 0xc000_003e));
    // The same bytes as the exported record, since the kernel reads the record as that struct.
    // SAFETY: sock_filter is a plain 8-byte C struct.
    let bytes: [u8; 8] = unsafe { std::mem::transmute(raw) };
    assert_eq!(bytes, insn.to_record());
}

//! `explain`.

use super::target::{load_profile, CallArgs};
use anyhow::anyhow;
use seccompose::bpf::{self, Program, RetAction};
use seccompose::catalog::{describe_call, parse_call_args};
use seccompose::compile::Cache;
use seccompose::compile::{self, Options};
use seccompose::msg;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// `seccompose explain`.
pub fn explain(
    file: &Path,
    syscall: &str,
    raw_args: &[String],
    call: &CallArgs,
    json_out: bool,
    cache: Option<Cache>,
) -> anyhow::Result<ExitCode> {
    let profile = load_profile(file)?;
    let args = parse_call_args(syscall, raw_args).map_err(|e| anyhow!(e))?;
    let (target, abis) = call.resolve()?;
    let compiled = compile::build_with(cache.as_ref(), &profile, &target, &Options::default())
        .map_err(|e| anyhow!(e.render(&file.display().to_string())))?;
    let plan = compile::plan(&profile, &target);
    let program = Program::from_bytes(&compiled.bpf)?;
    let lines = bpf::disassemble(&program);
    let mut results = Vec::new();
    for abi in abis {
        let ex = compile::explain(&compiled, &plan, abi, syscall, args)?;
        results.push(ex);
    }
    if json_out {
        let items: Vec<_> = results
            .iter()
            .map(|ex| {
                let rule = ex.rule.map(|i| {
                    let pos = profile.rules()[i].pos.unwrap_or_default();
                    json!({"index": i, "line": pos.line, "col": pos.col})
                });
                json!({
                    "syscall": syscall,
                    "arch": ex.arch.short_name(),
                    "host_arch": target.arch.short_name(),
                    "nr": ex.nr,
                    "args": args,
                    "action": ex.action.scmp_name(),
                    "errno": match ex.action { RetAction::Errno(e) | RetAction::Trace(e) => Some(e), _ => None },
                    "rule": rule,
                    "stub": ex.stub.as_ref().map(|l| json!({
                        "above": l.as_ref().map(|l| l.nr),
                        "name": l.as_ref().map(|l| l.name.clone()),
                    })),
                    "skipped": ex.skipped.iter().map(|s| json!({
                        "index": s.index,
                        "name": s.name,
                        "known_since": s.known_since.map(|v| v.to_string()),
                    })).collect::<Vec<_>>(),
                    "path": ex.path.iter().map(|&i| json!({"index": i, "text": lines[i].text})).collect::<Vec<_>>(),
                })
            })
            .collect();
        let out = if items.len() == 1 {
            items.into_iter().next().unwrap_or_default()
        } else {
            json!(items)
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    for ex in &results {
        let call = describe_call(syscall, &args, &Default::default());
        let (arch, nr) = (ex.arch.to_string(), ex.nr.to_string());
        let action = seccompose::sandbox::describe_action(ex.action);
        let heading = if ex.arch == target.arch {
            msg!(
                "cli-explain-call",
                call = call,
                arch = arch,
                nr = nr,
                action = action
            )
        } else {
            let host = target.arch.to_string();
            msg!(
                "cli-explain-call-host",
                call = call,
                arch = arch,
                host = host,
                nr = nr,
                action = action
            )
        };
        println!("{heading}");
        let place = |i: usize| {
            let pos = profile.rules()[i].pos.unwrap_or_default();
            format!(
                "syscalls[{i}] ({}:{}:{})",
                file.display(),
                pos.line,
                pos.col
            )
        };
        println!(
            "{}",
            ex.decided_by(place, &profile.default_action.to_string())
                .local()
        );
        for s in &ex.skipped {
            println!(
                "{}",
                msg!("cli-explain-not-applied", why = s.describe(&target).local())
            );
        }
        println!("{}", msg!("cli-explain-path", n = ex.path.len()));
        for &i in &ex.path {
            println!("  {:>5}: {}", i, lines[i].text);
        }
    }
    Ok(ExitCode::SUCCESS)
}

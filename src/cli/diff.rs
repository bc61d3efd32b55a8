//! `diff`: what two profiles do differently, not how their text differs.

use super::target::{load_profile, TargetArgs};
use seccompose::profile::{self, PolicyDiff};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// Exit status when a profile cannot be read or the options make no sense.
const TROUBLE: u8 = 2;

fn to_json(d: &PolicyDiff) -> serde_json::Value {
    json!({
        "equal": d.is_empty(),
        "default": d.default.map(|(a, b)| json!({"before": a.to_string(), "after": b.to_string()})),
        "architectures": d.arches.as_ref().map(|(a, b)| json!({
            "before": a.iter().map(|x| x.short_name()).collect::<Vec<_>>(),
            "after": b.iter().map(|x| x.short_name()).collect::<Vec<_>>(),
        })),
        "syscalls": d.syscalls.iter().map(|c| json!({
            "name": c.name,
            "before": c.before.to_string(),
            "after": c.after.to_string(),
        })).collect::<Vec<_>>(),
    })
}

/// `seccompose diff A B`: exit 0 when they do the same on every target, 1 when not.
pub fn diff(a: &Path, b: &Path, target: &TargetArgs, json_out: bool) -> anyhow::Result<ExitCode> {
    let loaded =
        (|| Ok::<_, anyhow::Error>((load_profile(a)?, load_profile(b)?, target.targets()?)))();
    let (pa, pb, targets) = match loaded {
        Ok(x) => x,
        Err(e) => {
            eprintln!("seccompose: {}", super::error_line(&e));
            return Ok(ExitCode::from(TROUBLE));
        }
    };
    let diffs: Vec<_> = targets
        .iter()
        .map(|t| (t, profile::diff(&pa, &pb, t)))
        .collect();
    if json_out {
        let items: Vec<_> = diffs
            .iter()
            .map(|(t, d)| {
                let mut v = to_json(d);
                v["arch"] = json!(t.arch.short_name());
                v
            })
            .collect();
        let out = if items.len() == 1 {
            items[0].clone()
        } else {
            json!(items)
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        for (t, d) in &diffs {
            let on = if diffs.len() > 1 {
                format!(
                    " {}",
                    seccompose::msg!("cli-diff-on", arch = t.arch.to_string())
                )
            } else {
                String::new()
            };
            if d.is_empty() {
                let (a, b) = (a.display().to_string(), b.display().to_string());
                println!("{}{on}", seccompose::msg!("cli-diff-same", a = a, b = b));
            }
            for line in d.lines() {
                println!("{line}{on}");
            }
        }
    }
    let same = diffs.iter().all(|(_, d)| d.is_empty());
    Ok(ExitCode::from(u8::from(!same)))
}

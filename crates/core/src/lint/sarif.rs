//! Findings as SARIF 2.1.0, the format code-scanning services read.

use super::finding::Finding;
use crate::profile::LintId;
use crate::profile::Severity;
use serde_json::{json, Value};

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// One SARIF log with one run, in English whatever the language (services and scripts read it): the tool with a rule for each id found, and a result per
/// finding located in `file` (relative paths kept relative).
pub fn sarif(findings: &[Finding], file: &str) -> Value {
    // SARIF locations are URI references: a relative path is one, an absolute one needs file://.
    let uri = if file.starts_with('/') {
        format!("file://{file}")
    } else {
        file.to_string()
    };
    let uri = uri.as_str();
    let mut ids: Vec<LintId> = Vec::new();
    for f in findings {
        if !ids.contains(&f.id) {
            ids.push(f.id);
        }
    }
    let rules: Vec<Value> = ids
        .iter()
        .map(|id| {
            let text = id.explanation().english();
            json!({
                "id": id.as_str(),
                "name": id.as_str(),
                "shortDescription": { "text": text },
                "fullDescription": { "text": text },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut result = json!({
                "ruleId": f.id.as_str(),
                "ruleIndex": ids.iter().position(|i| *i == f.id),
                "level": level(f.severity),
                "message": { "text": format!("{}\nhelp: {}", f.message.english(), f.help.english()) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": { "startLine": f.pos.line, "startColumn": f.pos.col },
                    }
                }],
                "properties": { "syscalls": f.syscalls },
            });
            if let Some(fix) = &f.fix {
                result["properties"]["fix"] = json!(fix.label.english());
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "seccompose",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "artifacts": [{ "location": { "uri": uri } }],
            "results": results,
        }]
    })
}

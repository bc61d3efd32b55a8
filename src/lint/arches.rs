//! Syscalls that none of the filter's architectures has: runc skips them, so a rule about them
//! does nothing (often the call has another name there, as open is openat on aarch64).

use super::finding::Finding;
use super::scope::{list, them, unique_names, Scope};
use crate::catalog::Catalog;
use crate::profile::Severity;

/// `not-on-arch`, a note: portable profiles name calls of other architectures on purpose, and a
/// block that misses because of it is reported as `incomplete-block`.
pub(super) fn not_on_arch(s: &Scope, out: &mut Vec<Finding>) {
    let arches: Vec<String> = s.arches.iter().map(|a| a.to_string()).collect();
    for (index, rule) in s.active_rules() {
        let absent: Vec<&str> = unique_names(rule)
            .into_iter()
            .filter(|n| Catalog.syscall(n).is_some_and(|sc| !s.exists(sc)))
            .collect();
        if absent.is_empty() {
            continue;
        }
        let message = format!(
            "syscalls[{index}] names {}, which none of the filter's architectures ({}) has; runc skips {}",
            list(&absent),
            arches.join(", "),
            them(absent.len())
        );
        let help = "name the call these architectures use instead (seccompose syscalls --arch A lists them), or limit the rule with includes.arches";
        out.push(
            Finding::new("not-on-arch", Severity::Note, message, help)
                .at_rule(index, rule)
                .naming(&absent),
        );
    }
}

//! What this machine's libseccomp says: its numbers for names (remembered), the calls it
//! multiplexes, and conditions in its terms. The rule builder, our own supplement block and
//! the runtime model all ask here.

use crate::profile::{ArgCond, Op};
use libseccomp::{ScmpArch, ScmpArgCompare, ScmpCompareOp, ScmpSyscall};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// A condition as libseccomp takes it (MASKED_EQ: `value` is the mask, `valueTwo` the datum).
pub(super) fn compare(c: &ArgCond) -> ScmpArgCompare {
    let op = match c.op {
        Op::Ne => ScmpCompareOp::NotEqual,
        Op::Lt => ScmpCompareOp::Less,
        Op::Le => ScmpCompareOp::LessOrEqual,
        Op::Eq => ScmpCompareOp::Equal,
        Op::Ge => ScmpCompareOp::GreaterEqual,
        Op::Gt => ScmpCompareOp::Greater,
        Op::MaskedEq => ScmpCompareOp::MaskedEqual(c.value),
    };
    let datum = if c.op == Op::MaskedEq {
        c.value_two.unwrap_or(0)
    } else {
        c.value
    };
    ScmpArgCompare::new(c.index, op, datum)
}

/// Whether 32-bit ABIs also reach a call through `socketcall` or `ipc`, which libseccomp
/// handles itself even where its table gives them a pseudo-number.
pub(super) fn multiplexed(name: &str) -> bool {
    crate::catalog::MULTIPLEXERS
        .iter()
        .any(|(_, calls)| calls.contains(&name))
}

/// libseccomp's answers, remembered: its name lookups are linear scans.
pub(super) fn libseccomp_number(name: &str, arch: Option<ScmpArch>) -> Option<i32> {
    type Memo = HashMap<(String, Option<ScmpArch>), Option<i32>>;
    static MEMO: OnceLock<Mutex<Memo>> = OnceLock::new();
    let memo = MEMO.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (name.to_string(), arch);
    if let Some(hit) = memo.lock().ok().and_then(|m| m.get(&key).copied()) {
        return hit;
    }
    let found = match arch {
        Some(a) => ScmpSyscall::from_name_by_arch(name, a),
        None => ScmpSyscall::from_name(name),
    }
    .ok()
    .map(i32::from);
    if let Ok(mut m) = memo.lock() {
        m.insert(key, found);
    }
    found
}

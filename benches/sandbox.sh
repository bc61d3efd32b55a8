#!/usr/bin/env bash
# The cost of watching a command, as ratios to the bare command measured in the same run:
#  - observed mode (`seccompose run`) on a syscall-heavy command the policy never stops
#    (target: <= 1.05x the bare command);
#  - record mode (`seccompose record`, every syscall goes to the supervisor) against
#    `strace -f -c` on the same command (target: faster than strace).
# Two workloads: dd copying one byte at a time (two ~0.3 us syscalls per byte: the worst case,
# where the kernel's own per-syscall cost of having any filter shows), and tar archiving
# /usr/lib into a pipe (a realistic syscall-heavy command). `run --enforce` is measured too:
# observed minus enforced is what watching costs beyond the filter itself (target: <= 1.02x).
# A third workload forks and execs 300 times: the tracer that reports TRAP and KILL stops the
# command at each fork, signal and exit (never at a syscall), so that is where it would show.
# A fourth workload measures what the "went through" list costs: with chmod taken out of the
# profile's allowlist, an observed run routes fchmod, fchmodat and fchmodat2 to the supervisor
# (continued at once); `chmod -R` over 2,000 files calls fchmodat 2,000 times (target for
# observed/enforced: <= 1.05x), beside the same observed run under the unchanged profile
# (nothing watched).
# Usage: benches/sandbox.sh [BYTES] (default 1000000); RUNS=N repetitions (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/seccompose"
bytes=${1:-1000000}
runs=${RUNS:-5}
work=(dd if=/dev/zero of=/dev/null bs=1 "count=$bytes" status=none)
profile=../shared/corpus/moby-default.json
[ -f "$profile" ] || profile=profiles/default.json

# shellcheck source=benches/median.sh
. benches/median.sh

compare() { # label command... : bare vs enforced vs observed
  local label=$1
  shift
  local bare enforced observed
  bare=$(median_ms "$@")
  enforced=$(median_ms "$bin" run --enforce "$profile" -- "$@")
  observed=$(median_ms "$bin" run "$profile" -- "$@")
  echo "$label: bare ${bare} ms (reference), run --enforce ${enforced} ms, run (observed, no stops) ${observed} ms"
  awk -v o="$observed" -v b="$bare" -v e="$enforced" \
    'BEGIN {printf "  observed/bare %.3f (target <= 1.05), enforced/bare %.3f, observed/enforced %.3f\n", o/b, e/b, o/e}'
}

echo "profile $profile, median of $runs runs"
compare "dd bs=1 count=$bytes ($((2 * bytes)) syscalls)" "${work[@]}"
compare "tar of /usr/lib into a pipe" sh -c 'tar -cf - /usr/lib 2>/dev/null | cat >/dev/null'
compare "300 fork+exec of /bin/true" sh -c 'i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i+1)); done'
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/tree"
(cd "$scratch/tree" && seq 2000 | xargs touch)
grep -Ev '^[[:space:]]*"chmod",$' "$profile" >"$scratch/no-chmod.json"
chmods=(chmod -R u+rw "$scratch/tree")
unwatched=$(median_ms "$bin" run "$profile" -- "${chmods[@]}")
watched_enforced=$(median_ms "$bin" run --enforce "$scratch/no-chmod.json" -- "${chmods[@]}")
watched=$(median_ms "$bin" run "$scratch/no-chmod.json" -- "${chmods[@]}")
echo "chmod -R over 2000 files, chmod denied (fchmodat watched): run --enforce ${watched_enforced} ms (reference), observed ${watched} ms; observed with chmod allowed (nothing watched) ${unwatched} ms"
awk -v w="$watched" -v e="$watched_enforced" -v u="$unwatched" \
  'BEGIN {printf "  watched observed/enforced %.3f (target <= 1.05), watched/unwatched observed %.3f\n", w/e, w/u}'
recorded=$(median_ms "$bin" record -o /dev/null -- "${work[@]}")
echo "record on dd:                     ${recorded} ms"
if command -v strace >/dev/null; then
  traced=$(median_ms strace -f -c -o /dev/null "${work[@]}")
  echo "strace -f -c (reference):        ${traced} ms"
  awk -v a="$recorded" -v b="$traced" 'BEGIN {printf "ratio record/strace:             %.3f (target < 1)\n", a/b}'
else
  echo "strace is not installed: apt-get install strace for the record comparison"
fi

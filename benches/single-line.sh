#!/usr/bin/env bash
# `check` of minified profiles (one line of megabytes): peak memory (maximum resident set size
# from /usr/bin/time -v) and wall time on a dense 60 MB line and a 10 MB one, then the median
# time of `check` on Docker's default (the shared corpus, when there) and profiles/default.json,
# so small profiles can be compared too. Targets (issue 28): 60 MB in under 10 s and 500 MB.
# The profiles are generated in a temporary folder and removed at the end (never committed).
# BIN=path/to/seccompose measures another build (say, main's) with the same profiles.
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/median.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet --bin seccompose
  BIN="$CARGO_TARGET_DIR/release/seccompose"
fi
runs=${RUNS:-30}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Rules of three names, an action and a non-ASCII comment, until the line holds `bytes`.
minified() { # bytes out
  python3 - "$1" "$2" <<'EOF'
import sys
size, out = int(sys.argv[1]), sys.argv[2]
rule = '{"names":["read","write","openat"],"action":"SCMP_ACT_ALLOW","comment":"é€"}'
head, tail = '{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[', ']}'
count = (size - len(head) - len(tail)) // (len(rule.encode()) + 1)
with open(out, "w", encoding="utf-8") as f:
    f.write(head + ",".join([rule] * count) + tail)
EOF
}

peak() { # file: "seconds s, N MB" of one `check`
  /usr/bin/time -v -o "$dir/time" "$BIN" check "$1" >/dev/null 2>&1 || true
  local kb wall
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time")
  echo "$wall (m:ss), $((kb / 1024)) MB peak"
}

echo "# $BIN, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in 60 10; do
  minified $((mb << 20)) "$dir/line-$mb.json"
  echo "check, ${mb} MiB on one line ($(wc -c <"$dir/line-$mb.json") bytes): $(peak "$dir/line-$mb.json")"
done
docker=../shared/corpus/moby-default.json
for p in "$docker" profiles/default.json; do
  [ -f "$p" ] || continue
  echo "check $p: median $(median_ms "$BIN" check "$p") ms of $runs, $(peak "$p")"
done

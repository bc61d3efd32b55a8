#!/usr/bin/env bash
# Start-up to first frame of the release binary, with Docker's default profile when the shared
# corpus is there (else the built-in one). SECCOMPOSE_EXIT_AFTER_FIRST_FRAME makes the editor
# exit right after drawing. Reported as a ratio to `seccompose --version` measured in the same
# run, since absolute times depend on the machine. Both run inside `script`, which gives them
# a pseudo-terminal. Target: under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --features test-hooks
bin="$CARGO_TARGET_DIR/release/seccompose"
profile=../shared/corpus/moby-default.json
[ -f "$profile" ] || profile=""
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
# A remembered tour keeps the first frame the editor's own, as on every start after the first.
mkdir -p "$state/seccompose" && echo tour-done > "$state/seccompose/memory"
# `script` gives a pseudo-terminal of size 0x0 when it has no terminal itself; give it one.
size="stty rows 40 cols 120;"
editor="$size env XDG_STATE_HOME=$state XDG_CONFIG_HOME=$state SECCOMPOSE_EXIT_AFTER_FIRST_FRAME=1 $bin $profile"
reference="$size $bin --version"
runs=${RUNS:-30}

if command -v hyperfine >/dev/null; then
  # `script` alone (running `true`) is most of the time: the editor's own start-up is the
  # difference between the last line and the first.
  hyperfine --warmup 3 --runs "$runs" -N "script -qec '$size true' /dev/null" \
    "script -qec '$reference' /dev/null" "script -qec '$editor' /dev/null"
  exit
fi

median_ms() { # command -> median wall time in ms over $runs runs
  local t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    script -qec "$1" /dev/null >/dev/null
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int((NR+1)/2)]/1000}'
}

script -qec "$editor" /dev/null >/dev/null # warm the page cache
ref=$(median_ms "$reference")
ed=$(median_ms "$editor")
echo "seccompose --version (reference): median ${ref} ms"
echo "editor to first frame:            median ${ed} ms"
awk -v a="$ed" -v b="$ref" 'BEGIN {printf "ratio editor/reference: %.2f; editor minus reference: %.2f ms (target: editor < 50 ms)\n", a/b, a-b}'

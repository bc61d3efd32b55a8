#!/usr/bin/env bash
# How fast a run starts with the profiles people run, as ratios to references measured in the
# same run (issue 26): `seccompose run P -- true` against bubblewrap loading the same filter,
# compiled beforehand (`bwrap --bind / / --seccomp FD true`), with a warm compile cache, a
# cold one (empty folder: compile and store) and none (`--no-cache`: compile every time).
# Targets: warm enforce <= 1.5x bwrap, warm observed <= 2x bwrap, cold <= 1.1x --no-cache.
# Profiles: Docker's default (../shared/corpus/moby-default.json, when there) and the built-in
# default. Usage: benches/runstart.sh; RUNS=N runs per figure (default 40); as an ordinary
# user: AS_NOBODY=1 (run as root; setpriv drops to uid 65534 for every command).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
runs=${RUNS:-40}
work=$(mktemp -d)
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
cp "$CARGO_TARGET_DIR/release/seccompose" "$work/seccompose"
bin="$work/seccompose"
as=()
if [ "${AS_NOBODY:-}" = 1 ]; then
  as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chown 65534:65534 "$work"
fi

# shellcheck source=benches/median.sh
. benches/median.sh

# A run with a cache folder of its own, not there yet: compile, make the folder, store. A new
# folder each time rather than `rm -rf` of one: removing it inside the timed run added a fork
# and exec of rm (1.5-2 ms) to every cold figure (session 6's 1.10-1.20x).
mkdir -p "$work/cold"
[ "${AS_NOBODY:-}" = 1 ] && chown 65534:65534 "$work/cold"
colds=0
cold() {
  colds=$((colds + 1))
  "${as[@]}" env XDG_CACHE_HOME="$work/cold/$colds" "$bin" run --enforce "$1" -- true
}

for profile in ../shared/corpus/moby-default.json profiles/default.json; do
  [ -f "$profile" ] || continue
  cp "$profile" "$work/p.json"
  chmod 0644 "$work/p.json"
  p="$work/p.json"
  "$bin" compile --format bpf -o "$work/filter.bpf" "$p" 2>/dev/null
  chmod 0644 "$work/filter.bpf"
  warm=(env XDG_CACHE_HOME="$work/warm")
  bare=$(median_ms "${as[@]}" true)
  bwrap=$(median_ms "${as[@]}" sh -c "exec bwrap --bind / / --seccomp 10 true 10<$work/filter.bpf")
  none=$(median_ms "${as[@]}" "$bin" run --enforce --no-cache "$p" -- true)
  coldt=$(median_ms cold "$p")
  enforce=$(median_ms "${as[@]}" "${warm[@]}" "$bin" run --enforce "$p" -- true)
  observe=$(median_ms "${as[@]}" "${warm[@]}" "$bin" run "$p" -- true)
  echo "$profile (median of $runs${AS_NOBODY:+, as nobody}): true ${bare} ms; bwrap with the filter ${bwrap} ms (reference)"
  echo "  run --enforce: --no-cache ${none} ms, cold cache ${coldt} ms, warm cache ${enforce} ms; observed, warm ${observe} ms"
  awk -v b="$bwrap" -v n="$none" -v c="$coldt" -v e="$enforce" -v o="$observe" 'BEGIN {
    printf "  warm enforce/bwrap %.2f (target <= 1.5), warm observed/bwrap %.2f (<= 2), cold/no-cache %.2f (<= 1.1), no-cache/bwrap %.2f\n", e/b, o/b, c/n, n/b }'
done

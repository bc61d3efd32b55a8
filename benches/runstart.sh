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
# BUILD=dist measures the binary to ship (link-time optimized); the default is the release build.
build=${BUILD:-release}
cargo build --profile "$build" --quiet
runs=${RUNS:-40}
work=$(mktemp -d)
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
cp "$CARGO_TARGET_DIR/$build/seccompose" "$work/seccompose"
bin="$work/seccompose"
as=()
if [ "${AS_NOBODY:-}" = 1 ]; then
  as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chown 65534:65534 "$work"
fi

# shellcheck source=benches/median.sh
. benches/median.sh

# The commands timed, as functions for interleaved_ms (which runs them in turn, so that a busy
# moment of the machine slows them alike). The warm cache comes through the environment, not
# `env`: an exec of env (about 1 ms here) would be counted as seccompose's.
bare() { "${as[@]}" /bin/true; }
bwrap_ready() { "${as[@]}" sh -c "exec bwrap --bind / / --seccomp 10 true 10<$work/filter.bpf"; }
no_cache() { "${as[@]}" "$bin" run --enforce --no-cache "$p" -- true; }
warm_enforce() { XDG_CACHE_HOME="$work/warm" "${as[@]}" "$bin" run --enforce "$p" -- true; }
warm_observe() { XDG_CACHE_HOME="$work/warm" "${as[@]}" "$bin" run "$p" -- true; }
# A run with a cache folder of its own, not there yet: compile, make the folder, store. A new
# folder each time (named by the clock: the run happens in a subshell, where a counter would
# not advance) rather than `rm -rf` of one, which added a fork and exec of rm to every figure.
mkdir -p "$work/cold"
[ "${AS_NOBODY:-}" = 1 ] && chown 65534:65534 "$work/cold"
cold() { XDG_CACHE_HOME="$work/cold/${EPOCHREALTIME/./}" "${as[@]}" "$bin" run --enforce "$p" -- true; }

for profile in ../shared/corpus/moby-default.json profiles/default.json; do
  [ -f "$profile" ] || continue
  cp "$profile" "$work/p.json"
  chmod 0644 "$work/p.json"
  p="$work/p.json"
  "$bin" compile --format bpf -o "$work/filter.bpf" "$p" 2>/dev/null
  chmod 0644 "$work/filter.bpf"
  declare -A ms=()
  while read -r name value; do ms[$name]=$value; done < <(
    interleaved_ms bare bwrap_ready no_cache cold warm_enforce warm_observe
  )
  echo "$profile ($build build, median of $runs, interleaved${AS_NOBODY:+, as nobody}): true ${ms[bare]} ms; bwrap with the filter ${ms[bwrap_ready]} ms (reference)"
  echo "  run --enforce: --no-cache ${ms[no_cache]} ms, cold cache ${ms[cold]} ms, warm cache ${ms[warm_enforce]} ms; observed, warm ${ms[warm_observe]} ms"
  awk -v b="${ms[bwrap_ready]}" -v n="${ms[no_cache]}" -v c="${ms[cold]}" -v e="${ms[warm_enforce]}" -v o="${ms[warm_observe]}" 'BEGIN {
    printf "  warm enforce/bwrap %.2f (target <= 1.5), warm observed/bwrap %.2f (<= 2), cold/no-cache %.2f (<= 1.1), no-cache/bwrap %.2f\n", e/b, o/b, c/n, n/b }'
done

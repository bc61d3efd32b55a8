#!/usr/bin/env bash
# The cost of trying a profile inside a container, as ratios to references measured in the
# same run, on one OCI bundle (runc's own spec, a busybox root filesystem, the draft as its
# linux.seccomp, written by `seccompose convert --to oci --patch`):
#  - start-up: `seccompose run --container BUNDLE -- true` (observed: seccompose is the seccomp
#    agent) and `--enforce` against `runc run` of the same bundle (target: observed <= 1.2x);
#  - a syscall-heavy command in the container (busybox dd copying one byte at a time, which
#    the policy never stops): observed against enforced (target: <= 1.05x).
# The draft denies mkdir and mkdirat (so observed mode has a listener to serve).
# Needs root (runc with runc's default spec), runc and busybox-static.
# Usage: benches/container.sh [BYTES] (default 1000000); RUNS=N repetitions (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
bin="$(pwd)/$CARGO_TARGET_DIR/release/seccompose"
bytes=${1:-1000000}
runs=${RUNS:-10}
command -v runc >/dev/null || { echo "runc is missing: apt-get install runc" >&2; exit 1; }
[ -x /bin/busybox ] || { echo "/bin/busybox is missing: apt-get install busybox-static" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_RUNTIME_DIR="$work/xdg"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
bundle="$work/bundle"
mkdir -p "$bundle/rootfs/bin" "$bundle/rootfs/tmp"
cp /bin/busybox "$bundle/rootfs/bin/"
for applet in sh true dd; do ln -s busybox "$bundle/rootfs/bin/$applet"; done
(cd "$bundle" && runc spec)
sed -i -e 's/"terminal": true/"terminal": false/' -e 's/"readonly": true/"readonly": false/' "$bundle/config.json"
echo '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}' >"$work/draft.json"
"$bin" convert "$work/draft.json" --to oci --patch "$bundle/config.json" -o "$work/config.json" 2>/dev/null
mv "$work/config.json" "$bundle/config.json"
root="$work/runc-root"

# shellcheck source=benches/median.sh
. benches/median.sh

n=0
set_args() { # command... as the bundle's process (a JSON rewrite: the spec's arrays span lines)
  python3 -c 'import json, sys
config = json.load(open(sys.argv[1]))
config["process"]["args"] = sys.argv[2:]
json.dump(config, open(sys.argv[1], "w"), indent=1)' "$bundle/config.json" "$@"
}
runc_run() { # command... in the bundle through runc alone
  n=$((n + 1))
  runc --root "$root" run --bundle "$bundle" "bench-$$-$n"
}

echo "median of $runs runs; bundle: runc spec + busybox, the draft as its profile"
set_args /bin/true
plain=$(median_ms runc_run)
enforced=$(median_ms "$bin" run --enforce "$work/draft.json" --container "$bundle" -- /bin/true)
observed=$(median_ms "$bin" run "$work/draft.json" --container "$bundle" -- /bin/true)
echo "true: runc run ${plain} ms (reference), run --enforce --container ${enforced} ms, run --container (observed) ${observed} ms"
awk -v o="$observed" -v e="$enforced" -v p="$plain" \
  'BEGIN {printf "  observed/runc %.3f (target <= 1.2), enforced/runc %.3f\n", o/p, e/p}'
dd=(/bin/dd if=/dev/zero of=/dev/null bs=1 "count=$bytes")
enforced=$(median_ms "$bin" run --enforce "$work/draft.json" --container "$bundle" -- "${dd[@]}")
observed=$(median_ms "$bin" run "$work/draft.json" --container "$bundle" -- "${dd[@]}")
echo "dd bs=1 count=$bytes in the container: run --enforce ${enforced} ms (reference), observed ${observed} ms"
awk -v o="$observed" -v e="$enforced" 'BEGIN {printf "  observed/enforced %.3f (target <= 1.05)\n", o/e}'

# doctor's listener probe (one tiny container per runtime found): doctor with runc on PATH
# against doctor with no runtime to probe; the difference against runc run of the bundle.
with=$(median_ms "$bin" doctor)
without=$(env PATH=/nonexistent "$bin" doctor >/dev/null 2>&1; median_ms env PATH=/nonexistent "$bin" doctor)
echo "doctor: ${with} ms with runc (probed), ${without} ms with no runtime on PATH"
awk -v w="$with" -v o="$without" -v p="$plain" \
  'BEGIN {printf "  the probe: %.1f ms, %.2f x runc run of the bundle\n", w-o, (w-o)/p}'

# seccompose agent (the standing agent Docker's or podman's runtime would connect to): runc run
# by hand with the agent's rewrite as the bundle's profile, against the draft enforced by runc.
socket="$work/agent.sock"
"$bin" agent "$work/draft.json" --socket "$socket" -o "$work/observed.json" 2>/dev/null &
agent=$!
for _ in $(seq 100); do [ -S "$socket" ] && break; sleep 0.05; done
cp "$bundle/config.json" "$work/enforced.json"
python3 - "$bundle/config.json" "$work/observed.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
config["linux"]["seccomp"] = json.load(open(sys.argv[2]))
json.dump(config, open(sys.argv[1], "w"))
PY
set_args "${dd[@]}"
agent_dd=$(median_ms runc_run)
cp "$work/enforced.json" "$bundle/config.json"
set_args "${dd[@]}"
runc_dd=$(median_ms runc_run)
kill -INT "$agent"; wait "$agent" || true
echo "dd bs=1 count=$bytes, runc run: the draft enforced ${runc_dd} ms (reference), through seccompose agent ${agent_dd} ms"
awk -v a="$agent_dd" -v r="$runc_dd" 'BEGIN {printf "  agent/enforced %.3f\n", a/r}'

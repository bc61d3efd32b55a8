#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md, measured again on this machine: whole-process costs
# against `true` and bubblewrap (hyperfine), the sandbox's observed/enforced/record ratios
# (benches/sandbox.sh), `check` of huge single-line profiles (benches/single-line.sh),
# start-up to first frame (benches/startup.sh), CPU per edit in view 2
# (benches/settle.rs), the in-process criterion
# benchmarks (compile against bare libseccomp, key press to frame, replay, highlighting,
# catalog), filter quality against libseccomp's layouts (benches/quality) and how each stage
# grows with the profile (benches/growth.rs).
# Writes the raw output to target/performance/ and prints a summary; paste what changed
# into docs/PERFORMANCE.md. Needs hyperfine (Debian package hyperfine); bwrap and strace
# are used when installed. QUICK=1 runs fewer repetitions and growth up to 1,000 rules.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
out="$CARGO_TARGET_DIR/performance"
mkdir -p "$out"
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/seccompose"
docker=../shared/corpus/moby-default.json
[ -f "$docker" ] || docker=tests/fixtures/runtime-default.json
small=$(mktemp --suffix=.json)
trap 'rm -f "$small"' EXIT
echo '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}' >"$small"
runs=${RUNS:-40}
[ -n "${QUICK:-}" ] && runs=10

echo "# machine: $(nproc) cores, kernel $(uname -r), $(dpkg-query -W -f='libseccomp ${Version}' libseccomp2 2>/dev/null || echo 'libseccomp ?')"
echo "# profile for the Docker-sized figures: $docker"

if ! command -v hyperfine >/dev/null; then
  echo "hyperfine is missing: apt-get install hyperfine" >&2
  exit 1
fi
commands=("true")
command -v bwrap >/dev/null && commands+=("bwrap --bind / / true")
commands+=(
  "$bin run --enforce $small -- true"
  "$bin run $small -- true"
  "$bin check $docker"
  "$bin explain $docker read"
  "$bin compile $docker -o /dev/null"
  "$bin lint $docker"
)
hyperfine -N -i --warmup 5 --runs "$runs" --export-markdown "$out/processes.md" "${commands[@]}" >"$out/processes.txt" 2>&1
echo
echo "## Whole processes (mean; reference: true)"
cat "$out/processes.md"

# The same runs as an ordinary user (user + PID namespace instead of a PID namespace).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
  chmod a+r "$small"
  user_commands=("$as_user true")
  command -v bwrap >/dev/null &&
    user_commands+=("$as_user bwrap --unshare-user --unshare-pid --bind / / true")
  user_commands+=("$as_user $bin run --enforce $small -- true" "$as_user $bin run $small -- true")
  hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$out/processes-user.md" \
    "${user_commands[@]}" \
    >"$out/processes-user.txt" 2>&1
  echo
  echo "## Whole processes as an ordinary user (mean; reference: setpriv ... true)"
  cat "$out/processes-user.md"
fi

echo
echo "## Memory (peak RSS)"
{
  # The command's output goes to its own stdout, not through seccompose.
  /usr/bin/time -f "run while the command prints 100 MB: %M KiB peak RSS" \
    "$bin" run --enforce "$small" -- sh -c 'head -c 100000000 /dev/zero' >/dev/null
  cargo bench --quiet --bench memory -- recorded 2>/dev/null
  cargo bench --quiet --bench memory -- output 2>/dev/null
} 2>&1 | grep -E "peak|recorded|printed" | tee "$out/memory.txt"

echo
echo "## Sandbox (benches/sandbox.sh)"
RUNS=${QUICK:+3} bash benches/sandbox.sh ${QUICK:+200000} | tee "$out/sandbox.txt"
if [ "$(id -u)" = 0 ] && command -v runc >/dev/null && [ -x /bin/busybox ]; then
  echo "## Containers (benches/container.sh)"
  RUNS=${QUICK:+3} bash benches/container.sh ${QUICK:+200000} | tee "$out/container.txt"
fi

echo
echo "## A run's start with real profiles (benches/runstart.sh)"
RUNS=${QUICK:+10} bash benches/runstart.sh | tee "$out/runstart.txt"

echo
echo "## check of single-line profiles of 60 and 10 MB: time and peak memory (benches/single-line.sh)"
RUNS=${QUICK:+10} bash benches/single-line.sh | tee "$out/single-line.txt"
echo
echo "## Start-up to first frame (benches/startup.sh)"
RUNS=$runs bash benches/startup.sh 2>&1 | grep -E "Benchmark|Time|±" | tee "$out/startup.txt"

echo
echo "## In-process (criterion medians)"
for bench in compile editor replay highlight catalog; do
  cargo bench --quiet --bench "$bench" -- --noplot 2>/dev/null | grep -E "^[a-z].*|time:" | paste - - |
    awk '{$1=$1; print}' | tee "$out/$bench.txt"
done

echo
echo "## CPU per edit in view 2 (benches/settle.rs: the draft compiled once for view 2 and lint)"
cargo bench --quiet --bench settle 2>/dev/null | tee "$out/settle.txt"
echo

echo "## Run pane (benches/pane.rs: the command's time in the pane, keys during a flood)"
cargo bench --quiet --bench pane 2>/dev/null | tee "$out/pane.txt"

echo
echo "## Filter quality (benches/quality: instructions per call on recorded workloads, ns per call)"
QUALITY_ROUNDS=${QUICK:+9} cargo bench --quiet --bench quality 2>/dev/null | tee "$out/quality.md"

echo
echo "## Growth (benches/growth.rs)"
GROWTH_MAX=${QUICK:+1000} cargo bench --quiet --bench growth 2>/dev/null | tee "$out/growth.md"

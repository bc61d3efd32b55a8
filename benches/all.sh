#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md, measured again on this machine: whole-process costs
# against `true` and bubblewrap (hyperfine), the sandbox's observed/enforced/record ratios
# (benches/sandbox.sh), start-up to first frame (benches/startup.sh), the in-process criterion
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
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$out/processes.md" "${commands[@]}" >"$out/processes.txt" 2>&1
echo
echo "## Whole processes (mean; reference: true)"
cat "$out/processes.md"

echo
echo "## Sandbox (benches/sandbox.sh)"
RUNS=${QUICK:+3} bash benches/sandbox.sh ${QUICK:+200000} | tee "$out/sandbox.txt"

echo
echo "## Start-up to first frame (benches/startup.sh)"
RUNS=$runs bash benches/startup.sh 2>&1 | grep -E "Time|±|faster|slower" | tee "$out/startup.txt"

echo
echo "## In-process (criterion medians)"
for bench in compile editor replay highlight catalog; do
  cargo bench --quiet --bench "$bench" -- --noplot 2>/dev/null | grep -E "^[a-z].*|time:" | paste - - |
    awk '{$1=$1; print}' | tee "$out/$bench.txt"
done

echo
echo "## Run pane (benches/pane.rs: the command's time in the pane, keys during a flood)"
cargo bench --quiet --bench pane 2>/dev/null | tee "$out/pane.txt"

echo
echo "## Filter quality (benches/quality: instructions per call on recorded workloads, ns per call)"
QUALITY_ROUNDS=${QUICK:+9} cargo bench --quiet --bench quality 2>/dev/null | tee "$out/quality.md"

echo
echo "## Growth (benches/growth.rs)"
GROWTH_MAX=${QUICK:+1000} cargo bench --quiet --bench growth 2>/dev/null | tee "$out/growth.md"

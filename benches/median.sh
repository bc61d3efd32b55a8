# median_ms and interleaved_ms, shared by the benchmark scripts (sourced; they set $runs).
# Times come from bash's own clock ($EPOCHREALTIME, bash 5): reading `date` forked a shell and
# a `date` around every run, about 1 ms each, which was counted in every figure.

# The wall time of one run of a command, in microseconds.
run_us() {
  local s e
  s=${EPOCHREALTIME/./}
  "$@" >/dev/null 2>&1
  e=${EPOCHREALTIME/./}
  echo $((e - s))
}

# The median of the microsecond figures on standard input, in ms with one decimal.
median_of() {
  sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int((NR+1)/2)]/1000}'
}

median_ms() { # command... -> median wall time in ms over $runs runs, after one warm-up run
  local t=()
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    t+=("$(run_us "$@")")
  done
  printf '%s\n' "${t[@]}" | median_of
}

# interleaved_ms NAME... -> "NAME MEDIAN_MS" per line: runs the commands named (functions of
# the caller, taking no arguments) in turn, $runs rounds, the order reversed every other round,
# after one warm-up run each, so that a slower moment of the machine falls on all of them alike.
interleaved_ms() {
  local names=("$@") name round
  declare -A times=()
  for name in "${names[@]}"; do "$name" >/dev/null 2>&1 || true; done
  for round in $(seq "$runs"); do
    local order=("${names[@]}")
    if ((round % 2 == 0)); then
      local i reversed=()
      for ((i = ${#names[@]} - 1; i >= 0; i--)); do reversed+=("${names[i]}"); done
      order=("${reversed[@]}")
    fi
    for name in "${order[@]}"; do
      times[$name]+="$(run_us "$name") "
    done
  done
  for name in "${names[@]}"; do
    echo "$name $(printf '%s\n' ${times[$name]} | median_of)"
  done
}

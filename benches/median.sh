# median_ms, shared by the benchmark scripts (sourced; they set $runs).
median_ms() { # command... -> median wall time in ms over $runs runs, after one warm-up run
  local t=()
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f\n", a[int((NR+1)/2)]/1000}'
}

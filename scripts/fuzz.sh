#!/usr/bin/env bash
# Long fuzz runs of the tests/fuzz harnesses: builds them with clang and libFuzzer (build-fuzz/),
# keeps a growing corpus per harness in fuzz-corpus/<harness>/ (seeded from pcaps/ the first
# time), fuzzes each for SECONDS, and prints execs, coverage and the result per harness. A
# crash, leak, timeout or OOM input is left in fuzz-corpus/artifacts/<harness>/: add it to
# tests/fuzz/regressions/<harness>/ once fixed, so every test run replays it.
#
# usage: scripts/fuzz.sh [SECONDS per harness, default 300] [harness ...]   (default: all)
#   KORGOO_FUZZ_CPU=1: SECONDS are CPU-seconds of the fuzzer process, not wall time, so a run
#   on a shared machine (or under nice) still gives each harness its full budget; the fuzzer is
#   interrupted once it has used them. Each harness's CPU-seconds add up over runs in
#   fuzz-corpus/<harness>.cpu (the corpus carries over too), and the table prints the total.
# Needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)"; exit 77; }
# KORGOO_SKIP_BUILD=1: use build-fuzz/ and its seeds as they are (a second fuzz.sh running
# beside a first must not rebuild the tree under it).
if [ "${KORGOO_SKIP_BUILD:-0}" != 1 ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKORGOO_FUZZ=ON -DKORGOO_BUILD_BENCH=OFF >/dev/null || exit 1
  cmake --build build-fuzz --target fuzz_harnesses || exit 1
  python3 tests/fuzz/make_seeds.py . build-fuzz/fuzz-seeds >/dev/null || exit 1
fi
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for b in build-fuzz/tests/fuzz/fuzz_*; do [ -x "$b" ] && harnesses+=("${b##*/fuzz_}"); done
fi
dict_of() {
  case $1 in
    http | engine) echo tests/fuzz/dict/http.dict ;;
    smtp | mime) echo tests/fuzz/dict/smtp.dict ;;
    dns | tls) echo "tests/fuzz/dict/$1.dict" ;;
    config_yaml | signatures | rules) echo tests/fuzz/dict/yaml.dict ;;
  esac
}
cpu_of() { # user+system CPU-seconds of a running process
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null
}
# Runs the fuzzer in the background and interrupts it (SIGINT: libFuzzer prints its final stats
# and exits 72) once it has used $seconds of CPU; the wall-clock limit is only a backstop.
run_cpu_budget() {
  local log=$1; shift
  "$@" >"$log" 2>&1 &
  local pid=$! used=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    used=$(cpu_of "$pid") || break
    [ -n "$used" ] && [ "$used" -ge "$seconds" ] && { kill -INT "$pid"; break; }
  done
  wait "$pid"
  local rc=$?
  echo "$used" >"$log.cpu"
  [ "$rc" -eq 72 ] && rc=0 # interrupted on budget: a clean end
  return "$rc"
}
status=0
printf '%-12s %10s %8s %8s %8s %9s %s\n' harness execs exec/s cov ft cpu-total result
for h in "${harnesses[@]}"; do
  corpus=fuzz-corpus/$h artifacts=fuzz-corpus/artifacts/$h
  mkdir -p "$corpus" "$artifacts"
  inputs=("$corpus")
  [ -d "build-fuzz/fuzz-seeds/$h" ] && inputs+=("build-fuzz/fuzz-seeds/$h")
  [ -d "tests/fuzz/regressions/$h" ] && inputs+=("tests/fuzz/regressions/$h")
  wall=$seconds
  [ "${KORGOO_FUZZ_CPU:-0}" = 1 ] && wall=$((seconds * 20))
  args=(-max_total_time="$wall" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  d=$(dict_of "$h")
  [ -n "$d" ] && args+=(-dict="$d")
  log=fuzz-corpus/$h.log
  start=$SECONDS
  if [ "${KORGOO_FUZZ_CPU:-0}" = 1 ]; then
    run_cpu_budget "$log" "build-fuzz/tests/fuzz/fuzz_$h" "${args[@]}" "${inputs[@]}"
    rc=$?
    used=$(cat "$log.cpu")
  else
    "build-fuzz/tests/fuzz/fuzz_$h" "${args[@]}" "${inputs[@]}" >"$log" 2>&1
    rc=$?
    used=$((SECONDS - start)) # wall seconds: an upper bound on the CPU it had
  fi
  total=$(($(cat "fuzz-corpus/$h.cpu" 2>/dev/null || echo 0) + ${used:-0}))
  echo "$total" >"fuzz-corpus/$h.cpu"
  execs=$(awk '/^stat::number_of_executed_units:/ {print $2}' "$log")
  speed=$(awk '/^stat::average_exec_per_sec:/ {print $2}' "$log")
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  result=clean
  if [ "$rc" -ne 0 ]; then
    result="FOUND (exit $rc): $(grep -m1 -E 'ERROR: |==ERROR|runtime error|deadly signal|Timeout|out-of-memory' "$log")"
    status=1
  fi
  printf '%-12s %10s %8s %8s %8s %8sm %s\n' "$h" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
    "$((total / 60))" "$result"
done
exit "$status"

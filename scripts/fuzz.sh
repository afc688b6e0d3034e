#!/usr/bin/env bash
# Long fuzz runs of the tests/fuzz harnesses: builds them with clang and libFuzzer (build-fuzz/),
# keeps a growing corpus per harness in fuzz-corpus/<harness>/ (seeded from pcaps/ the first
# time), fuzzes each for SECONDS, and prints execs, coverage and the result per harness. A
# crash, leak, timeout or OOM input is left in fuzz-corpus/artifacts/<harness>/: add it to
# tests/fuzz/regressions/<harness>/ once fixed, so every test run replays it.
#
# usage: scripts/fuzz.sh [SECONDS per harness, default 300] [harness ...]   (default: all)
# Needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)"; exit 77; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKORGOO_FUZZ=ON -DKORGOO_BUILD_BENCH=OFF >/dev/null || exit 1
cmake --build build-fuzz --target fuzz_harnesses || exit 1
python3 tests/fuzz/make_seeds.py . build-fuzz/fuzz-seeds >/dev/null || exit 1
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
status=0
printf '%-12s %10s %8s %8s %8s %s\n' harness execs exec/s cov ft result
for h in "${harnesses[@]}"; do
  corpus=fuzz-corpus/$h artifacts=fuzz-corpus/artifacts/$h
  mkdir -p "$corpus" "$artifacts"
  inputs=("$corpus")
  [ -d "build-fuzz/fuzz-seeds/$h" ] && inputs+=("build-fuzz/fuzz-seeds/$h")
  [ -d "tests/fuzz/regressions/$h" ] && inputs+=("tests/fuzz/regressions/$h")
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  d=$(dict_of "$h")
  [ -n "$d" ] && args+=(-dict="$d")
  log=fuzz-corpus/$h.log
  "build-fuzz/tests/fuzz/fuzz_$h" "${args[@]}" "${inputs[@]}" >"$log" 2>&1
  rc=$?
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
  printf '%-12s %10s %8s %8s %8s %s\n' "$h" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
exit "$status"

#!/usr/bin/env bash
# Builds korgoo and runs every test: the Release build, then the ASan+UBSan build.
# Both passes always run (a failure in the first does not hide the second); the exit code is
# non-zero if either failed. Set KORGOO_SKIP_SANITIZE=1 to run only the Release pass.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

run_pass() {
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" || return 1
  cmake --build "$dir" -j"$jobs" || return 1
  # ASAN_OPTIONS: leak checking stays on; abort on the first report so it cannot be missed.
  ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$dir" --output-on-failure -j"$jobs" --timeout 600
}

release=0
sanitize=skipped
run_pass build -DCMAKE_BUILD_TYPE=Release || release=$?
if [ "${KORGOO_SKIP_SANITIZE:-0}" != "1" ]; then
  sanitize=0
  run_pass build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKORGOO_SANITIZE=ON -DKORGOO_BUILD_BENCH=OFF ||
    sanitize=$?
fi

status() { case $1 in 0) echo passed ;; skipped) echo skipped ;; *) echo "FAILED ($1)" ;; esac; }
echo "run-tests: Release pass $(status "$release"); ASan+UBSan pass $(status "$sanitize")"
[ "$release" = 0 ] && { [ "$sanitize" = 0 ] || [ "$sanitize" = skipped ]; }

#!/usr/bin/env bash
# Builds korgoo and runs every test: the Release build, then the ASan+UBSan build.
# Set KORGOO_SKIP_SANITIZE=1 to run only the Release pass.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

run_pass() {
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@"
  cmake --build "$dir" -j"$jobs"
  # ASAN_OPTIONS: leak checking stays on; abort on the first report so it cannot be missed.
  ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$dir" --output-on-failure -j"$jobs" --timeout 600
}

run_pass build -DCMAKE_BUILD_TYPE=Release
if [ "${KORGOO_SKIP_SANITIZE:-0}" != "1" ]; then
  run_pass build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKORGOO_SANITIZE=ON -DKORGOO_BUILD_BENCH=OFF
fi

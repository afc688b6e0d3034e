#!/usr/bin/env bash
# One fuzz harness's smoke run (a ctest entry). libfuzzer mode: fuzz for KORGOO_FUZZ_SECONDS
# (default 3) from the seeds and kept crashers, new inputs going to a throw-away folder;
# replay mode: run every seed and kept crasher once through the standalone driver.
# usage: run_harness.sh libfuzzer|replay HARNESS SEEDS REGRESSIONS DICT|-
set -uo pipefail
mode=$1 harness=$2 seeds=$3 regressions=$4 dict=$5
inputs=()
[ -d "$seeds" ] && inputs+=("$seeds")
[ -d "$regressions" ] && inputs+=("$regressions")
[ ${#inputs[@]} -gt 0 ] || { echo "FAIL: no seeds at $seeds (run the fuzz_seed_corpus test)"; exit 1; }
if [ "$mode" = replay ]; then
  exec "$harness" "${inputs[@]}"
fi
work=$(mktemp -d /tmp/korgoo-fuzz-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
args=(-max_total_time="${KORGOO_FUZZ_SECONDS:-3}" -timeout=10 -rss_limit_mb=2048 -seed=1
      -print_final_stats=1 -artifact_prefix="$work/")
[ "$dict" != - ] && args+=(-dict="$dict")
"$harness" "${args[@]}" "$work" "${inputs[@]}" 2>"$work/log"
rc=$?
grep -E "^(#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss)" "$work/log" | tail -3
if [ "$rc" -ne 0 ]; then
  tail -40 "$work/log"
  for a in "$work"/crash-* "$work"/timeout-* "$work"/oom-* "$work"/leak-*; do
    [ -e "$a" ] && echo "artifact (keep it under $regressions/): $(base64 -w0 "$a" | head -c 400)"
  done
  exit 1
fi

#!/usr/bin/env bash
# The stress captures (evasion, gaps, fragments, a damaged file) must replay without a crash,
# a hang or a sanitizer report. Exit status 1 is korgoo saying "an input file was damaged"
# (bug-1450-05.pcap is, on purpose); anything else, or a signal, is a failure.
set -uo pipefail
KORGOO=${1:?usage: stress_replay.sh KORGOO CONFIG SHARED-DIR}
CONFIG=${2:?}
STRESS=${3:?}/pcaps/stress
[ -d "$STRESS" ] || { echo "SKIPPED: stress captures not present at $STRESS"; exit 77; }
OUT=$(mktemp -d /tmp/korgoo-stress.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
timeout 300 "$KORGOO" -c "$CONFIG" -r "$STRESS" --each-file -l "$OUT" >"$OUT/stdout" 2>&1
rc=$?
if [ "$rc" -gt 1 ]; then
  echo "FAIL: korgoo exited with $rc on the stress captures"
  tail -20 "$OUT/stdout"
  exit 1
fi
n=$(ls "$STRESS"/*.pcap | wc -l)
m=$(ls "$OUT"/*.json | wc -l)
[ "$n" -eq "$m" ] || { echo "FAIL: $m EVE files for $n captures"; exit 1; }
grep -q '"read_errors":1' "$OUT/bug-1450-05.pcap.json" || { echo "FAIL: damaged capture not reported in stats"; exit 1; }
echo "replayed $n stress captures, damaged file reported (exit $rc)"

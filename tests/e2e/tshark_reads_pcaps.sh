#!/usr/bin/env bash
# Every bundled capture must be readable by an independent tool (Wireshark's tshark): the
# anomalies in them are the ones planted on purpose (pcaps/README.md), not broken files.
set -euo pipefail
PCAPS=${1:?usage: tshark_reads_pcaps.sh PCAP-DIR}
command -v tshark >/dev/null || { echo "SKIPPED: tshark not installed"; exit 77; }
fail=0 n=0
for f in "$PCAPS"/*.pcap; do
  n=$((n + 1))
  if ! out=$(tshark -r "$f" -q -z io,stat,0 2>&1); then
    echo "FAIL: tshark cannot read $(basename "$f"): $out"
    fail=1
  fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no captures in $PCAPS"; exit 1; }
[ "$fail" -eq 0 ] && echo "tshark read all $n captures"
exit "$fail"

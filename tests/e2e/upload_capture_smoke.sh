#!/usr/bin/env bash
# The throughput bench's capture generator (bench/make_upload_capture.py), at 1 MB: the same
# bytes on every run, a --fraction capture that starts as the full one does, every packet read
# by tshark (when installed), and korgoo finding personal data in it. Not a timing test.
set -euo pipefail
KORGOO=${1:?usage: upload_capture_smoke.sh KORGOO SOURCE-DIR}
SRC=${2:?usage: upload_capture_smoke.sh KORGOO SOURCE-DIR}
command -v python3 >/dev/null || { echo "SKIPPED: python3 not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen() { python3 "$SRC/bench/make_upload_capture.py" "$@"; }

summary=$(gen --mb 1 "$tmp/a.pcap")
gen --mb 1 "$tmp/b.pcap" >/dev/null
gen --mb 1 --fraction 4 "$tmp/quarter.pcap" >/dev/null
cmp "$tmp/a.pcap" "$tmp/b.pcap" || { echo "FAIL: two runs wrote different bytes"; exit 1; }
# The quarter stops opening sessions at ~250 kB, so its first 200 kB are the full capture's.
cmp -n 200000 "$tmp/a.pcap" "$tmp/quarter.pcap" || { echo "FAIL: --fraction is not a prefix"; exit 1; }
packets=$(sed -n 's/.* \([0-9]*\) packets,.*/\1/p' <<<"$summary")
[ "${packets:-0}" -gt 100 ] || { echo "FAIL: generator summary: $summary"; exit 1; }

if command -v tshark >/dev/null; then
  read_back=$(tshark -r "$tmp/a.pcap" -T fields -e frame.number 2>/dev/null | wc -l)
  [ "$read_back" -eq "$packets" ] || { echo "FAIL: tshark read $read_back of $packets packets"; exit 1; }
fi

mkdir "$tmp/out"
"$KORGOO" -r "$tmp/a.pcap" -l "$tmp/out" >/dev/null 2>&1
grep -q '"event_type":"alert"' "$tmp/out/eve.json" || { echo "FAIL: korgoo raised no alert"; exit 1; }
echo "upload capture: $packets packets, deterministic, read by tshark and korgoo"

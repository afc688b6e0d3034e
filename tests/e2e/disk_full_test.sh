#!/usr/bin/env bash
# A full disk under eve.json: korgoo writes whole records only, counts the ones it lost, says so
# in its summary and log, exits non-zero, and appends whole records again once there is room.
# Needs root (it mounts a small tmpfs); skips with one line otherwise.
#   disk_full_test.sh KORGOO PCAP_DIR
set -uo pipefail
korgoo=$1 pcaps=$2
fail() { echo "FAIL: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to mount a tmpfs"; exit 77; }
work=$(mktemp -d)
full="$work/full"
mkdir -p "$full" "$work/log"
cleanup() { umount "$full" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# 48 KiB: a third of what the bundled captures produce.
mount -t tmpfs -o size=48k,mode=0755 tmpfs "$full" 2>/dev/null ||
  { echo "SKIP: cannot mount a tmpfs here"; exit 77; }
cat > "$work/korgoo.yaml" <<YAML
outputs:
  eve:
    filename: $full/eve.json
    flow_records: all
    flush_interval: 0
  log:
    filename: $work/log/korgoo.log
YAML

"$korgoo" -c "$work/korgoo.yaml" -r "$pcaps" -l "$work/log" > "$work/stdout" 2>&1
rc=$?
[ "$rc" -ne 0 ] || fail "exit code 0 on a full disk"
grep -q "EVE records could not be written" "$work/stdout" || fail "summary silent: $(tail -3 "$work/stdout")"
lost=$(sed -n 's/^korgoo: \([0-9]*\) EVE records could not be written.*/\1/p' "$work/stdout")
[ "${lost:-0}" -gt 0 ] || fail "no lost count in the summary"
grep -q "could not be written\|No space left" "$work/log/korgoo.log" || fail "log silent"
[ -s "$full/eve.json" ] || fail "nothing written before the disk filled"
check_whole_lines() {
  python3 - "$1" <<'PY' || fail "eve.json holds a partial record"
import json, sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\n"), "last line cut"
for line in data.splitlines():
    json.loads(line)
PY
}
check_whole_lines "$full/eve.json"
before=$(wc -l < "$full/eve.json")

# Room again: the next run appends whole records after the earlier ones.
mount -o remount,size=4m "$full" || fail "cannot grow the tmpfs"
"$korgoo" -c "$work/korgoo.yaml" -r "$pcaps" -l "$work/log" > "$work/stdout2" 2>&1 ||
  fail "second run failed: $(tail -3 "$work/stdout2")"
check_whole_lines "$full/eve.json"
after=$(wc -l < "$full/eve.json")
[ "$after" -gt "$before" ] || fail "no records appended once space returned"
# The second run's stats record counts no loss; the first run's lost records were counted.
python3 - "$full/eve.json" <<'PY' || fail "stats record does not count EVE losses"
import json, sys
stats = [json.loads(l) for l in open(sys.argv[1]) if '"event_type":"stats"' in l]
assert stats and stats[-1]["stats"]["korgoo"]["eve"]["lost"] == 0
PY
echo "PASS: $lost records lost and reported on a full disk ($before lines kept whole), $after after space returned"

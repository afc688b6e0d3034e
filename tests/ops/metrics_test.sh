#!/usr/bin/env bash
# /metrics on a live sensor (lo): off by default, a bad address is a config error naming
# file:line, a taken port fails the start; the page parses as Prometheus text, and its
# counters move with traffic and a reload, as do periodic EVE stats records. An idle link (a
# BPF that matches nothing) still gets EVE stats records on wall time. Needs root and a capturable lo; exits 77 otherwise.
set -uo pipefail
korgoo=$1
korgoo_ctl=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
source "$src/tests/ops/common.sh"
if [ "$(id -u)" -ne 0 ]; then echo "skip: needs root (capture on lo)"; exit 77; fi
command -v curl >/dev/null || { echo "skip: no curl"; exit 77; }
tmp=$(mktemp -d); chmod 755 "$tmp"
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null; done; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; tail -5 "$tmp"/*/korgoo.log "$tmp"/*.out 2>/dev/null; exit 1; }
# The value of one series (name with labels, exactly as exposed) on the page at $1.
value() { awk -v s="$2" 'index($0, s " ") == 1 {print $NF}' "$1"; }

port=$(free_port)
sed -e "s|^  metrics_listen: \"\"|  metrics_listen: \"127.0.0.1:$port\"|" \
    -e "s|^    stats_interval: 60 |    stats_interval: 1 |" "$src/config/korgoo.yaml" >"$tmp/korgoo.yaml"
grep -q "metrics_listen: \"127.0.0.1:$port\"" "$tmp/korgoo.yaml" || fail "config edit"

# Off by default; a malformed address names file:line.
grep -q '^service.metrics_listen: ""  # default' <<<"$("$korgoo" --dump-config)" || fail "not off by default"
sed "s|127.0.0.1:$port|localhost|" "$tmp/korgoo.yaml" >"$tmp/bad.yaml"
line=$(grep -n 'metrics_listen: "localhost"' "$tmp/bad.yaml" | cut -d: -f1)
"$korgoo" -c "$tmp/bad.yaml" --test-config >"$tmp/bad.out" 2>&1 && fail "bad address accepted"
grep -q "bad.yaml:$line" "$tmp/bad.out" || fail "bad address without file:line: $(cat "$tmp/bad.out")"

start() {  # start NAME [korgoo options...]: runs in the background, pid in pids[]
  local name=$1; shift
  "$korgoo" -c "$tmp/korgoo.yaml" -i lo -l "$tmp/$name" --control "$tmp/$name.ctl" "$@" \
    >"$tmp/$name.out" 2>&1 &
  pids+=($!)
}
start live
wait_for "metrics: http://127.0.0.1:$port/metrics" "$tmp/live/korgoo.log" || {
  grep -q "lo" "$tmp/live.out" && { echo "skip: cannot capture on lo here"; exit 77; }
  fail "no metrics line in the log"; }

# A second sensor on the same port does not start, and says why.
timeout 20 "$korgoo" -c "$tmp/korgoo.yaml" -i lo -l "$tmp/second" >"$tmp/second.out" 2>&1 && fail "port taken twice"
grep -q "cannot listen on 127.0.0.1:$port" "$tmp/second.out" || fail "taken port: $(cat "$tmp/second.out")"

scrape() { curl -sf "http://127.0.0.1:$port/metrics" -o "$1" || fail "scrape failed"; }
scrape "$tmp/m1"
grep -qi '^content-type: text/plain; version=0.0.4' <<<"$(curl -sI "http://127.0.0.1:$port/metrics")" ||
  fail "content type"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/other")" = 404 ] || fail "not 404"
if python3 -c 'import prometheus_client' 2>/dev/null; then
  python3 - "$tmp/m1" <<'PY' || fail "page is not Prometheus text"
import sys
from prometheus_client.parser import text_string_to_metric_families
names = {f.name for f in text_string_to_metric_families(open(sys.argv[1]).read())}
need = {"korgoo_capture_packets", "korgoo_capture_kernel_drops", "korgoo_flow_created",
        "korgoo_alerts", "korgoo_verdicts", "korgoo_memory_used_bytes", "korgoo_reloads"}
missing = need - names
sys.exit(f"missing families: {missing}" if missing else 0)
PY
fi

# Traffic on lo: HTTP requests to a local server; the counters must move.
web=$(free_port)
python3 -m http.server "$web" --bind 127.0.0.1 --directory "$tmp" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$web/" && break; sleep 0.1; done
for i in $(seq 1 20); do curl -s -o /dev/null "http://127.0.0.1:$web/?n=$i"; done
sleep 1.5   # the stats snapshot is taken between packets: let the capture catch up
"$korgoo_ctl" --socket "$tmp/live.ctl" reload >/dev/null || fail "reload"
scrape "$tmp/m2"
for s in korgoo_capture_packets_total korgoo_flow_created_total korgoo_reloads_total \
         korgoo_app_http_transactions_total; do
  a=$(value "$tmp/m1" $s); b=$(value "$tmp/m2" $s)
  [ -n "$a" ] && [ -n "$b" ] || fail "$s missing"
  [ "$b" -gt "$a" ] || fail "$s did not move: $a -> $b"
  echo "$s: $a -> $b"
done
# Periodic EVE stats records (every second here) carry the live capture counters too.
periodic=$(grep '"event_type":"stats"' "$tmp/live/eve.json" | tail -1 |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["stats"]["capture"]["kernel_packets"])')
[ "${periodic:-0}" -gt 0 ] || fail "periodic stats record: capture.kernel_packets ${periodic:-none}"
used=$(value "$tmp/m2" 'korgoo_memory_cap_entries{cap="flows"}')
[ "$used" = 65536 ] || fail "flow cap $used"
# The same numbers as korgoo-ctl stats (one snapshot path).
ctl_reloads=$("$korgoo_ctl" --socket "$tmp/live.ctl" stats |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["reload"]["count"])')
[ "$ctl_reloads" = "$(value "$tmp/m2" korgoo_reloads_total)" ] || fail "ctl and metrics disagree"

# Idle link: nothing passes the filter, stats records still come on wall time.
kill -TERM "${pids[0]}"; wait "${pids[0]}"
start idle -F "udp port 9"
wait_for "metrics: http" "$tmp/idle/korgoo.log" || fail "idle sensor did not start"
sleep 3.5
n=$(grep -c '"event_type":"stats"' "$tmp/idle/eve.json")
scrape "$tmp/m3"
[ "$(value "$tmp/m3" korgoo_capture_packets_total)" = 0 ] || fail "the filter let packets in"
[ "$n" -ge 2 ] || fail "idle link: $n stats records in 3.5 s"
echo "idle link: $n stats records in 3.5 s with 0 packets"
echo "ok: metrics off by default, validated, scraped, counters move, idle stats"

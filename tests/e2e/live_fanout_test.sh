#!/usr/bin/env bash
# Live capture with two workers, each reading its own AF_PACKET socket of one fanout group:
# two network namespaces joined by a veth pair, korgoo capturing in the server's namespace,
# sixteen internal client addresses uploading personal numbers to one external server.
# Checks that
#   - the kernel accepted the fanout program and both sockets got work;
#   - each worker got exactly the flows of the internal hosts the program sends it (12 and 4,
#     computed here from the same hash), i.e. the internal host chose;
#   - both directions of every connection met in one worker (every flow record has packets
#     both ways, and there is one flow record per connection);
#   - every upload raised its alert, and the merged stats record sums the two sockets.
# Exit 77 (ctest: skipped) with one line when namespaces cannot be made here.
set -euo pipefail
KORGOO=${1:?usage: live_fanout_test.sh PATH-TO-korgoo}
WORK=$(mktemp -d /tmp/korgoo-fanout.XXXXXX)
CLI=kgf-cli-$$
SRV=kgf-srv-$$
PIDS=()

skip() { echo "SKIPPED: live fanout test: $1"; exit 77; }
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del "$CLI" 2>/dev/null || true
  ip netns del "$SRV" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || skip "needs root"
ip netns add "$CLI" 2>/dev/null || skip "cannot create network namespaces"
ip netns exec "$CLI" true 2>/dev/null || skip "cannot enter network namespaces (is / a mount point?)"
ip netns add "$SRV" 2>/dev/null || skip "cannot create a second network namespace"
ip link add "f$$c" netns "$CLI" type veth peer name "f$$s" netns "$SRV"
# Twelve addresses the fanout program sends to worker 0 and four to worker 1 (the same hash
# as source/fanout_program.cc): an uneven split that another choice of key would not give.
HOSTS=$(python3 - <<'PY'
def mix(x):
    x ^= x >> 16
    x = (x * 0x45d9f3b) & 0xffffffff
    return x ^ (x >> 16)
want, got = [12, 4], [[], []]
for h in range(10, 120):
    w = mix((10 << 24) | (200 << 16) | h) % 2
    if len(got[w]) < want[w]:
        got[w].append(h)
print(" ".join(str(h) for h in sorted(got[0] + got[1])))
PY
)
for h in $HOSTS; do ip -n "$CLI" addr add "10.200.0.$h/24" dev "f$$c"; done
ip -n "$SRV" addr add 10.200.0.200/24 dev "f$$s"
for ns in "$CLI" "$SRV"; do
  # No IPv6 neighbour discovery or router solicitations: the flows are only the uploads.
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip -n "$ns" link set lo up
done
ip -n "$CLI" link set "f$$c" up
ip -n "$SRV" link set "f$$s" up
# Static neighbours: no ARP either.
mac_srv=$(ip -n "$SRV" -o link show "f$$s" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
mac_cli=$(ip -n "$CLI" -o link show "f$$c" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
ip -n "$CLI" neigh add 10.200.0.200 lladdr "$mac_srv" dev "f$$c" nud permanent
for h in $HOSTS; do ip -n "$SRV" neigh add "10.200.0.$h" lladdr "$mac_cli" dev "f$$s" nud permanent; done

cat >"$WORK/korgoo.yaml" <<YAML
home_networks: [10.200.0.0/25]
threads: 2
capture: {method: af-packet}
outputs:
  eve:
    flow_records: all
    stats_interval: 0
policy:
  adequate_countries: [DE]
  geo:
    overrides:
      - {prefix: 10.200.0.200/32, country: CN}
YAML

mkdir -p "$WORK/out"
ip netns exec "$SRV" python3 - "$WORK" <<'PY' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *a): pass
http.server.HTTPServer(("10.200.0.200", 8080), H).serve_forever()
PY
PIDS+=($!)

ip netns exec "$SRV" "$KORGOO" -c "$WORK/korgoo.yaml" -i "f$$s" -l "$WORK/out" >"$WORK/korgoo.stdout" 2>&1 &
KPID=$!
PIDS+=($KPID)
for _ in $(seq 1 100); do
  grep -q "writing" "$WORK/out/korgoo.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "fanout socket" "$WORK/out/korgoo.log" 2>/dev/null || { cat "$WORK/korgoo.stdout"; cat "$WORK/out/korgoo.log" 2>/dev/null; echo "FAIL: sensor did not start two fanout workers"; exit 1; }
sleep 0.5

# One upload from each internal address: synthetic personal numbers (valid format, no real
# person), never printed.
ip netns exec "$CLI" python3 - $HOSTS <<'PY'
import socket, sys
for h in sys.argv[1:]:
    n = int(h)
    body = "".join(f"{i},client,2{d:02d}0319{80 + i}{n:03d}{i:02d}\n" for i, d in enumerate(range(11, 15))).encode()
    s = socket.create_connection(("10.200.0.200", 8080), timeout=5, source_address=(f"10.200.0.{n}", 0))
    s.sendall(b"POST /upload HTTP/1.1\r\nHost: 10.200.0.200\r\nContent-Type: text/csv\r\n"
              b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
    reply = s.recv(4096)
    assert reply.split(b" ", 2)[1:2] == [b"200"], "upload failed"
    s.close()
PY
sleep 1
kill -TERM "$KPID"
wait "$KPID" || true

python3 - "$WORK/out/eve.json" $HOSTS <<'PY'
import json, sys
eve, hosts = sys.argv[1], [int(h) for h in sys.argv[2:]]
def mix(x):  # the fanout program's finaliser (source/fanout_program.cc)
    x ^= x >> 16
    x = (x * 0x45d9f3b) & 0xffffffff
    return x ^ (x >> 16)
expected = [0, 0]
for h in hosts:
    expected[mix((10 << 24) | (200 << 16) | h) % 2] += 1
recs = [json.loads(l) for l in open(eve)]
flows = [r for r in recs if r["event_type"] == "flow" and r.get("proto") == "TCP"]
alerts = [r for r in recs if r["event_type"] == "alert"]
stats = [r for r in recs if r["event_type"] == "stats"]
fail = False
def check(ok, what):
    global fail
    print(("ok: " if ok else "FAIL: ") + what)
    fail |= not ok
check(len(flows) == len(hosts), f"one flow record per connection ({len(flows)} for {len(hosts)})")
check(all(f["flow"]["pkts_toserver"] > 0 and f["flow"]["pkts_toclient"] > 0 for f in flows),
      "every flow saw both directions (one worker had both)")
check(len({a["src_ip"] for a in alerts}) == len(hosts), f"every upload raised an alert ({len(alerts)} alerts)")
check(len(stats) == 1, "one merged final stats record")
k = stats[-1]["stats"]["korgoo"]
workers = k["workers"]
got = [w["flows"] for w in workers]
check(len(workers) == 2 and "kernel_drops" in workers[0], f"stats list both workers ({workers})")
check(got == expected, f"each worker got its internal hosts' flows: {got}, expected {expected}")
check(k["capture"]["packets"] == sum(w["packets"] for w in workers),
      "capture counters are the sum of the two sockets'")
sys.exit(1 if fail else 0)
PY
echo "live fanout test passed"

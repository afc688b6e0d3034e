#!/usr/bin/env bash
# What inline mode adds to a packet's trip, measured end to end through the kernel (issue 15:
# inline p99 added latency): two network namespaces joined by a veth pair; a client sends
# small requests over one TCP connection and times each request/response round trip, first
# with no queue rule, then with every TCP packet queued to korgoo -q (both directions: a
# round trip crosses the sensor twice). Prints p50/p90/p99/max of both runs and the added
# latency per packet (the difference, halved). Needs root and network namespaces.
#
#   bench/inline_latency.sh [KORGOO] [ROUND_TRIPS]    (default build/sensor/korgoo, 5000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
korgoo=${1:-$(dirname "$here")/build/sensor/korgoo}
trips=${2:-5000}
CLI=kgl-cli-$$
SRV=kgl-srv-$$
work=$(mktemp -d /tmp/korgoo-latency.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del "$CLI" 2>/dev/null || true
  ip netns del "$SRV" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] || { echo "inline_latency.sh: needs root"; exit 77; }
ip netns add "$CLI" && ip netns add "$SRV"
ip link add "l$$c" netns "$CLI" type veth peer name "l$$s" netns "$SRV"
ip -n "$CLI" addr add 10.201.0.1/24 dev "l$$c"
ip -n "$SRV" addr add 10.201.0.2/24 dev "l$$s"
for ns in "$CLI" "$SRV"; do ip -n "$ns" link set lo up; done
ip -n "$CLI" link set "l$$c" up
ip -n "$SRV" link set "l$$s" up

ip netns exec "$SRV" python3 - <<'PY' &
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.201.0.2", 9000)); s.listen(4)
while True:
    c, _ = s.accept()
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    while (d := c.recv(4096)):
        c.sendall(d)
    c.close()
PY
pids+=($!)
sleep 0.5

measure() { # prints one sorted list of round-trip microseconds per line
  ip netns exec "$CLI" python3 - "$trips" <<'PY'
import socket, sys, time
n = int(sys.argv[1])
s = socket.create_connection(("10.201.0.2", 9000))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
msg = b"GET /status HTTP/1.1\r\nHost: example\r\n\r\n"
out = []
for i in range(n + 200):
    t = time.perf_counter_ns()
    s.sendall(msg)
    got = 0
    while got < len(msg):
        got += len(s.recv(4096))
    if i >= 200:  # warm-up: the first round trips set up caches and the flow
        out.append((time.perf_counter_ns() - t) / 1000)
print(" ".join(f"{v:.1f}" for v in sorted(out)))
PY
}
pct() { tr ' ' '\n' | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p); if (i<1) i=1; print a[i]}'; }

plain=$(measure)
ip netns exec "$CLI" iptables -A OUTPUT -d 10.201.0.2 -p tcp -j NFQUEUE --queue-num 0
ip netns exec "$CLI" iptables -A INPUT -s 10.201.0.2 -p tcp -j NFQUEUE --queue-num 0
mkdir -p "$work/out"
ip netns exec "$CLI" "$korgoo" -q 0 -l "$work/out" >"$work/korgoo.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q writing "$work/out/korgoo.log" 2>/dev/null && break; sleep 0.1; done
sleep 0.3
queued=$(measure)

printf '%-22s %9s %9s %9s %9s\n' "round trip (us)" p50 p90 p99 max
for name in plain queued; do
  v=${!name}
  printf '%-22s %9s %9s %9s %9s\n' "$name" "$(pct 0.5 <<<"$v")" "$(pct 0.9 <<<"$v")" \
    "$(pct 0.99 <<<"$v")" "$(pct 1.0 <<<"$v")"
done
for p in 0.5 0.99; do
  a=$(pct $p <<<"$plain") b=$(pct $p <<<"$queued")
  echo "added per packet at p$(awk -v p=$p "BEGIN {print p * 100}"): $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f", (b - a) / 2}') us"
done

#!/usr/bin/env python3
"""Unfillable holes (issue 12 item 4): many established flows each send one segment after a gap
that is never filled, so every flow would hold its out-of-order bytes until it ends.
stream.memcap bounds what all flows buffer together: a segment that would exceed it turns the
oldest hole into a gap (stream.ooo_cap_gaps) so the buffered bytes drain to inspection, and
peak RSS stays at the flows' own state plus the memcap.

usage: tcp_hole_flood_test.py KORGOO SOURCE_DIR [FLOWS]
"""
import sys

import flood_common as fc

STREAM_MEMCAP_MB = 8
HOLE = 1000      # bytes never sent
SEGMENT = 1400   # two segments sent after the hole, out of order forever
PAYLOAD = 2 * SEGMENT
# Bytes one established flow costs at most besides its buffered segments (flow record, both
# halves of the reassembler, app-layer state); about 2 KB measured (docs/reliability.md).
FLOW_BYTES = 2560
SLACK_MB = 24


def write_flood(gen, path, flows):
    cap = fc.StreamedCapture(gen, path, step_us=2)
    server = fc.address("203.0.113.20")
    payload = gen.deterministic_bytes("hole-flood", PAYLOAD)
    for i in range(flows):
        client = fc.address(0x0A40_0000 + i // 50_000 * 65_536 + i % 50_000)
        sport = 1024 + i % 60_000
        cseq, sseq = 1000 + i, 5000
        cap.tcp(client, server, sport, 8080, cseq, 0, gen.TCP_SYN)
        cap.tcp(server, client, 8080, sport, sseq, cseq + 1, gen.TCP_SYN | gen.TCP_ACK)
        cap.tcp(client, server, sport, 8080, cseq + 1, sseq + 1, gen.TCP_ACK)
        for off in (0, SEGMENT):
            cap.tcp(client, server, sport, 8080, cseq + 1 + HOLE + off, sseq + 1,
                    gen.TCP_ACK | gen.TCP_PSH, payload[off:off + SEGMENT])
    return cap.close()


def main():
    korgoo, src = sys.argv[1], sys.argv[2]
    flows = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
    # Room for every flow: the stream memcap, not flow eviction, must be what holds memory.
    base, rss, k, size = fc.run_flood(
        korgoo, src, "hole-flood", f"flow:\n  max_flows: {flows + 10_000}\n"
        f"stream:\n  memcap: {STREAM_MEMCAP_MB}mb\n",
        lambda gen, pcap: write_flood(gen, pcap, flows))
    st, mem = k["stream"], k["memory"]["stream"]
    uncapped_mb = flows * PAYLOAD // fc.MB
    bound = base + flows * FLOW_BYTES // fc.MB + STREAM_MEMCAP_MB + SLACK_MB
    print(f"{flows} flows with a {HOLE}-byte hole and {PAYLOAD} bytes beyond it "
          f"({size // fc.MB} MB capture): peak RSS {rss} MB, bound {bound} MB (tiny capture "
          f"{base} MB + {flows} flows x {FLOW_BYTES} B + stream.memcap {STREAM_MEMCAP_MB} MB "
          f"+ {SLACK_MB} MB; uncapped the segments alone would hold {uncapped_mb} MB); "
          f"ooo_segments {st['ooo_segments']}, ooo_cap_gaps {st['ooo_cap_gaps']}, "
          f"ooo_buffered_peak {st['ooo_buffered_peak']}, stream memory {mem['used']} of "
          f"{mem['cap']}, flows evicted {k['flow']['evicted']}")
    c = fc.Checks()
    c.expect(mem["cap"] == STREAM_MEMCAP_MB * fc.MB, "stream.memcap not applied")
    # A segment is buffered while the memcap has room; past it, its hole becomes a gap.
    c.expect(st["ooo_segments"] + st["ooo_cap_gaps"] >= flows,
             "the segments after the holes were neither buffered nor gaps")
    c.expect(st["ooo_cap_gaps"] >= flows - STREAM_MEMCAP_MB * fc.MB // SEGMENT,
             "the memcap did not turn holes into gaps")
    c.expect(st["ooo_buffered_peak"] <= STREAM_MEMCAP_MB * fc.MB,
             "buffered out-of-order bytes above stream.memcap")
    c.expect(k["flow"]["evicted"] == 0, "flows were evicted: the memcap was not what held")
    c.expect(rss <= bound, f"peak RSS {rss} MB above the bound {bound} MB")
    return c.exit_code()


if __name__ == "__main__":
    sys.exit(main())

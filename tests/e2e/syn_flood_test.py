#!/usr/bin/env python3
"""SYN flood (issue 12 item 4): SYNs from random sources, each a new flow that never completes
its handshake. flow.max_flows bounds the table: beyond it the least recently active flow is
evicted (flow.evicted counts it), so peak RSS stays near max_flows flows' worth whatever the
number of SYNs.

usage: syn_flood_test.py KORGOO SOURCE_DIR [SYNS]
"""
import sys

import flood_common as fc

MAX_FLOWS = 50_000
# Bytes one half-open flow may cost at most (flow record, key, table slot, reassembler state,
# allocator rounding); about 1.4 KB measured, see docs/reliability.md.
FLOW_BYTES = 3072
SLACK_MB = 24  # allocator arenas and the stats/EVE buffers, independent of the flood


def write_flood(gen, path, syns):
    cap = fc.StreamedCapture(gen, path, step_us=5)  # 1M SYNs in 5 s: no flow times out
    rng = gen.SplitMix64(0x5F10_0D)
    server = fc.address("203.0.113.10")
    for _ in range(syns):
        r = rng.next_u64()
        src = fc.address(0x0A00_0000 | (r & 0x00FF_FFFF))  # 10.0.0.0/8, random
        cap.tcp(src, server, 1024 + (r >> 24) % 64_000, 80, r >> 32, 0, gen.TCP_SYN)
    return cap.close()


def main():
    korgoo, src = sys.argv[1], sys.argv[2]
    syns = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    base, rss, k, size = fc.run_flood(
        korgoo, src, "syn-flood", f"flow:\n  max_flows: {MAX_FLOWS}\n",
        lambda gen, pcap: write_flood(gen, pcap, syns))
    flow = k["flow"]
    bound = base + MAX_FLOWS * FLOW_BYTES // fc.MB + SLACK_MB
    print(f"{syns} SYNs ({size // fc.MB} MB capture): peak RSS {rss} MB, bound {bound} MB "
          f"(tiny capture {base} MB + {MAX_FLOWS} flows x {FLOW_BYTES} B + {SLACK_MB} MB); "
          f"flows created {flow['created']}, evicted {flow['evicted']}, "
          f"timed out {flow['ended_timeout']}, active peak {flow['active_peak']}")
    c = fc.Checks()
    c.expect(flow["active_peak"] <= MAX_FLOWS, "more flows active than flow.max_flows")
    # Random sources repeat rarely; every flow beyond the cap must have been evicted.
    c.expect(flow["created"] >= syns * 99 // 100, "the SYNs did not open as many flows")
    c.expect(flow["evicted"] >= flow["created"] - MAX_FLOWS,
             "flows beyond max_flows were not evicted")
    c.expect(rss <= bound, f"peak RSS {rss} MB above the bound {bound} MB")
    return c.exit_code()


if __name__ == "__main__":
    sys.exit(main())

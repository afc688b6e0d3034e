#!/usr/bin/env python3
"""Never-completed fragments (issue 12 item 4): many IPv4 datagrams each send only their first
fragment. decode.defrag.memcap bounds what all incomplete datagrams hold together: beyond it
the oldest are evicted (decoder.frag_evicted), so peak RSS stays at the memcap whatever the
number of fragments.

usage: frag_flood_test.py KORGOO SOURCE_DIR [DATAGRAMS]
"""
import sys

import flood_common as fc

FRAG_MEMCAP_MB = 4
FRAGMENT = 1480  # payload bytes of each first fragment (an Ethernet MTU)
SLACK_MB = 16


def write_flood(gen, path, datagrams):
    cap = fc.StreamedCapture(gen, path, step_us=10)  # 0.5 s in all: nothing times out
    server = fc.address("203.0.113.30")
    payload = gen.deterministic_bytes("frag-flood", 2 * FRAGMENT - 8)
    for i in range(datagrams):
        src = fc.address(0x0A80_0000 + i)
        upper = gen.build_udp_datagram(src, server, 1024 + i % 60_000, 9999, payload)
        first = gen.fragment_ipv4(src, server, 17, upper, ident=i & 0xFFFF,
                                  fragment_size=FRAGMENT)[0]
        cap.ip(first)  # the rest never comes
    return cap.close()


def main():
    korgoo, src = sys.argv[1], sys.argv[2]
    datagrams = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
    base, rss, k, size = fc.run_flood(
        korgoo, src, "frag-flood", f"decode:\n  defrag:\n    memcap: {FRAG_MEMCAP_MB}mb\n",
        lambda gen, pcap: write_flood(gen, pcap, datagrams))
    d, mem = k["decoder"], k["memory"]["defrag"]
    held = FRAG_MEMCAP_MB * fc.MB // FRAGMENT  # datagrams the memcap can hold at most
    bound = base + FRAG_MEMCAP_MB + SLACK_MB
    print(f"{datagrams} first fragments of {FRAGMENT} B never completed ({size // fc.MB} MB "
          f"capture): peak RSS {rss} MB, bound {bound} MB (tiny capture {base} MB + "
          f"decode.defrag.memcap {FRAG_MEMCAP_MB} MB + {SLACK_MB} MB; uncapped the fragments "
          f"alone would hold {datagrams * FRAGMENT // fc.MB} MB); frag_received "
          f"{d['frag_received']}, frag_evicted {d['frag_evicted']}, frag_timeouts "
          f"{d['frag_timeouts']}, frag_reassembled {d['frag_reassembled']}, defrag memory "
          f"{mem['used']} of {mem['cap']}")
    c = fc.Checks()
    c.expect(mem["cap"] == FRAG_MEMCAP_MB * fc.MB, "decode.defrag.memcap not applied")
    c.expect(d["frag_received"] == datagrams, "not every fragment reached the defragmenter")
    c.expect(d["frag_reassembled"] == 0, "a datagram was reassembled from nothing")
    c.expect(d["frag_evicted"] >= datagrams - held, "the memcap did not evict the oldest")
    c.expect(mem["used"] <= mem["cap"], "defrag memory above its cap")
    c.expect(rss <= bound, f"peak RSS {rss} MB above the bound {bound} MB")
    return c.exit_code()


if __name__ == "__main__":
    sys.exit(main())

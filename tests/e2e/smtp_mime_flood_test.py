#!/usr/bin/env python3
"""SMTP/MIME flood (issue 12 items 3 and 4): many SMTP flows that never finish a line or a
header block. Half open a message and send header lines without the blank line that ends the
block; half send one command line without its end. app.memcap bounds the line and header
buffers of all flows together: beyond it a flow's direction is scanned as raw bytes
(app.memcap_hits), and peak RSS stays at the flows' own state plus the memcap.

usage: smtp_mime_flood_test.py KORGOO SOURCE_DIR [FLOWS]
"""
import sys

import flood_common as fc

APP_MEMCAP_MB = 4
# Recently delivered bytes kept for retransmission checks (stream.overlap_check_window) are
# charged to stream.memcap: small too, so that it is part of the bound.
STREAM_MEMCAP_MB = 8
HEADERS = 32 * 1024  # header lines sent by each "MIME" flow, never ended by a blank line
# Bytes of the one command line each "SMTP" flow never ends. Over-long lines are handed on in
# 4 KB pieces, so what a flow holds is the part after the last whole piece: not a multiple.
LINE = 15_000
SEGMENT = 1400
# Bytes one SMTP flow costs at most besides its charged buffers (flow record, reassembler,
# decoder and transaction); about 2 KB measured (docs/reliability.md).
FLOW_BYTES = 4096
SLACK_MB = 24


def mime_headers():
    lines = []
    size = 0
    i = 0
    while size < HEADERS:
        line = f"X-Flood-{i:05d}: {'v' * 48}\r\n".encode()
        lines.append(line)
        size += len(line)
        i += 1
    return b"".join(lines)


def write_flood(gen, path, flows):
    cap = fc.StreamedCapture(gen, path, step_us=2)
    server = fc.address("203.0.113.25")
    envelope = (b"EHLO client.example\r\nMAIL FROM:<a@example.kg>\r\n"
                b"RCPT TO:<b@example.kz>\r\nDATA\r\n")
    streams = [envelope + mime_headers(), b"EHLO " + b"a" * (LINE - 5)]
    greeting = b"220 mx.example ESMTP\r\n"
    for i in range(flows):
        client = fc.address(0x0AC0_0000 + i)
        sport = 1024 + i % 60_000
        cseq, sseq = 1000, 5000
        cap.tcp(client, server, sport, 25, cseq, 0, gen.TCP_SYN)
        cap.tcp(server, client, 25, sport, sseq, cseq + 1, gen.TCP_SYN | gen.TCP_ACK)
        cap.tcp(client, server, sport, 25, cseq + 1, sseq + 1, gen.TCP_ACK)
        cap.tcp(server, client, 25, sport, sseq + 1, cseq + 1, gen.TCP_ACK | gen.TCP_PSH,
                greeting)
        data = streams[i % 2]
        ack = sseq + 1 + len(greeting)
        for off in range(0, len(data), SEGMENT):
            cap.tcp(client, server, sport, 25, cseq + 1 + off, ack, gen.TCP_ACK | gen.TCP_PSH,
                    data[off:off + SEGMENT])
    return cap.close(), sum(len(streams[i % 2]) for i in range(flows))


def main():
    korgoo, src = sys.argv[1], sys.argv[2]
    flows = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    base, rss, k, (size, sent) = fc.run_flood(
        korgoo, src, "smtp-flood", f"flow:\n  max_flows: {flows * 2}\n"
        f"stream:\n  memcap: {STREAM_MEMCAP_MB}mb\n"
        f"app:\n  memcap: {APP_MEMCAP_MB}mb\n",
        lambda gen, pcap: write_flood(gen, pcap, flows))
    mem, hits = k["memory"]["app"], k["app"]["memcap_hits"]
    bound = base + APP_MEMCAP_MB + STREAM_MEMCAP_MB + flows * FLOW_BYTES // fc.MB + SLACK_MB
    print(f"{flows} SMTP flows, half with {HEADERS // 1024} KB of unended MIME headers, half "
          f"with a {LINE // 1024} KB unended command line ({size // fc.MB} MB capture, "
          f"{sent // fc.MB} MB sent): peak RSS {rss} MB, bound {bound} MB (tiny capture "
          f"{base} MB + app.memcap {APP_MEMCAP_MB} MB + stream.memcap {STREAM_MEMCAP_MB} MB + "
          f"{flows} flows x {FLOW_BYTES} B + "
          f"{SLACK_MB} MB); app memory peak {mem['peak']} of cap {mem['cap']}, "
          f"memcap_hits {hits}, flows evicted {k['flow']['evicted']}")
    c = fc.Checks()
    c.expect(mem["cap"] == APP_MEMCAP_MB * fc.MB, "app.memcap not applied")
    c.expect(mem["peak"] <= mem["cap"], "app memory above its cap")
    # The cap holds a few hundred flows' buffers: most of the others must have been refused.
    c.expect(hits >= flows // 2, f"only {hits} memcap hits: the flood did not test the cap")
    c.expect(k["flow"]["evicted"] == 0, "flows were evicted: the memcap was not what held")
    c.expect(rss <= bound, f"peak RSS {rss} MB above the bound {bound} MB")
    return c.exit_code()


if __name__ == "__main__":
    sys.exit(main())

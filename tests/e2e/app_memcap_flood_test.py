#!/usr/bin/env python3
"""app.memcap holds memory under a header flood (issue 12 item 3): many flows each send an
unterminated 62 KB HTTP header. Without the cap every flow buffers its header (about 64 KB a
flow); with app.memcap the worker's header buffers stop at the cap, the refused flows are
scanned as raw bytes (memcap_hits) and peak RSS stays near that of a tiny capture.

usage: app_memcap_flood_test.py KORGOO SOURCE_DIR [FLOWS]
"""
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile

HEADER = 62 * 1024
SEGMENT = 1400
MEMCAP_MB = 4


def ipv4_tcp(src, dst, sport, dport, seq, ack, flags, payload=b""):
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0)
    total = 20 + len(tcp) + len(payload)
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, total, 0, 0x4000, 64, 6, 0, src, dst)
    return ip + tcp + payload


def write_flood(path, flows):
    header = b"GET /upload HTTP/1.1\r\nHost: flood.example\r\nX-Filler: "
    header += b"a" * (HEADER - len(header))  # never a blank line: the head never ends
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 101))
        t = 1_700_000_000 * 1_000_000

        def put(frame):
            nonlocal t
            t += 10
            f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(frame), len(frame)))
            f.write(frame)

        for i in range(flows):
            c = bytes([10, 1, i >> 8 & 255, i & 255])
            s = bytes([203, 0, 113, 10])
            sport = 1024 + i % 60000
            put(ipv4_tcp(c, s, sport, 80, 1000, 0, 0x02))
            put(ipv4_tcp(s, c, 80, sport, 5000, 1001, 0x12))
            put(ipv4_tcp(c, s, sport, 80, 1001, 5001, 0x10))
            for off in range(0, len(header), SEGMENT):
                put(ipv4_tcp(c, s, sport, 80, 1001 + off, 5001, 0x18, header[off:off + SEGMENT]))


def run(korgoo, config, pcap, out):
    os.makedirs(out, exist_ok=True)
    r = subprocess.run([korgoo, "-c", config, "-r", pcap, "-l", out], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, check=False)
    if r.returncode != 0:
        print("FAIL: korgoo exited", r.returncode, r.stdout[-2000:])
        sys.exit(1)
    stats = [json.loads(l) for l in open(os.path.join(out, "eve.json")) if '"stats"' in l]
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, stats[-1]


def main():
    korgoo, src = sys.argv[1], sys.argv[2]
    flows = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
    with tempfile.TemporaryDirectory(prefix="korgoo-flood-") as tmp:
        config = os.path.join(tmp, "korgoo.yaml")
        with open(config, "w") as f:
            f.write(f"detect:\n  signatures: [{src}/signatures]\nrules: [{src}/rules]\n"
                    f"flow:\n  max_flows: {flows * 2}\napp:\n  memcap: {MEMCAP_MB}mb\n")
        base_rss, _ = run(korgoo, config, os.path.join(src, "pcaps", "basic-http.pcap"),
                          os.path.join(tmp, "base"))
        pcap = os.path.join(tmp, "flood.pcap")
        write_flood(pcap, flows)
        rss, stats = run(korgoo, config, pcap, os.path.join(tmp, "flood"))
        k = stats["stats"]["korgoo"] if "korgoo" in stats["stats"] else stats["stats"]
        mem, hits = k["memory"]["app"], k["app"]["memcap_hits"]
        uncapped_mb = flows * HEADER // (1 << 20)
        print(f"{flows} flows x {HEADER // 1024} KB unterminated headers: peak RSS {rss} MB "
              f"(tiny capture {base_rss} MB; uncapped headers alone would be {uncapped_mb} MB), "
              f"app memory peak {mem['peak']} of cap {mem['cap']}, memcap_hits {hits}")
        ok = True
        if mem["peak"] > mem["cap"] or mem["cap"] != MEMCAP_MB << 20:
            print("FAIL: app memory above its cap"); ok = False
        if hits == 0:
            print("FAIL: the cap was never hit, so the flood did not test it"); ok = False
        if rss - base_rss > MEMCAP_MB + 40:
            print(f"FAIL: peak RSS grew {rss - base_rss} MB under a {MEMCAP_MB} MB app.memcap")
            ok = False
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

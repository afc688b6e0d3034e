#!/usr/bin/env python3
"""Writes a seed corpus for every fuzz harness into OUTDIR/<harness>/, built from the bundled
captures (pcaps/*.pcap) and the shipped YAML files, in each harness's input layout (see the
comment at the top of each tests/fuzz/fuzz_*.cc). Deterministic: same sources, same seeds.

usage: make_seeds.py SOURCE_DIR OUTDIR
"""
import glob
import hashlib
import os
import shutil
import struct
import sys

DECODE_LINKS = {1: 0, 113: 1, 276: 2, 0: 3, 104: 4, 101: 5, 228: 6, 229: 7}  # fuzz_decode.cc
ENGINE_LINKS = {1: 0, 101: 1, 113: 2, 229: 3}  # fuzz_engine.cc
MAX_SEED = 32 * 1024


def read_pcap(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24 or data[:4] != b"\xd4\xc3\xb2\xa1":
        return None, []
    link = struct.unpack_from("<I", data, 20)[0]
    pos, packets = 24, []
    while pos + 16 <= len(data):
        sec, usec, incl, _ = struct.unpack_from("<IIII", data, pos)
        pos += 16
        packets.append((sec * 1_000_000 + usec, data[pos:pos + incl]))
        pos += incl
    return link, packets


def ip_of(link, frame):
    """The IP packet inside a frame, or None (Ethernet with VLANs, SLL, raw only)."""
    if link == 1:
        off, etype = 12, None
        while off + 2 <= len(frame):
            etype = struct.unpack_from(">H", frame, off)[0]
            if etype in (0x8100, 0x88A8):
                off += 4
                continue
            break
        return frame[off + 2:] if etype in (0x0800, 0x86DD) else None
    if link == 113:
        return frame[16:]
    if link in (101, 228, 229):
        return frame
    return None


def tcp_udp_of(ip):
    """(proto, src, dst, sport, dport, seq, flags, payload) or None."""
    if len(ip) < 20:
        return None
    if ip[0] >> 4 == 4:
        ihl = (ip[0] & 15) * 4
        if struct.unpack_from(">H", ip, 6)[0] & 0x3FFF:
            return None  # a fragment
        proto, src, dst, l4 = ip[9], ip[12:16], ip[16:20], ip[ihl:]
    elif ip[0] >> 4 == 6 and len(ip) >= 40:
        proto, src, dst, l4 = ip[6], ip[8:24], ip[24:40], ip[40:]
    else:
        return None
    if proto == 6 and len(l4) >= 20:
        sport, dport, seq = struct.unpack_from(">HHI", l4, 0)
        return 6, src, dst, sport, dport, seq, l4[13], l4[(l4[12] >> 4) * 4:]
    if proto == 17 and len(l4) >= 8:
        sport, dport = struct.unpack_from(">HH", l4, 0)
        return 17, src, dst, sport, dport, 0, 0, l4[8:]
    return None


class Seeds:
    def __init__(self, out):
        self.out = out

    def add(self, harness, data):
        if not data:
            return
        data = data[:MAX_SEED]
        d = os.path.join(self.out, harness)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
            f.write(data)


def framed(packets, limit=200):
    out, last = bytearray(), None
    for ts, frame in packets[:limit]:
        dt = 0 if last is None else min(255, max(0, (ts - last) // 1000))
        last = ts
        out += struct.pack(">HB", len(frame), dt) + frame
    return bytes(out)


def flows_of(link, packets):
    """TCP flows: key -> {"segs": [(dir, flags, seq, payload)], "client": bytes, "server": bytes}."""
    flows = {}
    for _, frame in packets:
        ip = ip_of(link, frame)
        t = ip and tcp_udp_of(ip)
        if not t or t[0] != 6:
            continue
        _, src, dst, sport, dport, seq, flags, payload = t
        a, b = (src, sport), (dst, dport)
        key = (a, b) if (b, a) not in flows else (b, a)
        f = flows.setdefault(key, {"segs": [], "data": [{}, {}], "ports": (sport, dport)})
        d = 0 if (a, b) == key else 1
        f["segs"].append((d, flags, seq, payload))
        if payload:
            f["data"][d].setdefault(seq, payload)
    for f in flows.values():
        for d, name in ((0, "client"), (1, "server")):
            f[name] = b"".join(p for _, p in sorted(f["data"][d].items()))
    return flows


def main():
    src, out = sys.argv[1], sys.argv[2]
    shutil.rmtree(out, ignore_errors=True)
    s = Seeds(out)
    for name in ("config/korgoo.yaml", "pcaps/test-config.yaml", "tests/e2e/suricata-verify.yaml",
                 "tests/inline/korgoo-inline.yaml"):
        with open(os.path.join(src, name), "rb") as f:
            s.add("config_yaml", f.read())
    for harness, pattern in (("signatures", "signatures/*.yaml"), ("rules", "rules/*.yaml"),
                             ("rules", "tests/inline/rules/*.yaml")):
        for name in sorted(glob.glob(os.path.join(src, pattern))):
            with open(name, "rb") as f:
                s.add(harness, f.read())
    for path in sorted(glob.glob(os.path.join(src, "pcaps", "*.pcap"))):
        with open(path, "rb") as f:
            s.add("pcap_file", f.read())
        link, packets = read_pcap(path)
        if link is None:
            continue
        for _, frame in packets[:20]:
            if link in DECODE_LINKS:
                s.add("decode", bytes([DECODE_LINKS[link]]) + frame)
        if link in ENGINE_LINKS:
            s.add("engine", bytes([ENGINE_LINKS[link]]) + framed(packets))
        ips = [(ts, ip_of(link, fr)) for ts, fr in packets]
        ips = [(ts, ip) for ts, ip in ips if ip]
        if "frag" in os.path.basename(path) and ips:
            s.add("defrag", bytes([1 if ips[0][1][0] >> 4 == 6 else 0]) + framed(ips))
        table = bytearray()
        for _, ip in ips[:100]:
            t = tcp_udp_of(ip)
            if t:
                proto, a, b, sport, dport, _, flags, payload = t
                table += struct.pack(">BBBHHB", (0x80 | (flags & 0x1F)) if proto == 6 else 0,
                                     a[-1], b[-1], sport, dport, 0)
                if proto == 17 and 53 in (sport, dport):
                    s.add("dns", payload)
                    s.add("detect", struct.pack(">BH", 7, len(payload)) + payload)
        s.add("flow_table", bytes(table))
        for f in flows_of(link, packets).values():
            client, server, ports = f["client"], f["server"], f["ports"]
            segs = bytearray()
            for d, flags, seq, payload in f["segs"][:60]:
                p = payload[:255]
                segs += struct.pack(">BIIB", (0x80 if d else 0) | (flags & 0x1F), seq, 0, len(p)) + p
            s.add("reassembly", bytes(segs))
            if not client and not server:
                continue
            c = client[:MAX_SEED // 2]
            srv = server[:MAX_SEED // 2]
            cut = bytes([min(255, len(c) * 256 // max(1, len(c) + len(srv)))])
            s.add("http", struct.pack(">HB", len(c), 0) + c + srv)
            s.add("http", struct.pack(">HB", len(c), 7) + c + srv)
            det = bytearray()
            for head, data in ((0, c), (0x80, srv)):
                det += struct.pack(">BH", head, min(len(data), 0xFFFF)) + data[:0xFFFF]
            s.add("detect", bytes(det))
            port = min(ports)
            if port in (25, 587, 465, 2525):
                s.add("smtp", cut + c + srv)
                start, end = c.find(b"DATA\r\n"), c.find(b"\r\n.\r\n")
                if 0 <= start < end:
                    s.add("mime", c[start + 6:end + 2])
            if port in (21, 2121):
                s.add("ftp", cut + c + srv)
            if port in (443, 8443, 993, 465):
                s.add("tls", c)
                s.add("tls", srv)
            strings = bytearray()
            for line in (c + srv).split(b"\r\n")[:40]:
                strings += bytes([min(len(line), 255)]) + line[:255]
            s.add("eve_writer", bytes(strings))
    print("fuzz seeds:", ", ".join(f"{h} {len(os.listdir(os.path.join(out, h)))}"
                                   for h in sorted(os.listdir(out))))


if __name__ == "__main__":
    main()

"""What the flood tests (issue 12 item 4) share: a capture written as it is generated (never
held in memory), built from pcaps/generate.py's packet helpers; a korgoo run whose peak RSS is
read from the kernel's accounting of waited-for children; the final stats record of eve.json.

Each flood test sets small caps in its config so that the bound it asserts is computed from
them: RSS of a tiny capture (the rules, the Hyperscan database, the runtime) plus what the caps
allow plus a fixed slack for allocator and per-structure overhead.
"""
import ipaddress
import json
import os
import resource
import subprocess
import sys
import tempfile

SKIP = 77  # ctest SKIP_RETURN_CODE
LINKTYPE_RAW = 101  # raw IPv4/IPv6: no link header to build
MB = 1 << 20


def load_generator(src):
    """pcaps/generate.py as a module: its packet builders and deterministic PRNG."""
    sys.path.insert(0, os.path.join(src, "pcaps"))
    import generate  # noqa: E402  (path set just above)
    return generate


class StreamedCapture:
    """A pcap written packet by packet; timestamps advance by `step_us` per packet."""

    def __init__(self, gen, path, step_us=10):
        self.gen = gen
        self.file = open(path, "wb", buffering=1 << 20)
        self.writer = gen.PcapWriter(self.file, LINKTYPE_RAW)
        self.t = 1_768_471_200 * 1_000_000  # 2026-01-15T10:00:00Z, as generate.py starts
        self.step_us = step_us
        self.packets = 0

    def ip(self, packet):
        self.t += self.step_us
        self.writer.write_record(self.t, packet)
        self.packets += 1

    def tcp(self, src, dst, sport, dport, seq, ack, flags, payload=b""):
        seg = self.gen.build_tcp_segment(src, dst, sport, dport, seq, ack, flags, payload,
                                         window=65535)
        self.ip(self.gen.build_ipv4_packet(src, dst, 6, seg, ident=self.packets & 0xFFFF,
                                           dont_fragment=True))

    def close(self):
        self.file.close()
        return self.writer.bytes_written


def address(value):
    return ipaddress.IPv4Address(value)


def write_config(path, src, extra):
    """The bundled rules and signatures plus the test's own (small) caps."""
    with open(path, "w") as f:
        f.write(f"detect:\n  signatures: [{src}/signatures]\nrules: [{src}/rules]\n{extra}")


def run_korgoo(korgoo, config, pcap, out):
    """Runs korgoo on `pcap`; returns (peak RSS of the children so far in MB, final stats).
    ru_maxrss of RUSAGE_CHILDREN is the largest of all waited-for children, so the baseline
    run must come first."""
    os.makedirs(out, exist_ok=True)
    r = subprocess.run([korgoo, "-c", config, "-r", pcap, "-l", out], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, check=False)
    if r.returncode != 0:
        print("FAIL: korgoo exited", r.returncode, r.stdout[-2000:])
        sys.exit(1)
    stats = None
    with open(os.path.join(out, "eve.json")) as f:
        for line in f:
            if '"stats"' in line:
                stats = json.loads(line)
    if stats is None:
        print("FAIL: no stats record in eve.json")
        sys.exit(1)
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    if rss_mb == 0:
        print("SKIP: this kernel does not report peak RSS of children")
        sys.exit(SKIP)
    s = stats["stats"]
    return rss_mb, s["korgoo"] if "korgoo" in s else s


def baseline(korgoo, config, src, tmp):
    """Peak RSS in MB of a run on a tiny bundled capture with the same config."""
    rss, _ = run_korgoo(korgoo, config, os.path.join(src, "pcaps", "basic-http.pcap"),
                        os.path.join(tmp, "base"))
    return rss


def run_flood(korgoo, src, name, config_extra, write):
    """The baseline run, then the flood capture `write(gen, path)` generates; returns the
    baseline's and the flood's peak RSS in MB, the flood's final stats and what write()
    returned. The capture lives in a temporary directory, removed at the end."""
    gen = load_generator(src)
    with tempfile.TemporaryDirectory(prefix=f"korgoo-{name}-") as tmp:
        config = os.path.join(tmp, "korgoo.yaml")
        write_config(config, src, config_extra)
        base = baseline(korgoo, config, src, tmp)
        pcap = os.path.join(tmp, name + ".pcap")
        written = write(gen, pcap)
        rss, k = run_korgoo(korgoo, config, pcap, os.path.join(tmp, "flood"))
    return base, rss, k, written


class Checks:
    def __init__(self):
        self.ok = True

    def expect(self, condition, message):
        if not condition:
            print("FAIL:", message)
            self.ok = False

    def exit_code(self):
        return 0 if self.ok else 1

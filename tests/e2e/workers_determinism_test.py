#!/usr/bin/env python3
"""A replay writes the same eve.json whatever the number of workers (issue 15).

Builds a capture that exercises what threads could reorder: 600 HTTP uploads from 48
internal hosts to servers in five countries, many sessions open at once and interleaved
packet by packet, DNS lookups, sessions left open to time out, pauses that fire flow timeouts
and periodic stats records, and more packets than one read-ahead batch holds. Replays it with
--workers 1, 2 and 4 and requires:
  - every record but stats byte-identical, in the same order;
  - stats records at the same places, equal once the per-worker parts are set aside
    (stats.korgoo.workers and the buffer peaks, which are per-worker maxima added up);
  - the run to have found personal data, alerted, and spread packets over every worker
    (otherwise the comparison would prove nothing).
Usage: workers_determinism_test.py KORGOO SOURCE_DIR
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

KORGOO, SOURCE = sys.argv[1], Path(sys.argv[2])
sys.path.insert(0, str(SOURCE / "pcaps"))
import generate as g  # noqa: E402  (the bundled captures' generator and its helpers)

SERVERS = [g.SERVER_US, g.SERVER_GB, g.SERVER_DE, g.SERVER_RU, g.SERVER_KG]


def upload(session: g.TcpSession, person: g.Person, n: int, close: bool) -> list[bytes]:
    body = json.dumps({"id": n, "name": person.name, "pin": person.pin, "card": person.card,
                       "email": person.email, "phone": person.phone, "note": "x" * (n % 2000)})
    packets = session.handshake()
    packets += session.send(g.CLIENT, g.http_request(
        "POST", f"/api/upload/{n}", "uploads.example.com",
        headers=[("Content-Type", "application/json")], body=body.encode()))
    packets += session.send(g.SERVER, g.http_response(b'{"ok":true}', content_type="application/json"))
    return packets + (session.close(g.CLIENT) if close else [])


def build_capture(path: Path) -> None:
    people = g.synthetic_people()
    rng = g.SplitMix64(15)
    cap = g.Capture("workers-determinism", g.EthernetLink())
    pending: list[list[bytes]] = []
    for n in range(600):
        host = f"10.20.{n % 48}.{10 + n % 5}"
        server = SERVERS[(n * 7 + rng.below(5)) % len(SERVERS)]
        session = g.TcpSession(host, 20000 + n, server, 80)
        pending.append(upload(session, people[n % len(people)], n, close=n % 6 != 0))
        if n % 3 == 0:
            dns = g.UdpFlow(host, 30000 + n, g.DNS_US, 53)
            pending.append([dns.send(g.CLIENT, g.dns_query(n & 0xFFFF, "uploads.example.com")),
                            dns.send(g.SERVER, g.dns_response(n & 0xFFFF, "uploads.example.com", 1,
                                                              [g.SERVER_US]))])
        # Twelve conversations at a time, one packet from each in turn.
        if len(pending) >= 12 or n == 599:
            while pending:
                for conv in list(pending):
                    cap.add([conv.pop(0)], gap_us=700)
                    if not conv:
                        pending.remove(conv)
        if n % 100 == 99:
            cap.pause(75_000_000)  # past tcp_closed and udp timeouts, and a stats interval
    cap.save(path)


CONFIG = """\
home_networks: [10.0.0.0/8]
detect:
  signatures: [{src}/signatures]
  hash_key: "000102030405060708090a0b0c0d0e0f"
rules: [{src}/rules]
flow:
  timeouts: {{tcp_established: 120, udp: 30}}
outputs:
  eve:
    flow_records: all
    stats_interval: 30
    sensor_name: determinism
policy:
  home_country: KG
  adequate_countries: [DE, GB, KG]
  geo:
    overrides:
      - {{prefix: 93.184.216.0/24, country: US}}
      - {{prefix: 81.2.69.0/24, country: GB}}
      - {{prefix: 193.99.144.0/24, country: DE}}
      - {{prefix: 77.88.55.0/24, country: RU}}
      - {{prefix: 212.42.96.0/19, country: KG}}
      - {{prefix: 8.8.8.0/24, country: US}}
"""


def comparable_stats(line: str) -> dict:
    record = json.loads(line)
    k = record["stats"]["korgoo"]
    k.pop("workers", None)
    for part in k.get("memory", {}).values():
        part.pop("peak", None)
    k.get("flow", {}).pop("active_peak", None)
    return record


def replay(work: Path, pcap: Path, workers: int) -> tuple[list[str], str]:
    out = work / f"w{workers}"
    out.mkdir()
    run = subprocess.run([KORGOO, "-c", str(work / "korgoo.yaml"), "--workers", str(workers),
                          "-r", str(pcap), "-l", str(out)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"FAIL: --workers {workers} exited {run.returncode}: {run.stderr[-500:]}")
    return (out / "eve.json").read_text().splitlines(), run.stdout


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pcap = work / "uploads.pcap"
        build_capture(pcap)
        (work / "korgoo.yaml").write_text(CONFIG.format(src=SOURCE))
        base, _ = replay(work, pcap, 1)
        types = [json.loads(l)["event_type"] for l in base]
        stats_at = [i for i, t in enumerate(types) if t == "stats"]
        if types.count("alert") < 10 or len(stats_at) < 3 or types.count("flow") < 600:
            print(f"FAIL: the capture does not exercise enough: {len(base)} records, "
                  f"{types.count('alert')} alerts, {len(stats_at)} stats")
            return 1
        failures = 0
        for workers in (2, 4):
            before = failures
            got, _ = replay(work, pcap, workers)
            if len(got) != len(base):
                print(f"FAIL: --workers {workers}: {len(got)} records, 1 worker wrote {len(base)}")
                failures += 1
                continue
            for i, (a, b) in enumerate(zip(base, got)):
                same = (comparable_stats(a) == comparable_stats(b)) if i in stats_at else a == b
                if not same:
                    at = next((j for j, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                    print(f"FAIL: --workers {workers}: record {i + 1} ({types[i]}) differs "
                          f"from byte {at}")
                    failures += 1
                    break
            spread = json.loads(got[stats_at[-1]])["stats"]["korgoo"]["workers"]
            if len(spread) != workers or any(w["packets"] == 0 for w in spread):
                print(f"FAIL: --workers {workers}: packets not spread over every worker: {spread}")
                failures += 1
            if failures == before:
                print(f"--workers {workers}: {len(got)} records identical to 1 worker; "
                      f"packets per worker {[w['packets'] for w in spread]}")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

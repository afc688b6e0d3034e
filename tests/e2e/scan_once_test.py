#!/usr/bin/env python3
"""Each byte is scanned once: a value in an HTTP body is counted once, from the decoded body,
and never again from the bytes as sent or from a fragment of it.

Builds (with pcaps/generate.py) uploads whose bodies are plain, chunked with a value cut by a
chunk boundary, percent-encoded as a form, JSON-escaped, and multipart with an unterminated
boundary; replays them; and checks each flow's tally: the planted value once, nothing else.

    scan_once_test.py KORGOO SOURCE_DIR
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path


def main() -> int:
    korgoo, source_dir = sys.argv[1], Path(sys.argv[2])
    sys.path.insert(0, str(source_dir / "pcaps"))
    import generate as g  # noqa: E402

    people = g.synthetic_people()
    pin, email = people[3].pin, people[4].email
    local = email.split("@")[0]
    cut = len(local) - 1  # the chunk boundary leaves "x@domain" after it: a valid address
    bodies = {
        "plain": ([("Content-Type", "text/plain")], f"note {pin} end".encode()),
        "chunked-cut": ([("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")],
                        g.http_chunked([f"to: {email[:cut]}".encode(), f"{email[cut:]} ok".encode()])),
        "form": ([("Content-Type", "application/x-www-form-urlencoded")],
                 f"pin={pin}&mail={urllib.parse.quote(email, safe='')}".encode()),
        "json": ([("Content-Type", "application/json")],
                 ('{"pin":"' + "".join(f"\\u{ord(c):04x}" for c in pin) + '"}').encode()),
        "multipart-unterminated": (
            [("Content-Type", "multipart/form-data; boundary=never-comes")],
            f"pin;email\r\n{pin};x\r\n".encode()),
    }
    want = {
        "plain": {"kg_pin": 1},
        "chunked-cut": {"email": 1},
        "form": {"kg_pin": 1, "email": 1},
        "json": {"kg_pin": 1},
        "multipart-unterminated": {"kg_pin": 1},
    }
    cap = g.Capture("scan-once", g.EthernetLink())
    ports = {}
    for n, (name, (headers, body)) in enumerate(bodies.items()):
        port = 53000 + n
        ports[port] = name
        s = g.TcpSession("192.168.9.10", port, g.SERVER_US, 80)
        request = g.http_request("POST", "/upload", "upload.example.com", headers=headers,
                                 body=body)
        cap.add(s.handshake() + s.send(g.CLIENT, request)
                + s.send(g.SERVER, g.http_response(b"{}")) + s.close(g.CLIENT))
        cap.pause()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        cap.save(Path(tmp, "scan-once.pcap"))
        config = Path(tmp, "korgoo.yaml")
        config.write_text("outputs:\n  eve:\n    flow_records: all\n")
        subprocess.run([korgoo, "-c", str(config), "-r", str(Path(tmp, "scan-once.pcap")),
                        "-l", tmp], check=True, stdout=subprocess.DEVNULL)
        seen = set()
        for line in Path(tmp, "eve.json").read_text().splitlines():
            rec = json.loads(line)
            if rec["event_type"] != "flow" or rec.get("src_port") not in ports:
                continue
            name = ports[rec["src_port"]]
            seen.add(name)
            got = {t: v["count"] for t, v in rec.get("pii", {}).items() if "." not in t}
            if got != want[name]:
                print(f"FAIL: {name}: counted {got}, expected {want[name]}")
                failures += 1
        for name in set(bodies) - seen:
            print(f"FAIL: {name}: no flow record")
            failures += 1
    print(f"{len(bodies)} bodies, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""ICAP alongside packet capture in one process: one per-host aggregation for both.

Usage: icap_alongside_test.py KORGOO. Needs root and a capturable lo (exit 77 otherwise).
korgoo captures lo and serves ICAP. An `aggregate:` rule fires when one host sent 6 distinct
personal numbers out within an hour. 127.0.0.1 uploads 3 over plain HTTP (seen on the wire),
then 3 others through ICAP (as a proxy would hand them over, X-Client-IP 127.0.0.1): neither
path alone reaches 6, so the aggregate alert exists only if both fed one state. Bounded waits,
no timing asserted. Exit 0 pass, 1 fail.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from icap_conformance import chunk, reqmod, response
from icap_harness import SRC, Checks, korgoo_yaml, pins as make_pins, terminate, text, wait_until

SID = 9300001
RULES = f"""rules:
  - id: {SID}
    signature: "TEST host sent 6 distinct personal numbers out (wire and proxy)"
    action: alert
    severity: 2
    condition: {{direction: outbound, types_any: [kg_pin]}}
    aggregate: {{by: src_host, window: 3600, min_distinct: 6, types: [kg_pin]}}
"""




def free_port():
    s = socket.socket()
    s.bind(("127.0.0.2", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    korgoo = sys.argv[1]
    if os.geteuid() != 0:
        print("skip: needs root (capture on lo)")
        return 77
    tmp = tempfile.mkdtemp(prefix="korgoo-icap-both.")
    check = Checks()

    log = os.path.join(tmp, "log")
    os.makedirs(log)
    open(os.path.join(tmp, "rules.yaml"), "w").write(RULES)
    open(os.path.join(tmp, "korgoo.yaml"), "w").write(
        korgoo_yaml("rules.yaml", "stats_interval: 0, flush_interval: 0"))

    pins = make_pins(6)
    wire = "".join(f"{i},client,{p}\n" for i, p in enumerate(pins[:3])).encode()
    proxied = "".join(f"{i},client,{p}\n" for i, p in enumerate(pins[3:])).encode()

    sink_dir = os.path.join(tmp, "sink")
    os.makedirs(sink_dir)
    port = free_port()
    sink = subprocess.Popen([sys.executable, os.path.join(SRC, "tests/inline/upload_server.py"),
                             sink_dir, str(port), "127.0.0.2"])
    out = open(os.path.join(tmp, "stdout"), "w")
    proc = subprocess.Popen([korgoo, "-c", os.path.join(tmp, "korgoo.yaml"), "-i", "lo",
                             "-l", log], stdout=out, stderr=subprocess.STDOUT)
    logfile, eve = os.path.join(log, "korgoo.log"), os.path.join(log, "eve.json")

    def records():
        return [json.loads(l) for l in text(eve).splitlines() if l.strip()]

    def aggregate_alerts():
        return [r for r in records()
                if r["event_type"] == "alert" and r["alert"]["signature_id"] == SID]

    try:
        started = wait_until(lambda: "alongside capture" in text(logfile) and
                             "privileges:" in text(logfile))
        if not started:
            if proc.poll() is not None or "lo" in text(os.path.join(tmp, "stdout")):
                print("skip: cannot capture on lo here: " +
                      text(os.path.join(tmp, "stdout")).strip()[-200:])
                return 77
            check(False, "korgoo started with capture and ICAP")
            return 1
        icap_port = int(text(logfile).split("icap://127.0.0.1:")[1].split("/")[0])
        check(True, "one process captures lo and serves ICAP")
        time.sleep(0.5)  # let the capture settle: the first packets must not be missed

        def wire_upload():
            c = socket.create_connection(("127.0.0.2", port), timeout=10,
                                         source_address=("127.0.0.1", 0))
            c.sendall(b"POST /wire-upload HTTP/1.1\r\nHost: 127.0.0.2\r\nContent-Type: text/csv\r\n"
                      b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(wire) + wire)
            reply = c.recv(4096)
            c.close()
            return reply

        check(wire_upload().startswith(b"HTTP/1.1 200"), "plain HTTP upload of 3 numbers")
        seen = lambda: any(r["event_type"] == "http" and r["http"].get("url") == "/wire-upload"
                           for r in records())
        check(wait_until(seen), "the packet path decoded the wire upload")
        check(not aggregate_alerts(), "3 distinct numbers: no aggregate alert yet")

        s = socket.create_connection(("127.0.0.1", icap_port), timeout=10)
        f = s.makefile("rb")
        s.sendall(reqmod(b"127.0.0.2", chunk(proxied), b"Allow: 204\r\n"))
        status, _, _ = response(f)
        s.close()
        check(status == 204, "ICAP REQMOD with 3 other numbers answered (alert only: 204)")
        check(wait_until(lambda: bool(aggregate_alerts()), 20),
              "the aggregate alert fires: wire and proxy fed one per-host state")
        a = aggregate_alerts()
        if a:
            check(a[0].get("in_iface") == "icap", "it fired on the ICAP exchange, the sixth number")
        rc = terminate(proc)
        check(rc == 0, f"SIGTERM stops both (exit {rc})")
        stats = [r for r in records() if r["event_type"] == "stats"]
        check(bool(stats) and stats[-1]["stats"]["korgoo"].get("icap", {}).get("reqmod") == 1,
              "the packet path's stats record carries the ICAP counters")
        check(not any(p in text(eve) + text(logfile) for p in pins),
              "no identifier in clear in EVE or the log")
    finally:
        for p in (proc, sink):
            if p.poll() is None:
                p.kill()
                p.wait()
        if check.failures:
            print(text(logfile)[-2000:])
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())

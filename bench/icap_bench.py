#!/usr/bin/env python3
"""ICAP path benchmark: REQMOD uploads of ~100 KB bodies straight to korgoo --icap.

Usage: icap_bench.py ADDR PORT KORGOO_PID [REQUESTS] [CONNECTIONS]
Sends REQUESTS uploads (CSV and JSON alternating, benign, so every one is fully inspected
and answered 204) over CONNECTIONS persistent connections, then prints requests/s, MB/s of
body, the korgoo process's CPU seconds (utime+stime from /proc) and so MB per CPU second,
and p50/p99 of the time from sending a request to reading its answer. Not a test: numbers
go to docs/performance.md.
"""
import os
import socket
import statistics
import sys
import threading
import time


def body(kind, size=100 * 1024):
    if kind == "csv":
        rows, i = [], 0
        while sum(map(len, rows)) < size:
            rows.append(f"{i},order-{i},widget {i % 97},quantity {i * 3 % 1000},note free text\n")
            i += 1
        return "".join(rows).encode()
    items, i = [], 0
    while sum(map(len, items)) < size:
        items.append(f'{{"id": {i}, "sku": "W-{i % 977}", "qty": {i % 50}, "note": "ok"}}')
        i += 1
    return ("[" + ",".join(items) + "]").encode()


def request(data, ctype):
    http = (b"POST http://127.0.0.2:8080/upload HTTP/1.1\r\nHost: 127.0.0.2:8080\r\n"
            b"Content-Type: " + ctype + b"\r\nContent-Length: %d\r\n\r\n" % len(data))
    return (b"REQMOD icap://127.0.0.1/korgoo ICAP/1.0\r\nHost: 127.0.0.1\r\nAllow: 204\r\n"
            b"X-Client-IP: 127.0.0.1\r\nEncapsulated: req-hdr=0, req-body=%d\r\n\r\n" % len(http)
            + http + b"%x\r\n" % len(data) + data + b"\r\n0\r\n\r\n")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def worker(addr, port, reqs, latencies):
    s = socket.create_connection((addr, port), timeout=30)
    f = s.makefile("rb")
    for r in reqs:
        t0 = time.perf_counter()
        s.sendall(r)
        status = f.readline()
        while f.readline() not in (b"\r\n", b""):
            pass
        latencies.append(time.perf_counter() - t0)
        if b" 204 " not in status:
            raise SystemExit(f"unexpected answer {status[:40]!r}")
    s.close()


def main():
    addr, port, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 400
    conns = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    bodies = [(body("csv"), b"text/csv"), (body("json"), b"application/json")]
    reqs = [request(*bodies[i % 2]) for i in range(n)]
    body_bytes = sum(len(bodies[i % 2][0]) for i in range(n))
    latencies = []
    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    threads = [threading.Thread(target=worker, args=(addr, port, reqs[i::conns], latencies))
               for i in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall, cpu = time.perf_counter() - t0, cpu_seconds(pid) - cpu0
    lat = sorted(latencies)
    mb = body_bytes / 1e6
    print(f"{n} requests, {conns} connections, {mb:.1f} MB of body in {wall:.2f} s wall")
    print(f"  {n / wall:.0f} requests/s, {mb / wall:.1f} MB/s; korgoo CPU {cpu:.2f} s "
          f"= {mb / cpu if cpu else float('inf'):.1f} MB per CPU second, "
          f"{n / cpu if cpu else float('inf'):.0f} requests per CPU second")
    print(f"  latency p50 {statistics.median(lat) * 1e3:.2f} ms, "
          f"p99 {lat[int(len(lat) * 0.99) - 1] * 1e3:.2f} ms")


if __name__ == "__main__":
    main()

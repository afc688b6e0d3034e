#!/usr/bin/env python3
"""ICAP path benchmark: REQMOD uploads of ~100 KB bodies straight to korgoo --icap.

Usage: icap_bench.py ADDR PORT KORGOO_PID [REQUESTS] [CONNECTIONS]
Sends REQUESTS uploads (CSV and JSON alternating, benign, so every one is fully inspected
and answered 204) over CONNECTIONS persistent connections, then prints requests/s, MB/s of
body, the korgoo process's CPU seconds (utime+stime from /proc) and so MB per CPU second,
and p50/p99 of the time from sending a request to reading its answer.

The same requests then go, the same way, to a null ICAP service (this script with
--null-service, in its own process: it reads each request to its last chunk and answers 204
without looking at it). What the client, loopback and the framing cost shows there; korgoo's
round trip minus the null service's, percentile by percentile, is the latency korgoo adds
to an upload passing through the proxy. Not a test: numbers go to docs/performance.md.
"""
import os
import subprocess
import socket
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


NO_CONTENT = b"ICAP/1.0 204 No Content\r\nISTag: \"null\"\r\nEncapsulated: null-body=0\r\n\r\n"
LAST_CHUNK = b"\r\n0\r\n\r\n"


def null_connection(conn):
    buf = b""
    with conn:
        while True:
            data = conn.recv(1 << 20)
            if not data:
                return
            buf += data
            while True:
                end = buf.find(LAST_CHUNK)
                if end < 0:
                    break
                buf = buf[end + len(LAST_CHUNK):]
                conn.sendall(NO_CONTENT)


def null_service():
    """Answers 204 to every request, unread: prints its port, serves until killed."""
    srv = socket.create_server(("127.0.0.1", 0))
    print(srv.getsockname()[1], flush=True)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=null_connection, args=(conn,), daemon=True).start()


def run(addr, port, reqs, conns):
    latencies = []
    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(addr, port, reqs[i::conns], latencies))
               for i in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, sorted(latencies)


def percentile(lat, q):
    return lat[max(int(len(lat) * q) - 1, 0)]


def main():
    if sys.argv[1:2] == ["--null-service"]:
        return null_service()
    addr, port, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 400
    conns = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    bodies = [(body("csv"), b"text/csv"), (body("json"), b"application/json")]
    reqs = [request(*bodies[i % 2]) for i in range(n)]
    body_bytes = sum(len(bodies[i % 2][0]) for i in range(n))
    cpu0 = cpu_seconds(pid)
    wall, lat = run(addr, port, reqs, conns)
    cpu = cpu_seconds(pid) - cpu0
    null = subprocess.Popen([sys.executable, __file__, "--null-service"], stdout=subprocess.PIPE)
    try:
        null_wall, null_lat = run("127.0.0.1", int(null.stdout.readline()), reqs, conns)
    finally:
        null.kill()
        null.wait()
    mb = body_bytes / 1e6
    print(f"{n} requests, {conns} connections, {mb:.1f} MB of body in {wall:.2f} s wall")
    print(f"  {n / wall:.0f} requests/s, {mb / wall:.1f} MB/s; korgoo CPU {cpu:.2f} s "
          f"= {mb / cpu if cpu else float('inf'):.1f} MB per CPU second, "
          f"{n / cpu if cpu else float('inf'):.0f} requests per CPU second")
    p50, p99 = percentile(lat, 0.5), percentile(lat, 0.99)
    n50, n99 = percentile(null_lat, 0.5), percentile(null_lat, 0.99)
    print(f"  round trip p50 {p50 * 1e3:.2f} ms, p99 {p99 * 1e3:.2f} ms "
          f"(null service: p50 {n50 * 1e3:.2f} ms, p99 {n99 * 1e3:.2f} ms, "
          f"{n / null_wall:.0f} requests/s)")
    print(f"  added by korgoo: p50 {(p50 - n50) * 1e3:.2f} ms, p99 {(p99 - n99) * 1e3:.2f} ms")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""ICAP protocol cases against a running korgoo --icap, with a scripted client.

Usage: icap_conformance.py ADDR PORT PII_FILE. One connection carries OPTIONS and several
REQMODs (keep-alive): a preview with ieof (204), a preview without it (100 Continue, then the
rest, 204), a body of personal data to a non-adequate host (200 with the block page); then
malformed requests each get a 4xx and a closed connection. Prints one line per case, never
the body. Exit 1 on any failure. Every read has a timeout.
"""
import socket
import sys

DEST = "127.0.0.2"  # non-adequate in korgoo-icap.yaml


def read_head(f):
    lines = []
    while True:
        line = f.readline()
        if not line:
            raise ConnectionError("connection closed before a whole head")
        if line in (b"\r\n", b"\n"):
            return lines
        lines.append(line.decode("latin-1").rstrip("\r\n"))


def read_chunked(f):
    body = b""
    while True:
        size = int(f.readline().split(b";")[0], 16)
        if size == 0:
            f.readline()
            return body
        body += f.read(size)
        f.readline()


def chunk(data, last=b"0"):
    out = b""
    if data:
        out += b"%x\r\n" % len(data) + data + b"\r\n"
    return out + last + b"\r\n\r\n"


def reqmod(host, body_part, extra=b"", path=b"/upload"):
    http = (b"POST http://%s:8080%s HTTP/1.1\r\nHost: %s:8080\r\n"
            b"Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n" % (host, path, host))
    return (b"REQMOD icap://127.0.0.1/korgoo ICAP/1.0\r\nHost: 127.0.0.1\r\n"
            b"X-Client-IP: 127.0.0.1\r\n" + extra +
            b"Encapsulated: req-hdr=0, req-body=%d\r\n\r\n" % len(http) + http + body_part)


def response(f):
    head = read_head(f)
    status = int(head[0].split()[1])
    fields = {l.split(":", 1)[0].lower(): l.split(":", 1)[1].strip() for l in head[1:] if ":" in l}
    body = b""
    enc = fields.get("encapsulated", "")
    if "res-body=" in enc:
        heads_len = int(enc.split("res-body=")[1].split(",")[0])
        body = f.read(heads_len) + read_chunked(f)
    return status, fields, body


def main():
    addr, port, pii_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    pii = open(pii_file, "rb").read()
    failures = 0

    def check(cond, what):
        nonlocal failures
        print(("ok: " if cond else "FAIL: ") + what)
        failures += 0 if cond else 1

    s = socket.create_connection((addr, port), timeout=10)
    f = s.makefile("rb")
    s.sendall(b"OPTIONS icap://127.0.0.1/korgoo ICAP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
    status, fields, _ = response(f)
    check(status == 200 and "REQMOD" in fields.get("methods", "") and "istag" in fields
          and fields.get("allow") == "204" and "preview" in fields, "OPTIONS announces the service")

    s.sendall(reqmod(DEST.encode(), chunk(b"1,order,widget\n", b"0; ieof"), b"Preview: 4096\r\n"))
    status, _, _ = response(f)
    check(status == 204, "a benign preview with ieof gets 204 on the same connection")

    body = b"".join(b"%d,order,widget-%d\n" % (i, i) for i in range(200))
    s.sendall(reqmod(DEST.encode(), chunk(body[:64]), b"Preview: 64\r\nAllow: 204\r\n"))
    status, _, _ = response(f)
    check(status == 100, "a preview without ieof gets 100 Continue")
    s.sendall(chunk(body[64:]))
    status, _, _ = response(f)
    check(status == 204, "the rest of a benign body then gets 204")

    # Larger than the app layer's probe window: still decoded as HTTP (EVE has its record,
    # checked by squid_test.sh) and still blocked.
    big = b"".join(b"%d,order,widget-%d\n" % (i, i) for i in range(6000)) + pii
    s.sendall(reqmod(DEST.encode(), chunk(big), b"Allow: 204\r\n", b"/big-upload"))
    status, _, page = response(f)
    check(status == 200 and b"Upload blocked" in page, "a 100 KB upload ending in personal data is blocked")

    s.sendall(reqmod(DEST.encode(), chunk(pii), b"Allow: 204\r\n"))
    status, _, page = response(f)
    check(status == 200 and b" 403 " in page.split(b"\r\n", 1)[0] and b"Upload blocked" in page,
          "personal data to a non-adequate host gets the block page (keep-alive, 5th request)")
    s.close()

    for name, data in [
        ("not ICAP", b"GARBAGE\r\n\r\n"),
        ("unknown method", b"BREW icap://127.0.0.1/korgoo ICAP/1.0\r\nHost: x\r\n\r\n"),
        ("wrong version", b"OPTIONS icap://127.0.0.1/korgoo ICAP/2.0\r\nHost: x\r\n\r\n"),
        ("bad Encapsulated", b"REQMOD icap://127.0.0.1/korgoo ICAP/1.0\r\nHost: x\r\n"
                             b"Encapsulated: req-hdr=zz\r\n\r\n"),
        ("bad chunk size", reqmod(DEST.encode(), b"zz\r\nabc\r\n0\r\n\r\n")),
        ("unknown service", b"OPTIONS icap://127.0.0.1/other ICAP/1.0\r\nHost: x\r\n\r\n"),
    ]:
        s = socket.create_connection((addr, port), timeout=10)
        f = s.makefile("rb")
        s.sendall(data)
        try:
            status, _, _ = response(f)
            closed = f.read(1) == b""
        except (ConnectionError, ValueError, IndexError, socket.timeout):
            status, closed = 0, False
        check(400 <= status < 600 and closed, f"{name}: error status {status} and the connection closed")
        s.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

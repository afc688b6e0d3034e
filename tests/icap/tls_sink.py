#!/usr/bin/env python3
"""TLS upload sink for the ICAP test: the inline test's upload server behind TLS.

Usage: tls_sink.py OUTDIR PORT CERT KEY ADDR...  Each connection's bytes go to
OUTDIR/<addr>-tls-<n>.bin (empty when the handshake fails, e.g. a readiness probe).
"""
import os
import socket
import ssl
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "inline"))
from upload_server import handle  # noqa: E402


def tls_handle(ctx, conn, path):
    try:
        conn.settimeout(8)
        tls = ctx.wrap_socket(conn, server_side=True)
    except (ssl.SSLError, OSError):
        conn.close()
        return
    handle(tls, path)


def serve(ctx, addr, port, outdir):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(16)
    n = 0
    while True:
        conn, _ = s.accept()
        n += 1
        path = os.path.join(outdir, f"{addr}-tls-{n}.bin")
        threading.Thread(target=tls_handle, args=(ctx, conn, path), daemon=True).start()


def main():
    outdir, port, cert, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    for addr in sys.argv[5:]:
        threading.Thread(target=serve, args=(ctx, addr, port, outdir), daemon=True).start()
    threading.Event().wait()


if __name__ == "__main__":
    main()

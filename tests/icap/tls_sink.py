#!/usr/bin/env python3
"""TLS upload sink for the ICAP test: the inline test's upload server behind TLS.

Usage: tls_sink.py OUTDIR PORT CERT KEY ADDR...  Each connection's bytes go to
OUTDIR/<addr>-tls-<n>.bin (empty when the handshake fails, e.g. a readiness probe).
"""
import functools
import os
import ssl
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "inline"))
from upload_server import handle, serve  # noqa: E402


def tls_handle(ctx, conn, path):
    try:
        conn.settimeout(8)
        tls = ctx.wrap_socket(conn, server_side=True)
    except (ssl.SSLError, OSError):
        conn.close()
        return
    handle(tls, path)


def main():
    outdir, port, cert, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    for addr in sys.argv[5:]:
        handler = functools.partial(tls_handle, ctx)
        threading.Thread(target=serve, args=(addr, port, outdir, handler, "tls-"),
                         daemon=True).start()
    threading.Event().wait()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Test peer for the inline test: accepts HTTP uploads and keeps every byte it received.

Listens on the addresses given; for each connection writes what arrived to
OUTDIR/<addr>-<n>.bin and answers 200 once a whole request (per Content-Length) is in.
"""
import os
import socket
import sys
import threading


def handle(conn, path):
    conn.settimeout(8)
    data = b""
    answered = False
    try:
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep and not answered:
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if len(body) >= length:
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    answered = True
                    break
    except (socket.timeout, ConnectionError):
        pass
    finally:
        with open(path, "wb") as f:
            f.write(data)
        conn.close()


def serve(addr, port, outdir, handler=handle, tag=""):
    """Accepts on addr:port; each connection goes to `handler` in a thread of its own."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(16)
    n = 0
    while True:
        conn, _ = s.accept()
        n += 1
        path = os.path.join(outdir, f"{addr}-{tag}{n}.bin")
        threading.Thread(target=handler, args=(conn, path), daemon=True).start()


def main():
    outdir, port = sys.argv[1], int(sys.argv[2])
    for addr in sys.argv[3:]:
        threading.Thread(target=serve, args=(addr, port, outdir), daemon=True).start()
    threading.Event().wait()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Test client for the inline test: POSTs a body in small, separately sent pieces.

Usage: upload_client.py ADDR PORT BODYFILE. Prints "complete" when the server answered 200,
"cut" when the connection stalled or was reset (what an inline drop looks like to a client).
Never prints the body.
"""
import socket
import sys
import time


def main():
    addr, port, body_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    body = open(body_file, "rb").read()
    s = socket.create_connection((addr, port), timeout=4)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    head = (f"POST /upload HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/csv\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    try:
        s.sendall(head)
        # One line per segment, with a pause, so each line travels in its own packet.
        for line in body.splitlines(keepends=True):
            s.sendall(line)
            time.sleep(0.05)
        reply = s.recv(4096)
        print("complete" if reply.startswith(b"HTTP/1.1 200") else "cut")
    except (socket.timeout, ConnectionError):
        print("cut")


if __name__ == "__main__":
    main()

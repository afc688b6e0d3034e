#!/usr/bin/env python3
"""No personal value korgoo saw is written in clear, anywhere it writes.

Builds a capture (with pcaps/generate.py's deterministic packet builders) that plants synthetic
identifiers in the places metadata comes from: URLs and query strings (plain, percent-encoded,
grouped), form fields, multipart file names, SMTP envelopes and headers (with display names),
attachment names and DNS labels (an identifier split over labels). It replays the capture on the
built-in defaults and runs `korgoo scan` on a file whose name holds an identifier, then looks for
every planted value in every file korgoo wrote and in what it printed: as planted, grouped,
percent-encoded, and inside each JSON string once separators and percent-encoding are taken out
(dot-split DNS names). Failures name the value's type and a masked form, never the value.

    planted_identifiers_test.py KORGOO SOURCE_DIR
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path


def load_generator(source_dir: Path):
    sys.path.insert(0, str(source_dir / "pcaps"))
    import generate  # noqa: E402  (the capture builders)
    return generate


def masked(value: str) -> str:
    return value[:2] + "*" * max(0, len(value) - 4) + value[-2:]


def build_capture(g, path: Path) -> list[tuple[str, str]]:
    """Writes the capture; returns the planted (type, value) pairs."""
    people = g.synthetic_people()
    a, b, c = people[0], people[1], people[2]
    passport = "AN1234567"
    cap = g.Capture("planted-metadata", g.EthernetLink())
    client = "192.168.7.10"
    planted = [("kg_pin", a.pin), ("kg_pin", b.pin), ("kg_pin", c.pin), ("email", a.email),
               ("email", b.email), ("email", c.email), ("payment_card", a.card),
               ("payment_card", b.card), ("phone", a.phone), ("kg_passport", passport)]

    def http_session(port: int, request: bytes) -> None:
        s = g.TcpSession(client, port, g.SERVER_US, 80)
        cap.add(s.handshake() + s.send(g.CLIENT, request)
                + s.send(g.SERVER, g.http_response(b"{}")) + s.close(g.CLIENT))
        cap.pause()

    quote = urllib.parse.quote
    # 1. Query string: plain values and percent-encoded ones.
    http_session(52001, g.http_request(
        "GET", f"/lookup?pin={a.pin}&email={quote(a.email, safe='')}&card={a.card}"
               f"&phone={quote(a.phone, safe='')}", "api.example.com"))
    # 2. Identifiers in the path, a grouped card in the query, all percent-encoded.
    http_session(52002, g.http_request(
        "GET", f"/passport/{passport}/person/{quote(b.email)}?card={quote(g.grouped(b.card))}"
               f"&id=%3{b.pin[0]}{b.pin[1:]}", "api.example.com"))
    # 3. A form upload: a field value, and file names holding a PIN and an address.
    boundary = "korgoo-planted-boundary"
    form = g.multipart_form(boundary, [
        ("pin", None, "text/plain", b.pin.encode()),
        ("scan", f"{b.pin}_passport.pdf", "application/pdf", b"%PDF-1.4 synthetic\n"),
        ("cv", f"cv-{c.email}.txt", "text/plain", b"synthetic\n"),
    ])
    http_session(52003, g.http_request(
        "POST", f"/upload?owner={c.pin}", "upload.example.com",
        headers=[("Content-Type", f"multipart/form-data; boundary={boundary}"),
                 ("Referer", f"http://upload.example.com/form?email={quote(c.email, safe='')}")],
        body=form))
    # 4. Mail: envelope, headers with display names, an identifier in the subject and in an
    # attachment's name.
    message = "\r\n".join([
        f'From: "{a.name}" <{a.email}>',
        f"To: {b.name} <{b.email}>, {c.email}",
        f"Subject: PIN {c.pin}",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b1"',
        "",
        "--b1",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "See attached.",
        "--b1",
        f'Content-Type: text/csv; name="{a.pin}.csv"',
        "Content-Transfer-Encoding: base64",
        f'Content-Disposition: attachment; filename="{a.pin}.csv"',
        "",
    ]).encode() + b"\r\n" + g.mime_base64(b"n;v\r\n1;2\r\n") + b"--b1--\r\n"
    smtp = g.TcpSession(client, 52004, g.SERVER_GB, 25)
    cap.add(smtp.handshake() + smtp.converse([
        (g.SERVER, b"220 mx ESMTP\r\n"), (g.CLIENT, b"EHLO ws.example.com\r\n"),
        (g.SERVER, b"250 mx\r\n"), (g.CLIENT, f"MAIL FROM:<{a.email}>\r\n".encode()),
        (g.SERVER, b"250 OK\r\n"), (g.CLIENT, f"RCPT TO:<{b.email}>\r\n".encode()),
        (g.SERVER, b"250 OK\r\n"), (g.CLIENT, f"RCPT TO:<{c.email}>\r\n".encode()),
        (g.SERVER, b"250 OK\r\n"), (g.CLIENT, b"DATA\r\n"), (g.SERVER, b"354 go\r\n"),
        (g.CLIENT, g.smtp_dot_stuff(message)), (g.SERVER, b"250 queued\r\n"),
        (g.CLIENT, b"QUIT\r\n"), (g.SERVER, b"221 bye\r\n")]) + smtp.close(g.SERVER))
    cap.pause()
    # 5. DNS: a PIN split over labels, a phone in one label.
    dns = g.UdpFlow(client, 52005, g.DNS_US, 53)
    name = f"{a.pin[:5]}.{a.pin[5:10]}.{a.pin[10:]}.t.exfil.example.net"
    phone_name = f"{a.phone.lstrip('+')}.p.exfil.example.net"
    cap.add([dns.send(g.CLIENT, g.dns_query(0x5101, name, 16)),
             dns.send(g.SERVER, g.dns_response(0x5101, name, 16, rcode=3)),
             dns.send(g.CLIENT, g.dns_query(0x5102, phone_name, 16)),
             dns.send(g.SERVER, g.dns_response(0x5102, phone_name, 16, rcode=3))])
    cap.save(path)
    return planted


def forms_of(kind: str, value: str) -> set[str]:
    """The ways the value could appear in clear in text."""
    out = {value, urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value)}
    if kind == "payment_card":
        out |= {" ".join(value[i:i + 4] for i in range(0, len(value), 4)),
                "-".join(value[i:i + 4] for i in range(0, len(value), 4))}
    if kind == "phone":
        out.add(value.lstrip("+"))
    if kind == "email":
        local = value.split("@")[0]
        out |= {local, urllib.parse.quote(local)}
    return out


SEPARATORS = re.compile(r"[.\-\s_/]")


def strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from strings_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings_in(v)


def leaks_in(text: str, planted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found = []
    for kind, value in planted:
        if any(form in text for form in forms_of(kind, value)):
            found.append((kind, value))
    # Inside JSON strings: percent-decoded, with separators taken out (dot-split labels).
    digits_only = {(k, v) for k, v in planted if re.fullmatch(r"\+?\d+", v)}
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        for s in strings_in(record):
            flat = SEPARATORS.sub("", urllib.parse.unquote_plus(s))
            for kind, value in digits_only:
                if value.lstrip("+") in flat and (kind, value) not in found:
                    found.append((kind, value))
    return found


def main() -> int:
    korgoo, source_dir = sys.argv[1], Path(sys.argv[2])
    g = load_generator(source_dir)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        planted = build_capture(g, tmp / "planted.pcap")
        out = tmp / "out"
        run = subprocess.run([korgoo, "-r", str(tmp / "planted.pcap"), "-l", str(out)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"FAIL: korgoo exited {run.returncode}")
            return 1
        eve = (out / "eve.json").read_text()
        # The capture must have been understood, or finding nothing would prove nothing.
        types = [json.loads(l)["event_type"] for l in eve.splitlines()]
        for needed in ("http", "smtp", "dns", "fileinfo", "alert"):
            if needed not in types:
                print(f"FAIL: no {needed} record: the planted metadata was not decoded")
                failures += 1
        a = g.synthetic_people()[0]
        scan_file = tmp / f"export-{a.pin}.csv"
        scan_file.write_text(f"pin;email\n{a.pin};{a.email}\n")
        scan = subprocess.run([korgoo, "scan", str(scan_file)], capture_output=True, text=True)
        if a.pin[:2] + "*" not in scan.stdout:
            print("FAIL: korgoo scan did not report the masked file")
            failures += 1
        outputs = {p.name: p.read_text(errors="replace") for p in out.iterdir() if p.is_file()}
        outputs["stdout"] = run.stdout + run.stderr
        outputs["scan stdout"] = scan.stdout + scan.stderr
        for name, text in sorted(outputs.items()):
            for kind, value in leaks_in(text, planted):
                print(f"FAIL: {name}: {kind} {masked(value)} in clear")
                failures += 1
        # Display names are dropped: a person's name is personal data too.
        for person in g.synthetic_people()[:3]:
            if person.name in eve:
                print(f"FAIL: eve.json: display name {masked(person.name)} kept")
                failures += 1
    print(f"{len(planted)} planted values, {len(outputs)} outputs checked, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

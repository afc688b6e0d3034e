#!/usr/bin/env python3
"""Deterministic dense HTTP-upload capture for the throughput bench (issue 15, item 7).

    python3 bench/make_upload_capture.py OUT.pcap                # ~500 MB, ~20,000 uploads
    python3 bench/make_upload_capture.py --fraction 8 OUT.pcap   # the same shape, 1/8 the size
    python3 bench/make_upload_capture.py --mb 20 OUT.pcap        # a quick one for trying things

Many internal hosts (10.x.x.x) POST JSON, CSV, HTML and form-encoded bodies (a few KB to a few
hundred KB) to many external servers, each upload a whole TCP session (handshake, MSS-1460 data
segments with delayed ACKs, a 200 response, FIN teardown), several sessions open at once and
their packets interleaved. Bodies carry synthetic identifiers with valid check digits (Kyrgyz
PINs, Kazakh IINs, Luhn-valid cards, passport numbers, +996 phones, e-mails) and decoys (wrong
check digits, organisation INNs, Kazakh BINs, order numbers, timestamps).

Every byte is fixed by the seed: each session's content comes from its own SplitMix64 seeded by
its number, and the interleaving from another, so a smaller capture (--fraction, --mb) is the
same stream as the big one up to the point where it stops opening sessions, then drains the
open ones. No wall clock is read; the file is written as it is generated (memory holds only the
open sessions). Identifier values are never printed, only counts.

The packet, checksum and identifier helpers are pcaps/generate.py's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterator, Sequence
from urllib.parse import quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "pcaps"))
import generate as gen  # noqa: E402  (pcaps/generate.py: packets, pcap writer, identifiers)

MB = 1_000_000                 # --mb counts decimal megabytes, as the bench's MB/s does
SESSIONS_PER_MB = 40           # 500 MB -> ~20,000 uploads (the body size mix below averages ~22 KB)
CLIENT_HOSTS = 4096            # distinct 10.x.x.x clients, so flows spread across workers
SERVERS_PER_BLOCK = 80         # external servers per address block below
CONCURRENT = 48                # sessions open at once
POOL = 4096                    # identifiers of each kind drawn from
SEED = 0x6B67_7570_6C64        # "kgupld"

# Address blocks of the countries pcaps/README.md lists (US, DE, RU, GB, KG); servers vary the
# last octet inside the /24 so they keep the country the bundled captures' servers have.
SERVER_BLOCKS = [("93.184.216", "example.com"), ("193.99.144", "example.de"),
                 ("77.88.55", "example.ru"), ("81.2.69", "example.co.uk"),
                 ("212.42.101", "example.kg")]
FIRST_NAMES = ("asel bakyt nurlan aigul temir cholpon erlan gulnara azamat meerim dana "
               "arman aruzhan yerlan saule timur").split()
LAST_NAMES = ("toktogulova usenov sadyrov mamatova abdyraev isakova jumabaev osmonova kasymov "
              "bekova nurpeisova seitkali akhmetov omarova").split()
CARD_PREFIXES = ("4", "51", "52", "53", "54", "55", "2200", "2202")
PASSPORT_SERIES = ("AN", "ID", "AC")
PHONE_PREFIXES = ("70", "77", "55", "22")


class Pools:
    """Valid identifiers and decoys, built once; sessions pick from them by index."""

    def __init__(self, rng: gen.SplitMix64) -> None:
        self.pin, self.iin, self.card, self.passport, self.phone = [], [], [], [], []
        self.bad_pin, self.org_inn, self.bin, self.bad_card = [], [], [], []
        for index in range(POOL):
            day, month, year = 1 + rng.below(28), 1 + rng.below(12), 1950 + rng.below(56)
            pin = gen.kg_pin(1 + rng.below(2), day, month, year, rng.below(10000))
            self.pin.append(pin)
            self.bad_pin.append(pin[:-1] + str((int(pin[-1]) + 1) % 10))
            self.org_inn.append(gen.kg_pin(0, day, month, 1995 + rng.below(30), rng.below(10000)))
            self.iin.append(gen.kz_iin(year, month, day, rng.below(10000)))
            self.bin.append(gen.kz_bin(2000 + rng.below(25), month, 4 + rng.below(3), rng.below(100000)))
            card = gen.card_number(rng.choice(CARD_PREFIXES), rng.below(10**9) * 1000 + index)
            self.card.append(card)
            self.bad_card.append(card[:-1] + str((int(card[-1]) + 1) % 10))
            self.passport.append(rng.choice(PASSPORT_SERIES) + f"{1 + rng.below(9_999_998):07d}")
            self.phone.append("+996" + rng.choice(PHONE_PREFIXES) + f"{rng.below(10**7):07d}")


class Tally:
    """How many values of each kind were planted (printed; the values themselves never are)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, kind: str) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1


def body_size(rng: gen.SplitMix64) -> int:
    """Mostly a few KB to tens of KB, one in twelve a few hundred KB (log-uniform in each)."""
    low, high = (48_000, 256_000) if rng.below(12) == 0 else (2_000, 40_000)
    ratio = high / low
    return int(low * ratio ** (rng.below(1 << 20) / (1 << 20)))


def record_fields(rng: gen.SplitMix64, pools: Pools, filler: bytes, tally: Tally,
                  number: int) -> list[tuple[str, str]]:
    """One customer-like record: some identifiers, some decoys, a free-text note."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    fields = [("id", str(number)), ("name", f"{first.title()} {last.title()}")]

    def pick(kind: str, pool: list[str], chance: int, label: str) -> None:
        if rng.below(100) < chance:
            fields.append((label, pool[rng.below(POOL)]))
            tally.add(kind)

    pick("kg_pin", pools.pin, 45, "pin")
    pick("kz_iin", pools.iin, 25, "iin")
    pick("phone", pools.phone, 50, "phone")
    if rng.below(100) < 45:
        fields.append(("email", f"{first}.{last}{rng.below(1000)}@example.com"))
        tally.add("email")
    if rng.below(100) < 30:
        card = pools.card[rng.below(POOL)]
        fields.append(("card", gen.grouped(card) if rng.below(2) else card))
        tally.add("payment_card")
    pick("kg_passport", pools.passport, 20, "passport")
    pick("decoy_bad_pin", pools.bad_pin, 15, "ref")
    pick("decoy_org_inn", pools.org_inn, 20, "inn")
    pick("decoy_kz_bin", pools.bin, 10, "bin")
    pick("decoy_bad_card", pools.bad_card, 10, "account")
    if rng.below(100) < 30:
        fields.append(("order", f"9{rng.below(10**13):013d}"))
        tally.add("decoy_order_number")
    if rng.below(100) < 30:
        fields.append(("ts", str(1_760_000_000_000 + rng.below(10**10))))
        tally.add("decoy_timestamp")
    length = 40 + rng.below(900)
    offset = rng.below(len(filler) - length)
    fields.append(("note", filler[offset:offset + length].decode()))
    return fields


def json_body(records: list[list[tuple[str, str]]]) -> bytes:
    rows = ",\n".join("  {" + ", ".join(f'"{k}": "{v}"' for k, v in r) + "}" for r in records)
    return ('{"batch": "export", "records": [\n' + rows + "\n]}\n").encode()


def csv_body(records: list[list[tuple[str, str]]]) -> bytes:
    lines = ["kind,value,note"]
    for record in records:
        note = record[-1][1]
        lines += [f"{k},{v}," for k, v in record[:-1]]
        lines.append(f'note,,"{note}"')
    return ("\r\n".join(lines) + "\r\n").encode()


def html_body(records: list[list[tuple[str, str]]]) -> bytes:
    parts = ["<!DOCTYPE html><html><head><title>report</title></head><body><table>"]
    for record in records:
        cells = "".join(f"<td class=\"{k}\">{v}</td>" for k, v in record[:-1])
        parts.append(f"<tr>{cells}</tr><tr><td colspan=\"9\"><p>{record[-1][1]}</p></td></tr>")
    parts.append("</table></body></html>\n")
    return "\n".join(parts).encode()


def form_body(records: list[list[tuple[str, str]]]) -> bytes:
    pairs = [f"rows[{i}][{k}]={quote_plus(v)}" for i, record in enumerate(records) for k, v in record]
    return "&".join(pairs).encode()


BODY_KINDS = [("application/json", json_body), ("text/csv", csv_body),
              ("text/html; charset=utf-8", html_body),
              ("application/x-www-form-urlencoded", form_body)]


def upload_body(rng: gen.SplitMix64, pools: Pools, filler: bytes, tally: Tally) -> tuple[str, bytes]:
    """A body of about body_size() bytes in one of the four formats."""
    content_type, render = BODY_KINDS[rng.below(len(BODY_KINDS))]
    target = body_size(rng)
    records: list[list[tuple[str, str]]] = []
    estimate = 0
    while estimate < target:
        records.append(record_fields(rng, pools, filler, tally, len(records)))
        estimate += sum(len(k) + len(v) + 8 for k, v in records[-1])
    return content_type, render(records)


def client_of(host: int) -> str:
    """Host number -> 10.x.y.z, spread over the second and third octets."""
    spread = (host * 2654435761) & 0xFFFFFF
    return f"10.{spread >> 16 & 0xFF}.{spread >> 8 & 0xFF}.{1 + (spread & 0xFF) % 254}"


def session_packets(number: int, pools: Pools, filler: bytes, tally: Tally) -> Iterator[bytes]:
    """Upload `number`: handshake, POST, delayed ACKs, 200 response, FIN teardown."""
    rng = gen.SplitMix64(SEED ^ (number * 0x9E3779B97F4A7C15))
    block, domain = SERVER_BLOCKS[rng.below(len(SERVER_BLOCKS))]
    server_index = rng.below(SERVERS_PER_BLOCK)
    server = f"{block}.{10 + server_index}"
    host = f"up{server_index}.{domain}"
    session = gen.TcpSession(client_of(rng.below(CLIENT_HOSTS)), 10000 + number % 50000, server, 80,
                             mss=1460)
    content_type, body = upload_body(rng, pools, filler, tally)
    request = gen.http_request("POST", f"/api/v1/upload/{number}", host, body=body,
                               headers=[("Content-Type", content_type)])
    yield from session.handshake()
    pieces = gen.split_payload(request, session.mss)
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        yield session.segment(gen.CLIENT, piece, gen.TCP_ACK | (gen.TCP_PSH if last else 0))
        if index % 2 == 1 or last:
            yield session.ack(gen.SERVER)  # delayed ACK: every second segment and the last
    response = gen.http_response(b'{"status":"stored","id":%d}' % number)
    yield from session.data_segments(gen.SERVER, response)
    yield from session.close(gen.CLIENT)


def write_capture(path: Path, target_bytes: int) -> dict:
    """Stream interleaved upload sessions to `path` until about `target_bytes` are written."""
    pools = Pools(gen.SplitMix64(SEED + 1))
    filler = gen.big_filler(gen.SplitMix64(SEED + 2), 1 << 18)
    tally = Tally()
    written, packets, started = gen.write_interleaved(
        path, target_bytes, lambda number: session_packets(number, pools, filler, tally),
        gen.SplitMix64(SEED + 3), concurrent=CONCURRENT, gap_us=(4, 24))
    return {"bytes": written, "packets": packets, "sessions": started, "planted": tally.counts}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="pcap file to write")
    parser.add_argument("--mb", type=float, default=500, help="size of the full capture, MB (default 500)")
    parser.add_argument("--fraction", type=int, default=1,
                        help="write 1/N of --mb instead (same seed and shape; default 1)")
    args = parser.parse_args(argv)
    if args.mb <= 0 or args.fraction < 1:
        parser.error("--mb must be > 0 and --fraction >= 1")
    result = write_capture(args.out, int(args.mb * MB / args.fraction))
    planted = ", ".join(f"{k} {v}" for k, v in sorted(result["planted"].items()))
    print(f"wrote {args.out}: {result['bytes']} bytes, {result['packets']} packets, "
          f"{result['sessions']} upload sessions; planted (counts only): {planted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Deterministic generator of korgoo's test captures.

    python3 pcaps/generate.py                     # (re)write every pcaps/NAME.pcap + manifest.json
    python3 pcaps/generate.py --out-dir DIR       # write them elsewhere
    python3 pcaps/generate.py --only basic-http   # one capture
    python3 pcaps/generate.py --big 1024 OUT.pcap # ~1 GiB synthetic capture for performance tests

Only the Python standard library is used. Every byte is fixed by this script: timestamps start at
2026-01-15T10:00:00Z, MAC and IP addresses, ports, ISNs and IP IDs are constants or derived from
them by CRC-32, and "random" bytes come from SHA-256 or SplitMix64 with fixed seeds, so running it
twice gives byte-identical files. All personal data in the captures is synthetic (generated here
with valid check digits); see pcaps/README.md.
"""

from __future__ import annotations

import argparse
import array
import base64
import binascii
import calendar
import hashlib
import io
import ipaddress
import json
import re
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

# --------------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------------

PCAP_DIR = Path(__file__).resolve().parent
START_TIME_US = calendar.timegm((2026, 1, 15, 10, 0, 0)) * 1_000_000
HTTP_DATE = "Thu, 15 Jan 2026 10:00:00 GMT"
DEFAULT_GAP_US = 400          # time between two packets of a capture
SESSION_PAUSE_US = 50_000     # time between two sessions of a capture

LINKTYPE_NULL = 0
LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
LINKTYPE_LINUX_SLL = 113
LINKTYPE_LINUX_SLL2 = 276

ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_IPV6 = 0x86DD
ETHERTYPE_VLAN = 0x8100       # 802.1Q customer tag
ETHERTYPE_QINQ = 0x88A8       # 802.1ad service tag
ETHERNET_MIN_FRAME = 60       # without FCS; shorter received frames are padded on the wire

ARPHRD_ETHER = 1
SLL_PACKET_HOST = 0           # addressed to this host
SLL_PACKET_OUTGOING = 4       # sent by this host
AF_INET_BSD = 2

GATEWAY_MAC = bytes.fromhex("020000000001")  # every off-link address is reached via this router

IPPROTO_HOPOPTS = 0
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_ROUTING = 43
IPPROTO_FRAGMENT = 44
IPPROTO_DSTOPTS = 60

IPV4_OPT_END = 0x00
IPV4_OPT_NOP = 0x01
IPV4_OPT_RECORD_ROUTE = 0x07  # not copied into fragments
IPV4_OPT_ROUTER_ALERT = 0x94  # copied into every fragment

IPV6_OPT_PAD1 = 0x00
IPV6_OPT_PADN = 0x01
IPV6_OPT_ROUTER_ALERT = 0x05
IPV6_OPT_EXPERIMENT = 0x1E    # RFC 4727 experimental, "skip if unknown"

TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK, TCP_URG = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20
TCP_OPT_EOL, TCP_OPT_NOP, TCP_OPT_MSS, TCP_OPT_WSCALE = 0, 1, 2, 3
TCP_OPT_SACK_PERMITTED, TCP_OPT_SACK = 4, 5
TCP_OPT_MD5 = 19              # RFC 2385 signature (kind, length 18, 16-byte digest)
SEQ_MASK = 0xFFFFFFFF
SYN_WINDOW = 64240

CLIENT, SERVER = 0, 1         # sender index in TcpSession / UdpFlow

# Server addresses and the country each one is meant to be in (README.md has the same table;
# tests override a differing geo database with geo_overrides).
SERVER_US = "93.184.216.34"          # example.com, Edgecast/Verizon, US
SERVER_US_PARTNER = "93.184.215.14"  # example.org, same US allocation
SERVER_GB = "81.2.69.142"            # GB (also GB in MaxMind's GeoIP2 test database)
SERVER_DE = "193.99.144.80"          # heise.de, Heise Medien, DE
SERVER_RU = "77.88.55.80"            # Yandex, RU
SERVER_KG = "212.42.101.4"           # ElCat 212.42.96.0/19, KG
DNS_US = "8.8.8.8"                   # Google Public DNS, US
DNS_US_V6 = "2001:4860:4860::8888"   # Google Public DNS, US
SERVER_US_V6 = "2001:4860:4860::8844"

# --------------------------------------------------------------------------------------------
# Deterministic pseudo-random data
# --------------------------------------------------------------------------------------------


def deterministic_bytes(label: str, length: int) -> bytes:
    """Return `length` bytes derived from `label` by SHA-256 in counter mode."""
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(f"{label}/{counter}".encode()).digest()
        counter += 1
    return bytes(out[:length])


def derived_u32(label: str) -> int:
    """Return a 32-bit number derived from `label` (used for ISNs and IP IDs)."""
    return zlib.crc32(label.encode())


class SplitMix64:
    """A tiny PRNG whose output does not depend on the Python version."""

    MASK = (1 << 64) - 1

    def __init__(self, seed: int) -> None:
        self.state = seed & self.MASK

    def next_u64(self) -> int:
        """Return the next 64-bit output."""
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, bound: int) -> int:
        """Return an integer in [0, bound)."""
        return self.next_u64() % bound

    def choice(self, items: Sequence):
        """Return one element of `items`."""
        return items[self.below(len(items))]


# --------------------------------------------------------------------------------------------
# Checksums
# --------------------------------------------------------------------------------------------


def internet_checksum(data: bytes) -> int:
    """RFC 1071 checksum. Sums native-order 16-bit words (fast) and swaps at the end."""
    if len(data) % 2:
        data += b"\x00"
    total = sum(array.array("H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    if sys.byteorder == "little":
        total = ((total & 0xFF) << 8) | (total >> 8)
    return ~total & 0xFFFF


def pseudo_header(src: ipaddress._BaseAddress, dst: ipaddress._BaseAddress,
                  proto: int, length: int) -> bytes:
    """The IPv4 or IPv6 pseudo-header that TCP and UDP checksums cover."""
    if src.version == 4:
        return src.packed + dst.packed + struct.pack("!BBH", 0, proto, length)
    return src.packed + dst.packed + struct.pack("!I3xB", length, proto)


# --------------------------------------------------------------------------------------------
# Layer 4: TCP and UDP
# --------------------------------------------------------------------------------------------


def tcp_syn_options(mss: int = 1460, window_scale: int = 7) -> bytes:
    """MSS, NOP, window scale, NOP, NOP, SACK permitted: 12 bytes as many stacks send them."""
    return (struct.pack("!BBH", TCP_OPT_MSS, 4, mss)
            + bytes([TCP_OPT_NOP, TCP_OPT_WSCALE, 3, window_scale])
            + bytes([TCP_OPT_NOP, TCP_OPT_NOP, TCP_OPT_SACK_PERMITTED, 2]))


def tcp_sack_option(blocks: Sequence[tuple[int, int]]) -> bytes:
    """NOP, NOP, SACK with (left, right) edges."""
    if not blocks:
        return b""
    body = b"".join(struct.pack("!II", left & SEQ_MASK, right & SEQ_MASK) for left, right in blocks)
    return bytes([TCP_OPT_NOP, TCP_OPT_NOP, TCP_OPT_SACK, 2 + len(body)]) + body


def build_tcp_segment(src, dst, sport: int, dport: int, seq: int, ack: int, flags: int,
                      payload: bytes = b"", *, window: int = 502, options: bytes = b"",
                      urgent: int = 0) -> bytes:
    """A TCP header (with options padded to 32 bits) and payload, with a correct checksum;
    `urgent` is the urgent pointer (meaningful with TCP_URG)."""
    options += bytes((-len(options)) % 4)
    offset_words = (20 + len(options)) // 4
    header = bytearray(struct.pack("!HHIIBBHHH", sport, dport, seq & SEQ_MASK,
                                   ack & SEQ_MASK if flags & TCP_ACK else 0,
                                   offset_words << 4, flags, window, 0, urgent) + options)
    checksum = internet_checksum(pseudo_header(src, dst, IPPROTO_TCP, len(header) + len(payload))
                                 + header + payload)
    struct.pack_into("!H", header, 16, checksum)
    return bytes(header) + payload


def build_udp_datagram(src, dst, sport: int, dport: int, payload: bytes) -> bytes:
    """A UDP header and payload with a correct checksum (0 is sent as 0xFFFF)."""
    length = 8 + len(payload)
    header = bytearray(struct.pack("!HHHH", sport, dport, length, 0))
    checksum = internet_checksum(pseudo_header(src, dst, IPPROTO_UDP, length) + header + payload)
    struct.pack_into("!H", header, 6, checksum or 0xFFFF)
    return bytes(header) + payload


# --------------------------------------------------------------------------------------------
# Layer 3: IPv4 (options, fragmentation) and IPv6 (extension headers, fragment header)
# --------------------------------------------------------------------------------------------


def ipv4_option_router_alert() -> bytes:
    """RFC 2113 router alert (copied into fragments)."""
    return bytes([IPV4_OPT_ROUTER_ALERT, 4, 0, 0])


def ipv4_option_record_route(slots: int) -> bytes:
    """Record route with empty slots (not copied into fragments)."""
    return bytes([IPV4_OPT_RECORD_ROUTE, 3 + 4 * slots, 4]) + bytes(4 * slots)


def ipv4_options_copied_into_fragments(options: bytes) -> bytes:
    """The options with the 'copied' bit, which RFC 791 repeats in every non-first fragment."""
    kept = b""
    i = 0
    while i < len(options):
        kind = options[i]
        if kind == IPV4_OPT_END:
            break
        if kind == IPV4_OPT_NOP:
            i += 1
            continue
        length = options[i + 1]
        if kind & 0x80:
            kept += options[i:i + length]
        i += length
    return kept


def build_ipv4_packet(src, dst, proto: int, payload: bytes, *, ident: int, ttl: int = 64,
                      options: bytes = b"", dont_fragment: bool = False,
                      more_fragments: bool = False, fragment_offset: int = 0) -> bytes:
    """An IPv4 header (options padded with END) with a correct header checksum, plus payload."""
    options += bytes((-len(options)) % 4)
    ihl = 5 + len(options) // 4
    flags_offset = ((0x4000 if dont_fragment else 0) | (0x2000 if more_fragments else 0)
                    | (fragment_offset // 8))
    header = bytearray(struct.pack("!BBHHHBBH4s4s", (4 << 4) | ihl, 0,
                                   20 + len(options) + len(payload), ident & 0xFFFF,
                                   flags_offset, ttl, proto, 0, src.packed, dst.packed) + options)
    struct.pack_into("!H", header, 10, internet_checksum(bytes(header)))
    return bytes(header) + payload


def fragment_ipv4(src, dst, proto: int, upper: bytes, *, ident: int, fragment_size: int,
                  options: bytes = b"", ttl: int = 64) -> list[bytes]:
    """Split an upper-layer datagram into IPv4 fragments of `fragment_size` payload bytes."""
    assert fragment_size % 8 == 0
    fragments = []
    for offset in range(0, len(upper), fragment_size):
        fragments.append(build_ipv4_packet(
            src, dst, proto, upper[offset:offset + fragment_size], ident=ident, ttl=ttl,
            options=options if offset == 0 else ipv4_options_copied_into_fragments(options),
            more_fragments=offset + fragment_size < len(upper), fragment_offset=offset))
    return fragments


# An IPv6 extension header is (kind, body): body is what follows the (next header, length)
# bytes, so that 2 + len(body) is a multiple of 8. The fragment header fits the same shape: its
# "length" byte is the reserved zero byte.
Ipv6Extension = tuple[int, bytes]


def ipv6_options_extension(kind: int, options: Sequence[tuple[int, bytes]]) -> Ipv6Extension:
    """A hop-by-hop or destination options header with TLV options, padded with Pad1/PadN."""
    body = b"".join(bytes([opt_type, len(data)]) + data for opt_type, data in options)
    padding = (-(2 + len(body))) % 8
    if padding == 1:
        body += bytes([IPV6_OPT_PAD1])
    elif padding > 1:
        body += bytes([IPV6_OPT_PADN, padding - 2]) + bytes(padding - 2)
    return kind, body


def ipv6_hop_by_hop_header() -> Ipv6Extension:
    """Hop-by-hop options with a router alert (MLD value 0)."""
    return ipv6_options_extension(IPPROTO_HOPOPTS, [(IPV6_OPT_ROUTER_ALERT, b"\x00\x00")])


def ipv6_destination_options_header() -> Ipv6Extension:
    """Destination options with one experimental 'skip if unknown' option."""
    return ipv6_options_extension(IPPROTO_DSTOPTS, [(IPV6_OPT_EXPERIMENT, b"korgoo")])


def ipv6_routing_header_type0(addresses: Sequence[str], segments_left: int = 0) -> Ipv6Extension:
    """Type 0 routing header; with segments left 0 every node ignores it (RFC 5095)."""
    body = bytes([0, segments_left]) + bytes(4)
    body += b"".join(ipaddress.ip_address(a).packed for a in addresses)
    return IPPROTO_ROUTING, body


def ipv6_fragment_header(offset: int, more: bool, ident: int) -> Ipv6Extension:
    """Fragment header: byte offset (multiple of 8), M flag, 32-bit identification."""
    assert offset % 8 == 0
    return IPPROTO_FRAGMENT, struct.pack("!HI", offset | int(more), ident)


def build_ipv6_packet(src, dst, upper_proto: int, upper: bytes, *,
                      extensions: Sequence[Ipv6Extension] = (), hop_limit: int = 64,
                      flow_label: int = 0) -> bytes:
    """An IPv6 header, its chain of extension headers and the upper-layer payload."""
    kinds = [kind for kind, _ in extensions] + [upper_proto]
    chain = b""
    for index, (_, body) in enumerate(extensions):
        assert (2 + len(body)) % 8 == 0
        chain += bytes([kinds[index + 1], (2 + len(body)) // 8 - 1]) + body
    header = struct.pack("!IHBB16s16s", (6 << 28) | flow_label, len(chain) + len(upper),
                         kinds[0], hop_limit, src.packed, dst.packed)
    return header + chain + upper


def fragment_ipv6(src, dst, upper_proto: int, upper: bytes, *, ident: int, fragment_size: int,
                  unfragmentable: Sequence[Ipv6Extension] = ()) -> list[bytes]:
    """Split an upper-layer datagram into IPv6 fragments (RFC 8200 section 4.5)."""
    assert fragment_size % 8 == 0
    fragments = []
    for offset in range(0, len(upper), fragment_size):
        more = offset + fragment_size < len(upper)
        fragments.append(build_ipv6_packet(
            src, dst, upper_proto, upper[offset:offset + fragment_size],
            extensions=list(unfragmentable) + [ipv6_fragment_header(offset, more, ident)]))
    return fragments


def ip_addresses_of(packet: bytes) -> tuple:
    """Source and destination address of an IPv4 or IPv6 packet."""
    if packet[0] >> 4 == 4:
        return ipaddress.IPv4Address(packet[12:16]), ipaddress.IPv4Address(packet[16:20])
    return ipaddress.IPv6Address(packet[8:24]), ipaddress.IPv6Address(packet[24:40])


def is_home_address(address) -> bool:
    """True for the private/ULA addresses used as home networks in these captures."""
    return address.is_private and not address.is_loopback


# --------------------------------------------------------------------------------------------
# Layer 2: link types
# --------------------------------------------------------------------------------------------


def mac_for(address) -> bytes:
    """A stable locally administered MAC: per host on the home network, else the gateway's."""
    if not is_home_address(address):
        return GATEWAY_MAC
    return b"\x02\x00" + struct.pack("!I", zlib.crc32(address.packed))


def ethertype_of(packet: bytes) -> int:
    """The EtherType of an IP packet by its version nibble."""
    return ETHERTYPE_IPV4 if packet[0] >> 4 == 4 else ETHERTYPE_IPV6


class EthernetLink:
    """Ethernet II framing, optionally with 802.1Q / 802.1ad tags (outermost first).

    Frames from off-link hosts are padded to 60 bytes as they arrive on the wire, so a decoder
    must use the IP length and not the frame length.
    """

    linktype = LINKTYPE_ETHERNET

    def __init__(self, vlan_tags: Sequence[tuple[int, int]] = ()) -> None:
        self.vlan_tags = tuple(vlan_tags)

    def frame(self, packet: bytes) -> bytes:
        """Wrap an IP packet in an Ethernet frame."""
        src, dst = ip_addresses_of(packet)
        tags = b"".join(struct.pack("!HH", tpid, vid & 0x0FFF) for tpid, vid in self.vlan_tags)
        frame = mac_for(dst) + mac_for(src) + tags + struct.pack("!H", ethertype_of(packet)) + packet
        if not is_home_address(src) and len(frame) < ETHERNET_MIN_FRAME:
            frame += bytes(ETHERNET_MIN_FRAME - len(frame))
        return frame


class LinuxSllLink:
    """Linux cooked capture v1 (DLT_LINUX_SLL, 16-byte header)."""

    linktype = LINKTYPE_LINUX_SLL

    def frame(self, packet: bytes) -> bytes:
        """Prefix an IP packet with an SLL header."""
        src, _ = ip_addresses_of(packet)
        packet_type = SLL_PACKET_OUTGOING if is_home_address(src) else SLL_PACKET_HOST
        return struct.pack("!HHH8sH", packet_type, ARPHRD_ETHER, 6, mac_for(src),
                           ethertype_of(packet)) + packet


class LinuxSll2Link:
    """Linux cooked capture v2 (DLT_LINUX_SLL2, 20-byte header with interface index)."""

    linktype = LINKTYPE_LINUX_SLL2

    def __init__(self, interface_index: int = 2) -> None:
        self.interface_index = interface_index

    def frame(self, packet: bytes) -> bytes:
        """Prefix an IP packet with an SLL2 header."""
        src, _ = ip_addresses_of(packet)
        packet_type = SLL_PACKET_OUTGOING if is_home_address(src) else SLL_PACKET_HOST
        return struct.pack("!HHIHBB8s", ethertype_of(packet), 0, self.interface_index,
                           ARPHRD_ETHER, packet_type, 6, mac_for(src)) + packet


class NullLink:
    """BSD loopback (DLT_NULL): 4-byte address family in the capture's (little-endian) order."""

    linktype = LINKTYPE_NULL

    def frame(self, packet: bytes) -> bytes:
        """Prefix an IPv4 packet with AF_INET."""
        assert packet[0] >> 4 == 4
        return struct.pack("<I", AF_INET_BSD) + packet


class RawIpLink:
    """LINKTYPE_RAW: the frame is the IP packet."""

    linktype = LINKTYPE_RAW

    def frame(self, packet: bytes) -> bytes:
        """Return the packet unchanged."""
        return packet


# --------------------------------------------------------------------------------------------
# pcap files
# --------------------------------------------------------------------------------------------


class PcapWriter:
    """Streams libpcap records (little-endian, microsecond timestamps) to a binary file."""

    def __init__(self, stream, linktype: int, snaplen: int = 262144) -> None:
        self.stream = stream
        self.bytes_written = 0
        self._write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, linktype))

    def _write(self, data: bytes) -> None:
        self.stream.write(data)
        self.bytes_written += len(data)

    def write_record(self, timestamp_us: int, frame: bytes, original_length: int | None = None) -> None:
        """Write one packet; `original_length` > len(frame) marks a snaplen-truncated packet."""
        seconds, micros = divmod(timestamp_us, 1_000_000)
        self._write(struct.pack("<IIII", seconds, micros, len(frame),
                                len(frame) if original_length is None else original_length))
        self._write(frame)


@dataclass
class Record:
    """One packet of a capture held in memory."""

    timestamp_us: int
    frame: bytes
    original_length: int | None = None


@dataclass
class Capture:
    """A small capture built in memory: packets with a running clock, plus its documentation
    (what personal data was planted where, which anomalies are deliberate)."""

    name: str
    link: object
    clock_us: int = START_TIME_US
    records: list[Record] = field(default_factory=list)
    planted: list[dict] = field(default_factory=list)
    anomalies: list[str] = field(default_factory=list)

    def add(self, packets: Iterable[bytes], *, link=None, gap_us: int = DEFAULT_GAP_US) -> None:
        """Frame IP packets with this capture's link (or `link`, same link type) and append them."""
        link = link or self.link
        assert link.linktype == self.link.linktype
        for packet in packets:
            # A link may send one packet as several frames (fragments): they share its time,
            # so that the capture's clock, and its EVE timestamps, match an unfragmented one.
            frames = link.frames(packet) if hasattr(link, "frames") else [link.frame(packet)]
            for frame in frames:
                self.records.append(Record(self.clock_us, frame))
            self.clock_us += gap_us

    def add_truncated(self, packet: bytes, captured_length: int) -> None:
        """Append a packet of which only the first `captured_length` frame bytes were captured."""
        frame = self.link.frame(packet)
        assert captured_length < len(frame)
        self.records.append(Record(self.clock_us, frame[:captured_length], len(frame)))
        self.clock_us += DEFAULT_GAP_US

    def pause(self, us: int = SESSION_PAUSE_US) -> None:
        """Let time pass between sessions."""
        self.clock_us += us

    def plant(self, kind: str, value: str, where: str) -> None:
        """Document one occurrence of a synthetic identifier in the content."""
        self.planted.append({"type": kind, "value": value, "where": where})

    def anomaly(self, text: str) -> None:
        """Document a deliberate anomaly."""
        self.anomalies.append(text)

    def save(self, path: Path) -> None:
        """Write the capture as a pcap file."""
        with open(path, "wb") as out:
            writer = PcapWriter(out, self.link.linktype)
            for record in self.records:
                writer.write_record(record.timestamp_us, record.frame, record.original_length)


# --------------------------------------------------------------------------------------------
# Conversations: TCP sessions and UDP flows with per-direction state
# --------------------------------------------------------------------------------------------


def split_payload(data: bytes, mss: int, cuts: Iterable[int] = ()) -> list[bytes]:
    """Cut `data` at the given offsets and wherever a piece would exceed `mss`."""
    boundaries = sorted({0, len(data), *[c for c in cuts if 0 < c < len(data)]})
    pieces = []
    for start, end in zip(boundaries, boundaries[1:]):
        for offset in range(start, end, mss):
            pieces.append(data[offset:min(offset + mss, end)])
    return pieces


def cuts_inside(data: bytes, needles: Iterable[str | bytes]) -> list[int]:
    """Offsets that cut each needle (first occurrence) in its middle, so it straddles segments."""
    cuts = []
    for needle in needles:
        needle = needle.encode() if isinstance(needle, str) else needle
        position = data.find(needle)
        assert position >= 0, needle
        cuts.append(position + len(needle) // 2)
    return cuts


class Conversation:
    """Addresses, ports and IP identification counters of a client/server pair."""

    def __init__(self, client_ip: str, client_port: int, server_ip: str, server_port: int, *,
                 ipv4_options: bytes = b"", ipv6_extensions: Sequence[Ipv6Extension] = (),
                 ttl: tuple[int, int] = (64, 52)) -> None:
        self.ips = (ipaddress.ip_address(client_ip), ipaddress.ip_address(server_ip))
        self.ports = (client_port, server_port)
        self.ipv4_options = ipv4_options
        self.ipv6_extensions = tuple(ipv6_extensions)
        self.ttl = ttl
        key = f"{client_ip}:{client_port}-{server_ip}:{server_port}"
        self.next_ip_id = [derived_u32("ipid-c-" + key) & 0xFFFF, derived_u32("ipid-s-" + key) & 0xFFFF]

    @property
    def is_ipv6(self) -> bool:
        """True when the conversation runs over IPv6."""
        return self.ips[0].version == 6

    def take_ip_id(self, sender: int) -> int:
        """The next IPv4 identification (or IPv6 fragment identification) of `sender`."""
        ident = self.next_ip_id[sender]
        self.next_ip_id[sender] = (ident + 1) & 0xFFFF
        return ident

    def ip_packet(self, sender: int, proto: int, upper: bytes, *, dont_fragment: bool = True) -> bytes:
        """Wrap an upper-layer datagram from `sender` in an IPv4 or IPv6 packet."""
        src, dst = self.ips[sender], self.ips[1 - sender]
        if self.is_ipv6:
            return build_ipv6_packet(src, dst, proto, upper, extensions=self.ipv6_extensions,
                                     hop_limit=self.ttl[sender])
        return build_ipv4_packet(src, dst, proto, upper, ident=self.take_ip_id(sender),
                                 ttl=self.ttl[sender], options=self.ipv4_options,
                                 dont_fragment=dont_fragment)

    def fragmented(self, sender: int, proto: int, upper: bytes, fragment_size: int) -> list[bytes]:
        """Wrap an upper-layer datagram from `sender` in IP fragments (natural order)."""
        src, dst = self.ips[sender], self.ips[1 - sender]
        if self.is_ipv6:
            return fragment_ipv6(src, dst, proto, upper, fragment_size=fragment_size,
                                 ident=0x4B470000 | self.take_ip_id(sender),
                                 unfragmentable=self.ipv6_extensions)
        return fragment_ipv4(src, dst, proto, upper, ident=self.take_ip_id(sender),
                             fragment_size=fragment_size, options=self.ipv4_options,
                             ttl=self.ttl[sender])


class UdpFlow(Conversation):
    """A UDP client/server exchange."""

    def datagram(self, sender: int, payload: bytes) -> bytes:
        """The UDP datagram (header + payload) from `sender`."""
        src, dst = self.ips[sender], self.ips[1 - sender]
        return build_udp_datagram(src, dst, self.ports[sender], self.ports[1 - sender], payload)

    def send(self, sender: int, payload: bytes) -> bytes:
        """One IP packet carrying a UDP datagram from `sender`."""
        return self.ip_packet(sender, IPPROTO_UDP, self.datagram(sender, payload), dont_fragment=False)


class TcpSession(Conversation):
    """Builds the packets of one TCP connection with consistent sequence and ack numbers.

    `next_seq[side]` is the next sequence number `side` will send; an ACK from one side always
    acknowledges everything the other side sent so far unless a number is given explicitly.
    Numbers grow without bound here and are reduced modulo 2**32 when packed (sequence wrap).
    """

    def __init__(self, client_ip: str, client_port: int, server_ip: str, server_port: int, *,
                 client_isn: int | None = None, server_isn: int | None = None,
                 window: int = 502, mss: int = 1460, **kwargs) -> None:
        super().__init__(client_ip, client_port, server_ip, server_port, **kwargs)
        key = f"{client_ip}:{client_port}-{server_ip}:{server_port}"
        self.isn = [derived_u32("isn-c-" + key) if client_isn is None else client_isn,
                    derived_u32("isn-s-" + key) if server_isn is None else server_isn]
        self.next_seq = list(self.isn)
        self.window = window
        self.mss = mss

    def tcp_bytes(self, sender: int, flags: int, seq: int, ack: int, payload: bytes = b"",
                  options: bytes = b"", urgent: int = 0) -> bytes:
        """A TCP segment (header + payload) from `sender` with explicit numbers. SYNs advertise
        an unscaled window; later segments a scaled one (502 << 7 = 64256)."""
        src, dst = self.ips[sender], self.ips[1 - sender]
        window = SYN_WINDOW if flags & TCP_SYN else self.window
        return build_tcp_segment(src, dst, self.ports[sender], self.ports[1 - sender], seq, ack,
                                 flags, payload, window=window, options=options, urgent=urgent)

    def packet_at(self, sender: int, seq: int, payload: bytes = b"", *,
                  flags: int = TCP_ACK | TCP_PSH, ack: int | None = None, options: bytes = b"",
                  urgent: int = 0) -> bytes:
        """A segment at an explicit sequence number; does not advance the session state."""
        ack = self.next_seq[1 - sender] if ack is None else ack
        return self.ip_packet(sender, IPPROTO_TCP,
                              self.tcp_bytes(sender, flags, seq, ack, payload, options, urgent))

    def segment(self, sender: int, payload: bytes = b"", flags: int = TCP_ACK | TCP_PSH) -> bytes:
        """The next in-order segment from `sender`; advances its sequence number."""
        packet = self.packet_at(sender, self.next_seq[sender], payload, flags=flags)
        self.next_seq[sender] += len(payload) + (1 if flags & (TCP_SYN | TCP_FIN) else 0)
        return packet

    def handshake(self) -> list[bytes]:
        """SYN, SYN-ACK, ACK."""
        syn = self.packet_at(CLIENT, self.next_seq[CLIENT], flags=TCP_SYN, ack=0,
                             options=tcp_syn_options(self.mss))
        self.next_seq[CLIENT] += 1
        syn_ack = self.packet_at(SERVER, self.next_seq[SERVER], flags=TCP_SYN | TCP_ACK,
                                 options=tcp_syn_options(self.mss))
        self.next_seq[SERVER] += 1
        return [syn, syn_ack, self.ack(CLIENT)]

    def ack(self, sender: int, *, ack: int | None = None,
            sack: Sequence[tuple[int, int]] = ()) -> bytes:
        """A pure ACK from `sender` (cumulative by default), optionally with SACK blocks."""
        return self.packet_at(sender, self.next_seq[sender], flags=TCP_ACK, ack=ack,
                              options=tcp_sack_option(sack))

    def data_segments(self, sender: int, data: bytes, cuts: Iterable[int] = ()) -> list[bytes]:
        """`data` from `sender` as in-order segments (PSH on the last); no ACK from the peer."""
        pieces = split_payload(data, self.mss, cuts)
        return [self.segment(sender, piece, TCP_ACK | (TCP_PSH if i == len(pieces) - 1 else 0))
                for i, piece in enumerate(pieces)]

    def send(self, sender: int, data: bytes, cuts: Iterable[int] = ()) -> list[bytes]:
        """`data` from `sender` followed by the peer's ACK."""
        return self.data_segments(sender, data, cuts) + [self.ack(1 - sender)]

    def converse(self, messages: Sequence[tuple[int, bytes]]) -> list[bytes]:
        """A request/response dialogue: each reply piggybacks the ACK of the previous message;
        a pure ACK is sent only when the same side speaks twice or at the end."""
        packets = []
        for index, (sender, data) in enumerate(messages):
            packets += self.data_segments(sender, data)
            following = messages[index + 1][0] if index + 1 < len(messages) else None
            if following != 1 - sender:
                packets.append(self.ack(1 - sender))
        return packets

    def close(self, initiator: int = CLIENT) -> list[bytes]:
        """FIN-ACK from `initiator`, FIN-ACK from the peer, final ACK."""
        return [self.segment(initiator, flags=TCP_FIN | TCP_ACK),
                self.segment(1 - initiator, flags=TCP_FIN | TCP_ACK),
                self.ack(initiator)]

    def fragmented_data_segment(self, sender: int, payload: bytes, fragment_size: int) -> list[bytes]:
        """The next in-order data segment from `sender`, IP-fragmented (natural order)."""
        tcp = self.tcp_bytes(sender, TCP_ACK | TCP_PSH, self.next_seq[sender],
                             self.next_seq[1 - sender], payload)
        self.next_seq[sender] += len(payload)
        return self.fragmented(sender, IPPROTO_TCP, tcp, fragment_size)


# --------------------------------------------------------------------------------------------
# Application payloads: HTTP, DNS, TLS, SMTP, FTP, MIME
# --------------------------------------------------------------------------------------------


def http_request(method: str, path: str, host: str, *, headers: Sequence[tuple[str, str]] = (),
                 body: bytes = b"") -> bytes:
    """An HTTP/1.1 request; Content-Length is added for a body unless it is chunked."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "User-Agent: korgoo-testgen/1.0",
             "Accept: */*"]
    lines += [f"{name}: {value}" for name, value in headers]
    if body and not any(name.lower() == "transfer-encoding" for name, _ in headers):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def http_response(body: bytes = b"", *, status: str = "200 OK",
                  content_type: str = "application/json",
                  headers: Sequence[tuple[str, str]] = ()) -> bytes:
    """An HTTP/1.1 response with a fixed Date and a Content-Length."""
    lines = [f"HTTP/1.1 {status}", f"Date: {HTTP_DATE}", "Server: testsrv/1.0",
             f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def http_chunked(chunks: Sequence[bytes]) -> bytes:
    """A chunked transfer-coded body (hex sizes, one chunk extension-free each, final 0 chunk)."""
    return b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"


def gzip_compress(data: bytes) -> bytes:
    """gzip with mtime 0 and no file name, so the output is deterministic."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def multipart_form(boundary: str, parts: Sequence[tuple[str, str | None, str, bytes]]) -> bytes:
    """multipart/form-data from (field name, file name or None, content type, content)."""
    out = b""
    for name, filename, content_type, content in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += (f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode() + content + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def dns_encode_name(name: str) -> bytes:
    """A domain name as DNS labels."""
    out = b""
    for label in name.rstrip(".").split("."):
        assert 0 < len(label) < 64
        out += bytes([len(label)]) + label.encode()
    return out + b"\x00"


def dns_query(txid: int, name: str, qtype: int = 1) -> bytes:
    """A recursive DNS query for one name (qtype 1 = A, 28 = AAAA, 16 = TXT)."""
    header = struct.pack("!HHHHHH", txid, 0x0100, 1, 0, 0, 0)
    return header + dns_encode_name(name) + struct.pack("!HH", qtype, 1)


def dns_response(txid: int, name: str, qtype: int = 1, addresses: Sequence[str] = (),
                 rcode: int = 0, ttl: int = 300) -> bytes:
    """A DNS response echoing the question, with A/AAAA answers pointing at the question name."""
    header = struct.pack("!HHHHHH", txid, 0x8180 | rcode, 1, len(addresses), 0, 0)
    out = header + dns_encode_name(name) + struct.pack("!HH", qtype, 1)
    for address in addresses:
        rdata = ipaddress.ip_address(address).packed
        out += struct.pack("!HHHIH", 0xC00C, 1 if len(rdata) == 4 else 28, 1, ttl, len(rdata)) + rdata
    return out


def dns_over_tcp(message: bytes) -> bytes:
    """A DNS message with the 2-byte length prefix of DNS over TCP (RFC 1035 4.2.2)."""
    return struct.pack("!H", len(message)) + message


def tls_record(content_type: int, body: bytes, version: int = 0x0303) -> bytes:
    """One TLS record (20 = change cipher spec, 21 = alert, 22 = handshake, 23 = app data)."""
    return struct.pack("!BHH", content_type, version, len(body)) + body


def tls_handshake(msg_type: int, body: bytes) -> bytes:
    """A handshake message with its 3-byte length."""
    return struct.pack("!B", msg_type) + len(body).to_bytes(3, "big") + body


def tls_extension(ext_type: int, data: bytes) -> bytes:
    """One hello extension."""
    return struct.pack("!HH", ext_type, len(data)) + data


def tls_u16_list(data: bytes) -> bytes:
    """A vector with a 16-bit length."""
    return struct.pack("!H", len(data)) + data


def tls_client_hello(sni: str, random: bytes, session_id: bytes) -> bytes:
    """A TLS 1.2 ClientHello record with SNI, groups, point formats, signature algorithms, ALPN."""
    ciphers = [0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0x009C, 0x009D, 0x002F, 0x0035]
    name = sni.encode()
    alpn = b"".join(bytes([len(p)]) + p for p in (b"h2", b"http/1.1"))
    extensions = b"".join([
        tls_extension(0x0000, tls_u16_list(b"\x00" + tls_u16_list(name))),
        tls_extension(0x0017, b""),                                   # extended master secret
        tls_extension(0xFF01, b"\x00"),                               # renegotiation info
        tls_extension(0x000A, tls_u16_list(struct.pack("!3H", 0x001D, 0x0017, 0x0018))),
        tls_extension(0x000B, b"\x01\x00"),                           # uncompressed points
        tls_extension(0x000D, tls_u16_list(struct.pack("!6H", 0x0403, 0x0804, 0x0401,
                                                       0x0503, 0x0805, 0x0501))),
        tls_extension(0x0010, tls_u16_list(alpn)),
    ])
    body = (struct.pack("!H", 0x0303) + random + bytes([len(session_id)]) + session_id
            + tls_u16_list(struct.pack(f"!{len(ciphers)}H", *ciphers)) + b"\x01\x00"
            + tls_u16_list(extensions))
    return tls_record(22, tls_handshake(1, body), version=0x0301)


def tls_server_hello(random: bytes, session_id: bytes, cipher: int = 0xC02F) -> bytes:
    """A TLS 1.2 ServerHello record resuming `session_id`, selecting http/1.1."""
    alpn = bytes([8]) + b"http/1.1"
    extensions = (tls_extension(0xFF01, b"\x00") + tls_extension(0x0017, b"")
                  + tls_extension(0x0010, tls_u16_list(alpn)))
    body = (struct.pack("!H", 0x0303) + random + bytes([len(session_id)]) + session_id
            + struct.pack("!HB", cipher, 0) + tls_u16_list(extensions))
    return tls_record(22, tls_handshake(2, body))


def mime_base64(data: bytes) -> bytes:
    """Base64 in CRLF-terminated lines of 76 characters, as MIME writes it."""
    encoded = base64.b64encode(data)
    return b"".join(encoded[i:i + 76] + b"\r\n" for i in range(0, len(encoded), 76))


def quoted_printable_text(text: str) -> list[str]:
    """UTF-8 text in quoted-printable lines of at most 76 characters (with soft breaks)."""
    return binascii.b2a_qp(text.encode(), header=False).decode().split("\n")


def smtp_dot_stuff(message: bytes) -> bytes:
    """Double a leading dot on every line and append the end-of-data line (RFC 5321 4.5.2)."""
    lines = message.split(b"\r\n")
    stuffed = [b"." + line if line.startswith(b".") else line for line in lines]
    return b"\r\n".join(stuffed) + b".\r\n"


def smtp_mail_and_quit(sender: str, recipients: Sequence[str], message: bytes,
                       queue_id: str) -> list[tuple[int, bytes]]:
    """MAIL FROM, one RCPT TO per recipient, DATA with the dot-stuffed message, QUIT: each
    client line with the server's reply."""
    dialogue = [(CLIENT, f"MAIL FROM:<{sender}>\r\n".encode()), (SERVER, b"250 OK\r\n")]
    for recipient in recipients:
        dialogue += [(CLIENT, f"RCPT TO:<{recipient}>\r\n".encode()), (SERVER, b"250 Accepted\r\n")]
    return dialogue + [
        (CLIENT, b"DATA\r\n"),
        (SERVER, b"354 Enter message, ending with \".\" on a line by itself\r\n"),
        (CLIENT, smtp_dot_stuff(message)),
        (SERVER, f"250 OK id={queue_id}\r\n".encode()),
        (CLIENT, b"QUIT\r\n"),
        (SERVER, b"221 mail.example.co.uk closing connection\r\n"),
    ]


# --------------------------------------------------------------------------------------------
# Synthetic personal data with valid check digits
# --------------------------------------------------------------------------------------------


def kg_pin_check_digit(first13: str) -> int:
    """KG personal number check digit: weights 1..10,1,2,3 mod 11; if 10, weights 3..10,1..5;
    if 10 again, 0 (DOMAIN.md)."""
    digits = [int(c) for c in first13]
    for weights in ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3], [3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5]):
        remainder = sum(d * w for d, w in zip(digits, weights)) % 11
        if remainder != 10:
            return remainder
    return 0


def kg_pin(gender: int, day: int, month: int, year: int, serial: int) -> str:
    """A 14-digit Kyrgyz personal number: gender digit (1 female, 2 male; 0 = organisation INN),
    birth or registration date DDMMYYYY, 4 serial digits and the check digit."""
    first13 = f"{gender}{day:02d}{month:02d}{year:04d}{serial:04d}"
    return first13 + str(kg_pin_check_digit(first13))


def kz_iin(year: int, month: int, day: int, serial: int) -> str:
    """A 12-digit Kazakh IIN: YYMMDD, century/sex digit (3/4 = 1900s male/female, 5/6 = 2000s),
    4 serial digits and the mod-11 check digit; bumps the serial if no check digit exists."""
    century_sex = 3 if year < 2000 else 5
    if serial % 2:
        century_sex += 1
    while True:
        first11 = f"{year % 100:02d}{month:02d}{day:02d}{century_sex}{serial:04d}"
        check = kz_iin_check_digit(first11)
        if check is not None:
            return first11 + str(check)
        serial += 2


def kz_iin_check_digit(first11: str) -> int | None:
    """IIN/BIN check digit: weights 1..11 mod 11; if 10, weights 3..11,1,2; if 10 again, None."""
    digits = [int(c) for c in first11]
    for weights in (list(range(1, 12)), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        remainder = sum(d * w for d, w in zip(digits, weights)) % 11
        if remainder != 10:
            return remainder
    return None


def kz_bin(year: int, month: int, legal_type: int, serial: int) -> str:
    """A 12-digit Kazakh business identification number (5th digit 4..6): not personal."""
    while True:
        first11 = f"{year % 100:02d}{month:02d}{legal_type}0{serial:05d}"
        check = kz_iin_check_digit(first11)
        if check is not None:
            return first11 + str(check)
        serial += 1


def luhn_check_digit(partial: str) -> int:
    """The digit that makes `partial` + digit pass the Luhn test."""
    total = 0
    for index, char in enumerate(reversed(partial)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def luhn_valid(number: str) -> bool:
    """True if the digit string passes the Luhn test."""
    return luhn_check_digit(number[:-1]) == int(number[-1])


def card_number(prefix: str, serial: int, length: int = 16) -> str:
    """A Luhn-valid card number: prefix, zero-padded serial, check digit."""
    body = prefix + str(serial).zfill(length - 1 - len(prefix))
    return body + str(luhn_check_digit(body))


def grouped(number: str, separator: str = " ") -> str:
    """A card number in groups of four."""
    return separator.join(number[i:i + 4] for i in range(0, len(number), 4))


def iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616 check digits: 98 - (BBAN + country + "00" as digits, A = 10 .. Z = 35) mod 97."""
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


def iban(country: str, bban: str) -> str:
    """An IBAN with correct mod-97 check digits."""
    return country + iban_check_digits(country, bban) + bban


def iban_valid(value: str) -> bool:
    """True if the IBAN (no spaces) passes the mod-97 test."""
    rearranged = value[4:] + value[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def mrz_check_digit(text: str) -> int:
    """ICAO 9303 check digit: weights 7,3,1; digits, A-Z = 10..35, '<' = 0."""
    total = 0
    for index, char in enumerate(text):
        value = int(char) if char.isdigit() else (ord(char) - 55 if char.isalpha() else 0)
        total += value * (7, 3, 1)[index % 3]
    return total % 10


def td3_mrz(surname: str, given_names: str, document: str, birth: str, sex: str,
            expiry: str, personal_number: str, country: str = "KGZ") -> tuple[str, str]:
    """The two 44-character lines of a passport (TD3) MRZ with all check digits."""
    name = surname.upper().replace(" ", "<") + "<<" + given_names.upper().replace(" ", "<")
    line1 = ("P<" + country + name).ljust(44, "<")[:44]
    document = document.ljust(9, "<")
    optional = personal_number.ljust(14, "<")
    doc_part = document + str(mrz_check_digit(document))
    birth_part = birth + str(mrz_check_digit(birth))
    expiry_part = expiry + str(mrz_check_digit(expiry))
    optional_part = optional + str(mrz_check_digit(optional))
    composite = str(mrz_check_digit(doc_part + birth_part + expiry_part + optional_part))
    line2 = doc_part + country + birth_part + sex + expiry_part + optional_part + composite
    assert len(line1) == 44 and len(line2) == 44
    return line1, line2


@dataclass(frozen=True)
class Person:
    """One synthetic person."""

    name: str
    name_cyrillic: str
    pin: str
    phone: str
    email: str
    card: str


def synthetic_people() -> list[Person]:
    """Ten synthetic people with valid PINs, +996 mobile numbers and Luhn-valid cards."""
    rows = [
        ("Asel Toktogulova", "Асель Токтогулова", 1, 15, 3, 1985, "700123456", "400000"),
        ("Bakyt Usenov", "Бакыт Усенов", 2, 2, 11, 1979, "701234567", "510000"),
        ("Nurlan Sadyrov", "Нурлан Садыров", 2, 28, 2, 1992, "702345678", "220000"),
        ("Aigul Mamatova", "Айгуль Маматова", 1, 7, 7, 1988, "703456789", "400001"),
        ("Temir Abdyraev", "Темир Абдыраев", 2, 30, 9, 1965, "704567890", "520000"),
        ("Cholpon Isakova", "Чолпон Исакова", 1, 1, 1, 2001, "705678901", "220001"),
        ("Erlan Jumabaev", "Эрлан Жумабаев", 2, 19, 5, 1974, "706789012", "400002"),
        ("Gulnara Osmonova", "Гульнара Осмонова", 1, 23, 12, 1990, "707890123", "530000"),
        ("Azamat Kasymov", "Азамат Касымов", 2, 11, 6, 1983, "708901234", "220002"),
        ("Meerim Bekova", "Мээрим Бекова", 1, 4, 8, 1996, "709012345", "400003"),
    ]
    people = []
    for index, (name, cyrillic, gender, day, month, year, phone, bin_prefix) in enumerate(rows):
        first, last = name.lower().split()
        people.append(Person(name, cyrillic, kg_pin(gender, day, month, year, 1000 + 37 * index),
                             "+996" + phone, f"{first}.{last}@example.com",
                             card_number(bin_prefix, 12345670 + 1111 * index)))
    return people


# --------------------------------------------------------------------------------------------
# Self-check: find identifiers in text the way a careful detector would (boundary-delimited)
# --------------------------------------------------------------------------------------------

ROLE_MAILBOXES = {"info", "noreply", "no-reply", "support", "admin", "postmaster", "sales"}


def valid_date(day: int, month: int, year: int) -> bool:
    """True for a real calendar date not after the capture date."""
    if not (1 <= month <= 12 and 1900 <= year <= 2026):
        return False
    return 1 <= day <= calendar.monthrange(year, month)[1]


def personal_identifiers_in(text: str) -> list[tuple[str, str]]:
    """(type, value) of every boundary-delimited candidate that validates as personal data."""
    found = []
    for match in re.finditer(r"(?<![0-9])[0-9]{12,19}(?![0-9])", text):
        run = match.group()
        if len(run) == 14 and run[0] in "12" and valid_date(int(run[1:3]), int(run[3:5]), int(run[5:9])):
            found.append(("kg_pin", run))
        if (len(run) == 12 and run[6] in "123456" and 1 <= int(run[2:4]) <= 12
                and 1 <= int(run[4:6]) <= 31 and kz_iin_check_digit(run[:11]) == int(run[11])):
            found.append(("kz_iin", run))
        if 13 <= len(run) <= 19 and run[0] in "2345" and luhn_valid(run):
            found.append(("payment_card", run))
    for match in re.finditer(r"(?:\+996|(?<![0-9])0)[0-9]{9}(?![0-9])", text):
        found.append(("phone", match.group()))
    for match in re.finditer(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", text):
        if match.group().split("@")[0].lower() not in ROLE_MAILBOXES:
            found.append(("email", match.group()))
    return found


# --------------------------------------------------------------------------------------------
# Foundation captures: flows and streams
# --------------------------------------------------------------------------------------------


def simple_get(session: TcpSession, host: str, path: str = "/", body: bytes | None = None) -> list[bytes]:
    """A whole TCP session: handshake, one GET and its response, FIN both ways."""
    body = body if body is not None else b"<html><body>korgoo test page</body></html>\n"
    return (session.handshake()
            + session.send(CLIENT, http_request("GET", path, host))
            + session.send(SERVER, http_response(body, content_type="text/html"))
            + session.close(CLIENT))


def build_basic_http() -> Capture:
    """DNS lookup of example.com, then one complete HTTP/1.1 GET over Ethernet."""
    cap = Capture("basic-http", EthernetLink())
    dns = UdpFlow("192.168.1.10", 53001, DNS_US, 53)
    cap.add([dns.send(CLIENT, dns_query(0x1A2B, "example.com")),
             dns.send(SERVER, dns_response(0x1A2B, "example.com", 1, [SERVER_US]))])
    cap.pause()
    session = TcpSession("192.168.1.10", 49152, SERVER_US, 80)
    cap.add(simple_get(session, "example.com"))
    return cap


def build_vlan_qinq() -> Capture:
    """TCP sessions inside 802.1Q, 802.1ad QinQ and double 0x8100 tags."""
    cap = Capture("vlan-qinq", EthernetLink())
    cases = [
        ([(ETHERTYPE_VLAN, 100)], "192.168.100.10", SERVER_US, "802.1Q VID 100, IPv4"),
        ([(ETHERTYPE_QINQ, 200), (ETHERTYPE_VLAN, 300)], "192.168.30.10", SERVER_US,
         "QinQ 0x88a8 VID 200 + 0x8100 VID 300, IPv4"),
        ([(ETHERTYPE_VLAN, 400), (ETHERTYPE_VLAN, 401)], "192.168.40.10", SERVER_US,
         "double 0x8100 VID 400 + 401, IPv4"),
        ([(ETHERTYPE_VLAN, 100)], "fd00:100::10", SERVER_US_V6, "802.1Q VID 100, IPv6"),
    ]
    for index, (tags, client, server, _label) in enumerate(cases):
        session = TcpSession(client, 50100 + index, server, 80)
        cap.add(simple_get(session, "example.com", f"/vlan/{index}"), link=EthernetLink(tags))
        cap.pause()
    return cap


def build_ipv6_ext_headers() -> Capture:
    """TCP over IPv6 behind hop-by-hop, destination options and a type 0 routing header; UDP
    behind an atomic fragment header."""
    cap = Capture("ipv6-ext-headers", EthernetLink())
    client, server = "fd00:1::10", SERVER_US_V6
    extensions = [ipv6_hop_by_hop_header(), ipv6_destination_options_header(),
                  ipv6_routing_header_type0([server], segments_left=0)]
    session = TcpSession(client, 50200, server, 80, ipv6_extensions=extensions)
    cap.add(simple_get(session, "ipv6.example.com", "/ext-headers"))
    cap.pause()
    atomic = [ipv6_fragment_header(0, False, 0x0000BEEF)]
    dns = UdpFlow(client, 53002, DNS_US_V6, 53, ipv6_extensions=atomic)
    cap.add([dns.send(CLIENT, dns_query(0x3C4D, "ipv6.example.com", 28))])
    plain = UdpFlow(client, 53002, DNS_US_V6, 53)
    cap.add([plain.send(SERVER, dns_response(0x3C4D, "ipv6.example.com", 28, [SERVER_US_V6]))])
    return cap


def numbered_lines(prefix: str, count: int, width: int = 64) -> bytes:
    """Text whose lines carry their own number, so a misordered reassembly is visible."""
    return b"".join(f"{prefix} line {i:04d} ".ljust(width - 1, ".").encode() + b"\n" for i in range(count))


def build_fragments(name: str, client: str, server: str) -> Capture:
    """Shared body of ipv4-fragments and ipv6-fragments (see README.md)."""
    cap = Capture(name, EthernetLink())
    is_v6 = ":" in client
    version = "IPv6" if is_v6 else "IPv4"
    # 1. UDP datagram in three fragments, sent 3, 1, 2.
    udp = UdpFlow(client, 40000, server, 9999)
    datagram = udp.datagram(CLIENT, numbered_lines("udp-fragmented", 40))
    fragments = udp.fragmented(CLIENT, IPPROTO_UDP, datagram, 1008)
    assert len(fragments) == 3
    cap.add([fragments[2], fragments[0], fragments[1]])
    cap.pause()
    # 2. TCP session whose request segment is fragmented, fragments sent in reverse.
    options = b"" if is_v6 else ipv4_option_record_route(1) + ipv4_option_router_alert()
    session = TcpSession(client, 50300, server, 80, ipv4_options=options)
    cap.add(session.handshake())
    body = numbered_lines("tcp-fragmented", 30)
    request = http_request("POST", "/upload/fragmented", "frag.example.com",
                           headers=[("Content-Type", "text/plain")], body=body)
    tcp_fragments = session.fragmented_data_segment(CLIENT, request, 800)
    assert len(tcp_fragments) == 3
    cap.add(list(reversed(tcp_fragments)) + [session.ack(SERVER)])
    cap.add(session.send(SERVER, http_response(b'{"ok":true}')) + session.close(CLIENT))
    cap.pause()
    # 3. Overlapping fragments with conflicting bytes (planted).
    overlap = UdpFlow(client, 40001, server, 9999)
    payload = b"OVERLAP-TEST: original: ORIGINAL-BYTES!! end of datagram.\n"
    assert payload[24:40] == b"ORIGINAL-BYTES!!"
    datagram = overlap.datagram(CLIENT, payload)       # checksum matches the original bytes
    forged = datagram[:32] + b"FORGED!!FORGED!!" + datagram[48:]
    ident = overlap.take_ip_id(CLIENT)
    src, dst = overlap.ips
    if is_v6:
        first = build_ipv6_packet(src, dst, IPPROTO_UDP, datagram[:48],
                                  extensions=[ipv6_fragment_header(0, True, 0x4B470000 | ident)])
        second = build_ipv6_packet(src, dst, IPPROTO_UDP, forged[32:],
                                   extensions=[ipv6_fragment_header(32, False, 0x4B470000 | ident)])
    else:
        first = build_ipv4_packet(src, dst, IPPROTO_UDP, datagram[:48], ident=ident, more_fragments=True)
        second = build_ipv4_packet(src, dst, IPPROTO_UDP, forged[32:], ident=ident, fragment_offset=32)
    cap.add([first, second])
    cap.anomaly(f"{version} UDP {client}:40001 -> {server}:9999: fragments overlap at datagram "
                "bytes 32..47; the first fragment has 'ORIGINAL-BYTES!!' there, the "
                "second 'FORGED!!FORGED!!'. The UDP checksum matches the original (first-wins)."
                + (" RFC 5722 says to drop the whole datagram; either way it is counted." if is_v6 else ""))
    cap.anomaly(f"{version} UDP {client}:40000: 3 fragments sent in order 3,1,2; TCP {client}:50300 "
                "request segment in 3 fragments sent in reverse order (not errors, reassembly cases)")
    return cap


def build_ipv4_fragments() -> Capture:
    """IPv4 fragmentation: out of order, with options, overlapping."""
    return build_fragments("ipv4-fragments", "192.168.2.10", SERVER_US)


def build_ipv6_fragments() -> Capture:
    """IPv6 fragment headers: out of order, overlapping."""
    return build_fragments("ipv6-fragments", "fd00:2::10", SERVER_US_V6)


def receiver_acks(expected_start: int, arrived: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """Cumulative ACK and SACK blocks (most recent first, at most 3) of a receiver that holds
    the byte ranges `arrived` (in arrival order)."""
    ack = expected_start
    progress = True
    while progress:
        progress = False
        for left, right in arrived:
            if left <= ack < right:
                ack, progress = right, True
    merged: list[list[int]] = []          # [left, right, latest arrival index]
    for index, (left, right) in sorted(enumerate(arrived), key=lambda item: item[1]):
        if left <= ack:
            continue
        if merged and left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
            merged[-1][2] = max(merged[-1][2], index)
        else:
            merged.append([left, right, index])
    merged.sort(key=lambda block: -block[2])
    return ack, [(left, right) for left, right, _ in merged[:3]]


def build_tcp_out_of_order() -> Capture:
    """An upload whose data segments arrive reversed, then interleaved; receiver sends SACKs."""
    cap = Capture("tcp-out-of-order", EthernetLink())
    session = TcpSession("192.168.3.10", 50400, SERVER_US, 80, mss=1000)
    cap.add(session.handshake())
    body = numbered_lines("ooo-upload", 120)
    request = http_request("POST", "/upload/out-of-order", "ooo.example.com",
                           headers=[("Content-Type", "text/plain")], body=body)
    start = session.next_seq[CLIENT]
    pieces = split_payload(request, 1000)
    offsets = [sum(len(p) for p in pieces[:i]) for i in range(len(pieces))]
    order = [0, 3, 2, 1, 5, 4, 7, 6] + list(range(8, len(pieces)))
    assert sorted(order) == list(range(len(pieces)))
    arrived = []
    for index in order:
        seq = start + offsets[index]
        flags = TCP_ACK | (TCP_PSH if index == len(pieces) - 1 else 0)
        cap.add([session.packet_at(CLIENT, seq, pieces[index], flags=flags)])
        arrived.append((seq, seq + len(pieces[index])))
        ack, sack = receiver_acks(start, arrived)
        cap.add([session.ack(SERVER, ack=ack, sack=sack)])
    session.next_seq[CLIENT] = start + len(request)
    cap.add(session.send(SERVER, http_response(b'{"stored":true}')) + session.close(CLIENT))
    cap.anomaly(f"client segments (1000 bytes) arrive in order {order}: reverse 3,2,1 then "
                "interleaved 5,4,7,6; server ACKs carry SACK blocks (reassembly case, not an error)")
    return cap


def build_tcp_retransmit_conflict() -> Capture:
    """Retransmissions whose bytes differ from the original (first data wins)."""
    cap = Capture("tcp-retransmit-conflict", EthernetLink())
    person = synthetic_people()[0]
    session = TcpSession("192.168.4.10", 50500, SERVER_US, 80, mss=1460)
    cap.add(session.handshake())
    body = (f"note=first+segment+of+the+form&name=Asel&pin={person.pin}&"
            "comment=" + "x" * 60 + "&tail=" + "y" * 80 + "&end=1").encode()
    request = http_request("POST", "/form", "retransmit.example.com",
                           headers=[("Content-Type", "application/x-www-form-urlencoded")], body=body)
    pin_at = request.find(person.pin.encode())
    first_cut = pin_at - 10
    second_cut = pin_at + 40
    start = session.next_seq[CLIENT]
    seg1, seg2, seg3 = request[:first_cut], request[first_cut:second_cut], request[second_cut:]
    forged2 = seg2.replace(person.pin.encode(), b"X" * len(person.pin))
    cap.add([session.packet_at(CLIENT, start, seg1, flags=TCP_ACK),
             session.packet_at(CLIENT, start + first_cut, seg2, flags=TCP_ACK),
             session.packet_at(CLIENT, start + first_cut, forged2, flags=TCP_ACK)])
    # Segment 3, then a segment overlapping its last 20 bytes with different bytes.
    overlap_from = len(request) - 20
    forged_tail = b"Z" * 20
    cap.add([session.packet_at(CLIENT, start + second_cut, seg3[:-20], flags=TCP_ACK),
             session.packet_at(CLIENT, start + second_cut + len(seg3) - 20, request[overlap_from:],
                               flags=TCP_ACK | TCP_PSH),
             session.packet_at(CLIENT, start + overlap_from, forged_tail, flags=TCP_ACK | TCP_PSH)])
    session.next_seq[CLIENT] = start + len(request)
    cap.add([session.ack(SERVER)])
    cap.add(session.send(SERVER, http_response(b'{"ok":true}')) + session.close(CLIENT))
    cap.plant("kg_pin", person.pin, "192.168.4.10:50500 -> 93.184.216.34:80 request body (original bytes)")
    cap.anomaly(f"segment at relative seq {first_cut + 1} ({len(seg2)} bytes, holds the PIN) is "
                "retransmitted at once with the PIN replaced by 'X' x 14: first-data-wins keeps the PIN")
    cap.anomaly(f"the last 20 bytes of the request (relative seq {overlap_from + 1}) are sent twice: "
                "'...&end=1' first, then 'Z' x 20; first-data-wins keeps the original")
    return cap


def build_tcp_seq_wrap() -> Capture:
    """Both ISNs just below 2**32 so the sequence numbers wrap during the transfer."""
    cap = Capture("tcp-seq-wrap", EthernetLink())
    session = TcpSession("192.168.5.10", 50600, SERVER_US, 80,
                         client_isn=2**32 - 1000, server_isn=2**32 - 300, mss=1000)
    cap.add(session.handshake())
    body = numbered_lines("seq-wrap-upload", 64)
    cap.add(session.send(CLIENT, http_request("POST", "/upload/wrap", "wrap.example.com",
                                              headers=[("Content-Type", "text/plain")], body=body)))
    cap.add(session.send(SERVER, http_response(numbered_lines("seq-wrap-download", 16),
                                               content_type="text/plain")))
    cap.add(session.close(CLIENT))
    cap.anomaly("client ISN 4294966296 (2^32-1000), server ISN 4294966996 (2^32-300): both "
                "directions wrap past 0 inside a data segment (not an error)")
    return cap


def build_tcp_midstream() -> Capture:
    """Two sessions picked up without their handshake."""
    cap = Capture("tcp-midstream", EthernetLink())
    # A: first packet is a client request on an established keep-alive connection.
    a = TcpSession("192.168.6.10", 50700, SERVER_US, 80)
    a.next_seq = [a.isn[0] + 5000, a.isn[1] + 90000]
    cap.add(a.send(CLIENT, http_request("GET", "/midstream/a", "mid.example.com")))
    cap.add(a.send(SERVER, http_response(b"midstream response A\n", content_type="text/plain")))
    cap.add(a.close(CLIENT))
    cap.pause()
    # B: first packet is the tail of a server response (server -> client), then a new request.
    b = TcpSession("192.168.6.11", 50701, SERVER_US, 80)
    b.next_seq = [b.isn[0] + 700, b.isn[1] + 123456]
    cap.add(b.send(SERVER, b"...tail of an earlier response body that began before the capture.\n"))
    cap.add(b.send(CLIENT, http_request("GET", "/midstream/b", "mid.example.com")))
    cap.add(b.send(SERVER, http_response(b"midstream response B\n", content_type="text/plain")))
    cap.add(b.close(SERVER))
    cap.anomaly("no SYN/SYN-ACK for either session. 192.168.6.10:50700 starts with the client's "
                "GET; 192.168.6.11:50701 starts with the server (port 80) sending the tail of an "
                "earlier response, so the first packet's source is not the opener")
    return cap


def build_truncated_packets() -> Capture:
    """Valid sessions interleaved with packets cut short by the snap length (planted)."""
    cap = Capture("truncated-packets", EthernetLink())
    session = TcpSession("192.168.7.10", 50800, SERVER_US, 80)
    victims = TcpSession("192.168.7.20", 50801, SERVER_US, 80)
    victims.handshake()  # numbers only; these packets are not in the capture
    udp = UdpFlow("192.168.7.20", 53003, DNS_US, 53)
    v6 = TcpSession("fd00:7::20", 50802, SERVER_US_V6, 80)
    v6.handshake()
    packets = session.handshake()
    cap.add(packets[:2])
    cap.add_truncated(victims.segment(CLIENT, b"GET /cut-in-ip-header HTTP/1.1\r\n\r\n"), 14 + 12)
    cap.add(packets[2:])
    cap.add_truncated(victims.segment(CLIENT, b"GET /cut-in-tcp-header HTTP/1.1\r\n\r\n"), 14 + 20 + 8)
    cap.add(session.send(CLIENT, http_request("GET", "/truncated/valid", "trunc.example.com")))
    cap.add_truncated(udp.send(CLIENT, dns_query(0x5E6F, "cut-in-udp-header.example.com")), 14 + 20 + 4)
    cap.add_truncated(v6.segment(CLIENT, b"GET /cut-in-ipv6-header HTTP/1.1\r\n\r\n"), 14 + 24)
    cap.add(session.send(SERVER, http_response(b"valid response\n", content_type="text/plain")))
    cap.add_truncated(victims.segment(CLIENT, b"POST /cut-in-payload HTTP/1.1\r\nContent-Length: 400\r\n\r\n"
                                      + b"p" * 400), 14 + 20 + 20 + 30)
    cap.add(session.close(CLIENT))
    cap.anomaly("5 snaplen-truncated records (caplen < len) among a valid session "
                "192.168.7.10:50800: cut inside the IPv4 header (26 of 14+20+20+n bytes), inside "
                "the TCP header (42 bytes), inside the UDP header (38 bytes), inside the IPv6 "
                "header (38 bytes), and inside a TCP payload (84 bytes, headers complete). The "
                "truncated packets belong to other flows (192.168.7.20, fd00:7::20)")
    return cap


def build_link_type(name: str, link, client: str, server: str, port: int) -> Capture:
    """One short HTTP session over the given link type."""
    cap = Capture(name, link)
    session = TcpSession(client, port, server, 80 if server != "127.0.0.1" else 8080)
    cap.add(simple_get(session, "linktype.example.com", f"/{name}"))
    return cap


def build_tcp_gap() -> Capture:
    """An upload with one data segment missing; the receiver ACKs past it."""
    cap = Capture("tcp-gap", EthernetLink())
    session = TcpSession("192.168.8.10", 50900, SERVER_US, 80, mss=1000)
    cap.add(session.handshake())
    body = numbered_lines("gap-upload", 80)
    request = http_request("POST", "/upload/gap", "gap.example.com",
                           headers=[("Content-Type", "text/plain")], body=body)
    start = session.next_seq[CLIENT]
    segments = session.data_segments(CLIENT, request)
    missing = 3
    missing_from = start + 1000 * missing
    cap.add(segments[:missing] + segments[missing + 1:] + [session.ack(SERVER)])
    cap.add(session.send(SERVER, http_response(b'{"stored":true}')) + session.close(CLIENT))
    cap.anomaly(f"client data segment 4 of {len(segments)} (relative seq {missing_from - start + 1}, "
                "1000 bytes) is missing from the capture; the server's ACK covers it: a 1000-byte gap")
    return cap


# --------------------------------------------------------------------------------------------
# Captures with (synthetic) personal data
# --------------------------------------------------------------------------------------------


def build_pii_http_post() -> Capture:
    """Form, JSON-escaped, chunked, gzip, multipart and OCR-text uploads with identifiers split
    across segments."""
    cap = Capture("pii-http-post", EthernetLink())
    people = synthetic_people()
    client, server, host = "192.168.10.20", SERVER_US, "forms.example.com"
    response = http_response(b'{"status":"received"}')

    def upload(port: int, request: bytes, needles: Sequence[str]) -> None:
        session = TcpSession(client, port, server, 80, mss=1200)
        cap.add(session.handshake() + session.send(CLIENT, request, cuts_inside(request, needles))
                + session.send(SERVER, response) + session.close(CLIENT))
        cap.pause()

    def where(port: int, what: str) -> str:
        return f"{client}:{port} -> {server}:80 {what}"

    # 1. application/x-www-form-urlencoded; the second PIN is fully percent-encoded.
    p0, p1 = people[0], people[1]
    encoded_pin = "".join(f"%{ord(c):02X}" for c in p1.pin)
    form = ("fio=" + "".join(f"%{b:02X}" for b in p0.name_cyrillic.encode()).replace("%20", "+")
            + f"&pin={p0.pin}&phone=%2B{p0.phone[1:]}&email={p0.email.replace('@', '%40')}"
            + f"&spouse_pin={encoded_pin}&consent=yes")
    request = http_request("POST", "/register", host, body=form.encode(),
                           headers=[("Content-Type", "application/x-www-form-urlencoded")])
    upload(51001, request, [p0.pin, encoded_pin])
    cap.plant("kg_pin", p0.pin, where(51001, "form field pin (split across segments)"))
    cap.plant("kg_pin", p1.pin, where(51001, "form field spouse_pin, every digit %3X-encoded"))
    cap.plant("phone", p0.phone, where(51001, "form field phone, '+' as %2B"))
    cap.plant("email", p0.email, where(51001, "form field email, '@' as %40"))
    # 2. JSON with every digit of the card number written as \u00XX.
    p2 = people[2]
    escaped_card = "".join(f"\\u{ord(c):04x}" for c in p0.card)
    body = ('{"customer":"' + p2.name + '","card":"' + escaped_card + '","card2":"'
            + grouped(p2.card) + '","amount":1250}').encode()
    request = http_request("POST", "/api/pay", host, body=body,
                           headers=[("Content-Type", "application/json")])
    upload(51002, request, [escaped_card, grouped(p2.card)])
    cap.plant("payment_card", p0.card, where(51002, 'JSON "card", each digit \\u00XX-escaped'))
    cap.plant("payment_card", p2.card, where(51002, 'JSON "card2", grouped by spaces (Mir 2200)'))
    # 3. Chunked: a chunk boundary splits a PIN.
    p3 = people[3]
    text = f"name={p3.name.replace(' ', '+')}&pin={p3.pin}&city=Bishkek".encode()
    split_at = text.find(p3.pin.encode()) + 6
    request = http_request("POST", "/chunked", host, body=http_chunked([text[:split_at], text[split_at:]]),
                           headers=[("Content-Type", "application/x-www-form-urlencoded"),
                                    ("Transfer-Encoding", "chunked")])
    upload(51003, request, [])
    cap.plant("kg_pin", p3.pin, where(51003, "chunked body, chunk boundary after the PIN's 6th digit"))
    # 4. Content-Encoding: gzip body with a Kazakh IIN.
    iin = kz_iin(1985, 3, 15, 123)
    compressed = gzip_compress(json.dumps({"client": "Dana Nurpeisova", "iin": iin,
                                           "note": "gzip-compressed request body"}).encode())
    request = http_request("POST", "/api/kz", host, body=compressed,
                           headers=[("Content-Type", "application/json"), ("Content-Encoding", "gzip")])
    upload(51004, request, [])
    cap.plant("kz_iin", iin, where(51004, "gzip-compressed JSON body"))
    # 5. multipart/form-data with a CSV of 5 PINs and 5 phones.
    rows = ["fio;pin;phone"] + [f"{p.name_cyrillic};{p.pin};{p.phone}" for p in people[5:10]]
    csv = ("\r\n".join(rows) + "\r\n").encode()
    boundary = "----korgooFormBoundary7MA4YWxkTrZu0gW"
    body = multipart_form(boundary, [("comment", None, "text/plain", "client list".encode()),
                                     ("file", "clients.csv", "text/csv", csv)])
    request = http_request("POST", "/upload/csv", host, body=body,
                           headers=[("Content-Type", f"multipart/form-data; boundary={boundary}")])
    upload(51005, request, [people[6].pin, people[8].phone])
    for p in people[5:10]:
        cap.plant("kg_pin", p.pin, where(51005, "multipart part clients.csv"))
        cap.plant("phone", p.phone, where(51005, "multipart part clients.csv"))
    # 6. OCR text of a passport page: TD3 MRZ, passport number with context, e-mail.
    p4 = people[4]
    line1, line2 = td3_mrz("Abdyraev", "Temir", "AN1234567", "650930", "M", "310930", p4.pin)
    text = (f"Паспорт: AN1234567\nФИО: {p4.name_cyrillic}\nemail: {p4.email}\n\n{line1}\n{line2}\n").encode()
    request = http_request("POST", "/ocr", host, body=text,
                           headers=[("Content-Type", "text/plain; charset=utf-8")])
    upload(51006, request, [line2])
    cap.plant("kg_passport", "AN1234567", where(51006, "after 'Паспорт:' and inside the MRZ"))
    cap.plant("mrz", line1 + "\n" + line2, where(51006, "TD3 MRZ, line 2 split across segments"))
    cap.plant("kg_pin", p4.pin, where(51006, "MRZ optional data field (personal number)"))
    cap.plant("email", p4.email, where(51006, "text"))
    return cap


def build_pii_smtp() -> Capture:
    """One SMTP session: two recipients, quoted-printable text, base64 CSV attachment."""
    cap = Capture("pii-smtp", EthernetLink())
    people = synthetic_people()
    client, server = "192.168.1.30", SERVER_GB
    sender = people[0]
    recipients = [people[1].email, people[2].email]
    phone = people[3].phone
    text_lines = (quoted_printable_text("Здравствуйте, коллеги!\nРезультаты анализов во вложении.")
                  + [quoted_printable_text("Тел.: ")[0] + phone[:8] + "=",     # soft line break
                     phone[8:] + " (after 18:00)",
                     ".PS: this line starts with a dot and is dot-stuffed in DATA"]
                  + quoted_printable_text("С уважением, д-р Токтогулова"))
    assert all(len(line) <= 76 for line in text_lines)
    csv_rows = ["fio;pin;диагноз"] + [f"{p.name_cyrillic};{p.pin};{d}" for p, d in
                                     zip(people[4:8], ["J45.0 астма", "E11 диабет", "I10 гипертензия",
                                                       "K29 гастрит"])]
    attachment = ("\r\n".join(csv_rows) + "\r\n").encode()
    boundary = "=_korgoo_mime_boundary_1"
    message = "\r\n".join([
        f"From: {sender.name} <{sender.email}>",
        f"To: {', '.join(recipients)}",
        "Subject: =?UTF-8?B?" + base64.b64encode("Результаты анализов".encode()).decode() + "?=",
        "Date: Thu, 15 Jan 2026 10:00:05 +0000",
        "Message-ID: <20260115100005.1@clinic.example.com>",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed; boundary="{boundary}"',
        "",
        "This is a multi-part message in MIME format.",
        f"--{boundary}",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        *text_lines,
        f"--{boundary}",
        'Content-Type: text/csv; charset=utf-8; name="patients.csv"',
        "Content-Transfer-Encoding: base64",
        'Content-Disposition: attachment; filename="patients.csv"',
        "",
    ]).encode() + b"\r\n" + mime_base64(attachment) + f"--{boundary}--\r\n".encode()
    session = TcpSession(client, 50100, server, 25, mss=700)
    dialogue = [
        (SERVER, b"220 mail.example.co.uk ESMTP ready\r\n"),
        (CLIENT, b"EHLO clinic.example.com\r\n"),
        (SERVER, b"250-mail.example.co.uk Hello\r\n250-SIZE 52428800\r\n250-8BITMIME\r\n250 HELP\r\n"),
        *smtp_mail_and_quit(sender.email, recipients, message, "1vKorg-000001-AB"),
    ]
    cap.add(session.handshake() + session.converse(dialogue) + session.close(SERVER))
    where = f"{client}:50100 -> {server}:25"
    cap.plant("email", sender.email, f"{where} MAIL FROM and From:")
    for r in recipients:
        cap.plant("email", r, f"{where} RCPT TO and To:")
    cap.plant("phone", phone, f"{where} quoted-printable text, split by a soft line break")
    for p in people[4:8]:
        cap.plant("kg_pin", p.pin, f"{where} base64 attachment patients.csv")
    cap.plant("special.health", "диагноз", f"{where} attachment header row (plus diagnoses)")
    cap.anomaly("DATA holds a line starting with '.', sent dot-stuffed as '..' (protocol case)")
    return cap


def build_pii_ftp() -> Capture:
    """FTP control session with PASV and STOR, and the passive data connection with a CSV."""
    cap = Capture("pii-ftp", EthernetLink())
    people = synthetic_people()
    client, server, data_port = "10.20.30.40", SERVER_DE, 50020
    control = TcpSession(client, 50010, server, 21)
    data = TcpSession(client, 50011, server, data_port, mss=1200)
    h = server.replace(".", ",")
    rows = ["fio;pin;card"] + [f"{p.name};{p.pin};{p.card if i % 2 else grouped(p.card, '-')}"
                               for i, p in enumerate(people)]
    csv = ("\r\n".join(rows) + "\r\n").encode()
    cap.add(control.handshake() + control.converse([
        (SERVER, b"220 (vsFTPd 3.0.3)\r\n"),
        (CLIENT, b"USER exporter\r\n"),
        (SERVER, b"331 Please specify the password.\r\n"),
        (CLIENT, b"PASS Synthetic-Secret-1\r\n"),
        (SERVER, b"230 Login successful.\r\n"),
        (CLIENT, b"TYPE I\r\n"),
        (SERVER, b"200 Switching to Binary mode.\r\n"),
        (CLIENT, b"PASV\r\n"),
        (SERVER, f"227 Entering Passive Mode ({h},{data_port >> 8},{data_port & 0xFF}).\r\n".encode()),
    ]))
    cap.add(data.handshake())
    cap.add(control.converse([(CLIENT, b"STOR export.csv\r\n"),
                              (SERVER, b"150 Ok to send data.\r\n")]))
    cap.add(data.data_segments(CLIENT, csv, cuts_inside(csv, [people[1].pin])) + [data.ack(SERVER)])
    cap.add(data.close(CLIENT))
    cap.add(control.converse([(SERVER, b"226 Transfer complete.\r\n"),
                              (CLIENT, b"QUIT\r\n"),
                              (SERVER, b"221 Goodbye.\r\n")]))
    cap.add(control.close(SERVER))
    where = f"{client}:50011 -> {server}:{data_port} (FTP data, STOR export.csv)"
    for i, p in enumerate(people):
        cap.plant("kg_pin", p.pin, where)
        cap.plant("payment_card", p.card, where + ("" if i % 2 else " grouped with dashes"))
    return cap


# --------------------------------------------------------------------------------------------
# Documents and archives (issue 13): zip, xlsx, an encrypted zip and a bomb
# --------------------------------------------------------------------------------------------

ZIP_DATE = (2026, 1, 15, 10, 0, 0)


def zip_archive(members: Sequence[tuple[str, bytes]]) -> bytes:
    """A deflated zip of (name, content), with fixed dates and attributes (deterministic)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return out.getvalue()


def xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xlsx_workbook(rows: Sequence[Sequence[str]]) -> bytes:
    """A minimal one-sheet .xlsx: every cell an inline string."""
    sheet_rows = "".join(
        "<row>" + "".join(f'<c t="inlineStr"><is><t>{xml_text(v)}</t></is></c>' for v in row) + "</row>"
        for row in rows)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return zip_archive([
        ("[Content_Types].xml",
         b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
         b'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
         b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
        ("xl/workbook.xml", f'<workbook xmlns="{main}"><sheets><sheet name="clients" sheetId="1"/>'
                            f'</sheets></workbook>'.encode()),
        ("xl/worksheets/sheet1.xml",
         f'<worksheet xmlns="{main}"><sheetData>{sheet_rows}</sheetData></worksheet>'.encode()),
    ])


def zipcrypto_stream(password: bytes):
    """Traditional PKWARE encryption (APPNOTE 6.1): returns encrypt(bytes) -> bytes."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def crc_byte(crc: int, byte: int) -> int:  # one step of the raw CRC-32 update
        return zlib.crc32(bytes([byte]), crc ^ 0xFFFFFFFF) ^ 0xFFFFFFFF

    def update(byte: int) -> None:
        keys[0] = crc_byte(keys[0], byte)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)

    for b in password:
        update(b)

    def encrypt(data: bytes) -> bytes:
        out = bytearray()
        for b in data:
            t = (keys[2] | 2) & 0xFFFF
            out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            update(b)
        return bytes(out)

    return encrypt


def encrypted_zip(name: str, content: bytes, password: bytes) -> bytes:
    """A zip of one stored member under traditional PKWARE encryption, written by hand
    (zipfile reads such archives but cannot write them). The 12-byte header's random part is
    fixed, so the archive is deterministic."""
    crc = zlib.crc32(content)
    header = deterministic_bytes("zipcrypto-header", 11) + bytes([crc >> 24])
    data = zipcrypto_stream(password)(header + content)
    raw_name = name.encode()
    dos_time, dos_date = (10 << 11), ((2026 - 1980) << 9) | (1 << 5) | 15
    fields = struct.pack("<HHHHHIII", 20, 1, 0, dos_time, dos_date, crc, len(data), len(content))
    local = b"PK\x03\x04" + fields + struct.pack("<HH", len(raw_name), 0) + raw_name
    central = (b"PK\x01\x02" + struct.pack("<H", 0x0314) + fields
               + struct.pack("<HHHHHII", len(raw_name), 0, 0, 0, 0, 0o644 << 16, 0) + raw_name)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    archive = local + data + central + end
    with zipfile.ZipFile(io.BytesIO(archive)) as check:  # the construction is readable
        assert check.read(name, pwd=password) == content
    return archive


def build_pii_documents() -> Capture:
    """The same table of 5 PINs and 5 cards as CSV, as an .xlsx and as a zip of the CSV, over
    an HTTP multipart upload, an SMTP attachment and FTP STOR; plus an encrypted zip and a
    zip bomb over HTTP."""
    cap = Capture("pii-documents", EthernetLink())
    people = synthetic_people()[:5]
    table = [["pin", "card"]] + [[p.pin, p.card] for p in people]
    csv = ("\r\n".join(";".join(row) for row in table) + "\r\n").encode()
    documents = [("clients.csv", "text/csv", csv),
                 ("clients.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  xlsx_workbook(table)),
                 ("clients.zip", "application/zip", zip_archive([("clients.csv", csv)]))]

    def plant_table(where: str) -> None:
        for p in people:
            cap.plant("kg_pin", p.pin, where)
            cap.plant("payment_card", p.card, where)

    # HTTP: one upload per file, each its own connection.
    client, server, host = "192.168.10.40", SERVER_US, "files.example.com"
    response = http_response(b'{"status":"stored"}')
    boundary = "----korgooDocumentBoundary0001"
    encrypted = encrypted_zip("clients.csv", csv, b"synthetic-test-passphrase")
    # Bomb: the table, then 80 MiB of zeros deflated to ~80 KB: decoding stops at the on-wire
    # file cap (max_decompressed_bytes, 64 MiB) after the table was scanned.
    bomb = zip_archive([("clients.csv", csv), ("padding.bin", bytes(80 << 20))])
    uploads = documents + [("secret.zip", "application/zip", encrypted), ("bomb.zip", "application/zip", bomb)]
    for port, (name, content_type, content) in enumerate(uploads, 51201):
        body = multipart_form(boundary, [("file", name, content_type, content)])
        request = http_request("POST", "/upload", host, body=body,
                               headers=[("Content-Type", f"multipart/form-data; boundary={boundary}")])
        session = TcpSession(client, port, server, 80, mss=1400)
        cap.add(session.handshake() + session.send(CLIENT, request) + session.send(SERVER, response)
                + session.close(CLIENT))
        cap.pause()
        where = f"{client}:{port} -> {server}:80 multipart upload {name}"
        if name != "secret.zip":
            plant_table(where)
    cap.anomaly("192.168.10.40:51204 uploads secret.zip, its one member under traditional PKWARE "
                "encryption (passphrase synthetic-test-passphrase): not decoded, reported encrypted")
    cap.anomaly("192.168.10.40:51205 uploads bomb.zip: the table, then 80 MiB of zeros deflated "
                "to about 80 KB (a decompression bomb); decoding stops at the file cap")

    # SMTP: one message per file, each its own session.
    client, server = "192.168.1.31", SERVER_GB
    for port, (name, content_type, content) in enumerate(documents, 50201):
        mime_boundary = "=_korgoo_document_boundary"
        message = "\r\n".join([
            "From: exports@clinic.example.com",
            "To: archive@example.co.uk",
            f"Subject: export {name}",
            "Date: Thu, 15 Jan 2026 10:00:05 +0000",
            f"Message-ID: <20260115100005.{port}@clinic.example.com>",
            "MIME-Version: 1.0",
            f'Content-Type: multipart/mixed; boundary="{mime_boundary}"',
            "",
            f"--{mime_boundary}",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Export attached.",
            f"--{mime_boundary}",
            f'Content-Type: {content_type}; name="{name}"',
            "Content-Transfer-Encoding: base64",
            f'Content-Disposition: attachment; filename="{name}"',
            "",
        ]).encode() + b"\r\n" + mime_base64(content) + f"--{mime_boundary}--\r\n".encode()
        session = TcpSession(client, port, server, 25, mss=1400)
        cap.add(session.handshake() + session.converse([
            (SERVER, b"220 mail.example.co.uk ESMTP ready\r\n"),
            (CLIENT, b"EHLO clinic.example.com\r\n"),
            (SERVER, b"250 mail.example.co.uk Hello\r\n"),
            (CLIENT, b"MAIL FROM:<exports@clinic.example.com>\r\n"),
            (SERVER, b"250 OK\r\n"),
            (CLIENT, b"RCPT TO:<archive@example.co.uk>\r\n"),
            (SERVER, b"250 Accepted\r\n"),
            (CLIENT, b"DATA\r\n"),
            (SERVER, b"354 Enter message\r\n"),
            (CLIENT, smtp_dot_stuff(message)),
            (SERVER, b"250 OK\r\n"),
            (CLIENT, b"QUIT\r\n"),
            (SERVER, b"221 closing connection\r\n"),
        ]) + session.close(SERVER))
        cap.pause()
        plant_table(f"{client}:{port} -> {server}:25 base64 attachment {name}")

    # FTP: one control session, a passive data connection per file.
    client, server = "10.20.30.41", SERVER_DE
    control = TcpSession(client, 50300, server, 21)
    h = server.replace(".", ",")
    cap.add(control.handshake() + control.converse([
        (SERVER, b"220 (vsFTPd 3.0.3)\r\n"),
        (CLIENT, b"USER exporter\r\n"),
        (SERVER, b"331 Please specify the password.\r\n"),
        (CLIENT, b"PASS Synthetic-Secret-2\r\n"),
        (SERVER, b"230 Login successful.\r\n"),
        (CLIENT, b"TYPE I\r\n"),
        (SERVER, b"200 Switching to Binary mode.\r\n"),
    ]))
    for index, (name, _, content) in enumerate(documents):
        data_port = 50321 + index
        data = TcpSession(client, 50311 + index, server, data_port, mss=1200)
        cap.add(control.converse([
            (CLIENT, b"PASV\r\n"),
            (SERVER, f"227 Entering Passive Mode ({h},{data_port >> 8},{data_port & 0xFF}).\r\n".encode()),
        ]))
        cap.add(data.handshake())
        cap.add(control.converse([(CLIENT, f"STOR {name}\r\n".encode()),
                                  (SERVER, b"150 Ok to send data.\r\n")]))
        cap.add(data.data_segments(CLIENT, content) + [data.ack(SERVER)])
        cap.add(data.close(CLIENT))
        cap.add(control.converse([(SERVER, b"226 Transfer complete.\r\n")]))
        plant_table(f"{client}:{50311 + index} -> {server}:{data_port} (FTP data, STOR {name})")
    cap.add(control.converse([(CLIENT, b"QUIT\r\n"), (SERVER, b"221 Goodbye.\r\n")]))
    cap.add(control.close(SERVER))
    return cap


def build_pii_dns_tls() -> Capture:
    """A PIN exfiltrated in two DNS labels; a TLS session with SNI upload.example.ru."""
    cap = Capture("pii-dns-tls", EthernetLink())
    person = synthetic_people()[5]
    client = "192.168.1.50"
    dns = UdpFlow(client, 53100, DNS_US, 53)
    exfil = f"{person.pin[:7]}.{person.pin[7:]}.q1.exfil.example.net"
    cap.add([dns.send(CLIENT, dns_query(0x7001, exfil, 16)),
             dns.send(SERVER, dns_response(0x7001, exfil, 16, rcode=3))])
    cap.plant("kg_pin", person.pin, f"{client}:53100 -> {DNS_US}:53 DNS query name, split over two labels")
    cap.pause()
    dns2 = UdpFlow(client, 53101, DNS_US, 53)
    cap.add([dns2.send(CLIENT, dns_query(0x7002, "upload.example.ru")),
             dns2.send(SERVER, dns_response(0x7002, "upload.example.ru", 1, [SERVER_RU]))])
    cap.pause()
    session = TcpSession(client, 50500, SERVER_RU, 443)
    session_id = deterministic_bytes("tls-session-id", 32)
    client_hello = tls_client_hello("upload.example.ru", deterministic_bytes("client-random", 32), session_id)
    server_flight = (tls_server_hello(deterministic_bytes("server-random", 32), session_id)
                     + tls_record(20, b"\x01") + tls_record(22, deterministic_bytes("server-finished", 40)))
    client_flight = tls_record(20, b"\x01") + tls_record(22, deterministic_bytes("client-finished", 40))
    messages = [(CLIENT, client_hello), (SERVER, server_flight), (CLIENT, client_flight)]
    for index, size in enumerate([620, 3100, 1400, 240]):
        sender = CLIENT if index % 2 == 0 else SERVER
        messages.append((sender, tls_record(23, deterministic_bytes(f"appdata-{index}", size))))
    messages.append((CLIENT, tls_record(21, deterministic_bytes("close-notify", 26))))
    cap.add(session.handshake() + session.converse(messages) + session.close(CLIENT))
    return cap


def build_pii_crossborder() -> Capture:
    """PIN uploads from one client to servers meant in RU, DE, KG, US and an allowlisted host."""
    cap = Capture("pii-crossborder", EthernetLink())
    people = synthetic_people()
    client = "10.1.1.10"
    targets = [
        (SERVER_RU, "upload.example.ru", "RU", people[0:3]),
        (SERVER_DE, "crm.example.de", "DE", people[3:5]),
        (SERVER_KG, "portal.example.kg", "KG", people[5:7]),
        (SERVER_US, "api.example.com", "US", people[7:9]),
        (SERVER_US_PARTNER, "partner.example.org", "US (allowlisted host)", people[9:10]),
        (SERVER_RU, "upload.example.ru", "RU (benign)", []),
    ]
    for index, (server, host, country, who) in enumerate(targets):
        port = 52001 + index
        if who:
            body = json.dumps({"records": [{"pin": p.pin, "city": "Bishkek"} for p in who]}).encode()
        else:
            body = json.dumps({"report": "daily", "items": 42, "status": "ok"}).encode()
        session = TcpSession(client, port, server, 80)
        request = http_request("POST", "/api/upload", host, body=body,
                               headers=[("Content-Type", "application/json")])
        cap.add(session.handshake() + session.send(CLIENT, request)
                + session.send(SERVER, http_response(b'{"ok":true}')) + session.close(CLIENT))
        cap.pause()
        for p in who:
            cap.plant("kg_pin", p.pin, f"{client}:{port} -> {server}:80 Host {host}, meant {country}")
    return cap


def build_negatives() -> Capture:
    """HTTP traffic full of near misses that are not personal data."""
    cap = Capture("negatives", EthernetLink())
    client, server, host = "192.168.1.60", SERVER_US, "shop.example.com"
    org_inns = [kg_pin(0, 15, 3, 2008, 1000), kg_pin(0, 2, 11, 2015, 2345)]
    bins = [kz_bin(2008, 4, 4, 12345), kz_bin(2015, 11, 5, 22222)]
    timestamps = [1768471200123, 1768471260456, 1768471321789]
    order_numbers = ["20260115100000123456", "90010002000300040005"]
    guids = []
    for i in range(3):
        raw = bytearray(deterministic_bytes(f"guid-{i}", 16))
        raw[6] = (raw[6] & 0x0F) | 0x40
        raw[8] = (raw[8] & 0x3F) | 0x80
        h = raw.hex()
        guids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    bad_cards = []
    for prefix, serial in (("400000", 98765432), ("510000", 11223344), ("220000", 55667788)):
        good = card_number(prefix, serial)
        bad_cards.append(good[:-1] + str((int(good[-1]) + 3) % 10))
    order = {
        "supplier": {"name": "OsOO Example Trade", "inn": org_inns[0], "email": "info@example.kg"},
        "partner_bin": bins[0],
        "order_no": order_numbers[0],
        "created_ms": timestamps[0],
        "updated_ms": timestamps[1],
        "request_id": guids[0],
        "tracking": bad_cards[0],
        "notify": "noreply@example.com",
    }
    invoice = (f"Invoice {order_numbers[1]}\nSeller INN: {org_inns[1]}\nBuyer BIN: {bins[1]}\n"
               f"Ref {bad_cards[1]} / {bad_cards[2]}\nTrace {guids[1]} at {timestamps[2]}\n"
               "Questions: info@example.kg, replies are not read: noreply@example.com\n")
    exchanges = [
        (http_request("GET", f"/api/orders?since={timestamps[0]}&trace={guids[2]}", host),
         http_response(json.dumps({"orders": [order_numbers[0]], "next": timestamps[1]}).encode())),
        (http_request("POST", "/api/orders", host, body=json.dumps(order).encode(),
                      headers=[("Content-Type", "application/json")]),
         http_response(json.dumps({"id": guids[0], "ts": timestamps[2]}).encode())),
        (http_request("POST", "/api/invoices", host, body=invoice.encode(),
                      headers=[("Content-Type", "text/plain")]),
         http_response(b'{"ok":true}')),
    ]
    everything = ""
    for index, (request, response) in enumerate(exchanges):
        session = TcpSession(client, 53001 + index, server, 80)
        cap.add(session.handshake() + session.send(CLIENT, request) + session.send(SERVER, response)
                + session.close(CLIENT))
        cap.pause()
        everything += request.decode() + response.decode()
    leaked = personal_identifiers_in(everything)
    assert not leaked, leaked
    return cap


def build_pii_all_types() -> Capture:
    """One text/plain HTTP POST holding exactly one value of every identifier type and one
    keyword of every special category, several of them cut across segments."""
    cap = Capture("pii-all-types", EthernetLink())
    client, port, server, host = "192.168.20.10", 51010, SERVER_US, "intake.example.com"
    pin = kg_pin(2, 14, 4, 1987, 2468)
    iin = kz_iin(1990, 6, 21, 124)
    passport = "ID4820517"
    # The MRZ's personal-number field stays '<' so that it adds no second PIN.
    line1, line2 = td3_mrz("Sydykov", "Almaz", "AC7654321", "870414", "M", "320415", "")
    card = card_number("400000", 87654321)
    phone = "+996 707 654 321"
    email = "almaz.sydykov@example.com"
    account = iban("DE", "37040044" + "0532013777")
    keywords = [("special.health", "диагноз", "диагноз: J45.0 астма"),
                ("special.biometric", "отпечаток пальца", "отпечаток пальца: снят"),
                ("special.religion", "религия", "религия: не указана"),
                ("special.ethnicity", "национальность", "национальность: кыргыз"),
                ("special.political", "профсоюз", "профсоюз: да"),
                ("special.genetic", "ДНК", "ДНК: образец сдан")]
    lines = [f"pin: {pin}", f"iin: {iin}", f"passport: {passport}", "mrz:", line1, line2,
             f"card: {card}", f"phone: {phone}", f"email: {email}", f"iban: {account}"]
    lines += [line for _, _, line in keywords]
    body = ("\n".join(lines) + "\n").encode()
    found = personal_identifiers_in(body.decode())
    assert sorted(kind for kind, _ in found) == ["email", "kg_pin", "kz_iin", "payment_card"], found
    assert iban_valid(account) and account.startswith("DE") and len(account) == 22
    request = http_request("POST", "/intake", host, body=body,
                           headers=[("Content-Type", "text/plain")])
    session = TcpSession(client, port, server, 80)
    cuts = cuts_inside(request, [pin, line2, account])
    cap.add(session.handshake() + session.send(CLIENT, request, cuts)
            + session.send(SERVER, http_response(b'{"status":"received"}')) + session.close(CLIENT))
    where = f"{client}:{port} -> {server}:80 text/plain body"
    cap.plant("kg_pin", pin, where + " (split across segments)")
    cap.plant("kz_iin", iin, where)
    cap.plant("kg_passport", passport, where)
    cap.plant("mrz", line1 + "\n" + line2, where + " (TD3, personal number empty, line 2 split across segments)")
    cap.plant("payment_card", card, where + " (Visa)")
    cap.plant("phone", phone, where + " (grouped by spaces)")
    cap.plant("email", email, where)
    cap.plant("iban", account, where + " (DE, split across segments)")
    for kind, word, _ in keywords:
        cap.plant(kind, word, where)
    return cap


# --------------------------------------------------------------------------------------------
# Evasions (issue 16): each case the sensor was fixed for, in one flow carrying identifiers
# --------------------------------------------------------------------------------------------


def evasion_rows(person: Person) -> bytes:
    """A small CSV with one synthetic person's PIN and e-mail address."""
    return f"pin;email\r\n{person.pin};{person.email}\r\n".encode()


def response_head_ended_by(end: bytes, fields: Sequence[tuple[str, str]],
                           status: str = "200 OK") -> bytes:
    """A response head whose last field line is ended by `end` instead of CRLF CRLF."""
    lines = [f"HTTP/1.1 {status}", f"Date: {HTTP_DATE}", "Server: testsrv/1.0"]
    lines += [f"{name}: {value}" for name, value in fields]
    return "\r\n".join(lines).encode() + end


def tcp_md5_option(label: str) -> bytes:
    """NOP, NOP, TCP MD5 signature (RFC 2385) with a made-up 16-byte digest: 20 bytes."""
    return bytes([TCP_OPT_NOP, TCP_OPT_NOP, TCP_OPT_MD5, 18]) + deterministic_bytes(label, 16)


def build_evasion_http() -> Capture:
    """HTTP evasions: loose head ends, 101/204 with bodies, a junk status line, CONNECT
    tunnels (plain HTTP and TLS inside) and a response whose head was lost."""
    cap = Capture("evasion-http", EthernetLink())
    people = synthetic_people()
    client, server, host = "192.168.80.10", SERVER_US, "files.example.com"

    def where(port: int, what: str, server_port: int = 80) -> str:
        return f"{client}:{port} -> {server}:{server_port} {what}"

    def plant_rows(port: int, person: Person, what: str, server_port: int = 80) -> None:
        cap.plant("kg_pin", person.pin, where(port, what, server_port))
        cap.plant("email", person.email, where(port, what, server_port))

    def exchange(port: int, messages: Sequence[tuple[int, bytes]], server_port: int = 80) -> None:
        session = TcpSession(client, port, server, server_port)
        cap.add(session.handshake() + session.converse(messages) + session.close(CLIENT))
        cap.pause()

    # 1-3. Response heads ended as browsers and libhtp end them (http-evader 411, 419, 425, 431).
    for port, person, end, label in [(53001, people[0], b"\n\r\r\n", "LF CR CR LF"),
                                     (53002, people[1], b"\n \n", "a line holding one space"),
                                     (53003, people[2], b"\n\t\n", "a line holding one tab")]:
        body = evasion_rows(person)
        head = response_head_ended_by(end, [("Content-Type", "text/csv"),
                                            ("Content-Length", str(len(body)))])
        exchange(port, [(CLIENT, http_request("GET", f"/export/{port}.csv", host)),
                        (SERVER, head + body)])
        plant_rows(port, person, f"response body after a head ended by {label}")
        cap.anomaly(f"{client}:{port}: the response head ends with {label} instead of CRLF CRLF")
    # 4-5. A 101 and a 204 that announce a body and send it; a second exchange follows.
    for port, person, status in [(53004, people[3], "101 Switching Protocols"),
                                 (53005, people[4], "204 No Content")]:
        exchange(port, [(CLIENT, http_request("GET", f"/export/{port}.csv", host)),
                        (SERVER, http_response(evasion_rows(person), status=status,
                                               content_type="text/csv")),
                        (CLIENT, http_request("GET", "/after", host)),
                        (SERVER, http_response(b"next response\n", content_type="text/plain"))])
        plant_rows(port, person, f"body of a {status.split()[0]} response (Content-Length > 0)")
        cap.anomaly(f"{client}:{port}: a {status} response announces a body (Content-Length) "
                    "and sends it; a GET /after and its 200 follow on the same connection")
    # 6. A junk status line before the real one (http-evader 487-like).
    person = people[5]
    exchange(53006, [(CLIENT, http_request("GET", "/export/53006.csv", host)),
                     (SERVER, b"SIP/2.0 200 ok\r\n" + http_response(evasion_rows(person),
                                                                    content_type="text/csv"))])
    plant_rows(53006, person, "response body after a junk status line")
    cap.anomaly(f"{client}:53006: the response starts with the line 'SIP/2.0 200 ok' before its "
                "status line")
    # 7. CONNECT, 200, then a plain HTTP POST inside the tunnel.
    person = people[6]
    form = f"pin={person.pin}&email={person.email.replace('@', '%40')}".encode()
    exchange(53007, [
        (CLIENT, http_request("CONNECT", "upload.example.com:80", "upload.example.com:80")),
        (SERVER, b"HTTP/1.1 200 Connection established\r\n\r\n"),
        (CLIENT, http_request("POST", "/form", "upload.example.com", body=form,
                              headers=[("Content-Type", "application/x-www-form-urlencoded")])),
        (SERVER, http_response(b'{"ok":true}'))], server_port=8080)
    cap.plant("kg_pin", person.pin, where(53007, "POST body inside a CONNECT tunnel", 8080))
    cap.plant("email", person.email, where(53007, "POST body inside a CONNECT tunnel, '@' as %40", 8080))
    cap.anomaly(f"{client}:53007: CONNECT upload.example.com:80, 200, then a plain HTTP POST "
                "inside the tunnel")
    # 8. CONNECT, 200, then TLS inside the tunnel (http-connect-tls).
    session_id = deterministic_bytes("evasion-connect-tls-session", 32)
    exchange(53008, [
        (CLIENT, http_request("CONNECT", "secure.example.com:443", "secure.example.com:443")),
        (SERVER, b"HTTP/1.1 200 Connection established\r\n\r\n"),
        (CLIENT, tls_client_hello("secure.example.com",
                                  deterministic_bytes("evasion-connect-client-random", 32), session_id)),
        (SERVER, tls_server_hello(deterministic_bytes("evasion-connect-server-random", 32), session_id)
         + tls_record(20, b"\x01") + tls_record(22, deterministic_bytes("evasion-connect-finished", 40))),
        (CLIENT, tls_record(23, deterministic_bytes("evasion-connect-appdata", 300)))], server_port=8080)
    cap.anomaly(f"{client}:53008: CONNECT secure.example.com:443, 200, then a TLS ClientHello "
                "(SNI secure.example.com) inside the tunnel")
    # 9. The first response's head is lost (the client ACKs past it); a second response follows.
    person = people[7]
    session = TcpSession(client, 53009, server, 80)
    cap.add(session.handshake() + session.send(CLIENT, http_request("GET", "/report/a", host)))
    lost_body = b"report a, plain text without personal data\n" * 8
    lost = http_response(lost_body, content_type="text/plain")
    head_length = len(lost) - len(lost_body)
    start = session.next_seq[SERVER]
    segments = session.data_segments(SERVER, lost, [head_length])
    cap.add(segments[1:] + [session.ack(CLIENT)])
    cap.add(session.converse([(CLIENT, http_request("GET", "/export/53009.csv", host)),
                              (SERVER, http_response(evasion_rows(person), content_type="text/csv"))]))
    cap.add(session.close(CLIENT))
    plant_rows(53009, person, "second response, after one whose head was lost")
    cap.anomaly(f"{client}:53009: the server segment holding the first response's head (relative "
                f"seq {start - session.isn[SERVER]}, {head_length} bytes) is missing; the client "
                "ACKs past it")
    return cap


def build_evasion_tcp_app() -> Capture:
    """TCP evasions (RSTs the receiver ignores, a SYN restart, an urgent byte) and app-layer
    ones (DNS over TCP after a hole, FTP and SMTP picked up late, a DATA refused)."""
    cap = Capture("evasion-tcp-app", EthernetLink())
    people = synthetic_people()
    client, server, host = "192.168.81.10", SERVER_US, "forms.example.com"

    def where(port: int, server_ip: str, server_port: int, what: str) -> str:
        return f"{client}:{port} -> {server_ip}:{server_port} {what}"

    def form_upload(session: TcpSession, person: Person) -> list[bytes]:
        form = f"pin={person.pin}&email={person.email.replace('@', '%40')}".encode()
        request = http_request("POST", "/form", host, body=form,
                               headers=[("Content-Type", "application/x-www-form-urlencoded")])
        return (session.converse([(CLIENT, request), (SERVER, http_response(b'{"ok":true}'))])
                + session.close(CLIENT))

    def plant_form(port: int, person: Person, what: str) -> None:
        cap.plant("kg_pin", person.pin, where(port, server, 80, f"form body ({what})"))
        cap.plant("email", person.email, where(port, server, 80, f"form body, '@' as %40 ({what})"))

    # 1. The server sends a RST before its SYN-ACK whose ACK does not acknowledge the SYN: the
    #    client (Linux, SYN-SENT) drops it and the connection opens normally.
    session = TcpSession(client, 54001, server, 80)
    syn = session.packet_at(CLIENT, session.next_seq[CLIENT], flags=TCP_SYN, ack=0,
                            options=tcp_syn_options(session.mss))
    rst = session.packet_at(SERVER, session.next_seq[SERVER] + 40000, flags=TCP_RST | TCP_ACK,
                            ack=session.next_seq[CLIENT] + 70000)
    session.next_seq[CLIENT] += 1
    syn_ack = session.packet_at(SERVER, session.next_seq[SERVER], flags=TCP_SYN | TCP_ACK,
                                options=tcp_syn_options(session.mss))
    session.next_seq[SERVER] += 1
    cap.add([syn, rst, syn_ack, session.ack(CLIENT)] + form_upload(session, people[0]))
    cap.pause()
    plant_form(54001, people[0], "after a RST sent before the SYN-ACK")
    cap.anomaly(f"{client}:54001: a RST-ACK from the server before its SYN-ACK, acknowledging "
                "a number the client never sent (Linux drops it in SYN-SENT)")
    # 2. A RST carrying a TCP MD5 signature before the request: no proof the connection ended.
    session = TcpSession(client, 54002, server, 80)
    cap.add(session.handshake())
    cap.add([session.packet_at(SERVER, session.next_seq[SERVER], flags=TCP_RST | TCP_ACK,
                               options=tcp_md5_option("evasion-md5-rst"))])
    cap.add(form_upload(session, people[1]))
    cap.pause()
    plant_form(54002, people[1], "after a RST with a TCP MD5 option")
    cap.anomaly(f"{client}:54002: after the handshake the server's side sends a RST-ACK carrying "
                "a TCP MD5 signature option (kind 19); the request follows")
    # 3. The first SYN is refused by a RST without ACK (dropped by the client); a SYN with
    #    another ISN from the same port opens the connection (bug-3844).
    session = TcpSession(client, 54003, server, 80)
    first_isn = session.isn[CLIENT]
    cap.add([session.packet_at(CLIENT, first_isn, flags=TCP_SYN, ack=0,
                               options=tcp_syn_options(session.mss)),
             session.packet_at(SERVER, 0, flags=TCP_RST, ack=0)])
    session.isn[CLIENT] = session.next_seq[CLIENT] = derived_u32("evasion-second-isn")
    cap.add(session.handshake() + form_upload(session, people[2]))
    cap.pause()
    plant_form(54003, people[2], "connection opened by a second SYN with a new ISN")
    cap.anomaly(f"{client}:54003: the first SYN (ISN {first_isn}) is answered by a RST without "
                f"ACK; a second SYN from the same port with ISN {session.isn[CLIENT]} opens the "
                "connection")
    # 4. An urgent byte inserted in the middle of a PIN: removed (stream.urgent: oob, as
    #    Linux), the PIN is whole; Content-Length counts the bytes without it.
    person = people[4]
    body = f"note=urgent+test&pin={person.pin}&end=1".encode()
    request = http_request("POST", "/form", host, body=body,
                           headers=[("Content-Type", "application/x-www-form-urlencoded")])
    head_length = len(request) - len(body)
    inserted_at = body.find(person.pin.encode()) + 7
    wire_body = body[:inserted_at] + b"!" + body[inserted_at:]
    session = TcpSession(client, 54004, server, 80)
    cap.add(session.handshake() + [session.segment(CLIENT, request[:head_length], TCP_ACK)])
    cap.add([session.packet_at(CLIENT, session.next_seq[CLIENT], wire_body,
                               flags=TCP_ACK | TCP_PSH | TCP_URG, urgent=inserted_at + 1)])
    session.next_seq[CLIENT] += len(wire_body)
    cap.add([session.ack(SERVER)] + session.send(SERVER, http_response(b'{"ok":true}'))
            + session.close(CLIENT))
    cap.pause()
    cap.plant("kg_pin", person.pin, where(54004, server, 80, "form body, whole once the urgent "
                                          "byte after its 7th digit is taken out"))
    cap.anomaly(f"{client}:54004: the body segment has URG set and its urgent pointer on a '!' "
                "inserted after the PIN's 7th digit (outside Content-Length)")
    # 5. DNS over TCP: the first query's segment is missing (the server ACKs past it); the
    #    second query's name carries a PIN split over two labels.
    person = people[5]
    session = TcpSession(client, 54005, DNS_US, 53)
    cap.add(session.handshake())
    session.data_segments(CLIENT, dns_over_tcp(dns_query(0x7101, "www.example.com")))  # lost
    exfil = f"{person.pin[:7]}.{person.pin[7:]}.q2.exfil.example.net"
    cap.add(session.send(SERVER, dns_over_tcp(dns_response(0x7101, "www.example.com", 1, [SERVER_US])))
            + session.converse([(CLIENT, dns_over_tcp(dns_query(0x7102, exfil, 16))),
                                (SERVER, dns_over_tcp(dns_response(0x7102, exfil, 16, rcode=3)))])
            + session.close(CLIENT))
    cap.pause()
    cap.plant("kg_pin", person.pin, where(54005, DNS_US, 53, "second DNS/TCP query name, split "
                                          "over two labels"))
    cap.anomaly(f"{client}:54005: the client segment with the first DNS/TCP query is missing; the "
                "server's ACK covers it")
    # 6. FTP picked up after the greeting and login: the first line seen is TYPE I.
    person = people[6]
    data_port = 50030
    control = TcpSession(client, 54006, SERVER_DE, 21)
    control.next_seq = [control.isn[0] + 40, control.isn[1] + 180]
    data = TcpSession(client, 54007, SERVER_DE, data_port)
    h = SERVER_DE.replace(".", ",")
    cap.add(control.converse([
        (CLIENT, b"TYPE I\r\n"),
        (SERVER, b"200 Switching to Binary mode.\r\n"),
        (CLIENT, b"PASV\r\n"),
        (SERVER, f"227 Entering Passive Mode ({h},{data_port >> 8},{data_port & 0xFF}).\r\n".encode())]))
    cap.add(data.handshake())
    cap.add(control.converse([(CLIENT, b"STOR late.csv\r\n"), (SERVER, b"150 Ok to send data.\r\n")]))
    cap.add(data.send(CLIENT, f"pin;card\r\n{person.pin};{person.card}\r\n".encode()) + data.close(CLIENT))
    cap.add(control.converse([(SERVER, b"226 Transfer complete.\r\n"), (CLIENT, b"QUIT\r\n"),
                              (SERVER, b"221 Goodbye.\r\n")]) + control.close(SERVER))
    cap.pause()
    ftp_data = f"{client}:54007 -> {SERVER_DE}:{data_port} (FTP data, STOR late.csv)"
    cap.plant("kg_pin", person.pin, ftp_data)
    cap.plant("payment_card", person.card, ftp_data)
    cap.anomaly(f"{client}:54006 -> {SERVER_DE}:21: no handshake, greeting or login; the first "
                "line seen is the client's TYPE I")
    # 7. SMTP of which only the client's QUIT and the reply are seen.
    session = TcpSession(client, 54008, SERVER_GB, 25)
    session.next_seq = [session.isn[0] + 900, session.isn[1] + 300]
    cap.add(session.converse([(CLIENT, b"QUIT\r\n"),
                              (SERVER, b"221 mail.example.co.uk closing connection\r\n")])
            + session.close(SERVER))
    cap.pause()
    cap.anomaly(f"{client}:54008 -> {SERVER_GB}:25: picked up at the client's QUIT (no handshake)")
    # 8. SMTP: DATA refused before MAIL FROM, then a proper transaction.
    sender, recipient = people[7], people[8]
    message = "\r\n".join([
        f"From: {sender.email}", f"To: {recipient.email}", "Subject: record",
        "Date: Thu, 15 Jan 2026 10:00:05 +0000", "Message-ID: <20260115100005.2@example.com>",
        "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "",
        f"pin: {people[9].pin}", ""]).encode()
    session = TcpSession(client, 54009, SERVER_GB, 25)
    cap.add(session.handshake() + session.converse([
        (SERVER, b"220 mail.example.co.uk ESMTP ready\r\n"),
        (CLIENT, b"EHLO client.example.com\r\n"),
        (SERVER, b"250-mail.example.co.uk Hello\r\n250 8BITMIME\r\n"),
        (CLIENT, b"DATA\r\n"),
        (SERVER, b"503 5.5.1 Error: need MAIL command\r\n"),
        *smtp_mail_and_quit(sender.email, [recipient.email], message, "1vKorg-000002-AB")])
            + session.close(SERVER))
    smtp = f"{client}:54009 -> {SERVER_GB}:25"
    cap.plant("email", sender.email, f"{smtp} MAIL FROM and From:")
    cap.plant("email", recipient.email, f"{smtp} RCPT TO and To:")
    cap.plant("kg_pin", people[9].pin, f"{smtp} message body")
    cap.anomaly(f"{smtp}: the first DATA comes before MAIL FROM and is refused (503)")
    return cap


# --------------------------------------------------------------------------------------------
# Tunnels: the same HTTP upload inside every encapsulation korgoo decodes
# --------------------------------------------------------------------------------------------

IPPROTO_IPIP = 4
IPPROTO_IPV6_IN_IP = 41
IPPROTO_GRE = 47
ETHERTYPE_TEB = 0x6558
ETHERTYPE_ERSPAN2 = 0x88BE
ETHERTYPE_ERSPAN3 = 0x22EB
ETHERTYPE_PPP = 0x880B
ETHERTYPE_MPLS = 0x8847
ETHERTYPE_PPPOE_SESSION = 0x8864
ETHERTYPE_NSH = 0x894F
PPP_IPV4, PPP_IPV6 = 0x0021, 0x0057
UDP_VXLAN, UDP_GENEVE = 4789, 6081
TUNNEL_HOME = "192.168.250.1"     # the tunnel endpoint on the home network
TUNNEL_REMOTE = "198.51.100.77"   # TEST-NET-2: the far endpoint
TUNNEL_CLIENT_V4 = "192.168.60.10"
TUNNEL_CLIENT_V6 = "fd00:60::10"


def gre_header(proto: int, *, key: int | None = None, seq: int | None = None,
               checksum: bool = False, version: int = 0, ack: int | None = None) -> bytes:
    """A GRE header (RFC 2784/2890; version 1 is PPTP's enhanced GRE, RFC 2637)."""
    flags = version | (0x8000 if checksum else 0) | (0x2000 if key is not None else 0)
    flags |= (0x1000 if seq is not None else 0) | (0x0080 if ack is not None else 0)
    header = struct.pack("!HH", flags, proto)
    if checksum:
        header += bytes(4)  # checksum left 0: receivers here do not verify it
    for field_value in (key, seq, ack):
        if field_value is not None:
            header += struct.pack("!I", field_value)
    return header


def inner_ethernet(packet: bytes) -> bytes:
    """The inner frame of a bridging tunnel: the same Ethernet II framing as the plain capture."""
    return EthernetLink().frame(packet)


class TunnelLink:
    """Ethernet frames whose payload is the IP packet inside an encapsulation.

    `wrap(packet, outbound, counter)` returns (ethertype, bytes after the outer Ethernet
    header); `outbound` is True for packets from the home network, so that the outer addresses
    follow the inner direction. With `mtu`, an outer IPv4 packet longer than it is sent as IPv4
    fragments, as a tunnel endpoint without path-MTU discovery would.
    """

    linktype = LINKTYPE_ETHERNET

    def __init__(self, wrap, mtu: int | None = None) -> None:
        self.wrap = wrap
        self.mtu = mtu
        self.counter = 0

    def frames(self, packet: bytes) -> list[bytes]:
        """The frames carrying one inner IP packet."""
        src, _ = ip_addresses_of(packet)
        outbound = is_home_address(src)
        self.counter += 1
        ethertype, payload = self.wrap(packet, outbound, self.counter)
        payloads = [payload]
        if self.mtu and ethertype == ETHERTYPE_IPV4 and len(payload) > self.mtu:
            outer_src, outer_dst = ip_addresses_of(payload)
            header_len = (payload[0] & 0x0F) * 4
            payloads = fragment_ipv4(outer_src, outer_dst, payload[9], payload[header_len:],
                                     ident=struct.unpack("!H", payload[4:6])[0],
                                     fragment_size=(self.mtu - 20) // 8 * 8)
        macs = (mac_for(ipaddress.ip_address(TUNNEL_REMOTE)), mac_for(ipaddress.ip_address(TUNNEL_HOME)))
        if not outbound:
            macs = macs[::-1]
        return [macs[0] + macs[1] + struct.pack("!H", ethertype) + p for p in payloads]

    def frame(self, packet: bytes) -> bytes:
        """One frame (for links that never fragment)."""
        frames = self.frames(packet)
        assert len(frames) == 1
        return frames[0]


def outer_ipv4(proto: int, body: bytes, outbound: bool, counter: int) -> tuple[int, bytes]:
    """An outer IPv4 packet between the two tunnel endpoints."""
    home, remote = ipaddress.ip_address(TUNNEL_HOME), ipaddress.ip_address(TUNNEL_REMOTE)
    src, dst = (home, remote) if outbound else (remote, home)
    ident = (derived_u32("tunnel-ipid") + counter) & 0xFFFF
    return ETHERTYPE_IPV4, build_ipv4_packet(src, dst, proto, body, ident=ident)


def outer_udp(port: int, body: bytes, outbound: bool, counter: int) -> tuple[int, bytes]:
    """An outer UDP datagram to the tunnel port; the source port hashes the inner flow, as
    VXLAN and Geneve endpoints do (RFC 7348 section 5)."""
    home, remote = ipaddress.ip_address(TUNNEL_HOME), ipaddress.ip_address(TUNNEL_REMOTE)
    src, dst = (home, remote) if outbound else (remote, home)
    sport = 49152 + derived_u32(f"tunnel-sport-{port}") % 16384
    return outer_ipv4(IPPROTO_UDP, build_udp_datagram(src, dst, sport, port, body), outbound, counter)


def ip_version_of(packet: bytes) -> int:
    """4 or 6, from the version nibble."""
    return packet[0] >> 4


TUNNELS = {
    # name: (description, wrap, client address, mtu)
    "tunnel-gre": (
        "GRE v0 with checksum, key and sequence number; the outer IPv4 packets of the upload "
        "are fragmented (tunnel MTU 576)",
        lambda p, out, n: outer_ipv4(IPPROTO_GRE, gre_header(ETHERTYPE_IPV4, key=42, seq=n,
                                                             checksum=True) + p, out, n),
        TUNNEL_CLIENT_V4, 576),
    "tunnel-gre-pptp": (
        "PPTP: enhanced GRE (v1) carrying PPP with address/control and IPv4",
        lambda p, out, n: outer_ipv4(IPPROTO_GRE, gre_header(
            ETHERTYPE_PPP, version=1, key=(len(p) + 4) << 16 | 0x0101, seq=n)
            + b"\xff\x03" + struct.pack("!H", PPP_IPV4) + p, out, n),
        TUNNEL_CLIENT_V4, None),
    "tunnel-gre-teb": (
        "GRE transparent Ethernet bridging (0x6558) with a key",
        lambda p, out, n: outer_ipv4(IPPROTO_GRE, gre_header(ETHERTYPE_TEB, key=7) + inner_ethernet(p),
                                     out, n),
        TUNNEL_CLIENT_V4, None),
    "tunnel-erspan2": (
        "ERSPAN type II (GRE 0x88BE with sequence numbers), session 5, mirrored Ethernet frames",
        lambda p, out, n: outer_ipv4(IPPROTO_GRE, gre_header(ETHERTYPE_ERSPAN2, seq=n)
                                     + struct.pack("!HHI", 0x1000 | 10, 5, 0) + inner_ethernet(p), out, n),
        TUNNEL_CLIENT_V4, None),
    "tunnel-erspan3": (
        "ERSPAN type III (GRE 0x22EB) with the optional platform-specific subheader",
        lambda p, out, n: outer_ipv4(IPPROTO_GRE, gre_header(ETHERTYPE_ERSPAN3, seq=n)
                                     + struct.pack("!HHIHH", 0x2000 | 10, 5, n * 1000, 0, 0x0001)
                                     + bytes(8) + inner_ethernet(p), out, n),
        TUNNEL_CLIENT_V4, None),
    "tunnel-vxlan": (
        "VXLAN (UDP 4789), VNI 5001",
        lambda p, out, n: outer_udp(UDP_VXLAN, struct.pack("!II", 0x08000000, 5001 << 8)
                                    + inner_ethernet(p), out, n),
        TUNNEL_CLIENT_V4, None),
    "tunnel-geneve": (
        "Geneve (UDP 6081), VNI 5002, one 8-byte option, inner Ethernet",
        lambda p, out, n: outer_udp(UDP_GENEVE, struct.pack("!BBHI", 2, 0, ETHERTYPE_TEB, 5002 << 8)
                                    + struct.pack("!HBBI", 0x0102, 0x01, 1, 0xC0FFEE00) + inner_ethernet(p),
                                    out, n),
        TUNNEL_CLIENT_V4, None),
    "tunnel-ipip": (
        "IPv4 in IPv4 (protocol 4)",
        lambda p, out, n: outer_ipv4(IPPROTO_IPIP, p, out, n),
        TUNNEL_CLIENT_V4, None),
    "tunnel-6in4": (
        "IPv6 in IPv4 (protocol 41, as 6in4 / 6rd / ISATAP send it)",
        lambda p, out, n: outer_ipv4(IPPROTO_IPV6_IN_IP, p, out, n),
        TUNNEL_CLIENT_V6, None),
    "tunnel-mpls": (
        "MPLS label stack of two (transport 1000, service 2000), payload type guessed",
        lambda p, out, n: (ETHERTYPE_MPLS, struct.pack("!II", 1000 << 12 | 64, 2000 << 12 | 0x100 | 64) + p),
        TUNNEL_CLIENT_V4, None),
    "tunnel-pppoe": (
        "PPPoE session 0x1234 carrying PPP IPv4",
        lambda p, out, n: (ETHERTYPE_PPPOE_SESSION, struct.pack("!BBHHH", 0x11, 0, 0x1234, len(p) + 2, PPP_IPV4) + p),
        TUNNEL_CLIENT_V4, None),
    "tunnel-nsh": (
        "NSH MD type 1 (service path 10, index 255) carrying IPv4",
        lambda p, out, n: (ETHERTYPE_NSH, struct.pack("!BBBBI", 0x0F, 0xC6, 0x01, 0x01, 10 << 8 | 255)
                           + bytes(16) + p),
        TUNNEL_CLIENT_V4, None),
}


def tunnel_upload(cap: Capture, client: str) -> None:
    """One HTTP form upload with a PIN, a phone number and an e-mail address, the same bytes
    in the plain capture and in every tunnel."""
    person = synthetic_people()[0]
    host = "forms.example.com"
    form = (f"pin={person.pin}&phone=%2B{person.phone[1:]}&email={person.email.replace('@', '%40')}"
            + "&note=" + "+".join(BIG_WORDS[:40] * 3))  # long enough to need fragments at MTU 576
    request = http_request("POST", "/tunnel/register", host, body=form.encode(),
                           headers=[("Content-Type", "application/x-www-form-urlencoded")])
    server = SERVER_US_V6 if ":" in client else SERVER_US
    session = TcpSession(client, 52000, server, 80, mss=1200)
    cap.add(session.handshake() + session.send(CLIENT, request, cuts_inside(request, [person.pin]))
            + session.send(SERVER, http_response(b'{"status":"received"}')) + session.close(CLIENT))
    where = f"{client}:52000 -> {server}:80 form body"
    cap.plant("kg_pin", person.pin, where + " (split across segments)")
    cap.plant("phone", person.phone, where + ", '+' as %2B")
    cap.plant("email", person.email, where + ", '@' as %40")


def build_tunnel_plain(name: str = "tunnel-plain", client: str = TUNNEL_CLIENT_V4) -> Capture:
    """The tunnels' upload without any tunnel: the reference their EVE must equal."""
    cap = Capture(name, EthernetLink())
    tunnel_upload(cap, client)
    return cap


def build_tunnel(name: str) -> Capture:
    """The upload inside one encapsulation."""
    description, wrap, client, mtu = TUNNELS[name]
    cap = Capture(name, TunnelLink(wrap, mtu))
    tunnel_upload(cap, client)
    cap.anomaly(description)
    return cap


def build_all() -> list[Capture]:
    """Every bundled capture, in README order."""
    return [
        build_basic_http(),
        build_vlan_qinq(),
        build_ipv6_ext_headers(),
        build_ipv4_fragments(),
        build_ipv6_fragments(),
        build_tcp_out_of_order(),
        build_tcp_retransmit_conflict(),
        build_tcp_seq_wrap(),
        build_tcp_midstream(),
        build_truncated_packets(),
        build_link_type("linux-sll", LinuxSllLink(), "192.168.9.10", SERVER_US, 51100),
        build_link_type("linux-sll2", LinuxSll2Link(), "192.168.9.11", SERVER_US, 51101),
        build_link_type("null-loopback", NullLink(), "127.0.0.1", "127.0.0.1", 51102),
        build_link_type("raw-ip", RawIpLink(), "10.0.9.12", SERVER_US, 51103),
        build_tcp_gap(),
        build_pii_http_post(),
        build_pii_smtp(),
        build_pii_ftp(),
        build_pii_documents(),
        build_pii_dns_tls(),
        build_pii_crossborder(),
        build_negatives(),
        build_pii_all_types(),
        build_evasion_http(),
        build_evasion_tcp_app(),
        build_tunnel_plain(),
        build_tunnel_plain("tunnel-plain-v6", TUNNEL_CLIENT_V6),
        *[build_tunnel(name) for name in TUNNELS],
    ]


def check_planted(cap: Capture) -> None:
    """Assert that every planted identifier with a check digit really validates."""
    for item in cap.planted:
        kind, value = item["type"], item["value"]
        if kind == "kg_pin":
            assert value[0] in "12" and kg_pin_check_digit(value[:13]) == int(value[13]), item
        elif kind == "kz_iin":
            assert kz_iin_check_digit(value[:11]) == int(value[11]), item
        elif kind == "payment_card":
            assert luhn_valid(value), item
        elif kind == "iban":
            assert iban_valid(value), item


# --------------------------------------------------------------------------------------------
# Big synthetic capture for performance tests (streamed)
# --------------------------------------------------------------------------------------------

BIG_SERVERS = [(SERVER_US, "api.example.com"), (SERVER_DE, "crm.example.de"),
               (SERVER_RU, "upload.example.ru"), (SERVER_GB, "files.example.co.uk"),
               (SERVER_KG, "portal.example.kg")]
BIG_WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike "
             "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee "
             "zulu report invoice order status item price total city street").split()


def big_filler(rng: SplitMix64, size: int = 1 << 17) -> bytes:
    """A block of letters-only text (no digits, so no accidental identifiers)."""
    words = []
    length = 0
    while length < size:
        word = rng.choice(BIG_WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words).encode()[:size]


def big_session_packets(number: int, rng: SplitMix64, filler: bytes,
                        people: Sequence[Person]) -> Iterator[bytes]:
    """One HTTP POST session of the big capture; one in eight carries personal data."""
    client = f"10.{(number >> 16) & 0xFF}.{(number >> 8) & 0xFF}.{number & 0xFF or 1}"
    server, host = BIG_SERVERS[number % len(BIG_SERVERS)]
    session = TcpSession(client, 1024 + number % 60000, server, 80, mss=1448)
    size = 2048 + rng.below(60 * 1024)
    offset = rng.below(len(filler) - size)
    body = bytearray(filler[offset:offset + size])
    if number % 8 == 0:
        person = people[rng.below(len(people))]
        record = f" pin={person.pin} phone={person.phone} card={person.card} ".encode()
        position = rng.below(size - len(record))
        body[position:position + len(record)] = record
    request = http_request("POST", f"/big/{number}", host, body=bytes(body),
                           headers=[("Content-Type", "text/plain")])
    yield from session.handshake()
    pieces = split_payload(request, session.mss)
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        yield session.segment(CLIENT, piece, TCP_ACK | (TCP_PSH if last else 0))
        if index % 2 == 1 or last:
            yield session.ack(SERVER)   # delayed ACK: every second segment and the last
    yield from session.send(SERVER, http_response(b'{"ok":true}'))
    yield from session.close(CLIENT)


def write_interleaved(path: Path, target_bytes: int, open_session, rng: SplitMix64, *,
                      concurrent: int = 64, gap_us: tuple[int, int] = (5, 40)) -> tuple[int, int, int]:
    """Stream sessions `open_session(number)` (iterators of IP packets) to `path` (Ethernet),
    `concurrent` open at once, the next packet from one chosen by `rng`, until about
    `target_bytes` are written and the open sessions end. Returns (bytes, packets, sessions)."""
    link = EthernetLink()
    clock = START_TIME_US
    active: list[Iterator[bytes]] = []
    started = packets = 0
    with open(path, "wb") as out:
        writer = PcapWriter(out, LINKTYPE_ETHERNET)
        while active or writer.bytes_written < target_bytes:
            while writer.bytes_written < target_bytes and len(active) < concurrent:
                active.append(open_session(started))
                started += 1
            index = rng.below(len(active))
            packet = next(active[index], None)
            if packet is None:
                active.pop(index)
                continue
            writer.write_record(clock, link.frame(packet))
            packets += 1
            clock += gap_us[0] + rng.below(gap_us[1])
    return writer.bytes_written, packets, started


def write_big_capture(path: Path, megabytes: int, concurrent: int = 64) -> None:
    """Stream about `megabytes` MiB of interleaved HTTP sessions to `path` (Ethernet)."""
    rng = SplitMix64(0x6B6F72676F6F)
    filler = big_filler(rng)
    people = synthetic_people()
    written, _, started = write_interleaved(
        path, megabytes * 1024 * 1024, lambda number: big_session_packets(number, rng, filler, people),
        rng, concurrent=concurrent)
    print(f"wrote {path}: {written} bytes, {started} sessions")


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def write_bundled(out_dir: Path, only: Sequence[str]) -> None:
    """Write the bundled captures and manifest.json (planted values and anomalies)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = {"generator": "pcaps/generate.py", "start_time": "2026-01-15T10:00:00Z",
                "note": "all personal data below is synthetic", "captures": {}}
    for cap in build_all():
        check_planted(cap)
        manifest["captures"][cap.name] = {"file": f"{cap.name}.pcap", "linktype": cap.link.linktype,
                                          "packets": len(cap.records), "planted": cap.planted,
                                          "anomalies": cap.anomalies}
        if only and cap.name not in only:
            continue
        cap.save(out_dir / f"{cap.name}.pcap")
        print(f"{cap.name}.pcap: {len(cap.records)} packets")
    if not only:
        with open(out_dir / "manifest.json", "w", encoding="utf-8") as out:
            json.dump(manifest, out, ensure_ascii=False, indent=1)
            out.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and write the captures."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out-dir", type=Path, default=PCAP_DIR, help="where to write (default: pcaps/)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="write only this capture")
    parser.add_argument("--big", nargs=2, metavar=("N_MB", "OUT"),
                        help="write an N_MB MiB synthetic capture to OUT instead")
    args = parser.parse_args(argv)
    if args.big:
        write_big_capture(Path(args.big[1]), int(args.big[0]))
    else:
        write_bundled(args.out_dir, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())

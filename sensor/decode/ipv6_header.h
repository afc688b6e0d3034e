// IPv6 header and extension-header walk (RFC 8200), and the header fix-up of a reassembled
// datagram.
#pragma once

#include <cstdint>
#include <span>

#include "common/bytes.h"
#include "common/ip_address.h"
#include "decode/decode_error.h"

namespace korgoo::decode {

// A non-atomic Fragment header: the walk stops at it, because what follows belongs to the
// fragmentable part and only makes sense after reassembly.
struct Ipv6Fragment {
  bool present = false;
  std::uint32_t id = 0;
  std::uint32_t offset = 0;  // in bytes
  bool more = false;
  std::uint8_t next_header = 0;     // protocol of the fragmentable part
  std::size_t unfragmentable = 0;   // bytes before the Fragment header (base + extensions)
  std::size_t next_header_pos = 0;  // byte within those naming the Fragment header (44)
};

struct Ipv6Header {
  IpAddress src;
  IpAddress dst;
  // The upper-layer protocol; or 50 (ESP) / 59 (no next header) where the walk stops, since
  // nothing after them is readable; or, for a fragment, the Fragment header's next header.
  std::uint8_t proto = 0;
  ByteView packet;   // base header through the end of the payload length; link padding dropped
  ByteView payload;  // upper-layer bytes; for a fragment, the bytes after the Fragment header
  Ipv6Fragment frag;
};

// kNone and `h` filled, or the reason the bytes are not a usable IPv6 packet. Atomic fragments
// (offset 0, M clear; RFC 6946) are walked through as if the Fragment header were absent.
DecodeError parse_ipv6(ByteView l3, Ipv6Header& h);

// Turns `datagram` (first fragment's unfragmentable part followed by the reassembled
// fragmentable part) into an unfragmented packet: payload length set and the header that named
// the Fragment header now naming `next_header`. The caller has checked the length fits.
void finish_reassembled_ipv6(std::span<std::uint8_t> datagram, std::size_t next_header_pos,
                             std::uint8_t next_header);

}  // namespace korgoo::decode

// IPv4 header parsing (RFC 791) and the header fix-up of a reassembled datagram.
#pragma once

#include <cstdint>
#include <span>

#include "common/bytes.h"
#include "common/ip_address.h"
#include "decode/decode_error.h"

namespace korgoo::decode {

struct Ipv4Header {
  IpAddress src;
  IpAddress dst;
  std::uint8_t proto = 0;
  std::uint16_t id = 0;
  std::uint32_t frag_offset = 0;  // in bytes
  bool more_fragments = false;
  ByteView header;   // the header with its options (IHL * 4 bytes)
  ByteView payload;  // up to the total length; Ethernet padding after it is dropped

  bool is_fragment() const { return more_fragments || frag_offset != 0; }
  // header + payload: the datagram as sent, without link padding
  std::size_t total_length() const { return header.size() + payload.size(); }
};

// kNone and `h` filled, or the reason the bytes are not a usable IPv4 packet. A total length
// beyond the captured bytes (snaplen) is kIpv4Truncated.
DecodeError parse_ipv4(ByteView l3, Ipv4Header& h);

// Turns `datagram` (first fragment's header followed by the reassembled payload) into an
// unfragmented packet: total length set, MF and fragment offset cleared.
void finish_reassembled_ipv4(std::span<std::uint8_t> datagram);

}  // namespace korgoo::decode

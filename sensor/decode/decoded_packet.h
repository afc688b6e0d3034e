// The decode stage's output: a bounds-checked view of one packet's L3/L4 headers and payload.
// Views point into the source's buffer or, for a reassembled fragment, into the decoder's own
// buffer; either way they are valid until the next call to Decoder::decode().
#pragma once

#include <cstdint>

#include "common/bytes.h"
#include "common/ip_address.h"
#include "common/timestamp.h"

namespace korgoo::decode {

enum class L4Proto : std::uint8_t { kOther = 0, kTcp = 6, kUdp = 17 };

namespace tcp_flags {
inline constexpr std::uint8_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10,
                              kUrg = 0x20, kEce = 0x40, kCwr = 0x80;
}

// The outermost IP header (and UDP ports) of a tunnel: the endpoints' own flow, which is
// tracked for accounting but carries no payload of its own (its payload is the inner packet).
struct TunnelCarrier {
  bool present = false;
  IpAddress src;
  IpAddress dst;
  std::uint8_t ip_proto = 0;
  L4Proto l4 = L4Proto::kOther;
  std::uint16_t src_port = 0;
  std::uint16_t dst_port = 0;
  std::uint32_t ip_len = 0;
};

struct DecodedPacket {
  Timestamp ts;
  std::uint64_t number = 0;  // the source's packet number
  IpAddress src;
  IpAddress dst;
  std::uint8_t ip_proto = 0;  // the L4 protocol number from the (last) IP header
  L4Proto l4 = L4Proto::kOther;
  std::uint16_t src_port = 0;
  std::uint16_t dst_port = 0;
  std::uint16_t vlan[2] = {0, 0};  // outer, inner (QinQ); 0 = none
  bool reassembled = false;        // built from IP fragments
  // Encapsulation headers followed to reach this packet (0 = not tunnelled). Addresses, ports
  // and payload are the innermost packet's: flows are keyed on it, as Suricata does.
  std::uint8_t layers = 0;
  TunnelCarrier carrier;  // present when an IP tunnel (GRE, UDP overlay, IP-in-IP) was followed

  // TCP only.
  std::uint32_t seq = 0;
  std::uint32_t ack = 0;
  std::uint8_t flags = 0;
  std::uint16_t window = 0;
  std::uint16_t urgent_pointer = 0;  // meaningful with the URG flag
  std::uint8_t wscale = 0;           // window-scale option value, when present on SYN
  bool has_wscale = false;
  std::uint16_t mss = 0;
  bool has_ts = false;  // timestamp option (RFC 7323)
  std::uint32_t tsval = 0;
  std::uint32_t tsecr = 0;
  bool signed_segment = false;  // carries a TCP MD5 (RFC 2385) or TCP-AO (RFC 5925) option

  ByteView payload;          // L4 payload (TCP/UDP); for other protocols, the IP payload
  std::uint32_t ip_len = 0;  // bytes from the start of the IP header to the end of payload
};

}  // namespace korgoo::decode

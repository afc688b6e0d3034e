// One TCP segment as reassembly sees it: the decode stage's view reduced to what matters for
// ordering bytes. The stream library does not depend on decode, so the flag bits are restated
// here (same values as the TCP header, RFC 9293).
#pragma once

#include <cstdint>

#include "common/bytes.h"
#include "common/timestamp.h"

namespace korgoo::stream {

namespace tcp_flag {
inline constexpr std::uint8_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10,
                              kUrg = 0x20;
}

struct Segment {
  std::uint32_t seq = 0;
  std::uint32_t ack = 0;
  std::uint8_t flags = 0;
  ByteView payload;  // must stay valid for the duration of on_segment only
  Timestamp ts;
  // The TCP timestamp option (RFC 7323), when present: judged in the handshake (PAWS).
  bool has_ts = false;
  std::uint32_t tsval = 0;
  std::uint32_t tsecr = 0;
  // Carries a TCP MD5 or TCP-AO signature, which only the endpoints can check.
  bool signed_segment = false;
  // With kUrg: the urgent pointer, an offset from `seq` (RFC 9293 3.8.5).
  std::uint16_t urgent_pointer = 0;

  bool has(std::uint8_t flag) const { return (flags & flag) != 0; }
};

}  // namespace korgoo::stream

// The result of parsing one encapsulation header: what follows it and where. Parsers are pure
// (bytes in, step out); the Decoder follows the steps and enforces the depth limit.
#pragma once

#include <cstdint>

#include "common/bytes.h"
#include "decode/decode_error.h"
#include "decode/undecoded_reason.h"

namespace korgoo::decode {

enum class Inner : std::uint8_t {
  kEthernet,   // an Ethernet frame (VXLAN, Geneve, ERSPAN, GRE transparent bridging)
  kEthertype,  // bytes of the protocol named by `ethertype` (GRE, Geneve protocol types)
  kIpv4,
  kIpv6,
  kPpp,        // a PPP frame from its protocol field (PPPoE, GRE v1)
  kMpls,       // an MPLS label stack
  kNsh,        // a Network Service Header
  kUndecoded,  // well formed, but carrying something we do not follow; see `undecoded`
  kError,      // malformed; see `error`
};

struct EncapStep {
  Inner next = Inner::kError;
  ByteView bytes;
  std::uint16_t ethertype = 0;             // when next == kEthertype
  Undecoded undecoded = Undecoded::kNone;  // when next == kUndecoded; for kEthertype, the
                                           // reason to count if the ethertype is unknown
  DecodeError error = DecodeError::kNone;  // when next == kError

  static EncapStep to(Inner next, ByteView bytes) { return {next, bytes, 0, Undecoded::kNone, {}}; }
  static EncapStep to_ethertype(std::uint16_t type, ByteView bytes, Undecoded if_unknown) {
    return {Inner::kEthertype, bytes, type, if_unknown, DecodeError::kNone};
  }
  static EncapStep skip(Undecoded why) { return {Inner::kUndecoded, {}, 0, why, {}}; }
  static EncapStep fail(DecodeError e) { return {Inner::kError, {}, 0, Undecoded::kNone, e}; }
};

}  // namespace korgoo::decode

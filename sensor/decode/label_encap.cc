// MPLS, PPPoE/PPP and NSH: encapsulations named by an ethertype or a tunnel's next protocol.
#include "decode/tunnels.h"

namespace korgoo::decode {

namespace {

constexpr std::size_t kMplsEntry = 4;
constexpr std::uint32_t kMplsLabelIpv4Null = 0;
constexpr std::uint32_t kMplsLabelIpv6Null = 2;
constexpr std::size_t kPwControlWord = 4;

constexpr std::size_t kPppoeHeader = 6;
constexpr std::uint8_t kPppoeVerType = 0x11;
constexpr std::uint8_t kPppoeCodeSession = 0x00;
constexpr std::uint16_t kPppIpv4 = 0x0021;
constexpr std::uint16_t kPppIpv6 = 0x0057;

constexpr std::size_t kNshBase = 8;  // base header + service path header
constexpr std::uint8_t kNshMdType1 = 1;
constexpr std::uint8_t kNshMdType2 = 2;
constexpr std::size_t kNshMd1Words = 6;
// The next-protocol registry NSH and VXLAN-GPE share.
enum : std::uint8_t {
  kNextIpv4 = 1,
  kNextIpv6 = 2,
  kNextEthernet = 3,
  kNextNsh = 4,
  kNextMpls = 5
};

}  // namespace

EncapStep parse_mpls(ByteView b) {
  for (int n = 0; n < kMaxMplsLabels; ++n) {
    if (b.size() < kMplsEntry) return EncapStep::fail(DecodeError::kMplsTruncated);
    const std::uint32_t entry = load_be32(b.data());
    b = b.subspan(kMplsEntry);
    if (!(entry & 0x100)) continue;  // not the bottom of the stack
    const std::uint32_t label = entry >> 12;
    if (label == kMplsLabelIpv4Null) return EncapStep::to(Inner::kIpv4, b);
    if (label == kMplsLabelIpv6Null) return EncapStep::to(Inner::kIpv6, b);
    if (b.empty()) return EncapStep::fail(DecodeError::kMplsTruncated);
    switch (b[0] >> 4) {
      case 4:
        return EncapStep::to(Inner::kIpv4, b);
      case 6:
        return EncapStep::to(Inner::kIpv6, b);
      case 0:
        if (b.size() < kPwControlWord) return EncapStep::fail(DecodeError::kMplsTruncated);
        return EncapStep::to(Inner::kEthernet, b.subspan(kPwControlWord));
      default:
        return EncapStep::skip(Undecoded::kMplsUnknownPayload);
    }
  }
  return EncapStep::fail(DecodeError::kMplsTooManyLabels);
}

EncapStep parse_pppoe_session(ByteView b) {
  if (b.size() < kPppoeHeader) return EncapStep::fail(DecodeError::kPppoeTruncated);
  if (b[0] != kPppoeVerType || b[1] != kPppoeCodeSession)
    return EncapStep::fail(DecodeError::kPppoeBadHeader);
  const std::size_t len = load_be16(b.data() + 4);
  if (len > b.size() - kPppoeHeader) return EncapStep::fail(DecodeError::kPppoeTruncated);
  // The length drops Ethernet padding after the PPP frame.
  return EncapStep::to(Inner::kPpp, b.subspan(kPppoeHeader, len));
}

EncapStep parse_ppp(ByteView b) {
  if (b.size() >= 2 && b[0] == 0xff && b[1] == 0x03) b = b.subspan(2);  // address, control
  if (b.empty()) return EncapStep::fail(DecodeError::kPppTruncated);
  std::uint16_t proto = b[0];
  // An odd first byte is a compressed one-byte protocol field (RFC 1661 section 6.5).
  if (proto & 1) {
    b = b.subspan(1);
  } else {
    if (b.size() < 2) return EncapStep::fail(DecodeError::kPppTruncated);
    proto = load_be16(b.data());
    b = b.subspan(2);
  }
  if (proto == kPppIpv4) return EncapStep::to(Inner::kIpv4, b);
  if (proto == kPppIpv6) return EncapStep::to(Inner::kIpv6, b);
  return EncapStep::skip(Undecoded::kPppUnknownProto);
}

EncapStep parse_nsh(ByteView b) {
  if (b.size() < kNshBase) return EncapStep::fail(DecodeError::kNshTruncated);
  if ((b[0] >> 6) != 0) return EncapStep::fail(DecodeError::kNshBadVersion);
  // Ver(2) O U TTL(6) Length(6): the length, in 4-byte words, is the low 6 bits of byte 1.
  const std::size_t words = b[1] & 0x3fu;
  const std::uint8_t md_type = b[2] & 0x0f;
  const std::size_t len = words * 4;
  // An unknown MD type has no defined layout, so it counts as a bad length too.
  if (len < kNshBase || (md_type == kNshMdType1 && words != kNshMd1Words) ||
      (md_type != kNshMdType1 && md_type != kNshMdType2))
    return EncapStep::fail(DecodeError::kNshBadLength);
  if (b.size() < len) return EncapStep::fail(DecodeError::kNshTruncated);
  return next_protocol_step(b[3], b.subspan(len), Undecoded::kNshUnknownProto);
}

EncapStep next_protocol_step(std::uint8_t next_protocol, ByteView rest, Undecoded if_unknown) {
  switch (next_protocol) {
    case kNextIpv4:
      return EncapStep::to(Inner::kIpv4, rest);
    case kNextIpv6:
      return EncapStep::to(Inner::kIpv6, rest);
    case kNextEthernet:
      return EncapStep::to(Inner::kEthernet, rest);
    case kNextNsh:
      return EncapStep::to(Inner::kNsh, rest);
    case kNextMpls:
      return EncapStep::to(Inner::kMpls, rest);
    default:
      return EncapStep::skip(if_unknown);
  }
}

}  // namespace korgoo::decode

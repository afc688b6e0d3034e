// GRE and ERSPAN: the encapsulations of routers and of remote port mirroring.
#include "decode/tunnels.h"

namespace korgoo::decode {

namespace {

constexpr std::size_t kGreBase = 4;
constexpr std::uint16_t kFlagChecksum = 0x8000;
constexpr std::uint16_t kFlagRouting = 0x4000;
constexpr std::uint16_t kFlagKey = 0x2000;
constexpr std::uint16_t kFlagSeq = 0x1000;
constexpr std::uint16_t kFlagAck = 0x0080;  // version 1 only
constexpr std::uint16_t kVersionMask = 0x0007;
// Strict source route and recursion control (RFC 1701) and the rest of the reserved bits of
// version 0; RFC 2784 says a receiver discards a packet with any of them set, as Linux does.
constexpr std::uint16_t kV0Reserved = 0x0fff & ~kVersionMask;
constexpr std::uint16_t kV1Reserved = 0x0f78;

constexpr std::size_t kErspan2Len = 8;
constexpr std::size_t kErspan3Len = 12;
constexpr std::size_t kErspan3PlatformLen = 8;

}  // namespace

EncapStep parse_gre(ByteView gre) {
  if (gre.size() < kGreBase) return EncapStep::fail(DecodeError::kGreTruncated);
  const std::uint16_t flags = load_be16(gre.data());
  const std::uint16_t proto = load_be16(gre.data() + 2);
  const std::uint16_t version = flags & kVersionMask;
  std::size_t len = kGreBase;
  if (version == 0) {
    // Routing (RFC 1701 source routes) is deprecated and Linux drops it: so do we.
    if ((flags & kFlagRouting) || (flags & kV0Reserved))
      return EncapStep::fail(DecodeError::kGreBadFlags);
    if (flags & kFlagChecksum) len += 4;  // checksum + reserved
    if (flags & kFlagKey) len += 4;
    if (flags & kFlagSeq) len += 4;
  } else if (version == 1) {
    // Enhanced GRE (PPTP): the key carries payload length and call id and must be present;
    // no checksum or routing, and only PPP is carried.
    if (!(flags & kFlagKey) || (flags & (kFlagChecksum | kFlagRouting)) || (flags & kV1Reserved) ||
        proto != ethertype::kPpp)
      return EncapStep::fail(DecodeError::kGreBadFlags);
    len += 4;
    if (flags & kFlagSeq) len += 4;
    if (flags & kFlagAck) len += 4;
  } else {
    return EncapStep::fail(DecodeError::kGreBadVersion);
  }
  if (gre.size() < len) return EncapStep::fail(DecodeError::kGreTruncated);
  const ByteView payload = gre.subspan(len);
  // ERSPAN type I has no header of its own and no GRE sequence number; type II always has one.
  if (proto == ethertype::kErspan2 && !(flags & kFlagSeq))
    return EncapStep::to(Inner::kEthernet, payload);
  return EncapStep::to_ethertype(proto, payload, Undecoded::kGreUnknownProto);
}

EncapStep parse_erspan2(ByteView b) {
  if (b.size() < kErspan2Len) return EncapStep::fail(DecodeError::kErspanTruncated);
  if ((b[0] >> 4) != 1) return EncapStep::fail(DecodeError::kErspanBadVersion);
  return EncapStep::to(Inner::kEthernet, b.subspan(kErspan2Len));
}

EncapStep parse_erspan3(ByteView b) {
  if (b.size() < kErspan3Len) return EncapStep::fail(DecodeError::kErspanTruncated);
  if ((b[0] >> 4) != 2) return EncapStep::fail(DecodeError::kErspanBadVersion);
  const std::uint16_t tail = load_be16(b.data() + 10);
  const bool platform = (tail & 0x0001) != 0;       // O: an 8-byte platform-specific subheader
  const unsigned frame_type = (tail >> 10) & 0x1f;  // 0 Ethernet, 2 IP packet
  std::size_t len = kErspan3Len + (platform ? kErspan3PlatformLen : 0);
  if (b.size() < len) return EncapStep::fail(DecodeError::kErspanTruncated);
  if (frame_type != 0) return EncapStep::skip(Undecoded::kErspanNotEthernet);
  return EncapStep::to(Inner::kEthernet, b.subspan(len));
}

}  // namespace korgoo::decode

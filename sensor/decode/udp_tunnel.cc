// VXLAN, VXLAN-GPE and Geneve: overlays carried in UDP on configured ports.
#include "decode/tunnels.h"

namespace korgoo::decode {

namespace {

constexpr std::size_t kVxlanLen = 8;
constexpr std::uint8_t kVxlanFlagVni = 0x08;  // I: the VNI is valid (RFC 7348)
constexpr std::uint8_t kGpeFlagNext = 0x04;   // P: the next protocol field is present
constexpr std::size_t kGeneveBase = 8;

}  // namespace

EncapStep parse_vxlan(ByteView b) {
  if (b.size() < kVxlanLen) return EncapStep::fail(DecodeError::kVxlanTruncated);
  // Reserved fields are ignored, as RFC 7348 asks of receivers; only the I flag is required.
  if (!(b[0] & kVxlanFlagVni)) return EncapStep::fail(DecodeError::kVxlanBadFlags);
  return EncapStep::to(Inner::kEthernet, b.subspan(kVxlanLen));
}

EncapStep parse_vxlan_gpe(ByteView b) {
  if (b.size() < kVxlanLen) return EncapStep::fail(DecodeError::kVxlanTruncated);
  const ByteView rest = b.subspan(kVxlanLen);
  if (!(b[0] & kGpeFlagNext)) return EncapStep::to(Inner::kEthernet, rest);
  return next_protocol_step(b[3], rest, Undecoded::kVxlanGpeUnknownProto);
}

EncapStep parse_geneve(ByteView b) {
  if (b.size() < kGeneveBase) return EncapStep::fail(DecodeError::kGeneveTruncated);
  if ((b[0] >> 6) != 0) return EncapStep::fail(DecodeError::kGeneveBadVersion);
  const std::size_t len = kGeneveBase + std::size_t{b[0] & 0x3fu} * 4;
  if (b.size() < len) return EncapStep::fail(DecodeError::kGeneveTruncated);
  return EncapStep::to_ethertype(load_be16(b.data() + 2), b.subspan(len),
                                 Undecoded::kUnknownEthertype);
}

}  // namespace korgoo::decode

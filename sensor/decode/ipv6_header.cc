#include "decode/ipv6_header.h"

namespace korgoo::decode {

namespace {

constexpr std::size_t kBaseHeader = 40;
constexpr std::size_t kFragmentHeader = 8;
// Real packets carry a handful; the limit keeps a crafted chain of 8-byte headers from making
// each packet cost thousands of steps.
constexpr int kMaxExtensionHeaders = 32;

enum : std::uint8_t {
  kHopByHop = 0,
  kRouting = 43,
  kFragment = 44,
  kEsp = 50,
  kAh = 51,
  kNoNext = 59,
  kDestOpts = 60,
  kMobility = 135,
  kHip = 139,
  kShim6 = 140,
};

// Extensions laid out as next header(1), length in 8-octet units not counting the first(1).
bool is_tlv_extension(std::uint8_t nh) {
  return nh == kHopByHop || nh == kRouting || nh == kDestOpts || nh == kMobility || nh == kHip ||
         nh == kShim6;
}

}  // namespace

DecodeError parse_ipv6(ByteView l3, Ipv6Header& h) {
  if (l3.size() < kBaseHeader) return DecodeError::kIpv6Truncated;
  const std::uint8_t* p = l3.data();
  if ((p[0] >> 4) != 6) return DecodeError::kIpv6BadVersion;
  const std::size_t total = kBaseHeader + load_be16(p + 4);
  if (total > l3.size()) return DecodeError::kIpv6Truncated;
  h.src = IpAddress::v6(p + 8);
  h.dst = IpAddress::v6(p + 24);
  h.packet = l3.first(total);
  h.frag = Ipv6Fragment{};

  const ByteView pkt = h.packet;
  std::uint8_t nh = p[6];
  std::size_t nh_pos = 6;  // where `nh` was read: patched when a Fragment header is removed
  std::size_t off = kBaseHeader;
  for (int n = 0;; ++n) {
    if (n == kMaxExtensionHeaders) return DecodeError::kIpv6TooManyExt;
    std::size_t len = 0;
    if (is_tlv_extension(nh)) {
      // RFC 8200 4.1: Hop-by-Hop only directly after the base header; Linux drops it elsewhere.
      if (nh == kHopByHop && off != kBaseHeader) return DecodeError::kIpv6HbhNotFirst;
      if (pkt.size() - off < 2) return DecodeError::kIpv6ExtTruncated;
      len = (std::size_t{pkt[off + 1]} + 1) * 8;
    } else if (nh == kAh) {
      if (pkt.size() - off < 2) return DecodeError::kIpv6ExtTruncated;
      len = (std::size_t{pkt[off + 1]} + 2) * 4;  // RFC 4302: in 4-octet units, minus 2
    } else if (nh == kFragment) {
      if (pkt.size() - off < kFragmentHeader) return DecodeError::kIpv6ExtTruncated;
      const std::uint16_t offlg = load_be16(pkt.data() + off + 2);
      const std::uint32_t frag_offset = std::uint32_t{offlg & 0xfff8u};  // 13 bits * 8
      const bool more = (offlg & 1) != 0;
      if (frag_offset != 0 || more) {
        h.frag = Ipv6Fragment{
            true, load_be32(pkt.data() + off + 4), frag_offset, more, pkt[off], off, nh_pos};
        h.proto = pkt[off];
        h.payload = pkt.subspan(off + kFragmentHeader);
        return DecodeError::kNone;
      }
      len = kFragmentHeader;  // atomic fragment: carry on walking
    } else {
      // Upper layer, or ESP / no next header where there is nothing more to walk.
      h.proto = nh;
      h.payload = pkt.subspan(off);
      return DecodeError::kNone;
    }
    if (len > pkt.size() - off) return DecodeError::kIpv6ExtTruncated;
    nh_pos = off;
    nh = pkt[off];
    off += len;
  }
}

void finish_reassembled_ipv6(std::span<std::uint8_t> datagram, std::size_t next_header_pos,
                             std::uint8_t next_header) {
  const auto plen = static_cast<std::uint16_t>(datagram.size() - kBaseHeader);
  datagram[4] = static_cast<std::uint8_t>(plen >> 8);
  datagram[5] = static_cast<std::uint8_t>(plen);
  datagram[next_header_pos] = next_header;
}

}  // namespace korgoo::decode

#include "decode/link_layer.h"

namespace korgoo::decode {

namespace {

constexpr std::uint16_t kEtherIpv4 = 0x0800;
constexpr std::uint16_t kEtherIpv6 = 0x86dd;
constexpr std::uint16_t kEtherVlan = 0x8100;     // 802.1Q
constexpr std::uint16_t kEtherQinQ = 0x88a8;     // 802.1ad service tag
constexpr std::uint16_t kEtherQinQOld = 0x9100;  // pre-standard QinQ, still seen in the wild
// Below this an Ethernet "type" field is an 802.3 length.
constexpr std::uint16_t kEtherTypeMin = 0x0600;

constexpr std::size_t kEthernetLen = 14;
constexpr std::size_t kVlanTagLen = 4;
constexpr std::size_t kSllLen = 16;
constexpr std::size_t kSll2Len = 20;
constexpr std::size_t kNullLen = 4;
constexpr std::size_t kChdlcLen = 4;
constexpr int kMaxVlanTags = 2;

// BSD AF_INET is 2 everywhere; AF_INET6 differs by OS (24 NetBSD/OpenBSD, 28 FreeBSD,
// 30 macOS), and the capturing machine's byte order is unknown, so both orders are tried.
constexpr std::uint32_t kBsdAfInet = 2;
constexpr bool is_bsd_af_inet6(std::uint32_t v) {
  return v == 24 || v == 28 || v == 30;
}

LinkResult error(DecodeError e) {
  return LinkResult{NetworkLayer::kError, e, {}};
}

bool is_vlan_type(std::uint16_t type) {
  return type == kEtherVlan || type == kEtherQinQ || type == kEtherQinQOld;
}

// Follows an ethertype through up to two VLAN tags to IPv4/IPv6.
LinkResult from_ethertype(std::uint16_t type, ByteView rest, std::uint16_t (&vlan)[2]) {
  for (int tags = 0; is_vlan_type(type); ++tags) {
    if (tags == kMaxVlanTags) return error(DecodeError::kVlanTooManyLayers);
    if (rest.size() < kVlanTagLen) return error(DecodeError::kVlanTruncated);
    vlan[tags] = load_be16(rest.data()) & 0x0fff;
    type = load_be16(rest.data() + 2);
    rest = rest.subspan(kVlanTagLen);
  }
  if (type == kEtherIpv4) return LinkResult{NetworkLayer::kIpv4, DecodeError::kNone, rest};
  if (type == kEtherIpv6) return LinkResult{NetworkLayer::kIpv6, DecodeError::kNone, rest};
  if (type < kEtherTypeMin) return LinkResult{NetworkLayer::kIgnored, DecodeError::kNone, {}};
  return LinkResult{NetworkLayer::kEthertype, DecodeError::kNone, rest, type};
}

LinkResult from_version_nibble(ByteView l3) {
  if (l3.empty()) return error(DecodeError::kRawTruncated);
  switch (l3[0] >> 4) {
    case 4:
      return LinkResult{NetworkLayer::kIpv4, DecodeError::kNone, l3};
    case 6:
      return LinkResult{NetworkLayer::kIpv6, DecodeError::kNone, l3};
    default:
      return error(DecodeError::kRawBadVersion);
  }
}

LinkResult from_bsd_family(ByteView frame) {
  if (frame.size() < kNullLen) return error(DecodeError::kNullTruncated);
  const std::uint32_t be = load_be32(frame.data());
  const std::uint32_t le = (be >> 24) | ((be >> 8) & 0xff00) | ((be << 8) & 0xff0000) | (be << 24);
  const ByteView l3 = frame.subspan(kNullLen);
  if (be == kBsdAfInet || le == kBsdAfInet)
    return LinkResult{NetworkLayer::kIpv4, DecodeError::kNone, l3};
  if (is_bsd_af_inet6(be) || is_bsd_af_inet6(le))
    return LinkResult{NetworkLayer::kIpv6, DecodeError::kNone, l3};
  return LinkResult{NetworkLayer::kNotIp, DecodeError::kNone, {}};
}

}  // namespace

LinkResult decode_link(source::LinkType link, ByteView frame, std::uint16_t (&vlan)[2]) {
  using source::LinkType;
  switch (link) {
    case LinkType::kEthernet:
      if (frame.size() < kEthernetLen) return error(DecodeError::kEthTruncated);
      return from_ethertype(load_be16(frame.data() + 12), frame.subspan(kEthernetLen), vlan);
    case LinkType::kLinuxSll:
      // packet type(2) ARPHRD(2) address length(2) address(8) protocol(2)
      if (frame.size() < kSllLen) return error(DecodeError::kSllTruncated);
      return from_ethertype(load_be16(frame.data() + 14), frame.subspan(kSllLen), vlan);
    case LinkType::kLinuxSll2:
      // protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) address length(1) address(8)
      if (frame.size() < kSll2Len) return error(DecodeError::kSll2Truncated);
      return from_ethertype(load_be16(frame.data()), frame.subspan(kSll2Len), vlan);
    case LinkType::kCiscoHdlc:
      // address(1) control(1) protocol(2); the protocol field is an ethertype
      if (frame.size() < kChdlcLen) return error(DecodeError::kChdlcTruncated);
      return from_ethertype(load_be16(frame.data() + 2), frame.subspan(kChdlcLen), vlan);
    case LinkType::kNull:
      return from_bsd_family(frame);
    case LinkType::kRaw:
      return from_version_nibble(frame);
    case LinkType::kIpv4:
      return LinkResult{NetworkLayer::kIpv4, DecodeError::kNone, frame};
    case LinkType::kIpv6:
      return LinkResult{NetworkLayer::kIpv6, DecodeError::kNone, frame};
  }
  return error(DecodeError::kUnknownLinktype);
}

}  // namespace korgoo::decode

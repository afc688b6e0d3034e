// Strips the link-layer header of a captured frame and says what network layer follows.
#pragma once

#include <cstdint>

#include "common/bytes.h"
#include "decode/decode_error.h"
#include "source/packet.h"

namespace korgoo::decode {

enum class NetworkLayer : std::uint8_t {
  kIpv4,
  kIpv6,
  kEthertype,  // another ethertype (ARP, MPLS, PPPoE, ...): the decoder dispatches on it
  kNotIp,      // a BSD loopback header of another address family
  kIgnored,    // an 802.3 length-framed frame (LLC/SNAP: STP, CDP, ...): no ethertype at all
  kError,      // see `error`
};

struct LinkResult {
  NetworkLayer next = NetworkLayer::kError;
  DecodeError error = DecodeError::kNone;
  ByteView l3;                  // the network-layer bytes, when next is kIpv4, kIpv6 or kEthertype
  std::uint16_t ethertype = 0;  // when next is kEthertype
};

// `vlan` receives the outer and inner 802.1Q/802.1ad VLAN ids (0 = no tag).
LinkResult decode_link(source::LinkType link, ByteView frame, std::uint16_t (&vlan)[2]);

}  // namespace korgoo::decode

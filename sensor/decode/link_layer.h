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
  kNotIp,    // a known link header carrying something else (ARP, LLDP, SLARP, ...)
  kIgnored,  // an 802.3 length-framed frame (LLC/SNAP: STP, CDP, ...): no ethertype at all
  kError,    // see `error`
};

struct LinkResult {
  NetworkLayer next = NetworkLayer::kError;
  DecodeError error = DecodeError::kNone;
  ByteView l3;  // the network-layer bytes, when next is kIpv4 or kIpv6
};

// `vlan` receives the outer and inner 802.1Q/802.1ad VLAN ids (0 = no tag).
LinkResult decode_link(source::LinkType link, ByteView frame, std::uint16_t (&vlan)[2]);

}  // namespace korgoo::decode

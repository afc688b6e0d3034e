// Why a well-formed packet's payload was not decoded further: not an error, but traffic the
// sensor does not look into. Every such packet is counted under one reason, so that a blind
// spot (a tunnel or link type we do not follow) shows in the stats instead of vanishing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace korgoo::decode {

enum class Undecoded : std::uint8_t {
  kNone = 0,
  kLlc,                 // 802.3 length-framed frame (STP, CDP, ...): no ethertype at all
  kUnknownEthertype,    // ARP, LLDP, ... or any ethertype we do not follow
  kUnknownIpProto,      // an IP protocol that is neither TCP, UDP nor a tunnel (ICMP, ESP...)
  kGreUnknownProto,     // GRE carrying a protocol type we do not follow
  kPppUnknownProto,     // PPP carrying LCP, IPCP, compressed data, ...
  kPppoeDiscovery,      // PPPoE discovery (PADI/PADO/...): control traffic, no payload
  kMplsUnknownPayload,  // bottom of an MPLS stack whose payload is not IPv4/IPv6/Ethernet
  kErspanNotEthernet,   // ERSPAN III mirroring something other than Ethernet frames
  kNshUnknownProto,     // NSH carrying a next protocol we do not follow
  kVxlanGpeUnknownProto,
  kCount,  // not a reason: the number of enumerators
};

inline constexpr std::size_t kUndecodedCount = static_cast<std::size_t>(Undecoded::kCount);

// snake_case name, e.g. "unknown_ethertype"; "none" for kNone.
std::string_view name(Undecoded u);

}  // namespace korgoo::decode

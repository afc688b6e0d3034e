// Community ID flow hash, version 1 (github.com/corelight/community-id-spec): the same string
// for a flow in every tool that implements it (Suricata, Zeek, Arkime), so an analyst can join
// korgoo's records with theirs. "1:" + base64(SHA-1(seed, addresses, protocol, ports)), with
// the endpoints ordered so that both directions of a flow give the same value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/ip_address.h"

namespace korgoo::output {

struct CommunityIdEndpoint {
  IpAddress addr;
  std::uint16_t port = 0;  // TCP/UDP/SCTP port; ignored for protocols without ports
};

// nullopt for flows the hash does not define without more than a 5-tuple (ICMP needs the
// message type and code) or without an address.
std::optional<std::string> community_id_v1(const CommunityIdEndpoint& a,
                                           const CommunityIdEndpoint& b, std::uint8_t ip_proto,
                                           std::uint16_t seed);

}  // namespace korgoo::output

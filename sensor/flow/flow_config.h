#pragma once

#include <cstdint>

#include "common/cidr_set.h"

namespace korgoo::flow {

struct FlowConfig {
  CidrSet home_networks;            // the loader fills the RFC 1918 + fc00::/7 default
  std::uint64_t max_flows = 65536;  // beyond it the least recently active flow is evicted
  // Whether the outer VLAN id is part of the flow key (Suricata's vlan.use-for-tracking). Off
  // for SPAN set-ups where one direction arrives tagged and the other not.
  bool vlan_in_key = true;
  // Idle timeouts in seconds of packet time, by class.
  std::int64_t tcp_new_timeout = 30;
  std::int64_t tcp_established_timeout = 3600;
  std::int64_t tcp_closed_timeout = 10;
  std::int64_t udp_timeout = 60;
  std::int64_t other_timeout = 60;
};

}  // namespace korgoo::flow

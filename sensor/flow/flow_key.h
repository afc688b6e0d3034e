// A bidirectional 5-tuple. The key is canonical (the lower endpoint first), so both
// directions of a flow find the same entry, and its hash is symmetric for the same reason:
// that is also what lets a dispatcher send both directions to the same worker.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/ip_address.h"

namespace korgoo::flow {

struct Endpoint {
  IpAddress addr;
  std::uint16_t port = 0;
  friend auto operator<=>(const Endpoint&, const Endpoint&) = default;
};

struct FlowKey {
  Endpoint lo;  // the lower endpoint
  Endpoint hi;
  std::uint8_t proto = 0;
  std::uint16_t vlan = 0;  // outer VLAN id: the same addresses on two VLANs are two flows

  // Builds the canonical key; `a_is_lo` tells whether `a` ended up as `lo`.
  static FlowKey make(const Endpoint& a, const Endpoint& b, std::uint8_t proto, std::uint16_t vlan,
                      bool& a_is_lo);
  friend bool operator==(const FlowKey&, const FlowKey&) = default;
};

struct FlowKeyHash {
  std::size_t operator()(const FlowKey& k) const;
};

}  // namespace korgoo::flow

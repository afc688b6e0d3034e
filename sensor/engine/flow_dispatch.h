// Which worker of a parallel replay takes a packet. The choice is made from the outermost IP
// header alone, before any decoding state exists, and keeps together everything that must
// meet in one worker:
//   - both directions of a flow, and every fragment of a datagram (same address pair);
//   - every flow of one internal host: when exactly one side is in home_networks, that side
//     alone picks the worker. The per-host aggregation of outbound data (policy) and an FTP
//     data channel opened from or to that host (app expectations) then stay whole;
//   - otherwise (transit, or internal to internal) the lower address of the pair picks.
// A tunnel goes whole to the worker of its outer endpoints. Frames with no IP header right
// after the link layer (MPLS, PPPoE, ARP, damaged ones) all go to worker 0: correct, if
// unbalanced. The hash has a fixed seed, so a replay always splits the same way.
#pragma once

#include "common/cidr_set.h"
#include "source/packet.h"

namespace korgoo::engine {

class FlowDispatch {
 public:
  // `home` must outlive this object.
  FlowDispatch(const CidrSet& home, unsigned workers) : home_(home), workers_(workers) {}

  unsigned worker_for(const source::Packet& pkt) const;

 private:
  const CidrSet& home_;
  unsigned workers_;
};

}  // namespace korgoo::engine

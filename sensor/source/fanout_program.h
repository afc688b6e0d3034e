// The classic BPF program an AF_PACKET fanout group runs to pick, for every packet, the
// worker socket it goes to (PACKET_FANOUT_CBPF; the kernel takes the program's result modulo
// the number of sockets). It makes the same choice as engine::FlowDispatch does for a
// replay, so that what must meet in one worker does:
//   - both directions of a flow and every fragment of a datagram (same address pair);
//   - every flow of one internal host: when exactly one address is in home_networks, that
//     address alone picks (per-host aggregation, FTP data channels stay whole);
//   - otherwise the lower of the two addresses picks.
// Addresses are read relative to the network header (SKF_NET_OFF) and the family from the
// packet's protocol (SKF_AD_PROTOCOL), so the program is the same whatever the link layer and
// however many VLAN tags the kernel has already taken off. Non-IP packets go to worker 0.
#pragma once

#include <linux/filter.h>

#include <vector>

#include "common/cidr_set.h"

namespace korgoo::source {

std::vector<sock_filter> fanout_program(const CidrSet& home_networks);

}  // namespace korgoo::source

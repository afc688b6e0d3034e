#include "engine/flow_dispatch.h"

#include "decode/link_layer.h"
#include "policy/aggregation_state.h"

namespace korgoo::engine {

namespace {

// The policy's address hash (FNV-1a), then splitmix64's finaliser so that nearby addresses
// spread over the workers.
std::uint64_t hash_address(const IpAddress& a) {
  std::uint64_t h = policy::IpAddressHash{}(a);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

}  // namespace

unsigned FlowDispatch::worker_for(const source::Packet& pkt) const {
  if (workers_ <= 1) return 0;
  std::uint16_t vlan[2] = {0, 0};
  const decode::LinkResult link = decode::decode_link(pkt.link, pkt.data, vlan);
  IpAddress src, dst;
  if (link.next == decode::NetworkLayer::kIpv4 && link.l3.size() >= 20 && (link.l3[0] >> 4) == 4) {
    src = IpAddress::v4(link.l3.data() + 12);
    dst = IpAddress::v4(link.l3.data() + 16);
  } else if (link.next == decode::NetworkLayer::kIpv6 && link.l3.size() >= 40 &&
             (link.l3[0] >> 4) == 6) {
    src = IpAddress::v6(link.l3.data() + 8);
    dst = IpAddress::v6(link.l3.data() + 24);
  } else {
    return 0;
  }
  const bool src_home = home_.contains(src);
  const bool dst_home = home_.contains(dst);
  const IpAddress& key = src_home != dst_home ? (src_home ? src : dst) : std::min(src, dst);
  return static_cast<unsigned>(hash_address(key) % workers_);
}

}  // namespace korgoo::engine

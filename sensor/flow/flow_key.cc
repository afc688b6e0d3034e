#include "flow/flow_key.h"

#include <cstring>

namespace korgoo::flow {

FlowKey FlowKey::make(const Endpoint& a, const Endpoint& b, std::uint8_t proto, std::uint16_t vlan,
                      bool& a_is_lo) {
  a_is_lo = !(b < a);
  FlowKey k;
  k.lo = a_is_lo ? a : b;
  k.hi = a_is_lo ? b : a;
  k.proto = proto;
  k.vlan = vlan;
  return k;
}

namespace {
// 64-bit mix (from splitmix64's finaliser): cheap, and spreads sequential addresses well.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t hash_endpoint(const Endpoint& e) {
  std::uint64_t w[2];
  std::memcpy(w, e.addr.bytes().data(), sizeof w);
  return mix(w[0] ^ mix(w[1] ^ (std::uint64_t{e.port} << 8 | static_cast<int>(e.addr.family()))));
}
}  // namespace

std::size_t FlowKeyHash::operator()(const FlowKey& k) const {
  // lo/hi are canonical, so hashing them in order is already direction-independent.
  return mix(hash_endpoint(k.lo) * 31 + hash_endpoint(k.hi) + (std::uint64_t{k.proto} << 16) +
             k.vlan);
}

}  // namespace korgoo::flow

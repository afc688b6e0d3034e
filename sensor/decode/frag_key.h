// Identity of one fragmented datagram, and a seeded hash for the fragment table.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "common/ip_address.h"

namespace korgoo::decode {

// RFC 791 / RFC 8200 identify a datagram by source, destination, identification and (IPv4)
// protocol. The VLAN ids are added because two VLANs may carry the same private addresses.
struct FragKey {
  std::array<std::uint8_t, 16> src{};
  std::array<std::uint8_t, 16> dst{};
  std::uint32_t id = 0;
  std::array<std::uint16_t, 2> vlan{};
  std::uint8_t proto = 0;
  IpAddress::Family family = IpAddress::Family::kNone;

  friend bool operator==(const FragKey&, const FragKey&) = default;
};

// Fragment floods are built to collide in a known, unkeyed hash (security-8510.pcap: 16k
// fragments aimed at one bucket). A multiply-fold hash over the whole key with a secret seed
// spreads them; the seed only moves buckets, never changes output.
class FragKeyHash {
 public:
  explicit FragKeyHash(std::uint64_t seed = 0) : seed_(seed) {}
  std::size_t operator()(const FragKey& k) const noexcept;

 private:
  std::uint64_t seed_;
};

}  // namespace korgoo::decode

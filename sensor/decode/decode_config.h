// Limits of the decode stage. The defaults suit a sensor on a busy link; every one is a bound
// on memory or work that a hostile sender could otherwise push without limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/timestamp.h"

namespace korgoo::decode {

struct DecodeConfig {
  // A datagram whose fragments are still incomplete this long (packet time) after its first
  // fragment arrived is dropped and counted as a timeout. 60 s matches Linux's ipfrag_time
  // default closely enough that we do not hold data the end host has already discarded.
  std::int64_t frag_timeout_usec = 60 * kUsecPerSec;
  // Bytes held by all incomplete datagrams (payload plus bookkeeping). Above it, the oldest
  // datagrams are evicted first: old, stalled datagrams are the likeliest to be junk.
  std::size_t frag_memcap = 16 * 1024 * 1024;
  // Fragments accepted per datagram (duplicates included). A 64 KiB datagram cut at a
  // 576-byte MTU needs about 120; more than this is an attack on the reassembler.
  std::uint32_t frag_max_fragments = 256;
  // Seed of the fragment-table hash. 0 picks a random seed per decoder, so that a sender cannot
  // precompute colliding keys. The seed never changes output, only bucket placement.
  std::uint64_t frag_hash_seed = 0;
  // Encapsulation headers followed per packet (GRE, ERSPAN, VXLAN, MPLS stack, PPP, ...).
  // Real traffic nests two or three; the limit keeps a crafted tunnel-in-tunnel chain from
  // costing unbounded work per packet. A packet beyond it is the error encap_too_deep.
  std::uint32_t max_layers = 8;
  // UDP destination ports decoded as tunnels (IANA: VXLAN 4789, VXLAN-GPE 4790, Geneve 6081).
  // A datagram on such a port whose header does not parse is counted and kept as plain UDP.
  std::vector<std::uint16_t> vxlan_ports = {4789};
  std::vector<std::uint16_t> vxlan_gpe_ports = {4790};
  std::vector<std::uint16_t> geneve_ports = {6081};
};

}  // namespace korgoo::decode

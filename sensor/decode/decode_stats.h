// Counters of the decode stage, one set per Decoder (per worker); merge with += for totals.
#pragma once

#include <array>
#include <cstdint>

#include "common/json.h"
#include "decode/decode_error.h"
#include "decode/undecoded_reason.h"

namespace korgoo::decode {

struct DefragStats {
  std::uint64_t received = 0;           // fragments handed to the reassembler
  std::uint64_t reassembled = 0;        // datagrams completed
  std::uint64_t timeouts = 0;           // incomplete datagrams dropped by age
  std::uint64_t evicted = 0;            // incomplete datagrams dropped by the memcap
  std::uint64_t overlap_conflicts = 0;  // fragments overlapping held data with different bytes

  DefragStats& operator+=(const DefragStats& o);
};

struct DecodeStats {
  std::uint64_t packets = 0;  // every packet given to decode()
  std::uint64_t bytes = 0;    // captured bytes of those packets
  // Captured packets whose outermost IP header is a valid IPv4 / IPv6 one (headers inside a
  // tunnel are not counted again: these count packets, not headers).
  std::uint64_t ipv4 = 0;
  std::uint64_t ipv6 = 0;
  std::uint64_t tcp = 0;       // delivered TCP segments (reassembled datagrams included)
  std::uint64_t udp = 0;       // delivered UDP datagrams
  std::uint64_t other_ip = 0;  // delivered IP packets of other protocols (ICMP, GRE, ESP...)
  std::uint64_t non_ip = 0;    // frames that carry no IP (ARP, LLDP, 802.3 LLC, ...)
  // TCP option lists that ran off their header: option parsing stops there, as in Linux, and
  // the segment is still delivered.
  std::uint64_t tcp_bad_options = 0;
  std::uint64_t tunneled = 0;  // delivered packets found inside at least one encapsulation
  DefragStats frag;
  std::array<std::uint64_t, kDecodeErrorCount> errors{};   // indexed by DecodeError
  std::array<std::uint64_t, kUndecodedCount> undecoded{};  // indexed by Undecoded

  std::uint64_t error(DecodeError e) const { return errors[static_cast<std::size_t>(e)]; }
  std::uint64_t errors_total() const;
  std::uint64_t undecoded_of(Undecoded u) const { return undecoded[static_cast<std::size_t>(u)]; }

  DecodeStats& operator+=(const DecodeStats& o);

  // {"packets":..,"bytes":..,...,"errors":{"ipv4_truncated":3},"undecoded":{"llc":1}}: only
  // non-zero reasons, in enum order, so that two runs over the same input print the same bytes.
  void to_json(Json& out) const;
};

}  // namespace korgoo::decode

// Personal data leaving from each internal host, across flows, over a sliding window of packet
// time: what `aggregate:` rules test ("host X sent 1,000 distinct PINs out within an hour").
//
// Two ways to count distinct values:
//  - add(): the growth of each flow's own tally. Distinct values summed over flows over-count
//    a value sent in several flows; an approximation, but it needs nothing from the engine.
//  - observe(): the engine feeds the keyed 64-bit hash of every value (the sensor never holds a
//    value in clear). A host/type that has received hashes counts distinct values exactly from
//    them, up to `max_hashes` per host and type (the largest min_distinct of any rule: once a
//    window holds that many, every threshold is met, so older hashes can go).
//
// Memory is bounded: at most `max_hosts` hosts (the least recently active go first), window /
// bucket_seconds running sums per host and type, and max_hashes hashes per host and type.
// Not thread-safe: one per worker (each then sees the flows hashed to it), or one shared
// behind the engine's own lock.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/ip_address.h"
#include "common/ring_queue.h"
#include "common/timestamp.h"
#include "policy/aggregation_config.h"
#include "policy/hash_times.h"

namespace korgoo::policy {

struct IpAddressHash {
  std::size_t operator()(const IpAddress& a) const;
};

class AggregationState {
 public:
  AggregationState(AggregationConfig config, std::int64_t max_window_seconds,
                   std::size_t max_hashes);

  // `count` more values of `type`, `distinct` of them new within their flow, from `host`.
  void add(const IpAddress& host, std::string_view type, std::uint64_t count,
           std::uint64_t distinct, Timestamp now);
  // One value of `type` sent by `host`, as its keyed hash. Call for values that leave
  // home_networks; the host is the home side.
  void observe(const IpAddress& host, std::string_view type, std::uint64_t value_hash,
               Timestamp now);

  struct Totals {
    std::uint64_t count = 0, distinct = 0;
  };
  // Sums over the types matching any of `type_patterns` (all types when empty) within the last
  // `window_seconds` before `now`.
  Totals totals(const IpAddress& host, const std::vector<std::string>& type_patterns,
                std::int64_t window_seconds, Timestamp now) const;

  // True the first time per host and rule within `window_seconds`: an aggregate rule reports a
  // host once per window, not on every later flow.
  bool claim(const IpAddress& host, std::uint32_t sid, std::int64_t window_seconds, Timestamp now);

  std::size_t hosts() const { return hosts_.size(); }

 private:
  struct Bucket {
    std::int64_t index = 0;  // now.usec / bucket width
    std::uint64_t count = 0, distinct = 0;
  };
  struct HashWindow {
    HashTimes last_seen;                                      // hash -> usec
    RingQueue<std::pair<std::int64_t, std::uint64_t>> order;  // (usec, hash), oldest first
  };
  struct Series {
    std::string type;
    RingQueue<Bucket> buckets;
    HashWindow hashes;
    bool uses_hashes = false;
  };
  struct Host {
    std::int64_t last_usec = 0;
    std::vector<Series> series;
    std::vector<std::pair<std::uint32_t, std::int64_t>> claims;  // sid -> usec claimed
  };

  Host& host_at(const IpAddress& host, Timestamp now);
  Series& series_of(Host& h, std::string_view type);
  void expire(Series& s, Timestamp now) const;
  void make_room(Timestamp now);

  AggregationConfig config_;
  std::int64_t bucket_usec_;
  std::int64_t max_window_usec_;
  std::size_t max_hashes_;
  std::unordered_map<IpAddress, Host, IpAddressHash> hosts_;
};

}  // namespace korgoo::policy

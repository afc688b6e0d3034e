#pragma once

#include <cstddef>
#include <cstdint>

namespace korgoo::policy {

// Bounds for per-host state kept across flows (see AggregationState).
struct AggregationConfig {
  std::size_t max_hosts = 4096;      // internal hosts tracked at once; least recent evicted
  std::int64_t bucket_seconds = 60;  // granularity of the sliding window's running sums
};

}  // namespace korgoo::policy

// Settings of TCP reassembly. Filled by the config stage from `stream:` in korgoo.yaml; the
// stream stage never reads YAML itself.
#pragma once

#include <cstdint>

namespace korgoo::stream {

inline constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

struct StreamConfig {
  // Bytes delivered per direction; later bytes are dropped and the direction is flagged
  // `depth_reached`. 0 = unlimited. Most personal data sits near the start of a transfer, and
  // the depth bounds the cost of a bulk download.
  std::uint64_t depth = 1 * kMiB;

  // Out-of-order bytes one flow may hold (both directions together). When a segment would
  // exceed it, the oldest hole is declared a gap so buffered data can drain (never a stall).
  std::uint64_t flow_buffer_cap = 1 * kMiB;

  // Bytes all flows of one worker may hold; the size of the worker's ReassemblyBudget.
  std::uint64_t worker_buffer_cap = 64 * kMiB;

  // Delivered bytes remembered per direction so that a retransmission of already delivered
  // data can be compared (overlap_conflicts). 0 = off: in-order data is then never copied and
  // only overlaps with still-buffered data can be compared. Charged to the worker budget.
  std::uint64_t overlap_check_window = 0;
};

}  // namespace korgoo::stream

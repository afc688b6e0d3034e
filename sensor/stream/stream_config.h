// Settings of TCP reassembly. Filled by the config stage from `stream:` in korgoo.yaml; the
// stream stage never reads YAML itself.
#pragma once

#include <cstdint>

namespace korgoo::stream {

inline constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

// What becomes of a TCP segment's urgent byte (the one before the urgent pointer). Receivers
// differ, and an evasion sends one so that the sensor and the host read different streams.
enum class UrgentPolicy {
  // The byte stays in the stream: a receiver with SO_OOBINLINE set, or one that ignores
  // urgent data.
  kInline,
  // The byte is taken out of the stream (read only with MSG_OOB): what Linux and the BSDs do
  // by default (SO_OOBINLINE off; the pointer points one past the byte, RFC 6093 3.1). Only
  // the latest urgent byte counts, as those stacks keep one.
  kOob,
};

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

  // `stream.urgent`: inline or oob.
  UrgentPolicy urgent = UrgentPolicy::kOob;
};

}  // namespace korgoo::stream

// Counters of TCP reassembly for one worker (the engine sums workers with add()). Written in
// the EVE `stats` record under "stream"; the key order is fixed so replays are identical.
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::stream {

struct StreamStats {
  std::uint64_t segments = 0;         // segments handed to reassembly
  std::uint64_t bytes_delivered = 0;  // bytes passed to on_data
  // Segments that repeat data already delivered, buffered, given up as a gap, or from before
  // a mid-stream pickup point. `overlaps` counts every such
  // segment; `retransmissions` the subset that brought no new byte at all;
  // `overlap_conflicts` those whose repeated bytes differ from the kept ones (first data
  // wins, so the new bytes were dropped).
  std::uint64_t overlaps = 0;
  std::uint64_t retransmissions = 0;
  std::uint64_t overlap_conflicts = 0;
  std::uint64_t ooo_segments = 0;       // pieces copied into the out-of-order buffer
  std::uint64_t ooo_buffered_peak = 0;  // peak bytes held by the worker budget
  std::uint64_t gaps = 0;               // on_gap calls, whatever the cause
  std::uint64_t gap_bytes = 0;
  std::uint64_t ooo_cap_gaps = 0;       // of `gaps`: declared because a buffer cap was hit
  std::uint64_t depth_reached = 0;      // directions that hit the reassembly depth
  std::uint64_t midstream_pickups = 0;  // directions started without a SYN
  std::uint64_t syn_data = 0;           // SYNs carrying data (TCP Fast Open)
  std::uint64_t syn_restarts = 0;       // unanswered SYNs replaced by a SYN with another ISN
  std::uint64_t resets = 0;             // RSTs that ended a flow
  // RSTs the receiver would drop: a sequence number before delivered data, or not acceptable
  // in the handshake (see handshake.h).
  std::uint64_t resets_ignored = 0;
  std::uint64_t urgent_removed = 0;  // urgent bytes taken out of the stream (stream.urgent: oob)

  // Adds another worker's counters (peaks add too: workers hold memory at the same time).
  void add(const StreamStats& o);
  void to_json(Json& j) const;
};

}  // namespace korgoo::stream

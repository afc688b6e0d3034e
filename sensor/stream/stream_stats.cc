#include "stream/stream_stats.h"

namespace korgoo::stream {

void StreamStats::add(const StreamStats& o) {
  segments += o.segments;
  bytes_delivered += o.bytes_delivered;
  overlaps += o.overlaps;
  retransmissions += o.retransmissions;
  overlap_conflicts += o.overlap_conflicts;
  ooo_segments += o.ooo_segments;
  ooo_buffered_peak += o.ooo_buffered_peak;
  gaps += o.gaps;
  gap_bytes += o.gap_bytes;
  ooo_cap_gaps += o.ooo_cap_gaps;
  depth_reached += o.depth_reached;
  midstream_pickups += o.midstream_pickups;
  syn_data += o.syn_data;
  syn_restarts += o.syn_restarts;
  resets += o.resets;
  resets_ignored += o.resets_ignored;
  urgent_removed += o.urgent_removed;
}

void StreamStats::to_json(Json& j) const {
  j["segments"] = segments;
  j["bytes_delivered"] = bytes_delivered;
  j["overlaps"] = overlaps;
  j["retransmissions"] = retransmissions;
  j["overlap_conflicts"] = overlap_conflicts;
  j["ooo_segments"] = ooo_segments;
  j["ooo_buffered_peak"] = ooo_buffered_peak;
  j["gaps"] = gaps;
  j["gap_bytes"] = gap_bytes;
  j["ooo_cap_gaps"] = ooo_cap_gaps;
  j["depth_reached"] = depth_reached;
  j["midstream_pickups"] = midstream_pickups;
  j["syn_data"] = syn_data;
  j["syn_restarts"] = syn_restarts;
  j["resets"] = resets;
  j["resets_ignored"] = resets_ignored;
  j["urgent_removed"] = urgent_removed;
}

}  // namespace korgoo::stream

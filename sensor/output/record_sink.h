// Where a worker's EVE records go. A run with one worker writes them straight to the EVE file
// (EveSink); a replay with several workers collects each worker's records and merges them into
// one file in input order (engine::ParallelRun), so the worker says, with every record,
// where it stands in the input.
#pragma once

#include <cstdint>
#include <limits>

#include "common/json.h"
#include "common/timestamp.h"

namespace korgoo::output {

// The place of a record in the input. Records sort by (packet, phase, flow); within one key
// they keep the order their worker made them in. A timer's records carry the flow that ended,
// because every worker runs its timers at the same packet and their flows must interleave as
// one worker's would (oldest flow first); records made while a packet is processed come from
// the one worker that owns the packet and need no flow.
struct RecordOrder {
  enum class Phase : std::uint8_t { kTimer, kStats, kPacket };
  static constexpr std::uint64_t kEndOfInput = std::numeric_limits<std::uint64_t>::max();

  std::uint64_t packet = 0;  // the packet being processed, or whose time fired the timer
  Phase phase = Phase::kPacket;
  std::int64_t flow_start = 0;  // kTimer: the ending flow's start (usec) and id
  std::uint64_t flow_id = 0;

  friend bool operator<(const RecordOrder& a, const RecordOrder& b) {
    if (a.packet != b.packet) return a.packet < b.packet;
    if (a.phase != b.phase) return a.phase < b.phase;
    if (a.flow_start != b.flow_start) return a.flow_start < b.flow_start;
    return a.flow_id < b.flow_id;
  }
};

struct SinkCounts {
  std::uint64_t records = 0;  // handed over and not lost
  std::uint64_t lost = 0;     // could not be written
  std::uint64_t write_errors = 0;
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void write(const Json& record, const RecordOrder& order) = 0;
  // A stats record: `record` holds the header, `counters` the worker's own counters in
  // korgoo's layout (engine::Worker::stats_json). The sink maps them into Suricata's names;
  // a merging sink first adds up every worker's share.
  virtual void write_stats(Json record, Json counters, std::int64_t uptime,
                           const RecordOrder& order) = 0;
  // Makes what was written durable now (operational events, end of input).
  virtual void flush() = 0;
  // Called while idle: writes what has waited the flush interval.
  virtual void flush_if_due() = 0;
  virtual SinkCounts counts() const = 0;
};

}  // namespace korgoo::output

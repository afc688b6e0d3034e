// What the service (control socket, signals, metrics) may ask of the packet path, whether one
// worker runs it or several: counters, a reload's refit, an operational record. Called only
// on the thread that drives the workers, between packets (engine::WorkerMailbox).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string_view>

#include "common/json.h"
#include "source/packet_source.h"

namespace korgoo::engine {

struct WorkerStats {
  std::uint64_t alerts = 0;
  std::uint64_t alerts_blocked = 0;
  std::uint64_t packets_dropped = 0;  // inline verdicts
  std::uint64_t flows_with_pii = 0;
  std::uint64_t expected_flows = 0;
  // Times the policy was asked about a flow (only when one of its tallies changed); not in
  // the stats record: it is what tests/engine checks the engine's contract with.
  std::uint64_t policy_evaluations = 0;
  std::map<std::uint32_t, std::uint64_t> alerts_by_sid;  // for /metrics

  WorkerStats& operator+=(const WorkerStats& o);
};

class PipelineControl {
 public:
  virtual ~PipelineControl() = default;
  // Every counter in korgoo's layout; `source_stats` fills its capture section.
  virtual Json stats_json(const source::SourceStats& source_stats) const = 0;
  virtual WorkerStats totals() const = 0;
  // The Runtime adopted a reload: refit what was built on the old signatures.
  virtual void runtime_changed() = 0;
  // Writes an operational EVE record ("reload", ...) and flushes it.
  virtual void write_event(std::string_view event_type, Json body) = 0;
  // Runs `fn` while nothing else reads the Runtime: a reload's swap. The packet path is
  // already alone on its thread; ICAP event loops are parked first.
  virtual void exclusive(const std::function<void()>& fn) { fn(); }
};

}  // namespace korgoo::engine

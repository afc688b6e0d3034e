#include "engine/pipeline_control.h"

namespace korgoo::engine {

WorkerStats& WorkerStats::operator+=(const WorkerStats& o) {
  alerts += o.alerts;
  alerts_blocked += o.alerts_blocked;
  packets_dropped += o.packets_dropped;
  flows_with_pii += o.flows_with_pii;
  expected_flows += o.expected_flows;
  policy_evaluations += o.policy_evaluations;
  for (const auto& [sid, n] : o.alerts_by_sid) alerts_by_sid[sid] += n;
  return *this;
}

}  // namespace korgoo::engine

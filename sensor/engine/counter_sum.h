// Adds one worker's counters (korgoo's stats layout) into the run's: numbers add up, objects
// add key by key, anything else (names, flags) keeps the first worker's value. Peaks and
// caps add up too: the sum of the workers' caps is the run's cap, and the sum of their
// peaks bounds the run's peak.
#pragma once

#include <vector>

#include "common/json.h"

namespace korgoo::engine {

void add_counters(Json& into, const Json& add);

// Where a run's capture counters come from: one source every worker read (a replay, one
// live reader: each worker's share holds the same numbers, taken once), or a source per
// worker (fanout sockets, queues: they add up).
enum class CaptureCounters { kShared, kPerWorker };

// The run's counters from every worker's share, plus `workers`: what each one processed
// (packets, flows, and, with a source each, its kernel drops; `busy_seconds` when a share
// carries one), so that an operator sees an imbalance.
Json merge_worker_counters(const std::vector<const Json*>& shares, CaptureCounters capture);

}  // namespace korgoo::engine

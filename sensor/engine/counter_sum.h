// Adds one worker's counters (korgoo's stats layout) into the run's: numbers add up, objects
// add key by key, anything else (names, flags) keeps the first worker's value. Peaks and
// caps add up too: the sum of the workers' caps is the run's cap, and the sum of their
// peaks bounds the run's peak.
#pragma once

#include "common/json.h"

namespace korgoo::engine {

void add_counters(Json& into, const Json& add);

}  // namespace korgoo::engine

// Files at rest (`korgoo scan FILE...`): the same signatures and validators as on the wire.
#pragma once

#include <istream>

#include "detect/detect_engine.h"
#include "detect/detect_stats.h"
#include "detect/scratch.h"
#include "detect/tally.h"

namespace korgoo::detect {

// Streams `in` in chunks through one view and returns the tally of the whole input. If
// `stats` is given, the counters of this input are added to it (the scratch keeps its own
// running totals as well).
Tally scan_stream(const DetectEngine& engine, std::istream& in, Scratch& scratch,
                  DetectStats* stats = nullptr);

}  // namespace korgoo::detect

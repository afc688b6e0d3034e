// The packet run modes: a replay (-r, --each-file), a live capture (-i) or inline (-q), from
// opening the source to the closing summary.
#pragma once

#include <filesystem>

#include "cli/options.h"
#include "engine/runtime.h"
#include "ops/service_run.h"

namespace korgoo::cli {

// Runs the source `o` names until its end or a stop signal; returns the exit status.
int run_sensor(const Options& o, engine::Runtime& rt, ops::ReopenableFileSink* log_sink,
               const fs::path& data_dir);

}  // namespace korgoo::cli

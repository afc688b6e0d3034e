// `korgoo --icap [ADDR:]PORT` (or icap.enabled): the ICAP service instead of packet capture.
// One worker inspects what the proxy hands over and writes EVE to LOG_DIR as the packet path
// does; SIGINT or SIGTERM stops it cleanly (open connections are closed, the final stats
// record is written). Signals must already be blocked (block_service_signals).
#pragma once

#include <filesystem>

#include "engine/runtime.h"

namespace korgoo::ops {

// Returns the process exit status.
int run_icap(const engine::Runtime& rt, const std::filesystem::path& log_dir);

}  // namespace korgoo::ops

// `korgoo --icap [ADDR:]PORT` (or icap.enabled): the ICAP service instead of packet capture.
// icap.threads event loops (engine::IcapLoops) inspect what the proxy hands over and write EVE
// to LOG_DIR as the packet path does. The service machinery is the packet path's (ServiceRun):
// control socket, PID file, privilege drop after binding, SIGHUP/`reload` (new signatures,
// rules and policy while connections stay open), SIGUSR2/`reopen`, /metrics; SIGINT or
// SIGTERM stops it cleanly (open connections are closed, the final stats record is written).
// Signals must already be blocked (block_service_signals).
#pragma once

#include <filesystem>

#include "engine/runtime.h"
#include "ops/reopenable_file_sink.h"
#include "ops/service_commands.h"

namespace korgoo::ops {

// Returns the process exit status.
int run_icap(engine::Runtime& rt, const std::filesystem::path& log_dir,
             ReopenableFileSink* log_sink, ReloadSource reload);

// A new ISTag: it changes with every start, so a proxy never keeps OPTIONS (and cached
// adaptations) of a service whose signatures or rules may have changed.
std::string icap_istag_now();

// icap.threads, 0 = one per core.
unsigned icap_loop_count(unsigned configured);

}  // namespace korgoo::ops

// Pulls packets from a source into a worker until the input ends or a stop is requested.
#pragma once

#include <atomic>

#include "engine/worker.h"
#include "engine/worker_mailbox.h"
#include "source/packet_source.h"

namespace korgoo::engine {

// `live`: when the source is idle, packet time is advanced by the wall clock so that flows
// still time out on a quiet interface. A replay never looks at the wall clock.
// `mailbox`: tasks from other threads (reload, reopen, stats) run between packets; closed
// when the loop ends. `control`: what those tasks act on (default: `worker`; with ICAP in the
// same process, both).
void run_capture(source::PacketSource& source, Worker& worker, const std::atomic<bool>& stop,
                 bool live, WorkerMailbox* mailbox = nullptr, PipelineControl* control = nullptr);

}  // namespace korgoo::engine

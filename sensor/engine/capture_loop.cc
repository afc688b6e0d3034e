#include "engine/capture_loop.h"

namespace korgoo::engine {

void run_capture(source::PacketSource& source, Worker& worker, const std::atomic<bool>& stop,
                 bool live, WorkerMailbox* mailbox, PipelineControl* control) {
  source::Packet pkt;
  WorkerContext ctx{control ? *control : worker, source};
  worker.attach_source(source);  // periodic stats records carry the live capture counters
  while (!stop.load(std::memory_order_relaxed)) {
    if (mailbox && mailbox->pending()) mailbox->run_pending(ctx);
    const auto status = source.next(pkt);
    if (status == source::ReadStatus::kEnd) break;
    if (status == source::ReadStatus::kIdle) {
      if (live) worker.advance(wall_clock_now());
      continue;
    }
    const Verdict v = worker.process(pkt);
    if (source.is_inline()) source.set_verdict(pkt, v, worker.last_flow_bypassable());
  }
  if (mailbox) mailbox->close();
  worker.finish(source.stats());
}

}  // namespace korgoo::engine

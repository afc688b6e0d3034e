// A progress line for replays on a terminal: packets, MB/s and percent of the input read,
// rewritten in place once a second after the first few seconds (short replays stay silent).
// Driven by the service loop's clock; the numbers are read on the packet thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "engine/worker_mailbox.h"

namespace korgoo::ops {

class ReplayProgress {
 public:
  explicit ReplayProgress(engine::WorkerMailbox& mailbox);
  // Ends the line so that the summary starts on its own.
  ~ReplayProgress();
  ReplayProgress(const ReplayProgress&) = delete;
  ReplayProgress& operator=(const ReplayProgress&) = delete;

  // Service thread, a few times a second.
  void tick(std::chrono::steady_clock::time_point now);

 private:
  engine::WorkerMailbox& mailbox_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point next_;
  std::atomic<bool> printed_{false};
};

}  // namespace korgoo::ops

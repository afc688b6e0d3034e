// Work for the packet thread from other threads (control socket, signals, metrics): each task
// runs on the thread that owns the worker, between two packets, so that nothing on the packet
// path needs a lock. The packet loop pays one relaxed atomic load per packet when it is empty.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <vector>

#include "engine/pipeline_control.h"
#include "source/packet_source.h"

namespace korgoo::engine {

// What a task may touch: the packet path, and the source it reads (for its counters).
struct WorkerContext {
  PipelineControl& worker;  // one worker, or the workers of a parallel replay
  const source::PacketSource& source;
};

class WorkerMailbox {
 public:
  using Task = std::function<void(WorkerContext&)>;

  // Any thread. The task runs at the next packet or idle poll; after close() it never runs.
  void post(Task task);
  // Any thread: runs `fn` on the packet thread and waits up to `timeout` for its result;
  // nullopt when the packet thread did not get to it (stopped, or stuck in a read).
  template <class R>
  std::optional<R> call(std::function<R(WorkerContext&)> fn, std::chrono::milliseconds timeout) {
    auto promise = std::make_shared<std::promise<R>>();
    auto result = promise->get_future();
    post([promise, fn = std::move(fn)](WorkerContext& ctx) { promise->set_value(fn(ctx)); });
    if (result.wait_for(timeout) != std::future_status::ready) return std::nullopt;
    try {
      return result.get();
    } catch (const std::future_error&) {  // dropped by close(): the loop ended first
      return std::nullopt;
    }
  }

  // The packet thread, between packets.
  bool pending() const { return pending_.load(std::memory_order_relaxed); }
  void run_pending(WorkerContext& ctx);
  // The packet loop has ended: drop queued tasks (waiting callers time out) and refuse more.
  void close();

 private:
  std::mutex mutex_;
  std::vector<Task> tasks_;
  bool closed_ = false;
  std::atomic<bool> pending_{false};
};

}  // namespace korgoo::engine

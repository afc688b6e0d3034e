// Workers that each read their own source (engine::LaneRun): the sockets of an AF_PACKET
// fanout group, or netfilter queues. Unlike ParallelRun (one reader, batches every worker
// walks), nothing is shared on the packet path: a worker takes a packet, processes it and,
// inline, gives its verdict at once, so a verdict never waits for other workers. Timers run
// on each worker's packet time, and on the wall clock when its source is idle. Records go
// through a LaneSink (written as they come, stats merged). The service's tasks (reload,
// reopen, stats for the control socket and metrics) run on the calling thread while every
// worker is parked between two packets.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/lane_sink.h"
#include "engine/pipeline_control.h"
#include "engine/runtime.h"
#include "engine/worker.h"
#include "engine/worker_mailbox.h"
#include "output/record_output.h"
#include "source/source_group.h"

namespace korgoo::engine {

class LaneRun final : public PipelineControl {
 public:
  // One worker per member of `sources`, which must outlive this object.
  LaneRun(const Runtime& rt, output::RecordOutput& eve, source::SourceGroup& sources,
          bool inline_mode);
  ~LaneRun() override;
  LaneRun(const LaneRun&) = delete;
  LaneRun& operator=(const LaneRun&) = delete;

  // Runs until `stop` (or every source ends), then ends every flow and writes the final
  // stats record. Rethrows what a worker threw. `control`: what the mailbox's tasks act on
  // (default: this run; with ICAP in the same process, both).
  void run(const std::atomic<bool>& stop, WorkerMailbox* mailbox,
           PipelineControl* control = nullptr);
  // Every worker feeds `shared` (ICAP in the same process); before run().
  void share_aggregation(policy::SharedAggregation* shared);
  // Adds objects to the run's stats records (once: on the first worker's share).
  void set_stats_extension(std::function<void(Json&)> f);

  // Called by the service's tasks, with every worker parked.
  Json stats_json(const source::SourceStats& source_stats) const override;
  WorkerStats totals() const override;
  void runtime_changed() override;
  void write_event(std::string_view event_type, Json body) override;

  struct Load {
    std::uint64_t packets = 0;
    std::chrono::nanoseconds busy{0};
  };
  // After run().
  std::vector<Load> loads() const;

 private:
  struct Lane {
    unsigned index = 0;
    source::PacketSource* source = nullptr;
    std::unique_ptr<Worker> worker;
    std::atomic<std::uint64_t> packets{0};
    std::atomic<std::int64_t> busy_ns{0};
    std::exception_ptr failure;
    std::thread thread;
  };

  void lane_main(Lane& lane, const std::atomic<bool>& stop);
  void park();       // a lane, between packets, when a pause is asked for
  void pause_all();  // returns once every running lane is parked
  void resume_all();
  void lane_ended();

  source::SourceGroup& sources_;
  LaneSink sink_;
  std::function<void(Json&)> extension_;  // set_stats_extension's, on lane 0's share
  std::vector<std::unique_ptr<Lane>> lanes_;

  std::atomic<bool> pause_{false};
  std::mutex mutex_;
  std::condition_variable lanes_cv_;  // lanes wait here while paused
  std::condition_variable main_cv_;   // the caller waits here for parked or ended lanes
  unsigned parked_ = 0;
  unsigned ended_ = 0;
};

}  // namespace korgoo::engine

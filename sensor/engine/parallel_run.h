// Several workers on one input (--workers N): a replay, or a live capture read by libpcap
// (capture.method pcap; AF_PACKET fanout and inline queues use LaneRun). The calling thread
// reads packets in batches; every worker sees every batch, processes the packets FlowDispatch
// gives it and observes the others' times, so that all workers run their timers (flow
// timeouts, stats) at the same packets as one worker would. Once a batch is done, the
// workers' records are merged by their RecordOrder and written, stats records added up into
// one: a replay's eve.json is then byte-identical whatever N (apart from cap-driven
// evictions, as each worker has 1/N of every cap). While the workers process one batch, the
// reader fills the next. Live, a batch is also cut when the link idles or 20 ms have passed,
// and an idle link advances every worker's clock by the wall clock. Never inline: a verdict
// cannot wait for a batch.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/batch_sink.h"
#include "engine/flow_dispatch.h"
#include "engine/packet_batch.h"
#include "engine/pipeline_control.h"
#include "engine/runtime.h"
#include "engine/worker.h"
#include "engine/worker_mailbox.h"
#include "output/record_output.h"
#include "source/packet_source.h"

namespace korgoo::engine {

class ParallelRun final : public PipelineControl {
 public:
  // Starts `workers` (>= 1) worker threads; they wait for the first batch.
  ParallelRun(const Runtime& rt, output::RecordOutput& eve, unsigned workers);
  ~ParallelRun() override;
  ParallelRun(const ParallelRun&) = delete;
  ParallelRun& operator=(const ParallelRun&) = delete;

  // Reads `source` to its end (or until `stop`), then ends every flow and writes the final
  // stats. Mailbox tasks run between batches, while every worker is idle. `live`: batches are
  // cut by time too, and the wall clock advances idle workers.
  // `control`: what the tasks act on (default: this run).
  void run(source::PacketSource& source, const std::atomic<bool>& stop, bool live,
           WorkerMailbox* mailbox, PipelineControl* control = nullptr);
  // Every worker feeds `shared` (ICAP in the same process); before run().
  void share_aggregation(policy::SharedAggregation* shared);
  // Adds objects to the run's stats records (once: on the first worker's share).
  void set_stats_extension(std::function<void(Json&)> f);

  Json stats_json(const source::SourceStats& source_stats) const override;
  WorkerStats totals() const override;
  void runtime_changed() override;
  void write_event(std::string_view event_type, Json body) override;

  // How the work was spread: packets each worker processed and the time it spent on them.
  struct Load {
    std::uint64_t packets = 0;
    std::chrono::nanoseconds busy{0};
  };
  std::vector<Load> loads() const;

 private:
  struct Lane {
    unsigned index;
    BatchSink sink;
    std::unique_ptr<Worker> worker;
    Load load;
    std::exception_ptr failure;  // what the worker threw, for the reader's thread
    std::thread thread;
  };
  enum class Job { kNone, kBatch, kAdvance, kFinish, kQuit };

  void lane_main(Lane& lane);
  void run_batch(Lane& lane, const PacketBatch& batch);
  // Hands `job` to every lane; wait() returns once all are done with it.
  void start(Job job);
  void wait();
  // Reads up to a batch (live: until the link idles or the batch window passes).
  void fill(PacketBatch& batch, source::PacketSource& source, const std::atomic<bool>& stop,
            bool live);
  // Merges the lanes' records and writes them.
  void drain();
  // Live: each worker's busy time added to stats.korgoo.workers, so that an imbalance shows.
  Json with_busy_time(Json counters) const;

  output::RecordOutput& eve_;
  FlowDispatch dispatch_;
  std::vector<std::unique_ptr<Lane>> lanes_;

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  std::uint64_t generation_ = 0;  // bumped for every job
  Job job_ = Job::kNone;
  const PacketBatch* batch_ = nullptr;
  source::SourceStats final_counters_;
  source::SourceStats live_counters_;  // live: the source's counters, read once per batch
  Timestamp advance_to_;               // kAdvance: the wall clock of an idle link
  unsigned running_ = 0;
  bool input_ended_ = false;
  bool live_ = false;
};

}  // namespace korgoo::engine

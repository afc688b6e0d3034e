// A replay with several workers (--workers N). The calling thread reads the capture in
// batches; every worker sees every batch, processes the packets FlowDispatch gives it and
// observes the others' times, so that all workers run their timers (flow timeouts, stats) at
// the same packets as one worker would. Once a batch is done, the workers' records are merged
// by their RecordOrder and written, stats records added up into one: eve.json is then
// byte-identical whatever N (apart from cap-driven evictions, as each worker has 1/N of every
// cap). While the workers process one batch, the reader fills the next.
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
#include "output/eve_writer.h"
#include "source/packet_source.h"

namespace korgoo::engine {

class ParallelReplay final : public PipelineControl {
 public:
  // Starts `workers` (>= 1) worker threads; they wait for the first batch.
  ParallelReplay(const Runtime& rt, output::EveWriter& eve, unsigned workers);
  ~ParallelReplay() override;
  ParallelReplay(const ParallelReplay&) = delete;
  ParallelReplay& operator=(const ParallelReplay&) = delete;

  // Reads `source` to its end (or until `stop`), then ends every flow and writes the final
  // stats. Mailbox tasks run between batches, while every worker is idle.
  void run(source::PacketSource& source, const std::atomic<bool>& stop, WorkerMailbox* mailbox);

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
  enum class Job { kNone, kBatch, kFinish, kQuit };

  void lane_main(Lane& lane);
  void run_batch(Lane& lane, const PacketBatch& batch);
  // Hands `job` to every lane; wait() returns once all are done with it.
  void start(Job job);
  void wait();
  // Reads up to a batch; false at the end of input (or on stop) with nothing read.
  bool fill(PacketBatch& batch, source::PacketSource& source, const std::atomic<bool>& stop);
  // Merges the lanes' records and writes them.
  void drain();

  const Runtime& rt_;
  output::EveWriter& eve_;
  FlowDispatch dispatch_;
  std::vector<std::unique_ptr<Lane>> lanes_;

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  std::uint64_t generation_ = 0;  // bumped for every job
  Job job_ = Job::kNone;
  const PacketBatch* batch_ = nullptr;
  source::SourceStats final_counters_;
  unsigned running_ = 0;
  bool input_ended_ = false;
};

}  // namespace korgoo::engine

// The ICAP service's event loops (icap.threads): each a thread with its own IcapServer,
// Worker, IcapInspection and counters, all on one listening socket and one EVE file (whose
// writer is thread-safe: a record is serialised on its loop and appended whole). The loops
// share one per-host aggregation, so that a host's uploads add up whichever loop they came
// through, and one connection count for Max-Connections.
//
// As a PipelineControl it answers the service commands as the packet path does (stats,
// reload, operational records): each call parks every loop between two epoll rounds
// (icap::LoopGate), does its work, and lets them go on; connections stay open meanwhile.
// Stats records are written here, once for all loops (write_stats), not by the workers.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "engine/icap_inspection.h"
#include "engine/pipeline_control.h"
#include "engine/runtime.h"
#include "engine/worker.h"
#include "icap/icap_counters.h"
#include "icap/icap_listener.h"
#include "icap/icap_server.h"
#include "icap/loop_gate.h"
#include "output/record_output.h"
#include "policy/shared_aggregation.h"

namespace korgoo::engine {

class IcapLoops final : public PipelineControl {
 public:
  // Binds the listener and builds `loops` (>= 1) loops; none runs until start(). The
  // aggregation is shared with whatever else feeds it (the packet path, in one process).
  IcapLoops(const Runtime& rt, output::RecordOutput& eve, std::string istag, unsigned loops,
            policy::SharedAggregation& aggregation);
  ~IcapLoops() override;
  IcapLoops(const IcapLoops&) = delete;
  IcapLoops& operator=(const IcapLoops&) = delete;

  std::uint16_t port() const { return listener_.port(); }
  unsigned size() const { return static_cast<unsigned>(loops_.size()); }
  // Starts the loop threads (after a privilege drop: capabilities are per thread).
  void start();
  // Asks every loop to return and joins them; their workers end their input. Rethrows what a
  // loop threw. Idempotent.
  void stop();
  // True once a loop ended on an error (stop() rethrows it).
  bool failed() const { return failed_.load(); }

  // Runs `fn` while every loop is parked (re-entrant).
  void hold(const std::function<void()>& fn) const;
  // One stats record with every loop's counters added up, and stats.korgoo.icap.
  void write_stats();
  // The loops' ICAP counters added up; any thread (they are atomics).
  Json icap_counters() const;
  // Each loop's ICAP counters: the summary shows how the connections spread.
  std::vector<std::uint64_t> requests_per_loop() const;

  Json stats_json(const source::SourceStats& source_stats) const override;
  WorkerStats totals() const override;
  void runtime_changed() override;
  void write_event(std::string_view event_type, Json body) override;
  void exclusive(const std::function<void()>& fn) override { hold(fn); }

 private:
  struct Loop;
  void loop_main(Loop& loop);
  Json stats_unheld(const source::SourceStats& source_stats) const;

  const Runtime& rt_;
  output::RecordOutput& eve_;
  icap::IcapListener listener_;
  mutable icap::LoopGate gate_;  // holding changes nothing a caller can see
  int stop_fd_ = -1;
  std::atomic<std::uint32_t> open_{0};
  std::vector<std::unique_ptr<Loop>> loops_;
  Timestamp started_;
  std::atomic<bool> failed_{false};
  bool running_ = false;
  bool stopped_ = false;
};

}  // namespace korgoo::engine

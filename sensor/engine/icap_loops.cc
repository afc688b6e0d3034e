#include "engine/icap_loops.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "engine/counter_sum.h"
#include "output/eve_header.h"
#include "output/stats_record.h"

namespace korgoo::engine {

namespace {

// A loop's records go to the shared EVE file, serialised on the loop's thread. Its worker's
// own stats records are dropped: IcapLoops writes one for all loops.
class LoopSink final : public output::RecordSink {
 public:
  explicit LoopSink(output::RecordOutput& eve) : eve_(eve) {}
  void write(const Json& record, const output::RecordOrder&) override {
    const auto it = record.find("event_type");
    eve_.write_serialized(it != record.end() && it->is_string() ? it->get_ref<const std::string&>()
                                                                : std::string_view{},
                          output::serialize_record(record));
  }
  void write_stats(Json, Json, std::int64_t, const output::RecordOrder&) override {}
  void flush() override { eve_.flush(); }
  void flush_if_due() override { eve_.flush_if_due(); }
  output::SinkCounts counts() const override { return eve_.counts(); }

 private:
  output::RecordOutput& eve_;
};

}  // namespace

struct IcapLoops::Loop {
  Loop(const Runtime& rt, output::RecordOutput& eve, const std::string& istag, int listen_fd,
       std::atomic<std::uint32_t>& open, WorkerShare share, policy::SharedAggregation& aggregation)
      : sink(eve),
        worker(rt, sink, share, rt.config.icap.enforce),
        inspection(rt, worker, rt.config.icap),
        server(rt.config.icap, istag, listen_fd, open, inspection, counters) {
    worker.share_aggregation(&aggregation);
  }

  LoopSink sink;
  icap::IcapCounters counters;
  Worker worker;
  IcapInspection inspection;
  icap::IcapServer server;
  std::exception_ptr failure;
  std::thread thread;
};

IcapLoops::IcapLoops(const Runtime& rt, output::RecordOutput& eve, std::string istag,
                     unsigned loops, policy::SharedAggregation& aggregation)
    : rt_(rt), eve_(eve), listener_(rt.config.icap) {
  stop_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (stop_fd_ < 0) throw std::runtime_error(std::string("icap: eventfd: ") + std::strerror(errno));
  const unsigned n = std::max(loops, 1u);
  for (unsigned i = 0; i < n; ++i)
    loops_.push_back(std::make_unique<Loop>(rt, eve, istag, listener_.fd(), open_,
                                            WorkerShare{i, n}, aggregation));
}

IcapLoops::~IcapLoops() {
  try {
    stop();
  } catch (const std::exception& e) {
    spdlog::error("icap: {}", e.what());
  }
  ::close(stop_fd_);
}

void IcapLoops::start() {
  started_ = wall_clock_now();
  running_ = true;
  for (std::size_t i = 0; i < loops_.size(); ++i) gate_.join();
  for (auto& l : loops_) l->thread = std::thread([this, p = l.get()] { loop_main(*p); });
}

void IcapLoops::loop_main(Loop& l) {
  icap::IcapServer::Hooks hooks;
  hooks.stop_fd = stop_fd_;
  hooks.pause_fd = gate_.fd();
  hooks.pause = [this] { gate_.park(); };
  hooks.tick = [&l] { l.worker.advance(wall_clock_now()); };
  try {
    l.server.run(hooks);
  } catch (...) {
    l.failure = std::current_exception();
    failed_.store(true);
  }
  gate_.leave();  // a hold no longer waits for this loop
}

void IcapLoops::stop() {
  if (stopped_) return;
  stopped_ = true;
  if (running_) {
    const std::uint64_t one = 1;
    (void)!::write(stop_fd_, &one, sizeof one);  // stays readable: every loop sees it
    for (auto& l : loops_) l->thread.join();
  }
  for (auto& l : loops_) l->worker.finish(source::SourceStats{});
  for (auto& l : loops_)
    if (l->failure) std::rethrow_exception(std::exchange(l->failure, nullptr));
}

void IcapLoops::hold(const std::function<void()>& fn) const {
  if (stopped_ || !running_) {
    fn();  // no loop runs: nothing to park
    return;
  }
  gate_.hold(fn);
}

Json IcapLoops::icap_counters() const {
  std::vector<const icap::IcapCounters*> each;
  for (const auto& l : loops_) each.push_back(&l->counters);
  return icap::IcapCounters::sum_json(each);
}

std::vector<std::uint64_t> IcapLoops::requests_per_loop() const {
  std::vector<std::uint64_t> out;
  for (const auto& l : loops_)
    out.push_back(l->counters.reqmod + l->counters.respmod + l->counters.options);
  return out;
}

Json IcapLoops::stats_unheld(const source::SourceStats& source_stats) const {
  Json total = loops_.front()->worker.stats_json(source_stats);
  for (std::size_t i = 1; i < loops_.size(); ++i)
    add_counters(total, loops_[i]->worker.stats_json(source_stats));
  // The capture section is the (empty) source's, the EVE counts the one file's: not sums.
  source_stats.to_json(total["capture"]);
  total["eve"] = output::sink_counts_object(eve_.counts());
  total["icap"] = icap_counters();
  total["icap"]["loops"] = requests_per_loop();
  return total;
}

Json IcapLoops::stats_json(const source::SourceStats& source_stats) const {
  Json out;
  hold([&] { out = stats_unheld(source_stats); });
  return out;
}

void IcapLoops::write_stats() {
  hold([this] {
    output::EveHeader h;
    const Timestamp now = wall_clock_now();
    h.ts = now;
    h.event_type = "stats";
    h.host = rt_.config.output.sensor_name;
    h.in_iface = "icap";
    Json rec = output::make_record(h, false);
    output::fill_stats_record(rec, stats_unheld(source::SourceStats{}),
                              (now.usec - started_.usec) / kUsecPerSec, eve_.counts());
    eve_.write(rec);
    eve_.flush();
  });
}

WorkerStats IcapLoops::totals() const {
  WorkerStats total;
  hold([&] {
    for (const auto& l : loops_) total += l->worker.totals();
  });
  return total;
}

void IcapLoops::runtime_changed() {
  hold([this] {
    for (auto& l : loops_) l->worker.runtime_changed();
  });
}

void IcapLoops::write_event(std::string_view event_type, Json body) {
  hold([&] { loops_.front()->worker.write_event(event_type, std::move(body)); });
}

}  // namespace korgoo::engine

#include "engine/lane_run.h"

#include "engine/counter_sum.h"
#include "output/stats_record.h"

namespace korgoo::engine {

namespace {
// How often the calling thread looks for service tasks and flushes the EVE file when due.
constexpr auto kServicePoll = std::chrono::milliseconds(20);
}  // namespace

LaneRun::LaneRun(const Runtime& rt, output::RecordOutput& eve, source::SourceGroup& sources,
                 bool inline_mode)
    : sources_(sources), sink_(eve, static_cast<unsigned>(sources.size())) {
  const auto n = static_cast<unsigned>(sources.size());
  for (unsigned i = 0; i < n; ++i) {
    auto lane = std::make_unique<Lane>();
    lane->index = i;
    lane->source = &sources.member(i);
    lane->worker = std::make_unique<Worker>(rt, sink_.lane(i), WorkerShare{i, n}, inline_mode);
    // Each share of a stats record says how busy its worker was, so that imbalance shows.
    lane->worker->set_stats_extension([this, l = lane.get()](Json& s) {
      s["busy_seconds"] = static_cast<double>(l->busy_ns.load(std::memory_order_relaxed)) / 1e9;
      if (l->index == 0 && extension_) extension_(s);
    });
    lanes_.push_back(std::move(lane));
  }
}

LaneRun::~LaneRun() {
  for (auto& lane : lanes_)
    if (lane->thread.joinable()) lane->thread.join();
}

void LaneRun::share_aggregation(policy::SharedAggregation* shared) {
  for (auto& lane : lanes_) lane->worker->share_aggregation(shared);
}

void LaneRun::set_stats_extension(std::function<void(Json&)> f) {
  extension_ = std::move(f);
}

void LaneRun::run(const std::atomic<bool>& stop, WorkerMailbox* mailbox, PipelineControl* control) {
  for (auto& lane : lanes_)
    lane->thread = std::thread([this, l = lane.get(), &stop] { lane_main(*l, stop); });
  // Tasks run with every lane parked: nothing else reads the Runtime then.
  WorkerContext ctx{control ? *control : *this, sources_};
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (main_cv_.wait_for(lock, kServicePoll, [this] { return ended_ == lanes_.size(); })) break;
    }
    if (mailbox && mailbox->pending()) {
      pause_all();
      mailbox->run_pending(ctx);
      resume_all();
    }
    sink_.flush_if_due();
  }
  if (mailbox) mailbox->close();
  for (auto& lane : lanes_) lane->thread.join();
  sink_.close();
  for (auto& lane : lanes_)
    if (lane->failure) std::rethrow_exception(lane->failure);
}

void LaneRun::lane_main(Lane& lane, const std::atomic<bool>& stop) {
  try {
    Worker& w = *lane.worker;
    source::PacketSource& src = *lane.source;
    w.attach_source(src);  // periodic stats records carry this lane's capture counters
    source::Packet pkt;
    while (!stop.load(std::memory_order_relaxed)) {
      if (pause_.load(std::memory_order_acquire)) park();
      const auto status = src.next(pkt);
      if (status == source::ReadStatus::kEnd) break;
      if (status == source::ReadStatus::kIdle) {
        w.advance(wall_clock_now());
        continue;
      }
      const auto started = std::chrono::steady_clock::now();
      const Verdict v = w.process(pkt);
      if (src.is_inline()) src.set_verdict(pkt, v, w.last_flow_bypassable());
      lane.busy_ns.fetch_add((std::chrono::steady_clock::now() - started).count(),
                             std::memory_order_relaxed);
      lane.packets.fetch_add(1, std::memory_order_relaxed);
    }
    w.finish(src.stats());
  } catch (...) {
    lane.failure = std::current_exception();
    sources_.stop();  // one worker failing ends the run, as with one worker
  }
  lane_ended();
}

void LaneRun::lane_ended() {
  std::lock_guard lock(mutex_);
  ++ended_;
  main_cv_.notify_all();
}

void LaneRun::park() {
  std::unique_lock lock(mutex_);
  ++parked_;
  main_cv_.notify_all();
  lanes_cv_.wait(lock, [this] { return !pause_.load(std::memory_order_relaxed); });
  --parked_;
}

void LaneRun::pause_all() {
  pause_.store(true, std::memory_order_release);
  // A lane blocked waiting for packets is woken: a busy lane must not wait a whole poll
  // interval (with its verdicts, inline) for an idle one to notice.
  for (auto& lane : lanes_) lane->source->wake();
  std::unique_lock lock(mutex_);
  main_cv_.wait(lock, [this] { return parked_ + ended_ == lanes_.size(); });
}

void LaneRun::resume_all() {
  {
    std::lock_guard lock(mutex_);
    pause_.store(false, std::memory_order_relaxed);
  }
  lanes_cv_.notify_all();
}

Json LaneRun::stats_json(const source::SourceStats&) const {
  // Each worker's share carries its own source's counters; they add up.
  std::vector<Json> each;
  for (const auto& lane : lanes_) each.push_back(lane->worker->stats_json(lane->source->stats()));
  std::vector<const Json*> shares;
  for (const auto& s : each) shares.push_back(&s);
  Json total = merge_worker_counters(shares, CaptureCounters::kPerWorker);
  const auto c = sink_.counts();
  total["eve"] = output::sink_counts_object(c);
  return total;
}

WorkerStats LaneRun::totals() const {
  WorkerStats total;
  for (const auto& lane : lanes_) total += lane->worker->totals();
  return total;
}

void LaneRun::runtime_changed() {
  for (auto& lane : lanes_) lane->worker->runtime_changed();
}

void LaneRun::write_event(std::string_view event_type, Json body) {
  lanes_.front()->worker->write_event(event_type, std::move(body));
}

std::vector<LaneRun::Load> LaneRun::loads() const {
  std::vector<Load> out;
  for (const auto& lane : lanes_)
    out.push_back({lane->packets.load(), std::chrono::nanoseconds(lane->busy_ns.load())});
  return out;
}

}  // namespace korgoo::engine

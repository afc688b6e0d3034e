#include "engine/parallel_run.h"

#include <algorithm>

#include "engine/counter_sum.h"
#include "output/stats_record.h"

namespace korgoo::engine {

ParallelRun::ParallelRun(const Runtime& rt, output::RecordOutput& eve, unsigned workers)
    : eve_(eve), dispatch_(rt.config.flow.home_networks, std::max(workers, 1u)) {
  const unsigned n = std::max(workers, 1u);
  for (unsigned i = 0; i < n; ++i) {
    auto lane = std::make_unique<Lane>();
    lane->index = i;
    lane->worker = std::make_unique<Worker>(rt, lane->sink, WorkerShare{i, n});
    lanes_.push_back(std::move(lane));
  }
  for (auto& lane : lanes_) lane->thread = std::thread([this, l = lane.get()] { lane_main(*l); });
}

ParallelRun::~ParallelRun() {
  start(Job::kQuit);
  for (auto& lane : lanes_) lane->thread.join();
}

void ParallelRun::start(Job job) {
  {
    std::lock_guard lock(mutex_);
    job_ = job;
    running_ = static_cast<unsigned>(lanes_.size());
    ++generation_;
  }
  work_ready_.notify_all();
}

void ParallelRun::wait() {
  std::unique_lock lock(mutex_);
  work_done_.wait(lock, [this] { return running_ == 0; });
  for (auto& lane : lanes_)
    if (lane->failure) std::rethrow_exception(std::exchange(lane->failure, nullptr));
}

void ParallelRun::lane_main(Lane& lane) {
  std::uint64_t seen = 0;
  for (;;) {
    Job job;
    const PacketBatch* batch;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return generation_ != seen; });
      seen = generation_;
      job = job_;
      batch = batch_;
    }
    if (job == Job::kQuit) return;
    const auto started = std::chrono::steady_clock::now();
    try {
      if (job == Job::kBatch) {
        run_batch(lane, *batch);
      } else if (job == Job::kAdvance) {
        lane.worker->set_replay_counters(&live_counters_);
        lane.worker->advance(advance_to_);
        lane.worker->set_replay_counters(nullptr);
      } else if (job == Job::kFinish) {
        lane.worker->finish(final_counters_);
      }
    } catch (...) {
      lane.failure = std::current_exception();  // rethrown on the reader's thread
    }
    lane.load.busy += std::chrono::steady_clock::now() - started;
    std::lock_guard lock(mutex_);
    if (--running_ == 0) work_done_.notify_one();
  }
}

void ParallelRun::run_batch(Lane& lane, const PacketBatch& batch) {
  Worker& w = *lane.worker;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    w.set_replay_counters(&batch.counters(i));
    if (batch.worker(i) == lane.index) {
      w.process(batch.packet(i));
      ++lane.load.packets;
    } else {
      w.observe(batch.packet(i));
    }
  }
  w.set_replay_counters(nullptr);
}

namespace {
// A live batch is handed over at the latest this long after its first packet was read, so that
// a busy link's records are not held back for long.
constexpr auto kLiveBatchWindow = std::chrono::milliseconds(20);
}  // namespace

void ParallelRun::fill(PacketBatch& batch, source::PacketSource& source,
                       const std::atomic<bool>& stop, bool live) {
  batch.clear();
  // pcap_stats is a system call: live, the counters are read once per batch.
  if (live) live_counters_ = source.stats();
  const auto deadline = std::chrono::steady_clock::now() + kLiveBatchWindow;
  source::Packet pkt;
  while (!input_ended_ && !batch.full() && !stop.load(std::memory_order_relaxed)) {
    const auto status = source.next(pkt);
    if (status == source::ReadStatus::kEnd) {
      input_ended_ = true;
    } else if (status == source::ReadStatus::kIdle) {
      if (live) break;  // hand over what there is; an empty batch lets the clock advance
    } else {
      batch.add(pkt, live ? live_counters_ : source.stats(), dispatch_.worker_for(pkt));
      if (live && std::chrono::steady_clock::now() >= deadline) break;
    }
  }
  batch.seal();
}

void ParallelRun::share_aggregation(policy::SharedAggregation* shared) {
  for (auto& lane : lanes_) lane->worker->share_aggregation(shared);
}

void ParallelRun::set_stats_extension(std::function<void(Json&)> f) {
  lanes_.front()->worker->set_stats_extension(std::move(f));
}

void ParallelRun::run(source::PacketSource& source, const std::atomic<bool>& stop, bool live,
                      WorkerMailbox* mailbox, PipelineControl* control) {
  WorkerContext ctx{control ? *control : *this, source};
  live_ = live;
  // Between two jobs every worker is idle: the service's tasks run then.
  const auto between_jobs = [&] {
    drain();
    eve_.flush_if_due();
    if (mailbox && mailbox->pending()) mailbox->run_pending(ctx);
  };
  PacketBatch batches[2];
  unsigned current = 0;
  fill(batches[current], source, stop, live);
  for (;;) {
    PacketBatch& batch = batches[current];
    if (batch.empty()) {
      if (!live || input_ended_ || stop.load(std::memory_order_relaxed)) break;
      // An idle link: timers still run, on the wall clock.
      advance_to_ = wall_clock_now();
      start(Job::kAdvance);
      wait();
      between_jobs();
      fill(batch, source, stop, live);
      continue;
    }
    batch_ = &batch;
    start(Job::kBatch);
    fill(batches[current ^ 1], source, stop, live);  // while the workers work
    wait();
    between_jobs();
    current ^= 1;
  }
  if (mailbox) mailbox->close();
  final_counters_ = source.stats();
  start(Job::kFinish);
  wait();
  drain();
  eve_.flush();
}

void ParallelRun::drain() {
  std::vector<BatchRecord*> all;
  for (auto& lane : lanes_)
    for (auto& r : lane->sink.records()) all.push_back(&r);
  // Each lane's records are already in input order; a stable sort interleaves the lanes and
  // keeps, for one key, the order its one worker made them in.
  std::stable_sort(all.begin(), all.end(),
                   [](const BatchRecord* a, const BatchRecord* b) { return a->order < b->order; });
  for (std::size_t i = 0; i < all.size();) {
    BatchRecord& r = *all[i];
    if (!r.is_stats) {
      eve_.write_serialized(r.event_type, r.line);
      ++i;
      continue;
    }
    // Every worker wrote its share of this stats record at the same packet: add them up.
    std::vector<const Json*> shares{&r.counters};
    std::size_t j = i + 1;
    for (; j < all.size() && all[j]->is_stats && !(r.order < all[j]->order); ++j)
      shares.push_back(&all[j]->counters);
    output::fill_stats_record(
        r.header, with_busy_time(merge_worker_counters(shares, CaptureCounters::kShared)), r.uptime,
        eve_.counts());
    eve_.write(r.header);
    eve_.flush();
    i = j;
  }
  for (auto& lane : lanes_) lane->sink.records().clear();
}

Json ParallelRun::stats_json(const source::SourceStats& source_stats) const {
  std::vector<Json> each;
  each.reserve(lanes_.size());
  for (const auto& lane : lanes_) each.push_back(lane->worker->stats_json(source_stats));
  std::vector<const Json*> shares;
  for (const auto& s : each) shares.push_back(&s);
  Json total = with_busy_time(merge_worker_counters(shares, CaptureCounters::kShared));
  total["eve"] = output::sink_counts_object(eve_.counts());
  return total;
}

Json ParallelRun::with_busy_time(Json counters) const {
  // Live only: wall-clock busy time differs from run to run, and a replay's records must not.
  if (!live_) return counters;
  Json& workers = counters["workers"];
  for (std::size_t i = 0; i < lanes_.size() && i < workers.size(); ++i)
    workers[i]["busy_seconds"] = std::chrono::duration<double>(lanes_[i]->load.busy).count();
  return counters;
}

WorkerStats ParallelRun::totals() const {
  WorkerStats total;
  for (const auto& lane : lanes_) total += lane->worker->totals();
  return total;
}

void ParallelRun::runtime_changed() {
  for (auto& lane : lanes_) lane->worker->runtime_changed();
}

void ParallelRun::write_event(std::string_view event_type, Json body) {
  lanes_.front()->worker->write_event(event_type, std::move(body));
  drain();
  eve_.flush();
}

std::vector<ParallelRun::Load> ParallelRun::loads() const {
  std::vector<Load> out;
  for (const auto& lane : lanes_) out.push_back(lane->load);
  return out;
}

}  // namespace korgoo::engine

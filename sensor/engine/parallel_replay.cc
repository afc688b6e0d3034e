#include "engine/parallel_replay.h"

#include <algorithm>

#include "engine/counter_sum.h"
#include "output/eve_sink.h"

namespace korgoo::engine {

namespace {

// The run's counters from every worker's: the capture section is the source's, the same in
// each worker's share, so it is taken once rather than added up. `workers` lists what each
// worker processed, so that an operator sees an imbalance.
Json merge_counters(const std::vector<const Json*>& shares) {
  Json total = *shares.front();
  for (std::size_t i = 1; i < shares.size(); ++i) add_counters(total, *shares[i]);
  if (auto it = shares.front()->find("capture"); it != shares.front()->end())
    total["capture"] = *it;
  Json per_worker = Json::array();
  for (const Json* s : shares) {
    const auto decoder = s->find("decoder");
    const auto flow = s->find("flow");
    per_worker.push_back(
        {{"packets", decoder != s->end() ? decoder->value("packets", std::uint64_t{0}) : 0},
         {"flows", flow != s->end() ? flow->value("created", std::uint64_t{0}) : 0}});
  }
  total["workers"] = std::move(per_worker);
  return total;
}

}  // namespace

ParallelReplay::ParallelReplay(const Runtime& rt, output::EveWriter& eve, unsigned workers)
    : rt_(rt), eve_(eve), dispatch_(rt.config.flow.home_networks, std::max(workers, 1u)) {
  const unsigned n = std::max(workers, 1u);
  for (unsigned i = 0; i < n; ++i) {
    auto lane = std::make_unique<Lane>();
    lane->index = i;
    lane->worker = std::make_unique<Worker>(rt, lane->sink, WorkerShare{i, n});
    lanes_.push_back(std::move(lane));
  }
  for (auto& lane : lanes_) lane->thread = std::thread([this, l = lane.get()] { lane_main(*l); });
}

ParallelReplay::~ParallelReplay() {
  start(Job::kQuit);
  for (auto& lane : lanes_) lane->thread.join();
}

void ParallelReplay::start(Job job) {
  {
    std::lock_guard lock(mutex_);
    job_ = job;
    running_ = static_cast<unsigned>(lanes_.size());
    ++generation_;
  }
  work_ready_.notify_all();
}

void ParallelReplay::wait() {
  std::unique_lock lock(mutex_);
  work_done_.wait(lock, [this] { return running_ == 0; });
  for (auto& lane : lanes_)
    if (lane->failure) std::rethrow_exception(std::exchange(lane->failure, nullptr));
}

void ParallelReplay::lane_main(Lane& lane) {
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
      if (job == Job::kBatch)
        run_batch(lane, *batch);
      else if (job == Job::kFinish)
        lane.worker->finish(final_counters_);
    } catch (...) {
      lane.failure = std::current_exception();  // rethrown on the reader's thread
    }
    lane.load.busy += std::chrono::steady_clock::now() - started;
    std::lock_guard lock(mutex_);
    if (--running_ == 0) work_done_.notify_one();
  }
}

void ParallelReplay::run_batch(Lane& lane, const PacketBatch& batch) {
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

bool ParallelReplay::fill(PacketBatch& batch, source::PacketSource& source,
                          const std::atomic<bool>& stop) {
  batch.clear();
  source::Packet pkt;
  while (!input_ended_ && !batch.full() && !stop.load(std::memory_order_relaxed)) {
    const auto status = source.next(pkt);
    if (status == source::ReadStatus::kEnd) {
      input_ended_ = true;
    } else if (status == source::ReadStatus::kPacket) {
      batch.add(pkt, source.stats(), dispatch_.worker_for(pkt));
    }
  }
  batch.seal();
  return !batch.empty();
}

void ParallelReplay::run(source::PacketSource& source, const std::atomic<bool>& stop,
                         WorkerMailbox* mailbox) {
  WorkerContext ctx{*this, source};
  PacketBatch batches[2];
  unsigned current = 0;
  bool have = fill(batches[0], source, stop);
  while (have) {
    batch_ = &batches[current];
    start(Job::kBatch);
    const bool next = fill(batches[current ^ 1], source, stop);  // while the workers work
    wait();
    drain();
    if (mailbox && mailbox->pending()) mailbox->run_pending(ctx);  // every worker is idle
    current ^= 1;
    have = next;
  }
  if (mailbox) mailbox->close();
  final_counters_ = source.stats();
  start(Job::kFinish);
  wait();
  drain();
  eve_.flush();
}

void ParallelReplay::drain() {
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
    output::fill_stats_record(r.header, merge_counters(shares), r.uptime,
                              {eve_.records(), eve_.lost(), eve_.write_errors()});
    eve_.write(r.header);
    eve_.flush();
    i = j;
  }
  for (auto& lane : lanes_) lane->sink.records().clear();
}

Json ParallelReplay::stats_json(const source::SourceStats& source_stats) const {
  std::vector<Json> each;
  each.reserve(lanes_.size());
  for (const auto& lane : lanes_) each.push_back(lane->worker->stats_json(source_stats));
  std::vector<const Json*> shares;
  for (const auto& s : each) shares.push_back(&s);
  Json total = merge_counters(shares);
  total["eve"] = {
      {"records", eve_.records()}, {"lost", eve_.lost()}, {"write_errors", eve_.write_errors()}};
  return total;
}

WorkerStats ParallelReplay::totals() const {
  WorkerStats total;
  for (const auto& lane : lanes_) total += lane->worker->totals();
  return total;
}

void ParallelReplay::runtime_changed() {
  for (auto& lane : lanes_) lane->worker->runtime_changed();
}

void ParallelReplay::write_event(std::string_view event_type, Json body) {
  lanes_.front()->worker->write_event(event_type, std::move(body));
  drain();
  eve_.flush();
}

std::vector<ParallelReplay::Load> ParallelReplay::loads() const {
  std::vector<Load> out;
  for (const auto& lane : lanes_) out.push_back(lane->load);
  return out;
}

}  // namespace korgoo::engine

#include "engine/lane_sink.h"

#include "engine/counter_sum.h"
#include "output/stats_record.h"

namespace korgoo::engine {

namespace {
// Rounds kept open for a late worker before the oldest is written without it.
constexpr std::size_t kOpenRounds = 3;
}  // namespace

class LaneSink::Lane final : public output::RecordSink {
 public:
  Lane(LaneSink& owner, unsigned index) : owner_(owner), index_(index) {}

  void write(const Json& record, const output::RecordOrder&) override {
    std::string event_type;
    if (auto it = record.find("event_type"); it != record.end() && it->is_string())
      event_type = it->get<std::string>();
    const std::string line = output::serialize_record(record);
    std::lock_guard lock(owner_.mutex_);
    owner_.eve_.write_serialized(event_type, line);
  }
  void write_stats(Json record, Json counters, std::int64_t uptime,
                   const output::RecordOrder& order) override {
    const std::uint64_t round =
        order.packet == output::RecordOrder::kEndOfInput ? kFinal : next_round_++;
    owner_.add_share(index_, round, std::move(record), std::move(counters), uptime);
  }
  void flush() override {
    std::lock_guard lock(owner_.mutex_);
    owner_.eve_.flush();
  }
  void flush_if_due() override { owner_.flush_if_due(); }
  output::SinkCounts counts() const override { return owner_.counts(); }

  static constexpr std::uint64_t kFinal = ~std::uint64_t{0};

 private:
  LaneSink& owner_;
  unsigned index_;
  std::uint64_t next_round_ = 0;
};

LaneSink::LaneSink(output::RecordOutput& eve, unsigned lanes) : eve_(eve) {
  for (unsigned i = 0; i < lanes; ++i) lanes_.push_back(std::make_unique<Lane>(*this, i));
  final_.shares.resize(lanes);
}

LaneSink::~LaneSink() = default;

output::RecordSink& LaneSink::lane(unsigned i) {
  return *lanes_[i];
}

void LaneSink::flush_if_due() {
  std::lock_guard lock(mutex_);
  eve_.flush_if_due();
}

output::SinkCounts LaneSink::counts() const {
  std::lock_guard lock(mutex_);
  return eve_.counts();
}

void LaneSink::add_share(unsigned lane, std::uint64_t round, Json header, Json counters,
                         std::int64_t uptime) {
  std::lock_guard lock(mutex_);
  Round* r = &final_;
  if (round != Lane::kFinal) {
    if (round < first_round_) return;  // its round was already written without it
    while (first_round_ + rounds_.size() <= round) {
      rounds_.emplace_back();
      rounds_.back().shares.resize(lanes_.size());
    }
    r = &rounds_[round - first_round_];
  }
  if (r->filled == 0) {
    r->header = std::move(header);
    r->uptime = uptime;
  }
  if (r->shares[lane].is_null()) ++r->filled;
  r->shares[lane] = std::move(counters);
  if (round == Lane::kFinal) {
    if (final_.filled == lanes_.size()) {
      // Rounds still open end before the final record.
      while (!rounds_.empty()) {
        write_round(rounds_.front());
        rounds_.pop_front();
        ++first_round_;
      }
      write_round(final_);
    }
    return;
  }
  while (!rounds_.empty() &&
         (rounds_.front().filled == lanes_.size() || rounds_.size() > kOpenRounds)) {
    write_round(rounds_.front());
    rounds_.pop_front();
    ++first_round_;
  }
}

void LaneSink::write_round(Round& r) {
  std::vector<const Json*> shares;
  for (const Json& s : r.shares)
    if (!s.is_null()) shares.push_back(&s);
  if (shares.empty()) return;
  output::fill_stats_record(r.header, merge_worker_counters(shares, CaptureCounters::kPerWorker),
                            r.uptime, eve_.counts());
  eve_.write(r.header);
  eve_.flush();
  r = Round{};
}

void LaneSink::close() {
  std::lock_guard lock(mutex_);
  while (!rounds_.empty()) {
    write_round(rounds_.front());
    rounds_.pop_front();
    ++first_round_;
  }
  if (final_.filled > 0 && final_.filled < lanes_.size()) write_round(final_);
  eve_.flush();
}

}  // namespace korgoo::engine

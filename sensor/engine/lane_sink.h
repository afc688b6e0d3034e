// Where the records of independent workers go (engine::LaneRun: each worker reads its own
// fanout socket or queues). Records are written as they come, under one lock; a record is
// serialised on its worker's thread first, so the lock covers only the write. Stats records
// are merged: each worker writes its share at its own stats timer, and the k-th share of
// every worker (live workers tick within a poll interval of each other, since an idle one
// advances by the wall clock) makes one record with the counters added up. A round still
// waiting for a stopped or stuck worker is written with the shares it has once newer rounds
// pile up, and at the end.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "output/record_output.h"
#include "output/record_sink.h"

namespace korgoo::engine {

class LaneSink {
 public:
  LaneSink(output::RecordOutput& eve, unsigned lanes);
  ~LaneSink();
  LaneSink(const LaneSink&) = delete;
  LaneSink& operator=(const LaneSink&) = delete;

  // Lane i's sink, for its worker. Valid as long as this object.
  output::RecordSink& lane(unsigned i);
  // Any thread.
  void flush_if_due();
  // Writes every round still open (end of run), then flushes.
  void close();
  output::SinkCounts counts() const;

 private:
  class Lane;
  struct Round {
    std::vector<Json> shares;  // by lane; null until that lane's share arrives
    unsigned filled = 0;
    Json header;
    std::int64_t uptime = 0;
  };
  void add_share(unsigned lane, std::uint64_t round, Json header, Json counters,
                 std::int64_t uptime);
  void write_round(Round& r);  // mutex_ held

  output::RecordOutput& eve_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  mutable std::mutex mutex_;
  std::uint64_t first_round_ = 0;  // the round rounds_.front() is
  std::deque<Round> rounds_;
  Round final_;  // the shares written at the end of input
};

}  // namespace korgoo::engine

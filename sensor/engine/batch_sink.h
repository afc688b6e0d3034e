// The RecordSink of one worker in a parallel replay: keeps the records of the current batch,
// serialised on the worker's thread, with their place in the input, for ParallelRun to
// merge. Stats records stay unserialised: the workers' counters are added up first.
#pragma once

#include <string>
#include <vector>

#include "output/record_sink.h"

namespace korgoo::engine {

struct BatchRecord {
  output::RecordOrder order;
  std::string event_type;
  std::string line;  // the serialised record; empty for stats
  bool is_stats = false;
  Json header;    // stats: the record without its "stats" object
  Json counters;  // stats: the worker's counters, korgoo's layout
  std::int64_t uptime = 0;
};

class BatchSink final : public output::RecordSink {
 public:
  void write(const Json& record, const output::RecordOrder& order) override;
  void write_stats(Json record, Json counters, std::int64_t uptime,
                   const output::RecordOrder& order) override;
  // Nothing reaches the file from here: ParallelRun writes and flushes.
  void flush() override {}
  void flush_if_due() override {}
  // The EVE file's counts are ParallelRun's to report.
  output::SinkCounts counts() const override { return {}; }

  std::vector<BatchRecord>& records() { return records_; }

 private:
  std::vector<BatchRecord> records_;
};

}  // namespace korgoo::engine

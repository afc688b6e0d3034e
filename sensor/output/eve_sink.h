// The RecordSink of a run with one worker: every record goes straight to the output (the EVE
// file, or whichever RecordOutput engine::open_output opened).
#pragma once

#include "output/record_output.h"
#include "output/record_sink.h"

namespace korgoo::output {

class EveSink final : public RecordSink {
 public:
  explicit EveSink(RecordOutput& eve) : eve_(eve) {}

  void write(const Json& record, const RecordOrder&) override { eve_.write(record); }
  void write_stats(Json record, Json counters, std::int64_t uptime,
                   const RecordOrder& order) override;
  void flush() override { eve_.flush(); }
  void flush_if_due() override { eve_.flush_if_due(); }
  SinkCounts counts() const override { return eve_.counts(); }

 private:
  RecordOutput& eve_;
};

}  // namespace korgoo::output

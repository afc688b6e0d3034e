#include "output/eve_sink.h"

#include "output/stats_record.h"

namespace korgoo::output {

void EveSink::write_stats(Json record, Json counters, std::int64_t uptime, const RecordOrder&) {
  fill_stats_record(record, std::move(counters), uptime, counts());
  eve_.write(record);
  eve_.flush();
}

}  // namespace korgoo::output

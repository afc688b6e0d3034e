#include "output/eve_sink.h"

#include "output/suricata_stats.h"

namespace korgoo::output {

void fill_stats_record(Json& record, Json counters, std::int64_t uptime, const SinkCounts& eve) {
  // Records that could not be written (full disk, I/O errors): never silent.
  counters["eve"] = {
      {"records", eve.records}, {"lost", eve.lost}, {"write_errors", eve.write_errors}};
  record["stats"] = suricata_stats(counters, uptime);
}

void EveSink::write_stats(Json record, Json counters, std::int64_t uptime, const RecordOrder&) {
  fill_stats_record(record, std::move(counters), uptime, counts());
  eve_.write(record);
  eve_.flush();
}

}  // namespace korgoo::output

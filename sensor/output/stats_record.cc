#include "output/stats_record.h"

#include <string>
#include <utility>

#include "output/suricata_stats.h"

namespace korgoo::output {

Json sink_counts_object(const SinkCounts& c) {
  return {{"records", c.records}, {"lost", c.lost}, {"write_errors", c.write_errors}};
}

void fill_stats_record(Json& record, Json counters, std::int64_t uptime, const SinkCounts& out) {
  counters["eve"] = sink_counts_object(out);
  record["stats"] = suricata_stats(counters, uptime);
}

Json event_record(const EveHeader& header, Json body) {
  Json rec = make_record(header, false);
  rec[std::string(header.event_type)] = std::move(body);
  return rec;
}

}  // namespace korgoo::output

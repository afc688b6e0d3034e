#include "engine/batch_sink.h"

#include "output/record_output.h"

namespace korgoo::engine {

void BatchSink::write(const Json& record, const output::RecordOrder& order) {
  BatchRecord r;
  r.order = order;
  if (auto it = record.find("event_type"); it != record.end() && it->is_string())
    r.event_type = it->get<std::string>();
  r.line = output::serialize_record(record);
  records_.push_back(std::move(r));
}

void BatchSink::write_stats(Json record, Json counters, std::int64_t uptime,
                            const output::RecordOrder& order) {
  BatchRecord r;
  r.order = order;
  r.event_type = "stats";
  r.is_stats = true;
  r.header = std::move(record);
  r.counters = std::move(counters);
  r.uptime = uptime;
  records_.push_back(std::move(r));
}

}  // namespace korgoo::engine

// The EVE stats record and the operational records (reload, ...): records about no flow.
// The counters come from the engine in korgoo's layout (engine::Worker::stats_json, summed
// over workers where there are several); here they get Suricata's names (suricata_stats)
// and the output's own counts.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/json.h"
#include "output/eve_header.h"
#include "output/record_sink.h"

namespace korgoo::output {

// {"records", "lost", "write_errors"}: what the output wrote and could not write, never silent.
Json sink_counts_object(const SinkCounts& counts);

// Fills a stats record (`record` holds its header) from korgoo's counters: Suricata's names,
// korgoo's layout under stats.korgoo, and the output's own counts as they stand now.
void fill_stats_record(Json& record, Json counters, std::int64_t uptime, const SinkCounts& out);

// An operational record: the header, then `body` under the event type's own key.
Json event_record(const EveHeader& header, Json body);

}  // namespace korgoo::output

// The EVE stats object in Suricata's layout and names (decoder.pkts, flow.total, tcp.*,
// app_layer.tx.*, uptime), so that dashboards built for Suricata fill in. Counters Suricata has
// no name for stay in korgoo's own layout under the one extension key "korgoo" (docs/eve.md).
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::output {

// `korgoo`: the engine's stats object (engine::Worker::stats_json); `uptime`: seconds.
Json suricata_stats(const Json& korgoo, std::int64_t uptime);

}  // namespace korgoo::output

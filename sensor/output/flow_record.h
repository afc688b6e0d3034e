// The EVE flow record written when a flow ends: the header, Suricata's `flow` object, the
// personal data of both directions merged and where the flow's data went.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/json.h"
#include "common/timestamp.h"
#include "detect/tally.h"
#include "output/eve_header.h"
#include "policy/flow_facts.h"

namespace korgoo::output {

struct FlowRecordFacts {
  EveHeader header;  // event_type "flow", stamped with the flow's last packet
  bool compress_v6 = false;
  std::uint64_t pkts_toserver = 0, pkts_toclient = 0;
  std::uint64_t bytes_toserver = 0, bytes_toclient = 0;
  Timestamp start, end;
  std::string_view state, reason;  // flow::to_string of the flow's state and end reason
  bool alerted = false;
  bool blocked = false;
  const detect::Tally* pii = nullptr;  // both directions merged; null or empty: no `pii`
  policy::GeoFacts geo;                // the external side of the direction leaving home
};

Json flow_record(const FlowRecordFacts& f);

}  // namespace korgoo::output

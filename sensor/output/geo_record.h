// The `geo` object of alert and flow records: where the data went and how the policy judged
// that place. {"dest_country", "adequate", "domestic", "private"?, "basis"?: {"type", "id",
// "reference"}}.
#pragma once

#include "common/json.h"
#include "policy/flow_facts.h"

namespace korgoo::output {

Json geo_object(const policy::GeoFacts& g);

}  // namespace korgoo::output

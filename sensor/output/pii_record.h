// The `pii` object of alert and flow records: what a tally counted, per data type, never a
// value. {"kg_pin":{"count":2,"distinct":1,"samples":["22**********45"]}, ...}, keys sorted.
#pragma once

#include "common/json.h"
#include "detect/tally.h"

namespace korgoo::output {

Json pii_object(const detect::Tally& tally);

}  // namespace korgoo::output

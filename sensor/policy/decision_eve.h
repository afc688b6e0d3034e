// The policy's part of an EVE alert record. The engine merges these keys into the record it
// writes (after timestamp, flow_id, addresses, app_proto, and before pii and app metadata).
#pragma once

#include "common/json.h"
#include "policy/policy_engine.h"

namespace korgoo::policy {

// {
//   "direction": "to_server"|"to_client"  (which way the data went, where Suricata puts it)
//   "alert":  {"action": "allowed", "gid": 1, "signature_id", "rev", "signature", "category",
//              "severity", "metadata": {key: [text, ...], "transfer": [..],
//              "rule_action": ["alert"|"drop"]}},
//   "geo":    {"dest_country", "adequate", "domestic", "private"?, "basis"?: {"type", "id",
//              "reference"}},
//   "threat": {"level", "points"},
//   "aggregate"?: {"by": "src_host", "window", "count", "distinct"}
// }
// `alert.action` is "allowed": whether a drop was carried out ("blocked") is the engine's call
// (inline mode, fail-open); `metadata.rule_action` says what the rule asked for.
Json decision_to_eve(const Decision& d);

// The `geo` object alone, for flow records: {"dest_country", "adequate", "domestic", ...}.
Json geo_to_eve(const GeoFacts& g);

}  // namespace korgoo::policy

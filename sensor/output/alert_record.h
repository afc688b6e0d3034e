// The EVE alert record: the header, the policy's decision, what the packet's fate was, the
// personal data of the direction that triggered and the flow's latest app objects. The engine
// hands over what it knows; this is the one place the record's shape is written down.
#pragma once

#include "common/json.h"
#include "detect/tally.h"
#include "output/eve_header.h"
#include "policy/policy_engine.h"

namespace korgoo::output {

// The policy's part of an alert record, at the top level after the header:
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
// `alert.action` is "allowed" here: whether a drop was carried out is the engine's call
// (inline mode, fail-open), given to alert_record as AlertFacts::blocked;
// `metadata.rule_action` says what the rule asked for.
Json decision_fields(const policy::Decision& d);

struct AlertFacts {
  EveHeader header;  // event_type "alert", oriented to_server
  bool compress_v6 = false;
  const policy::Decision* decision = nullptr;
  bool blocked = false;                  // a drop rule fired and the flow is now blocked
  const detect::Tally* tally = nullptr;  // the direction that triggered (decision->data_dir)
  const Json* app_fields = nullptr;      // the flow's latest app objects ("http", "tls", ...)
  const Json* files = nullptr;  // Suricata's alert `files`: the files that carried the data
  const Json* extra = nullptr;  // objects of a proxied exchange ({"icap": {...}})
};

Json alert_record(const AlertFacts& a);

}  // namespace korgoo::output

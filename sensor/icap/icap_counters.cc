#include "icap/icap_counters.h"

namespace korgoo::icap {

void IcapCounters::to_json(Json& out) const {
  out["connections"] = connections;
  out["connections_refused"] = connections_refused;
  out["connections_active"] = connections_active;
  out["options"] = options;
  out["reqmod"] = reqmod;
  out["respmod"] = respmod;
  out["no_content"] = no_content;
  out["echoed"] = echoed;
  out["blocked"] = blocked;
  out["previews"] = previews;
  out["preview_ieof"] = preview_ieof;
  out["continues"] = continues;
  out["malformed"] = malformed;
  out["unknown_service"] = unknown_service;
  out["header_too_large"] = header_too_large;
  out["body_truncated"] = body_truncated;
  out["over_budget"] = over_budget;
  out["idle_closed"] = idle_closed;
  out["body_bytes"] = body_bytes;
}

}  // namespace korgoo::icap

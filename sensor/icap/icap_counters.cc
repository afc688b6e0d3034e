#include "icap/icap_counters.h"

namespace korgoo::icap {

void IcapCounters::to_json(Json& out) const {
  out["connections"] = std::uint64_t{connections};
  out["connections_refused"] = std::uint64_t{connections_refused};
  out["connections_active"] = std::uint64_t{connections_active};
  out["options"] = std::uint64_t{options};
  out["reqmod"] = std::uint64_t{reqmod};
  out["respmod"] = std::uint64_t{respmod};
  out["no_content"] = std::uint64_t{no_content};
  out["echoed"] = std::uint64_t{echoed};
  out["blocked"] = std::uint64_t{blocked};
  out["previews"] = std::uint64_t{previews};
  out["preview_ieof"] = std::uint64_t{preview_ieof};
  out["continues"] = std::uint64_t{continues};
  out["malformed"] = std::uint64_t{malformed};
  out["unknown_service"] = std::uint64_t{unknown_service};
  out["header_too_large"] = std::uint64_t{header_too_large};
  out["body_truncated"] = std::uint64_t{body_truncated};
  out["over_budget"] = std::uint64_t{over_budget};
  out["idle_closed"] = std::uint64_t{idle_closed};
  out["body_bytes"] = std::uint64_t{body_bytes};
}

Json IcapCounters::sum_json(const std::vector<const IcapCounters*>& loops) {
  Json total = Json::object();
  for (const IcapCounters* c : loops) {
    Json one = Json::object();
    c->to_json(one);
    for (auto it = one.begin(); it != one.end(); ++it)
      total[it.key()] = total.value(it.key(), std::uint64_t{0}) + it->get<std::uint64_t>();
  }
  return total;
}

}  // namespace korgoo::icap

#include "detect/detect_stats.h"

namespace korgoo::detect {

void DetectStats::bump(Counters& c, std::string_view key, std::uint64_t n) {
  auto it = c.find(key);
  if (it == c.end()) it = c.emplace(std::string(key), 0).first;
  it->second += n;
}

void DetectStats::merge(const DetectStats& o) {
  bytes += o.bytes;
  streams += o.streams;
  candidates += o.candidates;
  for (const auto& [k, v] : o.confirmed) bump(confirmed, k, v);
  for (const auto& [k, v] : o.high_confidence) bump(high_confidence, k, v);
  for (const auto& [k, v] : o.rejected) bump(rejected, k, v);
  suppressed_org_inn += o.suppressed_org_inn;
  suppressed_bin += o.suppressed_bin;
  suppressed_role_mailbox += o.suppressed_role_mailbox;
  hs_errors += o.hs_errors;
}

void DetectStats::to_json(Json& out) const {
  if (!out.is_object()) out = Json::object();
  out["bytes"] = bytes;
  out["streams"] = streams;
  out["candidates"] = candidates;
  out["confirmed"] = Json::object();
  for (const auto& [k, v] : confirmed) out["confirmed"][k] = v;
  out["high_confidence"] = Json::object();
  for (const auto& [k, v] : high_confidence) out["high_confidence"][k] = v;
  out["rejected"] = Json::object();
  for (const auto& [k, v] : rejected) out["rejected"][k] = v;
  out["suppressed_org_inn"] = suppressed_org_inn;
  out["suppressed_bin"] = suppressed_bin;
  out["suppressed_role_mailbox"] = suppressed_role_mailbox;
  out["hs_errors"] = hs_errors;
}

}  // namespace korgoo::detect

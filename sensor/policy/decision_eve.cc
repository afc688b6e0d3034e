#include "policy/decision_eve.h"

namespace korgoo::policy {

Json decision_to_eve(const Decision& d) {
  const Rule& r = *d.rule;
  Json alert = Json::object();
  alert["action"] = "allowed";
  alert["gid"] = 1;
  alert["signature_id"] = r.sid;
  alert["rev"] = r.rev;
  alert["signature"] = r.signature;
  alert["category"] = r.category;
  alert["severity"] = r.severity;
  alert["direction"] = d.data_dir == Direction::kToServer ? "to_server" : "to_client";
  alert["rule_action"] = std::string(to_string(r.action));
  Json meta = Json::object();
  for (const auto& [key, values] : r.metadata) meta[key] = values;
  meta["transfer"] = Json::array({std::string(to_string(d.transfer))});
  alert["metadata"] = std::move(meta);

  Json geo = Json::object();
  geo["dest_country"] = d.geo.dest_country;
  geo["adequate"] = d.geo.adequate;
  geo["domestic"] = d.geo.domestic;
  if (d.geo.is_private) geo["private"] = true;
  if (!d.geo.basis.empty())
    geo["basis"] = {
        {"type", d.geo.basis}, {"id", d.geo.basis_id}, {"reference", d.geo.basis_reference}};

  Json out = Json::object();
  out["alert"] = std::move(alert);
  out["geo"] = std::move(geo);
  out["threat"] = {{"level", d.threat_level}, {"points", d.points}};
  if (r.aggregate)
    out["aggregate"] = {{"by", "src_host"},
                        {"window", r.aggregate->window_seconds},
                        {"count", d.aggregate_count},
                        {"distinct", d.aggregate_distinct}};
  return out;
}

}  // namespace korgoo::policy

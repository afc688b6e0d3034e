#include "policy/decision_eve.h"

namespace korgoo::policy {

Json geo_to_eve(const GeoFacts& g) {
  Json geo = Json::object();
  geo["dest_country"] = g.dest_country;
  geo["adequate"] = g.adequate;
  geo["domestic"] = g.domestic;
  if (g.is_private) geo["private"] = true;
  if (!g.basis.empty())
    geo["basis"] = {{"type", g.basis}, {"id", g.basis_id}, {"reference", g.basis_reference}};
  return geo;
}

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
  Json meta = Json::object();
  for (const auto& [key, values] : r.metadata) meta[key] = values;
  meta["transfer"] = Json::array({std::string(to_string(d.transfer))});
  // What the rule asked for; Suricata's alert has no such field, so it is korgoo metadata.
  meta["rule_action"] = Json::array({std::string(to_string(r.action))});
  alert["metadata"] = std::move(meta);

  Json out = Json::object();
  // Suricata places the direction of the data at the top level of the record.
  out["direction"] = d.data_dir == Direction::kToServer ? "to_server" : "to_client";
  out["alert"] = std::move(alert);
  out["geo"] = geo_to_eve(d.geo);
  out["threat"] = {{"level", d.threat_level}, {"points", d.points}};
  if (r.aggregate)
    out["aggregate"] = {{"by", "src_host"},
                        {"window", r.aggregate->window_seconds},
                        {"count", d.aggregate_count},
                        {"distinct", d.aggregate_distinct}};
  return out;
}

}  // namespace korgoo::policy

#include "output/alert_record.h"

#include "output/geo_record.h"
#include "output/pii_record.h"

namespace korgoo::output {

Json decision_fields(const policy::Decision& d) {
  const policy::Rule& r = *d.rule;
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
  meta["transfer"] = Json::array({std::string(policy::to_string(d.transfer))});
  // What the rule asked for; Suricata's alert has no such field, so it is korgoo metadata.
  meta["rule_action"] = Json::array({std::string(policy::to_string(r.action))});
  alert["metadata"] = std::move(meta);

  Json out = Json::object();
  // Suricata places the direction of the data at the top level of the record.
  out["direction"] = d.data_dir == Direction::kToServer ? "to_server" : "to_client";
  out["alert"] = std::move(alert);
  out["geo"] = geo_object(d.geo);
  out["threat"] = {{"level", d.threat_level}, {"points", d.points}};
  if (r.aggregate)
    out["aggregate"] = {{"by", "src_host"},
                        {"window", r.aggregate->window_seconds},
                        {"count", d.aggregate_count},
                        {"distinct", d.aggregate_distinct}};
  return out;
}

Json alert_record(const AlertFacts& a) {
  Json rec = make_record(a.header, a.compress_v6);
  append_fields(rec, decision_fields(*a.decision));
  if (a.blocked) rec["alert"]["action"] = "blocked";
  // Suricata's meaning: what happened to the packet ("alert" = let through and reported).
  rec["verdict"] = {{"action", a.blocked ? "drop" : "alert"}};
  rec["pii"] = a.tally ? pii_object(*a.tally) : Json::object();
  if (a.app_fields) append_fields(rec, *a.app_fields);
  if (a.files) rec["files"] = *a.files;
  if (a.extra) append_fields(rec, *a.extra);
  return rec;
}

}  // namespace korgoo::output

#include <gtest/gtest.h>

#include "output/alert_record.h"
#include "policy/policy_test_util.h"

namespace korgoo::output {
namespace {

using policy::Decision;
using policy::Transfer;
using policy::testing::abroad;
namespace testing = policy::testing;

TEST(DecisionFields, AlertGeoAndThreatObjects) {
  const auto rules = testing::rules_from(R"(
rules:
  - id: 9000003
    rev: 2
    signature: "to a country without adequate protection"
    category: "Cross-border transfer"
    action: drop
    severity: 2
    condition: {adequate: false}
    metadata:
      rationale: "because"
      law: ["Law No. 58"]
)");
  Decision d;
  d.rule = &rules[0];
  d.data_dir = Direction::kToClient;
  d.transfer = Transfer::kOutbound;
  d.geo = abroad(false, "consent");
  d.geo.basis_id = "forms";
  d.geo.basis_reference = "signed forms";
  d.threat_level = "yellow";
  d.points = 3;
  const Json j = decision_fields(d);
  EXPECT_EQ(j.dump(), R"({"direction":"to_client","alert":{"action":"allowed","gid":1,)"
                      R"("signature_id":9000003,"rev":2,)"
                      R"("signature":"to a country without adequate protection",)"
                      R"("category":"Cross-border transfer","severity":2,)"
                      R"("metadata":{"rationale":["because"],"law":["Law No. 58"],)"
                      R"("transfer":["outbound"],"rule_action":["drop"]}},)"
                      R"("geo":{"dest_country":"US","adequate":false,"domestic":false,)"
                      R"("basis":{"type":"consent","id":"forms","reference":"signed forms"}},)"
                      R"("threat":{"level":"yellow","points":3}})");
}

TEST(DecisionFields, PrivateAndAggregate) {
  const auto rules = testing::rules_from(
      "rules:\n  - {id: 1, signature: s, condition: {}, aggregate: {window: 60, "
      "min_distinct: 5}}\n");
  Decision d;
  d.rule = &rules[0];
  d.geo.is_private = d.geo.domestic = d.geo.adequate = true;
  d.aggregate_count = 9;
  d.aggregate_distinct = 6;
  const Json j = decision_fields(d);
  EXPECT_EQ(j["geo"]["private"], true);
  EXPECT_EQ(j["geo"]["dest_country"], "");
  EXPECT_FALSE(j["geo"].contains("basis"));
  EXPECT_EQ(j["aggregate"]["distinct"], 6);
  EXPECT_EQ(j["aggregate"]["window"], 60);
}

TEST(AlertRecord, ACarriedOutDropSaysBlockedAndTheHeaderComesFirst) {
  const auto rules =
      testing::rules_from("rules:\n  - {id: 7, signature: s, action: drop, condition: {}}\n");
  Decision d;
  d.rule = &rules[0];
  d.geo = abroad(false);
  d.threat_level = "blue";
  detect::Tally tally;
  tally.observe("kg_pin", 1, 2, [] { return std::string("22***45"); });
  const Json app = {{"http", {{"hostname", "example.org"}}}};
  AlertFacts a;
  a.header.event_type = "alert";
  a.header.flow_id = 5;
  a.decision = &d;
  a.blocked = true;
  a.tally = &tally;
  a.app_fields = &app;
  const Json r = alert_record(a);
  std::vector<std::string> keys;
  for (auto it = r.begin(); it != r.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"timestamp", "flow_id", "event_type", "direction",
                                            "alert", "geo", "threat", "verdict", "pii", "http"}));
  EXPECT_EQ(r["alert"]["action"], "blocked");
  EXPECT_EQ(r["alert"]["metadata"]["rule_action"][0], "drop");
  EXPECT_EQ(r["verdict"]["action"], "drop");
  EXPECT_EQ(r["pii"]["kg_pin"]["count"], 2);
  a.blocked = false;
  EXPECT_EQ(alert_record(a)["verdict"]["action"], "alert");
  EXPECT_EQ(alert_record(a)["alert"]["action"], "allowed");
}

}  // namespace
}  // namespace korgoo::output

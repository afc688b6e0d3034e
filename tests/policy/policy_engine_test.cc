#include <filesystem>

#include <gtest/gtest.h>

#include "config/config_error.h"
#include "policy/policy_engine.h"
#include "policy_test_util.h"

namespace korgoo::policy {
namespace {

using testing::engine;
using testing::flow;
using testing::ip;

const Tally kOnePin = {{"kg_pin", 1, 1}};

std::vector<std::uint32_t> sids(const std::vector<Decision>& ds) {
  std::vector<std::uint32_t> out;
  for (const auto& d : ds) out.push_back(d.rule->sid);
  return out;
}

// Evaluates once with fresh per-flow and per-host state.
std::vector<std::uint32_t> fire(const PolicyEngine& e, const FlowFacts& f) {
  PolicyFlowState st;
  auto agg = e.new_aggregation_state();
  return sids(e.evaluate(f, st, agg));
}

std::string rule(const std::string& condition, const std::string& action = "alert", int id = 1) {
  return "  - {id: " + std::to_string(id) + ", signature: r" + std::to_string(id) +
         ", action: " + action + ", condition: " + condition + "}\n";
}

TEST(PolicyEngine, DirectionOfData) {
  const auto e =
      engine("rules:\n" + rule("{direction: outbound}", "alert", 1) +
             rule("{direction: inbound}", "alert", 2) + rule("{direction: any}", "alert", 3));
  // Home client uploads: to_server data leaves.
  EXPECT_EQ(fire(e, flow("10.0.0.5", "8.8.8.8", kOnePin)), (std::vector<std::uint32_t>{1, 3}));
  // Home client downloads: to_client data arrives.
  EXPECT_EQ(fire(e, flow("10.0.0.5", "8.8.8.8", {}, kOnePin)), (std::vector<std::uint32_t>{2, 3}));
  // Home server answers a foreign client: to_client data leaves.
  EXPECT_EQ(fire(e, flow("8.8.8.8", "10.0.0.5", {}, kOnePin)), (std::vector<std::uint32_t>{1, 3}));
  // Foreign client uploads to a home server: arrives.
  EXPECT_EQ(fire(e, flow("8.8.8.8", "10.0.0.5", kOnePin)), (std::vector<std::uint32_t>{2, 3}));
  // Internal: neither outbound nor inbound.
  EXPECT_EQ(fire(e, flow("10.0.0.5", "10.0.0.6", kOnePin)), (std::vector<std::uint32_t>{3}));
  // No data, no rule.
  EXPECT_TRUE(fire(e, flow("10.0.0.5", "8.8.8.8", {{"kg_pin", 0, 0}})).empty());
}

// Issue 13: file.encrypted matches the direction that carried a password-protected file; on
// its own it needs no data (what the archive holds cannot be counted), with types it needs both.
TEST(PolicyEngine, EncryptedFileCondition) {
  const auto e = engine("rules:\n" + rule("{file.encrypted: true}", "alert", 1) +
                        rule("{file.encrypted: true, types_any: [kg_pin]}", "alert", 2) +
                        rule("{file.encrypted: false}", "alert", 3));
  auto f = flow("10.0.0.5", "8.8.8.8", {});
  EXPECT_TRUE(fire(e, f).empty()) << "no data, no encrypted file";
  f.encrypted_to_server = true;
  EXPECT_EQ(fire(e, f), (std::vector<std::uint32_t>{1}));
  f = flow("10.0.0.5", "8.8.8.8", kOnePin);
  EXPECT_EQ(fire(e, f), (std::vector<std::uint32_t>{3}));
  f.encrypted_to_server = true;
  EXPECT_EQ(fire(e, f), (std::vector<std::uint32_t>{1, 2}));
  f = flow("10.0.0.5", "8.8.8.8", {});
  f.encrypted_to_client = true;  // a download arriving: not outbound
  EXPECT_TRUE(fire(e, f).empty());
}

TEST(PolicyEngine, GeoOfTheExternalSide) {
  PolicyConfig cfg;
  cfg.legal_bases.push_back({"payroll", BasisKind::kContract, "DPA 1", {}, {}, {"RU"}});
  const auto e = engine("rules: []\n", cfg);
  auto f = flow("10.0.0.5", "77.88.55.88", kOnePin);
  GeoFacts g = e.geo_for(f, Direction::kToServer);
  EXPECT_EQ(g.dest_country, "RU");
  EXPECT_TRUE(g.adequate);  // Convention 108 party in the default list
  EXPECT_FALSE(g.domestic);
  EXPECT_EQ(g.basis, "contract");
  EXPECT_EQ(g.basis_id, "payroll");
  g = e.geo_for(flow("10.0.0.5", "1.2.4.8", kOnePin), Direction::kToServer);
  EXPECT_EQ(g.dest_country, "CN");
  EXPECT_FALSE(g.adequate);
  EXPECT_TRUE(g.basis.empty());
  g = e.geo_for(flow("10.0.0.5", "212.42.96.1", kOnePin), Direction::kToServer);
  EXPECT_TRUE(g.domestic);
  EXPECT_TRUE(g.adequate);
  // to_client of a foreign client talking to a home server: the client is external.
  g = e.geo_for(flow("1.2.4.8", "10.0.0.5", {}, kOnePin), Direction::kToClient);
  EXPECT_EQ(g.dest_country, "CN");
  // Inbound: the external side is the sender.
  g = e.geo_for(flow("10.0.0.5", "8.8.8.8", {}, kOnePin), Direction::kToClient);
  EXPECT_EQ(g.dest_country, "US");
  // Unknown country: not adequate by default.
  g = e.geo_for(flow("10.0.0.5", "9.9.9.9", kOnePin), Direction::kToServer);
  EXPECT_EQ(g.dest_country, "");
  EXPECT_FALSE(g.known);
  EXPECT_FALSE(g.adequate);
  // Private but not in home_networks (e.g. CGNAT): private, never foreign.
  g = e.geo_for(flow("10.0.0.5", "100.64.1.1", kOnePin), Direction::kToServer);
  EXPECT_TRUE(g.is_private);
  EXPECT_TRUE(g.adequate);
}

TEST(PolicyEngine, UnknownCountryCanBeConfiguredAdequate) {
  PolicyConfig cfg;
  cfg.unknown_is_adequate = true;
  const auto e = engine("rules:\n" + rule("{adequate: false}"), cfg);
  EXPECT_TRUE(fire(e, flow("10.0.0.5", "9.9.9.9", kOnePin)).empty());
  EXPECT_EQ(fire(e, flow("10.0.0.5", "1.2.4.8", kOnePin)).size(), 1u);
}

TEST(PolicyEngine, DataConditions) {
  const auto e =
      engine("rules:\n" + rule("{types_any: [mrz, payment_card]}", "alert", 1) +
             rule("{types_all: [kg_pin, email]}", "alert", 2) +
             rule("{types_any: [kg_pin], min_count: 3}", "alert", 3) +
             rule("{min_distinct: 100}", "alert", 4) + rule("{special: true}", "alert", 5) +
             rule("{types_any: [\"special.*\"], special: false}", "alert", 6) +
             rule("{special: false}", "alert", 7));
  auto ids = [&](Tally t) { return fire(e, flow("10.0.0.5", "8.8.8.8", std::move(t))); };
  EXPECT_EQ(ids({{"payment_card", 1, 1}}), (std::vector<std::uint32_t>{1, 7}));
  EXPECT_EQ(ids({{"kg_pin", 1, 1}, {"email", 2, 1}}), (std::vector<std::uint32_t>{2, 7}));
  EXPECT_EQ(ids({{"kg_pin", 1, 1}}), (std::vector<std::uint32_t>{7}));
  EXPECT_EQ(ids({{"kg_pin", 3, 1}}), (std::vector<std::uint32_t>{3, 7}));
  // Rule 3 sums only its selected types (kg_pin: 2 < 3); rule 2 has both of its types.
  EXPECT_EQ(ids({{"kg_pin", 2, 2}, {"email", 5, 5}}), (std::vector<std::uint32_t>{2, 7}));
  EXPECT_EQ(ids({{"kg_pin", 150, 60}, {"phone", 40, 40}}), (std::vector<std::uint32_t>{3, 4, 7}));
  EXPECT_EQ(ids({{"special.health", 2, 1}}), (std::vector<std::uint32_t>{5}));
  EXPECT_EQ(ids({{"special.health", 0, 0}, {"email", 1, 1}}), (std::vector<std::uint32_t>{7}));
}

TEST(PolicyEngine, DestinationConditions) {
  PolicyConfig cfg;
  cfg.legal_bases.push_back({"embassy", BasisKind::kTreaty, "", {}, {}, {"CN"}});
  const auto e =
      engine("rules:\n" + rule("{countries: [US, RU]}", "alert", 1) +
                 rule("{not_countries: [US]}", "alert", 2) + rule("{adequate: false}", "alert", 3) +
                 rule("{adequate: true}", "alert", 4) + rule("{domestic: true}", "alert", 5) +
                 rule("{basis: none}", "alert", 6) + rule("{basis: any}", "alert", 7) +
                 rule("{basis: treaty}", "alert", 8) + rule("{basis: consent}", "alert", 9),
             cfg);
  auto ids = [&](const char* dst) { return fire(e, flow("10.0.0.5", dst, kOnePin)); };
  EXPECT_EQ(ids("8.8.8.8"), (std::vector<std::uint32_t>{1, 3, 6}));
  EXPECT_EQ(ids("77.88.55.88"), (std::vector<std::uint32_t>{1, 2, 4, 6}));
  EXPECT_EQ(ids("1.2.4.8"), (std::vector<std::uint32_t>{2, 3, 7, 8}));
  EXPECT_EQ(ids("212.42.96.1"), (std::vector<std::uint32_t>{2, 4, 5, 6}));
}

TEST(PolicyEngine, ProtocolHostAndPortConditions) {
  const auto e = engine("rules:\n" + rule("{app_proto: [smtp]}", "alert", 1) +
                        rule("{not_app_proto: [tls]}", "alert", 2) +
                        rule("{hosts: [\"*.example.com\"]}", "alert", 3) +
                        rule("{not_hosts: [\"*.example.com\"]}", "alert", 4) +
                        rule("{ports: [25, \"8000-8080\"]}", "alert", 5));
  auto f = flow("10.0.0.5", "8.8.8.8", kOnePin);
  f.app_proto = "smtp";
  f.dst_port = 25;
  f.recipient_domains = {"Mail.Example.com."};
  EXPECT_EQ(fire(e, f), (std::vector<std::uint32_t>{1, 2, 3, 5}));
  f.app_proto = "tls";
  f.dst_port = 443;
  f.recipient_domains.clear();
  f.server_names = {"example.com"};  // the apex is not "*.example.com"
  EXPECT_EQ(fire(e, f), (std::vector<std::uint32_t>{4}));
  f.app_proto = "http";
  f.dst_port = 8080;
  f.server_names = {"www.example.com:8080"};
  EXPECT_EQ(fire(e, f), (std::vector<std::uint32_t>{2, 3, 5}));
}

TEST(PolicyEngine, LegalBasisHostsOnlyDescribeTheServer) {
  PolicyConfig cfg;
  HostPattern p = *HostPattern::parse("*.partner.example");
  cfg.legal_bases.push_back({"partner", BasisKind::kConsent, "forms", {}, {p}, {}});
  const auto e = engine("rules: []\n", cfg);
  auto f = flow("10.0.0.5", "8.8.8.8", kOnePin);
  f.server_names = {"api.partner.example"};
  EXPECT_EQ(e.geo_for(f, Direction::kToServer).basis_id, "partner");
  // A home server named api.partner.example answering a foreign client: the name is ours.
  auto g = flow("8.8.8.8", "10.0.0.5", {}, kOnePin);
  g.server_names = {"api.partner.example"};
  EXPECT_EQ(e.geo_for(g, Direction::kToClient).basis_id, "");
}

TEST(PolicyEngine, ActionOrderPassDropAlert) {
  // Rules listed in the "wrong" order; the engine sorts them pass, drop, alert.
  const std::string rules = "rules:\n" + rule("{}", "alert", 1) + rule("{}", "drop", 2) +
                            rule("{countries: [CN]}", "pass", 3);
  const auto e = engine(rules);
  ASSERT_EQ(e.rules().size(), 3u);
  EXPECT_EQ(e.rules()[0].sid, 3u);
  EXPECT_EQ(e.rules()[1].sid, 2u);
  EXPECT_EQ(fire(e, flow("10.0.0.5", "8.8.8.8", kOnePin)), (std::vector<std::uint32_t>{2, 1}));
  // The pass rule matches: only it is returned, and it writes no alert.
  PolicyFlowState st;
  auto agg = e.new_aggregation_state();
  auto ds = e.evaluate(flow("10.0.0.5", "1.2.4.8", kOnePin), st, agg);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule->sid, 3u);
  EXPECT_FALSE(ds[0].alerts());
  EXPECT_TRUE(st.passed());
  // The flow stays passed, whatever arrives later.
  EXPECT_TRUE(e.evaluate(flow("10.0.0.5", "1.2.4.8", {{"kg_pin", 500, 500}}), st, agg).empty());
}

TEST(PolicyEngine, EachRuleFiresOncePerFlow) {
  const auto e = engine("rules:\n" + rule("{}", "alert", 1) + rule("{min_count: 5}", "alert", 2) +
                        rule("{direction: any}", "alert", 3));
  PolicyFlowState st;
  auto agg = e.new_aggregation_state();
  auto f = flow("10.0.0.5", "8.8.8.8", kOnePin, kOnePin);
  // Both directions carry data; rule 3 matches both yet fires once.
  EXPECT_EQ(sids(e.evaluate(f, st, agg)), (std::vector<std::uint32_t>{1, 3}));
  EXPECT_TRUE(e.evaluate(f, st, agg).empty());
  f.to_server = {{"kg_pin", 6, 6}};
  EXPECT_EQ(sids(e.evaluate(f, st, agg)), (std::vector<std::uint32_t>{2}));
  EXPECT_TRUE(e.evaluate(f, st, agg).empty());
  // Another flow has its own state.
  PolicyFlowState other;
  EXPECT_EQ(sids(e.evaluate(f, other, agg)), (std::vector<std::uint32_t>{1, 2, 3}));
}

TEST(PolicyEngine, DecisionCarriesDirectionGeoAndThreat) {
  const auto e = engine("rules:\n" + rule("{}"));
  PolicyFlowState st;
  auto agg = e.new_aggregation_state();
  auto ds = e.evaluate(flow("1.2.4.8", "10.0.0.5", {}, {{"kg_pin", 200, 150}}), st, agg);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].data_dir, Direction::kToClient);
  EXPECT_EQ(ds[0].transfer, Transfer::kOutbound);
  EXPECT_EQ(ds[0].geo.dest_country, "CN");
  // kg_pin 1 + volume >= 100: 2 + not adequate: 2 = 5
  EXPECT_EQ(ds[0].points, 5);
  EXPECT_EQ(ds[0].threat_level, "yellow");
}

TEST(PolicyEngine, AggregateAcrossFlowsOfOneHost) {
  const auto e = engine(
      "rules:\n"
      "  - {id: 1, signature: bulk, condition: {types_any: [kg_pin]},\n"
      "     aggregate: {by: src_host, window: 3600, min_distinct: 1000, types: [kg_pin]}}\n");
  auto agg = e.new_aggregation_state();
  const std::int64_t t0 = 1'700'000'000;
  int fired = 0;
  // 12 flows of 100 distinct PINs each, 5 minutes apart, from one host to several places.
  for (int i = 0; i < 12; ++i) {
    PolicyFlowState st;
    auto f = flow("10.0.0.5", i % 2 ? "8.8.8.8" : "77.88.55.88", {{"kg_pin", 50, 50}});
    f.now = Timestamp::from_sec_usec(t0 + i * 300, 0);
    fired += static_cast<int>(e.evaluate(f, st, agg).size());
    f.to_server = {{"kg_pin", 100, 100}};  // the same flow grows: only the growth is added
    auto ds = e.evaluate(f, st, agg);
    if (!ds.empty()) {
      EXPECT_EQ(i, 9);  // 10 x 100 distinct reached in the tenth flow
      EXPECT_EQ(ds[0].aggregate_distinct, 1000u);
    }
    fired += static_cast<int>(ds.size());
  }
  EXPECT_EQ(fired, 1);  // once per host per window, not on flows 11 and 12
  // Another host is counted on its own.
  PolicyFlowState st;
  auto f = flow("10.0.0.9", "8.8.8.8", {{"kg_pin", 100, 100}});
  f.now = Timestamp::from_sec_usec(t0 + 3600, 0);
  EXPECT_TRUE(e.evaluate(f, st, agg).empty());
}

TEST(PolicyEngine, AggregateWindowSlides) {
  const auto e = engine(
      "rules:\n"
      "  - {id: 1, signature: bulk, condition: {},\n"
      "     aggregate: {window: 600, min_distinct: 300}}\n");
  auto agg = e.new_aggregation_state();
  auto at = [&](std::int64_t sec, std::uint64_t distinct) {
    PolicyFlowState st;
    auto f = flow("10.0.0.5", "8.8.8.8", {{"email", distinct, distinct}});
    f.now = Timestamp::from_sec_usec(1'700'000'000 + sec, 0);
    return e.evaluate(f, st, agg).size();
  };
  EXPECT_EQ(at(0, 200), 0u);
  EXPECT_EQ(at(900, 200), 0u);  // the first 200 fell out of the 10-minute window
  EXPECT_EQ(at(1000, 100), 1u);
}

TEST(PolicyEngine, AggregateUsesValueHashesWhenFed) {
  const auto e = engine(
      "rules:\n"
      "  - {id: 1, signature: bulk, condition: {},\n"
      "     aggregate: {window: 3600, min_distinct: 3, types: [kg_pin]}}\n");
  auto agg = e.new_aggregation_state();
  const auto now = Timestamp::from_sec_usec(1'700'000'000, 0);
  // The same two PINs sent in many flows: summed tallies would say 10, hashes say 2.
  for (int i = 0; i < 5; ++i) {
    agg.observe(ip("10.0.0.5"), "kg_pin", 0xAAAA, now);
    agg.observe(ip("10.0.0.5"), "kg_pin", 0xBBBB, now);
    PolicyFlowState st;
    auto f = flow("10.0.0.5", "8.8.8.8", {{"kg_pin", 2, 2}});
    f.now = now;
    EXPECT_TRUE(e.evaluate(f, st, agg).empty());
  }
  agg.observe(ip("10.0.0.5"), "kg_pin", 0xCCCC, now);
  PolicyFlowState st;
  auto f = flow("10.0.0.5", "8.8.8.8", {{"kg_pin", 1, 1}});
  f.now = now;
  EXPECT_EQ(e.evaluate(f, st, agg).size(), 1u);
}

}  // namespace
}  // namespace korgoo::policy

namespace korgoo::policy {
namespace {

TEST(PolicyEngine, LoadsShippedRulesAndGeo) {
  PolicyConfig cfg;
  if (!std::filesystem::exists(cfg.geo.tor_geoip)) {
    cfg.geo.tor_geoip = cfg.geo.tor_geoip6 = "";
  }
  auto e = PolicyEngine::load(cfg, {std::filesystem::path(KORGOO_SOURCE_DIR) / "rules"});
  ASSERT_GE(e->rules().size(), 7u);
  EXPECT_EQ(e->rules()[0].action, RuleAction::kPass);
  // Two PINs from a home host to Google DNS (US, not adequate, no basis).
  PolicyFlowState st;
  auto agg = e->new_aggregation_state();
  auto f = testing::flow("10.0.0.5", "8.8.8.8", {{"kg_pin", 2, 2}});
  std::vector<std::uint32_t> fired;
  for (const auto& d : e->evaluate(f, st, agg)) fired.push_back(d.rule->sid);
  // Without the tor files the country is unknown, which is not adequate either.
  EXPECT_EQ(fired, (std::vector<std::uint32_t>{9000003, 9000010}));
  EXPECT_THROW(PolicyEngine::load(cfg, {"/nonexistent/rules.yaml"}), config::ConfigError);
}

}  // namespace
}  // namespace korgoo::policy

// Shared helpers for the policy tests: a geo database from a table, flows built in one line.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "policy/geo_resolver.h"
#include "policy/policy_engine.h"
#include "policy/rule_loader.h"

namespace korgoo::policy::testing {

inline IpAddress ip(const char* text) {
  return *IpAddress::parse(text);
}

// Answers from a fixed table of exact addresses.
class TableGeo : public GeoDatabase {
 public:
  explicit TableGeo(std::map<std::string, std::string> table) : table_(std::move(table)) {}
  std::string_view country(const IpAddress& a) const override {
    auto it = table_.find(a.to_string(true));
    return it == table_.end() ? std::string_view() : std::string_view(it->second);
  }
  std::string describe() const override { return "table"; }

 private:
  std::map<std::string, std::string> table_;
};

inline std::unique_ptr<GeoResolver> table_resolver(std::map<std::string, std::string> table,
                                                   std::vector<GeoOverride> overrides = {}) {
  std::vector<std::unique_ptr<GeoDatabase>> dbs;
  dbs.push_back(std::make_unique<TableGeo>(std::move(table)));
  return std::make_unique<GeoResolver>(std::move(dbs), std::move(overrides));
}

// The addresses the engine tests use: 10.0.0.5 is home; the others are external.
inline std::map<std::string, std::string> world() {
  return {{"8.8.8.8", "US"},     {"77.88.55.88", "RU"}, {"81.169.145.1", "DE"},
          {"212.42.96.1", "KG"}, {"1.2.4.8", "CN"},     {"2001:4860:4860::8888", "US"}};
}

// What geo_for would say of a foreign destination: adequate (DE) or not (US).
inline GeoFacts abroad(bool adequate, std::string basis = "") {
  GeoFacts g;
  g.dest_country = adequate ? "DE" : "US";
  g.adequate = adequate;
  g.known = true;
  g.basis = std::move(basis);
  return g;
}

inline std::vector<Rule> rules_from(const std::string& yaml) {
  return RuleLoader().load(YAML::Load(yaml), "test.yaml");
}

inline FlowFacts flow(const char* src, const char* dst, Tally to_server, Tally to_client = {}) {
  FlowFacts f;
  f.src = ip(src);
  f.dst = ip(dst);
  f.src_port = 40000;
  f.dst_port = 80;
  f.proto = "TCP";
  f.app_proto = "http";
  f.to_server = std::move(to_server);
  f.to_client = std::move(to_client);
  f.now = Timestamp::from_sec_usec(1'700'000'000, 0);
  f.flow_id = 1;
  return f;
}

inline PolicyEngine engine(const std::string& rules_yaml, PolicyConfig config = {}) {
  return PolicyEngine(std::move(config), rules_from(rules_yaml), table_resolver(world()));
}

}  // namespace korgoo::policy::testing

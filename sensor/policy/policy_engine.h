// The policy stage's interface: given what the engine knows about a flow now, which rules fire.
//
// Data counts as leaving when it moves from a host in home_networks to one outside. The two
// tallies of a flow are judged separately: to_server data moves from src to dst, to_client
// data from dst to src (it leaves when the server is home and the client is not, e.g. a home
// web server answering a foreign client). The country judged is that of the external side.
//
// Rules run in Suricata's action order: pass, then drop, then alert (by sid within each). A
// pass that matches passes the whole flow: nothing fires for it afterwards. Each rule fires at
// most once per flow, and an aggregate rule at most once per host per window.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "policy/aggregation_state.h"
#include "policy/flow_facts.h"
#include "policy/geo_resolver.h"
#include "policy/policy_config.h"
#include "policy/policy_flow_state.h"
#include "policy/rule.h"
#include "policy/rule_loader.h"
#include "policy/threat_scorer.h"

namespace korgoo::policy {

struct Decision {
  const Rule* rule = nullptr;                 // owned by the engine
  Direction data_dir = Direction::kToServer;  // which tally triggered
  Transfer transfer = Transfer::kOutbound;
  GeoFacts geo;
  std::string threat_level;  // "blue" / "green" / "yellow" / "red"
  int points = 0;
  // For aggregate rules: the host's totals within the window when it fired.
  std::uint64_t aggregate_count = 0, aggregate_distinct = 0;

  // A pass decision writes no alert; it tells the engine the flow is passed.
  bool alerts() const { return rule && rule->action != RuleAction::kPass; }
};

class PolicyEngine {
 public:
  // Immutable after construction; shared by all workers.
  PolicyEngine(PolicyConfig config, std::vector<Rule> rules, std::unique_ptr<GeoResolver> geo);

  // What the engine calls at start: opens the geo databases config.geo names and loads the rule
  // files or folders. Throws yaml::InputError: "file:line:col: ..." for rules,
  // "file: ..." or "file:line: ..." for databases.
  static std::unique_ptr<PolicyEngine> load(PolicyConfig config,
                                            const std::vector<std::filesystem::path>& rule_paths,
                                            const RuleLoadOptions& options = {});

  bool is_home(const IpAddress& a) const { return config_.home_networks.contains(a); }
  // How data moving in `data_dir` crosses home_networks.
  Transfer transfer_of(const FlowFacts& f, Direction data_dir) const;
  // Country, adequacy and legal basis of the external side of `data_dir` (the receiver, or the
  // sender when the receiver is home).
  GeoFacts geo_for(const FlowFacts& f, Direction data_dir) const;

  // Evaluates every rule against both tallies. `already_fired` belongs to the flow;
  // `agg` to the worker (or is shared under a lock). Outbound values first seen since the last
  // call, and the growth of outbound tallies, are added to `agg` for the sending host.
  std::vector<Decision> evaluate(const FlowFacts& f, PolicyFlowState& already_fired,
                                 AggregationState& agg) const;

  // Per-host state sized for these rules (window and hash cap from the aggregate rules).
  AggregationState new_aggregation_state() const;

  const PolicyConfig& config() const { return config_; }
  const std::vector<Rule>& rules() const { return rules_; }  // in evaluation order
  const GeoResolver& geo() const { return *geo_; }

 private:
  void record_outbound(const FlowFacts& f, PolicyFlowState& st, AggregationState& agg) const;
  void observe_outbound(const FlowFacts& f, AggregationState& agg) const;
  const IpAddress* home_host(const FlowFacts& f, Direction data_dir) const;

  PolicyConfig config_;
  std::vector<Rule> rules_;
  std::unique_ptr<GeoResolver> geo_;
  ThreatScorer scorer_;
};

}  // namespace korgoo::policy

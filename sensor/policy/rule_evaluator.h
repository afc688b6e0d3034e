// Whether one rule's flow-level condition holds for one direction of a flow. Pure: no state,
// no aggregation (PolicyEngine adds those).
#pragma once

#include "policy/flow_facts.h"
#include "policy/rule.h"

namespace korgoo::policy {

// One direction of a flow as a rule sees it.
struct DirectionView {
  const FlowFacts* flow = nullptr;
  Direction data_dir = Direction::kToServer;
  Transfer transfer = Transfer::kOutbound;
  const GeoFacts* geo = nullptr;
};

bool condition_matches(const RuleCondition& c, const DirectionView& view);

// The data part alone: types present, minimum count and distinct, special categories.
bool data_matches(const RuleCondition& c, const Tally& tally);

}  // namespace korgoo::policy

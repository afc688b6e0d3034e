// Points and colour for one direction of a flow, from the configured ThreatConfig.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "policy/flow_facts.h"
#include "policy/threat_config.h"

namespace korgoo::policy {

struct ThreatScore {
  int points = 0;
  std::string_view level;  // "blue", "green", "yellow", "red"
};

class ThreatScorer {
 public:
  explicit ThreatScorer(ThreatConfig config) : config_(std::move(config)) {}

  // `volume_distinct`, when larger than the tally's own distinct sum, stands for the volume
  // (an aggregate rule measures it across flows).
  ThreatScore score(const Tally& tally, const GeoFacts& geo,
                    std::uint64_t volume_distinct = 0) const;
  std::string_view level_of(int points) const;

 private:
  int type_points(std::string_view type) const;
  ThreatConfig config_;
};

}  // namespace korgoo::policy

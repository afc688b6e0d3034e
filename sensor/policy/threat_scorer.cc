#include "policy/threat_scorer.h"

#include <algorithm>

namespace korgoo::policy {

int ThreatScorer::type_points(std::string_view type) const {
  for (const auto& [pattern, points] : config_.type_points)
    if (type_matches(pattern, type)) return points;
  return config_.default_type_points;
}

std::string_view ThreatScorer::level_of(int points) const {
  if (points <= config_.blue_max) return "blue";
  if (points <= config_.green_max) return "green";
  if (points <= config_.yellow_max) return "yellow";
  return "red";
}

ThreatScore ThreatScorer::score(const Tally& tally, const GeoFacts& geo,
                                std::uint64_t volume_distinct) const {
  int points = 0;
  std::uint64_t distinct = 0;
  bool special = false;
  for (const auto& t : tally) {
    if (t.count == 0) continue;
    points += type_points(t.type);
    distinct += t.distinct;
    special = special || is_special_category(t.type);
  }
  distinct = std::max(distinct, volume_distinct);
  int volume = 0;
  for (const auto& b : config_.volume)
    if (distinct >= b.min_distinct) volume = std::max(volume, b.points);
  points += volume;
  if (special) points += config_.special;
  if (!geo.adequate && geo.basis.empty()) points += config_.not_adequate;
  return {points, level_of(points)};
}

}  // namespace korgoo::policy

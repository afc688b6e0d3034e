// The agency rates threats in points and colours: blue <= 1, green <= 2, yellow 3-6, red > 6
// (its guidance under Cabinet decree No. 760). How many points a flow earns is not published,
// so the scheme is configuration with defaults chosen to put a single identifier at blue,
// identifiers to a non-adequate country at yellow, and bulk or special categories abroad at red.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace korgoo::policy {

struct VolumeBucket {
  std::uint64_t min_distinct = 0;  // total distinct values (all types) in the flow
  int points = 0;
};

struct ThreatConfig {
  int default_type_points = 1;  // for each type present that is not listed below
  // First matching pattern wins; patterns as in rules ("special.*").
  std::vector<std::pair<std::string, int>> type_points = {
      {"mrz", 2}, {"kg_passport", 2}, {"payment_card", 2}, {"iban", 2}};
  // The highest bucket reached counts.
  std::vector<VolumeBucket> volume = {{10, 1}, {100, 2}, {1000, 4}};
  int special = 3;       // once, when any special category is present
  int not_adequate = 2;  // abroad, to a country not adequate, with no legal basis on record
  // Upper bounds of each colour; above yellow_max is red.
  int blue_max = 1;
  int green_max = 2;
  int yellow_max = 6;
};

}  // namespace korgoo::policy

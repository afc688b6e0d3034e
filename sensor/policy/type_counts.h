// What the policy needs from the detect stage's per-flow tally, in a shape of its own so that
// the policy does not depend on detect: the engine converts its Tally into these.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace korgoo::policy {

struct TypeCounts {
  std::string type;            // "kg_pin", "special.health", ...
  std::uint64_t count = 0;     // matches so far in this direction of the flow
  std::uint64_t distinct = 0;  // distinct values among them
};

using Tally = std::vector<TypeCounts>;

// Type patterns in rules and the points scheme: an exact name, or a prefix ending in '*'
// ("special.*" is every special category).
inline bool type_matches(std::string_view pattern, std::string_view type) {
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return type.starts_with(pattern);
  }
  return pattern == type;
}

inline bool is_special_category(std::string_view type) {
  return type.starts_with("special.");
}

}  // namespace korgoo::policy

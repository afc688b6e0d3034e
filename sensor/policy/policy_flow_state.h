// The policy's memory of one flow, owned by the engine's flow state (one worker, no locks):
// which rules already fired (each fires at most once per flow), whether a pass rule passed the
// flow, and how much of its tally was already added to the per-host aggregation.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/direction.h"
#include "policy/type_counts.h"

namespace korgoo::policy {

class PolicyFlowState {
 public:
  bool fired(std::uint32_t sid) const;
  void mark_fired(std::uint32_t sid) { fired_.push_back(sid); }
  const std::vector<std::uint32_t>& fired_sids() const { return fired_; }

  bool passed() const { return passed_; }
  void set_passed() { passed_ = true; }

  // The growth of `now` since the last call for this direction and type; remembers `now`.
  // Tallies only grow, so the sum of deltas equals the final tally.
  TypeCounts take_delta(Direction d, const TypeCounts& now);

 private:
  std::vector<std::uint32_t> fired_;  // a handful at most: linear search beats a set
  bool passed_ = false;
  std::array<Tally, 2> reported_;
};

}  // namespace korgoo::policy

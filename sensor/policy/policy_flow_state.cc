#include "policy/policy_flow_state.h"

#include <algorithm>

namespace korgoo::policy {

bool PolicyFlowState::fired(std::uint32_t sid) const {
  return std::find(fired_.begin(), fired_.end(), sid) != fired_.end();
}

TypeCounts PolicyFlowState::take_delta(Direction d, const TypeCounts& now) {
  auto& seen = reported_[index_of(d)];
  auto it = std::find_if(seen.begin(), seen.end(),
                         [&](const TypeCounts& t) { return t.type == now.type; });
  if (it == seen.end()) {
    seen.push_back(now);
    return now;
  }
  TypeCounts delta{now.type, now.count > it->count ? now.count - it->count : 0,
                   now.distinct > it->distinct ? now.distinct - it->distinct : 0};
  it->count = std::max(it->count, now.count);
  it->distinct = std::max(it->distinct, now.distinct);
  return delta;
}

}  // namespace korgoo::policy

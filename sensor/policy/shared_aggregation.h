// Per-host aggregation that several threads feed: the ICAP service's event loops, and the
// packet path's workers when ICAP runs in the same process. One host's uploads then add up
// whichever loop or worker saw them (an upload over HTTPS through the proxy and one over
// plain HTTP on the wire count towards the same `aggregate:` threshold). A mutex guards the
// state for the length of one policy evaluation: an evaluation is a few map look-ups per
// type, small next to the inspection that precedes it.
#pragma once

#include <mutex>
#include <utility>

#include "policy/aggregation_state.h"

namespace korgoo::policy {

class SharedAggregation {
 public:
  explicit SharedAggregation(AggregationState state) : state_(std::move(state)) {}
  SharedAggregation(const SharedAggregation&) = delete;
  SharedAggregation& operator=(const SharedAggregation&) = delete;

  // Runs `fn(AggregationState&)` alone and returns what it returns.
  template <class Fn>
  auto with(Fn&& fn) {
    std::lock_guard lock(mutex_);
    return fn(state_);
  }

 private:
  std::mutex mutex_;
  AggregationState state_;
};

}  // namespace korgoo::policy

#include "flow/flow.h"

namespace korgoo::flow {

std::string_view to_string(FlowState s) {
  switch (s) {
    case FlowState::kNew:
      return "new";
    case FlowState::kEstablished:
      return "established";
    case FlowState::kClosed:
      return "closed";
  }
  return "new";
}

std::string_view to_string(EndReason r) {
  switch (r) {
    case EndReason::kNone:
      return "";
    case EndReason::kClosed:
      return "closed";
    case EndReason::kTimeout:
      return "timeout";
    case EndReason::kEvicted:
      return "evicted";
    case EndReason::kShutdown:
      return "shutdown";
  }
  return "";
}

}  // namespace korgoo::flow

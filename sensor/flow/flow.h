// One tracked flow: identity, orientation, counters and TCP state. What later stages keep
// per flow hangs off `inspection`, which the flow owns but never looks into.
#pragma once

#include <array>
#include <cstdint>
#include <list>
#include <memory>
#include <string_view>

#include "common/direction.h"
#include "common/timestamp.h"
#include "flow/flow_key.h"

namespace korgoo::flow {

// Per-flow state of later stages (reassembly, app, detect, policy). Owned by the flow so that
// it lives and dies with it; its destructor releases what it holds (e.g. reassembly memory).
class FlowInspection {
 public:
  virtual ~FlowInspection() = default;
};

enum class FlowState : std::uint8_t { kNew, kEstablished, kClosed };
std::string_view to_string(FlowState s);

enum class EndReason : std::uint8_t { kNone, kClosed, kTimeout, kEvicted, kShutdown };
std::string_view to_string(EndReason r);

// Timeout classes: each has one timeout, so the flows of a class expire in LRU order.
enum class TimeoutClass : std::uint8_t { kTcpNew, kTcpEstablished, kTcpClosed, kUdp, kOther };
inline constexpr int kTimeoutClasses = 5;

struct DirectionCounters {
  std::uint64_t pkts = 0;
  std::uint64_t bytes = 0;
};

class Flow {
 public:
  Flow(const FlowKey& key, const Endpoint& src, const Endpoint& dst, Timestamp start,
       std::uint64_t id)
      : key_(key), src_(src), dst_(dst), start_(start), last_(start), id_(id) {}

  const FlowKey& key() const { return key_; }
  // src is the side that opened the flow (EVE src); for a mid-stream pickup, a guess.
  const Endpoint& src() const { return src_; }
  const Endpoint& dst() const { return dst_; }
  std::uint8_t proto() const { return key_.proto; }
  std::uint64_t id() const { return id_; }
  Timestamp start() const { return start_; }
  Timestamp last() const { return last_; }

  Direction direction_of(const IpAddress& from, std::uint16_t from_port) const {
    return (from == src_.addr && from_port == src_.port) ? Direction::kToServer
                                                         : Direction::kToClient;
  }

  DirectionCounters& counters(Direction d) { return counters_[index_of(d)]; }
  const DirectionCounters& counters(Direction d) const { return counters_[index_of(d)]; }

  FlowState state() const { return state_; }
  EndReason end_reason() const { return end_reason_; }
  bool src_is_home() const { return src_home_; }
  bool dst_is_home() const { return dst_home_; }
  bool midstream() const { return midstream_; }

  std::unique_ptr<FlowInspection> inspection;

 private:
  friend class FlowTable;

  FlowKey key_;
  Endpoint src_;
  Endpoint dst_;
  Timestamp start_;
  Timestamp last_;
  std::uint64_t id_;
  std::array<DirectionCounters, 2> counters_{};
  FlowState state_ = FlowState::kNew;
  EndReason end_reason_ = EndReason::kNone;
  bool src_home_ = false;
  bool dst_home_ = false;
  bool midstream_ = false;
  std::array<bool, 2> fin_seen_{false, false};
  bool syn_ack_seen_ = false;
  TimeoutClass timeout_class_ = TimeoutClass::kOther;
  std::list<Flow*>::iterator lru_pos_;  // position in its class's LRU list
};

}  // namespace korgoo::flow

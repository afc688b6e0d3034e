// The flows of one worker: lookup by 5-tuple, TCP state from SYN/FIN/RST, idle timeouts by
// class, and a cap on the number of flows with least-recently-active eviction. A flow that
// ends (closed and timed out, idle, evicted, or at shutdown) is handed to the `on_end`
// callback before it is destroyed, so its record is never lost.
#pragma once

#include <array>
#include <functional>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

#include "common/json.h"
#include "decode/decoded_packet.h"
#include "flow/flow.h"
#include "flow/flow_config.h"

namespace korgoo::flow {

struct FlowStats {
  std::uint64_t created = 0;
  std::uint64_t tcp = 0;
  std::uint64_t udp = 0;
  std::uint64_t other = 0;
  std::uint64_t ended_closed = 0;
  std::uint64_t tcp_reused = 0;  // a SYN on a closed connection ended it and opened a new flow
  std::uint64_t ended_timeout = 0;
  std::uint64_t evicted = 0;
  std::uint64_t ended_shutdown = 0;
  std::uint64_t midstream = 0;
  std::uint64_t active_peak = 0;
  void to_json(Json& out) const;
};

class FlowTable {
 public:
  using EndCallback = std::function<void(Flow&)>;

  FlowTable(const FlowConfig& config, EndCallback on_end);
  ~FlowTable();
  FlowTable(const FlowTable&) = delete;
  FlowTable& operator=(const FlowTable&) = delete;

  struct Lookup {
    Flow* flow;
    Direction dir;
    bool created;
  };
  // Finds or creates the flow of a decoded packet, updates counters, TCP state and LRU
  // position. May evict another flow first when the table is full.
  Lookup track(const decode::DecodedPacket& pkt);

  // Ends every flow idle for longer than its class's timeout at packet time `now`.
  void expire(Timestamp now);
  // Ends every flow (end of capture or shutdown).
  void end_all();

  std::size_t size() const { return flows_.size(); }
  const FlowStats& stats() const { return stats_; }

 private:
  Flow* create(const decode::DecodedPacket& pkt);
  // The VLAN id that goes into the key: the outer tag, or 0 when flow.vlan_in_key is off.
  std::uint16_t key_vlan(const decode::DecodedPacket& p) const {
    return config_.vlan_in_key ? p.vlan[0] : 0;
  }
  void update_tcp_state(Flow& f, Direction dir, std::uint8_t flags);
  void touch(Flow& f, TimeoutClass cls);
  std::int64_t timeout_of(TimeoutClass cls) const;
  void end(Flow* f, EndReason reason);
  void evict_one();
  // The order flows end in when several end at once: start time, then id.
  static bool starts_before(const Flow* a, const Flow* b);

  const FlowConfig& config_;
  EndCallback on_end_;
  std::unordered_map<FlowKey, std::unique_ptr<Flow>, FlowKeyHash> flows_;
  // Most recently active at the front.
  std::array<std::list<Flow*>, kTimeoutClasses> lru_;
  FlowStats stats_;
  std::vector<Flow*> expiring_;  // reused by expire()
};

// A flow id that is the same on every replay: a hash of the canonical key and start time,
// kept to 51 bits so that JSON consumers that read numbers as doubles keep it exact.
std::uint64_t make_flow_id(const FlowKey& key, Timestamp start);

}  // namespace korgoo::flow

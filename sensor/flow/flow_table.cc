#include "flow/flow_table.h"

#include <algorithm>
#include <vector>

namespace korgoo::flow {

using decode::DecodedPacket;
namespace tf = decode::tcp_flags;

void FlowStats::to_json(Json& out) const {
  out["created"] = created;
  out["tcp"] = tcp;
  out["udp"] = udp;
  out["other"] = other;
  out["ended_closed"] = ended_closed;
  out["ended_timeout"] = ended_timeout;
  out["evicted"] = evicted;
  out["ended_shutdown"] = ended_shutdown;
  out["midstream"] = midstream;
  out["active_peak"] = active_peak;
  out["tcp_reused"] = tcp_reused;
}

std::uint64_t make_flow_id(const FlowKey& key, Timestamp start) {
  std::uint64_t h = FlowKeyHash{}(key);
  h ^= static_cast<std::uint64_t>(start.usec) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return h & ((1ULL << 51) - 1);
}

bool FlowTable::starts_before(const Flow* a, const Flow* b) {
  return a->start_ != b->start_ ? a->start_ < b->start_ : a->id_ < b->id_;
}

FlowTable::FlowTable(const FlowConfig& config, EndCallback on_end)
    : config_(config), on_end_(std::move(on_end)) {
  flows_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(config.max_flows, 1 << 20)));
}

FlowTable::~FlowTable() = default;

namespace {

TimeoutClass class_for(const Flow& f) {
  switch (f.proto()) {
    case 6:
      if (f.state() == FlowState::kClosed) return TimeoutClass::kTcpClosed;
      if (f.state() == FlowState::kEstablished) return TimeoutClass::kTcpEstablished;
      return TimeoutClass::kTcpNew;
    case 17:
      return TimeoutClass::kUdp;
    default:
      return TimeoutClass::kOther;
  }
}

// Which side opened the flow, judged from its first packet. A SYN names its sender; a SYN-ACK
// names its receiver. Without either (TCP picked up mid-stream, or UDP) we guess that a low
// (service) port talking to a high port is a server answering, e.g. a DNS response seen
// without its query; otherwise the sender opened the flow.
bool sender_is_opener(const DecodedPacket& p, bool& midstream) {
  midstream = false;
  const bool server_answering = p.src_port < 1024 && p.dst_port >= 1024;
  if (p.l4 == decode::L4Proto::kUdp) return !server_answering;
  if (p.l4 != decode::L4Proto::kTcp) return true;
  const bool syn = p.flags & tf::kSyn;
  const bool ack = p.flags & tf::kAck;
  if (syn && !ack) return true;
  if (syn && ack) return false;
  midstream = true;
  return !server_answering;
}

}  // namespace

Flow* FlowTable::create(const DecodedPacket& p) {
  if (flows_.size() >= config_.max_flows) evict_one();
  bool midstream = false;
  const Endpoint a{p.src, p.src_port};
  const Endpoint b{p.dst, p.dst_port};
  const bool a_opens = sender_is_opener(p, midstream);
  bool a_is_lo = false;
  const FlowKey key = FlowKey::make(a, b, p.ip_proto, key_vlan(p), a_is_lo);
  auto flow =
      std::make_unique<Flow>(key, a_opens ? a : b, a_opens ? b : a, p.ts, make_flow_id(key, p.ts));
  Flow* f = flow.get();
  f->src_home_ = config_.home_networks.contains(f->src_.addr);
  f->dst_home_ = config_.home_networks.contains(f->dst_.addr);
  f->midstream_ = midstream;
  f->timeout_class_ = class_for(*f);
  lru_[static_cast<int>(f->timeout_class_)].push_front(f);
  f->lru_pos_ = lru_[static_cast<int>(f->timeout_class_)].begin();
  flows_.emplace(key, std::move(flow));

  ++stats_.created;
  if (p.ip_proto == 6) {
    ++stats_.tcp;
  } else if (p.ip_proto == 17) {
    ++stats_.udp;
  } else {
    ++stats_.other;
  }
  if (midstream) ++stats_.midstream;
  if (flows_.size() > stats_.active_peak) stats_.active_peak = flows_.size();
  return f;
}

FlowTable::Lookup FlowTable::track(const DecodedPacket& p) {
  bool a_is_lo = false;
  const FlowKey key = FlowKey::make(Endpoint{p.src, p.src_port}, Endpoint{p.dst, p.dst_port},
                                    p.ip_proto, key_vlan(p), a_is_lo);
  Flow* f = nullptr;
  bool created = false;
  if (auto it = flows_.find(key); it != flows_.end()) {
    f = it->second.get();
    // A SYN on a connection already closed (FIN both ways, or RST) is the client reusing its
    // port for a new connection, as a stack accepts it out of TIME_WAIT: the old flow ends
    // here and the SYN opens a new one. Kept as one flow, the new connection's bytes would
    // meet the old one's finished streams and never be inspected.
    if (p.l4 == decode::L4Proto::kTcp && f->state_ == FlowState::kClosed && (p.flags & tf::kSyn) &&
        !(p.flags & tf::kAck)) {
      ++stats_.tcp_reused;
      end(f, EndReason::kClosed);
      f = nullptr;
    }
  }
  if (f == nullptr) {
    f = create(p);
    created = true;
  }
  const Direction dir = f->direction_of(p.src, p.src_port);
  auto& c = f->counters(dir);
  ++c.pkts;
  c.bytes += p.ip_len;
  if (p.ts > f->last_) f->last_ = p.ts;
  if (p.l4 == decode::L4Proto::kTcp) {
    update_tcp_state(*f, dir, p.flags);
  } else if (f->counters(opposite(dir)).pkts > 0) {
    f->state_ = FlowState::kEstablished;
  }
  touch(*f, class_for(*f));
  return {f, dir, created};
}

void FlowTable::update_tcp_state(Flow& f, Direction dir, std::uint8_t flags) {
  if (f.state_ == FlowState::kClosed) return;
  if (flags & tf::kRst) {
    f.state_ = FlowState::kClosed;
    return;
  }
  if ((flags & tf::kSyn) && (flags & tf::kAck)) f.syn_ack_seen_ = true;
  if (flags & tf::kFin) f.fin_seen_[index_of(dir)] = true;
  if (f.fin_seen_[0] && f.fin_seen_[1]) {
    f.state_ = FlowState::kClosed;
    return;
  }
  // Established once the handshake answered, or, picked up mid-stream, once both sides spoke.
  if (f.state_ == FlowState::kNew &&
      (f.syn_ack_seen_ ||
       (f.counters_[0].pkts > 0 && f.counters_[1].pkts > 0 && !(flags & tf::kSyn))))
    f.state_ = FlowState::kEstablished;
}

void FlowTable::touch(Flow& f, TimeoutClass cls) {
  auto& from = lru_[static_cast<int>(f.timeout_class_)];
  auto& to = lru_[static_cast<int>(cls)];
  to.splice(to.begin(), from, f.lru_pos_);  // O(1); keeps the iterator valid
  f.timeout_class_ = cls;
}

std::int64_t FlowTable::timeout_of(TimeoutClass cls) const {
  switch (cls) {
    case TimeoutClass::kTcpNew:
      return config_.tcp_new_timeout;
    case TimeoutClass::kTcpEstablished:
      return config_.tcp_established_timeout;
    case TimeoutClass::kTcpClosed:
      return config_.tcp_closed_timeout;
    case TimeoutClass::kUdp:
      return config_.udp_timeout;
    case TimeoutClass::kOther:
      return config_.other_timeout;
  }
  return config_.other_timeout;
}

void FlowTable::end(Flow* f, EndReason reason) {
  f->end_reason_ = reason;
  switch (reason) {
    case EndReason::kClosed:
      ++stats_.ended_closed;
      break;
    case EndReason::kTimeout:
      ++stats_.ended_timeout;
      break;
    case EndReason::kEvicted:
      ++stats_.evicted;
      break;
    case EndReason::kShutdown:
      ++stats_.ended_shutdown;
      break;
    case EndReason::kNone:
      break;
  }
  on_end_(*f);
  lru_[static_cast<int>(f->timeout_class_)].erase(f->lru_pos_);
  flows_.erase(f->key_);  // destroys the flow and its inspection state
}

void FlowTable::expire(Timestamp now) {
  expiring_.clear();
  for (int c = 0; c < kTimeoutClasses; ++c) {
    const std::int64_t limit = timeout_of(static_cast<TimeoutClass>(c)) * kUsecPerSec;
    // From the back (least recently active): stop at the first flow of the class still alive.
    for (auto it = lru_[c].rbegin(); it != lru_[c].rend() && now.usec - (*it)->last_.usec > limit;
         ++it)
      expiring_.push_back(*it);
  }
  // Oldest first, as at the end of input: the order is then the same whichever worker holds
  // which flow, and a replay with several workers merges to what one worker writes.
  std::sort(expiring_.begin(), expiring_.end(), starts_before);
  for (Flow* f : expiring_)
    end(f,
        f->timeout_class_ == TimeoutClass::kTcpClosed ? EndReason::kClosed : EndReason::kTimeout);
  expiring_.clear();
}

void FlowTable::evict_one() {
  // Closed flows go first (they are finished anyway), then the least recently active one.
  Flow* victim = nullptr;
  if (auto& closed = lru_[static_cast<int>(TimeoutClass::kTcpClosed)]; !closed.empty()) {
    victim = closed.back();
  } else {
    for (auto& list : lru_)
      if (!list.empty() && (!victim || list.back()->last_ < victim->last_)) victim = list.back();
  }
  if (victim) end(victim, EndReason::kEvicted);
}

void FlowTable::end_all() {
  // Oldest first, so that records come out in a stable, meaningful order.
  std::vector<Flow*> all;
  all.reserve(flows_.size());
  for (auto& [key, flow] : flows_) all.push_back(flow.get());
  std::sort(all.begin(), all.end(), starts_before);
  for (Flow* f : all) end(f, EndReason::kShutdown);
}

}  // namespace korgoo::flow

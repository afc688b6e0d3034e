#include "stream/half_stream.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "stream/seq.h"

namespace korgoo::stream {

void HalfStream::start(std::uint32_t offset0_seq, bool midstream) {
  base_seq_ = offset0_seq;
  next_ = 0;
  removed_ = 0;
  urgent_pending_ = false;
  started_ = true;
  midstream_ = midstream;
}

std::int64_t HalfStream::offset_of(std::uint32_t s) const {
  // Unwrap against the next expected byte, the freshest point known in both spaces.
  return seq::unwrap(s, base_seq_ + static_cast<std::uint32_t>(next_), next_);
}

std::uint64_t HalfStream::limit(const Env& env) const {
  std::uint64_t lim = fin_known_ ? fin_offset_ : kNoLimit;
  if (env.config.depth != 0) lim = std::min(lim, env.config.depth);
  return lim;
}

void HalfStream::on_syn(std::uint32_t syn_seq) {
  if (!started_) start(syn_seq + 1, false);
}

bool HalfStream::restart_syn(std::uint32_t syn_seq) {
  if (!started_ || midstream_ || ended_ || fin_known_ || next_ != 0 || buffer_.bytes() != 0 ||
      base_seq_ == syn_seq + 1)
    return false;
  start(syn_seq + 1, false);
  return true;
}

void HalfStream::on_data(Env& env, std::uint32_t seq, ByteView payload) {
  if (ended_ || payload.empty()) return;
  if (!started_) {
    // Mid-stream pickup: no SYN seen, so the first data segment we see is taken as offset 0.
    // If it was itself out of order, earlier bytes that arrive later fall before offset 0 and
    // are dropped as old; we cannot know better without the handshake.
    start(seq, true);
    ++env.stats.midstream_pickups;
  }
  const std::int64_t start = offset_of(seq);
  std::int64_t end = start + static_cast<std::int64_t>(payload.size());

  // Bytes after a FIN are not part of the stream.
  if (fin_known_) end = std::min(end, std::max(start, static_cast<std::int64_t>(fin_offset_)));
  // Bytes past the depth are not wanted; the flag is raised by the first refused byte.
  const auto depth = static_cast<std::int64_t>(
      std::min<std::uint64_t>(env.config.depth, std::numeric_limits<std::int64_t>::max()));
  if (depth != 0 && end > depth) {
    end = std::max(start, depth);
    if (!depth_reached_) {
      depth_reached_ = true;
      ++env.stats.depth_reached;
    }
  }
  if (end <= start) {  // all past the FIN or the depth
    try_end(env);
    return;
  }
  if (end <= 0) {
    // All before offset 0: only possible after a mid-stream pickup. Counted as a repeat: the
    // receiver has had these bytes before the data we started with.
    ++env.stats.overlaps;
    ++env.stats.retransmissions;
    return;
  }
  const auto uend = static_cast<std::uint64_t>(end);
  count_overlaps(env, start, uend, payload);

  // Fill only the holes, lowest first, so the kept bytes stay the first ones seen.
  std::uint64_t cur =
      std::max<std::uint64_t>(static_cast<std::uint64_t>(std::max<std::int64_t>(start, 0)), next_);
  while (true) {
    cur = std::max(cur, next_);  // placing may have drained past `cur`
    if (cur >= uend) break;
    const OooBuffer::Range* r = buffer_.first_ending_after(cur);
    if (r != nullptr && r->start <= cur) {
      cur = r->end();
      continue;
    }
    const std::uint64_t hole_end = r != nullptr ? std::min(uend, r->start) : uend;
    const auto skip = static_cast<std::size_t>(static_cast<std::int64_t>(cur) - start);
    place(env, cur, payload.subspan(skip, hole_end - cur));
    cur = hole_end;
  }
  try_end(env);
}

void HalfStream::count_overlaps(Env& env, std::int64_t start, std::uint64_t end,
                                ByteView payload) const {
  bool repeated = false, fresh = false, conflict = false;
  auto bytes_at = [&](std::uint64_t from, std::uint64_t to) {
    return payload.subspan(static_cast<std::size_t>(static_cast<std::int64_t>(from) - start),
                           to - from);
  };
  std::uint64_t cur;
  if (start < static_cast<std::int64_t>(next_)) {
    repeated = true;  // before next_: delivered, skipped as a gap, or before the stream began
    const auto from = static_cast<std::uint64_t>(std::max<std::int64_t>(start, 0));
    const std::uint64_t to = std::min(end, next_);
    if (from < to && history_.differs(bytes_at(from, to), from)) conflict = true;
    cur = next_;
  } else {
    cur = static_cast<std::uint64_t>(start);
  }
  while (cur < end) {
    const OooBuffer::Range* r = buffer_.first_ending_after(cur);
    if (r == nullptr || r->start >= end) {
      fresh = true;
      break;
    }
    if (r->start > cur) fresh = true;
    const std::uint64_t from = std::max(cur, r->start), to = std::min(end, r->end());
    repeated = true;
    if (std::memcmp(bytes_at(from, to).data(), r->bytes.data() + (from - r->start), to - from) != 0)
      conflict = true;
    cur = to;
  }
  if (!repeated) return;
  ++env.stats.overlaps;
  if (!fresh) ++env.stats.retransmissions;
  if (conflict) ++env.stats.overlap_conflicts;
}

void HalfStream::place(Env& env, std::uint64_t at, ByteView bytes) {
  while (at > next_) {
    const std::uint64_t held = env.peer_buffered + buffer_.bytes();
    if (held + bytes.size() <= env.config.flow_buffer_cap) {
      if (auto charge = env.budget.try_charge(bytes.size())) {
        buffer_.insert(at, bytes, std::move(*charge));
        ++env.stats.ooo_segments;
        env.stats.ooo_buffered_peak = std::max(env.stats.ooo_buffered_peak, env.budget.used());
        return;
      }
    }
    // A cap is reached. Give up on the oldest hole so that buffered data can drain and free
    // room; if nothing is buffered, this segment itself becomes the next in-order data.
    const OooBuffer::Range* front = buffer_.front();
    skip_to(env, front != nullptr ? std::min(front->start, at) : at, true);
    drain(env);
  }
  // `at` starts a hole, so draining stops at or before it.
  if (next_ >= at + bytes.size()) return;
  deliver(env, bytes.subspan(next_ - at));
  drain(env);
}

void HalfStream::deliver(Env& env, ByteView bytes) {
  hand_out(env, bytes);
  // The history keeps the bytes as sent (the urgent one too): retransmissions repeat them.
  history_.record(env.budget, env.config.overlap_check_window, bytes, next_);
  next_ += bytes.size();
}

void HalfStream::hand_out(Env& env, ByteView bytes) {
  if (urgent_pending_ && urgent_offset_ < next_) urgent_pending_ = false;  // skipped by a gap
  if (!urgent_pending_ || urgent_offset_ - next_ >= bytes.size()) {
    env.out.on_data(env.dir, bytes, next_ - removed_);
    env.stats.bytes_delivered += bytes.size();
    return;
  }
  // The consumer's offsets count the bytes it is given: after the urgent byte they run one
  // behind the sequence space.
  const auto at = static_cast<std::size_t>(urgent_offset_ - next_);
  urgent_pending_ = false;
  ++env.stats.urgent_removed;
  if (at > 0) env.out.on_data(env.dir, bytes.first(at), next_ - removed_);
  ++removed_;
  if (at + 1 < bytes.size())
    env.out.on_data(env.dir, bytes.subspan(at + 1), next_ + at + 1 - removed_);
  env.stats.bytes_delivered += bytes.size() - 1;
}

void HalfStream::on_urgent(std::uint32_t seq, std::uint16_t pointer) {
  if (!started_ || pointer == 0) return;  // 0 points at no byte
  const std::int64_t off = offset_of(seq + pointer - 1);
  if (off < static_cast<std::int64_t>(next_)) return;  // already delivered
  const auto uoff = static_cast<std::uint64_t>(off);
  if (urgent_pending_ && uoff <= urgent_offset_) return;  // an older mark, or the same again
  urgent_pending_ = true;
  urgent_offset_ = uoff;
}

void HalfStream::skip_to(Env& env, std::uint64_t to, bool because_of_cap) {
  if (to <= next_) return;
  env.out.on_gap(env.dir, next_ - removed_, to - next_);
  ++env.stats.gaps;
  env.stats.gap_bytes += to - next_;
  if (because_of_cap) ++env.stats.ooo_cap_gaps;
  next_ = to;
}

void HalfStream::drain(Env& env) {
  const std::uint64_t lim = limit(env);
  while (const OooBuffer::Range* r = buffer_.front()) {
    if (r->start > next_) break;
    // A FIN learnt after the range was buffered may cut it short.
    const std::uint64_t end = std::min(r->end(), lim);
    if (end > next_) deliver(env, ByteView(r->bytes).subspan(next_ - r->start, end - next_));
    buffer_.pop_front();  // returns the bytes to the budget
  }
}

void HalfStream::on_fin(Env& env, std::uint32_t fin_seq) {
  if (ended_) return;
  if (!started_) {
    start(fin_seq, true);  // a bare FIN without SYN or data: an empty mid-stream direction
    ++env.stats.midstream_pickups;
  }
  const std::int64_t off = offset_of(fin_seq);
  // First FIN wins; a FIN inside data already delivered is bogus (and would end inspection
  // early if believed).
  if (fin_known_ || off < static_cast<std::int64_t>(next_)) return;
  fin_known_ = true;
  fin_offset_ = static_cast<std::uint64_t>(off);
  try_end(env);
}

void HalfStream::on_peer_ack(Env& env, std::uint32_t ack) {
  if (!started_ || ended_) return;
  const std::int64_t acked = offset_of(ack);
  if (acked <= static_cast<std::int64_t>(next_)) return;
  // The ACK of a FIN is one past the data; the limit also keeps gaps within the depth.
  const std::uint64_t target = std::min(static_cast<std::uint64_t>(acked), limit(env));
  while (next_ < target) {
    const OooBuffer::Range* r = buffer_.front();
    if (r != nullptr && r->start <= next_) {
      drain(env);
      continue;
    }
    skip_to(env, r != nullptr ? std::min(r->start, target) : target, false);
  }
  drain(env);
  try_end(env);
}

void HalfStream::finish(Env& env) {
  if (ended_) return;
  if (started_) {
    const std::uint64_t lim = limit(env);
    while (const OooBuffer::Range* r = buffer_.front()) {
      if (next_ >= lim) break;
      if (r->start > next_) skip_to(env, std::min(r->start, lim), false);
      drain(env);
    }
    // The FIN tells how much was sent: whatever of it we lack is a gap too.
    if (fin_known_ && next_ < lim) skip_to(env, lim, false);
  }
  end(env);
}

bool HalfStream::is_stale(std::uint32_t s) const {
  return started_ && offset_of(s) < static_cast<std::int64_t>(next_);
}

void HalfStream::try_end(Env& env) {
  if (!ended_ && fin_known_ && next_ >= limit(env)) end(env);
}

void HalfStream::end(Env& env) {
  buffer_.clear();
  ended_ = true;
  env.out.on_end(env.dir);
}

}  // namespace korgoo::stream

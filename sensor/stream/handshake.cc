#include "stream/handshake.h"

#include "stream/seq.h"

namespace korgoo::stream {

void Handshake::observe(Direction dir, const Segment& seg) {
  Side& s = side(dir);
  if (seg.has(tcp_flag::kSyn) && !s.started) {
    s.syn = true;
    s.isn = seg.seq;
    if (seg.has_ts) {
      s.ts = true;
      s.first_tsval = s.last_tsval = seg.tsval;
    }
  } else if (s.ts && seg.has_ts && seq::gt(seg.tsval, s.last_tsval)) {
    s.last_tsval = seg.tsval;
  }
  if (seg.has(tcp_flag::kSyn) || !seg.payload.empty()) s.started = true;
}

void Handshake::restart(Direction dir, const Segment& syn) {
  side(dir) = Side{};
  observe(dir, syn);
}

bool Handshake::timestamp_echo_ok(const Side& receiver, const Segment& seg) const {
  // Linux rejects a segment in SYN-SENT whose echoed timestamp is not between its first SYN
  // and now; a zero echo means "none" (RFC 7323 3.2).
  if (!receiver.ts || !seg.has_ts || seg.tsecr == 0) return true;
  return seq::ge(seg.tsecr, receiver.first_tsval) && seq::le(seg.tsecr, receiver.last_tsval);
}

bool Handshake::discarded_before_established(Direction dir, const Segment& seg) const {
  const Side& sender = side(dir);
  const Side& receiver = side(opposite(dir));
  if (seg.has(tcp_flag::kSyn)) return false;
  // Data before the answer to a SYN still counts (its SYN-ACK may be missing from the capture),
  // and once a side has started, its RSTs are judged by the half streams.
  if (receiver.syn && !sender.started) {  // the receiver is in SYN-SENT
    if (seg.has(tcp_flag::kRst))
      return !seg.has(tcp_flag::kAck) || seg.ack != receiver.isn + 1 ||
             !timestamp_echo_ok(receiver, seg);
    return seg.has(tcp_flag::kFin) && seg.payload.empty();
  }
  if (seg.has(tcp_flag::kRst) && sender.syn && !receiver.started) return true;
  return false;
}

}  // namespace korgoo::stream

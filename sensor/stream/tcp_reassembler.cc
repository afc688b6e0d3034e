#include "stream/tcp_reassembler.h"

namespace korgoo::stream {

HalfStream::Env TcpReassembler::env(Direction d, StreamConsumer& out) const {
  return HalfStream::Env{config_, stats_, budget_, out, d, half(opposite(d)).buffered_bytes()};
}

void TcpReassembler::on_segment(Direction dir, const Segment& seg, StreamConsumer& out) {
  ++stats_.segments;
  if (closed()) return;
  HalfStream& self = half(dir);

  if (handshake_.discarded_before_established(dir, seg)) {
    if (seg.has(tcp_flag::kRst)) ++stats_.resets_ignored;
    return;
  }
  // A new SYN (another ISN) while the peer has not answered the first one: the client gave up
  // on the first attempt (refused, or its SYN lost) and a server would open this one.
  if (seg.has(tcp_flag::kSyn) && !seg.has(tcp_flag::kAck) && !half(opposite(dir)).started() &&
      self.restart_syn(seg.seq)) {
    ++stats_.syn_restarts;
    handshake_.restart(dir, seg);
  } else {
    handshake_.observe(dir, seg);
  }

  if (seg.has(tcp_flag::kRst)) {
    // An RST from before what we delivered cannot be current; believing it would let a forged
    // RST end inspection while the real connection goes on.
    // A signed RST is dropped by a receiver without the key (Linux: TCPMD5UNEXPECTED,
    // TCP-AO unexpected) and one with the key checks a signature we cannot: either way it
    // is no proof the connection ended.
    if (self.is_stale(seg.seq) || seg.signed_segment) {
      ++stats_.resets_ignored;
      return;
    }
    ++stats_.resets;
    finish_both(out);
    return;
  }

  // The ACK speaks about the other direction. Handle it first: the peer had those bytes
  // before it sent this segment, so their gap comes first in time as well.
  if (seg.has(tcp_flag::kAck)) {
    HalfStream::Env peer_env = env(opposite(dir), out);
    half(opposite(dir)).on_peer_ack(peer_env, seg.ack);
  }

  std::uint32_t data_seq = seg.seq;
  if (seg.has(tcp_flag::kSyn)) {
    self.on_syn(seg.seq);
    data_seq = seg.seq + 1;  // the SYN takes one sequence number; its data follows it
    if (!seg.payload.empty()) ++stats_.syn_data;
  }
  HalfStream::Env self_env = env(dir, out);
  // Before the payload: the urgent byte may be in this very segment. (The first segment of a
  // mid-stream pickup has no offsets yet; its urgent byte stays in.)
  if (seg.has(tcp_flag::kUrg) && config_.urgent == UrgentPolicy::kOob)
    self.on_urgent(data_seq, seg.urgent_pointer);
  if (!seg.payload.empty()) self.on_data(self_env, data_seq, seg.payload);
  if (seg.has(tcp_flag::kFin))
    self.on_fin(self_env, data_seq + static_cast<std::uint32_t>(seg.payload.size()));
}

void TcpReassembler::flush(StreamConsumer& out) {
  finish_both(out);
}

void TcpReassembler::finish_both(StreamConsumer& out) {
  // Fixed order so that replays produce identical output.
  for (Direction d : {Direction::kToServer, Direction::kToClient}) {
    HalfStream::Env e = env(d, out);
    half(d).finish(e);
  }
}

}  // namespace korgoo::stream

// Reassembly of one direction of a TCP flow: maps sequence numbers to 64-bit stream offsets,
// delivers bytes in order exactly once, buffers what arrives early, and turns what will never
// arrive into gaps. TcpReassembler owns two of these and routes flags and ACKs to them.
//
// Invariant: every stream offset below next_offset() has been delivered or reported as a gap,
// and nothing at or above it has; buffered ranges all start at or after next_offset().
#pragma once

#include <cstdint>
#include <limits>

#include "common/bytes.h"
#include "common/direction.h"
#include "stream/delivered_history.h"
#include "stream/ooo_buffer.h"
#include "stream/reassembly_budget.h"
#include "stream/stream_config.h"
#include "stream/stream_consumer.h"
#include "stream/stream_stats.h"

namespace korgoo::stream {

class HalfStream {
 public:
  // What one call needs from the flow and the worker; built by TcpReassembler per call so that
  // a half stream holds no pointers back to its owner.
  struct Env {
    const StreamConfig& config;
    StreamStats& stats;
    ReassemblyBudget& budget;
    StreamConsumer& out;
    Direction dir;
    std::uint64_t peer_buffered;  // bytes the other direction holds (the cap is per flow)
  };

  // A SYN fixes the ISN: offset 0 is ISN + 1. Ignored once the direction has started (a
  // retransmitted SYN, or a SYN after a mid-stream pickup).
  void on_syn(std::uint32_t syn_seq);
  // A SYN with another ISN before anything was delivered or buffered: the previous attempt was
  // refused or abandoned and this one replaces it. Returns whether it did.
  bool restart_syn(std::uint32_t syn_seq);
  // Payload whose first byte has sequence number `seq`.
  void on_data(Env& env, std::uint32_t seq, ByteView payload);
  // An urgent pointer (stream.urgent: oob): the byte before `seq + pointer` is taken out of
  // the stream when it is delivered. A later pointer replaces one not yet reached.
  void on_urgent(std::uint32_t seq, std::uint16_t pointer);
  // A FIN at `fin_seq` (the sequence number after the segment's payload).
  void on_fin(Env& env, std::uint32_t fin_seq);
  // The other side acknowledged up to `ack`: anything before it that we lack was lost in
  // capture (the receiver had it), so it becomes a gap.
  void on_peer_ack(Env& env, std::uint32_t ack);
  // End of the direction (RST, end of flow): deliver all buffered data, gaps for the holes and
  // for a known missing tail, then on_end. Idempotent.
  void finish(Env& env);

  // An RST whose sequence number lies before data already delivered is stale or forged.
  bool is_stale(std::uint32_t seq) const;

  bool started() const { return started_; }
  bool ended() const { return ended_; }
  bool midstream() const { return midstream_; }
  bool depth_reached() const { return depth_reached_; }
  std::uint64_t next_offset() const { return next_; }
  std::uint64_t buffered_bytes() const { return buffer_.bytes(); }

 private:
  static constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();

  void start(std::uint32_t offset0_seq, bool midstream);
  std::int64_t offset_of(std::uint32_t s) const;
  // Offsets at or after this are never delivered: the FIN's offset and the depth.
  std::uint64_t limit(const Env& env) const;

  void count_overlaps(Env& env, std::int64_t start, std::uint64_t end, ByteView payload) const;
  void place(Env& env, std::uint64_t at, ByteView bytes);
  void deliver(Env& env, ByteView bytes);
  // Hands `bytes` (at next_) to the consumer, without the urgent byte if they hold it.
  void hand_out(Env& env, ByteView bytes);
  void skip_to(Env& env, std::uint64_t to, bool because_of_cap);
  void drain(Env& env);
  void try_end(Env& env);
  void end(Env& env);

  OooBuffer buffer_;
  DeliveredHistory history_;
  std::uint32_t base_seq_ = 0;  // sequence number of stream offset 0
  std::uint64_t next_ = 0;      // next offset to deliver
  std::uint64_t fin_offset_ = 0;
  bool started_ = false;
  bool midstream_ = false;
  bool fin_known_ = false;
  bool ended_ = false;
  bool depth_reached_ = false;
  bool urgent_pending_ = false;
  std::uint64_t urgent_offset_ = 0;  // the urgent byte to take out, when pending
  std::uint64_t removed_ = 0;        // urgent bytes taken out so far
};

}  // namespace korgoo::stream

// TCP reassembly of one flow, both directions: turns segments as captured (any order,
// duplicated, overlapping, with holes) into each direction's byte stream, delivered in order
// and exactly once to a StreamConsumer.
//
// Semantics (see also half_stream.h):
//  - Offset 0 of a direction is ISN + 1; data on a SYN (TCP Fast Open) is at offset 0. Without
//    a SYN, the first data segment seen is offset 0 (mid-stream pickup).
//  - In-order data is passed straight from the packet, never copied (unless
//    overlap_check_window is set). Early data is copied into a buffer bounded per flow and per
//    worker; at a cap the oldest hole becomes a gap, so reassembly never stalls.
//  - First data wins: bytes already delivered or buffered are kept, later copies only fill
//    holes. Overlaps and differing overlaps (an evasion signal) are counted.
//  - A gap is declared when the peer acknowledges data we never saw (lost in capture), and at
//    the end of a direction for each remaining hole and a missing tail before the FIN.
//  - A direction ends (on_end) once everything up to its FIN is delivered or declared a gap.
//    An RST ends both directions, unless its sequence number lies before delivered data, or
//    it is one the receiver would discard during the handshake (handshake.h); FINs without
//    data sent to a side still waiting for its SYN-ACK are dropped too.
//  - Bytes past the depth are neither delivered nor buffered.
// Known limits: ACKs are trusted, so if capture reorders data after its ACK the data becomes a
// gap; the ACK of a FIN we never saw reads as one missing byte.
#pragma once

#include <array>
#include <cstdint>

#include "common/direction.h"
#include "stream/half_stream.h"
#include "stream/handshake.h"
#include "stream/reassembly_budget.h"
#include "stream/segment.h"
#include "stream/stream_config.h"
#include "stream/stream_consumer.h"
#include "stream/stream_stats.h"

namespace korgoo::stream {

class TcpReassembler {
 public:
  // `config`, `stats` and `budget` belong to the worker and must outlive the reassembler.
  TcpReassembler(const StreamConfig& config, StreamStats& stats, ReassemblyBudget& budget)
      : config_(config), stats_(stats), budget_(budget) {}
  // Buffered memory is returned to the budget on destruction; nothing is delivered then (call
  // flush() first to hand the rest on).
  TcpReassembler(const TcpReassembler&) = delete;
  TcpReassembler& operator=(const TcpReassembler&) = delete;

  // One captured segment travelling in `dir`. Its payload is only read during the call.
  void on_segment(Direction dir, const Segment& seg, StreamConsumer& out);

  // End of the flow (timeout, eviction, end of input): for each direction not yet ended,
  // deliver what is buffered, report the holes as gaps, then on_end.
  void flush(StreamConsumer& out);

  bool started(Direction d) const { return half(d).started(); }
  bool ended(Direction d) const { return half(d).ended(); }
  bool closed() const { return ended(Direction::kToServer) && ended(Direction::kToClient); }
  // The direction was picked up without its SYN.
  bool midstream(Direction d) const { return half(d).midstream(); }
  bool depth_reached(Direction d) const { return half(d).depth_reached(); }
  // Every offset below this has been delivered or reported as a gap.
  std::uint64_t next_offset(Direction d) const { return half(d).next_offset(); }
  // Out-of-order bytes this flow holds, both directions.
  std::uint64_t buffered_bytes() const {
    return half(Direction::kToServer).buffered_bytes() +
           half(Direction::kToClient).buffered_bytes();
  }

 private:
  HalfStream& half(Direction d) { return halves_[index_of(d)]; }
  const HalfStream& half(Direction d) const { return halves_[index_of(d)]; }
  HalfStream::Env env(Direction d, StreamConsumer& out) const;
  void finish_both(StreamConsumer& out);

  const StreamConfig& config_;
  StreamStats& stats_;
  ReassemblyBudget& budget_;
  std::array<HalfStream, 2> halves_;
  Handshake handshake_;
};

}  // namespace korgoo::stream

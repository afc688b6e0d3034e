// Buffering caps (per flow, per worker) and memory accounting.
#include "reassembler_fixture.h"

namespace korgoo::stream::testing {
namespace {

using Gap = RecordingConsumer::Gap;
using Caps = ReassemblerTest;

TEST_F(Caps, PerFlowCapTurnsTheOldestHoleIntoAGap) {
  cfg.flow_buffer_cap = 10;
  reset();
  syn(kC2S, 0);
  send(kC2S, 6, "fffff");   // 5..9
  send(kC2S, 11, "kkkkk");  // 10..14: 10 bytes held, at the cap
  EXPECT_EQ(r->buffered_bytes(), 10u);
  EXPECT_EQ(stats.ooo_cap_gaps, 0u);
  send(kC2S, 21, "uuuuu");  // 20..24 would exceed it: 0..4 is given up
  EXPECT_EQ(out.side(kC2S).gaps, (std::vector<Gap>{{0, 5}}));
  EXPECT_EQ(text(kC2S), "#####fffffkkkkk");
  EXPECT_EQ(r->buffered_bytes(), 5u);  // 20..24 now fits
  EXPECT_EQ(stats.ooo_cap_gaps, 1u);
  send(kC2S, 16, "ppppp");
  EXPECT_EQ(text(kC2S), "#####fffffkkkkkpppppuuuuu");
}

TEST_F(Caps, SegmentLargerThanTheCapIsDeliveredAfterAGap) {
  cfg.flow_buffer_cap = 4;
  reset();
  syn(kC2S, 0);
  const std::string seg = "0123456789";
  send(kC2S, 3, seg);  // offset 2..11, cannot be buffered at all
  EXPECT_EQ(text(kC2S), "##0123456789");
  EXPECT_EQ(out.side(kC2S).pointers[0], as_bytes(seg).data());  // not copied either
  EXPECT_EQ(stats.ooo_cap_gaps, 1u);
  EXPECT_EQ(budget->peak(), 0u);
}

TEST_F(Caps, CapCountsBothDirectionsOfTheFlow) {
  cfg.flow_buffer_cap = 8;
  reset();
  syn(kC2S, 0);
  syn(kS2C, 0);
  send(kC2S, 3, "cccccc");  // 6 held by to_server
  send(kS2C, 3, "sss");     // 3 more would make 9: to_client gives up its own hole
  EXPECT_EQ(text(kS2C), "##sss");
  EXPECT_EQ(text(kC2S), "");
  EXPECT_EQ(r->buffered_bytes(), 6u);
}

TEST_F(Caps, GlobalBudgetIsSharedByTheFlowsOfAWorker) {
  cfg.worker_buffer_cap = 10;
  reset();
  TcpReassembler other(cfg, stats, *budget);
  RecordingConsumer other_out;
  Segment s;
  s.flags = tcp_flag::kSyn;
  other.on_segment(kC2S, s, other_out);
  s.flags = 0;
  s.seq = 5;
  const std::string held = "12345678";
  s.payload = as_bytes(held);
  other.on_segment(kC2S, s, other_out);  // the other flow holds 8 of the 10
  EXPECT_EQ(budget->used(), 8u);

  syn(kC2S, 0);
  send(kC2S, 3, "abc");  // does not fit the worker budget: gap, then delivered
  EXPECT_EQ(text(kC2S), "##abc");
  EXPECT_EQ(stats.ooo_cap_gaps, 1u);
  EXPECT_EQ(other.buffered_bytes(), 8u);  // the other flow is not touched

  send(kC2S, 10, "jk");  // 9..10: 2 bytes still fit
  EXPECT_EQ(budget->used(), 10u);
  EXPECT_EQ(stats.ooo_buffered_peak, 10u);
}

TEST_F(Caps, DestroyingAFlowReturnsItsMemory) {
  syn(kC2S, 0);
  syn(kS2C, 0);
  send(kC2S, 5, "abcd");
  send(kS2C, 5, "efgh");
  EXPECT_EQ(budget->used(), 8u);
  r.reset();
  EXPECT_EQ(budget->used(), 0u);
  EXPECT_EQ(out.side(kC2S).ends, 0);  // destruction delivers nothing
}

}  // namespace
}  // namespace korgoo::stream::testing

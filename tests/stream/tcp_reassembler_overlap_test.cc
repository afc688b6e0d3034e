// Retransmissions and overlaps: first data wins, repeats and conflicts are counted.
#include "reassembler_fixture.h"

namespace korgoo::stream::testing {
namespace {

using Overlap = ReassemblerTest;

TEST_F(Overlap, IdenticalRetransmissionOfDeliveredData) {
  syn(kC2S, 0);
  send(kC2S, 1, "hello");
  send(kC2S, 1, "hello");
  EXPECT_EQ(text(kC2S), "hello");
  EXPECT_EQ(stats.overlaps, 1u);
  EXPECT_EQ(stats.retransmissions, 1u);
  EXPECT_EQ(stats.overlap_conflicts, 0u);
}

TEST_F(Overlap, IdenticalRetransmissionOfBufferedData) {
  syn(kC2S, 0);
  send(kC2S, 6, "world");
  send(kC2S, 6, "world");
  EXPECT_EQ(r->buffered_bytes(), 5u);
  send(kC2S, 1, "hello");
  EXPECT_EQ(text(kC2S), "helloworld");
  EXPECT_EQ(stats.retransmissions, 1u);
  EXPECT_EQ(stats.overlap_conflicts, 0u);
}

TEST_F(Overlap, DifferentBytesOverBufferedDataFirstWins) {
  syn(kC2S, 0);
  send(kC2S, 6, "world");
  send(kC2S, 6, "WORLD");
  send(kC2S, 1, "hello");
  EXPECT_EQ(text(kC2S), "helloworld");
  EXPECT_EQ(stats.overlaps, 1u);
  EXPECT_EQ(stats.overlap_conflicts, 1u);
}

TEST_F(Overlap, DifferentBytesOverDeliveredDataNeedTheHistoryWindow) {
  syn(kC2S, 0);
  send(kC2S, 1, "hello");
  send(kC2S, 1, "jello");
  EXPECT_EQ(text(kC2S), "hello");
  EXPECT_EQ(stats.overlaps, 1u);
  EXPECT_EQ(stats.overlap_conflicts, 0u);  // default: delivered bytes are not kept

  cfg.overlap_check_window = 4;
  reset();
  stats = {};
  syn(kC2S, 0);
  send(kC2S, 1, "hello");
  send(kC2S, 6, "world");
  send(kC2S, 1, "jello");  // offset 0 left the 4-byte window: cannot tell
  EXPECT_EQ(stats.overlap_conflicts, 0u);
  send(kC2S, 8, "rlD");  // offset 9 ('d' -> 'D') is remembered
  EXPECT_EQ(stats.overlap_conflicts, 1u);
  send(kC2S, 8, "rld");
  EXPECT_EQ(stats.overlap_conflicts, 1u);
  EXPECT_EQ(text(kC2S), "helloworld");
  EXPECT_EQ(budget->used(), 4u);  // the window is charged to the worker budget
  r.reset();
  EXPECT_EQ(budget->used(), 0u);
}

TEST_F(Overlap, PartialOverlapOnTheLeftDeliversOnlyNewBytes) {
  syn(kC2S, 0);
  send(kC2S, 1, "hello");
  send(kC2S, 4, "LOwor");  // offsets 3..7: "LO" old (differs), "wor" new
  EXPECT_EQ(text(kC2S), "hellowor");
  EXPECT_EQ(stats.overlaps, 1u);
  EXPECT_EQ(stats.retransmissions, 0u);
}

TEST_F(Overlap, PartialOverlapOnTheRightKeepsBufferedBytes) {
  syn(kC2S, 0);
  send(kC2S, 6, "world");    // buffered 5..9
  send(kC2S, 1, "helloWO");  // 0..6: new up to 4, "WO" overlaps the buffer and loses
  EXPECT_EQ(text(kC2S), "helloworld");
  EXPECT_EQ(stats.overlaps, 1u);
  EXPECT_EQ(stats.overlap_conflicts, 1u);
}

TEST_F(Overlap, SegmentSpanningBufferedRangesFillsOnlyTheHoles) {
  syn(kC2S, 0);
  send(kC2S, 4, "DE");         // 3..4
  send(kC2S, 8, "HI");         // 7..8
  send(kC2S, 2, "bcdefghij");  // 1..9, holes 1..2, 5..6, 9
  EXPECT_EQ(r->buffered_bytes(), 9u);
  send(kC2S, 1, "a");
  EXPECT_EQ(text(kC2S), "abcDEfgHIj");
  EXPECT_EQ(stats.overlap_conflicts, 1u);
  EXPECT_EQ(budget->used(), 0u);
}

TEST_F(Overlap, InOrderSegmentOverBufferedDataIsDeliveredInPieces) {
  syn(kC2S, 0);
  send(kC2S, 3, "CD");               // 2..3
  const std::string seg = "abcdef";  // 0..5 in order; "cd" overlaps
  send(kC2S, 1, seg);
  EXPECT_EQ(text(kC2S), "abCDef");
  // The new pieces came straight from the packet; only the early piece was copied.
  ASSERT_EQ(out.side(kC2S).pointers.size(), 3u);
  EXPECT_EQ(out.side(kC2S).pointers[0], as_bytes(seg).data());
  EXPECT_EQ(out.side(kC2S).pointers[2], as_bytes(seg).data() + 4);
}

}  // namespace
}  // namespace korgoo::stream::testing

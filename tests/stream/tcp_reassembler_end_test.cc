// Gaps, FIN, RST, flush, depth.
#include "reassembler_fixture.h"

namespace korgoo::stream::testing {
namespace {

using Gap = RecordingConsumer::Gap;
using End = ReassemblerTest;

TEST_F(End, AckBeyondWhatWeHaveDeclaresAGap) {
  syn(kC2S, 0);
  send(kC2S, 1, "01234");
  // 5..9 lost in capture; the server acknowledges 10.
  ack(kS2C, 0, 11);
  EXPECT_EQ(out.side(kC2S).gaps, (std::vector<Gap>{{5, 5}}));
  send(kC2S, 11, "abc");
  EXPECT_EQ(text(kC2S), "01234#####abc");
  EXPECT_EQ(stats.gaps, 1u);
  EXPECT_EQ(stats.gap_bytes, 5u);
  // Late arrival of the lost bytes is dropped as old.
  send(kC2S, 6, "56789");
  EXPECT_EQ(text(kC2S), "01234#####abc");
}

TEST_F(End, AckBeyondWithBufferedDataGapsOnlyTheHoles) {
  syn(kC2S, 0);
  send(kC2S, 1, "01234");
  send(kC2S, 11, "ABCDE");  // buffered 10..14
  ack(kS2C, 0, 21);         // acknowledges up to 20
  EXPECT_EQ(text(kC2S), "01234#####ABCDE#####");
  EXPECT_EQ(out.side(kC2S).gaps, (std::vector<Gap>{{5, 5}, {15, 5}}));
  EXPECT_EQ(budget->used(), 0u);
}

TEST_F(End, AckOfDeliveredDataOrOfTheFinIsNoGap) {
  syn(kC2S, 0);
  send(kC2S, 1, "abc", tcp_flag::kFin);  // FIN at offset 3
  EXPECT_EQ(out.side(kC2S).ends, 1);
  ack(kS2C, 0, 4);  // acknowledges data and FIN
  ack(kS2C, 0, 2);  // an old ACK
  EXPECT_TRUE(out.side(kC2S).gaps.empty());
  EXPECT_TRUE(r->ended(kC2S));
  EXPECT_FALSE(r->ended(kS2C));
}

TEST_F(End, FinBeforeDataCompleteWaitsForTheHole) {
  syn(kC2S, 0);
  send(kC2S, 1, "abc");
  send(kC2S, 7, "ghi", tcp_flag::kFin);  // FIN at offset 9, hole 3..5
  EXPECT_EQ(out.side(kC2S).ends, 0);
  EXPECT_FALSE(r->ended(kC2S));
  send(kC2S, 4, "def");
  EXPECT_EQ(text(kC2S), "abcdefghi");
  EXPECT_EQ(out.side(kC2S).ends, 1);
  EXPECT_TRUE(r->ended(kC2S));
  send(kC2S, 10, "after");  // nothing after the end
  EXPECT_EQ(text(kC2S), "abcdefghi");
}

TEST_F(End, FinWithMissingDataEndsWhenThePeerAcksIt) {
  syn(kC2S, 0);
  send(kC2S, 1, "abc");
  send(kC2S, 10, "", tcp_flag::kFin);  // FIN at 9
  ack(kS2C, 0, 11);
  EXPECT_EQ(text(kC2S), "abc######");
  EXPECT_EQ(out.side(kC2S).ends, 1);
}

TEST_F(End, DataBeyondTheFinIsIgnored) {
  syn(kC2S, 0);
  send(kC2S, 4, "", tcp_flag::kFin);  // FIN at 3
  send(kC2S, 1, "abcdef");
  EXPECT_EQ(text(kC2S), "abc");
  EXPECT_EQ(out.side(kC2S).ends, 1);
}

TEST_F(End, FlushDeliversBufferedDataAndReportsHoles) {
  syn(kC2S, 0);
  send(kC2S, 1, "abc");
  send(kC2S, 6, "fg");
  send(kC2S, 10, "jk");
  send(kS2C, 500, "x");  // mid-stream server side
  r->flush(out);
  EXPECT_EQ(text(kC2S), "abc##fg##jk");
  EXPECT_EQ(out.side(kC2S).gaps, (std::vector<Gap>{{3, 2}, {7, 2}}));
  EXPECT_EQ(out.side(kC2S).ends, 1);
  EXPECT_EQ(out.side(kS2C).ends, 1);
  EXPECT_TRUE(r->closed());
  EXPECT_EQ(budget->used(), 0u);
  r->flush(out);  // idempotent
  EXPECT_EQ(out.side(kC2S).ends, 1);
}

TEST_F(End, FlushReportsAMissingTailBeforeAKnownFin) {
  syn(kC2S, 0);
  send(kC2S, 1, "abc");
  send(kC2S, 8, "", tcp_flag::kFin);  // FIN at 7
  r->flush(out);
  EXPECT_EQ(text(kC2S), "abc####");
}

TEST_F(End, FlushOfAnUnstartedFlowStillEndsBothDirections) {
  r->flush(out);
  EXPECT_EQ(out.side(kC2S).ends, 1);
  EXPECT_EQ(out.side(kS2C).ends, 1);
}

TEST_F(End, BareFinWithoutHandshakeEndsAnEmptyDirection) {
  send(kS2C, 777, "", tcp_flag::kFin | tcp_flag::kAck, 5);
  EXPECT_EQ(out.side(kS2C).ends, 1);
  EXPECT_TRUE(r->midstream(kS2C));
  EXPECT_EQ(text(kS2C), "");
  EXPECT_FALSE(r->ended(kC2S));
}

TEST_F(End, RstBeforeAnyDataClosesTheFlow) {
  syn(kC2S, 0);
  send(kS2C, 0, "", tcp_flag::kRst | tcp_flag::kAck, 1);  // connection refused
  EXPECT_TRUE(r->closed());
  EXPECT_EQ(stats.resets, 1u);
  EXPECT_TRUE(out.side(kC2S).gaps.empty());
}

TEST_F(End, RstEndsBothDirectionsAfterDeliveringWhatItCan) {
  syn(kC2S, 0);
  syn(kS2C, 100);
  send(kC2S, 1, "abc");
  send(kC2S, 6, "fg");
  send(kS2C, 101, "resp");
  send(kS2C, 105, "", tcp_flag::kRst);
  EXPECT_EQ(text(kC2S), "abc##fg");
  EXPECT_EQ(text(kS2C), "resp");
  EXPECT_EQ(out.side(kC2S).ends, 1);
  EXPECT_EQ(out.side(kS2C).ends, 1);
  EXPECT_TRUE(r->closed());
  EXPECT_EQ(stats.resets, 1u);
  send(kC2S, 8, "more");
  EXPECT_EQ(text(kC2S), "abc##fg");
}

TEST_F(End, StaleRstIsIgnored) {
  syn(kC2S, 0);
  send(kC2S, 1, "abcdef");
  send(kC2S, 3, "", tcp_flag::kRst);  // before delivered data: stale or forged
  EXPECT_FALSE(r->closed());
  EXPECT_EQ(stats.resets_ignored, 1u);
  send(kC2S, 7, "g");
  EXPECT_EQ(text(kC2S), "abcdefg");
}

// security-4710-02: a RST carrying a TCP-AO option (a TCP MD5 one likewise) before the
// request; the receiver drops it, the request and response follow.
TEST_F(End, SignedRstIsIgnored) {
  syn(kC2S, 0);
  syn(kS2C, 100);
  Segment s;
  s.seq = 1;
  s.ack = 101;
  s.flags = tcp_flag::kRst | tcp_flag::kAck;
  s.signed_segment = true;
  r->on_segment(kC2S, s, out);
  EXPECT_FALSE(r->closed());
  EXPECT_EQ(stats.resets_ignored, 1u);
  send(kC2S, 1, "GET");
  EXPECT_EQ(text(kC2S), "GET");
}

TEST_F(End, DepthExactlyAtTheBoundary) {
  cfg.depth = 10;
  reset();
  syn(kC2S, 0);
  send(kC2S, 1, "0123456789");  // exactly the depth
  EXPECT_FALSE(r->depth_reached(kC2S));
  EXPECT_EQ(stats.depth_reached, 0u);
  send(kC2S, 11, "X");  // first byte past it
  EXPECT_TRUE(r->depth_reached(kC2S));
  EXPECT_EQ(stats.depth_reached, 1u);
  send(kC2S, 12, "YZ");
  EXPECT_EQ(stats.depth_reached, 1u);  // once per direction
  EXPECT_EQ(text(kC2S), "0123456789");
  EXPECT_EQ(r->buffered_bytes(), 0u);
  send(kC2S, 20, "", tcp_flag::kFin);  // nothing more can come: ends at once
  EXPECT_EQ(out.side(kC2S).ends, 1);
  EXPECT_TRUE(out.side(kC2S).gaps.empty());
}

TEST_F(End, DepthCutsASegmentThatCrossesIt) {
  cfg.depth = 10;
  reset();
  syn(kC2S, 0);
  send(kC2S, 9, "89AB");  // 8..11: buffered only up to the depth
  EXPECT_EQ(r->buffered_bytes(), 2u);
  EXPECT_TRUE(r->depth_reached(kC2S));
  send(kC2S, 1, "01234567");
  EXPECT_EQ(text(kC2S), "0123456789");
  ack(kS2C, 0, 100);  // gaps stop at the depth as well
  EXPECT_TRUE(out.side(kC2S).gaps.empty());
  EXPECT_FALSE(r->depth_reached(kS2C));
}

TEST_F(End, DepthZeroIsUnlimited) {
  cfg.depth = 0;
  reset();
  syn(kC2S, 0);
  const std::string big(3 * kMiB, 'z');
  send(kC2S, 1, big);
  EXPECT_EQ(out.side(kC2S).next, 3 * kMiB);
  EXPECT_FALSE(r->depth_reached(kC2S));
}

}  // namespace
}  // namespace korgoo::stream::testing

// Ordering: in-order, out-of-order, wraparound, SYN data, mid-stream pickup.
#include <algorithm>
#include <array>

#include "reassembler_fixture.h"
#include "stream/seq.h"

namespace korgoo::stream::testing {
namespace {

using Order = ReassemblerTest;

TEST_F(Order, FlagValuesMatchTheTcpHeader) {
  EXPECT_EQ(tcp_flag::kFin, 0x01);
  EXPECT_EQ(tcp_flag::kSyn, 0x02);
  EXPECT_EQ(tcp_flag::kRst, 0x04);
  EXPECT_EQ(tcp_flag::kAck, 0x10);
}

TEST_F(Order, InOrderIsDeliveredAtOnceWithoutCopy) {
  syn(kC2S, 1000);
  const std::string a = "hello", b = " world";
  send(kC2S, 1001, a);
  send(kC2S, 1006, b);
  EXPECT_EQ(text(kC2S), "hello world");
  ASSERT_EQ(out.side(kC2S).pointers.size(), 2u);
  EXPECT_EQ(out.side(kC2S).pointers[0], as_bytes(a).data());  // the packet's own bytes
  EXPECT_EQ(out.side(kC2S).pointers[1], as_bytes(b).data());
  EXPECT_EQ(stats.bytes_delivered, 11u);
  EXPECT_EQ(stats.ooo_segments, 0u);
  EXPECT_EQ(budget->peak(), 0u);
  EXPECT_EQ(r->next_offset(kC2S), 11u);
  EXPECT_FALSE(r->midstream(kC2S));
}

TEST_F(Order, EveryPermutationOfFourSegmentsGivesTheSameBytes) {
  const std::array<std::string, 4> parts = {"abcd", "efg", "hijklm", "nop"};
  std::array<int, 4> order = {0, 1, 2, 3};
  int runs = 0;
  do {
    reset();
    syn(kC2S, 500);
    for (int i : order) {
      std::uint32_t off = 0;
      for (int k = 0; k < i; ++k) off += static_cast<std::uint32_t>(parts[k].size());
      send(kC2S, 501 + off, parts[i]);
    }
    EXPECT_EQ(text(kC2S), "abcdefghijklmnop");
    EXPECT_EQ(r->buffered_bytes(), 0u);
    EXPECT_EQ(budget->used(), 0u);
    ++runs;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(runs, 24);
  EXPECT_EQ(stats.overlaps, 0u);
  EXPECT_EQ(stats.gaps, 0u);
}

TEST_F(Order, OutOfOrderIsBufferedThenDrained) {
  syn(kC2S, 0);
  send(kC2S, 6, "world");
  send(kC2S, 11, "!");
  EXPECT_EQ(text(kC2S), "");
  EXPECT_EQ(r->buffered_bytes(), 6u);
  EXPECT_EQ(budget->used(), 6u);
  send(kC2S, 1, "hello");
  EXPECT_EQ(text(kC2S), "helloworld!");
  EXPECT_EQ(r->buffered_bytes(), 0u);
  EXPECT_EQ(budget->used(), 0u);
  EXPECT_EQ(stats.ooo_segments, 2u);
  EXPECT_EQ(stats.ooo_buffered_peak, 6u);
}

TEST_F(Order, SequenceWrapsAroundTwoToThe32) {
  syn(kC2S, 0xFFFFFFF8u);             // offset 0 = 0xFFFFFFF9
  send(kC2S, 0x00000003u, "IJKL");    // offset 10, after the wrap, out of order
  send(kC2S, 0xFFFFFFF9u, "ABCDEF");  // offsets 0..5
  send(kC2S, 0xFFFFFFFFu, "GHxx");    // offsets 6..9, crosses 2^32
  EXPECT_EQ(text(kC2S), "ABCDEFGHxxIJKL");
  send(kC2S, 0x00000003u - 4, "GHxx");
  EXPECT_EQ(stats.retransmissions, 1u);
  send(kC2S, 0x00000007u, "", tcp_flag::kFin);
  EXPECT_EQ(out.side(kC2S).ends, 1);  // FIN at offset 14 after the wrap
}

// Offsets are 64-bit: a stream longer than 4 GiB keeps counting. Zero-copy delivery keeps this
// cheap; the consumer only checks offsets.
TEST(OrderLong, OffsetsPassFourGiB) {
  struct OffsetChecker : StreamConsumer {
    std::uint64_t next = 0;
    bool ok = true;
    void on_data(Direction, ByteView d, std::uint64_t off) override {
      ok = ok && off == next;
      next = off + d.size();
    }
    void on_gap(Direction, std::uint64_t, std::uint64_t) override { ok = false; }
    void on_end(Direction) override {}
  } out;
  StreamConfig cfg;
  cfg.depth = 0;
  StreamStats stats;
  ReassemblyBudget budget(cfg.worker_buffer_cap);
  TcpReassembler r(cfg, stats, budget);
  std::vector<std::uint8_t> chunk(64 * 1024, 'x');
  Segment s;
  s.flags = tcp_flag::kSyn;
  s.seq = 0x7FFFFFFFu;
  r.on_segment(kC2S, s, out);
  s.flags = tcp_flag::kAck;
  s.payload = chunk;
  std::uint32_t seq = 0x80000000u;
  const std::uint64_t total = (std::uint64_t{1} << 32) + 3 * chunk.size();
  for (std::uint64_t sent = 0; sent < total; sent += chunk.size()) {
    s.seq = seq;
    r.on_segment(kC2S, s, out);
    seq += static_cast<std::uint32_t>(chunk.size());
  }
  EXPECT_TRUE(out.ok);
  EXPECT_EQ(out.next, total);
  EXPECT_EQ(r.next_offset(kC2S), total);
  // Out of order just past 4 GiB still lands right.
  s.seq = seq + 10;
  r.on_segment(kC2S, s, out);
  EXPECT_EQ(r.buffered_bytes(), chunk.size());
  s.seq = seq;
  s.payload = ByteView(chunk).first(10);
  r.on_segment(kC2S, s, out);
  EXPECT_EQ(out.next, total + 10 + chunk.size());
  EXPECT_TRUE(out.ok);
}

TEST_F(Order, SynDataIsAtOffsetZero) {
  syn(kC2S, 100, "GET ");  // TCP Fast Open
  send(kC2S, 105, "/ HTTP/1.1");
  EXPECT_EQ(text(kC2S), "GET / HTTP/1.1");
  EXPECT_EQ(stats.syn_data, 1u);
  // A retransmitted SYN with the same data is a retransmission, not new data.
  syn(kC2S, 100, "GET ");
  EXPECT_EQ(text(kC2S), "GET / HTTP/1.1");
  EXPECT_EQ(stats.retransmissions, 1u);
}

TEST_F(Order, SynAckSetsTheServerIsn) {
  syn(kC2S, 1000);
  send(kS2C, 9000, "", tcp_flag::kSyn | tcp_flag::kAck, 1001);
  send(kC2S, 1001, "req", tcp_flag::kAck, 9001);
  send(kS2C, 9001, "resp", tcp_flag::kAck, 1004);
  EXPECT_EQ(text(kC2S), "req");
  EXPECT_EQ(text(kS2C), "resp");
  EXPECT_EQ(stats.gaps, 0u);
}

TEST_F(Order, MidstreamPickupStartsAtFirstDataSegment) {
  send(kC2S, 50000, "abc", tcp_flag::kAck, 7);
  send(kC2S, 50003, "def", tcp_flag::kAck, 7);
  EXPECT_EQ(text(kC2S), "abcdef");
  EXPECT_TRUE(r->midstream(kC2S));
  EXPECT_TRUE(r->started(kC2S));
  EXPECT_FALSE(r->started(kS2C));  // the ACKs told nothing about the other side's data
  EXPECT_EQ(stats.midstream_pickups, 1u);
  // Bytes before the pickup point are lost to us: dropped, counted as repeats.
  send(kC2S, 49990, "0123456789");
  EXPECT_EQ(text(kC2S), "abcdef");
  EXPECT_EQ(stats.retransmissions, 1u);
  // A later SYN does not move offset 0.
  syn(kC2S, 49000);
  send(kC2S, 50006, "g");
  EXPECT_EQ(text(kC2S), "abcdefg");
}

TEST_F(Order, DirectionsAreIndependent) {
  syn(kC2S, 10);
  syn(kS2C, 0xFFFFFFFFu);
  send(kS2C, 5, "DEF");
  send(kC2S, 11, "abc");
  send(kS2C, 0, "ABC");  // offset 0 = ISN + 1 = 0
  send(kS2C, 3, "xx");   // overlaps nothing: offsets 3..4
  EXPECT_EQ(text(kC2S), "abc");
  EXPECT_EQ(text(kS2C), "ABCxxDEF");
}

}  // namespace
}  // namespace korgoo::stream::testing

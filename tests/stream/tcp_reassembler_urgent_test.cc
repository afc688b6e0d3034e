// Urgent data (issue 16): an evasion sends one byte as urgent so that a sensor keeping it reads
// another stream than the host, which by default takes it out (Linux and the BSDs without
// SO_OOBINLINE). stream.urgent says which receiver to follow.
#include "reassembler_fixture.h"

namespace korgoo::stream::testing {
namespace {

class UrgentTest : public ReassemblerTest {
 protected:
  // "GET /sXecret": the byte before the urgent pointer is the X.
  void urgent(std::uint32_t seq, const std::string& payload, std::uint16_t pointer) {
    Segment s;
    s.seq = seq;
    s.flags = tcp_flag::kUrg | tcp_flag::kPsh;
    s.payload = as_bytes(payload);
    s.urgent_pointer = pointer;
    r->on_segment(kC2S, s, out);
  }
};

TEST_F(UrgentTest, OobTakesTheUrgentByteOut) {
  ASSERT_EQ(cfg.urgent, UrgentPolicy::kOob);  // the default, as Linux
  syn(kC2S, 1000);
  urgent(1001, "GET /sXecret", 7);
  send(kC2S, 1013, " HTTP/1.1\r\n");
  EXPECT_EQ(text(kC2S), "GET /secret HTTP/1.1\r\n");
  EXPECT_EQ(stats.urgent_removed, 1u);
  EXPECT_EQ(stats.bytes_delivered, 22u);
}

TEST_F(UrgentTest, InlineKeepsIt) {
  cfg.urgent = UrgentPolicy::kInline;
  reset();
  syn(kC2S, 1000);
  urgent(1001, "GET /sXecret", 7);
  EXPECT_EQ(text(kC2S), "GET /sXecret");
  EXPECT_EQ(stats.urgent_removed, 0u);
}

// The pointer may point past the segment: the byte goes when it arrives, in order or not, and
// a retransmission of the urgent segment does not take out a second byte.
TEST_F(UrgentTest, PointerBeyondTheSegmentAndRetransmitted) {
  syn(kC2S, 1000);
  urgent(1001, "abc", 6);  // the urgent byte is at 1006: "f"
  send(kC2S, 1007, "gh");  // early: buffered
  urgent(1001, "abc", 6);  // the same mark again
  send(kC2S, 1004, "def");
  EXPECT_EQ(text(kC2S), "abcdegh");
  EXPECT_EQ(stats.urgent_removed, 1u);
}

TEST_F(UrgentTest, ZeroPointerAndLostByteRemoveNothing) {
  syn(kC2S, 1000);
  urgent(1001, "abc", 0);
  urgent(1004, "def", 5);  // urgent byte at 1008, which a gap skips
  send(kC2S, 1010, "jk");
  r->flush(out);
  EXPECT_EQ(text(kC2S), "abcdef###jk");
  EXPECT_EQ(stats.urgent_removed, 0u);
}

}  // namespace
}  // namespace korgoo::stream::testing

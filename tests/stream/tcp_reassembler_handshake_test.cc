// RSTs and FINs sent before the handshake completes: only those the receiving stack would
// accept end the stream (handshake.h).
#include "reassembler_fixture.h"

namespace korgoo::stream::testing {
namespace {

class Handshake : public ReassemblerTest {
 protected:
  void send_ts(Direction d, std::uint32_t seq, std::uint8_t flags, std::uint32_t ack,
               std::uint32_t tsval, std::uint32_t tsecr, const std::string& payload = "") {
    Segment s;
    s.seq = seq;
    s.ack = ack;
    s.flags = flags;
    s.payload = as_bytes(payload);
    s.has_ts = true;
    s.tsval = tsval;
    s.tsecr = tsecr;
    r->on_segment(d, s, out);
  }
};

constexpr std::uint8_t kRstAck = tcp_flag::kRst | tcp_flag::kAck;
constexpr std::uint8_t kFinAck = tcp_flag::kFin | tcp_flag::kAck;
constexpr std::uint8_t kSynAck = tcp_flag::kSyn | tcp_flag::kAck;

// The evasion of the suricata-verify capture bug-3286-02-linux-evasion: before its SYN-ACK the
// server sends a RST and a FIN echoing a timestamp the client never sent (Linux drops both),
// the client answers the FIN with a RST, and the connection then opens and carries data.
TEST_F(Handshake, RstAndFinBeforeSynAckWithForeignTimestampEchoAreIgnored) {
  send_ts(kC2S, 1000, tcp_flag::kSyn, 0, 5000, 0);
  send_ts(kS2C, 0, kRstAck, 1001, 7, 100);
  send_ts(kS2C, 0, kFinAck, 1001, 7, 100);
  send(kC2S, 1001, "", tcp_flag::kRst);  // the client's answer to that FIN
  EXPECT_FALSE(r->closed());
  EXPECT_EQ(stats.resets, 0u);
  EXPECT_EQ(stats.resets_ignored, 2u);
  send_ts(kS2C, 200, kSynAck, 1001, 9, 5000);
  send_ts(kC2S, 1001, tcp_flag::kAck, 201, 5010, 9, "GET / HTTP/1.1\r\n\r\n");
  send_ts(kS2C, 201, tcp_flag::kAck, 1019, 12, 5010, "HTTP/1.1 200 OK\r\n\r\n");
  EXPECT_EQ(text(kC2S), "GET / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(text(kS2C), "HTTP/1.1 200 OK\r\n\r\n");
  EXPECT_FALSE(r->midstream(kS2C));
  EXPECT_EQ(out.side(kS2C).ends, 0);
}

TEST_F(Handshake, RefusalEchoingTheSynsTimestampCloses) {
  send_ts(kC2S, 1000, tcp_flag::kSyn, 0, 5000, 0);
  send_ts(kS2C, 0, kRstAck, 1001, 7, 5000);
  EXPECT_TRUE(r->closed());
  EXPECT_EQ(stats.resets, 1u);
}

TEST_F(Handshake, RstBeforeSynAckMustAcknowledgeTheSyn) {
  syn(kC2S, 1000);
  send(kS2C, 0, "", kRstAck, 1234);   // not the SYN's ACK
  send(kS2C, 0, "", tcp_flag::kRst);  // no ACK at all
  EXPECT_FALSE(r->closed());
  EXPECT_EQ(stats.resets_ignored, 2u);
  send(kS2C, 0, "", kRstAck, 1001);
  EXPECT_TRUE(r->closed());
}

TEST_F(Handshake, BareFinBeforeSynAckDoesNotEndTheServerSide) {
  syn(kC2S, 1000);
  send(kS2C, 0, "", kFinAck, 1001);
  EXPECT_EQ(out.side(kS2C).ends, 0);
  send(kS2C, 200, "", kSynAck, 1001);
  send(kS2C, 201, "hi", tcp_flag::kAck, 1001);
  EXPECT_EQ(text(kS2C), "hi");
}

TEST_F(Handshake, DataBeforeSynAckIsStillPickedUp) {
  // The SYN-ACK may be missing from the capture: the server's data is taken mid-stream.
  syn(kC2S, 1000);
  send(kS2C, 201, "hi", tcp_flag::kAck, 1001);
  EXPECT_EQ(text(kS2C), "hi");
  send(kS2C, 203, "", kRstAck, 1001);
  EXPECT_TRUE(r->closed());
}

TEST_F(Handshake, ClientRstBeforeAnyAnswerIsIgnored) {
  syn(kC2S, 1000);
  send(kC2S, 1001, "", tcp_flag::kRst);
  EXPECT_FALSE(r->closed());
  EXPECT_EQ(stats.resets_ignored, 1u);
  syn(kS2C, 200);
  send(kC2S, 1001, "", tcp_flag::kRst);  // after the answer, in sequence: accepted
  EXPECT_TRUE(r->closed());
}

// bug-3844: the first SYN is refused (a RST without ACK, which the client drops) and the client
// opens again from the same port with another ISN; the server answers that one.
TEST_F(Handshake, UnansweredSynReplacedBySynWithAnotherIsn) {
  syn(kC2S, 1111);
  send(kS2C, 2222, "", tcp_flag::kRst, 1112);
  syn(kC2S, 3333);
  send(kS2C, 4444, "", kSynAck, 3334);
  send(kC2S, 3334, "GET /", tcp_flag::kAck, 4445);
  send(kS2C, 4445, "<html>hi</html>", tcp_flag::kAck, 3339);
  EXPECT_EQ(text(kC2S), "GET /");
  EXPECT_TRUE(out.side(kC2S).gaps.empty());
  EXPECT_EQ(text(kS2C), "<html>hi</html>");
  EXPECT_EQ(stats.syn_restarts, 1u);
}

TEST_F(Handshake, SynWithAnotherIsnAfterTheAnswerIsARetransmissionNoRestart) {
  syn(kC2S, 1111);
  send(kS2C, 4444, "", kSynAck, 1112);
  syn(kC2S, 3333);
  send(kC2S, 1112, "abc", tcp_flag::kAck, 4445);
  EXPECT_EQ(text(kC2S), "abc");
  EXPECT_EQ(stats.syn_restarts, 0u);
}

}  // namespace
}  // namespace korgoo::stream::testing

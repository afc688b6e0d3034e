// TCP and UDP headers: options, lengths, and their error reasons.
#include <gtest/gtest.h>

#include "decode/decode_test_util.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;

Bytes v4(const Bytes& l4, std::uint8_t proto = kTcp) {
  return ipv4({.proto = proto}, l4);
}

TEST(Tcp, HeaderFields) {
  Harness h;
  TcpSpec s{.sport = 1,
            .dport = 2,
            .seq = 0xdeadbeef,
            .ack = 0x01020304,
            .flags = tcp_flags::kSyn | tcp_flags::kAck,
            .window = 29200};
  ASSERT_EQ(h.feed_raw(v4(tcp(s))), DecodeResult::kOk);
  EXPECT_EQ(h.out.src_port, 1);
  EXPECT_EQ(h.out.dst_port, 2);
  EXPECT_EQ(h.out.seq, 0xdeadbeefu);
  EXPECT_EQ(h.out.ack, 0x01020304u);
  EXPECT_EQ(h.out.flags, tcp_flags::kSyn | tcp_flags::kAck);
  EXPECT_EQ(h.out.window, 29200);
  EXPECT_FALSE(h.out.has_wscale);
  EXPECT_EQ(h.out.mss, 0);
  EXPECT_TRUE(h.out.payload.empty());
}

TEST(Tcp, SynOptionsMssWindowScaleSackTimestamps) {
  Harness h;
  TcpSpec s{.flags = tcp_flags::kSyn};
  s.options = {2, 4,  0x05, 0xb4,                    // MSS 1460
               4, 2,                                 // SACK permitted
               8, 10, 0,    0,    0, 1, 0, 0, 0, 0,  // timestamps
               1,                                    // NOP
               3, 3,  7};                            // window scale 7
  ASSERT_EQ(h.feed_raw(v4(tcp(s, text("tfo")))), DecodeResult::kOk);
  EXPECT_EQ(h.out.mss, 1460);
  EXPECT_TRUE(h.out.has_wscale);
  EXPECT_EQ(h.out.wscale, 7);
  EXPECT_EQ(str(h.out.payload), "tfo");
  EXPECT_EQ(h.stats().tcp_bad_options, 0u);
}

TEST(Tcp, WindowScaleIsCappedAt14) {
  Harness h;
  TcpSpec s{.flags = tcp_flags::kSyn};
  s.options = {3, 3, 20};
  ASSERT_EQ(h.feed_raw(v4(tcp(s))), DecodeResult::kOk);
  EXPECT_EQ(h.out.wscale, 14);
}

TEST(Tcp, OptionsAfterEndOfListAreIgnored) {
  Harness h;
  TcpSpec s;
  s.options = {0, 2, 4, 1, 0};  // EOL then what would be an MSS
  ASSERT_EQ(h.feed_raw(v4(tcp(s))), DecodeResult::kOk);
  EXPECT_EQ(h.out.mss, 0);
}

TEST(Tcp, MalformedOptionsStopParsingButDeliver) {
  for (const Bytes& opts :
       {Bytes{2, 40, 1, 1}, Bytes{1, 1, 1, 2}, Bytes{5, 1, 0, 0}, Bytes{5, 0, 0, 0}}) {
    Harness h;
    TcpSpec s;
    s.options = opts;
    ASSERT_EQ(h.feed_raw(v4(tcp(s, text("x")))), DecodeResult::kOk);
    EXPECT_EQ(str(h.out.payload), "x");
    EXPECT_EQ(h.stats().tcp_bad_options, 1u);
  }
}

TEST(Tcp, DataOffsetBelowFiveIsBadOffset) {
  Harness h;
  EXPECT_EQ(h.feed_raw(v4(tcp({.data_offset = 4}, text("abcd")))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kTcpBadOffset);
}

TEST(Tcp, DataOffsetBeyondSegmentIsBadOffset) {
  Harness h;
  EXPECT_EQ(h.feed_raw(v4(tcp({.data_offset = 15}, text("abcd")))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kTcpBadOffset);
}

TEST(Tcp, ShortHeaderIsTruncated) {
  Harness h;
  EXPECT_EQ(h.feed_raw(v4(Bytes(19, 0))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kTcpTruncated);
}

TEST(Udp, Fields) {
  Harness h;
  ASSERT_EQ(h.feed_raw(v4(udp(5000, 53, text("dns")), kUdp)), DecodeResult::kOk);
  EXPECT_EQ(h.out.l4, L4Proto::kUdp);
  EXPECT_EQ(h.out.src_port, 5000);
  EXPECT_EQ(h.out.dst_port, 53);
  EXPECT_EQ(str(h.out.payload), "dns");
  EXPECT_EQ(h.stats().udp, 1u);
}

TEST(Udp, EmptyPayload) {
  Harness h;
  ASSERT_EQ(h.feed_raw(v4(udp(1, 2, {}), kUdp)), DecodeResult::kOk);
  EXPECT_TRUE(h.out.payload.empty());
}

TEST(Udp, LengthShorterThanIpPayloadTrims) {
  Harness h;
  ASSERT_EQ(h.feed_raw(v4(udp(1, 2, text("abcdef"), 10), kUdp)), DecodeResult::kOk);
  EXPECT_EQ(str(h.out.payload), "ab");
}

TEST(Udp, BadLengths) {
  for (std::uint16_t len : {0, 7, 15, 65535}) {
    Harness h;
    EXPECT_EQ(h.feed_raw(v4(udp(1, 2, text("abcdef"), len), kUdp)), DecodeResult::kError) << len;
    EXPECT_EQ(h.error(), DecodeError::kUdpBadLength);
  }
}

TEST(Udp, ShortHeaderIsTruncated) {
  Harness h;
  EXPECT_EQ(h.feed_raw(v4(Bytes(7, 0), kUdp)), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kUdpTruncated);
  EXPECT_EQ(h.feed_raw(ipv6(Bytes(5, 0), kUdp)), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kUdpTruncated);
}

TEST(Udp, OverIpv6) {
  Harness h;
  ASSERT_EQ(h.feed_raw(ipv6(udp(7, 8, text("v6")), kUdp)), DecodeResult::kOk);
  EXPECT_EQ(str(h.out.payload), "v6");
}

}  // namespace
}  // namespace korgoo::decode

// IPv4 header parsing: options, lengths, padding, truncation, and each IPv4 error reason.
#include <gtest/gtest.h>

#include "decode/decode_test_util.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;

TEST(Ipv4, PlainTcp) {
  Harness h;
  ASSERT_EQ(h.feed(ether(kEtherIpv4, ipv4({}, tcp({}, text("data"))))), DecodeResult::kOk);
  EXPECT_EQ(h.out.ip_proto, 6);
  EXPECT_EQ(h.out.ip_len, 20u + 20u + 4u);
  EXPECT_FALSE(h.out.reassembled);
  EXPECT_EQ(str(h.out.payload), "data");
}

TEST(Ipv4, OptionsAreSkipped) {
  Harness h;
  // NOP, NOP, Record Route (7) with room for one address, EOL padding.
  Ipv4Spec s;
  s.options = {1, 1, 7, 7, 4, 0, 0, 0, 0};
  ASSERT_EQ(h.feed_raw(ipv4(s, tcp({}, text("opt")))), DecodeResult::kOk) << name(h.error());
  EXPECT_EQ(h.out.dst_port, 80);
  EXPECT_EQ(str(h.out.payload), "opt");
  EXPECT_EQ(h.out.ip_len, 32u + 20u + 3u);
}

TEST(Ipv4, MaximumIhlWithOptionsFillingIt) {
  Harness h;
  Ipv4Spec s;
  s.proto = 17;
  s.options = Bytes(40, 1);  // 40 NOPs: IHL 15
  ASSERT_EQ(h.feed_raw(ipv4(s, udp(1, 2, text("x")))), DecodeResult::kOk) << name(h.error());
  EXPECT_EQ(str(h.out.payload), "x");
}

TEST(Ipv4, EthernetPaddingIsTrimmed) {
  Harness h;
  Bytes frame = ether(kEtherIpv4, ipv4({.proto = 17}, udp(1000, 53, text("ab"))));
  frame.resize(60, 0xee);  // minimum Ethernet frame
  ASSERT_EQ(h.feed(frame), DecodeResult::kOk);
  EXPECT_EQ(str(h.out.payload), "ab");
  EXPECT_EQ(h.out.ip_len, 30u);
}

TEST(Ipv4, SnaplenTruncationIsIpv4Truncated) {
  Harness h;
  Bytes frame = ether(kEtherIpv4, ipv4({}, tcp({}, Bytes(1000, 'a'))));
  frame.resize(96);  // as captured with -s 96
  source::Packet p = packet(frame);
  p.wire_len = 1074;
  EXPECT_EQ(h.decoder.decode(p, h.out), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv4Truncated);
  EXPECT_EQ(h.stats().error(DecodeError::kIpv4Truncated), 1u);
}

TEST(Ipv4, BadVersion) {
  Harness h;
  EXPECT_EQ(h.feed(ether(kEtherIpv4, ipv4({.version = 5}, tcp({})))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv4BadVersion);
}

TEST(Ipv4, BadIhl) {
  Harness h;
  EXPECT_EQ(h.feed(ether(kEtherIpv4, ipv4({.ihl = 4}, tcp({})))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv4BadIhl);
}

TEST(Ipv4, IhlBeyondCapturedIsTruncated) {
  Harness h;
  Bytes pkt = ipv4({.ihl = 15, .total_length = 60}, Bytes{});
  EXPECT_EQ(h.feed_raw(pkt), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv4Truncated);
}

TEST(Ipv4, TotalLengthSmallerThanHeader) {
  Harness h;
  EXPECT_EQ(h.feed_raw(ipv4({.total_length = 19}, tcp({}))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv4BadLength);
}

TEST(Ipv4, TotalLengthZeroAsWithTsoIsAnError) {
  Harness h;
  EXPECT_EQ(h.feed_raw(ipv4({.total_length = 0}, tcp({}))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv4BadLength);
}

TEST(Ipv4, OptionRunningPastHeaderIsBadOption) {
  for (const Bytes& opts :
       {Bytes{7, 9, 4, 0}, Bytes{1, 1, 1, 130}, Bytes{68, 1, 0, 0}, Bytes{68, 0, 0, 0}}) {
    Harness h;
    Ipv4Spec s;
    s.options = opts;
    EXPECT_EQ(h.feed_raw(ipv4(s, tcp({}))), DecodeResult::kError);
    EXPECT_EQ(h.error(), DecodeError::kIpv4BadOption);
  }
}

TEST(Ipv4, OtherProtocolsAreNotErrors) {
  Harness h;
  const Bytes icmp{8, 0, 0, 0, 0, 1, 0, 1, 'p', 'i', 'n', 'g'};
  ASSERT_EQ(h.feed_raw(ipv4({.proto = 1}, icmp)), DecodeResult::kOk);
  EXPECT_EQ(h.out.l4, L4Proto::kOther);
  EXPECT_EQ(h.out.ip_proto, 1);
  EXPECT_EQ(h.out.payload.size(), icmp.size());
  ASSERT_EQ(h.feed_raw(ipv4({.proto = 50}, Bytes{0, 0, 0x08, 0, 0, 0, 0, 1})),  // ESP
            DecodeResult::kOk);
  EXPECT_EQ(h.out.ip_proto, 50);
  EXPECT_EQ(h.stats().undecoded_of(Undecoded::kUnknownIpProto), 2u);
  EXPECT_EQ(h.stats().other_ip, 2u);
  EXPECT_EQ(h.stats().errors_total(), 0u);
}

}  // namespace
}  // namespace korgoo::decode

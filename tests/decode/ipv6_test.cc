// IPv6: each extension header, where the walk stops, and each IPv6 error reason.
#include <gtest/gtest.h>

#include "decode/decode_test_util.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;

const Bytes kSegment = tcp({.dport = 443}, text("six"));

void expect_tcp(Harness& h, const Bytes& packet) {
  ASSERT_EQ(h.feed_raw(packet), DecodeResult::kOk) << name(h.error());
  EXPECT_EQ(h.out.l4, L4Proto::kTcp);
  EXPECT_EQ(h.out.ip_proto, kTcp);
  EXPECT_EQ(h.out.dst_port, 443);
  EXPECT_EQ(str(h.out.payload), "six");
  EXPECT_EQ(h.out.ip_len, packet.size());
}

TEST(Ipv6, Plain) {
  Harness h;
  expect_tcp(h, ipv6(kSegment, kTcp));
  EXPECT_EQ(h.out.src, ip("2001:db8::1"));
  EXPECT_EQ(h.out.dst, ip("2001:db8::2"));
  EXPECT_EQ(h.stats().ipv6, 1u);
}

TEST(Ipv6, HopByHop) {
  Harness h;
  expect_tcp(h, ipv6(cat({ipv6_ext(kTcp), kSegment}), kHopByHop));
}

TEST(Ipv6, Routing) {
  Harness h;
  expect_tcp(h, ipv6(cat({ipv6_ext(kTcp, 2), kSegment}), kRouting));
}

TEST(Ipv6, DestinationOptions) {
  Harness h;
  expect_tcp(h, ipv6(cat({ipv6_ext(kTcp, 1), kSegment}), kDestOpts));
}

TEST(Ipv6, AuthenticationHeaderIsSkipped) {
  Harness h;
  expect_tcp(h, ipv6(cat({ipv6_ah(kTcp), kSegment}), kAh));
}

TEST(Ipv6, AtomicFragmentIsDecodedInPlace) {
  Harness h;  // RFC 6946: offset 0 and M clear is not a fragment at all
  expect_tcp(h, ipv6(cat({ipv6_frag(kTcp, 0, false, 7), kSegment}), kFragment));
  EXPECT_FALSE(h.out.reassembled);
  EXPECT_EQ(h.stats().frag.received, 0u);
}

TEST(Ipv6, ChainOfAllExtensions) {
  Harness h;  // HBH -> destination options -> routing -> AH -> destination options -> TCP
  expect_tcp(h, ipv6(cat({ipv6_ext(kDestOpts), ipv6_ext(kRouting, 1), ipv6_ext(kAh),
                          ipv6_ah(kDestOpts), ipv6_ext(kTcp), kSegment}),
                     kHopByHop));
}

TEST(Ipv6, EspStopsTheWalk) {
  Harness h;
  const Bytes esp{0, 0, 1, 0, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef};
  ASSERT_EQ(h.feed_raw(ipv6(cat({ipv6_ext(kEsp), esp}), kHopByHop)), DecodeResult::kOk);
  EXPECT_EQ(h.out.l4, L4Proto::kOther);
  EXPECT_EQ(h.out.ip_proto, kEsp);
  EXPECT_EQ(h.out.payload.size(), esp.size());
}

TEST(Ipv6, NoNextHeaderStopsTheWalk) {
  Harness h;
  ASSERT_EQ(h.feed_raw(ipv6(ipv6_ext(kNoNext), kDestOpts)), DecodeResult::kOk);
  EXPECT_EQ(h.out.l4, L4Proto::kOther);
  EXPECT_EQ(h.out.ip_proto, kNoNext);
  EXPECT_TRUE(h.out.payload.empty());
}

TEST(Ipv6, Icmpv6IsOther) {
  Harness h;
  ASSERT_EQ(h.feed_raw(ipv6(Bytes{128, 0, 0, 0, 0, 1, 0, 1}, kIcmpv6)), DecodeResult::kOk);
  EXPECT_EQ(h.out.ip_proto, kIcmpv6);
  EXPECT_EQ(h.stats().other_ip, 1u);
}

TEST(Ipv6, PaddingAfterPayloadLengthIsTrimmed) {
  Harness h;
  Bytes frame = ether(kEtherIpv6, ipv6(udp(1, 2, text("p")), kUdp));
  frame.resize(frame.size() + 10, 0);
  ASSERT_EQ(h.feed(frame), DecodeResult::kOk);
  EXPECT_EQ(str(h.out.payload), "p");
  EXPECT_EQ(h.out.ip_len, 40u + 9u);
}

TEST(Ipv6, PayloadLengthBeyondCaptured) {
  Harness h;
  EXPECT_EQ(h.feed_raw(ipv6("::1", "::2", kTcp, kSegment, 500)), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6Truncated);
}

TEST(Ipv6, ExtensionLengthBeyondPayload) {
  Harness h;
  // Routing header claiming 32 bytes in an 8-byte payload.
  EXPECT_EQ(h.feed_raw(ipv6("::1", "::2", kRouting, Bytes{kTcp, 3, 0, 0, 0, 0, 0, 0})),
            DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6ExtTruncated);
  // Fragment header cut short.
  EXPECT_EQ(h.feed_raw(ipv6("::1", "::2", kFragment, Bytes{kTcp, 0, 0, 8})), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6ExtTruncated);
  // AH without its length byte.
  EXPECT_EQ(h.feed_raw(ipv6("::1", "::2", kAh, Bytes{kTcp})), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6ExtTruncated);
  EXPECT_EQ(h.stats().error(DecodeError::kIpv6ExtTruncated), 3u);
}

TEST(Ipv6, HopByHopNotFirst) {
  Harness h;
  EXPECT_EQ(h.feed_raw(ipv6(cat({ipv6_ext(kHopByHop), ipv6_ext(kTcp), kSegment}), kDestOpts)),
            DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6HbhNotFirst);
}

TEST(Ipv6, TooManyExtensionHeaders) {
  Harness h;
  Bytes chain;
  for (int i = 0; i < 40; ++i) chain = cat({chain, ipv6_ext(kDestOpts)});
  EXPECT_EQ(h.feed_raw(ipv6(chain, kDestOpts)), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6TooManyExt);
}

TEST(Ipv6, ShortHeaderAndBadVersion) {
  Harness h;
  EXPECT_EQ(h.feed(ether(kEtherIpv6, Bytes(39, 0x60))), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6Truncated);
  Bytes v4ish = ipv6(kSegment, kTcp);
  v4ish[0] = 0x40;
  EXPECT_EQ(h.feed(ether(kEtherIpv6, v4ish)), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kIpv6BadVersion);
}

}  // namespace
}  // namespace korgoo::decode

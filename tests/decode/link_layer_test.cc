// Every link type the decoder accepts, VLAN stacks, and the non-IP frames it must skip.
#include <gtest/gtest.h>

#include "decode/decoder.h"
#include "decode/packet_builder.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;
using source::LinkType;

Bytes v4_tcp() {
  return ipv4({}, tcp({}, text("hello")));
}
Bytes v6_udp() {
  return ipv6(udp(5353, 53, text("query")), kUdp);
}

struct Decoded {
  Bytes frame;  // owns the bytes `pkt` points into (a moved vector keeps its buffer)
  DecodeResult result;
  DecodedPacket pkt;
  DecodeError error;
};

Decoded run(const Bytes& frame, LinkType link) {
  Decoder d;
  Decoded r{};
  r.frame = frame;
  r.result = d.decode(packet(r.frame, link), r.pkt);
  r.error = d.last_error();
  return r;
}

void expect_v4_tcp(const Decoded& r) {
  ASSERT_EQ(r.result, DecodeResult::kOk) << name(r.error);
  EXPECT_EQ(r.pkt.src, ip("10.0.0.1"));
  EXPECT_EQ(r.pkt.dst, ip("192.0.2.7"));
  EXPECT_EQ(r.pkt.l4, L4Proto::kTcp);
  EXPECT_EQ(r.pkt.src_port, 40000);
  EXPECT_EQ(r.pkt.dst_port, 80);
  EXPECT_EQ(str(r.pkt.payload), "hello");
}

void expect_v6_udp(const Decoded& r) {
  ASSERT_EQ(r.result, DecodeResult::kOk) << name(r.error);
  EXPECT_EQ(r.pkt.src, ip("2001:db8::1"));
  EXPECT_EQ(r.pkt.l4, L4Proto::kUdp);
  EXPECT_EQ(r.pkt.dst_port, 53);
  EXPECT_EQ(str(r.pkt.payload), "query");
}

TEST(LinkLayer, Ethernet) {
  expect_v4_tcp(run(ether(kEtherIpv4, v4_tcp()), LinkType::kEthernet));
  expect_v6_udp(run(ether(kEtherIpv6, v6_udp()), LinkType::kEthernet));
}

TEST(LinkLayer, Vlan8021Q) {
  const auto r = run(ether(kEtherIpv4, v4_tcp(), {{0x8100, 0x2064}}), LinkType::kEthernet);
  expect_v4_tcp(r);
  EXPECT_EQ(r.pkt.vlan[0], 100);  // priority bits masked off
  EXPECT_EQ(r.pkt.vlan[1], 0);
}

TEST(LinkLayer, QinQAllTagTypes) {
  for (std::uint16_t outer : {0x88a8, 0x9100, 0x8100}) {
    const auto r =
        run(ether(kEtherIpv6, v6_udp(), {{outer, 10}, {0x8100, 20}}), LinkType::kEthernet);
    expect_v6_udp(r);
    EXPECT_EQ(r.pkt.vlan[0], 10);
    EXPECT_EQ(r.pkt.vlan[1], 20);
  }
}

TEST(LinkLayer, ThreeVlanTagsIsAnError) {
  const auto r = run(ether(kEtherIpv4, v4_tcp(), {{0x88a8, 1}, {0x8100, 2}, {0x8100, 3}}),
                     LinkType::kEthernet);
  EXPECT_EQ(r.result, DecodeResult::kError);
  EXPECT_EQ(r.error, DecodeError::kVlanTooManyLayers);
}

TEST(LinkLayer, LinuxSllV1AndV2) {
  expect_v4_tcp(run(sll(kEtherIpv4, v4_tcp()), LinkType::kLinuxSll));
  expect_v6_udp(run(sll(kEtherIpv6, v6_udp()), LinkType::kLinuxSll));
  expect_v4_tcp(run(sll2(kEtherIpv4, v4_tcp()), LinkType::kLinuxSll2));
  expect_v6_udp(run(sll2(kEtherIpv6, v6_udp()), LinkType::kLinuxSll2));
}

TEST(LinkLayer, SllWithVlanTag) {
  Bytes tagged{0x00, 0x07};  // TCI: VLAN 7
  put16(tagged, kEtherIpv4);
  const auto r = run(sll(0x8100, cat({tagged, v4_tcp()})), LinkType::kLinuxSll);
  expect_v4_tcp(r);
  EXPECT_EQ(r.pkt.vlan[0], 7);
}

TEST(LinkLayer, RawIpByVersionNibble) {
  expect_v4_tcp(run(v4_tcp(), LinkType::kRaw));
  expect_v6_udp(run(v6_udp(), LinkType::kRaw));
  expect_v4_tcp(run(v4_tcp(), LinkType::kIpv4));
  expect_v6_udp(run(v6_udp(), LinkType::kIpv6));
}

TEST(LinkLayer, RawIpErrors) {
  EXPECT_EQ(run(Bytes{}, LinkType::kRaw).error, DecodeError::kRawTruncated);
  EXPECT_EQ(run(Bytes{0x50, 0, 0, 0}, LinkType::kRaw).error, DecodeError::kRawBadVersion);
  // LINKTYPE_IPV4 promises IPv4: an IPv6 header there is a bad version, not a guess.
  EXPECT_EQ(run(v6_udp(), LinkType::kIpv4).error, DecodeError::kIpv4BadVersion);
  EXPECT_EQ(run(v4_tcp(), LinkType::kIpv6).error, DecodeError::kIpv6BadVersion);
}

TEST(LinkLayer, BsdLoopbackBothByteOrders) {
  for (bool le : {true, false}) {
    expect_v4_tcp(run(null_link(2, le, v4_tcp()), LinkType::kNull));
    for (std::uint32_t af6 : {24u, 28u, 30u})
      expect_v6_udp(run(null_link(af6, le, v6_udp()), LinkType::kNull));
  }
  // AF_APPLETALK (16) or anything else: not IP, not an error.
  Decoder d;
  DecodedPacket out;
  const Bytes frame = null_link(16, true, v4_tcp());
  EXPECT_EQ(d.decode(packet(frame, LinkType::kNull), out), DecodeResult::kNotIp);
  EXPECT_EQ(d.stats().non_ip, 1u);
  EXPECT_EQ(d.stats().errors_total(), 0u);
}

TEST(LinkLayer, CiscoHdlc) {
  expect_v4_tcp(run(chdlc(0x0800, v4_tcp()), LinkType::kCiscoHdlc));
  expect_v6_udp(run(chdlc(0x86dd, v6_udp()), LinkType::kCiscoHdlc));
  EXPECT_EQ(run(chdlc(0x8035, Bytes(20, 0)), LinkType::kCiscoHdlc).result,
            DecodeResult::kNotIp);  // SLARP keepalive
}

TEST(LinkLayer, ArpIsNotIpAndNotAnError) {
  Decoder d;
  DecodedPacket out;
  const Bytes frame = ether(kEtherArp, Bytes(28, 0));
  EXPECT_EQ(d.decode(packet(frame), out), DecodeResult::kNotIp);
  EXPECT_EQ(d.last_error(), DecodeError::kNone);
  EXPECT_EQ(d.stats().non_ip, 1u);
  EXPECT_EQ(d.stats().errors_total(), 0u);
}

TEST(LinkLayer, Ieee8023LlcFrameIsIgnored) {
  Decoder d;
  DecodedPacket out;
  const Bytes frame = ether(38, Bytes{0x42, 0x42, 0x03, 0, 0, 0});  // STP BPDU: length, not type
  EXPECT_EQ(d.decode(packet(frame), out), DecodeResult::kIgnored);
  EXPECT_EQ(d.stats().non_ip, 1u);
  EXPECT_EQ(d.stats().errors_total(), 0u);
}

TEST(LinkLayer, UnknownLinkType) {
  const auto r = run(v4_tcp(), static_cast<LinkType>(147));
  EXPECT_EQ(r.result, DecodeResult::kError);
  EXPECT_EQ(r.error, DecodeError::kUnknownLinktype);
}

TEST(LinkLayer, TruncatedLinkHeaders) {
  EXPECT_EQ(run(Bytes(13, 0), LinkType::kEthernet).error, DecodeError::kEthTruncated);
  EXPECT_EQ(run(ether(0x8100, Bytes{0, 1}), LinkType::kEthernet).error,
            DecodeError::kVlanTruncated);
  EXPECT_EQ(run(Bytes(15, 0), LinkType::kLinuxSll).error, DecodeError::kSllTruncated);
  EXPECT_EQ(run(Bytes(19, 0), LinkType::kLinuxSll2).error, DecodeError::kSll2Truncated);
  EXPECT_EQ(run(Bytes(3, 0), LinkType::kNull).error, DecodeError::kNullTruncated);
  EXPECT_EQ(run(Bytes(3, 0), LinkType::kCiscoHdlc).error, DecodeError::kChdlcTruncated);
}

TEST(LinkLayer, PacketMetadataIsCopied) {
  Decoder d;
  DecodedPacket out;
  const Bytes frame = ether(kEtherIpv4, v4_tcp());
  ASSERT_EQ(d.decode(packet(frame, LinkType::kEthernet, 1234567, 42), out), DecodeResult::kOk);
  EXPECT_EQ(out.ts.usec, 1234567);
  EXPECT_EQ(out.number, 42u);
  EXPECT_EQ(d.stats().packets, 1u);
  EXPECT_EQ(d.stats().bytes, frame.size());
  EXPECT_EQ(d.stats().ipv4, 1u);
  EXPECT_EQ(d.stats().tcp, 1u);
}

}  // namespace
}  // namespace korgoo::decode

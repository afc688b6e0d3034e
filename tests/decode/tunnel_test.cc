// Encapsulations: each tunnel type delivers the innermost packet, counts what it cannot follow,
// and stops at the configured depth.
#include <gtest/gtest.h>

#include "decode/decode_test_util.h"
#include "decode/tunnel_builder.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;

const Bytes kInnerTcp = tcp({.sport = 41000, .dport = 80}, text("inner-data"));

Bytes inner_v4() {
  return ipv4({.src = "10.1.1.1", .dst = "192.0.2.9"}, kInnerTcp);
}
Bytes inner_v6() {
  return ipv6("2001:db8:1::1", "2001:db8:2::2", kTcp, kInnerTcp);
}
Bytes inner_eth() {
  return ether(kEtherIpv4, inner_v4());
}
// Outer Ethernet + IPv4 between the tunnel endpoints.
Bytes outer(std::uint8_t proto, const Bytes& payload, std::vector<VlanTag> tags = {}) {
  return ether(kEtherIpv4,
               ipv4({.src = "198.51.100.1", .dst = "198.51.100.2", .proto = proto}, payload), tags);
}
Bytes outer_udp(std::uint16_t dport, const Bytes& payload) {
  return outer(kUdp, udp(50000, dport, payload));
}

// The packet delivered is the inner TCP segment, found `layers` headers deep.
void expect_inner(const Harness& h, DecodeResult r, int layers, std::string_view src = "10.1.1.1") {
  ASSERT_EQ(r, DecodeResult::kOk) << name(h.error());
  EXPECT_EQ(h.out.src, ip(src));
  EXPECT_EQ(h.out.l4, L4Proto::kTcp);
  EXPECT_EQ(h.out.src_port, 41000);
  EXPECT_EQ(h.out.dst_port, 80);
  EXPECT_EQ(str(h.out.payload), "inner-data");
  EXPECT_EQ(h.out.layers, layers);
  EXPECT_EQ(h.stats().tunneled, 1u);
  EXPECT_EQ(h.stats().tcp, 1u);
  EXPECT_EQ(h.stats().udp, 0u);  // the outer UDP of a tunnel is not a delivered datagram
  EXPECT_EQ(h.stats().errors_total(), 0u);
}

TEST(Tunnel, GreV0AllOptionalFields) {
  Harness h;
  const auto r = h.feed(outer(kGre, gre({.checksum = true, .key = 7, .seq = 9}, inner_v4())));
  expect_inner(h, r, 1);
  EXPECT_EQ(h.stats().ipv4, 1u);  // the outer header; inner headers are not captured packets
  EXPECT_EQ(h.out.ip_len, inner_v4().size());
}

TEST(Tunnel, CarrierIsTheOutermostIpHeader) {
  Harness h;
  ASSERT_EQ(h.feed(outer_udp(4789, vxlan(outer(kGre, gre({}, inner_v4()))))), DecodeResult::kOk);
  // outer() adds Ethernet: VXLAN -> Ethernet -> IPv4/GRE -> IPv4; the carrier is the UDP one.
  EXPECT_TRUE(h.out.carrier.present);
  EXPECT_EQ(h.out.carrier.src, ip("198.51.100.1"));
  EXPECT_EQ(h.out.carrier.l4, L4Proto::kUdp);
  EXPECT_EQ(h.out.carrier.dst_port, 4789);
  EXPECT_EQ(h.out.layers, 2);
  EXPECT_EQ(h.out.src, ip("10.1.1.1"));
  Harness plain;
  ASSERT_EQ(plain.feed(inner_eth()), DecodeResult::kOk);
  EXPECT_FALSE(plain.out.carrier.present);
  Harness mpls_only;  // no outer IP header: nothing to count as the carrier
  ASSERT_EQ(mpls_only.feed(ether(kEtherMpls, mpls({16}, inner_v4()))), DecodeResult::kOk);
  EXPECT_FALSE(mpls_only.out.carrier.present);
}

TEST(Tunnel, GreV0Ipv6) {
  Harness h;
  expect_inner(h, h.feed(outer(kGre, gre({.proto = kEtherIpv6}, inner_v6()))), 1, "2001:db8:1::1");
}

TEST(Tunnel, GreTransparentBridgingKeepsOuterVlan) {
  Harness h;
  const Bytes inner = ether(kEtherIpv4, inner_v4(), {{0x8100, 300}});
  const auto r = h.feed(outer(kGre, gre({.proto = kEtherTeb, .key = 1}, inner), {{0x8100, 20}}));
  expect_inner(h, r, 1);
  EXPECT_EQ(h.out.vlan[0], 20);  // the capture point's VLAN, not the overlay's
}

TEST(Tunnel, GreV1PptpCarryingPpp) {
  Harness h;
  const Bytes frame = ppp(0x0021, inner_v4());
  const auto r = h.feed(outer(
      kGre, gre({.proto = kEtherPpp, .version = 1, .key = 0x00200001, .seq = 5, .ack = 4}, frame)));
  expect_inner(h, r, 2);
}

TEST(Tunnel, PppCompressedProtocolField) {
  Harness h;
  Bytes frame{0x21};  // PFC: one-byte protocol, no address/control
  frame = cat({frame, inner_v4()});
  const auto r = h.feed(outer(kGre, gre({.proto = kEtherPpp, .version = 1, .key = 1}, frame)));
  expect_inner(h, r, 2);
}

TEST(Tunnel, ErspanTypes) {
  {
    Harness h;  // type I: no ERSPAN header, no GRE sequence number
    expect_inner(h, h.feed(outer(kGre, gre({.proto = kEtherErspan2}, inner_eth()))), 1);
  }
  {
    Harness h;
    expect_inner(
        h, h.feed(outer(kGre, gre({.proto = kEtherErspan2, .seq = 1}, erspan2(inner_eth())))), 2);
  }
  {
    Harness h;
    expect_inner(h,
                 h.feed(outer(kGre, gre({.proto = kEtherErspan3, .seq = 1},
                                        erspan3(inner_eth(), /*platform=*/true)))),
                 2);
  }
  {
    Harness h;  // type III mirroring bare IP packets: counted, not followed
    const auto r =
        h.feed(outer(kGre, gre({.proto = kEtherErspan3, .seq = 1}, erspan3(inner_v4(), false, 2))));
    EXPECT_EQ(r, DecodeResult::kUndecoded);
    EXPECT_EQ(h.stats().undecoded_of(Undecoded::kErspanNotEthernet), 1u);
  }
}

TEST(Tunnel, VxlanOnDefaultAndConfiguredPorts) {
  {
    Harness h;
    expect_inner(h, h.feed(outer_udp(4789, vxlan(inner_eth()))), 1);
  }
  {
    Harness h;  // 8472 (the Linux default) is not a VXLAN port unless configured
    const auto r = h.feed(outer_udp(8472, vxlan(inner_eth())));
    ASSERT_EQ(r, DecodeResult::kOk);
    EXPECT_EQ(h.out.l4, L4Proto::kUdp);
    EXPECT_EQ(h.out.layers, 0);
  }
  {
    DecodeConfig cfg;
    cfg.vxlan_ports = {8472};
    Harness h(cfg);
    expect_inner(h, h.feed(outer_udp(8472, vxlan(inner_eth()))), 1);
  }
}

TEST(Tunnel, VxlanWithoutIFlagIsKeptAsUdp) {
  Harness h;
  const auto r = h.feed(outer_udp(4789, vxlan(inner_eth(), 0x00)));
  ASSERT_EQ(r, DecodeResult::kOk);
  EXPECT_EQ(h.out.l4, L4Proto::kUdp);
  EXPECT_EQ(h.out.dst_port, 4789);
  EXPECT_EQ(h.stats().error(DecodeError::kVxlanBadFlags), 1u);
  EXPECT_EQ(h.stats().udp, 1u);
}

TEST(Tunnel, VxlanGpeCarryingNsh) {
  Harness h;
  expect_inner(h, h.feed(outer_udp(4790, vxlan_gpe(4, nsh(1, inner_v4())))), 2);
}

TEST(Tunnel, GeneveWithOptions) {
  Harness h;
  expect_inner(h, h.feed(outer_udp(6081, geneve(inner_eth(), kEtherTeb, 3))), 1);
  Harness h6;
  expect_inner(h6, h6.feed(outer_udp(6081, geneve(inner_v6(), kEtherIpv6))), 1, "2001:db8:1::1");
}

TEST(Tunnel, IpInIpAnd6in4And6in6) {
  {
    Harness h;
    expect_inner(h, h.feed(outer(kIpip, inner_v4())), 1);
  }
  {
    Harness h;
    expect_inner(h, h.feed(outer(kIpv6InIp, inner_v6())), 1, "2001:db8:1::1");
  }
  {
    Harness h;
    const Bytes frame =
        ether(kEtherIpv6, ipv6("2001:db8:9::1", "2001:db8:9::2", kIpv6InIp, inner_v6()));
    expect_inner(h, h.feed(frame), 1, "2001:db8:1::1");
    EXPECT_EQ(h.stats().ipv6, 1u);
  }
}

TEST(Tunnel, MplsStacks) {
  {
    Harness h;  // payload type guessed from the first nibble
    expect_inner(h, h.feed(ether(kEtherMpls, mpls({100, 200, 300}, inner_v4()))), 1);
  }
  {
    Harness h;  // IPv6 explicit null
    expect_inner(h, h.feed(ether(kEtherMpls, mpls({2}, inner_v6()))), 1, "2001:db8:1::1");
  }
  {
    Harness h;  // pseudowire control word, then Ethernet
    expect_inner(h, h.feed(ether(kEtherMpls, mpls({100}, cat({Bytes(4, 0), inner_eth()})))), 1);
  }
  {
    Harness h;
    const auto r = h.feed(ether(kEtherMpls, mpls({100}, Bytes{0x95, 1, 2, 3})));
    EXPECT_EQ(r, DecodeResult::kUndecoded);
    EXPECT_EQ(h.stats().undecoded_of(Undecoded::kMplsUnknownPayload), 1u);
  }
}

TEST(Tunnel, PppoeSessionAndDiscovery) {
  {
    Harness h;
    const Bytes frame = ether(kEtherPppoeSess, pppoe_session(ppp(0x0021, inner_v4(), false)));
    expect_inner(h, h.feed(cat({frame, Bytes(6, 0)})), 2);  // Ethernet padding ignored
  }
  {
    Harness h;
    const Bytes frame = ether(kEtherPppoeSess, pppoe_session(ppp(0x0057, inner_v6(), false)));
    expect_inner(h, h.feed(frame), 2, "2001:db8:1::1");
  }
  {
    Harness h;  // LCP
    const auto r = h.feed(ether(kEtherPppoeSess, pppoe_session(ppp(0xc021, Bytes(8, 1), false))));
    EXPECT_EQ(r, DecodeResult::kUndecoded);
    EXPECT_EQ(h.stats().undecoded_of(Undecoded::kPppUnknownProto), 1u);
  }
  {
    Harness h;  // PADI
    const auto r = h.feed(ether(kEtherPppoeDisc, Bytes{0x11, 0x09, 0, 0, 0, 0}));
    EXPECT_EQ(r, DecodeResult::kNotIp);
    EXPECT_EQ(h.stats().undecoded_of(Undecoded::kPppoeDiscovery), 1u);
    EXPECT_EQ(h.stats().non_ip, 1u);
  }
}

TEST(Tunnel, NshMdTypes) {
  {
    Harness h;
    expect_inner(h, h.feed(ether(kEtherNsh, nsh(1, inner_v4()))), 1);
  }
  {
    Harness h;
    expect_inner(h, h.feed(ether(kEtherNsh, nsh(3, inner_eth(), 2))), 1);
  }
  {
    Harness h;
    EXPECT_EQ(h.feed(ether(kEtherNsh, nsh(0x77, inner_v4()))), DecodeResult::kUndecoded);
    EXPECT_EQ(h.stats().undecoded_of(Undecoded::kNshUnknownProto), 1u);
  }
}

TEST(Tunnel, DepthLimit) {
  Bytes nested = inner_v4();
  for (int i = 0; i < 8; ++i) nested = ipv4({.proto = kIpip}, nested);
  {
    Harness h;  // eight IP-in-IP headers below the outer one: at the default limit of 8
    expect_inner(h, h.feed(ether(kEtherIpv4, nested)), 8);
  }
  {
    Harness h;
    const auto r = h.feed(ether(kEtherIpv4, ipv4({.proto = kIpip}, nested)));
    EXPECT_EQ(r, DecodeResult::kError);
    EXPECT_EQ(h.error(), DecodeError::kEncapTooDeep);
  }
  {
    DecodeConfig cfg;
    cfg.max_layers = 2;
    Harness h(cfg);
    EXPECT_EQ(h.feed(outer(kIpip, ipv4({.proto = kIpip}, inner_v4()))), DecodeResult::kOk);
    EXPECT_EQ(h.feed(outer(kIpip, ipv4({.proto = kIpip}, ipv4({.proto = kIpip}, inner_v4())))),
              DecodeResult::kError);
    EXPECT_EQ(h.stats().error(DecodeError::kEncapTooDeep), 1u);
  }
}

TEST(Tunnel, UndecodedReasonsAreCounted) {
  Harness h;
  EXPECT_EQ(h.feed(ether(kEtherArp, Bytes(28, 0))), DecodeResult::kNotIp);
  EXPECT_EQ(h.stats().undecoded_of(Undecoded::kUnknownEthertype), 1u);
  EXPECT_EQ(h.feed(outer(kGre, gre({.proto = 0x0806}, Bytes(28, 0)))), DecodeResult::kUndecoded);
  EXPECT_EQ(h.stats().undecoded_of(Undecoded::kGreUnknownProto), 1u);
  EXPECT_EQ(h.feed(outer(1, Bytes(8, 0))), DecodeResult::kOk);  // ICMP: delivered, not looked into
  EXPECT_EQ(h.stats().undecoded_of(Undecoded::kUnknownIpProto), 1u);
  EXPECT_EQ(h.feed(outer_udp(4789, vxlan(ether(0x0806, Bytes(28, 0))))), DecodeResult::kUndecoded);
  EXPECT_EQ(h.stats().undecoded_of(Undecoded::kUnknownEthertype), 2u);
  EXPECT_EQ(h.stats().non_ip, 1u);  // only the capture's own ARP frame carried no IP
}

TEST(Tunnel, InnerIcmpHasNoOuterPorts) {
  Harness h;
  const auto r = h.feed(outer_udp(4789, vxlan(ether(kEtherIpv4, ipv4({.proto = 1}, Bytes(8, 0))))));
  ASSERT_EQ(r, DecodeResult::kOk);
  EXPECT_EQ(h.out.l4, L4Proto::kOther);
  EXPECT_EQ(h.out.src_port, 0);
  EXPECT_EQ(h.out.dst_port, 0);
}

// The outer datagram cut in two: reassembled first, then the tunnel inside it is followed.
TEST(Tunnel, FragmentedOuterIpCarryingGre) {
  Harness h;
  const Bytes body = gre({}, inner_v4());
  const Bytes head(body.begin(), body.begin() + 16), tail(body.begin() + 16, body.end());
  Ipv4Spec first{.src = "198.51.100.1", .dst = "198.51.100.2", .proto = kGre, .id = 77, .mf = true};
  Ipv4Spec second = first;
  second.mf = false;
  second.frag_offset = 16;
  EXPECT_EQ(h.feed(ether(kEtherIpv4, ipv4(first, head))), DecodeResult::kFragmentHeld);
  expect_inner(h, h.feed(ether(kEtherIpv4, ipv4(second, tail))), 1);
  EXPECT_TRUE(h.out.reassembled);
}

// The inner datagram fragmented inside an unfragmented tunnel: reassembled on its own key.
TEST(Tunnel, FragmentedInnerIpInsideVxlan) {
  Harness h;
  const Bytes seg = kInnerTcp;
  const Bytes head(seg.begin(), seg.begin() + 16), tail(seg.begin() + 16, seg.end());
  Ipv4Spec first{.src = "10.1.1.1", .dst = "192.0.2.9", .proto = kTcp, .id = 5, .mf = true};
  Ipv4Spec second = first;
  second.mf = false;
  second.frag_offset = 16;
  EXPECT_EQ(h.feed(outer_udp(4789, vxlan(ether(kEtherIpv4, ipv4(first, head))))),
            DecodeResult::kFragmentHeld);
  expect_inner(h, h.feed(outer_udp(4789, vxlan(ether(kEtherIpv4, ipv4(second, tail))))), 1);
  EXPECT_TRUE(h.out.reassembled);
}

TEST(Tunnel, EveryUndecodedReasonHasAName) {
  for (std::size_t i = 1; i < kUndecodedCount; ++i)
    EXPECT_NE(name(static_cast<Undecoded>(i)), "unknown") << i;
  EXPECT_EQ(name(Undecoded::kLlc), "llc");
  EXPECT_EQ(name(Undecoded::kCount), "unknown");
}

TEST(Tunnel, LlcInsideATunnelAndUnknownGpeProtocol) {
  Harness h;
  Bytes llc_frame{0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2, 0x00, 0x26};  // 802.3 length 38
  llc_frame = cat({llc_frame, Bytes(38, 0x42)});
  EXPECT_EQ(h.feed(outer_udp(4789, vxlan(llc_frame))), DecodeResult::kUndecoded);
  EXPECT_EQ(h.stats().undecoded_of(Undecoded::kLlc), 1u);
  EXPECT_EQ(h.feed(outer_udp(4790, vxlan_gpe(0x99, inner_v4()))), DecodeResult::kUndecoded);
  EXPECT_EQ(h.stats().undecoded_of(Undecoded::kVxlanGpeUnknownProto), 1u);
}

}  // namespace
}  // namespace korgoo::decode

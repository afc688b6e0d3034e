// One frame sequence per DecodeError, checked to cover the whole enum: a reason added later
// without a test here fails ErrorReasons.EveryReasonIsReachable.
#include <gtest/gtest.h>

#include <set>

#include "decode/decode_test_util.h"
#include "decode/tunnel_builder.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;
using source::LinkType;

struct Case {
  DecodeError expected;
  std::vector<std::pair<Bytes, LinkType>> frames;  // the last one must fail with `expected`
  // A tunnel header found only by UDP port: counted, and the datagram kept as plain UDP.
  bool soft = false;
};

std::vector<Case> cases() {
  constexpr auto kEth = LinkType::kEthernet;
  constexpr auto kRaw = LinkType::kRaw;
  const Bytes seg = tcp({}, text("x"));
  const Bytes dgram = udp(1, 2, text("x"));
  Ipv4Spec bad_opt;
  bad_opt.options = {7, 9, 4, 0};
  Bytes many_ext;
  for (int i = 0; i < 40; ++i) many_ext = cat({many_ext, ipv6_ext(kDestOpts)});
  const Bytes nested = cat({ipv6_frag(kUdp, 8, true, 1), filled(8, 'n')});
  auto v6frag = [](const Bytes& l4, std::uint32_t off, std::size_t len, bool more,
                   std::uint8_t nh) {
    return ipv6(
        "::1", "::2", kFragment,
        cat({ipv6_frag(nh, off, more, 9), Bytes(l4.begin() + off, l4.begin() + off + len)}));
  };
  auto in_gre = [](const GreSpec& g, const Bytes& payload) {
    return ipv4({.proto = kGre}, gre(g, payload));
  };
  auto on_udp = [](std::uint16_t port, const Bytes& payload) {
    return ipv4({.proto = kUdp}, udp(50000, port, payload));
  };
  Bytes too_deep = ipv4({}, seg);
  for (int i = 0; i < 9; ++i) too_deep = ipv4({.proto = kIpip}, too_deep);
  Bytes labels;
  for (int i = 0; i < 17; ++i) put32(labels, 100u << 12);
  Bytes nsh_md3 = nsh(1, ipv4({}, seg));
  nsh_md3[2] = 3;
  auto frag4 = [](std::uint32_t off, bool mf, std::size_t len) {
    return ipv4({.proto = 253, .frag_offset = off, .mf = mf}, filled(len, 'f'));
  };
  return {
      {DecodeError::kUnknownLinktype, {{seg, static_cast<LinkType>(9999)}}},
      {DecodeError::kEthTruncated, {{Bytes(10, 0), kEth}}},
      {DecodeError::kVlanTruncated, {{ether(0x8100, Bytes{0}), kEth}}},
      {DecodeError::kVlanTooManyLayers,
       {{ether(kEtherIpv4, ipv4({}, seg), {{0x8100, 1}, {0x8100, 2}, {0x8100, 3}}), kEth}}},
      {DecodeError::kSllTruncated, {{Bytes(4, 0), LinkType::kLinuxSll}}},
      {DecodeError::kSll2Truncated, {{Bytes(4, 0), LinkType::kLinuxSll2}}},
      {DecodeError::kNullTruncated, {{Bytes(2, 0), LinkType::kNull}}},
      {DecodeError::kChdlcTruncated, {{Bytes(2, 0), LinkType::kCiscoHdlc}}},
      {DecodeError::kRawTruncated, {{Bytes{}, kRaw}}},
      {DecodeError::kRawBadVersion, {{Bytes{0x70}, kRaw}}},
      {DecodeError::kIpv4Truncated, {{ether(kEtherIpv4, Bytes(12, 0x45)), kEth}}},
      {DecodeError::kIpv4BadVersion, {{ipv4({.version = 6}, seg), LinkType::kIpv4}}},
      {DecodeError::kIpv4BadIhl, {{ipv4({.ihl = 2}, seg), kRaw}}},
      {DecodeError::kIpv4BadLength, {{ipv4({.total_length = 10}, seg), kRaw}}},
      {DecodeError::kIpv4BadOption, {{ipv4(bad_opt, seg), kRaw}}},
      {DecodeError::kIpv6Truncated, {{ipv6("::1", "::2", kTcp, seg, 999), kRaw}}},
      {DecodeError::kIpv6BadVersion, {{ether(kEtherIpv6, ipv4({}, cat({seg, seg}))), kEth}}},
      {DecodeError::kIpv6ExtTruncated, {{ipv6("::1", "::2", kRouting, Bytes{kTcp}), kRaw}}},
      {DecodeError::kIpv6HbhNotFirst,
       {{ipv6(cat({ipv6_ext(kHopByHop), ipv6_ext(kTcp), seg}), kRouting), kRaw}}},
      {DecodeError::kIpv6TooManyExt, {{ipv6(many_ext, kDestOpts), kRaw}}},
      {DecodeError::kTcpTruncated, {{ipv4({}, Bytes(10, 0)), kRaw}}},
      {DecodeError::kTcpBadOffset, {{ipv4({}, tcp({.data_offset = 3})), kRaw}}},
      {DecodeError::kUdpTruncated, {{ipv4({.proto = 17}, Bytes(4, 0)), kRaw}}},
      {DecodeError::kUdpBadLength, {{ipv4({.proto = 17}, udp(1, 2, {}, 3)), kRaw}}},
      {DecodeError::kFragTooLarge, {{frag4(65528, false, 16), kRaw}}},
      {DecodeError::kFragBadLength, {{frag4(0, true, 9), kRaw}}},
      {DecodeError::kFragTooMany,
       [&] {
         std::vector<std::pair<Bytes, LinkType>> v;
         for (int i = 0; i < 257; ++i) v.push_back({frag4(0, true, 8), kRaw});
         return v;
       }()},
      {DecodeError::kFragInconsistentEnd,
       {{frag4(8, false, 8), kRaw}, {frag4(8, false, 16), kRaw}}},
      {DecodeError::kFragNested,
       {{v6frag(nested, 0, 8, true, kFragment), kRaw},
        {v6frag(nested, 8, 8, false, kFragment), kRaw}}},
      {DecodeError::kEncapTooDeep, {{too_deep, kRaw}}},
      {DecodeError::kGreTruncated, {{ipv4({.proto = kGre}, Bytes{0, 0}), kRaw}}},
      {DecodeError::kGreBadVersion, {{in_gre({.version = 2}, seg), kRaw}}},
      {DecodeError::kGreBadFlags, {{in_gre({.extra_flags = 0x4000}, seg), kRaw}}},
      {DecodeError::kErspanTruncated,
       {{in_gre({.proto = kEtherErspan2, .seq = 1}, Bytes(4, 0)), kRaw}}},
      {DecodeError::kErspanBadVersion,
       {{in_gre({.proto = kEtherErspan2, .seq = 1}, erspan2(ether(kEtherIpv4, seg), 2)), kRaw}}},
      {DecodeError::kPppTruncated,
       {{in_gre({.proto = kEtherPpp, .version = 1, .key = 1}, Bytes{0xff, 0x03}), kRaw}}},
      {DecodeError::kPppoeTruncated, {{ether(kEtherPppoeSess, Bytes{0x11, 0}), kEth}}},
      {DecodeError::kPppoeBadHeader,
       {{ether(kEtherPppoeSess, pppoe_session(ppp(0x0021, ipv4({}, seg)), 0x12)), kEth}}},
      {DecodeError::kMplsTruncated, {{ether(kEtherMpls, Bytes{0, 0, 1}), kEth}}},
      {DecodeError::kMplsTooManyLabels, {{ether(kEtherMpls, labels), kEth}}},
      {DecodeError::kVxlanTruncated, {{on_udp(4789, Bytes(4, 8)), kRaw}}, true},
      {DecodeError::kVxlanBadFlags, {{on_udp(4789, vxlan(ether(kEtherIpv4, seg), 0)), kRaw}}, true},
      {DecodeError::kGeneveTruncated,
       {{on_udp(6081, Bytes{3, 0, 0x65, 0x58, 0, 0, 0, 0}), kRaw}},
       true},
      {DecodeError::kGeneveBadVersion,
       {{on_udp(6081, geneve(ether(kEtherIpv4, seg), kEtherTeb, 0, 1)), kRaw}},
       true},
      {DecodeError::kNshTruncated, {{ether(kEtherNsh, Bytes(4, 0)), kEth}}},
      {DecodeError::kNshBadVersion, {{ether(kEtherNsh, nsh(1, ipv4({}, seg), 1, 1)), kEth}}},
      {DecodeError::kNshBadLength, {{ether(kEtherNsh, nsh_md3), kEth}}},
  };
}

TEST(ErrorReasons, EachCaseFailsWithItsReason) {
  for (const Case& c : cases()) {
    Harness h;
    DecodeResult r = DecodeResult::kOk;
    for (const auto& [frame, link] : c.frames) r = h.feed(frame, link);
    if (c.soft) {
      EXPECT_EQ(r, DecodeResult::kOk) << name(c.expected);
      EXPECT_EQ(h.out.l4, L4Proto::kUdp) << name(c.expected);
    } else {
      EXPECT_EQ(r, DecodeResult::kError) << name(c.expected);
      EXPECT_EQ(h.error(), c.expected)
          << "expected " << name(c.expected) << ", got " << name(h.error());
    }
    EXPECT_EQ(h.stats().error(c.expected), 1u) << name(c.expected);
  }
}

TEST(ErrorReasons, EveryReasonIsReachable) {
  std::set<DecodeError> covered;
  for (const Case& c : cases()) covered.insert(c.expected);
  for (std::size_t i = 1; i < kDecodeErrorCount; ++i)
    EXPECT_TRUE(covered.count(static_cast<DecodeError>(i)))
        << "no test case for " << name(static_cast<DecodeError>(i));
}

}  // namespace
}  // namespace korgoo::decode

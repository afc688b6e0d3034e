// IPv4 and IPv6 fragment reassembly: order, overlaps (first data wins), duplicates, limits.
#include <gtest/gtest.h>

#include <algorithm>

#include "decode/decode_test_util.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;

constexpr std::uint8_t kExperimental = 253;  // RFC 3692: payload is delivered as is

Bytes slice(const Bytes& b, std::size_t from, std::size_t len) {
  return Bytes(b.begin() + static_cast<std::ptrdiff_t>(from),
               b.begin() + static_cast<std::ptrdiff_t>(from + len));
}

// An IPv4 fragment carrying bytes [offset, offset + len) of the transport datagram `l4`.
Bytes v4_frag(const Bytes& l4, std::uint32_t offset, std::size_t len, bool mf, Ipv4Spec s = {}) {
  s.frag_offset = offset;
  s.mf = mf;
  return ipv4(s, slice(l4, offset, len));
}

// An IPv6 fragment, optionally after a hop-by-hop header (unfragmentable part).
Bytes v6_frag(const Bytes& l4, std::uint32_t offset, std::size_t len, bool more,
              std::uint8_t next = kTcp, std::uint32_t id = 99, bool with_hbh = false) {
  const Bytes frag = cat({ipv6_frag(next, offset, more, id), slice(l4, offset, len)});
  if (with_hbh)
    return ipv6("2001:db8::a", "2001:db8::b", kHopByHop, cat({ipv6_ext(kFragment), frag}));
  return ipv6("2001:db8::a", "2001:db8::b", kFragment, frag);
}

Bytes pattern(std::size_t n) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>('a' + i % 26);
  return b;
}

TEST(Ipv4Defrag, InOrder) {
  Harness h;
  const Bytes body = pattern(100);
  const Bytes seg = tcp({.seq = 777}, body);  // 120 bytes
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 48, true)), DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 48, 48, true)), DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.decoder.fragments_pending(), 1u);
  EXPECT_GT(h.decoder.fragment_memory(), 0u);
  ASSERT_EQ(h.feed_raw(v4_frag(seg, 96, 24, false)), DecodeResult::kOk) << name(h.error());
  EXPECT_TRUE(h.out.reassembled);
  EXPECT_EQ(h.out.l4, L4Proto::kTcp);
  EXPECT_EQ(h.out.seq, 777u);
  EXPECT_EQ(h.out.number, 3u);
  EXPECT_EQ(h.out.ip_len, 140u);
  EXPECT_EQ(Bytes(h.out.payload.begin(), h.out.payload.end()), body);
  EXPECT_EQ(h.stats().frag.received, 3u);
  EXPECT_EQ(h.stats().frag.reassembled, 1u);
  EXPECT_EQ(h.stats().ipv4, 3u);
  EXPECT_EQ(h.stats().tcp, 1u);
  EXPECT_EQ(h.decoder.fragments_pending(), 0u);
  EXPECT_EQ(h.decoder.fragment_memory(), 0u);
}

TEST(Ipv4Defrag, OutOfOrderEveryPermutation) {
  const Bytes body = pattern(60);
  const Bytes seg = udp(53, 5353, body);  // 68 bytes
  std::vector<int> order{0, 1, 2, 3};
  do {
    Harness h;
    const Bytes frags[] = {
        v4_frag(seg, 0, 16, true, {.proto = 17}), v4_frag(seg, 16, 24, true, {.proto = 17}),
        v4_frag(seg, 40, 16, true, {.proto = 17}), v4_frag(seg, 56, 12, false, {.proto = 17})};
    for (int i = 0; i < 3; ++i) ASSERT_EQ(h.feed_raw(frags[order[i]]), DecodeResult::kFragmentHeld);
    ASSERT_EQ(h.feed_raw(frags[order[3]]), DecodeResult::kOk);
    EXPECT_EQ(h.out.l4, L4Proto::kUdp);
    EXPECT_EQ(h.out.dst_port, 5353);
    EXPECT_EQ(Bytes(h.out.payload.begin(), h.out.payload.end()), body);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(Ipv4Defrag, TransportHeaderSplitAcrossFragments) {
  Harness h;
  TcpSpec s{.seq = 0xabcdef01, .flags = tcp_flags::kSyn};
  s.options = {2, 4, 0x05, 0xb4};
  const Bytes seg = tcp(s, text("split!!!"));  // 32 bytes; first fragment holds ports only
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 8, true)), DecodeResult::kFragmentHeld);
  ASSERT_EQ(h.feed_raw(v4_frag(seg, 8, 24, false)), DecodeResult::kOk);
  EXPECT_EQ(h.out.seq, 0xabcdef01u);
  EXPECT_EQ(h.out.mss, 1460);
  EXPECT_EQ(str(h.out.payload), "split!!!");
}

TEST(Ipv4Defrag, FirstFragmentHeaderWithOptionsIsUsed) {
  Harness h;
  const Bytes seg = tcp({}, pattern(20));
  Ipv4Spec first;
  first.options = {1, 1, 1, 0};
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 16, 24, false)), DecodeResult::kFragmentHeld);
  ASSERT_EQ(h.feed_raw(v4_frag(seg, 0, 16, true, first)), DecodeResult::kOk);
  EXPECT_EQ(h.out.ip_len, 24u + 40u);
  EXPECT_EQ(str(h.out.payload), str(ByteView(pattern(20))));
}

TEST(Ipv4Defrag, OverlapConflictFirstDataWins) {
  Harness h;
  // Held: [0,16) 'A'. Later [8,24) 'B' overlaps [8,16) with different bytes.
  EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .mf = true}, filled(16, 'A'))),
            DecodeResult::kFragmentHeld);
  EXPECT_EQ(
      h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 8, .mf = true}, filled(16, 'B'))),
      DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.stats().frag.overlap_conflicts, 1u);
  ASSERT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 24}, filled(8, 'C'))),
            DecodeResult::kOk);
  EXPECT_EQ(str(h.out.payload), std::string(16, 'A') + std::string(8, 'B') + std::string(8, 'C'));
  EXPECT_EQ(h.stats().frag.overlap_conflicts, 1u);
  EXPECT_EQ(h.stats().errors_total(), 0u);
}

TEST(Ipv4Defrag, WideLaterFragmentKeepsEarlierMiddle) {
  Harness h;
  EXPECT_EQ(
      h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 8, .mf = true}, filled(8, 'X'))),
      DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 24}, filled(8, 'Z'))),
            DecodeResult::kFragmentHeld);
  ASSERT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .mf = true}, filled(24, 'Y'))),
            DecodeResult::kOk);
  EXPECT_EQ(str(h.out.payload),
            std::string(8, 'Y') + std::string(8, 'X') + std::string(8, 'Y') + std::string(8, 'Z'));
  EXPECT_EQ(h.stats().frag.overlap_conflicts, 1u);
}

TEST(Ipv4Defrag, DuplicatesAndIdenticalOverlapsAreNotConflicts) {
  Harness h;
  const Bytes seg = udp(1, 2, pattern(40));  // 48 bytes
  const Ipv4Spec u{.proto = 17};
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 24, true, u)), DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 24, true, u)), DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 16, 16, true, u)), DecodeResult::kFragmentHeld);
  ASSERT_EQ(h.feed_raw(v4_frag(seg, 16, 32, false, u)), DecodeResult::kOk);
  EXPECT_EQ(Bytes(h.out.payload.begin(), h.out.payload.end()), pattern(40));
  EXPECT_EQ(h.stats().frag.overlap_conflicts, 0u);
  EXPECT_EQ(h.stats().frag.received, 4u);
  EXPECT_EQ(h.stats().frag.reassembled, 1u);
  // A duplicate of an already completed datagram starts a new one (and waits).
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 24, true, u)), DecodeResult::kFragmentHeld);
}

TEST(Ipv4Defrag, TimeoutExpiresByPacketTime) {
  DecodeConfig cfg;
  cfg.frag_timeout_usec = 5 * kUsecPerSec;
  Harness h(cfg);
  const Bytes seg = tcp({}, pattern(24));
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 16, true), 1 * kUsecPerSec), DecodeResult::kFragmentHeld);
  // Just inside the timeout: still completes.
  ASSERT_EQ(h.feed_raw(v4_frag(seg, 16, 28, false), 6 * kUsecPerSec - 1), DecodeResult::kOk);

  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 16, true), 10 * kUsecPerSec), DecodeResult::kFragmentHeld);
  // At the timeout the first fragment is gone: the last one starts a new datagram.
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 16, 28, false), 15 * kUsecPerSec), DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.stats().frag.timeouts, 1u);
  EXPECT_EQ(h.decoder.fragments_pending(), 1u);
  // An idle worker's clock also expires them.
  h.decoder.expire_fragments(Timestamp{30 * kUsecPerSec});
  EXPECT_EQ(h.stats().frag.timeouts, 2u);
  EXPECT_EQ(h.decoder.fragments_pending(), 0u);
  EXPECT_EQ(h.decoder.fragment_memory(), 0u);
}

TEST(Ipv4Defrag, MemcapEvictsOldestFirst) {
  DecodeConfig cfg;
  cfg.frag_memcap = 6000;
  Harness h(cfg);
  const Bytes seg = udp(1, 2, pattern(2000));
  const Ipv4Spec base{.proto = 17};
  // Datagrams 1..10, first 1000 bytes of each.
  for (std::uint16_t id = 1; id <= 10; ++id) {
    Ipv4Spec s = base;
    s.id = id;
    const DecodeResult r = h.feed_raw(v4_frag(seg, 0, 1000, true, s));
    EXPECT_EQ(r, DecodeResult::kFragmentHeld);
    EXPECT_LE(h.decoder.fragment_memory(), cfg.frag_memcap);
  }
  EXPECT_GT(h.stats().frag.evicted, 0u);
  EXPECT_EQ(h.decoder.fragments_pending() + h.stats().frag.evicted, 10u);
  // The newest survives and completes; the oldest was evicted, so its tail waits alone.
  Ipv4Spec newest = base;
  newest.id = 10;
  ASSERT_EQ(h.feed_raw(v4_frag(seg, 1000, 1008, false, newest)), DecodeResult::kOk);
  Ipv4Spec oldest = base;
  oldest.id = 1;
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 1000, 1008, false, oldest)), DecodeResult::kFragmentHeld);
}

TEST(Ipv4Defrag, DatagramLargerThanMemcapIsDropped) {
  DecodeConfig cfg;
  cfg.frag_memcap = 512;
  Harness h(cfg);
  const Bytes seg = udp(1, 2, pattern(2000));
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 0, 1000, true, {.proto = 17})), DecodeResult::kIgnored);
  EXPECT_EQ(h.stats().frag.evicted, 1u);
  EXPECT_EQ(h.decoder.fragments_pending(), 0u);
  EXPECT_EQ(h.decoder.fragment_memory(), 0u);
  EXPECT_EQ(h.stats().errors_total(), 0u);
}

TEST(Ipv4Defrag, TooManyFragmentsDropsTheDatagram) {
  DecodeConfig cfg;
  cfg.frag_max_fragments = 4;
  Harness h(cfg);
  const Bytes data = pattern(64);
  for (std::uint32_t i = 0; i < 4; ++i)
    EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 8 * i, .mf = true},
                              slice(data, 8 * i, 8))),
              DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 32}, slice(data, 32, 8))),
            DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kFragTooMany);
  EXPECT_EQ(h.decoder.fragments_pending(), 0u);
}

TEST(Ipv4Defrag, BeyondMaximumDatagramSize) {
  Harness h;
  // Offset 65512 + 24 bytes + 20-byte header > 65535.
  EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 65512}, filled(24, 0))),
            DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kFragTooLarge);
  EXPECT_EQ(h.decoder.fragments_pending(), 0u);
}

TEST(Ipv4Defrag, ExactlyMaximumDatagramSize) {
  Harness h;
  const Bytes seg = udp(1, 2, pattern(65535 - 28));
  DecodeResult r = DecodeResult::kError;
  for (std::size_t off = 0; off < seg.size(); off += 1480) {
    const std::size_t len = std::min<std::size_t>(1480, seg.size() - off);
    r = h.feed_raw(
        v4_frag(seg, static_cast<std::uint32_t>(off), len, off + len < seg.size(), {.proto = 17}));
  }
  ASSERT_EQ(r, DecodeResult::kOk) << name(h.error());
  EXPECT_EQ(h.out.ip_len, 65535u);
  EXPECT_EQ(h.out.payload.size(), 65535u - 28u);
}

TEST(Ipv4Defrag, NonFinalFragmentNotMultipleOfEight) {
  Harness h;
  EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .mf = true}, filled(12, 0))),
            DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kFragBadLength);
}

TEST(Ipv4Defrag, InconsistentEndDropsTheDatagram) {
  {
    Harness h;  // data beyond the known end
    EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 16}, filled(8, 0))),
              DecodeResult::kFragmentHeld);
    EXPECT_EQ(
        h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 24, .mf = true}, filled(8, 0))),
        DecodeResult::kError);
    EXPECT_EQ(h.error(), DecodeError::kFragInconsistentEnd);
    EXPECT_EQ(h.decoder.fragments_pending(), 0u);
  }
  {
    Harness h;  // two different ends
    EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 16}, filled(8, 0))),
              DecodeResult::kFragmentHeld);
    EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 16}, filled(4, 0))),
              DecodeResult::kError);
    EXPECT_EQ(h.error(), DecodeError::kFragInconsistentEnd);
  }
  {
    Harness h;  // an end before data already held
    EXPECT_EQ(
        h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 32, .mf = true}, filled(8, 0))),
        DecodeResult::kFragmentHeld);
    EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .frag_offset = 8}, filled(8, 0))),
              DecodeResult::kError);
    EXPECT_EQ(h.error(), DecodeError::kFragInconsistentEnd);
  }
}

TEST(Ipv4Defrag, ReassembledBytesAreTheDecodersOwn) {
  Harness h;
  const Bytes seg = tcp({}, pattern(30));
  h.feed_raw(v4_frag(seg, 0, 16, true));
  ASSERT_EQ(h.feed_raw(v4_frag(seg, 16, 34, false)), DecodeResult::kOk);
  for (const Bytes& f : h.frames) {
    const bool in_frame =
        h.out.payload.data() >= f.data() && h.out.payload.data() < f.data() + f.size();
    EXPECT_FALSE(in_frame);
  }
  h.frames.clear();  // the captured frames are gone; the reassembled view is still readable
  EXPECT_EQ(str(h.out.payload), str(ByteView(pattern(30))));
}

TEST(Ipv4Defrag, KeyIncludesVlanAndAddresses) {
  Harness h;
  const Bytes seg = udp(1, 2, pattern(24));  // 32 bytes
  const Ipv4Spec u{.proto = 17};
  Ipv4Spec other_src = u;
  other_src.src = "10.9.9.9";
  EXPECT_EQ(h.feed(ether(kEtherIpv4, v4_frag(seg, 0, 16, true, u), {{0x8100, 1}})),
            DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed(ether(kEtherIpv4, v4_frag(seg, 16, 16, false, u), {{0x8100, 2}})),
            DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed(ether(kEtherIpv4, v4_frag(seg, 16, 16, false, other_src), {{0x8100, 1}})),
            DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.decoder.fragments_pending(), 3u);
  ASSERT_EQ(h.feed(ether(kEtherIpv4, v4_frag(seg, 16, 16, false, u), {{0x8100, 1}})),
            DecodeResult::kOk);
  EXPECT_EQ(h.out.vlan[0], 1);
  EXPECT_TRUE(h.out.reassembled);
}

TEST(Ipv4Defrag, ErrorInReassembledTransportIsCounted) {
  Harness h;
  const Bytes seg = udp(1, 2, pattern(24), 200);  // UDP length larger than the datagram
  h.feed_raw(v4_frag(seg, 0, 16, true, {.proto = 17}));
  EXPECT_EQ(h.feed_raw(v4_frag(seg, 16, 16, false, {.proto = 17})), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kUdpBadLength);
  EXPECT_EQ(h.stats().frag.reassembled, 1u);
}

TEST(Ipv6Defrag, InOrderAndOutOfOrder) {
  const Bytes body = pattern(90);
  const Bytes seg = tcp({.dport = 8443}, body);  // 110 bytes
  for (bool reverse : {false, true}) {
    Harness h;
    std::vector<Bytes> frags{v6_frag(seg, 0, 48, true), v6_frag(seg, 48, 48, true),
                             v6_frag(seg, 96, 14, false)};
    if (reverse) std::reverse(frags.begin(), frags.end());
    EXPECT_EQ(h.feed(ether(kEtherIpv6, frags[0])), DecodeResult::kFragmentHeld);
    EXPECT_EQ(h.feed(ether(kEtherIpv6, frags[1])), DecodeResult::kFragmentHeld);
    ASSERT_EQ(h.feed(ether(kEtherIpv6, frags[2])), DecodeResult::kOk) << name(h.error());
    EXPECT_TRUE(h.out.reassembled);
    EXPECT_EQ(h.out.ip_proto, kTcp);
    EXPECT_EQ(h.out.dst_port, 8443);
    EXPECT_EQ(h.out.src, ip("2001:db8::a"));
    EXPECT_EQ(h.out.ip_len, 40u + 110u);
    EXPECT_EQ(Bytes(h.out.payload.begin(), h.out.payload.end()), body);
    EXPECT_EQ(h.stats().ipv6, 3u);
    EXPECT_EQ(h.stats().frag.reassembled, 1u);
  }
}

TEST(Ipv6Defrag, UnfragmentablePartAndExtensionsInsideTheFragmentablePart) {
  Harness h;
  // Fragmentable part: destination options, then UDP.
  const Bytes inner = cat({ipv6_ext(kUdp), udp(1000, 2000, pattern(50))});  // 66 bytes
  EXPECT_EQ(h.feed_raw(v6_frag(inner, 32, 34, false, kDestOpts, 5, true)),
            DecodeResult::kFragmentHeld);
  ASSERT_EQ(h.feed_raw(v6_frag(inner, 0, 32, true, kDestOpts, 5, true)), DecodeResult::kOk)
      << name(h.error());
  EXPECT_EQ(h.out.l4, L4Proto::kUdp);
  EXPECT_EQ(h.out.dst_port, 2000);
  EXPECT_EQ(h.out.ip_len, 40u + 8u + 66u);
  EXPECT_EQ(Bytes(h.out.payload.begin(), h.out.payload.end()), pattern(50));
}

TEST(Ipv6Defrag, OverlapConflictFirstDataWins) {
  Harness h;
  const Bytes a = filled(32, 'A'), b = filled(32, 'B');
  EXPECT_EQ(h.feed_raw(v6_frag(a, 0, 16, true, kExperimental)), DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed_raw(v6_frag(b, 8, 16, true, kExperimental)), DecodeResult::kFragmentHeld);
  ASSERT_EQ(h.feed_raw(v6_frag(b, 24, 8, false, kExperimental)), DecodeResult::kOk);
  EXPECT_EQ(str(h.out.payload), std::string(16, 'A') + std::string(16, 'B'));
  EXPECT_EQ(h.stats().frag.overlap_conflicts, 1u);
}

TEST(Ipv6Defrag, FamiliesDoNotMix) {
  Harness h;
  const Bytes data = filled(16, 'q');
  // Same id 99 and protocol, one IPv4 and one IPv6 half: neither completes.
  EXPECT_EQ(h.feed_raw(ipv4({.proto = kExperimental, .id = 99, .mf = true}, slice(data, 0, 8))),
            DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.feed_raw(v6_frag(data, 8, 8, false, kExperimental)), DecodeResult::kFragmentHeld);
  EXPECT_EQ(h.decoder.fragments_pending(), 2u);
}

TEST(Ipv6Defrag, FragmentHeaderInsideReassembledDatagramIsNested) {
  Harness h;
  const Bytes inner = cat({ipv6_frag(kUdp, 8, true, 1), filled(8, 'n')});  // 16 bytes
  h.feed_raw(v6_frag(inner, 0, 8, true, kFragment));
  EXPECT_EQ(h.feed_raw(v6_frag(inner, 8, 8, false, kFragment)), DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kFragNested);
}

TEST(Ipv6Defrag, BeyondMaximumPayloadLength) {
  Harness h;
  EXPECT_EQ(h.feed_raw(v6_frag(filled(65600, 0), 65528, 16, false, kExperimental)),
            DecodeResult::kError);
  EXPECT_EQ(h.error(), DecodeError::kFragTooLarge);
}

}  // namespace
}  // namespace korgoo::decode

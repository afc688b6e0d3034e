// Robustness: every prefix of a valid frame, and random corruption of valid frames, must
// never crash or read out of bounds (run under ASan), and every prefix must count a reason.
#include <gtest/gtest.h>

#include <random>

#include "decode/decode_test_util.h"
#include "fuzz/decode_entry_points.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;
using source::LinkType;

struct Sample {
  const char* what;
  Bytes frame;
  LinkType link;
};

std::vector<Sample> samples() {
  TcpSpec syn{.flags = tcp_flags::kSyn};
  syn.options = {2, 4, 5, 0xb4, 1, 3, 3, 7, 4, 2};
  Ipv4Spec with_opts;
  with_opts.options = {1, 7, 7, 4, 0, 0, 0, 0};
  const Bytes v4 = ipv4(with_opts, tcp(syn, text("payload")));
  const Bytes v4udp = ipv4({.proto = 17}, udp(1, 2, text("udp")));
  const Bytes v6 = ipv6(cat({ipv6_ext(kRouting), ipv6_ext(kAh, 1), ipv6_ah(kDestOpts),
                             ipv6_ext(kTcp), tcp(syn, text("six"))}),
                        kHopByHop);
  const Bytes v6udp = ipv6(udp(3, 4, text("u6")), kUdp);
  return {
      {"ethernet ipv4 tcp", ether(kEtherIpv4, v4), LinkType::kEthernet},
      {"qinq ipv6 tcp", ether(kEtherIpv6, v6, {{0x88a8, 5}, {0x8100, 6}}), LinkType::kEthernet},
      {"ethernet ipv4 udp", ether(kEtherIpv4, v4udp), LinkType::kEthernet},
      {"sll ipv6 udp", sll(kEtherIpv6, v6udp), LinkType::kLinuxSll},
      {"sll2 ipv4", sll2(kEtherIpv4, v4), LinkType::kLinuxSll2},
      {"null ipv6", null_link(30, true, v6), LinkType::kNull},
      {"chdlc ipv4", chdlc(0x0800, v4udp), LinkType::kCiscoHdlc},
      {"raw ipv6", v6, LinkType::kRaw},
      {"ipv4 link", v4, LinkType::kIpv4},
      {"ipv6 link", v6udp, LinkType::kIpv6},
  };
}

TEST(Truncation, EveryPrefixIsACountedError) {
  for (const Sample& s : samples()) {
    {
      Decoder d;
      DecodedPacket out;
      ASSERT_EQ(d.decode(packet(s.frame, s.link), out), DecodeResult::kOk) << s.what;
    }
    Decoder d;
    for (std::size_t len = 0; len < s.frame.size(); ++len) {
      // A copy of exactly `len` bytes, so that ASan catches any read past the end.
      const Bytes cut(s.frame.begin(), s.frame.begin() + static_cast<std::ptrdiff_t>(len));
      DecodedPacket out;
      EXPECT_EQ(d.decode(packet(cut, s.link), out), DecodeResult::kError)
          << s.what << " cut at " << len;
      EXPECT_NE(d.last_error(), DecodeError::kNone) << s.what << " cut at " << len;
    }
    EXPECT_EQ(d.stats().errors_total(), s.frame.size()) << s.what;
  }
}

bool inside(ByteView part, const Bytes& whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

TEST(Truncation, RandomCorruptionNeverEscapesTheBuffer) {
  std::mt19937 rng(8510);
  Decoder d;  // one decoder for all: corrupted fragments accumulate in its reassembler
  std::uint64_t results = 0;
  const auto all = samples();
  for (int round = 0; round < 20000; ++round) {
    const Sample& s = all[rng() % all.size()];
    Bytes frame = s.frame;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; ++i) frame[rng() % frame.size()] = static_cast<std::uint8_t>(rng());
    if (rng() % 4 == 0) frame.resize(rng() % (frame.size() + 1));
    DecodedPacket out;
    const DecodeResult r = d.decode(packet(frame, s.link, round), out);
    ++results;
    if (r == DecodeResult::kOk && !out.reassembled) {
      EXPECT_TRUE(inside(out.payload, frame));
    }
    if (r == DecodeResult::kError) {
      EXPECT_NE(d.last_error(), DecodeError::kNone);
    }
  }
  EXPECT_EQ(d.stats().packets, results);
}

TEST(Truncation, FuzzEntryAcceptsAnything) {
  std::mt19937 rng(1);
  for (int i = 0; i < 2000; ++i) {
    Bytes junk(rng() % 128);
    for (auto& b : junk) b = static_cast<std::uint8_t>(rng());
    if (!junk.empty()) junk[0] = (i % 2) ? 0x45 : 0x60;
    for (auto link : {LinkType::kRaw, LinkType::kEthernet, LinkType::kNull, LinkType::kLinuxSll2})
      fuzz_decode(ByteView(junk.data(), junk.size()), link);
  }
}

}  // namespace
}  // namespace korgoo::decode

// Error names and the stats JSON shape that the EVE stats record relies on.
#include <gtest/gtest.h>

#include <set>

#include "decode/decode_test_util.h"

namespace korgoo::decode {
namespace {

using namespace test_packets;

TEST(DecodeError, NamesAreUniqueSnakeCase) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < kDecodeErrorCount; ++i) {
    const std::string_view n = name(static_cast<DecodeError>(i));
    EXPECT_TRUE(seen.insert(n).second) << n;
    EXPECT_FALSE(n.empty());
    for (char c : n) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << n;
  }
  EXPECT_EQ(name(DecodeError::kNone), "none");
  EXPECT_EQ(name(DecodeError::kEthTruncated), "eth_truncated");
  EXPECT_EQ(name(DecodeError::kIpv4Truncated), "ipv4_truncated");
  EXPECT_EQ(name(DecodeError::kTcpBadOffset), "tcp_bad_offset");
  EXPECT_EQ(name(DecodeError::kFragTooLarge), "frag_too_large");
  EXPECT_EQ(name(DecodeError::kUnknownLinktype), "unknown_linktype");
  EXPECT_EQ(name(DecodeError::kCount), "unknown");
}

TEST(DecodeStats, JsonListsOnlyNonZeroErrorsInEnumOrder) {
  Harness h;
  h.feed(Bytes(3, 0));                                // eth_truncated
  h.feed_raw(ipv4({.proto = 17}, udp(1, 2, {}, 4)));  // udp_bad_length
  h.feed_raw(ipv4({.proto = 17}, udp(1, 2, {}, 4)));  // udp_bad_length
  h.feed_raw(ipv4({.version = 7}, {}));               // raw_bad_version
  h.feed(ether(kEtherIpv4, ipv4({}, tcp({}, text("ok")))));
  h.feed(ether(kEtherArp, Bytes(28, 0)));

  Json j;
  h.stats().to_json(j);
  EXPECT_EQ(j.dump(),
            R"({"packets":6,"bytes":)" + std::to_string(h.stats().bytes) +
                R"(,"ipv4":3,"ipv6":0,"tcp":1,"udp":0,"other_ip":0,"non_ip":1,)"
                R"("tcp_bad_options":0,"tunneled":0,"frag_received":0,"frag_reassembled":0,)"
                R"("frag_timeouts":0,"frag_evicted":0,"frag_overlap_conflicts":0,)"
                R"("errors":{"eth_truncated":1,"raw_bad_version":1,"udp_bad_length":2},)"
                R"("undecoded":{"unknown_ethertype":1}})");
}

TEST(DecodeStats, EmptyErrorsIsAnEmptyObject) {
  DecodeStats s;
  Json j;
  s.to_json(j);
  EXPECT_TRUE(j["errors"].is_object());
  EXPECT_TRUE(j["errors"].empty());
}

TEST(DecodeStats, MergeAddsEveryCounter) {
  DecodeStats a, b;
  a.packets = 1;
  a.frag.evicted = 2;
  a.errors[static_cast<std::size_t>(DecodeError::kTcpTruncated)] = 3;
  b.packets = 10;
  b.frag.evicted = 20;
  b.errors[static_cast<std::size_t>(DecodeError::kTcpTruncated)] = 30;
  a.tunneled = 4;
  b.tunneled = 40;
  a.undecoded[static_cast<std::size_t>(Undecoded::kLlc)] = 5;
  b.undecoded[static_cast<std::size_t>(Undecoded::kLlc)] = 50;
  a += b;
  EXPECT_EQ(a.tunneled, 44u);
  EXPECT_EQ(a.undecoded_of(Undecoded::kLlc), 55u);
  EXPECT_EQ(a.packets, 11u);
  EXPECT_EQ(a.frag.evicted, 22u);
  EXPECT_EQ(a.error(DecodeError::kTcpTruncated), 33u);
  EXPECT_EQ(a.errors_total(), 33u);
}

TEST(DecodeStats, LastErrorResetsOnSuccess) {
  Harness h;
  h.feed(Bytes(3, 0));
  EXPECT_EQ(h.error(), DecodeError::kEthTruncated);
  h.feed(ether(kEtherIpv4, ipv4({}, tcp({}))));
  EXPECT_EQ(h.error(), DecodeError::kNone);
}

}  // namespace
}  // namespace korgoo::decode

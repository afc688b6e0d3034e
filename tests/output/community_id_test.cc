// Community ID v1 against the values other implementations give for the same flows.
#include "output/community_id.h"

#include <gtest/gtest.h>

namespace korgoo::output {
namespace {

IpAddress v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  const std::uint8_t bytes[4] = {a, b, c, d};
  return IpAddress::v4(bytes);
}

TEST(CommunityId, MatchesPublishedValuesForTcpAndUdp) {
  // Zeek's community-id test vectors (seed 0).
  EXPECT_EQ(community_id_v1({v4(1, 2, 3, 4), 1122}, {v4(5, 6, 7, 8), 3344}, 6, 0),
            "1:wCb3OG7yAFWelaUydu0D+125CLM=");
  EXPECT_EQ(community_id_v1({v4(1, 2, 3, 4), 1122}, {v4(5, 6, 7, 8), 3344}, 17, 0),
            "1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=");
}

TEST(CommunityId, BothDirectionsOfAFlowAgree) {
  const auto there = community_id_v1({v4(10, 0, 0, 1), 40000}, {v4(10, 0, 0, 2), 80}, 6, 0);
  const auto back = community_id_v1({v4(10, 0, 0, 2), 80}, {v4(10, 0, 0, 1), 40000}, 6, 0);
  ASSERT_TRUE(there.has_value());
  EXPECT_EQ(there, back);
  // Same address on both ends: the ports order them.
  EXPECT_EQ(community_id_v1({v4(127, 0, 0, 1), 5000}, {v4(127, 0, 0, 1), 25}, 6, 0),
            community_id_v1({v4(127, 0, 0, 1), 25}, {v4(127, 0, 0, 1), 5000}, 6, 0));
}

TEST(CommunityId, SeedAndProtocolChangeTheHash) {
  const CommunityIdEndpoint a{v4(1, 2, 3, 4), 1122}, b{v4(5, 6, 7, 8), 3344};
  EXPECT_NE(community_id_v1(a, b, 6, 0), community_id_v1(a, b, 6, 1));
  EXPECT_NE(community_id_v1(a, b, 6, 0), community_id_v1(a, b, 17, 0));
}

TEST(CommunityId, Ipv6IsHashedOverSixteenBytes) {
  std::uint8_t x[16] = {0x20, 0x01, 0x0d, 0xb8};
  std::uint8_t y[16] = {0x20, 0x01, 0x0d, 0xb8};
  x[15] = 1;
  y[15] = 2;
  const auto id = community_id_v1({IpAddress::v6(x), 1}, {IpAddress::v6(y), 2}, 6, 0);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->rfind("1:", 0), 0u);
  EXPECT_EQ(id->size(), 2 + 28u);  // base64 of a 20-byte SHA-1
}

TEST(CommunityId, UndefinedWithoutTypeAndCodeOrAcrossFamilies) {
  EXPECT_FALSE(community_id_v1({v4(1, 2, 3, 4), 0}, {v4(5, 6, 7, 8), 0}, 1, 0).has_value());
  std::uint8_t x[16] = {0x20, 0x01};
  EXPECT_FALSE(community_id_v1({v4(1, 2, 3, 4), 1}, {IpAddress::v6(x), 2}, 6, 0).has_value());
}

}  // namespace
}  // namespace korgoo::output

#include <gtest/gtest.h>

#include "policy/aggregation_state.h"
#include "policy_test_util.h"

namespace korgoo::policy {
namespace {

using testing::ip;

Timestamp at(std::int64_t sec) {
  return Timestamp::from_sec_usec(sec, 0);
}

TEST(AggregationState, SumsPerTypeWithinTheWindow) {
  AggregationState s({100, 60}, 3600, 1000);
  s.add(ip("10.0.0.1"), "kg_pin", 10, 5, at(0));
  s.add(ip("10.0.0.1"), "email", 3, 3, at(30));
  s.add(ip("10.0.0.1"), "kg_pin", 10, 5, at(120));
  auto all = s.totals(ip("10.0.0.1"), {}, 3600, at(200));
  EXPECT_EQ(all.count, 23u);
  EXPECT_EQ(all.distinct, 13u);
  auto pins = s.totals(ip("10.0.0.1"), {"kg_pin"}, 3600, at(200));
  EXPECT_EQ(pins.distinct, 10u);
  // A 60-second window only holds the last bucket.
  EXPECT_EQ(s.totals(ip("10.0.0.1"), {"kg_pin"}, 60, at(150)).distinct, 5u);
  EXPECT_EQ(s.totals(ip("10.0.0.2"), {}, 3600, at(200)).count, 0u);
}

TEST(AggregationState, OldBucketsExpire) {
  AggregationState s({100, 60}, 600, 1000);
  s.add(ip("10.0.0.1"), "kg_pin", 1, 1, at(0));
  s.add(ip("10.0.0.1"), "kg_pin", 1, 1, at(700));
  EXPECT_EQ(s.totals(ip("10.0.0.1"), {}, 600, at(700)).count, 1u);
}

TEST(AggregationState, HostsAreCapped) {
  AggregationState s({16, 60}, 3600, 10);
  for (int i = 0; i < 1000; ++i)
    s.add(IpAddress::v4(0x0A000000u + static_cast<std::uint32_t>(i)), "kg_pin", 1, 1, at(i));
  EXPECT_LE(s.hosts(), 16u);
  // The most recent host survived.
  EXPECT_EQ(s.totals(IpAddress::v4(0x0A000000u + 999), {}, 3600, at(1000)).count, 1u);
}

TEST(AggregationState, HashesCountDistinctExactlyAndAreCapped) {
  AggregationState s({100, 60}, 3600, 5);
  for (std::uint64_t h = 0; h < 3; ++h)
    for (int rep = 0; rep < 4; ++rep) s.observe(ip("10.0.0.1"), "kg_pin", h, at(rep));
  EXPECT_EQ(s.totals(ip("10.0.0.1"), {}, 3600, at(10)).distinct, 3u);
  for (std::uint64_t h = 100; h < 200; ++h) s.observe(ip("10.0.0.1"), "kg_pin", h, at(20));
  // At most max_hashes are kept: the newest, enough to meet any threshold up to the cap.
  EXPECT_EQ(s.totals(ip("10.0.0.1"), {}, 3600, at(20)).distinct, 5u);
  // Hashes older than the window do not count.
  EXPECT_EQ(s.totals(ip("10.0.0.1"), {}, 5, at(100)).distinct, 0u);
}

TEST(AggregationState, ClaimOncePerWindow) {
  AggregationState s({100, 60}, 3600, 10);
  EXPECT_TRUE(s.claim(ip("10.0.0.1"), 7, 3600, at(0)));
  EXPECT_FALSE(s.claim(ip("10.0.0.1"), 7, 3600, at(100)));
  EXPECT_TRUE(s.claim(ip("10.0.0.1"), 8, 3600, at(100)));
  EXPECT_TRUE(s.claim(ip("10.0.0.2"), 7, 3600, at(100)));
  EXPECT_TRUE(s.claim(ip("10.0.0.1"), 7, 3600, at(3600)));
}

TEST(PolicyFlowState, DeltasOfGrowingTallies) {
  PolicyFlowState st;
  auto d = st.take_delta(Direction::kToServer, {"kg_pin", 5, 3});
  EXPECT_EQ(d.count, 5u);
  d = st.take_delta(Direction::kToServer, {"kg_pin", 8, 4});
  EXPECT_EQ(d.count, 3u);
  EXPECT_EQ(d.distinct, 1u);
  d = st.take_delta(Direction::kToClient, {"kg_pin", 2, 2});
  EXPECT_EQ(d.count, 2u);
  d = st.take_delta(Direction::kToServer, {"kg_pin", 8, 4});
  EXPECT_EQ(d.count, 0u);
}

}  // namespace
}  // namespace korgoo::policy

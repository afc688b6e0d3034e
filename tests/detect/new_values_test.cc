// The detector hands out each value the first time a flow direction counts it (type and keyed
// hash), so that per-host aggregation across flows can count distinct values exactly.
#include <gtest/gtest.h>

#include "detect/detect_fixture.h"

namespace korgoo::detect::testing {
namespace {

TEST(NewValues, EachDistinctValueOnceInTheOrderSeenThenDrained) {
  Rng rng(31);
  const std::string a = kg_pin(rng);
  const std::string b = kg_pin(rng);
  FlowDetector fd(engine());
  const std::string text = "1," + a + "\n2," + b + "\n3," + a + "\n";
  fd.scan(Direction::kToServer, kRawView, as_bytes(text), scratch());
  fd.end_all(scratch());
  ASSERT_EQ(fd.tally(Direction::kToServer).count("kg_pin"), 3u);
  const auto values = fd.take_new_values(Direction::kToServer);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].type, "kg_pin");
  EXPECT_NE(values[0].hash, values[1].hash);
  EXPECT_TRUE(fd.take_new_values(Direction::kToServer).empty());
  EXPECT_TRUE(fd.take_new_values(Direction::kToClient).empty());
}

TEST(NewValues, SameValueInTwoFlowsHasTheSameHash) {
  Rng rng(32);
  const std::string text = "pin " + kg_pin(rng) + "\n";
  FlowDetector one(engine());
  FlowDetector two(engine());
  one.scan(Direction::kToServer, kRawView, as_bytes(text), scratch());
  two.scan(Direction::kToServer, kRawView, as_bytes(text), scratch());
  const auto a = one.take_new_values(Direction::kToServer);
  const auto b = two.take_new_values(Direction::kToServer);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].hash, b[0].hash);
  one.end_all(scratch());
  two.end_all(scratch());
}

}  // namespace
}  // namespace korgoo::detect::testing

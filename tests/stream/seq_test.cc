#include "stream/seq.h"

#include <gtest/gtest.h>

namespace korgoo::stream {
namespace {

TEST(Seq, ComparesAcrossWrap) {
  EXPECT_TRUE(seq::lt(0xFFFFFFF0u, 0x10u));
  EXPECT_TRUE(seq::gt(0x10u, 0xFFFFFFF0u));
  EXPECT_EQ(seq::diff(0x10u, 0xFFFFFFF0u), 0x20);
  EXPECT_EQ(seq::diff(0xFFFFFFF0u, 0x10u), -0x20);
  EXPECT_TRUE(seq::le(5u, 5u));
  EXPECT_TRUE(seq::ge(5u, 5u));
  EXPECT_FALSE(seq::lt(5u, 5u));
}

TEST(Seq, UnwrapGivesSixtyFourBitOffsets) {
  // Reference: offset 2^32 + 100 has sequence number 0xFFFFFFFF (wrapped once already).
  const std::uint64_t ref = (std::uint64_t{1} << 32) + 100;
  EXPECT_EQ(seq::unwrap(0xFFFFFFFFu, 0xFFFFFFFFu, ref), static_cast<std::int64_t>(ref));
  EXPECT_EQ(seq::unwrap(0x0u, 0xFFFFFFFFu, ref), static_cast<std::int64_t>(ref + 1));
  EXPECT_EQ(seq::unwrap(0xFFFFFFFEu, 0xFFFFFFFFu, ref), static_cast<std::int64_t>(ref - 1));
  EXPECT_EQ(seq::unwrap(10u, 20u, 5), -5);
}

}  // namespace
}  // namespace korgoo::stream

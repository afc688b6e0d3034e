#include "stream/ooo_buffer.h"

#include <gtest/gtest.h>

namespace korgoo::stream {
namespace {

TEST(OooBuffer, FindsRangeEndingAfterOffset) {
  ReassemblyBudget budget(1000);
  OooBuffer buf;
  buf.insert(10, as_bytes("abcde"), std::move(*budget.try_charge(5)));  // [10,15)
  buf.insert(20, as_bytes("xyz"), std::move(*budget.try_charge(3)));    // [20,23)
  EXPECT_EQ(buf.bytes(), 8u);
  EXPECT_EQ(budget.used(), 8u);
  EXPECT_EQ(buf.first_ending_after(0)->start, 10u);
  EXPECT_EQ(buf.first_ending_after(10)->start, 10u);
  EXPECT_EQ(buf.first_ending_after(14)->start, 10u);
  EXPECT_EQ(buf.first_ending_after(15)->start, 20u);
  EXPECT_EQ(buf.first_ending_after(22)->start, 20u);
  EXPECT_EQ(buf.first_ending_after(23), nullptr);
  EXPECT_EQ(buf.front()->start, 10u);
  buf.pop_front();
  EXPECT_EQ(buf.front()->start, 20u);
  EXPECT_EQ(budget.used(), 3u);
  buf.clear();
  EXPECT_TRUE(buf.empty());
  EXPECT_EQ(budget.used(), 0u);
}

}  // namespace
}  // namespace korgoo::stream

#include "stream/reassembly_budget.h"

#include <gtest/gtest.h>

#include <vector>

#include "stream/stream_config.h"

namespace korgoo::stream {
namespace {

TEST(ReassemblyBudget, ChargesUpToCapacityAndReleasesOnDestruction) {
  ReassemblyBudget budget(100);
  {
    auto a = budget.try_charge(60);
    ASSERT_TRUE(a);
    EXPECT_EQ(budget.used(), 60u);
    EXPECT_FALSE(budget.try_charge(41));
    auto b = budget.try_charge(40);
    ASSERT_TRUE(b);
    EXPECT_EQ(budget.used(), 100u);
    EXPECT_FALSE(budget.try_charge(1));
  }
  EXPECT_EQ(budget.used(), 0u);
  EXPECT_EQ(budget.peak(), 100u);
}

TEST(ReassemblyBudget, DefaultMatchesTheConfigDefault) {
  EXPECT_EQ(ReassemblyBudget().capacity(), StreamConfig{}.worker_buffer_cap);
}

TEST(ReassemblyBudget, MovedChargeReleasesOnce) {
  ReassemblyBudget budget(100);
  std::vector<BudgetCharge> held;
  held.push_back(std::move(*budget.try_charge(10)));
  held.push_back(std::move(*budget.try_charge(20)));
  BudgetCharge c = std::move(held[0]);
  EXPECT_EQ(held[0].bytes(), 0u);
  EXPECT_EQ(budget.used(), 30u);
  held.clear();
  EXPECT_EQ(budget.used(), 10u);
  c = std::move(*budget.try_charge(5));  // assigning releases the old charge
  EXPECT_EQ(budget.used(), 5u);
  c.reset();
  EXPECT_EQ(budget.used(), 0u);
}

}  // namespace
}  // namespace korgoo::stream

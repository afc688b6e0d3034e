#include "policy/hash_times.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

namespace korgoo::policy {
namespace {

// Random sets and erases, checked against std::unordered_map after each step. Keys share
// their low bits often (long probe runs, wrapping at the table's end) and include 0.
TEST(HashTimes, AgreesWithAMapThroughSetsAndErases) {
  HashTimes t;
  std::unordered_map<std::uint64_t, std::int64_t> want;
  std::mt19937_64 rng(11);
  for (int step = 0; step < 50000; ++step) {
    const std::uint64_t key = (rng() % 64) << (rng() % 2 ? 0 : 40) | (rng() % 3 == 0 ? 0 : 7);
    if (rng() % 3 == 0) {
      t.erase(key);
      want.erase(key);
    } else {
      const auto usec = static_cast<std::int64_t>(step);
      t.set(key, usec);
      want[key] = usec;
    }
    ASSERT_EQ(t.size(), want.size());
    const auto got = t.get(key);
    const auto it = want.find(key);
    ASSERT_EQ(got.has_value(), it != want.end());
    if (got) {
      ASSERT_EQ(*got, it->second);
    }
  }
  std::size_t seen = 0;
  t.for_each([&](std::uint64_t k, std::int64_t v) {
    ++seen;
    EXPECT_EQ(want.at(k), v);
  });
  EXPECT_EQ(seen, want.size());
}

}  // namespace
}  // namespace korgoo::policy
